//! Reads a search from query parameters — the same for the public finder pages, the
//! navigator view and `GET /api/v1/offers` — and says precisely what is wrong with a value.

use std::collections::HashMap;

use kette_domain::vocab::{Access, Cost, OfferStatus, Vocabulary};
use kette_domain::{FieldError, MunicipalityId, TermKind};
use kette_search::{Audience, Point, SearchRequest, Sort};
use kette_store::{KnownPlace, Store, StoreError};

/// Radii a family can choose and the API accepts (metres).
pub const MIN_RADIUS_M: f64 = 100.0;
pub const MAX_RADIUS_M: f64 = 100_000.0;
/// Ages beyond the end of the chain (career entry, 27 years) make no sense here.
pub const MAX_AGE_YEARS: f64 = 27.0;
/// Pregnancy: the finder's age choice "expecting a child" (life phase pregnancy_birth).
pub const EXPECTING: &str = "expecting";

pub struct ParsedSearch {
    pub request: SearchRequest,
    pub page: u32,
    pub per_page: u32,
    /// The street or postcode the distance is measured from, as found.
    pub place: Option<KnownPlace>,
    /// The `near` text was given but is not a street or postcode we know.
    pub place_unknown: bool,
    pub errors: Vec<FieldError>,
}

impl ParsedSearch {
    /// Whether the visitor asked anything (the finder's start page shows no list before that).
    pub fn asked(&self) -> bool {
        let r = &self.request;
        !r.text.trim().is_empty()
            || r.age_months.is_some()
            || r.district.is_some()
            || r.near.is_some()
            || r.life_phase.is_some()
            || r.domain.is_some()
            || r.target_group.is_some()
            || r.language.is_some()
            || r.transition.is_some()
            || r.cost.is_some()
            || r.access.is_some()
            || r.organisation.is_some()
            || r.status.is_some()
    }
}

fn get<'a>(q: &'a HashMap<String, String>, k: &str) -> Option<&'a str> {
    q.get(k).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn number(text: &str) -> Option<f64> {
    text.replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parses the parameters; problems are collected, not fatal, so a page can show all of them.
pub async fn parse(
    store: &Store,
    municipality: MunicipalityId,
    vocab: &Vocabulary,
    q: &HashMap<String, String>,
    audience: Audience,
    default_per_page: u32,
) -> Result<ParsedSearch, StoreError> {
    let mut errors = Vec::new();
    let mut r =
        SearchRequest { audience, text: get(q, "q").map(|s| s.chars().take(500).collect()).unwrap_or_default(), ..Default::default() };

    match get(q, "age") {
        Some(EXPECTING) => r.life_phase = Some("pregnancy_birth".into()),
        Some(a) => match number(a) {
            Some(y) if (0.0..=MAX_AGE_YEARS).contains(&y) => r.age_months = Some((y * 12.0).floor() as u32),
            _ => errors.push(FieldError::new("age", "error-age-years", format!("expected an age in years from 0 to 27, found '{a}'"))),
        },
        None => {}
    }
    if let Some(m) = get(q, "age_months") {
        match m.parse::<u32>() {
            Ok(v) if v as f64 <= MAX_AGE_YEARS * 12.0 => r.age_months = Some(v),
            _ => errors.push(FieldError::new("age_months", "error-age-months", format!("expected months from 0 to 324, found '{m}'"))),
        }
    }
    let int = |k: &str, errors: &mut Vec<FieldError>| -> Option<i64> {
        let v = get(q, k)?;
        match v.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.push(FieldError::new(k, "error-whole-number", format!("expected an id (a whole number), found '{v}'")));
                None
            }
        }
    };
    r.district = int("district", &mut errors);
    r.organisation = int("organisation", &mut errors);

    for (field, kind) in [
        ("life_phase", TermKind::LifePhase),
        ("domain", TermKind::Domain),
        ("target_group", TermKind::TargetGroup),
        ("transition", TermKind::Transition),
    ] {
        if let Some(v) = get(q, field) {
            if vocab.contains(kind, v) {
                let slot = match field {
                    "life_phase" => &mut r.life_phase,
                    "domain" => &mut r.domain,
                    "target_group" => &mut r.target_group,
                    _ => &mut r.transition,
                };
                *slot = Some(v.to_string());
            } else {
                errors.push(FieldError::new(field, "error-choice", format!("unknown {field} '{v}'")));
            }
        }
    }
    if let Some(l) = get(q, "language") {
        if l.len() <= 3 && l.chars().all(|c| c.is_ascii_lowercase()) {
            r.language = Some(l.to_string());
        } else {
            errors.push(FieldError::new("language", "error-choice", format!("expected an ISO 639-1 code such as 'tr', found '{l}'")));
        }
    }
    if let Some(c) = get(q, "cost") {
        match Cost::parse(c) {
            Some(c) => r.cost = Some(c),
            None => errors.push(FieldError::new("cost", "error-choice", format!("expected free, reduced or fee, found '{c}'"))),
        }
    }
    if let Some(a) = get(q, "access") {
        match Access::parse(a) {
            Some(a) => r.access = Some(a),
            None => errors.push(FieldError::new("access", "error-choice", format!("expected open, registration or referral, found '{a}'"))),
        }
    }
    if let Some(s) = get(q, "status") {
        match (audience, OfferStatus::parse(s)) {
            (Audience::Professional, Some(st)) => r.status = Some(st.as_str().to_string()),
            (Audience::Professional, None) => errors.push(FieldError::new("status", "error-choice", format!("unknown status '{s}'"))),
            // the others see public offers only, whatever status they ask for; a word that is
            // no status at all is still named
            (Audience::Public | Audience::Referral, Some(_)) => {}
            (Audience::Public | Audience::Referral, None) => {
                errors.push(FieldError::new("status", "error-choice", format!("unknown status '{s}'")))
            }
        }
    }

    let mut place = None;
    let mut place_unknown = false;
    match (get(q, "lat"), get(q, "lon")) {
        (Some(la), Some(lo)) => match (number(la), number(lo)) {
            (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => r.near = Some(Point { lat, lon }),
            _ => errors.push(FieldError::new(
                "lat",
                "error-coordinates",
                format!("expected latitude -90..90 and longitude -180..180 in degrees (WGS84), found '{la}', '{lo}'"),
            )),
        },
        (Some(_), None) | (None, Some(_)) => {
            errors.push(FieldError::new("lon", "error-coordinates", "lat and lon must be given together"));
        }
        (None, None) => {
            if let Some(text) = get(q, "near") {
                match store.known_place(municipality, text).await? {
                    Some(p) => {
                        r.near = Some(Point { lat: p.lat, lon: p.lon });
                        place = Some(p);
                    }
                    None => place_unknown = true,
                }
            }
        }
    }
    if let Some(rad) = get(q, "radius_m") {
        match number(rad) {
            Some(m) if (MIN_RADIUS_M..=MAX_RADIUS_M).contains(&m) => r.radius_m = Some(m),
            _ => errors.push(FieldError::new(
                "radius_m",
                "error-radius",
                format!("expected a radius from 100 to 100000 metres, found '{rad}'"),
            )),
        }
    }
    r.sort = match get(q, "sort") {
        // a family that names a place wants the nearest first; the words then filter
        None if r.near.is_some() => Sort::Distance,
        None | Some("relevance") => Sort::Relevance,
        Some("distance") => Sort::Distance,
        Some("title") => Sort::Title,
        Some(s) => {
            errors.push(FieldError::new("sort", "error-choice", format!("expected relevance, distance or title, found '{s}'")));
            Sort::Relevance
        }
    };
    let (paging, paging_errors) = crate::paging::Paging::parse(q, default_per_page, 500);
    // the finder's forms name their fields without the query prefix
    errors.extend(paging_errors.into_iter().map(|mut e| {
        e.field = e.field.trim_start_matches("query.").to_string();
        e
    }));
    let (page, per_page) = (paging.page, paging.per_page);
    r.offset = paging.offset();
    r.limit = per_page as usize;
    Ok(ParsedSearch { request: r, page, per_page, place, place_unknown, errors })
}
