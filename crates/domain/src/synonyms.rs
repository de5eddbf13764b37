//! The synonym list every municipality starts with: the words families use for the offers of
//! each life phase and domain, in the five UI languages, so that "Hebamme", "kreş", "حضانة" or
//! "дитячий садок" find the German offers from day one. The coordinator edits the list
//! afterwards; each line is one group of phrases that mean the same.

/// One group per line, phrases separated by commas (the format of the coordinator's form).
pub const DEFAULT_GROUPS: &[&str] = &[
    // pregnancy and birth
    "Schwangerschaft, Schwangere, schwanger, pregnancy, pregnant, hamilelik, hamile, حمل, حامل, вагітність, вагітна",
    "Hebamme, Familienhebamme, Hebammenhilfe, Hebammenpraxis, midwife, ebe, قابلة, القابلة, акушерка",
    "Schwangerschaftsberatung, Schwangerenberatung, Schwangerschaftskonfliktberatung, pregnancy counselling, hamilelik danışmanlığı, استشارة الحمل, консультація для вагітних",
    "Geburtsvorbereitung, Geburtsvorbereitungskurs, antenatal class, doğuma hazırlık, التحضير للولادة, підготовка до пологів",
    // early childhood
    "Baby, Säugling, Neugeborenes, newborn, bebek, رضيع, немовля",
    "Krabbelgruppe, Eltern-Kind-Gruppe, Spielgruppe, Babygruppe, playgroup, oyun grubu, مجموعة لعب, група для малюків",
    "Kita, Kindertagesstätte, Kindergarten, Krippe, Kinderkrippe, daycare, nursery, kreş, anaokulu, حضانة, روضة, дитячий садок, садочок, ясла",
    "Kindertagespflege, Tagesmutter, Tagesvater, childminder, gündüz bakıcısı, مربية نهارية, денна няня",
    // school age
    "Schule, Grundschule, school, primary school, okul, ilkokul, مدرسة, школа",
    "Hausaufgabenhilfe, Lernhilfe, Nachhilfe, homework help, tutoring, ödev yardımı, etüt, مساعدة في الواجبات, دروس تقوية, допомога з домашніми завданнями, репетитор",
    "Hort, Schulhort, Ganztag, after-school care, okul sonrası bakım, رعاية بعد المدرسة, група продовженого дня",
    "Schulsozialarbeit, Schulsozialarbeiter, school social work, okul sosyal hizmeti, الأخصائي الاجتماعي المدرسي, шкільний соціальний працівник",
    // youth and transition to work
    "Jugendclub, Jugendtreff, Jugendfreizeiteinrichtung, Jugendzentrum, youth club, gençlik merkezi, نادي الشباب, молодіжний клуб",
    "Ausbildung, Berufsausbildung, Lehre, apprenticeship, vocational training, meslek eğitimi, çıraklık, تدريب مهني, професійне навчання",
    "Berufsberatung, Berufsorientierung, Jugendberufsagentur, career advice, meslek danışmanlığı, توجيه مهني, профорієнтація",
    "Praktikum, internship, staj, تدريب عملي, стажування",
    // health
    "Kinderarzt, Kinderärztin, Kinderarztpraxis, Kinder- und Jugendarztpraxis, paediatrician, pediatrician, çocuk doktoru, طبيب أطفال, педіатр, дитячий лікар",
    "Frauenarzt, Frauenärztin, Gynäkologie, Gynäkologe, gynaecologist, kadın doktoru, jinekolog, طبيب نسائي, гінеколог",
    "Zahnarzt, Zahnärztin, dentist, diş hekimi, طبيب أسنان, стоматолог",
    "Frühförderung, early intervention, erken müdahale, التدخل المبكر, рання допомога",
    // youth welfare and counselling
    "Erziehungsberatung, Familienberatung, Elternberatung, parenting advice, family counselling, aile danışmanlığı, إرشاد أسري, استشارة تربوية, сімейна консультація",
    "Familienzentrum, Familientreff, Familienbüro, family centre, aile merkezi, مركز الأسرة, сімейний центр",
    "Frauenhaus, Schutzwohnung, Zufluchtswohnung, women's shelter, kadın sığınma evi, sığınma evi, دار حماية النساء, ملجأ النساء, притулок для жінок",
    "Gewalt, häusliche Gewalt, Gewaltschutz, domestic violence, aile içi şiddet, şiddet, عنف أسري, عنف, домашнє насильство",
    // social security
    "Schuldnerberatung, Schuldenberatung, debt advice, borç danışmanlığı, استشارة الديون, консультація з боргів",
    "Sozialberatung, social advice, sosyal danışmanlık, استشارة اجتماعية, соціальна консультація",
    "Bildung und Teilhabe, BuT, Bildungspaket, education and participation package, eğitim ve katılım paketi, حزمة التعليم والمشاركة, пакет освіти та участі",
    "Sprachkurs, Deutschkurs, Integrationskurs, German course, language course, Almanca kursu, dil kursu, دورة لغة, دورة اللغة الألمانية, мовний курс, курс німецької",
    // participation
    "Stadtteilzentrum, Nachbarschaftshaus, Nachbarschaftszentrum, community centre, mahalle merkezi, مركز الحي, громадський центр",
    "Bibliothek, Bücherei, Stadtbibliothek, library, kütüphane, مكتبة, бібліотека",
    "Spielplatz, playground, oyun parkı, ملعب أطفال, дитячий майданчик",
    "Sportverein, Sport, sports club, spor kulübü, spor, نادي رياضي, رياضة, спортивний клуб, спорт",
    "Musikschule, Musik, music school, müzik okulu, مدرسة موسيقى, музична школа",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_german_and_other_languages_and_no_phrase_repeats() {
        let mut seen = std::collections::HashSet::new();
        for group in DEFAULT_GROUPS {
            let phrases: Vec<&str> = group.split(',').map(str::trim).collect();
            assert!(phrases.len() >= 3, "{group}");
            assert!(phrases.iter().all(|p| !p.is_empty()), "{group}");
            // Arabic and Ukrainian script in every group: families typing in their language
            assert!(group.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "no Arabic in {group}");
            assert!(group.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)), "no Ukrainian in {group}");
            for p in phrases {
                assert!(seen.insert(p.to_lowercase()), "{p} is in two groups");
            }
        }
    }
}
