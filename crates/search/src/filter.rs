//! The facts filter: a request turned into cheap comparisons against the facts array (age, audience, vocabulary bits, cost, access, district, distance), and great-circle distances.

use super::*;

/// The page's hits, with great-circle distances instead of the planar ones used for ordering.
pub(crate) fn materialise<P>(state: &State<P>, found: &[(u32, f32, f32)], request: &SearchRequest) -> Vec<Hit<P>> {
    found
        .iter()
        .map(|&(i, score, _)| {
            let doc = state.docs[i as usize].doc.clone();
            let distance_m = request.near.and_then(|p| {
                doc.places
                    .iter()
                    .filter(|pl| request.audience.sees_protected_places() || !pl.confidential)
                    .map(|pl| distance_m(p, Point { lat: pl.lat, lon: pl.lon }))
                    .min_by(f64::total_cmp)
            });
            Hit { doc, score, distance_m }
        })
        .collect()
}

/// A request turned into cheap comparisons.
pub(crate) struct Filter<'a> {
    pub(crate) r: &'a SearchRequest,
    pub(crate) life_phase: Option<u64>,
    pub(crate) domain: Option<u64>,
    pub(crate) target_group: Option<u64>,
    pub(crate) transition: Option<u64>,
    pub(crate) language: Option<u64>,
    /// Metres per degree of longitude at the requested point.
    pub(crate) m_per_deg_lon: f64,
    /// Whether anything beyond audience and age is asked: only then is the full entry read.
    pub(crate) needs_entry: bool,
    /// With a district filter: the positions of its offers as bits, so that a text hit is
    /// checked with one bit test instead of a walk through the offer's district list.
    pub(crate) in_district: Option<Vec<u64>>,
}

pub(crate) const M_PER_DEG_LAT: f64 = 111_195.0;

impl<'a> Filter<'a> {
    pub(crate) fn new(r: &'a SearchRequest, codes: &Codes) -> Option<Self> {
        Some(Filter {
            r,
            life_phase: codes.wanted(LIFE_PHASE, &r.life_phase)?,
            domain: codes.wanted(DOMAIN, &r.domain)?,
            target_group: codes.wanted(TARGET_GROUP, &r.target_group)?,
            transition: codes.wanted(TRANSITION, &r.transition)?,
            language: codes.wanted(LANGUAGE, &r.language)?,
            m_per_deg_lon: r.near.map(|p| M_PER_DEG_LAT * p.lat.to_radians().cos()).unwrap_or(0.0),
            needs_entry: r.life_phase.is_some()
                || r.domain.is_some()
                || r.target_group.is_some()
                || r.transition.is_some()
                || r.language.is_some()
                || r.classified_in.is_some()
                || r.cost.is_some()
                || r.access.is_some()
                || r.organisation.is_some()
                || r.status.is_some()
                || r.district.is_some()
                || r.modified_after.is_some()
                || r.near.is_some(),
            in_district: None,
        })
    }

    /// Fills `in_district` from the state's district lists.
    pub(crate) fn with_district<P>(mut self, state: &State<P>) -> Self {
        if let Some(d) = self.r.district {
            let mut bits = vec![0u64; state.docs.len().div_ceil(64)];
            for &i in state.by_district.get(&d).map(Vec::as_slice).unwrap_or_default() {
                bits[i as usize / 64] |= 1 << (i % 64);
            }
            self.in_district = Some(bits);
        }
        self
    }

    /// Audience and age, from the packed facts.
    pub(crate) fn passes_hot(&self, h: &Hot) -> bool {
        (self.r.audience.sees_unpublished_offers() || h.public) && self.r.age_months.is_none_or(|age| age >= h.min_age && age < h.max_age)
    }

    /// `admits` for the offer at `i`, reading its full entry only when the request needs it.
    pub(crate) fn check<P>(&self, state: &State<P>, i: u32) -> Option<Option<f64>> {
        if !self.passes_hot(&state.hot[i as usize]) {
            return None;
        }
        if self.in_district.as_ref().is_some_and(|bits| bits[i as usize / 64] & (1 << (i % 64)) == 0) {
            return None;
        }
        if self.needs_entry {
            self.admits(&state.docs[i as usize])
        } else {
            Some(None)
        }
    }

    /// Whether the offer passes every filter; `Some(distance)` if so (planar, for ordering).
    pub(crate) fn admits<P>(&self, e: &Entry<P>) -> Option<Option<f64>> {
        let (r, f) = (self.r, &e.facets);
        if !r.audience.sees_unpublished_offers() && !f.public {
            return None;
        }
        if let Some(age) = r.age_months {
            // the upper bound is exclusive
            if age < f.min_age || age >= f.max_age {
                return None;
            }
        }
        let facet = |wanted: Option<u64>, bits: u64, list: &dyn Fn() -> bool| match wanted {
            None => true,
            Some(0) => list(),
            Some(bit) => bits & bit != 0,
        };
        let doc = &e.doc;
        let has = |list: &[String], code: &Option<String>| code.as_ref().is_some_and(|c| list.contains(c));
        if !facet(self.life_phase, f.life_phases, &|| has(&doc.life_phases, &r.life_phase))
            || !facet(self.domain, f.domains, &|| has(&doc.domains, &r.domain))
            || !facet(self.target_group, f.target_groups, &|| has(&doc.target_groups, &r.target_group))
            || !facet(self.transition, f.transitions, &|| has(&doc.transitions, &r.transition))
            || !facet(self.language, f.languages, &|| has(&doc.languages, &r.language))
        {
            return None;
        }
        if let Some(kind) = r.classified_in {
            let list = match kind {
                kette_domain::TermKind::LifePhase => &doc.life_phases,
                kette_domain::TermKind::Domain => &doc.domains,
                kette_domain::TermKind::TargetGroup => &doc.target_groups,
                kette_domain::TermKind::Transition => &doc.transitions,
                // offers are not classified by body or agreement kinds
                kette_domain::TermKind::BodyKind | kette_domain::TermKind::AgreementKind => return None,
            };
            if list.is_empty() {
                return None;
            }
        }
        if r.cost.is_some() && r.cost != f.cost || r.access.is_some() && r.access != f.access {
            return None;
        }
        if r.organisation.is_some_and(|o| o != f.organisation_id) {
            return None;
        }
        if let Some(status) = &r.status {
            if &doc.status != status {
                return None;
            }
        }
        if self.in_district.is_none() && r.district.is_some_and(|d| !doc.districts.contains(&d)) {
            return None;
        }
        if let Some(after) = &r.modified_after {
            if doc.updated_at.as_str() < after.as_str() {
                return None;
            }
        }
        let Some(p) = r.near else { return Some(None) };
        let visible = |confidential: bool| r.audience.sees_protected_places() || !confidential;
        // planar distance: within a region far below a metre off, and no trigonometry per offer
        let planar = |lat: f64, lon: f64| {
            let dx = (lon - p.lon) * self.m_per_deg_lon;
            let dy = (lat - p.lat) * M_PER_DEG_LAT;
            (dx * dx + dy * dy).sqrt()
        };
        let distance = match (f.places, f.single_place) {
            (0, _) => None,
            (1, Some((lat, lon, confidential))) => visible(confidential).then(|| planar(lat as f64, lon as f64)),
            _ => doc.places.iter().filter(|pl| visible(pl.confidential)).map(|pl| planar(pl.lat, pl.lon)).min_by(f64::total_cmp),
        };
        if let Some(radius) = r.radius_m {
            if distance.is_none_or(|d| d > radius) {
                return None;
            }
        }
        Some(distance)
    }
}

/// Great-circle distance in metres (haversine on the mean earth radius; within a city the
/// error is far below a street's width).
pub fn distance_m(a: Point, b: Point) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_008.8;
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}
