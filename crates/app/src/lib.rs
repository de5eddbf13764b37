//! The use cases both front ends call (the web server and the command line): each output that
//! carries figures, places or notes is produced here once, read through the one confidentiality
//! rule (`kette_domain::disclosure`). Knows neither HTTP nor SQL: it asks `kette-store` for
//! records and the domain for rules, and hands finished views to the caller.

pub mod calendar;
pub mod chain;
pub mod funding;
pub mod hsds;
pub mod imports;
pub mod monitoring;
pub mod navigator;
pub mod needs;
pub mod network;
pub mod places;
pub mod reach;
pub mod search_catalogue;
pub mod statistics;
pub mod steering;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kette_domain::disclosure::Disclosure;
use kette_domain::{Municipality, MunicipalityId};
use kette_store::{Store, StoreError};

pub use statistics::{Figure, Figures};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file that could not be read, with every problem (file, line, column, what was expected).
    #[error(transparent)]
    Ingest(#[from] kette_ingest::IngestErrors),
    /// A recipe that cannot be read or run, with the step and what went wrong.
    #[error(transparent)]
    Recipe(#[from] kette_monitor::MonitorError),
    /// A street network, destination or origin table that cannot be used, with the cause.
    #[error(transparent)]
    Reach(#[from] kette_reach::ReachError),
    /// A recipe result column that does not exist or is not numeric.
    #[error("the recipe has no numeric column '{0}'")]
    NoSuchColumn(String),
    /// Values no indicator can have (a negative count), each named.
    #[error("{file}: {}", .problems.join("; "))]
    Implausible { file: String, problems: Vec<String> },
    /// A computation handed to a worker thread did not come back.
    #[error("a background computation failed: {0}")]
    Background(String),
    /// The municipality has no districts yet.
    #[error("there are no districts yet")]
    NoDistricts,
    /// Several boundary versions are stored and the caller did not say which one.
    #[error("several boundary versions are stored ({}); say which one", .0.join(", "))]
    WhichBoundaryVersion(Vec<String>),
    /// Values published for a boundary version that is neither stored nor has a crosswalk.
    #[error("no crosswalk from boundary version '{0}' into the stored districts")]
    UnknownBoundaryVersion(String),
    /// A census grid none of whose cells lies in the municipality's district outlines.
    #[error("{file}: none of its {cells} cells lies in the municipality's districts (the first at {first_lat:.4}° N {first_lon:.4}° E); is it the grid of another region, or are the district outlines missing?")]
    CensusElsewhere { file: String, cells: usize, first_lat: f64, first_lon: f64 },
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// The application: the store plus what is derived from it and kept between requests.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    /// The figures of each municipality as raw readers and as everyone else sees them, valid
    /// for one `stats_generation`.
    figures: Arc<Mutex<HashMap<(MunicipalityId, bool), Arc<Figures>>>>,
    /// Recipe input tables per municipality, reader class, inputs and year, valid for one data
    /// generation: the index engine's runs on stored values start from a built frame.
    recipe_inputs: Arc<Mutex<HashMap<monitoring::RecipeInputKey, (i64, Arc<monitoring::RecipeInput>)>>>,
    /// The needs analysis's walking estimate per municipality, level and place scope, valid for
    /// one data generation (tens of thousands of nearest-offer questions).
    walk_estimates: Arc<Mutex<HashMap<needs::WalkKey, (i64, Arc<needs::WalkEstimate>)>>>,
    /// Inventories by request and place scope, valid for one data generation.
    inventories: Arc<Mutex<HashMap<String, (i64, Arc<needs::Inventory>)>>>,
    /// Built street networks by (municipality, profile), each with its extract's checksum.
    street_networks: Arc<Mutex<HashMap<(MunicipalityId, String), Arc<reach::BuiltNetwork>>>>,
    /// District grids by (municipality, level, hash of the outlines).
    walk_grids: Arc<Mutex<HashMap<(MunicipalityId, i64, u64), Arc<needs::WalkGrid>>>>,
    /// Needs analyses by request and reader class, valid for one data and statistics generation.
    needs_views: Arc<Mutex<HashMap<String, ((i64, i64), Arc<needs::NeedsView>)>>>,
    /// The places of active offers with their phases and transitions, by place scope and field,
    /// valid for one data generation: the analysis and its walks read them once.
    offer_places: Arc<Mutex<HashMap<needs::PlacesKey, (i64, Arc<needs::OfferPlaces>)>>>,
}

/// The finder's audience for a reader, from the one rule: coordination sees every offer and
/// place, navigators protected places but public offers only, everyone else the public view.
pub fn search_audience(d: &kette_domain::disclosure::Disclosure) -> kette_search::Audience {
    if d.sees_all_unpublished_offers() {
        kette_search::Audience::Professional
    } else if d.sees_any_protected_place() {
        kette_search::Audience::Referral
    } else {
        kette_search::Audience::Public
    }
}

/// Whether families may see this offer on `today` under the municipality's review policy.
pub fn offer_is_public(
    today: time::Date,
    policy: &kette_domain::review::ReviewPolicy,
    offer: &kette_domain::OfferInput,
    approval: kette_domain::review::Approval,
) -> bool {
    kette_domain::review::is_public(offer.status, approval, policy.freshness(offer.last_verified_on, today))
}

/// The value kept under `key`, if it was made for `generation` (the data a cache may not
/// outlive).
fn kept<K: Eq + std::hash::Hash, G: PartialEq, V: Clone>(cache: &Mutex<HashMap<K, (G, V)>>, key: &K, generation: &G) -> Option<V> {
    cache.lock().ok()?.get(key).filter(|(g, _)| g == generation).map(|(_, v)| v.clone())
}

/// Keeps `value` for `generation`: what other generations made goes, and past `most` entries
/// everything (a cache by request must not grow without end).
fn keep<K: Eq + std::hash::Hash, G: PartialEq, V>(cache: &Mutex<HashMap<K, (G, V)>>, key: K, generation: G, value: V, most: usize) {
    if let Ok(mut cache) = cache.lock() {
        cache.retain(|_, (g, _)| *g == generation);
        if cache.len() >= most {
            cache.clear();
        }
        cache.insert(key, (generation, value));
    }
}

impl App {
    pub fn new(store: Store) -> App {
        App {
            store,
            figures: Default::default(),
            recipe_inputs: Default::default(),
            walk_estimates: Default::default(),
            walk_grids: Default::default(),
            street_networks: Default::default(),
            inventories: Default::default(),
            needs_views: Default::default(),
            offer_places: Default::default(),
        }
    }

    /// The reader's view under the municipality's rules.
    pub fn disclosure(&self, reader: Option<kette_domain::access::Actor>, municipality: &Municipality) -> Disclosure {
        Disclosure::new(reader, municipality.confidentiality)
    }
}
