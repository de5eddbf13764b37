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
use std::sync::{Arc, Mutex, RwLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED};
use tantivy::{doc, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

use kette_domain::vocab::{Access, Cost};
use kette_domain::{DistrictId, OfferId, OrganisationId};

pub use query::{Synonyms, MAX_QUERY_WORDS};
use query::{Fields, QueryBuilder};

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
    pub status: Option<String>,
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
    writer: Mutex<IndexWriter>,
    fields: Fields,
    offer_id: tantivy::schema::Field,
    state: RwLock<Arc<State<P>>>,
    synonyms: RwLock<Arc<Synonyms>>,
}

struct State<P> {
    /// Sorted by `sort_key`, so that lists without words need no sorting.
    docs: Vec<Arc<SearchDoc<P>>>,
    by_id: HashMap<OfferId, usize>,
}

impl<P> State<P> {
    fn new(mut docs: Vec<Arc<SearchDoc<P>>>) -> Self {
        docs.sort_by(|a, b| a.sort_key.cmp(&b.sort_key).then(a.offer_id.cmp(&b.offer_id)));
        let by_id = docs.iter().enumerate().map(|(i, d)| (d.offer_id, i)).collect();
        State { docs, by_id }
    }
}

impl<P: Send + Sync + 'static> Catalogue<P> {
    /// Builds the index for these offers.
    pub fn build(docs: Vec<SearchDoc<P>>, synonyms: Synonyms) -> Result<Self> {
        let mut schema = Schema::builder();
        let text = |analyzer: &str, positions: bool| {
            TextOptions::default().set_indexing_options(TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(
                if positions { IndexRecordOption::WithFreqs } else { IndexRecordOption::Basic },
            ))
        };
        let title = schema.add_text_field("title", text(analysis::GERMAN, true));
        let body = schema.add_text_field("body", text(analysis::GERMAN, true));
        let grams = schema.add_text_field("grams", text(analysis::GRAMS, false));
        let intl = schema.add_text_field("intl", text(analysis::INTL, true));
        let offer_id = schema.add_u64_field("offer_id", FAST | INDEXED);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(analysis::GERMAN, analysis::german_analyzer());
        index.tokenizers().register(analysis::INTL, analysis::intl_analyzer());
        index.tokenizers().register(analysis::GRAMS, analysis::gram_analyzer());
        // One indexing thread: the server shares two cores with its users.
        let writer = index.writer_with_num_threads(1, 50_000_000)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let catalogue = Catalogue {
            reader,
            writer: Mutex::new(writer),
            fields: Fields { title, body, grams, intl },
            offer_id,
            state: RwLock::new(Arc::new(State::new(Vec::new()))),
            synonyms: RwLock::new(Arc::new(synonyms)),
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
        let mut grams_source = String::with_capacity(d.title.len() + d.keywords.len() + 1);
        grams_source.push_str(&d.title);
        grams_source.push(' ');
        grams_source.push_str(&d.keywords);
        for t in d.translations.iter().filter(|t| t.language.starts_with("de")) {
            grams_source.push(' ');
            grams_source.push_str(&t.title);
        }
        let mut body = String::with_capacity(d.description.len() + d.keywords.len() + 1);
        body.push_str(&d.description);
        body.push('\n');
        body.push_str(&d.keywords);
        doc!(
            self.fields.title => d.title.as_str(),
            self.fields.body => body,
            self.fields.grams => analysis::gram_text(&grams_source),
            self.fields.intl => intl,
            self.offer_id => d.offer_id as u64,
        )
    }

    /// Adds or replaces these offers; the change is visible to searches when this returns.
    pub fn upsert(&self, docs: Vec<SearchDoc<P>>) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for d in &docs {
            writer.delete_term(Term::from_field_u64(self.offer_id, d.offer_id as u64));
            writer.add_document(self.tantivy_doc(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let replaced: HashMap<OfferId, Arc<SearchDoc<P>>> = docs.into_iter().map(|d| (d.offer_id, Arc::new(d))).collect();
        let mut all: Vec<Arc<SearchDoc<P>>> =
            state.docs.iter().filter(|d| !replaced.contains_key(&d.offer_id)).cloned().collect();
        all.extend(replaced.into_values());
        *state = Arc::new(State::new(all));
        Ok(())
    }

    /// Removes these offers (deleted or moved to another municipality).
    pub fn remove(&self, ids: &[OfferId]) -> Result<()> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for id in ids {
            writer.delete_term(Term::from_field_u64(self.offer_id, *id as u64));
        }
        writer.commit()?;
        self.reader.reload()?;
        let mut state = self.state.write().map_err(|_| SearchError::Poisoned)?;
        let all = state.docs.iter().filter(|d| !ids.contains(&d.offer_id)).cloned().collect();
        *state = Arc::new(State::new(all));
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
        state.by_id.get(&id).map(|&i| state.docs[i].clone())
    }

    /// Offers matching the request, one page of them, and how many match in all.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults<P>> {
        let state = self.state.read().map_err(|_| SearchError::Poisoned)?.clone();
        let synonyms = self.synonyms.read().map_err(|_| SearchError::Poisoned)?.clone();
        let units = query::units(&request.text, &synonyms);
        let mut german = analysis::german_analyzer();
        let text_query = QueryBuilder { fields: self.fields, german: &mut german }.build(&units);
        let limit = request.limit.clamp(1, 1000);
        let mut hits: Vec<Hit<P>> = Vec::new();
        let mut total = 0;
        match text_query {
            Some(q) => {
                let searcher = self.reader.searcher();
                let scored = searcher.search(&*q, &AllScored { field: "offer_id" })?;
                for (id, score) in scored {
                    let Some(&i) = state.by_id.get(&(id as OfferId)) else { continue };
                    let doc = &state.docs[i];
                    if let Some(distance_m) = admits(doc, request) {
                        hits.push(Hit { doc: doc.clone(), score, distance_m });
                    }
                }
                total = hits.len();
            }
            None => {
                let page_only = request.sort != Sort::Distance && request.near.is_none();
                for doc in &state.docs {
                    if let Some(distance_m) = admits(doc, request) {
                        total += 1;
                        // Already in title order: keep only what the page needs.
                        if !page_only || (total > request.offset && hits.len() < limit) {
                            hits.push(Hit { doc: doc.clone(), score: 0.0, distance_m });
                        }
                    }
                }
                if page_only {
                    return Ok(SearchResults { total, hits });
                }
            }
        }
        let by_distance = |a: &Hit<P>, b: &Hit<P>| match (a.distance_m, b.distance_m) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        let by_title = |a: &Hit<P>, b: &Hit<P>| a.doc.sort_key.cmp(&b.doc.sort_key).then(a.doc.offer_id.cmp(&b.doc.offer_id));
        match request.sort {
            Sort::Distance => hits.sort_by(|a, b| by_distance(a, b).then_with(|| by_title(a, b))),
            Sort::Title => hits.sort_by(by_title),
            Sort::Relevance => hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| by_distance(a, b)).then_with(|| by_title(a, b))),
        }
        let hits = hits.into_iter().skip(request.offset).take(limit).collect();
        Ok(SearchResults { total, hits })
    }
}

/// Whether the offer passes every filter; `Some(distance)` if so.
fn admits<P>(doc: &SearchDoc<P>, r: &SearchRequest) -> Option<Option<f64>> {
    match r.audience {
        Audience::Public if !doc.public => return None,
        _ => {}
    }
    if let Some(status) = &r.status {
        if &doc.status != status {
            return None;
        }
    }
    if let Some(age) = r.age_months {
        if !kette_domain::age::serves_age((doc.min_age_months, doc.max_age_months), age) {
            return None;
        }
    }
    let has = |list: &[String], wanted: &Option<String>| wanted.as_ref().is_none_or(|w| list.iter().any(|x| x == w));
    if !has(&doc.life_phases, &r.life_phase)
        || !has(&doc.domains, &r.domain)
        || !has(&doc.target_groups, &r.target_group)
        || !has(&doc.languages, &r.language)
        || !has(&doc.transitions, &r.transition)
    {
        return None;
    }
    if r.cost.is_some_and(|c| c != doc.cost) || r.access.is_some_and(|a| a != doc.access) {
        return None;
    }
    if r.organisation.is_some_and(|o| o != doc.organisation_id) {
        return None;
    }
    if r.district.is_some_and(|d| !doc.districts.contains(&d)) {
        return None;
    }
    let distance = r.near.and_then(|p| {
        doc.places
            .iter()
            .filter(|pl| r.audience == Audience::Professional || !pl.confidential)
            .map(|pl| distance_m(p, Point { lat: pl.lat, lon: pl.lon }))
            .min_by(f64::total_cmp)
    });
    if let Some(radius) = r.radius_m {
        if r.near.is_some() && distance.is_none_or(|d| d > radius) {
            return None;
        }
    }
    Some(distance)
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

/// Collects every matching document as (offer id, score): the filters that follow need all
/// candidates, not a top-k.
struct AllScored {
    field: &'static str,
}

struct AllScoredSegment {
    ids: Column<u64>,
    out: Vec<(u64, Score)>,
}

impl Collector for AllScored {
    type Fruit = Vec<(u64, Score)>;
    type Child = AllScoredSegment;

    fn for_segment(&self, _ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<AllScoredSegment> {
        Ok(AllScoredSegment { ids: segment.fast_fields().u64(self.field)?, out: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u64, Score)>>) -> tantivy::Result<Vec<(u64, Score)>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllScoredSegment {
    type Fruit = Vec<(u64, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(id) = self.ids.first(doc) {
            self.out.push((id, score));
        }
    }

    fn harvest(self) -> Vec<(u64, Score)> {
        self.out
    }
}
