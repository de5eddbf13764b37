//! Errors as users and clients see them: a translated HTML page, or RFC 9457 problem details.

use std::sync::Arc;

use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use kette_domain::FieldError;
use kette_store::StoreError;

use crate::ctx::Ctx;
use crate::i18n::I18n;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: &'a str,
    title: String,
    message: String,
    home: String,
    status: u16,
}

pub struct PageError {
    pub status: StatusCode,
    pub lang: &'static str,
    pub i18n: Arc<I18n>,
    pub message_key: &'static str,
    pub detail: Option<String>,
}

impl PageError {
    pub fn new(ctx: &Ctx, status: StatusCode, message_key: &'static str) -> Self {
        PageError { status, lang: ctx.lang, i18n: ctx.i18n.clone(), message_key, detail: None }
    }
    pub fn internal(lang: &'static str, i18n: Arc<I18n>, detail: String) -> Self {
        tracing::error!(%detail, "internal error");
        PageError { status: StatusCode::INTERNAL_SERVER_ERROR, lang, i18n, message_key: "error-internal", detail: None }
    }
    pub fn not_found(ctx: &Ctx) -> Self {
        Self::new(ctx, StatusCode::NOT_FOUND, "error-not-found")
    }
    pub fn forbidden(ctx: &Ctx) -> Self {
        Self::new(ctx, StatusCode::FORBIDDEN, "error-forbidden")
    }
    pub fn bad_request(ctx: &Ctx, detail: String) -> Self {
        PageError { detail: Some(detail), ..Self::new(ctx, StatusCode::BAD_REQUEST, "error-bad-request") }
    }
    pub fn login_required(ctx: &Ctx) -> Self {
        Self::new(ctx, StatusCode::UNAUTHORIZED, "error-login-required")
    }
    pub fn store(ctx: &Ctx, e: StoreError) -> Self {
        match e {
            StoreError::NotFound(_) => Self::not_found(ctx),
            StoreError::Conflict(detail) => PageError { detail: Some(detail), ..Self::new(ctx, StatusCode::CONFLICT, "error-conflict") },
            other => Self::internal(ctx.lang, ctx.i18n.clone(), other.to_string()),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut message = self.i18n.t(self.lang, self.message_key);
        if let Some(d) = &self.detail {
            message = format!("{message} ({d})");
        }
        let page = ErrorPage {
            lang: self.lang,
            title: self.i18n.t(self.lang, "error-title"),
            message,
            home: self.i18n.t(self.lang, "nav-home"),
            status: self.status.as_u16(),
        };
        match page.render() {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(_) => self.status.into_response(),
        }
    }
}

/// Extension to turn store results into page errors with the request's language.
pub trait OrPage<T> {
    fn or_page(self, ctx: &Ctx) -> Result<T, PageError>;
}

impl<T> OrPage<T> for Result<T, StoreError> {
    fn or_page(self, ctx: &Ctx) -> Result<T, PageError> {
        self.map_err(|e| PageError::store(ctx, e))
    }
}

impl<T> OrPage<T> for Result<T, kette_app::AppError> {
    fn or_page(self, ctx: &Ctx) -> Result<T, PageError> {
        self.map_err(|e| match e {
            kette_app::AppError::Store(e) => PageError::store(ctx, e),
            kette_app::AppError::Ingest(e) => PageError::bad_request(ctx, e.to_string()),
            kette_app::AppError::Recipe(e) => PageError::bad_request(ctx, e.to_string()),
            kette_app::AppError::NoSuchColumn(c) => PageError::bad_request(ctx, format!("column '{c}'")),
            kette_app::AppError::UnknownBoundaryVersion(v) => PageError::bad_request(ctx, ctx.t1("wizard-unknown-version", "version", &v)),
        })
    }
}

/// Page templates carry their request context.
pub trait HasCtx {
    fn ctx(&self) -> &Ctx;
}

#[macro_export]
macro_rules! pages_with_ctx {
    ($($t:ident),* $(,)?) => { $(impl $crate::error::HasCtx for $t { fn ctx(&self) -> &$crate::ctx::Ctx { &self.ctx } })* };
}

pub fn render<T: Template + HasCtx>(t: &T) -> Result<Response, PageError> {
    t.render().map(|h| Html(h).into_response()).map_err(|e| PageError::internal(t.ctx().lang, t.ctx().i18n.clone(), e.to_string()))
}

/// RFC 9457 problem details, with field errors for validation problems.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    /// The offending field, e.g. `title` or `query.page`.
    pub field: String,
    /// Stable machine-readable code, e.g. `error-required`.
    pub code: String,
    pub detail: String,
}

#[derive(Debug)]
pub struct ApiError(pub StatusCode, pub Problem);

impl ApiError {
    pub fn new(status: StatusCode, title: &str, detail: impl Into<String>) -> Self {
        ApiError(
            status,
            Problem {
                kind: "about:blank".into(),
                title: title.into(),
                status: status.as_u16(),
                detail: Some(detail.into()),
                errors: vec![],
            },
        )
    }
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "Not Found", detail)
    }
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "Forbidden", detail)
    }
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "Unauthorized", "sign in first (session cookie) and send the X-CSRF-Token header")
    }
    pub fn internal(detail: String) -> Self {
        tracing::error!(error = %detail, "api internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "the server could not complete the request")
    }
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = errors.iter().map(|e| format!("{}: {}", e.field, e.detail)).collect::<Vec<_>>().join("; ");
        ApiError(
            StatusCode::UNPROCESSABLE_ENTITY,
            Problem {
                kind: "https://kette.dev/problems/validation".into(),
                title: "Validation failed".into(),
                status: 422,
                detail: Some(detail),
                errors: errors.into_iter().map(|e| ProblemField { field: e.field, code: e.code, detail: e.detail }).collect(),
            },
        )
    }
}

impl From<kette_app::AppError> for ApiError {
    fn from(e: kette_app::AppError) -> Self {
        match e {
            kette_app::AppError::Store(s) => s.into(),
            kette_app::AppError::Ingest(errors) => {
                ApiError::validation(errors.0.iter().map(|e| kette_domain::FieldError::new("file", "error-file", e.to_string())).collect())
            }
            other => {
                ApiError::validation(vec![kette_domain::FieldError::new("boundary_version", "error-boundary-version", other.to_string())])
            }
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => ApiError::not_found(format!("{what} not found")),
            StoreError::Invalid { errors, .. } => ApiError::validation(errors.0),
            StoreError::UnknownDistrict { .. } | StoreError::UnknownOrganisation { .. } => {
                ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "Unknown reference", e.to_string())
            }
            StoreError::Conflict(msg) => ApiError::new(StatusCode::CONFLICT, "Conflict", msg),
            other => {
                tracing::error!(error = %other, "api internal error");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "the server could not complete the request")
            }
        }
    }
}

impl From<kette_app::search_catalogue::FinderError> for ApiError {
    fn from(e: kette_app::search_catalogue::FinderError) -> Self {
        match e {
            kette_app::search_catalogue::FinderError::Store(s) => s.into(),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.1).unwrap_or_default();
        (self.0, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
    }
}
