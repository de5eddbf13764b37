//! Errors as users and clients see them: a translated HTML page, or RFC 9457 problem details.

use std::sync::Arc;

use askama::Template;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use kette_domain::FieldError;
use kette_store::StoreError;

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

/// An error as a page will show it. It carries no request context: the status, the message key
/// (with its arguments) and a technical detail; the language is chosen when the response is
/// rendered (`render_page_errors`, a middleware that knows the request), so any layer — an
/// extractor, a use case, a handler — can fail without knowing who asked.
#[derive(Debug, Clone)]
pub struct PageError {
    pub status: StatusCode,
    pub message_key: &'static str,
    pub message_args: Vec<(&'static str, String)>,
    pub detail: Option<String>,
    /// a detail that is itself a message (translated at rendering)
    pub detail_key: Option<&'static str>,
}

impl PageError {
    pub fn new(status: StatusCode, message_key: &'static str) -> Self {
        PageError { status, message_key, message_args: vec![], detail: None, detail_key: None }
    }
    pub fn internal(detail: String) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
    }
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "error-not-found")
    }
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "error-forbidden")
    }
    pub fn bad_request(detail: String) -> Self {
        PageError { detail: Some(detail), ..Self::new(StatusCode::BAD_REQUEST, "error-bad-request") }
    }
    /// A bad request explained by a translated message.
    pub fn bad_request_key(key: &'static str) -> Self {
        PageError { detail_key: Some(key), ..Self::new(StatusCode::BAD_REQUEST, "error-bad-request") }
    }
    /// A bad request whose explanation is a translated message with arguments.
    pub fn bad_request_because(key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        PageError { message_args: args, ..Self::new(StatusCode::BAD_REQUEST, key) }
    }
    pub fn login_required() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "error-login-required")
    }
    pub fn store(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(_) => Self::not_found(),
            StoreError::Conflict(detail) => PageError { detail: Some(detail), ..Self::new(StatusCode::CONFLICT, "error-conflict") },
            other => Self::internal(other.to_string()),
        }
    }

    /// The error page in `lang`.
    pub fn render(&self, lang: &'static str, i18n: &I18n) -> Response {
        let args: Vec<(&str, kette_i18n::FluentValue)> =
            self.message_args.iter().map(|(k, v)| (*k, kette_i18n::FluentValue::from(v.clone()))).collect();
        let mut message = if args.is_empty() { i18n.t(lang, self.message_key) } else { i18n.t_args(lang, self.message_key, &args) };
        if let Some(d) = self.detail.clone().or_else(|| self.detail_key.map(|k| i18n.t(lang, k))) {
            message = format!("{message} ({})", kette_text::bounded_message(&d));
        }
        let page =
            ErrorPage { lang, title: i18n.t(lang, "error-title"), message, home: i18n.t(lang, "nav-home"), status: self.status.as_u16() };
        match page.render() {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(_) => self.status.into_response(),
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError::store(e)
    }
}

impl From<kette_app::AppError> for PageError {
    fn from(e: kette_app::AppError) -> Self {
        match e {
            kette_app::AppError::Store(e) => PageError::store(e),
            kette_app::AppError::Ingest(e) => PageError::bad_request(e.to_string()),
            kette_app::AppError::Recipe(e) => PageError::bad_request(e.to_string()),
            kette_app::AppError::Reach(e) => PageError::bad_request(e.to_string()),
            kette_app::AppError::Background(e) => PageError::internal(e),
            kette_app::AppError::NoSuchColumn(c) => PageError::bad_request(format!("column '{c}'")),
            e @ (kette_app::AppError::NoDistricts
            | kette_app::AppError::WhichBoundaryVersion(_)
            | kette_app::AppError::Implausible { .. }
            | kette_app::AppError::CensusElsewhere { .. }) => PageError::bad_request(e.to_string()),
            kette_app::AppError::UnknownBoundaryVersion(v) => {
                PageError::bad_request_because("wizard-unknown-version", vec![("version", v)])
            }
        }
    }
}

/// The response carries the error; `render_page_errors` turns it into a page in the reader's
/// language.
impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// Renders every `PageError` a handler or extractor returned as a page in the language the
/// request asks for (`?lang=`, cookie, Accept-Language).
pub async fn render_page_errors(
    axum::extract::State(i18n): axum::extract::State<Arc<I18n>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let lang = crate::ctx::language_of(&parts);
    let mut res = next.run(axum::extract::Request::from_parts(parts, body)).await;
    match res.extensions_mut().remove::<PageError>() {
        Some(e) => {
            let mut page = e.render(lang, &i18n);
            // keep what the handler set besides the body (cookies, cache rules)
            for (name, value) in res.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    page.headers_mut().append(name.clone(), value.clone());
                }
            }
            page
        }
        None => res,
    }
}

/// Turns store and use-case results into page errors (the language is chosen at rendering).
pub trait OrPage<T> {
    fn or_page(self) -> Result<T, PageError>;
}

impl<T, E: Into<PageError>> OrPage<T> for Result<T, E> {
    fn or_page(self) -> Result<T, PageError> {
        self.map_err(Into::into)
    }
}

pub fn render<T: Template>(t: &T) -> Result<Response, PageError> {
    t.render().map(|h| Html(h).into_response()).map_err(|e| PageError::internal(e.to_string()))
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
        let mut problem = self.1;
        // details may quote what the client sent; a quoted megabyte stays an excerpt
        problem.detail = problem.detail.map(|d| kette_text::bounded_message(&d).into_owned());
        for field in &mut problem.errors {
            field.field = kette_text::excerpt(&field.field).into_owned();
            field.detail = kette_text::bounded_message(&field.detail).into_owned();
        }
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        (self.0, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
    }
}
