//! The HTML pages. Public pages show only active offers and never confidential addresses;
//! signed-in users see more according to their role (rules in `kette_domain::access`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_domain::matrix::ChainMatrix;
use kette_domain::privacy::PublicCount;
use kette_domain::validate::FieldError;
use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, PreventionLevel};
use kette_domain::{Location, Offer, OfferInput, Organisation, ValidationErrors};
use kette_store::{DistrictDetail, DistrictSummary, OfferFilter, OfferSummary, OrganisationSummary, Page, StoreError};

use crate::ctx::{Ctx, SignedIn};
use crate::error::{render, OrPage, PageError};
use crate::forms::FormData;
use crate::forms::SignedForm;
use crate::AppState;

mod anchors;
mod districts;
mod home;
mod offers;
mod organisations;

use anchors::*;
use districts::*;
use home::*;
use offers::*;
pub(crate) use offers::{district_options, offer_with_chain_errors};
use organisations::*;

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/", get(home))
        .route("/districts", get(districts))
        .route("/anchor-points", get(anchor_points))
        .route("/districts/compare", get(compare_districts))
        .route("/districts/{id}", get(district))
        .route("/districts/{id}/map.geojson", get(district_map))
        .route("/organisations", get(organisations))
        .route("/organisations/{id}", get(organisation))
        .route("/offers", get(offers))
        .route("/offers/new", get(new_offer_form).post(create_offer))
        .route("/offers/{id}", get(offer))
        .route("/offers/{id}/edit", get(edit_offer_form).post(update_offer))
}

type Q = Query<HashMap<String, String>>;

fn q<'a>(q: &'a HashMap<String, String>, k: &str) -> Option<&'a str> {
    q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Query string of `params` with `page` replaced, for pagination links.
pub(crate) fn page_link(base: &str, params: &HashMap<String, String>, page: i64) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    let mut keys: Vec<_> = params.keys().filter(|k| *k != "page" && *k != "lang").collect();
    keys.sort();
    for k in keys {
        if !params[k].trim().is_empty() {
            s.append_pair(k, &params[k]);
        }
    }
    s.append_pair("page", &page.to_string());
    format!("{base}?{}", s.finish())
}

pub struct Pager {
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    fn new<T>(p: &Page<T>, base: &str, params: &HashMap<String, String>) -> Self {
        let pages = ((p.total + p.per_page as i64 - 1) / p.per_page as i64).max(1);
        let page = p.page as i64;
        Pager {
            total: p.total,
            page,
            pages,
            prev: (page > 1).then(|| page_link(base, params, page - 1)),
            next: (page < pages).then(|| page_link(base, params, page + 1)),
        }
    }
}

fn parse_page(params: &HashMap<String, String>) -> Result<u32, PageError> {
    let (paging, errors) = crate::paging::Paging::parse(params, 1, 1);
    match errors.into_iter().find(|e| e.field == "query.page") {
        None => Ok(paging.page),
        Some(_) => Err(PageError::bad_request(format!("page '{}'", q(params, "page").unwrap_or_default()))),
    }
}
