//! Per-request page context: language, signed-in account, CSRF token, municipality. Templates
//! receive it and call `t` for every string.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use fluent_bundle::FluentValue;

use kette_domain::vocab::Vocabulary;
use kette_domain::{Municipality, TermKind};
use kette_store::Account;

use crate::error::PageError;
use crate::i18n::{self, I18n};
use crate::AppState;

pub const SESSION_COOKIE: &str = "kette_session";
pub const LANG_COOKIE: &str = "kette_lang";

pub struct Ctx {
    pub lang: &'static str,
    pub i18n: Arc<I18n>,
    pub user: Option<Account>,
    /// The session's CSRF token, or a fresh anonymous one (see `auth`).
    pub csrf: String,
    pub municipality: Municipality,
    pub vocab: Vocabulary,
    /// Path and query of this request, for the language switch and the return after sign-in.
    pub here: String,
    pub session_token: Option<String>,
}

pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn query_param<'a>(query: Option<&'a str>, name: &str) -> Option<&'a str> {
    query?.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

pub fn language_of(parts: &Parts) -> &'static str {
    i18n::negotiate(
        query_param(parts.uri.query(), "lang"),
        cookie(parts, LANG_COOKIE),
        parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    )
}

/// Remembers an explicit `?lang=` choice in a strictly necessary cookie.
pub async fn remember_language(
    axum::extract::State(config): axum::extract::State<Arc<crate::WebConfig>>,
    req: Request,
    next: Next,
) -> Response {
    let chosen = query_param(req.uri().query(), "lang").and_then(|l| i18n::LANGUAGES.iter().find(|(c, _)| *c == l)).map(|(c, _)| *c);
    let mut res = next.run(req).await;
    if let Some(lang) = chosen {
        let secure = if config.secure_cookies { "; Secure" } else { "" };
        if let Ok(v) = HeaderValue::from_str(&format!("{LANG_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax{secure}")) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = language_of(parts);
        let fail = |e: kette_store::StoreError| PageError::internal(e.to_string());
        let session_token = cookie(parts, SESSION_COOKIE).map(str::to_string);
        let session = match &session_token {
            Some(t) => state.store.session(t).await.map_err(fail)?,
            None => None,
        };
        let (user, csrf) = match session {
            Some(s) => (Some(s.account), s.csrf_token),
            None => (None, cookie(parts, crate::auth::ANON_CSRF_COOKIE).unwrap_or("").to_string()),
        };
        let municipality = match &user {
            Some(u) => state.store.municipality(u.municipality_id).await.map_err(fail)?,
            None => match state.store.municipalities().await.map_err(fail)?.into_iter().next() {
                Some(m) => m,
                None => return Err(PageError::internal("no municipality in this database; run `kette demo` or import data".into())),
            },
        };
        let vocab = state.store.vocabulary(municipality.id).await.map_err(fail)?;
        let here = parts.uri.path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
        Ok(Ctx { lang, i18n: state.i18n.clone(), user, csrf, municipality, vocab, here, session_token })
    }
}

/// The client's address when the server knows it (served with connect info; absent in tests
/// that call the router directly).
pub struct ClientAddr(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip().to_string())))
    }
}

/// A request by a signed-in person: the context and what the person may do. Anyone else is
/// sent to the sign-in page and brought back here afterwards.
pub struct SignedIn {
    pub ctx: Ctx,
    pub actor: kette_domain::access::Actor,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        let ctx = Ctx::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match ctx.actor() {
            Some(actor) => Ok(SignedIn { ctx, actor }),
            None => {
                let mut s = form_urlencoded::Serializer::new(String::new());
                s.append_pair("next", &ctx.here);
                Err(axum::response::Redirect::to(&format!("/login?{}", s.finish())).into_response())
            }
        }
    }
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    /// A phone number as a `tel:` link (RFC 3966).
    pub fn tel(&self, phone: &str) -> String {
        i18n::phone(phone).1
    }

    /// A phone number written one way, whatever way it was typed.
    pub fn phone(&self, phone: &str) -> String {
        i18n::phone(phone).0
    }

    /// The German text of a message, for sheets a family shows to German-speaking staff.
    pub fn t_de(&self, key: &str) -> String {
        self.i18n.t(i18n::DEFAULT_LANG, key)
    }

    pub fn tn(&self, key: &str, count: impl std::borrow::Borrow<i64>) -> String {
        self.i18n.t_args(self.lang, key, &[("count", FluentValue::from(*count.borrow()))])
    }

    /// A message whose plural form follows `count` (a number to Fluent), with further text
    /// arguments.
    pub fn tn_args<'a>(&self, key: &str, count: i64, args: impl AsRef<[(&'a str, String)]>) -> String {
        let mut all: Vec<(&str, FluentValue)> = vec![("count", FluentValue::from(count))];
        all.extend(args.as_ref().iter().map(|(k, v)| (*k, FluentValue::from(v.clone()))));
        self.i18n.t_args(self.lang, key, &all)
    }

    /// Label of a closed enumeration by its translation key (e.g. `cost-free`).
    pub fn label(&self, key: String) -> String {
        self.t(&key)
    }

    /// A message with several named arguments (text values).
    pub fn t_args<'a>(&self, key: &str, args: impl AsRef<[(&'a str, String)]>) -> String {
        let args: Vec<(&str, FluentValue)> = args.as_ref().iter().map(|(k, v)| (*k, FluentValue::from(v.clone()))).collect();
        self.i18n.t_args(self.lang, key, &args)
    }

    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.i18n.t_args(self.lang, key, &[(name, FluentValue::from(value.to_string()))])
    }

    /// Label of a vocabulary term (municipality-specific, so from the database, not Fluent).
    pub fn term(&self, kind: &str, code: &str) -> String {
        TermKind::parse(kind).map(|k| self.vocab.label(k, code, self.lang).to_string()).unwrap_or_else(|| code.to_string())
    }

    pub fn terms(&self, kind: &str) -> Vec<(String, String)> {
        TermKind::parse(kind)
            .map(|k| self.vocab.of(k).map(|t| (t.code.clone(), t.label(self.lang).to_string())).collect())
            .unwrap_or_default()
    }

    pub fn languages(&self) -> &'static [(&'static str, &'static str)] {
        i18n::LANGUAGES
    }

    /// This page in another language.
    pub fn lang_url(&self, lang: &str) -> String {
        let (path, query) = self.here.split_once('?').unwrap_or((&self.here, ""));
        let mut parts: Vec<&str> = query.split('&').filter(|kv| !kv.is_empty() && !kv.starts_with("lang=")).collect();
        let l = format!("lang={lang}");
        parts.push(&l);
        format!("{path}?{}", parts.join("&"))
    }

    /// A whole number in the reader's locale (4.871 in German, 4,871 in English).
    pub fn num(&self, n: impl std::borrow::Borrow<i64>) -> String {
        self.i18n.formats(self.lang).integer(*n.borrow())
    }

    /// A measured value with `digits` places in the reader's locale ("38,40").
    pub fn fixed(&self, x: f64, digits: u8) -> String {
        self.i18n.formats(self.lang).fixed(x, digits)
    }

    /// At most `digits` places, trailing zeros dropped ("1,2", "2").
    pub fn short(&self, x: f64, digits: u8) -> String {
        self.i18n.formats(self.lang).short(x, digits)
    }

    /// A date in the reader's locale.
    pub fn date(&self, d: impl std::borrow::Borrow<time::Date>) -> String {
        self.i18n.formats(self.lang).date(*d.borrow())
    }

    /// A local date and time (meetings) in the reader's locale.
    pub fn local(&self, t: impl std::borrow::Borrow<time::PrimitiveDateTime>) -> String {
        self.i18n.formats(self.lang).local(*t.borrow())
    }

    /// A local time of day in the reader's locale.
    pub fn time_of_day(&self, t: impl std::borrow::Borrow<time::PrimitiveDateTime>) -> String {
        self.i18n.formats(self.lang).time_of_day(t.borrow().time())
    }

    /// A stored moment (RFC 3339) in the reader's locale.
    pub fn moment(&self, text: &str) -> String {
        self.i18n.formats(self.lang).timestamp(text)
    }

    pub fn signed_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn actor(&self) -> Option<kette_domain::access::Actor> {
        self.user.as_ref().map(|u| u.actor())
    }

    /// What this reader may see (the one rule, `kette_domain::disclosure`).
    pub fn disclosure(&self) -> kette_domain::disclosure::Disclosure {
        kette_domain::disclosure::Disclosure::new(self.actor(), self.municipality.confidentiality)
    }

    pub fn sees_raw_statistics(&self) -> bool {
        self.disclosure().sees_raw_statistics()
    }

    /// Staff (signed in, not a viewer): working data such as funding, approval and verification
    /// states of the offers they may see.
    /// Pages only the coordination opens: others signed in are refused, the public is told
    /// there is nothing here.
    pub fn coordination_only(&self) -> Result<(), crate::error::PageError> {
        if self.can_approve() {
            Ok(())
        } else if self.signed_in() {
            Err(crate::error::PageError::forbidden())
        } else {
            Err(crate::error::PageError::not_found())
        }
    }

    pub fn is_staff(&self) -> bool {
        self.actor().is_some_and(|a| a.role != kette_domain::Role::Viewer)
    }

    pub fn can_refer(&self) -> bool {
        self.actor().is_some_and(|a| a.can_refer())
    }

    /// Coordination: lists may include every unpublished offer (and filter by status).
    pub fn sees_all_unpublished(&self) -> bool {
        self.disclosure().sees_all_unpublished_offers()
    }

    /// Navigators and coordination: the professional view of the finder (protected places,
    /// internal notes in results).
    pub fn is_professional(&self) -> bool {
        self.disclosure().is_professional()
    }

    /// What this reader's finder searches show (`kette_app::search_audience`).
    pub fn search_audience(&self) -> kette_search::Audience {
        kette_app::search_audience(&self.disclosure())
    }

    /// A shown count in the reader's number format; suppressed counts give None (the template
    /// renders the suppression sign, the same for primary and secondary suppression so that
    /// neither can be told from the other).
    pub fn count(&self, c: &kette_domain::privacy::PublicCount) -> Option<String> {
        match c {
            kette_domain::privacy::PublicCount::Shown(n) => Some(self.num(*n as i64)),
            kette_domain::privacy::PublicCount::Suppressed { .. } => None,
        }
    }

    pub fn can_edit(&self, organisation: impl std::borrow::Borrow<i64>) -> bool {
        self.actor().is_some_and(|a| a.can_edit_offers_of(*organisation.borrow()))
    }

    pub fn reads_needs_analysis(&self) -> bool {
        self.actor().is_some_and(|a| a.reads_needs_analysis())
    }

    pub fn plans_needs(&self) -> bool {
        self.actor().is_some_and(|a| a.plans_needs())
    }

    pub fn can_import(&self) -> bool {
        self.actor().is_some_and(|a| a.can_import())
    }

    pub fn can_edit_recipes(&self) -> bool {
        self.actor().is_some_and(|a| a.can_edit_recipes())
    }

    pub fn can_edit_vocabulary(&self) -> bool {
        self.actor().is_some_and(|a| a.can_edit_vocabulary())
    }

    /// Whether this person's edits become proposals for the coordinator (partners, when the
    /// municipality asks for approval).
    pub fn edits_need_approval(&self) -> bool {
        self.actor().is_some_and(|a| self.municipality.review.needs_approval(&a))
    }

    pub fn can_approve(&self) -> bool {
        self.actor().is_some_and(|a| a.can_approve())
    }

    pub fn can_create(&self) -> bool {
        self.actor().is_some_and(|a| a.can_create_offers())
    }

    pub fn role_label(&self) -> String {
        self.user.as_ref().map(|u| self.t(&u.role.label_key())).unwrap_or_default()
    }

    pub fn is_rtl(&self) -> bool {
        kette_i18n::is_rtl(self.lang)
    }
}
