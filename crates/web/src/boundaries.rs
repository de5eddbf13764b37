//! Boundary versions and crosswalks: which versions the stored districts and the stored
//! crosswalks have, and the upload of a crosswalk file (the same rules as
//! `kette import crosswalk`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_store::CrosswalkSummary;

use crate::ctx::Ctx;
use crate::error::{render, OrPage, PageError};
use crate::forms::Upload;
use crate::AppState;

/// A crosswalk file for a city is a few thousand lines at most.
const MAX_UPLOAD: usize = 5 * 1024 * 1024;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/monitoring/boundaries", get(page).post(upload))
        .layer_all(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD + 64 * 1024))
}

#[derive(Template)]
#[template(path = "boundaries.html")]
struct BoundariesPage {
    ctx: Ctx,
    versions: Vec<String>,
    crosswalks: Vec<CrosswalkSummary>,
    error: Option<String>,
    saved: bool,
    from_version: String,
    source: String,
}

async fn load(state: &AppState, ctx: &Ctx) -> Result<(Vec<String>, Vec<CrosswalkSummary>), PageError> {
    let m = ctx.municipality.id;
    Ok((state.store.boundary_versions(m).await.or_page()?, state.store.crosswalks(m).await.or_page()?))
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    let (versions, crosswalks) = load(&state, &ctx).await?;
    let saved = q.contains_key("saved");
    render(&BoundariesPage { ctx, versions, crosswalks, error: None, saved, from_version: String::new(), source: String::new() })
}

async fn upload(State(state): State<AppState>, ctx: Ctx, multipart: Multipart) -> Result<Response, PageError> {
    if !ctx.can_import() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::login_required() });
    }
    let upload = Upload::read(&ctx, multipart, "crosswalk.csv", MAX_UPLOAD).await?;
    let (from_version, source) = (upload.field("from_version"), upload.field("source"));
    let (versions, crosswalks) = load(&state, &ctx).await?;
    let problem = |ctx: Ctx, error: String| -> Result<Response, PageError> {
        let page = render(&BoundariesPage {
            ctx,
            versions: versions.clone(),
            crosswalks: crosswalks.clone(),
            error: Some(error),
            saved: false,
            from_version: from_version.clone(),
            source: source.clone(),
        })?;
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    if from_version.is_empty() {
        let e = ctx.t("boundaries-from-required");
        return problem(ctx, e);
    }
    let Some((file_name, bytes)) = upload.file else {
        let e = ctx.t("wizard-no-file");
        return problem(ctx, e);
    };
    // the districts' own version is the target; with several stored versions the newest name
    let Some(to_version) = versions.last().cloned() else {
        let e = ctx.t("boundaries-no-districts");
        return problem(ctx, e);
    };
    let by = ctx.user.as_ref().map(|u| u.id);
    let m = ctx.municipality.id;
    match state.app.import_crosswalk(m, &file_name, &bytes, &from_version, Some(&to_version), &source, by).await {
        Ok(_) => Ok(Redirect::to("/monitoring/boundaries?saved=1").into_response()),
        Err(e) => problem(ctx, e.to_string()),
    }
}
