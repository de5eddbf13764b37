//! Sign-in and sign-out. Sessions are server-side rows; the cookie holds a random token
//! (HttpOnly, SameSite=Lax, Secure when configured). Every state-changing form carries a CSRF
//! token: the session's, or before sign-in a random token mirrored in a cookie.

use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::ctx::{Ctx, SESSION_COOKIE};
use crate::error::{render, OrPage, PageError};
use crate::forms::{same_token, FormData};
use crate::AppState;

pub const ANON_CSRF_COOKIE: &str = "kette_csrf";

pub fn routes() -> crate::Routes {
    crate::Routes::new().route("/login", get(login_form).post(login)).route("/logout", axum::routing::post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    error: bool,
    username: String,
    next: String,
}

pub(crate) fn random_token() -> String {
    use rand::RngCore;
    let mut b = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Where to go after signing in: only a path on this server. The value arrives decoded, so a
/// tab or line break (`/%09/host`, which browsers strip to `//host`) or any other control or
/// space character is refused, as are `//` and backslashes; nothing here can make a header
/// invalid.
fn safe_next(next: &str) -> String {
    let local =
        next.starts_with('/') && next.bytes().all(|b| b.is_ascii_graphic()) && !next[1..].starts_with(['/', '\\']) && !next.contains('\\');
    if local {
        next.to_string()
    } else {
        "/".into()
    }
}

pub(crate) fn cookie_header(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
    let secure = if state.config.secure_cookies { "; Secure" } else { "" };
    let age = max_age.map(|a| format!("; Max-Age={a}")).unwrap_or_default();
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{age}")).expect("cookie value is ASCII")
}

async fn login_form(
    State(state): State<AppState>,
    mut ctx: Ctx,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let mut headers = HeaderMap::new();
    if ctx.csrf.is_empty() {
        ctx.csrf = random_token();
        headers.insert(header::SET_COOKIE, cookie_header(&state, ANON_CSRF_COOKIE, &ctx.csrf, None));
    }
    let next = safe_next(q.get("next").map(String::as_str).unwrap_or("/"));
    let page = render(&LoginPage { ctx, error: false, username: String::new(), next })?;
    Ok((headers, page).into_response())
}

async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::ctx::ClientAddr(client): crate::ctx::ClientAddr,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = FormData::parse(&body);
    if !same_token(form.get("csrf"), &ctx.csrf) {
        return Err(PageError::new(StatusCode::FORBIDDEN, "error-csrf"));
    }
    let next = safe_next(form.get("next"));
    match state.store.sign_in(form.get("username"), form.get("password"), client.as_deref()).await.or_page()? {
        kette_store::SignIn::Throttled { wait_seconds } => {
            let minutes = ((wait_seconds + 59) / 60).max(1);
            Err(PageError {
                message_args: vec![("minutes", minutes.to_string())],
                ..PageError::new(StatusCode::TOO_MANY_REQUESTS, "login-throttled")
            })
        }
        kette_store::SignIn::Welcome { token, .. } => {
            let mut res = Redirect::to(&next).into_response();
            res.headers_mut().append(header::SET_COOKIE, cookie_header(&state, SESSION_COOKIE, &token, Some(12 * 3600)));
            res.headers_mut().append(header::SET_COOKIE, cookie_header(&state, ANON_CSRF_COOKIE, "", Some(0)));
            Ok(res)
        }
        kette_store::SignIn::Refused => {
            let username = form.get("username").to_string();
            let html = render(&LoginPage { ctx, error: true, username, next })?;
            Ok((StatusCode::UNAUTHORIZED, html).into_response())
        }
    }
}

async fn logout(State(state): State<AppState>, ctx: Ctx, body: Bytes) -> Result<Response, PageError> {
    let form = FormData::parse(&body);
    if !same_token(form.get("csrf"), &ctx.csrf) {
        return Err(PageError::new(StatusCode::FORBIDDEN, "error-csrf"));
    }
    if let Some(t) = &ctx.session_token {
        state.store.logout(t).await.or_page()?;
    }
    let mut res = Redirect::to("/").into_response();
    res.headers_mut().append(header::SET_COOKIE, cookie_header(&state, SESSION_COOKIE, "", Some(0)));
    Ok(res)
}

/// Checks the CSRF token of a form posted by a signed-in user.
pub fn require_csrf(ctx: &Ctx, form: &FormData) -> Result<(), PageError> {
    if ctx.user.is_some() && same_token(form.get("csrf"), &ctx.csrf) {
        Ok(())
    } else {
        Err(PageError::new(StatusCode::FORBIDDEN, "error-csrf"))
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_survive_as_the_way_back() {
        for ok in ["/", "/offers?page=2", "/search?q=Kita%20Mitte&lang=ar"] {
            assert_eq!(safe_next(ok), ok);
        }
        for bad in
            ["//evil.example/x", "/\t/evil.example/x", "/\n/x", "/\\evil.example", "https://evil.example", "/ /x", "/\u{85}x", "offers"]
        {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }
}
