//! The strategy cycle of a prevention network (build-up, implementation, consolidation) with the
//! activities and success factors of each phase as the source texts name them, and the checks
//! that record, with a date and evidence, what a municipality has achieved. The lists are the
//! municipality's to rename and extend: stored items override or add to the defaults here.

use serde::Serialize;
use time::Date;

use crate::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Aufbau (~ first year): mandate, coordination post, partners, steering group, kick-off,
    /// inventory and needs analysis.
    BuildUp,
    /// Umsetzung (~ second year): events, concrete activities, public relations, trainings.
    Implementation,
    /// Verstetigung (~ third year): offers and the post made permanent, reporting, review.
    Consolidation,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::BuildUp, Phase::Implementation, Phase::Consolidation];
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::BuildUp => "build_up",
            Phase::Implementation => "implementation",
            Phase::Consolidation => "consolidation",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Activity,
    SuccessFactor,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Activity => "activity",
            ItemKind::SuccessFactor => "success_factor",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [ItemKind::Activity, ItemKind::SuccessFactor].into_iter().find(|k| k.as_str() == s)
    }
}

/// One entry of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CycleItem {
    pub code: String,
    pub phase: Phase,
    pub kind: ItemKind,
    pub label_de: String,
    pub label_en: String,
}

impl CycleItem {
    pub fn label(&self, lang: &str) -> &str {
        if lang == "de" || self.label_en.is_empty() {
            &self.label_de
        } else {
            &self.label_en
        }
    }
}

/// The checklist every municipality starts with (LVR Koordinationsstelle Kinderarmut:
/// Strategiezyklus Netzwerkarbeit and the success factors of each phase).
pub fn default_items() -> Vec<CycleItem> {
    use ItemKind::*;
    use Phase::*;
    let i = |code: &str, phase, kind, de: &str, en: &str| CycleItem {
        code: code.into(),
        phase,
        kind,
        label_de: de.into(),
        label_en: en.into(),
    };
    vec![
        i("mandate_clarified", BuildUp, Activity, "Auftrag geklärt, Förderung beantragt", "Mandate clarified, funding applied for"),
        i("coordination_post", BuildUp, Activity, "Koordinationsstelle eingerichtet", "Coordination post set up"),
        i("partners_won", BuildUp, Activity, "Netzwerkpartner gewonnen", "Network partners won"),
        i("steering_group_formed", BuildUp, Activity, "Steuerungsgruppe gebildet", "Steering group formed"),
        i("kick_off", BuildUp, Activity, "Auftaktveranstaltung durchgeführt", "Kick-off event held"),
        i("inventory_needs", BuildUp, Activity, "Bestands- und Bedarfsanalyse", "Inventory and needs analysis"),
        i(
            "political_mandate",
            BuildUp,
            SuccessFactor,
            "Klares Mandat, klarer politischer Auftrag",
            "Clear mandate and political assignment",
        ),
        i("leadership_backing", BuildUp, SuccessFactor, "Rückendeckung durch die Leitung", "Backing by the leadership"),
        i("decision_makers", BuildUp, SuccessFactor, "Entscheider in der Steuerungsgruppe", "Decision makers in the steering group"),
        i("events", Implementation, Activity, "Veranstaltungen durchgeführt", "Events held"),
        i("concrete_activities", Implementation, Activity, "Konkrete Aktivitäten entwickelt", "Concrete activities developed"),
        i("public_relations", Implementation, Activity, "Öffentlichkeitsarbeit verstärkt", "Public relations stepped up"),
        i(
            "cooperations_trainings",
            Implementation,
            Activity,
            "Kooperationen, Fortbildungen, Fachtage",
            "Cooperations, trainings, specialist days",
        ),
        i(
            "ways_of_working",
            Implementation,
            SuccessFactor,
            "Gemeinsame Arbeitsweisen vereinbart (Geschäftsordnung, Zuständigkeiten)",
            "Agreed ways of working (rules of procedure, responsibilities)",
        ),
        i(
            "regular_reliable",
            Implementation,
            SuccessFactor,
            "Regelmäßige und verlässliche Netzwerkarbeit",
            "Regular and reliable network work",
        ),
        i("staffing", Implementation, SuccessFactor, "Ausreichende und beständige Personalressourcen", "Sufficient and lasting staffing"),
        i("offers_permanent", Consolidation, Activity, "Angebote dauerhaft fortgeführt", "Offers continued permanently"),
        i("post_secured", Consolidation, Activity, "Koordinationsstelle verstetigt", "Coordination post made permanent"),
        i("reporting_reflection", Consolidation, Activity, "Berichterstattung und Reflexion", "Reporting and reflection"),
        i(
            "chain_reviewed",
            Consolidation,
            Activity,
            "Präventionskette überprüft und ausgeweitet",
            "Prevention chain reviewed and extended",
        ),
        i(
            "funding_secured",
            Consolidation,
            SuccessFactor,
            "Stelle finanziell und strukturell abgesichert",
            "Post secured financially and structurally",
        ),
        i("new_partners", Consolidation, SuccessFactor, "Weitere Partner gewonnen", "Further partners won"),
        i(
            "overall_strategy",
            Consolidation,
            SuccessFactor,
            "Handeln im Sinne einer kommunalen Gesamtstrategie",
            "Acting on a municipal overall strategy",
        ),
    ]
}

/// What shows an item is achieved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "ref")]
pub enum Evidence {
    Decision(i64),
    Measure(i64),
    /// A web address of a document (council resolution, rules of procedure, report).
    Document(String),
}

/// A check as the coordination records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckInput {
    pub item_code: String,
    pub done_on: Date,
    pub evidence: Option<Evidence>,
    pub note: String,
}

impl CheckInput {
    pub fn validate(&self, today: Date) -> Result<(), Vec<FieldError>> {
        let mut e = vec![];
        if self.done_on > today {
            e.push(FieldError::new("done_on", "error-date-future", "an achievement is dated today or earlier"));
        }
        if let Some(Evidence::Document(url)) = &self.evidence {
            let u = url.trim().to_ascii_lowercase();
            if !(u.starts_with("https://") || u.starts_with("http://")) || u.len() < 12 || u.contains(char::is_whitespace) {
                e.push(FieldError::new("evidence_url", "error-url", "a web address (https://…)"));
            }
        }
        if self.note.chars().count() > 2_000 {
            e.push(FieldError::new("note", "error-too-long", "at most 2,000 characters"));
        }
        if e.is_empty() {
            Ok(())
        } else {
            Err(e)
        }
    }
}

/// The municipality's list: the defaults with stored labels over them, hidden ones left out,
/// added ones after the defaults of their phase.
pub fn merge(defaults: Vec<CycleItem>, stored: &[(CycleItem, bool)]) -> Vec<CycleItem> {
    let mut out: Vec<CycleItem> = defaults
        .into_iter()
        .filter_map(|d| match stored.iter().find(|(s, _)| s.code == d.code) {
            Some((_, true)) => None,
            Some((s, false)) => Some(CycleItem { phase: d.phase, kind: d.kind, ..s.clone() }),
            None => Some(d),
        })
        .collect();
    for (s, hidden) in stored {
        if !hidden && !out.iter().any(|o| o.code == s.code) {
            out.push(s.clone());
        }
    }
    // phases in order, activities before success factors, otherwise as listed
    out.sort_by_key(|i| (i.phase, i.kind == ItemKind::SuccessFactor));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn every_phase_has_activities_and_success_factors() {
        let items = default_items();
        for phase in Phase::ALL {
            assert!(items.iter().any(|i| i.phase == phase && i.kind == ItemKind::Activity), "{phase:?}");
            assert!(items.iter().any(|i| i.phase == phase && i.kind == ItemKind::SuccessFactor), "{phase:?}");
        }
        let mut codes: Vec<_> = items.iter().map(|i| &i.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), items.len(), "codes are unique");
    }

    #[test]
    fn stored_items_rename_hide_and_add() {
        let renamed = CycleItem {
            code: "kick_off".into(),
            phase: Phase::Consolidation,
            kind: ItemKind::SuccessFactor,
            label_de: "Auftakt im Rathaus".into(),
            label_en: String::new(),
        };
        let hidden = CycleItem { code: "events".into(), ..renamed.clone() };
        let added = CycleItem {
            code: "own_item".into(),
            phase: Phase::BuildUp,
            kind: ItemKind::Activity,
            label_de: "Eigener Punkt".into(),
            label_en: String::new(),
        };
        let list = merge(default_items(), &[(renamed, false), (hidden, true), (added, false)]);
        let kick_off = list.iter().find(|i| i.code == "kick_off").unwrap();
        assert_eq!((kick_off.label_de.as_str(), kick_off.phase), ("Auftakt im Rathaus", Phase::BuildUp), "a default keeps its phase");
        assert!(!list.iter().any(|i| i.code == "events"));
        let own = list.iter().position(|i| i.code == "own_item").unwrap();
        let first_factor = list.iter().position(|i| i.code == "political_mandate").unwrap();
        assert!(own < first_factor, "added activities sit with the activities of their phase");
    }

    #[test]
    fn checks_are_dated_and_documents_are_web_addresses() {
        let c = CheckInput {
            item_code: "kick_off".into(),
            done_on: date!(2026 - 12 - 01),
            evidence: Some(Evidence::Document("javascript:alert(1)".into())),
            note: String::new(),
        };
        let fields: Vec<_> = c.validate(date!(2026 - 11 - 22)).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["done_on", "evidence_url"]);
        let ok =
            CheckInput { evidence: Some(Evidence::Document("https://ratsinfo.example/b/42".into())), done_on: date!(2026 - 03 - 01), ..c };
        assert!(ok.validate(date!(2026 - 11 - 22)).is_ok());
    }
}
