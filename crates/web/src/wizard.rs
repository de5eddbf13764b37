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
    /// What is wrong with the file or the choices, in the reader's language.
    errors: Vec<String>,
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
    /// text columns read past
    skipped_columns: Vec<String>,
    /// the choices made so far (kept when the commit is refused)
    choices: std::collections::HashMap<String, String>,
}

impl Preview {
    fn choice(&self, name: &str) -> String {
        self.choices.get(name).cloned().unwrap_or_default()
    }
    /// A suggested indicator code for a column: lower case letters, digits and _.
    fn suggested_code(&self, column: &str) -> String {
        let chosen = self.choice(&format!("new_code_{column}"));
        if !chosen.is_empty() {
            return chosen;
        }
        // a column heading as a code: folded to lower-case letters, digits and _
        let mut code: String = column
            .to_lowercase()
            .replace('ä', "ae")
            .replace('ö', "oe")
            .replace('ü', "ue")
            .replace('ß', "ss")
            .chars()
            .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '_' })
            .collect::<String>()
            .split('_')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        if !code.starts_with(|c: char| c.is_ascii_lowercase()) {
            code.insert_str(0, "i_");
        }
        code.chars().take(64).collect()
    }
}

/// An import problem in the reader's language: where (line, column) and what.
pub(crate) fn word_problem(ctx: &Ctx, e: &kette_ingest::IngestError) -> String {
    let mut at = vec![];
    if let Some(line) = e.line() {
        at.push(ctx.t1("ingest-line", "line", &ctx.num(line as i64)));
    } else if let Some(l) = &e.location {
        at.push(l.clone());
    }
    if let Some(f) = &e.field {
        at.push(ctx.t1("ingest-column", "column", &kette_text::excerpt(f)));
    }
    let what = match e.wording.as_ref().and_then(|w| w.code.map(|c| (c, &w.args))) {
        Some((code, args)) => ctx.t_args(code, args),
        None => e.message.clone(),
    };
    let worded = if at.is_empty() { what } else { format!("{}: {what}", at.join(", ")) };
    kette_text::bounded_message(&worded).into_owned()
}

/// Every problem of a failed check or import, worded for the reader.
fn word_error(ctx: &Ctx, e: kette_app::AppError) -> Vec<String> {
    match e {
        kette_app::AppError::Ingest(errors) => {
            let mut out: Vec<String> = errors.0.iter().take(kette_ingest::MAX_LISTED).map(|p| word_problem(ctx, p)).collect();
            if errors.0.len() > kette_ingest::MAX_LISTED {
                out.push(ctx.tn("ingest-more", (errors.0.len() - kette_ingest::MAX_LISTED) as i64));
            }
            out
        }
        kette_app::AppError::UnknownBoundaryVersion(v) => vec![ctx.t1("wizard-unknown-version", "version", &v)],
        kette_app::AppError::Store(kette_store::StoreError::UnknownDistrict { key, .. }) => {
            vec![ctx.t1("wizard-unknown-district", "key", &key)]
        }
        other => vec![kette_text::bounded_message(&other.to_string()).into_owned()],
    }
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
    render(&WizardPage { ctx, versions, preview: None, errors: vec![] })
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
        let page = render(&WizardPage { errors: vec![ctx.t("wizard-no-file")], ctx, versions, preview: None })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let year = fields.get("year").cloned().unwrap_or_default();
    let source = fields.get("source").cloned().unwrap_or_default();
    let boundary_version = fields.get("boundary_version").cloned().unwrap_or_default();
    let now = state.store.clock().unix();
    let token = format!("{now}-{}", token());
    remove_expired_previews(now);
    let request = PreviewRequest { token, file_name, year, source, boundary_version, choices: Default::default() };
    match preview(&state, &ctx, request, &bytes).await? {
        Ok(p) => {
            std::fs::create_dir_all(upload_dir())
                .and_then(|_| std::fs::write(upload_dir().join(&p.token), &bytes))
                .map_err(|e| PageError::internal(e.to_string()))?;
            render(&WizardPage { ctx, versions, preview: Some(p), errors: vec![] })
        }
        Err(errors) => {
            let page = render(&WizardPage { errors, ctx, versions, preview: None })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

struct PreviewRequest {
    token: String,
    file_name: String,
    year: String,
    source: String,
    boundary_version: String,
    choices: std::collections::HashMap<String, String>,
}

/// Checks an uploaded file and builds its preview, or says what is wrong with it.
async fn preview(state: &AppState, ctx: &Ctx, r: PreviewRequest, bytes: &[u8]) -> Result<Result<Preview, Vec<String>>, PageError> {
    let m = ctx.municipality.id;
    let version = Some(r.boundary_version.as_str()).filter(|v| !v.is_empty());
    let file = match state.app.check_indicator_file(m, &r.file_name, bytes, &options(&r.year, &r.source), version).await {
        Ok(f) => f,
        Err(kette_app::AppError::Store(e)) => return Err(PageError::store(e)),
        Err(e) => return Ok(Err(word_error(ctx, e))),
    };
    let catalogue: Vec<(String, String)> =
        state.store.indicators(m).await.or_page()?.into_iter().map(|i| (i.def.code, i.def.name_de)).collect();
    let kette_app::imports::IndicatorFile { layout, rows, codes, unknown_keys, crosswalk, warnings, skipped_columns } = file;
    Ok(Ok(Preview {
        token: r.token,
        file_name: r.file_name,
        year: r.year,
        source: r.source,
        layout: ctx.t(if layout == Layout::Long { "wizard-layout-long" } else { "wizard-layout-wide" }),
        rows: rows.len(),
        sample: rows.into_iter().take(15).collect(),
        codes,
        unknown_keys,
        warnings,
        catalogue,
        boundary_version: r.boundary_version,
        crosswalk: crosswalk.map(|(c, _)| (c.to_version, c.links, c.targets)),
        skipped_columns,
        choices: r.choices,
    }))
}

/// The indicators the planner defined in the preview, or what is missing in each definition.
fn new_indicators(ctx: &Ctx, form: &FormData, codes: &[String], known: &[String]) -> (Vec<kette_domain::IndicatorDef>, Vec<String>) {
    let (mut defs, mut errors) = (vec![], vec![]);
    for column in codes.iter().filter(|c| form.get(&format!("map_{c}")) == "new") {
        let field = |k: &str| form.get(&format!("new_{k}_{column}")).trim().to_string();
        let (code, name, unit) = (field("code"), field("name"), field("unit"));
        if !kette_domain::validate::is_term_code(&code) {
            errors.push(format!("{column}: {}", ctx.t("error-term-code")));
        } else if known.contains(&code) || defs.iter().any(|d: &kette_domain::IndicatorDef| d.code == code) {
            errors.push(format!("{column}: {}", ctx.t("error-term-exists")));
        }
        if name.is_empty() {
            errors.push(format!("{column}: {}", ctx.t("wizard-new-name-missing")));
        }
        let direction = kette_domain::Direction::parse(&field("direction")).unwrap_or(kette_domain::Direction::Neutral);
        defs.push(kette_domain::IndicatorDef {
            code,
            name_de: name.clone(),
            name_en: String::new(),
            description: String::new(),
            unit,
            direction,
            source: form.get("source").trim().to_string(),
            licence: String::new(),
            min_denominator: None,
            meta: kette_domain::IndicatorMeta { numerator: field("numerator"), denominator: field("denominator"), ..Default::default() },
        });
    }
    (defs, errors)
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
    let mut codes: Vec<String> = rows.iter().map(|r| r.indicator_code.clone()).collect();
    codes.sort();
    codes.dedup();
    let known: Vec<String> = state.store.indicators(ctx.municipality.id).await.or_page()?.into_iter().map(|i| i.def.code).collect();
    let (defining, mut errors) = new_indicators(&ctx, &form, &codes, &known);
    // map_<column> = "" keep the code, "-" leave the column out, "new" the indicator defined
    // in the preview, else an existing indicator's code
    let mapped: Vec<NewObservation> = rows
        .into_iter()
        .filter_map(|mut r| {
            let target = form.get(&format!("map_{}", r.indicator_code)).to_string();
            match target.as_str() {
                "" => Some(r),
                "-" => None,
                "new" => {
                    r.indicator_code = form.get(&format!("new_code_{}", r.indicator_code)).trim().to_string();
                    Some(r)
                }
                t => {
                    r.indicator_code = t.to_string();
                    Some(r)
                }
            }
        })
        .collect();
    if mapped.is_empty() {
        errors.push(ctx.t("wizard-nothing-chosen"));
    }
    let version = Some(form.get("boundary_version")).filter(|v| !v.is_empty());
    if errors.is_empty() {
        let provenance = kette_store::Provenance::of(&file_name, &bytes, ctx.user.as_ref().map(|u| u.id));
        let result =
            state.app.import_indicator_rows(ctx.municipality.id, &mapped, &provenance, version, false, &defining).await.map(|r| match r {
                kette_app::imports::IndicatorImport::Written(n) => n,
                kette_app::imports::IndicatorImport::Carried(report) => report.written,
            });
        match result {
            Ok(n) => {
                let _ = std::fs::remove_file(&path);
                let mut imported: Vec<&str> = mapped.iter().map(|r| r.indicator_code.as_str()).collect();
                imported.sort_unstable();
                imported.dedup();
                let year = mapped.iter().map(|r| r.year).max().unwrap_or_default();
                return Ok(Redirect::to(&format!("/monitoring?imported={n}&indicators={}&year={year}", imported.join(","))).into_response());
            }
            Err(kette_app::AppError::Store(e @ kette_store::StoreError::Db(_))) => return Err(PageError::store(e)),
            Err(e) => errors = word_error(&ctx, e),
        }
    }
    // refused: the same preview again with the choices made and what to fix
    let request = PreviewRequest {
        token: token.to_string(),
        file_name,
        year: form.get("year").to_string(),
        source: form.get("source").to_string(),
        boundary_version: form.get("boundary_version").to_string(),
        choices: form.pairs().into_iter().collect(),
    };
    let versions = versions(&state, &ctx).await?;
    let preview = preview(&state, &ctx, request, &bytes).await?.ok();
    let page = render(&WizardPage { errors, ctx, versions, preview })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
