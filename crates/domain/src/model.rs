//! The records of a prevention chain. Every record belongs to exactly one municipality; ids are
//! database ids and unique across the instance.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::vocab::{Access, Cost, FundingKind, OfferStatus, OrganisationKind, PreventionLevel};

pub type MunicipalityId = i64;
pub type DistrictId = i64;
pub type OrganisationId = i64;
pub type LocationId = i64;
pub type OfferId = i64;
pub type IndicatorId = i64;
pub type AccountId = i64;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Municipality {
    pub id: MunicipalityId,
    pub slug: String,
    pub name: String,
    /// Attribution of the data the municipality imported, shown in the footer.
    pub attribution: String,
    /// Records invented for a demo are marked so the UI can say so.
    pub is_demo: bool,
    /// Approval and verification rules.
    #[serde(default)]
    pub review: crate::review::ReviewPolicy,
    /// Small-count suppression and rounding of public outputs.
    #[serde(default)]
    pub confidentiality: crate::privacy::Confidentiality,
    /// Where families reach a navigator: shown when a search finds nothing and on the referral
    /// sheet of an offer whose address is protected.
    #[serde(default)]
    pub navigator_service: NavigatorService,
}

/// The municipality's navigator service (Familienlotsen, Familienbüro): how families reach a
/// person who helps them find the right offer. Every field may be empty.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct NavigatorService {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// Opening hours as the service writes them ("Mo–Fr 9–15 Uhr").
    pub hours: String,
}

impl NavigatorService {
    pub fn is_empty(&self) -> bool {
        self.phone.trim().is_empty() && self.email.trim().is_empty()
    }

    /// Field errors for what is set but cannot be a phone number or e-mail address.
    pub fn validate(&self) -> Result<(), Vec<crate::FieldError>> {
        let mut errors = vec![];
        let limits = [
            ("navigator_name", &self.name, 200),
            ("navigator_phone", &self.phone, 50),
            ("navigator_email", &self.email, 200),
            ("navigator_hours", &self.hours, 200),
        ];
        for (field, value, max) in limits {
            if value.chars().count() > max {
                errors.push(crate::FieldError::new(field, "error-too-long", "too long"));
            }
        }
        let phone = self.phone.trim();
        if !phone.is_empty()
            && (phone.chars().filter(|c| c.is_ascii_digit()).count() < 5
                || !phone.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c)))
        {
            errors.push(crate::FieldError::new("navigator_phone", "error-phone", "expected a phone number (digits, spaces, + - / ( ))"));
        }
        let email = self.email.trim();
        if !email.is_empty()
            && !email.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !email.contains(char::is_whitespace))
        {
            errors.push(crate::FieldError::new("navigator_email", "error-email", "expected an e-mail address"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A level of the district hierarchy, e.g. Bezirk → Prognoseraum → Bezirksregion → Planungsraum.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DistrictLevel {
    pub level: i64,
    pub code: String,
    pub label_de: String,
    pub label_en: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct District {
    pub id: DistrictId,
    /// The official key, e.g. the 8-digit LOR id. Unique within a municipality and boundary version.
    pub key: String,
    pub name: String,
    pub level: i64,
    pub parent_id: Option<DistrictId>,
    pub boundary_version: String,
    pub area_m2: Option<f64>,
    /// [min_lon, min_lat, max_lon, max_lat]
    pub bbox: Option<[f64; 4]>,
}

/// A district as imported, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDistrict {
    pub key: String,
    pub name: String,
    pub level: i64,
    pub parent_key: Option<String>,
    pub boundary_version: String,
    /// GeoJSON geometry (Polygon or MultiPolygon, WGS84) as text.
    pub geometry: Option<String>,
    /// The same outline simplified to a few metres: what public maps and answers draw.
    pub outline: Option<String>,
    pub area_m2: Option<f64>,
    pub bbox: Option<[f64; 4]>,
}

/// Population of one district, one year, one age group.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PopulationCount {
    pub district_key: String,
    pub year: i32,
    pub age_group: AgeGroup,
    pub count: i64,
}

/// Age groups as published by the statistical office: [min, max) in years; `max` None = open.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgeGroup {
    pub min_years: u32,
    pub max_years: Option<u32>,
}

impl AgeGroup {
    pub fn code(&self) -> String {
        match self.max_years {
            Some(max) => format!("{}-{}", self.min_years, max),
            None => format!("{}+", self.min_years),
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        if let Some(min) = code.strip_suffix('+') {
            return Some(AgeGroup { min_years: min.parse().ok()?, max_years: None });
        }
        let (a, b) = code.split_once('-')?;
        let (min, max) = (a.parse().ok()?, b.parse().ok()?);
        (min < max).then_some(AgeGroup { min_years: min, max_years: Some(max) })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ContactPerson {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub contacts: Vec<ContactPerson>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewOrganisation {
    /// Stable key from the source (e.g. the Kita sponsor id) so re-imports update, not duplicate.
    pub external_key: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub website: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Location {
    pub id: LocationId,
    pub organisation_id: OrganisationId,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district_id: Option<DistrictId>,
    /// A place families already go to (Kita, family centre, school).
    pub is_anchor_point: bool,
    /// A protected address (e.g. a shelter): never shown in public.
    pub is_confidential: bool,
    /// False while a place a partner created waits for the coordinator.
    #[serde(default = "approved")]
    pub is_approved: bool,
}

fn approved() -> bool {
    true
}

/// The editable content of a location, as forms and the API deliver it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct LocationInput {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Chosen by hand; if None and coordinates are given, the district is found from them.
    pub district_id: Option<DistrictId>,
    pub is_anchor_point: bool,
    pub is_confidential: bool,
}

/// The editable details of an organisation (name and kind change only by import or admin).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct OrganisationDetails {
    pub description: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub contacts: Vec<ContactPerson>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewLocation {
    pub external_key: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub district_key: Option<String>,
    pub is_anchor_point: bool,
    pub is_confidential: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Funding {
    pub kind: Option<FundingKind>,
    pub source: String,
    pub amount_eur: Option<f64>,
    /// End of project funding: the consolidation (Verstetigung) risk date.
    pub until: Option<Date>,
}

/// The editable content of an offer; what forms, the API and imports produce.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OfferInput {
    pub organisation_id: OrganisationId,
    pub title: String,
    pub description: String,
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    pub target_groups: Vec<String>,
    pub transitions: Vec<String>,
    /// ISO 639-1 codes of the languages spoken in the offer.
    pub languages: Vec<String>,
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
    pub prevention_level: PreventionLevel,
    pub cost: Cost,
    pub access: Access,
    pub schedule: String,
    pub capacity: Option<u32>,
    pub reach_per_year: Option<u32>,
    pub funding: Funding,
    pub status: OfferStatus,
    pub last_verified_on: Option<Date>,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
    pub location_ids: Vec<LocationId>,
}

impl OfferInput {
    /// An empty draft for a new offer of `organisation_id`.
    pub fn blank(organisation_id: OrganisationId) -> Self {
        OfferInput {
            organisation_id,
            title: String::new(),
            description: String::new(),
            life_phases: vec![],
            domains: vec![],
            target_groups: vec![],
            transitions: vec![],
            languages: vec!["de".into()],
            min_age_months: None,
            max_age_months: None,
            prevention_level: PreventionLevel::Universal,
            cost: Cost::Free,
            access: Access::Open,
            schedule: String::new(),
            capacity: None,
            reach_per_year: None,
            funding: Funding::default(),
            status: OfferStatus::Active,
            last_verified_on: None,
            contact_email: String::new(),
            contact_phone: String::new(),
            website: String::new(),
            location_ids: vec![],
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Offer {
    pub id: OfferId,
    pub organisation_name: String,
    pub is_fictional: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Whether the coordinator let the offer out (partners' new offers wait).
    #[serde(default)]
    pub approval: crate::review::Approval,
    #[serde(flatten)]
    pub input: OfferInput,
    pub locations: Vec<Location>,
}

/// An offer as delivered by an import: references by external keys.
#[derive(Debug, Clone)]
pub struct NewOffer {
    pub external_key: String,
    pub organisation_key: String,
    pub location_keys: Vec<String>,
    /// `organisation_id` and `location_ids` are ignored; the keys above decide.
    pub input: OfferInput,
    pub is_fictional: bool,
    /// Where the record came from, for error messages ("offers.csv line 12").
    pub origin: String,
}

/// A whole import: organisations, their locations and offers, written in one transaction.
#[derive(Debug, Clone, Default)]
pub struct ImportBatch {
    pub organisations: Vec<NewOrganisation>,
    pub locations: Vec<(String, NewLocation)>,
    pub offers: Vec<NewOffer>,
    /// Descriptions and contact persons of organisations, by organisation key (formats that
    /// carry them, such as HSDS).
    pub organisation_details: Vec<(String, String, Vec<ContactPerson>)>,
    /// Translated texts, by offer key: (offer key, language, title, description).
    pub translations: Vec<(String, String, String, String)>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ImportReport {
    pub organisations: usize,
    pub locations: usize,
    pub offers: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    HigherIsWorse,
    Neutral,
}

impl Direction {
    pub fn as_str(&self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::HigherIsWorse => "higher_is_worse",
            Direction::Neutral => "neutral",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "higher_is_better" => Some(Direction::HigherIsBetter),
            "higher_is_worse" => Some(Direction::HigherIsWorse),
            "neutral" => Some(Direction::Neutral),
            _ => None,
        }
    }
}

/// Definition of a monitoring indicator.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IndicatorDef {
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub description: String,
    pub unit: String,
    pub direction: Direction,
    pub source: String,
    pub licence: String,
    /// Rates with a smaller denominator are flagged or hidden.
    pub min_denominator: Option<f64>,
    #[serde(default)]
    pub meta: IndicatorMeta,
}

/// The rest of an indicator's documentation, as a catalogue shows it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct IndicatorMeta {
    /// What is counted above the line, e.g. "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften".
    pub numerator: String,
    /// The base, e.g. "Kinder unter 15 (Einwohnerregister)".
    pub denominator: String,
    /// When the source published the figures (YYYY-MM-DD).
    pub release_date: Option<String>,
    /// The level it is published for, e.g. "Planungsraum".
    pub spatial_level: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    #[serde(flatten)]
    pub def: IndicatorDef,
}

/// One value: district × indicator × year. `year` is the reference year (values as of 31.12.).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NewObservation {
    pub indicator_code: String,
    pub district_key: String,
    pub year: i32,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Where the value comes from, e.g. "MSS 2019".
    pub source: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Observation {
    pub indicator_id: IndicatorId,
    pub indicator_code: String,
    pub district_id: DistrictId,
    pub district_key: String,
    pub year: i32,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source: String,
    /// the boundary version the value was carried from (an estimate), if it was
    pub carried_from: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_group_codes_round_trip() {
        for code in ["0-6", "6-15", "65+"] {
            assert_eq!(AgeGroup::parse(code).unwrap().code(), code);
        }
        assert!(AgeGroup::parse("6-3").is_none());
        assert!(AgeGroup::parse("x").is_none());
    }
}
