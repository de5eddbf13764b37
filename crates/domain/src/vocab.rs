//! Controlled vocabularies. Life phases, domains, target groups and transitions are *defaults*:
//! each municipality gets a copy it may rename and extend, so the code never matches on their
//! codes except where a default rule (such as the demo mapping) explicitly names one.
//! Closed enumerations (cost, access, prevention level, status, organisation kind) are fixed
//! because rules depend on them; their labels live in the translation files.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    LifePhase,
    Domain,
    TargetGroup,
    Transition,
    /// Kinds of steering bodies (steering group, working group, network conference).
    BodyKind,
    /// What ties two organisations in a cooperation agreement (issue 16).
    AgreementKind,
}

impl TermKind {
    pub const ALL: [TermKind; 6] =
        [TermKind::LifePhase, TermKind::Domain, TermKind::TargetGroup, TermKind::Transition, TermKind::BodyKind, TermKind::AgreementKind];
    /// The kinds that describe offers (and go out as HSDS taxonomies).
    pub const OF_OFFERS: [TermKind; 4] = [TermKind::LifePhase, TermKind::Domain, TermKind::TargetGroup, TermKind::Transition];
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::LifePhase => "life_phase",
            TermKind::Domain => "domain",
            TermKind::TargetGroup => "target_group",
            TermKind::Transition => "transition",
            TermKind::BodyKind => "body_kind",
            TermKind::AgreementKind => "agreement_kind",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One entry of a municipality's vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub kind: TermKind,
    pub code: String,
    pub label_de: String,
    pub label_en: String,
    /// Age range in months a life phase covers (inclusive lower, exclusive upper bound).
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
    pub sort: i64,
}

impl Term {
    fn new(kind: TermKind, code: &str, de: &str, en: &str, sort: i64) -> Self {
        Term { kind, code: code.into(), label_de: de.into(), label_en: en.into(), min_age_months: None, max_age_months: None, sort }
    }
    fn ages(mut self, min: u32, max: u32) -> Self {
        self.min_age_months = Some(min);
        self.max_age_months = Some(max);
        self
    }
    /// Label in the requested UI language. Turkish, Arabic and Ukrainian labels exist for the
    /// default terms as long as the coordinator kept their German label; other terms show the
    /// German label in those languages.
    pub fn label(&self, lang: &str) -> &str {
        match lang {
            "en" if !self.label_en.is_empty() => &self.label_en,
            "de" | "en" => &self.label_de,
            other => default_translation(self.kind, &self.code, &self.label_de, other).unwrap_or(&self.label_de),
        }
    }
}

/// The defaults from DOMAIN.md that every new municipality starts with.
pub fn default_terms() -> Vec<Term> {
    use TermKind::*;
    vec![
        // Pregnancy is modelled as the nine months before birth: negative ages are not stored,
        // so pregnancy_birth covers 0..1 month of the child's life plus offers for expecting parents.
        Term::new(LifePhase, "pregnancy_birth", "Schwangerschaft und Geburt", "Pregnancy and birth", 1).ages(0, 1),
        Term::new(LifePhase, "early_childhood", "Frühe Kindheit (0–3)", "Early childhood (0–3)", 2).ages(0, 36),
        Term::new(LifePhase, "kita", "Kita-Alter (3–6)", "Daycare age (3–6)", 3).ages(36, 72),
        Term::new(LifePhase, "primary", "Grundschule (6–10)", "Primary school (6–10)", 4).ages(72, 120),
        Term::new(LifePhase, "secondary", "Sekundarstufe I (10–16)", "Lower secondary (10–16)", 5).ages(120, 192),
        Term::new(LifePhase, "transition_to_work", "Übergang Schule–Beruf (16–25)", "School to work (16–25)", 6).ages(192, 300),
        Term::new(Domain, "health", "Gesundheit", "Health", 1),
        Term::new(Domain, "education", "Bildung", "Education", 2),
        Term::new(Domain, "youth_welfare", "Kinder- und Jugendhilfe", "Youth welfare", 3),
        Term::new(Domain, "social_security", "Soziale Sicherung", "Social security", 4),
        Term::new(Domain, "participation", "Teilhabe (Sport, Kultur, Freizeit)", "Participation (sport, culture, leisure)", 5),
        Term::new(Domain, "protection", "Kinderschutz", "Child protection", 6),
        Term::new(TargetGroup, "all_families", "Alle Familien", "All families", 1),
        Term::new(TargetGroup, "parents", "Eltern", "Parents", 2),
        Term::new(TargetGroup, "pregnant_women", "Schwangere", "Pregnant women", 3),
        Term::new(TargetGroup, "single_parents", "Alleinerziehende", "Single parents", 4),
        Term::new(TargetGroup, "refugees", "Geflüchtete Familien", "Refugee families", 5),
        Term::new(TargetGroup, "special_needs", "Kinder mit besonderem Förderbedarf", "Children with special needs", 6),
        Term::new(TargetGroup, "children", "Kinder", "Children", 7),
        Term::new(TargetGroup, "young_people", "Jugendliche und junge Erwachsene", "Young people", 8),
        Term::new(TargetGroup, "low_income", "Familien mit geringem Einkommen", "Low-income families", 9),
        Term::new(Transition, "family_to_daycare", "Familie → Kita", "Family → daycare", 1),
        Term::new(Transition, "kita_to_primary", "Kita → Grundschule", "Daycare → primary school", 2),
        Term::new(Transition, "primary_to_secondary", "Grundschule → weiterführende Schule", "Primary → secondary school", 3),
        Term::new(Transition, "school_to_work", "Schule → Beruf", "School → work", 4),
        Term::new(BodyKind, "steering_group", "Steuerungsgruppe", "Steering group", 1),
        Term::new(BodyKind, "working_group", "Arbeitsgruppe", "Working group", 2),
        Term::new(BodyKind, "network_conference", "Netzwerkkonferenz", "Network conference", 3),
        Term::new(AgreementKind, "cooperation_agreement", "Kooperationsvereinbarung", "Cooperation agreement", 1),
        Term::new(AgreementKind, "joint_offer", "Gemeinsames Angebot", "Joint offer", 2),
        Term::new(AgreementKind, "referral_route", "Verweisungsweg", "Referral route", 3),
        Term::new(AgreementKind, "shared_working_group", "Gemeinsame Arbeitsgruppe", "Shared working group", 4),
    ]
}

/// Labels of the default terms in the finder's further languages (tr, ar, uk), keyed by kind,
/// code and the German default label: a renamed term no longer matches and falls back.
const DEFAULT_TRANSLATIONS: &[(TermKind, &str, &str, [&str; 3])] = {
    use TermKind::*;
    &[
        (LifePhase, "pregnancy_birth", "Schwangerschaft und Geburt", ["Hamilelik ve doğum", "الحمل والولادة", "Вагітність і пологи"]),
        (LifePhase, "early_childhood", "Frühe Kindheit (0–3)", ["Erken çocukluk (0–3)", "الطفولة المبكرة (0–3)", "Раннє дитинство (0–3)"]),
        (LifePhase, "kita", "Kita-Alter (3–6)", ["Kreş çağı (3–6)", "سن الروضة (3–6)", "Дитсадковий вік (3–6)"]),
        (LifePhase, "primary", "Grundschule (6–10)", ["İlkokul (6–10)", "المدرسة الابتدائية (6–10)", "Початкова школа (6–10)"]),
        (LifePhase, "secondary", "Sekundarstufe I (10–16)", ["Ortaokul (10–16)", "المرحلة الإعدادية (10–16)", "Середня школа (10–16)"]),
        (
            LifePhase,
            "transition_to_work",
            "Übergang Schule–Beruf (16–25)",
            ["Okuldan mesleğe geçiş (16–25)", "الانتقال من المدرسة إلى العمل (16–25)", "Перехід від школи до професії (16–25)"],
        ),
        (Domain, "health", "Gesundheit", ["Sağlık", "الصحة", "Здоров’я"]),
        (Domain, "education", "Bildung", ["Eğitim", "التعليم", "Освіта"]),
        (
            Domain,
            "youth_welfare",
            "Kinder- und Jugendhilfe",
            ["Çocuk ve gençlik yardımı", "رعاية الأطفال والشباب", "Допомога дітям і молоді"],
        ),
        (Domain, "social_security", "Soziale Sicherung", ["Sosyal güvence", "الضمان الاجتماعي", "Соціальне забезпечення"]),
        (
            Domain,
            "participation",
            "Teilhabe (Sport, Kultur, Freizeit)",
            ["Katılım (spor, kültür, boş zaman)", "المشاركة (رياضة، ثقافة، أوقات فراغ)", "Участь (спорт, культура, дозвілля)"],
        ),
        (Domain, "protection", "Kinderschutz", ["Çocuk koruma", "حماية الطفل", "Захист дітей"]),
        (TargetGroup, "all_families", "Alle Familien", ["Tüm aileler", "جميع العائلات", "Усі сім’ї"]),
        (TargetGroup, "parents", "Eltern", ["Ebeveynler", "الوالدان", "Батьки"]),
        (TargetGroup, "pregnant_women", "Schwangere", ["Hamile kadınlar", "الحوامل", "Вагітні"]),
        (TargetGroup, "single_parents", "Alleinerziehende", ["Tek ebeveynler", "الآباء والأمهات المنفردون", "Батьки-одинаки"]),
        (TargetGroup, "refugees", "Geflüchtete Familien", ["Mülteci aileler", "العائلات اللاجئة", "Сім’ї біженців"]),
        (
            TargetGroup,
            "special_needs",
            "Kinder mit besonderem Förderbedarf",
            ["Özel desteğe ihtiyacı olan çocuklar", "أطفال ذوو احتياجات خاصة", "Діти з особливими потребами"],
        ),
        (TargetGroup, "children", "Kinder", ["Çocuklar", "الأطفال", "Діти"]),
        (
            TargetGroup,
            "young_people",
            "Jugendliche und junge Erwachsene",
            ["Gençler ve genç yetişkinler", "المراهقون والشباب", "Підлітки та молодь"],
        ),
        (
            TargetGroup,
            "low_income",
            "Familien mit geringem Einkommen",
            ["Düşük gelirli aileler", "العائلات ذات الدخل المنخفض", "Сім’ї з низьким доходом"],
        ),
        (Transition, "family_to_daycare", "Familie → Kita", ["Aile → kreş", "الأسرة ← الروضة", "Сім’я → дитсадок"]),
        (
            Transition,
            "kita_to_primary",
            "Kita → Grundschule",
            ["Kreş → ilkokul", "الروضة ← المدرسة الابتدائية", "Дитсадок → початкова школа"],
        ),
        (
            Transition,
            "primary_to_secondary",
            "Grundschule → weiterführende Schule",
            ["İlkokul → ortaokul", "الابتدائية ← الإعدادية", "Початкова → середня школа"],
        ),
        (Transition, "school_to_work", "Schule → Beruf", ["Okul → meslek", "المدرسة ← العمل", "Школа → професія"]),
        (BodyKind, "steering_group", "Steuerungsgruppe", ["Yönlendirme grubu", "مجموعة التوجيه", "Керівна група"]),
        (BodyKind, "working_group", "Arbeitsgruppe", ["Çalışma grubu", "مجموعة العمل", "Робоча група"]),
        (BodyKind, "network_conference", "Netzwerkkonferenz", ["Ağ konferansı", "مؤتمر الشبكة", "Конференція мережі"]),
        (
            AgreementKind,
            "cooperation_agreement",
            "Kooperationsvereinbarung",
            ["İşbirliği anlaşması", "اتفاقية تعاون", "Угода про співпрацю"],
        ),
        (AgreementKind, "joint_offer", "Gemeinsames Angebot", ["Ortak hizmet", "عرض مشترك", "Спільна пропозиція"]),
        (AgreementKind, "referral_route", "Verweisungsweg", ["Yönlendirme yolu", "مسار الإحالة", "Шлях направлення"]),
        (
            AgreementKind,
            "shared_working_group",
            "Gemeinsame Arbeitsgruppe",
            ["Ortak çalışma grubu", "مجموعة عمل مشتركة", "Спільна робоча група"],
        ),
    ]
};

fn default_translation(kind: TermKind, code: &str, label_de: &str, lang: &str) -> Option<&'static str> {
    let i = ["tr", "ar", "uk"].iter().position(|l| *l == lang)?;
    DEFAULT_TRANSLATIONS.iter().find(|(k, c, de, _)| *k == kind && *c == code && *de == label_de).map(|(_, _, _, t)| t[i])
}

/// A municipality's vocabulary, as loaded from storage.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Vocabulary {
    pub terms: Vec<Term>,
}

impl Vocabulary {
    pub fn new(mut terms: Vec<Term>) -> Self {
        terms.sort_by(|a, b| (a.kind, a.sort, &a.code).cmp(&(b.kind, b.sort, &b.code)));
        Vocabulary { terms }
    }
    pub fn of(&self, kind: TermKind) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.kind == kind)
    }
    pub fn get(&self, kind: TermKind, code: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.kind == kind && t.code == code)
    }
    pub fn contains(&self, kind: TermKind, code: &str) -> bool {
        self.get(kind, code).is_some()
    }
    pub fn label<'a>(&'a self, kind: TermKind, code: &'a str, lang: &str) -> &'a str {
        self.get(kind, code).map(|t| t.label(lang)).unwrap_or(code)
    }
}

macro_rules! closed_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$variant => $code),+ } }
            pub fn parse(s: &str) -> Option<Self> { match s { $($code => Some($name::$variant),)+ _ => None } }
            /// Key of the label in the translation files.
            pub fn label_key(self) -> String { format!("{}-{}", stringify!($name).to_lowercase(), self.as_str().replace('_', "-")) }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
        }
    };
}

closed_enum!(
    /// Who the offer is meant for in the prevention sense.
    PreventionLevel { Universal => "universal", Selective => "selective", Indicated => "indicated" }
);
closed_enum!(
    /// What a family pays. `Reduced` means reduced or covered through Bildung und Teilhabe.
    Cost { Free => "free", Reduced => "reduced", Fee => "fee" }
);
closed_enum!(
    /// How a family gets in.
    Access { Open => "open", Registration => "registration", Referral => "referral" }
);
closed_enum!(
    /// Life cycle of an offer. Only `Active` offers are public.
    OfferStatus { Draft => "draft", Active => "active", Paused => "paused", Ended => "ended" }
);
closed_enum!(
    /// Where the money for an offer comes from; project funding carries the consolidation risk.
    FundingKind { Regular => "regular", Project => "project", Donation => "donation", Mixed => "mixed" }
);
closed_enum!(
    /// What became of a navigator's contact when followed up: the family reached the offer, did
    /// not, or nobody knows yet. Nothing else about the family is kept.
    ContactOutcome { Unknown => "unknown", Reached => "reached", NotReached => "not_reached" }
);
closed_enum!(
    /// The network's own events (issue 16).
    EventKind {
        SpecialistDay => "specialist_day",
        Training => "training",
        Introduction => "introduction",
        KickOff => "kick_off",
        NetworkConference => "network_conference",
        Other => "other",
    }
);
closed_enum!(
    /// The profession participants are counted by — never their names.
    Profession {
        SocialWork => "social_work",
        Education => "education",
        Health => "health",
        Administration => "administration",
        Volunteer => "volunteer",
        Other => "other",
    }
);
closed_enum!(
    /// What is given in the engagement register: money, things, or time.
    GiftKind { Money => "money", InKind => "in_kind", Time => "time" }
);
closed_enum!(
    /// Who gives: a business, a foundation or club, or a citizen (never named).
    GiverKind { Business => "business", Foundation => "foundation", Club => "club", Citizen => "citizen" }
);
closed_enum!(
    /// Where a gift stands: offered, matched to a need, delivered, thanked.
    GiftStatus { Offered => "offered", Matched => "matched", Delivered => "delivered", Thanked => "thanked" }
);
closed_enum!(
    OrganisationKind {
        PublicOffice => "public_office",
        WelfareAssociation => "welfare_association",
        School => "school",
        Kita => "kita",
        Health => "health",
        Club => "club",
        Business => "business",
        Church => "church",
        Initiative => "initiative",
        Other => "other",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_life_phases_cover_birth_to_25_without_gaps() {
        let v = Vocabulary::new(default_terms());
        let mut phases: Vec<_> = v.of(TermKind::LifePhase).filter(|t| t.code != "pregnancy_birth").collect();
        phases.sort_by_key(|t| t.min_age_months);
        assert_eq!(phases.first().unwrap().min_age_months, Some(0));
        for w in phases.windows(2) {
            assert_eq!(w[0].max_age_months, w[1].min_age_months, "gap after {}", w[0].code);
        }
        assert_eq!(phases.last().unwrap().max_age_months, Some(300));
    }

    #[test]
    fn default_terms_speak_the_finder_languages_until_renamed() {
        let terms = default_terms();
        for t in &terms {
            for lang in ["tr", "ar", "uk"] {
                assert_ne!(t.label(lang), t.label_de, "{:?} {} lacks {lang}", t.kind, t.code);
            }
        }
        let mut renamed = terms.iter().find(|t| t.code == "health").unwrap().clone();
        assert_eq!(renamed.label("tr"), "Sağlık");
        renamed.label_de = "Gesundheit und Pflege".into();
        assert_eq!(renamed.label("tr"), "Gesundheit und Pflege");
    }

    #[test]
    fn closed_enums_round_trip_and_have_label_keys() {
        for c in Cost::ALL {
            assert_eq!(Cost::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Access::Referral.label_key(), "access-referral");
        assert_eq!(OrganisationKind::PublicOffice.label_key(), "organisationkind-public-office");
        assert_eq!(Cost::parse("gratis"), None);
    }

    #[test]
    fn labels_fall_back_to_german() {
        let v = Vocabulary::new(default_terms());
        assert_eq!(v.label(TermKind::Domain, "health", "fr"), "Gesundheit");
        assert_eq!(v.label(TermKind::Domain, "health", "en"), "Health");
        assert_eq!(v.label(TermKind::Domain, "unknown", "de"), "unknown");
    }
}
