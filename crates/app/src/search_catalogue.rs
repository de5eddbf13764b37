//! Keeps one search catalogue per municipality in step with the database.
//!
//! Writes made through this server refresh the offers they touched at once. Writes made by
//! another process (a `kette import` while the server runs) raise the municipality's
//! generation; searches notice that within a second and rebuild the catalogue from the
//! database, serving the previous state until the new one is ready.
//!
//! A save through the server notes the offers it touched and waits until they are searchable,
//! so a search after the answer finds the change. One indexer per municipality takes in
//! everything noted meanwhile with one commit, on the blocking pool: twenty editors saving at
//! once share commits instead of queueing for one each, and searches never wait for the index.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use kette_domain::review::{is_public, ReviewPolicy};
use kette_domain::vocab::Vocabulary;
use kette_domain::{MunicipalityId, OfferId, OrganisationId, TermKind};
use kette_search::{Catalogue, Place, SearchDoc, Synonyms, Translation};
use kette_store::{IndexedOffer, OfferSummary, Store, StoreError};

pub type OfferCatalogue = Catalogue<OfferSummary>;

#[derive(Debug, thiserror::Error)]
pub enum FinderError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] kette_search::SearchError),
    #[error("search index task failed: {0}")]
    Task(String),
}

struct Entry {
    catalogue: Arc<OfferCatalogue>,
    /// The vocabulary the catalogue was built with: searches check codes against it without
    /// asking the database.
    vocabulary: Arc<Vocabulary>,
    generation: AtomicI64,
    checked: std::sync::Mutex<Instant>,
    /// Whether an offer is public depends on the policy and on the day (verification lapses),
    /// so a catalogue is rebuilt when either moves.
    policy: ReviewPolicy,
    built_on: time::Date,
}

#[derive(Default)]
pub struct Finder {
    entries: RwLock<HashMap<MunicipalityId, Arc<Entry>>>,
    /// One rebuild at a time per process; searches meanwhile use the previous catalogue.
    building: tokio::sync::Mutex<()>,
    /// Offers written through this server and not yet in their catalogue, per municipality.
    pending: std::sync::Mutex<HashMap<MunicipalityId, Queue>>,
    /// Each save's place in line; the indexer reports the highest one it took in.
    tickets: std::sync::atomic::AtomicU64,
    applied: std::sync::Mutex<HashMap<MunicipalityId, u64>>,
    applied_changed: tokio::sync::Notify,
}

#[derive(Default)]
struct Queue {
    ids: std::collections::BTreeSet<OfferId>,
    /// the highest ticket among `ids`
    ticket: u64,
    /// an indexer task is running for this municipality
    indexer: bool,
}

/// A save never waits longer than this for the index; the next search rebuilds it if a batch
/// was lost.
const INDEX_WAIT: Duration = Duration::from_secs(30);

const STALE_CHECK: Duration = Duration::from_secs(1);

impl Finder {
    /// The municipality's catalogue, built on first use and rebuilt when another process changed
    /// the data.
    pub async fn catalogue(&self, store: &Store, municipality: MunicipalityId) -> Result<Arc<OfferCatalogue>, FinderError> {
        Ok(self.current(store, municipality).await?.0)
    }

    /// The catalogue and the vocabulary it was built with.
    pub async fn current(
        &self,
        store: &Store,
        municipality: MunicipalityId,
    ) -> Result<(Arc<OfferCatalogue>, Arc<Vocabulary>), FinderError> {
        let entry = self.entry(store, municipality).await?;
        Ok((entry.catalogue.clone(), entry.vocabulary.clone()))
    }

    async fn entry(&self, store: &Store, municipality: MunicipalityId) -> Result<Arc<Entry>, FinderError> {
        let existing = self.entries.read().ok().and_then(|e| e.get(&municipality).cloned());
        match existing {
            None => {
                let _guard = self.building.lock().await;
                if let Some(e) = self.entries.read().ok().and_then(|e| e.get(&municipality).cloned()) {
                    return Ok(e);
                }
                self.rebuild_locked(store, municipality).await
            }
            Some(entry) => {
                let due = entry.checked.lock().map(|mut t| {
                    let due = t.elapsed() >= STALE_CHECK;
                    if due {
                        *t = Instant::now();
                    }
                    due
                });
                // saves through this server raise the generation too; while they are noted or
                // being indexed, a higher generation is theirs, not another process's
                let own_writes_in_flight = self.pending.lock().is_ok_and(|p| p.get(&municipality).is_some_and(|q| q.indexer));
                let stale = due.unwrap_or(false)
                    && (entry.built_on != store.today()
                        || (!own_writes_in_flight && store.generation(municipality).await? > entry.generation.load(Ordering::SeqCst)));
                if stale {
                    if let Ok(_guard) = self.building.try_lock() {
                        return self.rebuild_locked(store, municipality).await;
                    }
                }
                Ok(entry)
            }
        }
    }

    /// Builds the catalogue afresh from the database (also `kette search reindex`'s work).
    pub async fn rebuild(&self, store: &Store, municipality: MunicipalityId) -> Result<Arc<OfferCatalogue>, FinderError> {
        let _guard = self.building.lock().await;
        Ok(self.rebuild_locked(store, municipality).await?.catalogue.clone())
    }

    async fn rebuild_locked(&self, store: &Store, municipality: MunicipalityId) -> Result<Arc<Entry>, FinderError> {
        let started = Instant::now();
        let generation = store.generation(municipality).await?;
        let policy = store.municipality(municipality).await?.review;
        let today = store.today();
        let vocab = store.vocabulary(municipality).await?;
        let offers = store.offers_for_index(municipality, None).await?;
        let synonyms = synonyms(store, municipality).await?;
        let n = offers.len();
        let vocabulary = Arc::new(vocab);
        let v = vocabulary.clone();
        let catalogue = tokio::task::spawn_blocking(move || {
            let docs = offers.into_iter().map(|o| search_doc(o, &v, &policy, today)).collect();
            Catalogue::build(docs, synonyms)
        })
        .await
        .map_err(|e| FinderError::Task(e.to_string()))??;
        let entry = Arc::new(Entry {
            catalogue: Arc::new(catalogue),
            vocabulary,
            generation: AtomicI64::new(generation),
            checked: Instant::now().into(),
            policy,
            built_on: today,
        });
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(municipality, entry.clone());
        }
        tracing::info!(municipality, offers = n, ms = started.elapsed().as_millis() as u64, "search catalogue built");
        Ok(entry)
    }

    /// Re-reads these offers after a write through this server (removed ones leave the index);
    /// returns once they are searchable.
    pub async fn refresh(self: &Arc<Self>, store: &Store, municipality: MunicipalityId, ids: &[OfferId]) -> Result<(), FinderError> {
        if ids.is_empty() {
            return Ok(());
        }
        let ticket = self.tickets.fetch_add(1, Ordering::SeqCst) + 1;
        let start_indexer = match self.pending.lock() {
            Ok(mut pending) => {
                let queue = pending.entry(municipality).or_default();
                queue.ids.extend(ids.iter().copied());
                queue.ticket = queue.ticket.max(ticket);
                !std::mem::replace(&mut queue.indexer, true)
            }
            Err(_) => return Err(FinderError::Task("the index queue is poisoned".into())),
        };
        if start_indexer {
            let (finder, store) = (self.clone(), store.clone());
            tokio::spawn(async move { finder.index_queue(&store, municipality).await });
        }
        let deadline = tokio::time::Instant::now() + INDEX_WAIT;
        loop {
            let changed = self.applied_changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if self.applied.lock().is_ok_and(|a| a.get(&municipality).is_some_and(|&done| done >= ticket)) {
                return Ok(());
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return Err(FinderError::Task("the search index did not take the change in time".into()));
            }
        }
    }

    /// The indexer of one municipality: takes in what is queued, batch after batch, until the
    /// queue is empty.
    async fn index_queue(&self, store: &Store, municipality: MunicipalityId) {
        loop {
            let (batch, ticket) = match self.pending.lock() {
                Ok(mut pending) => {
                    let queue = pending.entry(municipality).or_default();
                    if queue.ids.is_empty() {
                        queue.indexer = false;
                        return;
                    }
                    (std::mem::take(&mut queue.ids).into_iter().collect::<Vec<_>>(), queue.ticket)
                }
                Err(_) => return,
            };
            if let Err(e) = self.apply_batch(store, municipality, &batch).await {
                tracing::warn!(error = %e, "search index refresh failed; it is rebuilt on the next search");
                if let Some(entry) = self.entries.read().ok().and_then(|e| e.get(&municipality).cloned()) {
                    entry.generation.store(-1, Ordering::SeqCst);
                }
            }
            if let Ok(mut applied) = self.applied.lock() {
                let done = applied.entry(municipality).or_default();
                *done = (*done).max(ticket);
            }
            self.applied_changed.notify_waiters();
        }
    }

    /// Takes these offers into the municipality's catalogue with one commit.
    async fn apply_batch(&self, store: &Store, municipality: MunicipalityId, batch: &[OfferId]) -> Result<(), FinderError> {
        let Some(entry) = self.entries.read().ok().and_then(|e| e.get(&municipality).cloned()) else {
            return Ok(()); // built on first use, from the current data
        };
        // read before loading: a write after this point raises the generation again and is
        // in a later batch
        let generation = store.generation(municipality).await?;
        if store.municipality(municipality).await?.review != entry.policy || entry.built_on != store.today() {
            let _guard = self.building.lock().await;
            self.rebuild_locked(store, municipality).await?;
            return Ok(());
        }
        let vocab = store.vocabulary(municipality).await?;
        let offers = store.offers_for_index(municipality, Some(batch)).await?;
        let found: Vec<OfferId> = offers.iter().map(|o| o.offer.id).collect();
        let gone: Vec<OfferId> = batch.iter().copied().filter(|i| !found.contains(i)).collect();
        let docs = offers.into_iter().map(|o| search_doc(o, &vocab, &entry.policy, entry.built_on)).collect();
        let catalogue = entry.catalogue.clone();
        tokio::task::spawn_blocking(move || -> Result<(), kette_search::SearchError> {
            catalogue.upsert(docs)?;
            if !gone.is_empty() {
                catalogue.remove(&gone)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| FinderError::Task(e.to_string()))??;
        // batches overlap with other saves: never step back behind a generation already seen
        entry.generation.fetch_max(generation, Ordering::SeqCst);
        Ok(())
    }

    pub async fn refresh_organisation(
        self: &Arc<Self>,
        store: &Store,
        municipality: MunicipalityId,
        organisation: OrganisationId,
    ) -> Result<(), FinderError> {
        let ids = store.offer_ids_of_organisation(municipality, organisation).await?;
        self.refresh(store, municipality, &ids).await
    }

    pub async fn reload_synonyms(&self, store: &Store, municipality: MunicipalityId) -> Result<(), FinderError> {
        if let Some(entry) = self.entries.read().ok().and_then(|e| e.get(&municipality).cloned()) {
            entry.catalogue.set_synonyms(synonyms(store, municipality).await?)?;
        }
        Ok(())
    }
}

async fn synonyms(store: &Store, municipality: MunicipalityId) -> Result<Synonyms, StoreError> {
    let groups = store.synonym_groups(municipality).await?;
    Ok(Synonyms::new(groups.iter().map(|g| g.split(',').map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>())))
}

/// What the engine needs of an offer, with its list entry as payload.
pub fn search_doc(o: IndexedOffer, vocab: &Vocabulary, policy: &ReviewPolicy, today: time::Date) -> SearchDoc<OfferSummary> {
    let input = &o.offer.input;
    let mut keywords = String::new();
    let mut add = |s: &str| {
        if !s.is_empty() {
            keywords.push_str(s);
            keywords.push('\n');
        }
    };
    add(&o.offer.organisation_name);
    for (kind, codes) in [
        (TermKind::LifePhase, &input.life_phases),
        (TermKind::Domain, &input.domains),
        (TermKind::TargetGroup, &input.target_groups),
        (TermKind::Transition, &input.transitions),
    ] {
        for code in codes {
            if let Some(t) = vocab.get(kind, code) {
                add(&t.label_de);
                add(&t.label_en);
            }
        }
    }
    // Only what the public may see is searchable: a protected address must not be findable.
    for l in o.offer.locations.iter().filter(|l| !l.is_confidential) {
        add(&l.name);
        add(&l.street);
        add(&l.postcode);
    }
    for d in &o.district_names {
        add(d);
    }
    let places =
        o.offer.locations.iter().filter_map(|l| Some(Place { lat: l.lat?, lon: l.lon?, confidential: l.is_confidential })).collect();
    SearchDoc {
        offer_id: o.offer.id,
        organisation_id: input.organisation_id,
        title: input.title.clone(),
        description: input.description.clone(),
        keywords,
        translations: o
            .translations
            .iter()
            .map(|t| Translation { language: t.language.clone(), title: t.title.clone(), description: t.description.clone() })
            .collect(),
        min_age_months: o.eff_min_age_months,
        max_age_months: o.eff_max_age_months,
        life_phases: input.life_phases.clone(),
        domains: input.domains.clone(),
        target_groups: input.target_groups.clone(),
        transitions: input.transitions.clone(),
        languages: input.languages.clone(),
        cost: input.cost,
        access: input.access,
        districts: o.district_ids.clone(),
        places,
        public: is_public(input.status, o.offer.approval, policy.freshness(input.last_verified_on, today)),
        status: input.status.as_str().to_string(),
        sort_key: o.sort_key.clone(),
        updated_at: o.offer.updated_at.clone(),
        payload: o.summary,
    }
}
