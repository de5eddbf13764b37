//! HTTP: server-rendered HTML pages, the JSON API under `/api/v1` with its OpenAPI document,
//! sign-in with sessions and CSRF protection, language negotiation and static assets. The only
//! crate that knows HTTP; it asks `kette-store` for data and `kette-domain` for rules.

mod agreements;
mod api;
mod assets;
mod auth;
mod bodies;
mod boundaries;
mod chain;
mod ctx;
mod cycle;
mod engagement;
mod error;
mod events;
mod finder;
mod finder_query;
mod forms;
mod funding;
mod gaps;
pub mod hsds;
pub mod i18n;
mod inventory;
mod manage;
mod measures;
mod monitoring;
mod navigator;
mod needs;
mod network;
mod pages;
mod paging;
mod proposals;
pub mod reminders;
mod review;
mod scenarios;
pub mod server;
mod steering;
mod survey;
mod svg;
mod walk;
mod wizard;

use std::sync::Arc;

use axum::Router;

use kette_store::Store;

pub use ctx::Ctx;

/// Server settings that are not data.
#[derive(Clone, Default)]
pub struct WebConfig {
    /// Send cookies with `Secure` (set when served over HTTPS, e.g. behind a proxy).
    pub secure_cookies: bool,
    /// Where reminders are sent through; without it partners see their to-do list only.
    pub mailer: Option<kette_notify::Mailer>,
    /// The address people reach this server at, for links in e-mails (no trailing slash).
    pub public_url: String,
    /// Timeouts and connection caps against slow or greedy clients.
    pub connection_limits: server::ConnectionLimits,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The use cases (figures, places) read through the confidentiality rule.
    pub app: kette_app::App,
    pub i18n: Arc<i18n::I18n>,
    pub config: Arc<WebConfig>,
    /// Projected district outlines for maps (see `monitoring`).
    outlines: Arc<monitoring::OutlineCache>,
    /// Search catalogues, one per municipality, kept in step with the store.
    pub finder: Arc<kette_app::search_catalogue::Finder>,
    /// The municipality anonymous requests see, remembered for a few seconds: it is asked on
    /// every public API call.
    default_municipality: Arc<std::sync::Mutex<Option<(i64, std::time::Instant)>>>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        AppState {
            app: kette_app::App::new(store.clone()),
            store,
            i18n: Arc::new(i18n::I18n::load()),
            config: Arc::new(config),
            outlines: Default::default(),
            finder: Default::default(),
            default_municipality: Default::default(),
        }
    }
}

impl AppState {
    pub async fn default_municipality(&self) -> Result<i64, error::ApiError> {
        if let Some((id, at)) = self.default_municipality.lock().ok().and_then(|g| *g) {
            if at.elapsed() < std::time::Duration::from_secs(5) {
                return Ok(id);
            }
        }
        let id = self.store.municipalities().await?.first().map(|m| m.id).ok_or_else(|| error::ApiError::not_found("no municipality"))?;
        if let Ok(mut g) = self.default_municipality.lock() {
            *g = Some((id, std::time::Instant::now()));
        }
        Ok(id)
    }

    /// Brings these offers' search entries up to date after a write through this server. A
    /// failure is logged, not shown: the write stands, and the next search rebuilds the
    /// catalogue because the generation it recorded is behind.
    /// Takes the offers a save touched into the search; returns once they are searchable.
    pub async fn reindex(&self, municipality: i64, offers: &[i64]) {
        if let Err(e) = self.finder.refresh(&self.store, municipality, offers).await {
            tracing::warn!(error = %e, "search index refresh failed; it is rebuilt on the next search");
        }
    }

    pub async fn reindex_organisation(&self, municipality: i64, organisation: i64) {
        if let Err(e) = self.finder.refresh_organisation(&self.store, municipality, organisation).await {
            tracing::warn!(error = %e, "search index refresh failed; it is rebuilt on the next search");
        }
    }

    /// After changes that touch many offers (vocabulary labels).
    pub async fn reindex_all(&self, municipality: i64) {
        if let Err(e) = self.finder.rebuild(&self.store, municipality).await {
            tracing::warn!(error = %e, "search index rebuild failed");
        }
    }
}

pub use kette_app::offer_is_public;

/// Builds every municipality's search catalogue in the background right after the start, so
/// the first family searching after a restart does not wait for it (seconds at state scale).
pub fn spawn_catalogue_warm_up(state: AppState) {
    tokio::spawn(async move {
        let municipalities = match state.store.municipalities().await {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, "search catalogue warm-up: municipalities unreadable");
                return;
            }
        };
        for m in municipalities {
            let started = std::time::Instant::now();
            match state.finder.catalogue(&state.store, m.id).await {
                Ok(c) => {
                    tracing::info!(municipality = %m.slug, offers = c.len(), ms = started.elapsed().as_millis() as u64, "search catalogue ready")
                }
                Err(e) => tracing::warn!(municipality = %m.slug, error = %e, "search catalogue warm-up failed; the first search retries"),
            }
        }
    });
}

/// The router being built together with the list of its paths, so that tests can walk every
/// route the server answers (the confidentiality test does, for every role).
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<String>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

impl Routes {
    pub fn new() -> Routes {
        Routes { router: Router::new(), paths: vec![] }
    }

    pub fn route(mut self, path: &str, handler: axum::routing::MethodRouter<AppState>) -> Routes {
        self.paths.push(path.to_string());
        self.router = self.router.route(path, handler);
        self
    }

    fn merge(mut self, other: Routes) -> Routes {
        self.paths.extend(other.paths);
        self.router = self.router.merge(other.router);
        self
    }

    fn nest(mut self, prefix: &str, other: Routes) -> Routes {
        self.paths.extend(other.paths.into_iter().map(|p| format!("{prefix}{p}")));
        self.router = self.router.nest(prefix, other.router);
        self
    }

    /// What answers requests no route matches.
    pub fn fallback<H, T>(mut self, handler: H) -> Routes
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        self.router = self.router.fallback(handler);
        self
    }

    /// A layer over the routes added so far (e.g. a larger body limit for uploads).
    pub fn layer_all<L>(mut self, layer: L) -> Routes
    where
        L: tower::Layer<axum::routing::Route> + Clone + Send + Sync + 'static,
        L::Service: tower::Service<axum::extract::Request> + Clone + Send + Sync + 'static,
        <L::Service as tower::Service<axum::extract::Request>>::Response: axum::response::IntoResponse + 'static,
        <L::Service as tower::Service<axum::extract::Request>>::Error: Into<std::convert::Infallible> + 'static,
        <L::Service as tower::Service<axum::extract::Request>>::Future: Send + 'static,
    {
        self.router = self.router.layer(layer);
        self
    }
}

fn all_routes() -> Routes {
    use axum::routing::get;
    Routes::new()
        .merge(pages::routes())
        .merge(finder::routes())
        .merge(chain::routes())
        .merge(navigator::routes())
        .merge(events::routes())
        .merge(funding::routes())
        .merge(needs::routes())
        .merge(scenarios::routes())
        .merge(gaps::routes())
        .merge(inventory::routes())
        .merge(walk::routes())
        .merge(engagement::routes())
        .merge(hsds::routes())
        .merge(auth::routes())
        .merge(manage::routes())
        .merge(review::routes())
        .merge(monitoring::routes())
        .merge(wizard::routes())
        .merge(boundaries::routes())
        .merge(steering::routes())
        .merge(measures::routes())
        .merge(network::routes())
        .merge(agreements::routes())
        .merge(bodies::routes())
        .merge(cycle::routes())
        .merge(survey::routes())
        .merge(proposals::routes())
        .nest("/api/v1", api::routes())
        .route("/healthz", get(|| async { "ok" }))
        .route("/static/{*path}", get(assets::serve))
        .route("/favicon.ico", get(assets::favicon))
}

/// Serves the application on `listener` until `shutdown` completes; the hourly reminders and
/// the search catalogue warm-up start with it. The binary binds the listener and knows no HTTP.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    reminders::spawn_hourly(state.clone());
    spawn_catalogue_warm_up(state.clone());
    let limits = state.config.connection_limits.clone();
    server::serve_connections(listener, router(state), limits, shutdown).await
}

/// Every path the router answers, with its `{parameters}`.
pub fn route_paths() -> Vec<String> {
    all_routes().paths
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    all_routes()
        .router
        .layer(axum::middleware::from_fn_with_state(state.i18n.clone(), error::render_page_errors))
        .layer(axum::middleware::from_fn_with_state(state.config.clone(), ctx::remember_language))
        .layer(axum::middleware::from_fn_with_state(state.config.clone(), security_headers))
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state)
}

/// Headers every response carries: no third-party anything, no framing, no sniffing.
/// Signed-in responses may show protected addresses and notes: no cache keeps them
/// (`no-store`). Over HTTPS (`--secure-cookies`) browsers are told to stay on HTTPS (HSTS).
async fn security_headers(
    axum::extract::State(config): axum::extract::State<Arc<WebConfig>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::header::{
        HeaderValue, CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
        X_FRAME_OPTIONS,
    };
    let (parts, body) = req.into_parts();
    let signed_in = ctx::cookie(&parts, ctx::SESSION_COOKIE).is_some() && !parts.uri.path().starts_with("/static/");
    let mut res = next.run(axum::extract::Request::from_parts(parts, body)).await;
    let h = res.headers_mut();
    if signed_in {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if config.secure_cookies {
        h.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    h.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    res
}
