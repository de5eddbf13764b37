//! The import wizard for indicator values: upload → preview with every problem → map unknown
//! indicator codes to the catalogue (or leave them out) → commit as one transaction with
//! provenance. Values published for another boundary version are carried into the stored
//! districts with the municipality's crosswalk. The upload waits in a private temporary file between the steps; nothing touches
//! the database before the commit.

use std::path::PathBuf;

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use kette_domain::NewObservation;
use kette_ingest::indicators_csv::{self, Layout, Options};

use crate::ctx::Ctx;
use crate::error::{render, OrPage, PageError};
use crate::forms::{FormData, Upload};
use crate::AppState;

/// Uploads larger than this are refused (a city's yearly statistics are far smaller).
const MAX_UPLOAD: usize = 20 * 1024 * 1024;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/monitoring/import", get(start).post(upload))
        .route("/monitoring/import/commit", post(commit))
        .layer_all(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD + 64 * 1024))
}

fn may_import(ctx: &Ctx) -> bool {
    ctx.actor().is_some_and(|a| a.can_import())
}

fn upload_dir() -> PathBuf {
    std::env::temp_dir().join("kette-uploads")
}

/// How long an uploaded file waits for its import to be committed.
const PREVIEW_HOURS: i64 = 24;

/// A preview's token: when it was made (seconds, by the store's clock) and 32 random hex digits;
/// it names the stored file, so its age needs no file times.
fn parse_token(token: &str) -> Option<i64> {
    let (made, random) = token.split_once('-')?;
    (random.len() == 32 && random.bytes().all(|b| b.is_ascii_hexdigit())).then_some(())?;
    made.parse().ok()
}

fn expired(made: i64, now: i64) -> bool {
    now - made > PREVIEW_HOURS * 3600
}

/// Removes previews nobody committed (they would otherwise stay in the temp folder for good).
fn remove_expired_previews(now: i64) {
    let Ok(entries) = std::fs::read_dir(upload_dir()) else { return };
    for e in entries.flatten() {
        if parse_token(&e.file_name().to_string_lossy()).is_some_and(|made| expired(made, now)) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn token() -> String {
    use rand::RngCore;
    let mut b = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[derive(Template)]
#[template(path = "wizard.html")]
struct WizardPage {
    ctx: Ctx,
    /// boundary versions a file may be given in: the stored one(s) first, then those with a
    /// crosswalk into them
    versions: Vec<String>,
    /// None: the upload form; Some: the preview of an upload
    preview: Option<Preview>,
    error: Option<String>,
}

struct Preview {
    token: String,
    file_name: String,
    year: String,
    source: String,
    layout: String,
    rows: usize,
    sample: Vec<NewObservation>,
    /// codes in the file: (code, rows, known?)
    codes: Vec<(String, usize, bool)>,
    unknown_keys: Vec<String>,
    /// values that are possible but unlikely (a share above 100 %): imported all the same
    warnings: Vec<String>,
    catalogue: Vec<(String, String)>,
    boundary_version: String,
    /// set when the values are carried into the stored districts: (to version, links, targets)
    crosswalk: Option<(String, i64, i64)>,
}

async fn versions(state: &AppState, ctx: &Ctx) -> Result<Vec<String>, PageError> {
    let mut v = state.store.boundary_versions(ctx.municipality.id).await.or_page()?;
    for c in state.store.crosswalks(ctx.municipality.id).await.or_page()? {
        if !v.contains(&c.from_version) {
            v.push(c.from_version);
        }
    }
    Ok(v)
}

async fn start(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if !may_import(&ctx) {
        return Err(PageError::forbidden());
    }
    let versions = versions(&state, &ctx).await?;
    render(&WizardPage { ctx, versions, preview: None, error: None })
}

fn options(year: &str, source: &str) -> Options {
    Options { year: year.trim().parse().ok(), source: Some(source.trim().to_string()).filter(|s| !s.is_empty()), region_variable: None }
}

async fn upload(State(state): State<AppState>, ctx: Ctx, multipart: Multipart) -> Result<Response, PageError> {
    if !may_import(&ctx) {
        return Err(PageError::forbidden());
    }
    let upload = Upload::read(&ctx, multipart, "upload.csv", MAX_UPLOAD).await?;
    let fields = upload.fields;
    let versions = versions(&state, &ctx).await?;
    let Some((file_name, bytes)) = upload.file else {
        let page = render(&WizardPage { error: Some(ctx.t("wizard-no-file")), ctx, versions, preview: None })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let (year, source) = (fields.get("year").cloned().unwrap_or_default(), fields.get("source").cloned().unwrap_or_default());
    let m = ctx.municipality.id;
    let boundary_version = fields.get("boundary_version").cloned().unwrap_or_default();
    let version = Some(boundary_version.as_str()).filter(|v| !v.is_empty());
    let checked = state.app.check_indicator_file(m, &file_name, &bytes, &options(&year, &source), version).await;
    let file = match checked {
        Ok(f) => f,
        Err(kette_app::AppError::Store(e)) => return Err(PageError::store(e)),
        Err(e) => {
            let error = match e {
                kette_app::AppError::UnknownBoundaryVersion(v) => ctx.t1("wizard-unknown-version", "version", &v),
                other => other.to_string(),
            };
            let page = render(&WizardPage { error: Some(error), ctx, versions, preview: None })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let catalogue: Vec<(String, String)> =
        state.store.indicators(m).await.or_page()?.into_iter().map(|i| (i.def.code, i.def.name_de)).collect();
    let kette_app::imports::IndicatorFile { layout, rows, codes, unknown_keys, crosswalk, warnings } = file;
    let now = state.store.clock().unix();
    let token = format!("{now}-{}", token());
    remove_expired_previews(now);
    std::fs::create_dir_all(upload_dir())
        .and_then(|_| std::fs::write(upload_dir().join(&token), &bytes))
        .map_err(|e| PageError::internal(e.to_string()))?;
    let preview = Preview {
        token,
        file_name,
        year,
        source,
        layout: if layout == Layout::Long { "long".into() } else { "wide".into() },
        rows: rows.len(),
        sample: rows.into_iter().take(15).collect(),
        codes,
        unknown_keys,
        warnings,
        catalogue,
        boundary_version,
        crosswalk: crosswalk.map(|(c, _)| (c.to_version, c.links, c.targets)),
    };
    render(&WizardPage { ctx, versions, preview: Some(preview), error: None })
}

/// Applies the code mapping and imports everything in one transaction.
async fn commit(State(state): State<AppState>, ctx: Ctx, body: axum::body::Bytes) -> Result<Response, PageError> {
    if !may_import(&ctx) {
        return Err(PageError::forbidden());
    }
    let form = FormData::parse(&body);
    crate::auth::require_csrf(&ctx, &form)?;
    let token = form.get("token");
    let Some(made) = parse_token(token) else {
        return Err(PageError::bad_request("token".into()));
    };
    let path = upload_dir().join(token);
    if expired(made, state.store.clock().unix()) {
        let _ = std::fs::remove_file(&path);
        return Err(PageError::bad_request_key("wizard-expired"));
    }
    let bytes = std::fs::read(&path).map_err(|_| PageError::bad_request_key("wizard-expired"))?;
    let file_name = form.get("file_name").to_string();
    let (_, rows) = indicators_csv::parse(&file_name, &bytes, &options(form.get("year"), form.get("source")))
        .map_err(|e| PageError::bad_request(e.to_string()))?;
    // map[code] = target code, or "" to leave the rows out
    let mapped: Vec<NewObservation> = rows
        .into_iter()
        .filter_map(|mut r| {
            let target = form.get(&format!("map_{}", r.indicator_code));
            match target {
                "" => Some(r),
                "-" => None,
                t => {
                    r.indicator_code = t.to_string();
                    Some(r)
                }
            }
        })
        .collect();
    let provenance = kette_store::Provenance::of(&file_name, &bytes, ctx.user.as_ref().map(|u| u.id));
    let version = Some(form.get("boundary_version")).filter(|v| !v.is_empty());
    let result = state.app.import_indicator_rows(ctx.municipality.id, &mapped, &provenance, version, false).await.map(|r| match r {
        kette_app::imports::IndicatorImport::Written(n) => n,
        kette_app::imports::IndicatorImport::Carried(report) => report.written,
    });
    match result {
        Ok(n) => {
            let _ = std::fs::remove_file(&path);
            Ok(Redirect::to(&format!("/monitoring?imported={n}")).into_response())
        }
        Err(e) => {
            let versions = versions(&state, &ctx).await?;
            let page = render(&WizardPage { error: Some(e.to_string()), ctx, versions, preview: None })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
