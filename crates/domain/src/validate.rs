//! Validation of user input. Errors name the field and carry a message key for the translation
//! layer plus arguments, so the web layer can show them next to the field in any language.

use serde::Serialize;

use crate::model::{LocationInput, OfferInput, OrganisationDetails};
use crate::vocab::{FundingKind, TermKind, Vocabulary};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// Translation key, e.g. `error-required`.
    pub code: String,
    /// Plain-English explanation for API clients and logs.
    pub detail: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str, detail: impl Into<String>) -> Self {
        FieldError { field: field.into(), code: code.into(), detail: detail.into() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, thiserror::Error)]
#[error("{}", self.summary())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn push(&mut self, e: FieldError) {
        self.0.push(e)
    }
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
    pub fn summary(&self) -> String {
        self.0.iter().map(|e| format!("{}: {}", e.field, e.detail)).collect::<Vec<_>>().join("; ")
    }
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 10_000;
/// Offers serve people up to career entry; 27 years is the SGB VIII limit of youth welfare.
pub const MAX_AGE_MONTHS: u32 = 27 * 12;

/// A language code as we store it: ISO 639-1 (two letters) or 639-3 (three), lower case.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Checks an offer against the rules and the municipality's vocabulary.
pub fn validate_offer(input: &OfferInput, vocab: &Vocabulary) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let title = input.title.trim();
    if title.is_empty() {
        errs.push(FieldError::new("title", "error-required", "a title is required"));
    } else if title.chars().count() > MAX_TITLE {
        errs.push(FieldError::new("title", "error-too-long", format!("at most {MAX_TITLE} characters")));
    }
    if input.description.chars().count() > MAX_TEXT {
        errs.push(FieldError::new("description", "error-too-long", format!("at most {MAX_TEXT} characters")));
    }
    for (field, kind, codes) in [
        ("life_phases", TermKind::LifePhase, &input.life_phases),
        ("domains", TermKind::Domain, &input.domains),
        ("target_groups", TermKind::TargetGroup, &input.target_groups),
        ("transitions", TermKind::Transition, &input.transitions),
    ] {
        if let Some(bad) = codes.iter().find(|c| !vocab.contains(kind, c)) {
            errs.push(FieldError::new(field, "error-unknown-term", format!("unknown {} '{bad}'", kind.as_str())));
        }
    }
    if input.life_phases.is_empty() && input.min_age_months.is_none() && input.max_age_months.is_none() {
        errs.push(FieldError::new("life_phases", "error-life-phase-or-age", "choose at least one life phase or give an age range"));
    }
    if input.domains.is_empty() {
        errs.push(FieldError::new("domains", "error-required", "choose at least one domain"));
    }
    for (field, v) in [("min_age_months", input.min_age_months), ("max_age_months", input.max_age_months)] {
        if v.is_some_and(|m| m > MAX_AGE_MONTHS) {
            errs.push(FieldError::new(field, "error-age-range", format!("age must be between 0 and {MAX_AGE_MONTHS} months")));
        }
    }
    if let (Some(min), Some(max)) = (input.min_age_months, input.max_age_months) {
        if min > max {
            errs.push(FieldError::new("max_age_months", "error-age-order", "the upper age must not be below the lower age"));
        }
    }
    if let Some(bad) = input.languages.iter().find(|l| !is_language_code(l)) {
        errs.push(FieldError::new("languages", "error-language-code", format!("'{bad}' is not an ISO 639 language code")));
    }
    if input.funding.amount_eur.is_some_and(|a| !(a.is_finite() && a >= 0.0)) {
        errs.push(FieldError::new("funding_amount_eur", "error-not-negative", "the amount must be zero or more"));
    }
    if input.funding.until.is_some() && input.funding.kind == Some(FundingKind::Regular) {
        errs.push(FieldError::new("funding_until", "error-funding-until-regular", "regular budget funding has no end date"));
    }
    if !input.contact_email.is_empty() && !looks_like_email(&input.contact_email) {
        errs.push(FieldError::new("contact_email", "error-email", "not an e-mail address"));
    }
    if !input.website.is_empty() && !is_web_address(&input.website) {
        errs.push(FieldError::new("website", "error-url", "a web address starts with https:// or http://"));
    }
    errs.into_result()
}

fn is_web_address(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

fn is_german_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a location: a name, both coordinates or none, WGS84 ranges, a plausible postcode.
pub fn validate_location(input: &LocationInput) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::default();
    if input.name.trim().is_empty() {
        errs.push(FieldError::new("name", "error-required", "a name is required"));
    } else if input.name.chars().count() > MAX_TITLE {
        errs.push(FieldError::new("name", "error-too-long", format!("at most {MAX_TITLE} characters")));
    }
    match (input.lat, input.lon) {
        (Some(_), None) => errs.push(FieldError::new("lon", "error-coordinates-pair", "give both latitude and longitude")),
        (None, Some(_)) => errs.push(FieldError::new("lat", "error-coordinates-pair", "give both latitude and longitude")),
        _ => {}
    }
    if input.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
        errs.push(FieldError::new("lat", "error-latitude", "latitude must be between -90 and 90"));
    }
    if input.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
        errs.push(FieldError::new("lon", "error-longitude", "longitude must be between -180 and 180"));
    }
    let pc = input.postcode.trim();
    if !pc.is_empty() && !is_german_postcode(pc) {
        errs.push(FieldError::new("postcode", "error-postcode", "a German postcode has five digits"));
    }
    errs.into_result()
}

/// Checks an organisation's details and contact persons (each needs a name; e-mails must look right).
pub fn validate_organisation_details(d: &OrganisationDetails) -> Result<(), ValidationErrors> {
    let mut errs = ValidationErrors::default();
    if !d.email.is_empty() && !looks_like_email(&d.email) {
        errs.push(FieldError::new("email", "error-email", "not an e-mail address"));
    }
    if !d.website.is_empty() && !is_web_address(&d.website) {
        errs.push(FieldError::new("website", "error-url", "a web address starts with https:// or http://"));
    }
    if d.description.chars().count() > MAX_TEXT {
        errs.push(FieldError::new("description", "error-too-long", format!("at most {MAX_TEXT} characters")));
    }
    for (i, c) in d.contacts.iter().enumerate() {
        if c.name.trim().is_empty() {
            errs.push(FieldError::new(format!("contact_{i}_name"), "error-required", format!("contact {} needs a name", i + 1)));
        }
        if !c.email.is_empty() && !looks_like_email(&c.email) {
            errs.push(FieldError::new(format!("contact_{i}_email"), "error-email", format!("contact {}: not an e-mail address", i + 1)));
        }
    }
    errs.into_result()
}

/// Codes of vocabulary terms: lower-case ASCII letters, digits and underscores.
pub fn is_term_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && s.as_bytes()[0].is_ascii_lowercase()
}

pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, host)) => !local.is_empty() && host.contains('.') && !host.starts_with('.') && !s.contains(char::is_whitespace),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::default_terms;

    fn valid() -> OfferInput {
        let mut o = OfferInput::blank(1);
        o.title = "Eltern-Kind-Gruppe".into();
        o.life_phases = vec!["early_childhood".into()];
        o.domains = vec!["youth_welfare".into()];
        o
    }

    #[test]
    fn a_complete_offer_is_valid() {
        let vocab = Vocabulary::new(default_terms());
        assert_eq!(validate_offer(&valid(), &vocab), Ok(()));
    }

    #[test]
    fn missing_title_and_domain_are_reported_per_field() {
        let vocab = Vocabulary::new(default_terms());
        let mut o = valid();
        o.title = "   ".into();
        o.domains.clear();
        let errs = validate_offer(&o, &vocab).unwrap_err();
        assert_eq!(errs.for_field("title").unwrap().code, "error-required");
        assert_eq!(errs.for_field("domains").unwrap().code, "error-required");
        assert_eq!(errs.0.len(), 2);
    }

    #[test]
    fn unknown_terms_bad_ages_and_languages_are_rejected() {
        let vocab = Vocabulary::new(default_terms());
        let mut o = valid();
        o.domains = vec!["astrology".into()];
        o.min_age_months = Some(40);
        o.max_age_months = Some(20);
        o.languages = vec!["Deutsch".into()];
        let errs = validate_offer(&o, &vocab).unwrap_err();
        assert!(errs.for_field("domains").unwrap().detail.contains("astrology"));
        assert_eq!(errs.for_field("max_age_months").unwrap().code, "error-age-order");
        assert_eq!(errs.for_field("languages").unwrap().code, "error-language-code");
    }

    #[test]
    fn age_range_alone_is_enough_without_life_phase() {
        let vocab = Vocabulary::new(default_terms());
        let mut o = valid();
        o.life_phases.clear();
        o.min_age_months = Some(0);
        o.max_age_months = Some(12);
        assert!(validate_offer(&o, &vocab).is_ok());
        o.max_age_months = Some(MAX_AGE_MONTHS + 1);
        assert!(validate_offer(&o, &vocab).is_err());
    }

    #[test]
    fn locations_need_a_name_and_paired_coordinates() {
        let mut l = LocationInput {
            name: "Familienzentrum".into(),
            lat: Some(52.5),
            lon: Some(13.4),
            postcode: "10115".into(),
            ..Default::default()
        };
        assert!(validate_location(&l).is_ok());
        l.lon = None;
        l.postcode = "1011".into();
        l.name.clear();
        let e = validate_location(&l).unwrap_err();
        assert_eq!(e.for_field("lon").unwrap().code, "error-coordinates-pair");
        assert_eq!(e.for_field("postcode").unwrap().code, "error-postcode");
        assert_eq!(e.for_field("name").unwrap().code, "error-required");
        l = LocationInput { name: "x".into(), lat: Some(95.0), lon: Some(13.0), ..Default::default() };
        assert_eq!(validate_location(&l).unwrap_err().for_field("lat").unwrap().code, "error-latitude");
    }

    #[test]
    fn contact_persons_need_names_and_valid_mail() {
        let mut d = OrganisationDetails::default();
        d.contacts.push(crate::model::ContactPerson { name: "".into(), email: "kein-mail".into(), ..Default::default() });
        let e = validate_organisation_details(&d).unwrap_err();
        assert!(e.for_field("contact_0_name").is_some() && e.for_field("contact_0_email").is_some());
        assert!(is_term_code("family_centre_2") && !is_term_code("Familie") && !is_term_code("2x") && !is_term_code(""));
    }

    #[test]
    fn email_check_is_plausible() {
        assert!(looks_like_email("info@kita.de"));
        assert!(!looks_like_email("info@kita"));
        assert!(!looks_like_email("in fo@kita.de"));
    }
}
