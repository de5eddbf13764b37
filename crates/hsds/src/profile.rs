//! The German profile: kette's vocabularies published as HSDS taxonomies. Each taxonomy has a
//! stable UUID and a `uri` under the profile; a term's `code` is kette's code and its `name`
//! the German label.

use serde_json::{json, Value};

use kette_domain::vocab::Vocabulary;
use kette_domain::TermKind;

use crate::Ids;

/// Where the profile is documented (also the `profile` of the API's base response).
pub const PROFILE_URI: &str = "https://kette.dev/hsds/profile/de-praeventionskette";

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub code: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// `link_entity` of attributes using it.
    pub link_entity: &'static str,
}

const fn t(code: &'static str, name: &'static str, description: &'static str, link_entity: &'static str) -> Taxonomy {
    Taxonomy { code, name, description, link_entity }
}

pub fn of_term_kind(kind: TermKind) -> Taxonomy {
    match kind {
        TermKind::LifePhase => {
            t("lebensphase", "Lebensphase", "Phase im Lebenslauf des Kindes, von der Schwangerschaft bis zum Berufseinstieg", "service")
        }
        TermKind::Domain => {
            t("handlungsfeld", "Handlungsfeld", "Handlungsfeld der Präventionskette (Gesundheit, Bildung, Jugendhilfe …)", "service")
        }
        TermKind::TargetGroup => t("zielgruppe", "Zielgruppe", "Für wen das Angebot gedacht ist", "service"),
        TermKind::Transition => t("uebergang", "Übergang", "Übergang im Lebenslauf, den das Angebot begleitet", "service"),
        // not an offer's attribute: never exported (the export walks `TermKind::OF_OFFERS`)
        TermKind::BodyKind => t("gremienart", "Gremienart", "Art eines Steuerungsgremiums", "organization"),
        TermKind::AgreementKind => t("kooperationsart", "Kooperationsart", "Art einer Kooperation zwischen Organisationen", "organization"),
    }
}

pub fn prevention_level() -> Taxonomy {
    t("praeventionsebene", "Präventionsebene", "Universell, selektiv oder indiziert", "service")
}
pub fn access() -> Taxonomy {
    t("zugang", "Zugang", "Wie Familien in das Angebot kommen: offen, mit Anmeldung, nach Vermittlung", "service")
}
pub fn cost() -> Taxonomy {
    t("kosten", "Kosten", "Kostenlos, ermäßigt (Bildung und Teilhabe) oder kostenpflichtig", "service")
}
pub fn age() -> Taxonomy {
    t("alter", "Alter in Monaten", "Genaue Altersgrenzen in Monaten; der Wert steht im Attribut", "service")
}
pub fn translation() -> Taxonomy {
    t(
        "uebersetzung",
        "Übersetzung",
        "Titel und Beschreibung in einer weiteren Sprache (de-x-ls: Leichte Sprache) als JSON im Attributwert",
        "service",
    )
}
pub fn funding() -> Taxonomy {
    t("finanzierung", "Finanzierungsart", "Regelfinanzierung, Projekt, Spende oder gemischt (nur interner Export)", "service")
}
pub fn internal() -> Taxonomy {
    t("intern", "Interne Angaben", "Fördersumme, Laufzeit, Plätze, Reichweite, Notiz (nur interner Export)", "service")
}
pub fn organisation_kind() -> Taxonomy {
    t("traegerart", "Art des Trägers", "Öffentliche Stelle, Wohlfahrtsverband, Schule, Kita, Verein …", "organization")
}
pub fn place() -> Taxonomy {
    t("ort", "Merkmal des Ortes", "Anlaufstelle (Ort, den Familien ohnehin aufsuchen) oder geschützte Adresse", "location")
}

pub fn taxonomy_id(ids: &Ids, t: &Taxonomy) -> String {
    ids.derived("taxonomy", t.code)
}

pub fn term_id(ids: &Ids, t: &Taxonomy, code: &str) -> String {
    ids.derived("taxonomy_term", &format!("{}:{code}", t.code))
}

pub fn taxonomy_json(ids: &Ids, t: &Taxonomy) -> Value {
    json!({
        "id": taxonomy_id(ids, t),
        "name": t.name,
        "description": t.description,
        "uri": format!("{PROFILE_URI}#{}", t.code),
        "version": "1",
    })
}

pub fn term_json(ids: &Ids, t: &Taxonomy, code: &str, name: &str, description: Option<&str>) -> Value {
    json!({
        "id": term_id(ids, t, code),
        "code": code,
        "name": name,
        "description": description.unwrap_or(name),
        "taxonomy": t.code,
        "taxonomy_id": taxonomy_id(ids, t),
        "language": "de",
    })
}

/// Every taxonomy of the profile.
pub fn taxonomies() -> Vec<Taxonomy> {
    let mut all: Vec<Taxonomy> = TermKind::OF_OFFERS.iter().map(|k| of_term_kind(*k)).collect();
    all.extend([prevention_level(), access(), cost(), age(), translation(), funding(), internal(), organisation_kind(), place()]);
    all
}

/// Every term of the profile for this vocabulary: the municipality's own terms plus the closed
/// lists.
pub fn terms(ids: &Ids, vocab: &Vocabulary) -> Vec<Value> {
    use kette_domain::vocab::{Access, Cost, FundingKind, OrganisationKind, PreventionLevel};
    let mut out = vec![];
    for kind in TermKind::OF_OFFERS {
        let tax = of_term_kind(kind);
        for term in vocab.of(kind) {
            out.push(term_json(ids, &tax, &term.code, &term.label_de, Some(&term.label_en)));
        }
    }
    for p in PreventionLevel::ALL {
        out.push(term_json(ids, &prevention_level(), p.as_str(), p.as_str(), None));
    }
    for a in Access::ALL {
        out.push(term_json(ids, &access(), a.as_str(), a.as_str(), None));
    }
    for c in Cost::ALL {
        out.push(term_json(ids, &cost(), c.as_str(), c.as_str(), None));
    }
    for f in FundingKind::ALL {
        out.push(term_json(ids, &funding(), f.as_str(), f.as_str(), None));
    }
    for k in OrganisationKind::ALL {
        out.push(term_json(ids, &organisation_kind(), k.as_str(), k.as_str(), None));
    }
    out.push(term_json(ids, &age(), "min_age_months", "Mindestalter in Monaten", None));
    out.push(term_json(ids, &age(), "max_age_months", "Höchstalter in Monaten (ausschließlich)", None));
    out.push(term_json(ids, &place(), "anchor_point", "Anlaufstelle", None));
    out.push(term_json(ids, &place(), "confidential", "Geschützte Adresse", None));
    out
}
