//! Translations and Leichte Sprache for the demo's offer descriptions, and a starting synonym
//! list. The descriptions come from the import rules (`kette_ingest::berlin`), so each has one
//! translation per language here; the facility names stay as they are.

/// (German description or its start, [en, tr, ar, uk, Leichte Sprache])
const TEXTS: &[(&str, [&str; 5])] = &[
    (
        "Familienzentrum: Beratung, Eltern-Kind-Angebote, Begegnung und Vermittlung zu weiteren Angeboten im Kiez.",
        [
            "Family centre: advice, parent-and-child groups, meeting other families, and help finding further offers in the neighbourhood.",
            "Aile merkezi: danışmanlık, ebeveyn-çocuk grupları, tanışma ve mahalledeki diğer hizmetlere yönlendirme.",
            "مركز الأسرة: استشارات، أنشطة للآباء والأطفال، لقاءات، ومساعدة في الوصول إلى خدمات أخرى في الحي.",
            "Сімейний центр: консультації, заняття для батьків з дітьми, зустрічі та допомога у пошуку інших послуг у районі.",
            "Das ist ein Familien-Zentrum. Hier können Eltern und Kinder hin gehen. Sie können Fragen stellen. Sie können andere Familien treffen. Das kostet nichts.",
        ],
    ),
    (
        "Kindertagesstätte mit",
        [
            "Daycare centre (Kita). Childcare in Berlin is free of charge; you register with a Kita voucher (Kita-Gutschein) from the youth welfare office.",
            "Kreş (Kita). Berlin'de kreş ücretsizdir; gençlik dairesinden alınan Kita-Gutschein ile kayıt yapılır.",
            "روضة أطفال (Kita). رعاية الأطفال في برلين مجانية؛ يتم التسجيل بقسيمة الروضة (Kita-Gutschein) من مكتب رعاية الشباب.",
            "Дитячий садок (Kita). Догляд за дітьми в Берліні безкоштовний; запис за ваучером Kita-Gutschein від служби у справах молоді.",
            "Das ist eine Kita. In der Kita spielen und lernen Kinder. Die Kita kostet in Berlin kein Geld. Sie brauchen einen Kita-Gutschein. Den Gutschein gibt es beim Jugend-Amt.",
        ],
    ),
    (
        "Öffentliche Bibliothek:",
        [
            "Public library: books and media, reading aloud and reading support, places to study. The library card is free for children and young people.",
            "Halk kütüphanesi: kitaplar ve medya, kitap okuma ve okuma desteği, çalışma yerleri. Çocuklar ve gençler için kütüphane kartı ücretsizdir.",
            "مكتبة عامة: كتب ووسائط، قراءة بصوت عالٍ ودعم القراءة، أماكن للدراسة. بطاقة المكتبة مجانية للأطفال والشباب.",
            "Публічна бібліотека: книжки та медіа, читання вголос і підтримка читання, місця для навчання. Читацький квиток для дітей і молоді безкоштовний.",
            "Das ist eine Bibliothek. Hier können Sie Bücher aus-leihen. Für Kinder gibt es Vor-Lesen. Der Ausweis für Kinder kostet nichts.",
        ],
    ),
    (
        "Kinder- und Jugendarztpraxis:",
        [
            "Paediatric practice: check-ups for children (U1–U9, J1), vaccinations, treatment.",
            "Çocuk doktoru muayenehanesi: çocuk check-up'ları (U1–U9, J1), aşılar, tedavi.",
            "عيادة طبيب أطفال: فحوصات الأطفال الدورية (U1–U9، J1)، تطعيمات، علاج.",
            "Дитячий лікар: профілактичні огляди (U1–U9, J1), щеплення, лікування.",
            "Das ist eine Praxis für Kinder. Die Ärztin oder der Arzt untersucht Ihr Kind. Ihr Kind bekommt hier Impfungen.",
        ],
    ),
    (
        "Frauenärztliche Praxis:",
        [
            "Gynaecological practice: antenatal care and advice.",
            "Kadın doğum muayenehanesi: hamilelik kontrolleri ve danışmanlık.",
            "عيادة طب النساء: متابعة الحمل واستشارات.",
            "Гінекологічна практика: спостереження під час вагітності та консультації.",
            "Das ist eine Praxis für Frauen. Wenn Sie schwanger sind, untersucht die Ärztin Sie und Ihr Baby.",
        ],
    ),
    (
        "Offene Kinder- und Jugendarbeit:",
        [
            "Open youth work: leisure, advice and support for young people.",
            "Açık çocuk ve gençlik çalışması: gençler için boş zaman, danışmanlık ve destek.",
            "عمل مفتوح مع الأطفال والشباب: أنشطة ترفيهية واستشارات ودعم للشباب.",
            "Відкрита робота з дітьми та молоддю: дозвілля, консультації та підтримка для молоді.",
            "Das ist ein Treff für Jugendliche. Hier können Jugendliche ihre Frei-Zeit verbringen. Sie können auch Fragen stellen.",
        ],
    ),
    (
        "Kinderfreizeiteinrichtung:",
        [
            "Children's leisure centre: play, creativity and homework help.",
            "Çocuk boş zaman merkezi: oyun, yaratıcılık ve ödev yardımı.",
            "مركز ترفيه للأطفال: لعب وإبداع ومساعدة في الواجبات المدرسية.",
            "Дитячий дозвіллєвий центр: гра, творчість і допомога з домашніми завданнями.",
            "Das ist ein Haus für Kinder. Hier können Kinder spielen und basteln. Es gibt Hilfe bei den Haus-Aufgaben.",
        ],
    ),
    (
        "Nachbarschafts- und Stadtteilzentrum:",
        [
            "Neighbourhood centre: meeting place, advice and courses for all generations.",
            "Mahalle merkezi: her yaştan insan için buluşma yeri, danışmanlık ve kurslar.",
            "مركز الحي: مكان لقاء واستشارات ودورات لجميع الأجيال.",
            "Сусідський центр: місце зустрічей, консультації та курси для всіх поколінь.",
            "Das ist ein Treff-Punkt im Stadt-Teil. Hier treffen sich junge und alte Menschen. Es gibt Kurse und Beratung.",
        ],
    ),
    (
        "Grundschule:",
        [
            "Primary school: lessons, all-day care and school social work.",
            "İlkokul: dersler, tam gün bakım ve okul sosyal hizmeti.",
            "مدرسة ابتدائية: دروس ورعاية طوال اليوم وعمل اجتماعي مدرسي.",
            "Початкова школа: уроки, група продовженого дня та шкільна соціальна робота.",
            "Das ist eine Grund-Schule. Hier lernen Kinder von der 1. bis zur 6. Klasse.",
        ],
    ),
];

/// The translations of a demo description: (language, text) pairs, empty if none is known.
pub fn translations(description: &str) -> Vec<(&'static str, &'static str)> {
    let Some((_, texts)) = TEXTS.iter().find(|(de, _)| description.starts_with(de)) else { return vec![] };
    ["en", "tr", "ar", "uk", kette_store::EASY_GERMAN].into_iter().zip(texts.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_five_texts_and_kitas_match_by_start() {
        assert_eq!(translations("Kindertagesstätte mit 60 genehmigten Plätzen. Träger: X.").len(), 5);
        assert!(translations("Etwas ganz anderes").is_empty());
        for (de, texts) in TEXTS {
            assert!(texts.iter().all(|t| !t.is_empty()), "{de}");
        }
    }
}
