//! The offer search engine: finds offers by words (German stemming, spelling folding,
//! compound parts, typos, synonyms, translations) and by the facts families ask about —
//! child's age, district, distance, topic, language, cost, access.
//!
//! Owns one in-memory tantivy index per municipality plus the filterable facts of every
//! offer. Knows nothing of SQL or HTTP: the caller hands in [`SearchDoc`]s (built from the
//! store) and keeps the engine current by calling [`Catalogue::upsert`] and
//! [`Catalogue::remove`] after each write, or [`Catalogue::build`] to start afresh. A
//! caller-defined payload `P` rides along with each document so that result lists need no
//! second lookup.

pub mod analysis;
mod catalogue;
mod filter;
mod order;
mod query;
mod suggest;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, RwLock};

use tantivy::index::SegmentId;
use tantivy::query::EnableScoring;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::{doc, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader, TantivyDocument, Term};

use kette_domain::vocab::{Access, Cost};
use kette_domain::{DistrictId, OfferId, OrganisationId};

use filter::{materialise, Filter, M_PER_DEG_LAT};
use order::Best;
use query::{Fields, QueryBuilder};

pub use filter::distance_m;
pub use query::{searched_words, Synonyms, MAX_QUERY_WORDS};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index lock poisoned")]
    Poisoned,
}

pub type Result<T> = std::result::Result<T, SearchError>;

/// A text of the offer in another language (or in Leichte Sprache, language `de-x-ls`).
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub language: String,
    pub title: String,
    pub description: String,
}

/// A place where the offer happens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    /// Protected address: never used to place the offer for the public, not even as a distance.
    pub confidential: bool,
}

/// What the engine knows of one offer.
#[derive(Debug, Clone)]
pub struct SearchDoc<P> {
    pub offer_id: OfferId,
    pub organisation_id: OrganisationId,
    pub title: String,
    pub description: String,
    /// Organisation name, labels of the offer's terms, place names: found, but weighed less.
    pub keywords: String,
    pub translations: Vec<Translation>,
    /// The age range the finder filters on (own ages, else the hull of the life phases);
    /// the upper bound is exclusive.
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    pub target_groups: Vec<String>,
    pub transitions: Vec<String>,
    pub languages: Vec<String>,
    pub cost: Cost,
    pub access: Access,
    /// Every district the offer's places lie in, with all their ancestors.
    pub districts: Vec<DistrictId>,
    pub places: Vec<Place>,
    /// Shown in the public finder (active, approved, verified recently enough).
    pub public: bool,
    /// Status code for professional filters ("draft", "active", …).
    pub status: String,
    /// German alphabetical order of the title.
    pub sort_key: String,
    /// Last change, RFC 3339 (compared as text).
    pub updated_at: String,
    pub payload: P,
}

/// Who is asking, as the confidentiality rule decides it (`kette_app::search_audience`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    /// Public offers, no protected places.
    #[default]
    Public,
    /// Navigators: protected places (they refer families there), but public offers only.
    Referral,
    /// Coordination: every offer whatever its state, and every place.
    Professional,
}

impl Audience {
    pub fn sees_unpublished_offers(self) -> bool {
        self == Audience::Professional
    }
    pub fn sees_protected_places(self) -> bool {
        self != Audience::Public
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first; without words, alphabetical; with a point, ties by distance.
    #[default]
    Relevance,
    Distance,
    Title,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub text: String,
    pub age_months: Option<u32>,
    pub district: Option<DistrictId>,
    pub near: Option<Point>,
    /// Only offers with a place within this many metres of `near`.
    pub radius_m: Option<f64>,
    pub life_phase: Option<String>,
    pub domain: Option<String>,
    pub target_group: Option<String>,
    pub language: Option<String>,
    pub transition: Option<String>,
    pub cost: Option<Cost>,
    pub access: Option<Access>,
    pub organisation: Option<OrganisationId>,
    /// Only offers with at least one term of this kind (HSDS `taxonomy_id`).
    pub classified_in: Option<kette_domain::TermKind>,
    pub status: Option<String>,
    /// Only offers changed on or after this RFC 3339 date or date-time.
    pub modified_after: Option<String>,
    pub audience: Audience,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug)]
pub struct Hit<P> {
    pub doc: Arc<SearchDoc<P>>,
    pub score: f32,
    /// Metres to the nearest place the audience may see, when a point was given.
    pub distance_m: Option<f64>,
}

#[derive(Debug)]
pub struct SearchResults<P> {
    pub total: usize,
    pub hits: Vec<Hit<P>>,
}

/// All offers of one municipality: the text index and the facts, swapped as a whole on
/// every change so that a search always sees one consistent state.
pub struct Catalogue<P> {
    reader: IndexReader,
    index: Index,
    /// Serialises writers; a writer exists only while writing, so an idle catalogue holds no
    /// indexing arena.
    writing: Mutex<()>,
    fields: Fields,
    offer_id: tantivy::schema::Field,
    state: RwLock<Arc<State<P>>>,
    synonyms: RwLock<Arc<Synonyms>>,
    codes: RwLock<Codes>,
}

struct State<P> {
    /// Sorted by `sort_key`, so that lists without words need no sorting.
    docs: Vec<Entry<P>>,
    /// The facts nearly every search checks, per position, packed small: a text search checks
    /// tens of thousands of matches, and touching each full entry costs a cache miss.
    hot: Vec<Hot>,
    by_id: HashMap<OfferId, u32, BuildHasherDefault<IdHasher>>,
    /// The same as an array indexed by id when ids are dense enough (database ids are): one
    /// load per search hit instead of a hash probe.
    dense: Vec<u32>,
    /// Positions in `docs` (ascending, so still in title order) of the offers in each
    /// district, ancestors included.
    by_district: HashMap<DistrictId, Vec<u32>>,
    /// Positions of the offers with a place in each grid cell (see [`cell`]).
    grid: HashMap<(i32, i32), Vec<u32>>,
    /// Position of each document of each index segment (see `with_segments`).
    segments: HashMap<SegmentId, Vec<u32>>,
    /// The words of public titles and keywords, built when a search first needs spellings.
    vocabulary: std::sync::OnceLock<suggest::Vocabulary>,
}

/// Offer ids are already well spread integers: a multiply is hash enough, and far cheaper
/// than SipHash on every search hit.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Grid cells of 0.01° latitude × 0.015° longitude: about a kilometre square in Germany.
const CELL_LAT: f64 = 0.01;
const CELL_LON: f64 = 0.015;

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL_LAT).floor() as i32, (lon / CELL_LON).floor() as i32)
}

/// A document with its filter facts packed for a fast scan: one bit per vocabulary code.
struct Entry<P> {
    doc: Arc<SearchDoc<P>>,
    facets: Facets,
}

impl<P> Clone for Entry<P> {
    fn clone(&self) -> Self {
        Entry { doc: self.doc.clone(), facets: self.facets.clone() }
    }
}

#[derive(Clone, Copy)]
struct Hot {
    min_age: u32,
    max_age: u32,
    public: bool,
}

/// The facts filters look at, stored inline so that a scan over all offers reads one
/// contiguous array instead of chasing a pointer per offer.
#[derive(Clone, Default)]
struct Facets {
    life_phases: u64,
    domains: u64,
    target_groups: u64,
    transitions: u64,
    languages: u64,
    min_age: u32,
    max_age: u32,
    organisation_id: i64,
    public: bool,
    cost: Option<Cost>,
    access: Option<Access>,
    /// The only place, when the offer has exactly one: distances need no lookup then.
    single_place: Option<(f32, f32, bool)>,
    places: u8,
}

/// Bit positions of vocabulary codes, per facet. Codes beyond 64 per facet get none and are
/// then compared as text.
#[derive(Default)]
struct Codes {
    facets: [HashMap<String, u8>; 5],
}

const LIFE_PHASE: usize = 0;
const DOMAIN: usize = 1;
const TARGET_GROUP: usize = 2;
const TRANSITION: usize = 3;
const LANGUAGE: usize = 4;

impl Codes {
    fn bits(&mut self, facet: usize, codes: &[String]) -> u64 {
        let map = &mut self.facets[facet];
        let mut bits = 0u64;
        for c in codes {
            let next = map.len();
            let bit = match map.get(c) {
                Some(b) => Some(*b),
                None if next < 64 => {
                    map.insert(c.clone(), next as u8);
                    Some(next as u8)
                }
                None => None,
            };
            if let Some(b) = bit {
                bits |= 1u64 << b;
            }
        }
        bits
    }

    /// The bit of a requested code: `Some(None)` for no filter, `None` for a code no offer has,
    /// `Some(Some(0))` for a code without a bit (compared as text).
    fn wanted(&self, facet: usize, code: &Option<String>) -> Option<Option<u64>> {
        match code {
            None => Some(None),
            Some(c) => match self.facets[facet].get(c) {
                Some(b) => Some(Some(1u64 << b)),
                None if self.facets[facet].len() < 64 => None,
                None => Some(Some(0)),
            },
        }
    }

    fn facets<P>(&mut self, d: &SearchDoc<P>) -> Facets {
        Facets {
            life_phases: self.bits(LIFE_PHASE, &d.life_phases),
            domains: self.bits(DOMAIN, &d.domains),
            target_groups: self.bits(TARGET_GROUP, &d.target_groups),
            transitions: self.bits(TRANSITION, &d.transitions),
            languages: self.bits(LANGUAGE, &d.languages),
            min_age: d.min_age_months.unwrap_or(0),
            max_age: d.max_age_months.unwrap_or(u32::MAX),
            organisation_id: d.organisation_id,
            public: d.public,
            cost: Some(d.cost),
            access: Some(d.access),
            single_place: match d.places.as_slice() {
                [p] => Some((p.lat as f32, p.lon as f32, p.confidential)),
                _ => None,
            },
            places: d.places.len().min(255) as u8,
        }
    }
}

impl<P> State<P> {
    fn new(mut docs: Vec<Entry<P>>) -> Self {
        docs.sort_by(|a, b| a.doc.sort_key.cmp(&b.doc.sort_key).then(a.doc.offer_id.cmp(&b.doc.offer_id)));
        let by_id = docs.iter().enumerate().map(|(i, e)| (e.doc.offer_id, i as u32)).collect();
        let mut by_district: HashMap<DistrictId, Vec<u32>> = HashMap::new();
        let mut grid: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, e) in docs.iter().enumerate() {
            for d in &e.doc.districts {
                by_district.entry(*d).or_default().push(i as u32);
            }
            for p in &e.doc.places {
                let list = grid.entry(cell(p.lat, p.lon)).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let hot = docs.iter().map(|e| Hot { min_age: e.facets.min_age, max_age: e.facets.max_age, public: e.facets.public }).collect();
        let max_id = docs.iter().map(|e| e.doc.offer_id).max().unwrap_or(0);
        let dense = if max_id >= 0 && (max_id as usize) <= docs.len() * 4 + 1024 {
            let mut dense = vec![u32::MAX; max_id as usize + 1];
            for (i, e) in docs.iter().enumerate() {
                dense[e.doc.offer_id as usize] = i as u32;
            }
            dense
        } else {
            Vec::new()
        };
        State { docs, hot, by_id, dense, by_district, grid, segments: HashMap::new(), vocabulary: std::sync::OnceLock::new() }
    }

    /// Maps every document of the searcher's segments to its position (`u32::MAX`: none), so
    /// that a search goes from a matching document to its facts without reading the id field.
    fn with_segments(mut self, searcher: &Searcher) -> Result<Self> {
        for reader in searcher.segment_readers() {
            let positions = self.positions_in(reader)?;
            self.segments.insert(reader.segment_id(), positions);
        }
        Ok(self)
    }

    fn positions_in(&self, reader: &SegmentReader) -> Result<Vec<u32>> {
        let ids = reader.fast_fields().u64("offer_id")?;
        Ok((0..reader.max_doc()).map(|d| ids.first(d).and_then(|id| self.position(id as OfferId)).unwrap_or(u32::MAX)).collect())
    }

    fn position(&self, id: OfferId) -> Option<u32> {
        if self.dense.is_empty() {
            self.by_id.get(&id).copied()
        } else {
            self.dense.get(usize::try_from(id).ok()?).copied().filter(|&i| i != u32::MAX)
        }
    }

    /// Positions that can pass the request's place filters, in title order; `None` means all.
    fn candidates(&self, r: &SearchRequest) -> Option<std::borrow::Cow<'_, [u32]>> {
        if let Some(d) = r.district {
            return Some(self.by_district.get(&d).map(|v| std::borrow::Cow::Borrowed(v.as_slice())).unwrap_or_default());
        }
        if let (Some(p), Some(radius)) = (r.near, r.radius_m) {
            let dlat = radius / M_PER_DEG_LAT;
            let dlon = radius / (M_PER_DEG_LAT * p.lat.to_radians().cos().max(0.01));
            let (lo, hi) = (cell(p.lat - dlat, p.lon - dlon), cell(p.lat + dlat, p.lon + dlon));
            // a huge radius covers most cells: scanning everything is cheaper then
            if ((hi.0 - lo.0 + 1) as i64) * ((hi.1 - lo.1 + 1) as i64) > self.grid.len() as i64 {
                return None;
            }
            let mut out = Vec::new();
            for a in lo.0..=hi.0 {
                for b in lo.1..=hi.1 {
                    if let Some(list) = self.grid.get(&(a, b)) {
                        out.extend_from_slice(list);
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
            return Some(std::borrow::Cow::Owned(out));
        }
        None
    }
}
