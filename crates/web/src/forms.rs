//! HTML form bodies. Parsed by hand because checkbox groups repeat a name, which the common
//! `Form` extractor does not collect into lists.

use axum::body::Bytes;

#[derive(Debug, Default)]
pub struct FormData {
    pairs: Vec<(String, String)>,
}

impl FormData {
    pub fn parse(body: &Bytes) -> Self {
        FormData { pairs: form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect() }
    }
    pub fn get(&self, name: &str) -> &str {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).unwrap_or("")
    }
    /// Every field as sent (the last value of a repeated name wins in a map built from them).
    pub fn pairs(&self) -> Vec<(String, String)> {
        self.pairs.clone()
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs.iter().filter(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim().to_string()).collect()
    }
    /// An optional date field (YYYY-MM-DD, as date inputs send it); a bad one is added to `errors`.
    pub fn date(&self, name: &str, errors: &mut Vec<kette_domain::FieldError>) -> Option<time::Date> {
        match self.get(name) {
            "" => None,
            d => time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| errors.push(kette_domain::FieldError::new(name, "error-date", "not a date (YYYY-MM-DD)")))
                .ok(),
        }
    }
}

/// A form posted by a signed-in person, its CSRF token checked before the handler runs, so no
/// handler can forget the check (a failed check answers 403 with the reason).
pub struct SignedForm {
    pub ctx: crate::ctx::Ctx,
    pub form: FormData,
}

impl axum::extract::FromRequest<crate::AppState> for SignedForm {
    type Rejection = crate::error::PageError;

    async fn from_request(req: axum::extract::Request, state: &crate::AppState) -> Result<Self, Self::Rejection> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = req.into_parts();
        let ctx = crate::ctx::Ctx::from_request_parts(&mut parts, state).await?;
        let bytes = match Bytes::from_request(axum::extract::Request::from_parts(parts, body), state).await {
            Ok(b) => b,
            Err(e) => return Err(crate::error::PageError::bad_request(e.body_text())),
        };
        let form = FormData::parse(&bytes);
        crate::auth::require_csrf(&ctx, &form)?;
        Ok(SignedForm { ctx, form })
    }
}

/// Constant-time comparison for tokens.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && !a.is_empty() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A form sent as multipart with one file: its text fields and the file (name, bytes). The
/// CSRF token is checked here, so no handler can forget it.
pub struct Upload {
    pub fields: std::collections::HashMap<String, String>,
    /// None when no file or an empty one was sent
    pub file: Option<(String, Vec<u8>)>,
}

impl Upload {
    pub async fn read(
        ctx: &crate::ctx::Ctx,
        mut multipart: axum::extract::Multipart,
        default_name: &str,
        max_bytes: usize,
    ) -> Result<Self, crate::error::PageError> {
        use crate::error::PageError;
        // a body over the limit is named with the limit, not as a parsing error
        let failed = |e: axum::extract::multipart::MultipartError| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                PageError {
                    message_args: vec![("megabytes", (max_bytes / (1024 * 1024)).to_string())],
                    ..PageError::new(axum::http::StatusCode::PAYLOAD_TOO_LARGE, "error-upload-too-large")
                }
            } else {
                PageError::bad_request(e.body_text())
            }
        };
        let mut fields = std::collections::HashMap::new();
        let mut file = None;
        while let Some(field) = multipart.next_field().await.map_err(failed)? {
            let name = field.name().unwrap_or("").to_string();
            if name == "file" {
                let file_name = field.file_name().unwrap_or(default_name).to_string();
                let bytes = field.bytes().await.map_err(failed)?;
                file = Some((file_name, bytes.to_vec())).filter(|(_, b)| !b.is_empty());
            } else {
                fields.insert(name, field.text().await.unwrap_or_default());
            }
        }
        if !same_token(fields.get("csrf").map(String::as_str).unwrap_or(""), &ctx.csrf) {
            return Err(PageError::new(axum::http::StatusCode::FORBIDDEN, "error-csrf"));
        }
        Ok(Upload { fields, file })
    }

    /// A text field, trimmed ("" when absent).
    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).map(|s| s.trim().to_string()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_names_become_lists() {
        let f = FormData::parse(&Bytes::from_static(b"domains=health&domains=education&title=Caf%C3%A9+%C3%BC&empty="));
        assert_eq!(f.all("domains"), vec!["health", "education"]);
        assert_eq!(f.get("title"), "Café ü");
        assert_eq!(f.get("missing"), "");
        assert!(f.all("empty").is_empty());
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("", ""));
        assert!(!same_token("abc", "abcd"));
    }
}
