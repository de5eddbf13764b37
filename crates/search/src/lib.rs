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
mod query;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, RwLock};

use tantivy::index::SegmentId;
use tantivy::query::EnableScoring;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::{doc, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader, TantivyDocument, Term};

use kette_domain::vocab::{Access, Cost};
use kette_domain::{DistrictId, OfferId, OrganisationId};

use query::{Fields, QueryBuilder};
pub use query::{Synonyms, MAX_QUERY_WORDS};

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

/// Who is asking: the public sees public offers and no confidential places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Audience {
    #[default]
    Public,
    Professional,
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
        State { docs, hot, by_id, dense, by_district, grid, segments: HashMap::new() }
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

impl<P: Send + Sync + 'static> Catalogue<P> {
    /// Builds the index for these offers.
    pub fn build(docs: Vec<SearchDoc<P>>, synonyms: Synonyms) -> Result<Self> {
        let mut schema = Schema::builder();
        let text = |analyzer: &str, positions: bool| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(if positions {
                    IndexRecordOption::WithFreqs
                } else {
                    IndexRecordOption::Basic
                }),
            )
        };
        let title = schema.add_text_field("title", text(analysis::GERMAN, true));
        let body = schema.add_text_field("body", text(analysis::GERMAN, true));
        let reversed = schema.add_text_field("reversed", text(analysis::REVERSED, false));
        let intl = schema.add_text_field("intl", text(analysis::INTL, true));
        let offer_id = schema.add_u64_field("offer_id", FAST | INDEXED);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(analysis::GERMAN, analysis::german_analyzer());
        index.tokenizers().register(analysis::INTL, analysis::intl_analyzer());
        index.tokenizers().register(analysis::REVERSED, analysis::reversed_analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let catalogue = Catalogue {
            reader,
            index,
            writing: Mutex::new(()),
            fields: Fields { title, body, reversed, intl },
            offer_id,
            state: RwLock::new(Arc::new(State::new(Vec::new()))),
            synonyms: RwLock::new(Arc::new(synonyms)),
            codes: RwLock::new(Codes::default()),
        };
        catalogue.upsert(docs)?;
        Ok(catalogue)
    }

    fn tantivy_doc(&self, d: &SearchDoc<P>) -> TantivyDocument {
        let mut intl = String::new();
        for t in &d.translations {
            intl.push_str(&t.title);
            intl.push('\n');
            intl.push_str(&t.description);
            intl.push('\n');
        }
        // compounds are ended in titles, names and keywords; descriptions would add noise
        let mut reversed = String::with_capacity(d.title.len() + d.keywords.len() + 1);
        reversed.push_str(&d.title);
        reversed.push('\n');
        reversed.push_str(&d.keywords);
        for t in d.translations.iter().filter(|t| t.language.starts_with("de")) {
            reversed.push('\n');
            reversed.push_str(&t.title);
        }
        let mut body = String::with_capacity(d.description.len() + d.keywords.len() + 1);
        body.push_str(&d.description);
        body.push('\n');
        body.push_str(&d.keywords);
        doc!(
            self.fields.title => d.title.as_str(),
            self.fields.body => body,
            self.fields.reversed => reversed,
            self.fields.intl => intl,
            self.offer_id => d.offer_id as u64,
        )
    }

    /// Adds or replaces these offers; the change is visible to searches when this returns.
    pub fn upsert(&self, mut docs: Vec<SearchDoc<P>>) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        // Indexed in title order, document ids follow the positions of the facts array, so a
        // text search that checks thousands of hits reads those facts front to back instead
        // of jumping around memory (a third of a broad search's time went to cache misses).
        docs.sort_by(|a, b| a.sort_key.cmp(&b.sort_key).then(a.offer_id.cmp(&b.offer_id)));
        let _writing = self.writing.lock().map_err(|_| SearchError::Poisoned)?;
        // one indexing thread: the server shares two cores with its users
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, if docs.len() > 1000 { 50_000_000 } else { 15_000_000 })?;
        for d in &docs {
            writer.delete_term(Term::from_field_u64(self.offer_id, d.offer_id as u64));
            writer.add_document(self.tantivy_doc(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut codes = self.codes.write().map_err(|_| SearchError::Poisoned)?;
        let replaced: HashMap<OfferId, Entry<P>> =
            docs.into_iter().map(|d| (d.offer_id, Entry { facets: codes.facets(&d), doc: Arc::new(d) })).collect();
        drop(codes);
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let mut all: Vec<Entry<P>> = state.docs.iter().filter(|e| !replaced.contains_key(&e.doc.offer_id)).cloned().collect();
        all.extend(replaced.into_values());
        *state = Arc::new(State::new(all).with_segments(&self.reader.searcher())?);
        Ok(())
    }

    /// Removes these offers (deleted or moved to another municipality).
    pub fn remove(&self, ids: &[OfferId]) -> Result<()> {
        let _writing = self.writing.lock().map_err(|_| SearchError::Poisoned)?;
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, 15_000_000)?;
        for id in ids {
            writer.delete_term(Term::from_field_u64(self.offer_id, *id as u64));
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let all = state.docs.iter().filter(|e| !ids.contains(&e.doc.offer_id)).cloned().collect();
        *state = Arc::new(State::new(all).with_segments(&self.reader.searcher())?);
        Ok(())
    }

    pub fn set_synonyms(&self, synonyms: Synonyms) -> Result<()> {
        *self.synonyms.write().map_err(|_| SearchError::Poisoned)? = Arc::new(synonyms);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.state.read().map(|s| s.docs.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, id: OfferId) -> Option<Arc<SearchDoc<P>>> {
        let state = self.state.read().ok()?;
        state.by_id.get(&id).map(|&i| state.docs[i as usize].doc.clone())
    }

    /// Offers matching the request, one page of them, and how many match in all.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults<P>> {
        let state = self.state.read().map_err(|_| SearchError::Poisoned)?.clone();
        let synonyms = self.synonyms.read().map_err(|_| SearchError::Poisoned)?.clone();
        let filter = {
            let codes = self.codes.read().map_err(|_| SearchError::Poisoned)?;
            match Filter::new(request, &codes) {
                Some(f) => f.with_district(&state),
                // a code no offer carries: nothing can match
                None => return Ok(SearchResults { total: 0, hits: vec![] }),
            }
        };
        let units = query::units(&request.text, &synonyms);
        let mut german = analysis::german_analyzer();
        let mut intl = analysis::intl_analyzer();
        let exact = QueryBuilder { fields: self.fields, german: &mut german, intl: &mut intl, typos: false }.build(&units);
        let limit = request.limit.clamp(1, 1000);
        // (position in title order, score, distance): cheap to order, materialised only for the page
        let mut found: Vec<(u32, f32, f32)> = Vec::new();
        let no_distance = f32::INFINITY;
        let mut total = 0;
        match exact {
            Some(q) => {
                let searcher = self.reader.searcher();
                // Straight from the scorer to the filter: no list of every match in between,
                // and no scores computed when the order does not use them.
                let collect = |q: &dyn tantivy::query::Query, best: &mut Best| -> Result<()> {
                    let scoring = if request.sort == Sort::Relevance {
                        EnableScoring::enabled_from_searcher(&searcher)
                    } else {
                        EnableScoring::disabled_from_searcher(&searcher)
                    };
                    let weight = q.weight(scoring)?;
                    for reader in searcher.segment_readers() {
                        // a segment newer than the state (a write in between) is mapped here
                        let computed;
                        let positions: &[u32] = match state.segments.get(&reader.segment_id()) {
                            Some(p) => p,
                            None => {
                                computed = state.positions_in(reader)?;
                                &computed
                            }
                        };
                        let alive = reader.alive_bitset();
                        let mut visit = |doc: DocId, score: Score| {
                            if alive.is_some_and(|a| !a.is_alive(doc)) {
                                return;
                            }
                            let i = positions[doc as usize];
                            if i == u32::MAX {
                                return;
                            }
                            if let Some(distance) = filter.check(&state, i) {
                                best.offer((i, score, distance.map(|d| d as f32).unwrap_or(no_distance)));
                            }
                        };
                        if request.sort == Sort::Relevance {
                            weight.for_each(reader, &mut visit)?;
                        } else {
                            weight.for_each_no_score(reader, &mut |docs: &[DocId]| docs.iter().for_each(|&d| visit(d, 0.0)))?;
                        }
                    }
                    Ok(())
                };
                let mut best = Best::new(request.offset + limit, request.sort);
                collect(&*q, &mut best)?;
                if best.total == 0 {
                    if let Some(tolerant) =
                        (QueryBuilder { fields: self.fields, german: &mut german, intl: &mut intl, typos: true }).build(&units)
                    {
                        collect(&*tolerant, &mut best)?;
                    }
                }
                total = best.total;
                found = best.into_sorted();
            }
            None => {
                let page_only = request.sort != Sort::Distance && request.near.is_none();
                let candidates = state.candidates(request);
                let mut best = Best::new(request.offset + limit, request.sort);
                let mut visit = |i: u32| {
                    if let Some(distance) = filter.check(&state, i) {
                        let hit = (i, 0.0, distance.map(|d| d as f32).unwrap_or(no_distance));
                        if page_only {
                            // already in title order: keep only what the page needs
                            total += 1;
                            if total > request.offset && found.len() < limit {
                                found.push(hit);
                            }
                        } else {
                            best.offer(hit);
                        }
                    }
                };
                match &candidates {
                    Some(list) => list.iter().for_each(|&i| visit(i)),
                    None => (0..state.docs.len() as u32).for_each(&mut visit),
                }
                if page_only {
                    return Ok(SearchResults { total, hits: materialise(&state, &found, request) });
                }
                total = best.total;
                found = best.into_sorted();
            }
        }
        Ok(SearchResults { total, hits: materialise(&state, &found[request.offset.min(found.len())..], request) })
    }
}

/// A hit as ordered: (position in title order, score, planar distance).
type Ranked = (u32, f32, f32);

fn rank_order(sort: Sort, a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    match sort {
        Sort::Distance => a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)),
        Sort::Title => a.0.cmp(&b.0),
        Sort::Relevance => b.1.total_cmp(&a.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)),
    }
}

/// The best `keep` hits of a stream in the request's order, and how many there were: a text
/// search matches thousands, the page shows twenty, and most hits are turned away with one
/// comparison against the worst kept.
struct Best {
    keep: usize,
    sort: Sort,
    /// max-heap by rank order: the top is the worst kept
    heap: std::collections::BinaryHeap<HeapEntry>,
    total: usize,
}

struct HeapEntry(Ranked, Sort);

impl PartialEq for HeapEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        rank_order(self.1, &self.0, &other.0)
    }
}

impl Best {
    fn new(keep: usize, sort: Sort) -> Self {
        Best { keep, sort, heap: std::collections::BinaryHeap::with_capacity(keep.min(1024) + 1), total: 0 }
    }

    fn offer(&mut self, hit: Ranked) {
        self.total += 1;
        if self.heap.len() < self.keep {
            self.heap.push(HeapEntry(hit, self.sort));
        } else if let Some(worst) = self.heap.peek() {
            if rank_order(self.sort, &hit, &worst.0).is_lt() {
                self.heap.pop();
                self.heap.push(HeapEntry(hit, self.sort));
            }
        }
    }

    /// The kept hits, best first.
    fn into_sorted(self) -> Vec<Ranked> {
        self.heap.into_sorted_vec().into_iter().map(|e| e.0).collect()
    }
}

/// The page's hits, with great-circle distances instead of the planar ones used for ordering.
fn materialise<P>(state: &State<P>, found: &[(u32, f32, f32)], request: &SearchRequest) -> Vec<Hit<P>> {
    found
        .iter()
        .map(|&(i, score, _)| {
            let doc = state.docs[i as usize].doc.clone();
            let distance_m = request.near.and_then(|p| {
                doc.places
                    .iter()
                    .filter(|pl| request.audience == Audience::Professional || !pl.confidential)
                    .map(|pl| distance_m(p, Point { lat: pl.lat, lon: pl.lon }))
                    .min_by(f64::total_cmp)
            });
            Hit { doc, score, distance_m }
        })
        .collect()
}

/// A request turned into cheap comparisons.
struct Filter<'a> {
    r: &'a SearchRequest,
    life_phase: Option<u64>,
    domain: Option<u64>,
    target_group: Option<u64>,
    transition: Option<u64>,
    language: Option<u64>,
    /// Metres per degree of longitude at the requested point.
    m_per_deg_lon: f64,
    /// Whether anything beyond audience and age is asked: only then is the full entry read.
    needs_entry: bool,
    /// With a district filter: the positions of its offers as bits, so that a text hit is
    /// checked with one bit test instead of a walk through the offer's district list.
    in_district: Option<Vec<u64>>,
}

const M_PER_DEG_LAT: f64 = 111_195.0;

impl<'a> Filter<'a> {
    fn new(r: &'a SearchRequest, codes: &Codes) -> Option<Self> {
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
    fn with_district<P>(mut self, state: &State<P>) -> Self {
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
    fn passes_hot(&self, h: &Hot) -> bool {
        (self.r.audience != Audience::Public || h.public) && self.r.age_months.is_none_or(|age| age >= h.min_age && age < h.max_age)
    }

    /// `admits` for the offer at `i`, reading its full entry only when the request needs it.
    fn check<P>(&self, state: &State<P>, i: u32) -> Option<Option<f64>> {
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
    fn admits<P>(&self, e: &Entry<P>) -> Option<Option<f64>> {
        let (r, f) = (self.r, &e.facets);
        if r.audience == Audience::Public && !f.public {
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
        let visible = |confidential: bool| r.audience == Audience::Professional || !confidential;
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

#[cfg(test)]
mod best_tests {
    use super::*;

    #[test]
    fn keeps_the_best_in_order_and_counts_all() {
        let mut best = Best::new(3, Sort::Relevance);
        for (i, score) in [(0u32, 1.0f32), (1, 5.0), (2, 3.0), (3, 5.0), (4, 0.5), (5, 4.0)] {
            best.offer((i, score, f32::INFINITY));
        }
        assert_eq!(best.total, 6);
        // equal scores: title order (position) decides
        assert_eq!(best.into_sorted().iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3, 5]);
        let mut near = Best::new(2, Sort::Distance);
        for (i, d) in [(0u32, 900.0f32), (1, 100.0), (2, 500.0), (3, 100.0)] {
            near.offer((i, 0.0, d));
        }
        assert_eq!(near.into_sorted().iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3]);
        assert!(Best::new(5, Sort::Title).into_sorted().is_empty());
    }
}
