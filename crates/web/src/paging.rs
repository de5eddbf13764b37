//! Which page of a list a request asks for: one parser for the HTML pages, the JSON API, the
//! HSDS API and the finder, each error naming the parameter and the range it accepts.

use std::collections::HashMap;

use kette_domain::FieldError;

/// The highest page number any list accepts.
pub const MAX_PAGE: u32 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    /// `page` (default 1) and `per_page` (default `default_per_page`, at most `max_per_page`).
    /// Every problem is returned (field `query.page` / `query.per_page`), with the defaults in
    /// place so a caller that collects errors can go on.
    pub fn parse(q: &HashMap<String, String>, default_per_page: u32, max_per_page: u32) -> (Paging, Vec<FieldError>) {
        let mut errors = vec![];
        let mut number = |name: &str, max: u32, default: u32| match q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => default,
            Some(v) => match v.parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => n,
                _ => {
                    errors.push(FieldError::new(
                        format!("query.{name}"),
                        "error-query-range",
                        format!("expected a whole number from 1 to {max}, found '{v}'"),
                    ));
                    default
                }
            },
        };
        let page = number("page", MAX_PAGE, 1);
        let per_page = number("per_page", max_per_page, default_per_page);
        (Paging { page, per_page }, errors)
    }

    /// Like `parse`, failing on the first problem.
    pub fn require(q: &HashMap<String, String>, default_per_page: u32, max_per_page: u32) -> Result<Paging, Vec<FieldError>> {
        match Paging::parse(q, default_per_page, max_per_page) {
            (p, errors) if errors.is_empty() => Ok(p),
            (_, errors) => Err(errors),
        }
    }

    /// Rows to skip before this page.
    pub fn offset(&self) -> usize {
        (self.page as usize - 1) * self.per_page as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_bounds_and_every_error_named() {
        assert_eq!(Paging::require(&q(&[]), 50, 500), Ok(Paging { page: 1, per_page: 50 }));
        assert_eq!(Paging::require(&q(&[("page", "3"), ("per_page", "20")]), 50, 500).unwrap().offset(), 40);
        let (p, errors) = Paging::parse(&q(&[("page", "0"), ("per_page", "viele")]), 50, 500);
        assert_eq!(p, Paging { page: 1, per_page: 50 });
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["query.page", "query.per_page"]);
        assert!(errors[1].detail.contains("1 to 500") && errors[1].detail.contains("'viele'"));
    }
}
