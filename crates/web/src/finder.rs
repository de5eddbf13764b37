//! The public finder for families and the navigator's view of it: the three questions,
//! results with "what, when, where, how to get in", offer pages in the reader's language (or
//! Leichte Sprache), print sheets, the anonymous referral, the accessibility statement and
//! the feedback form. No login needed, no tracking, no third-party requests.

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use kette_domain::navigator::ContactInput;
use kette_domain::vocab::ContactOutcome;
use kette_domain::vocab::OfferStatus;
use kette_domain::{Location, Offer, TermKind};
use kette_search::Audience;
use kette_store::{OfferTranslation, EASY_GERMAN};

use crate::auth::{cookie_header, random_token, ANON_CSRF_COOKIE};
use crate::error::{render, OrPage, PageError};
use crate::forms::{same_token, FormData, SignedForm};
use crate::pages::{page_link, Pager};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/search", get(search))
        .route("/search/map.geojson", get(results_geojson))
        .route("/search/{id}", get(offer_page))
        .route("/search/{id}/print", get(print_page))
        .route("/search/{id}/referral", axum::routing::post(referral))
        .route("/accessibility", get(statement))
        .route("/feedback", get(feedback_form).post(feedback))
        .route("/feedback/inbox", get(feedback_inbox))
        .route("/synonyms", get(synonyms_form).post(save_synonyms))
        .route("/search/reindex", axum::routing::post(reindex))
        .route("/offers/{id}/texts", get(texts_form).post(save_texts))
}

type Q = Query<HashMap<String, String>>;

/// Radii offered in the finder, metres.
const RADII: &[u32] = &[500, 1000, 2000, 5000, 10000];
/// Where a family names a place and no distance, offers within this many metres (about half an
/// hour on foot); one step further away is a link.
const DEFAULT_RADIUS_M: u32 = 2000;

/// One result as families see it.
pub struct ResultRow {
    pub id: i64,
    pub title: String,
    /// The title is in the reader's language (a translation), not the original German.
    pub translated: bool,
    pub organisation: String,
    pub what: Vec<String>,
    pub when: String,
    pub distance: Option<String>,
    /// How to get there besides the distance: address and district (German names, marked so),
    /// only what is known.
    pub way: Vec<(String, bool)>,
    pub ages: String,
    pub access: String,
    pub cost: String,
    pub languages: Vec<(String, String)>,
    pub status: Option<String>,
    pub is_fictional: bool,
    /// Its number on the results map, when the map is shown and the offer has a place there.
    pub map_no: Option<usize>,
}

#[derive(Template)]
#[template(path = "finder.html")]
struct FinderPage {
    ctx: Ctx,
    params: HashMap<String, String>,
    asked: bool,
    errors: Vec<(String, String)>,
    place_label: Option<String>,
    place_unknown: bool,
    results: Vec<ResultRow>,
    total: usize,
    pager: Option<Pager>,
    district_options: Vec<(i64, String, i64)>,
    /// The query string of this search, to carry into offer pages and back.
    back: String,
    /// The results drawn on the district outlines (`map=1`), without JavaScript.
    map_svg: Option<String>,
    /// This search with the map switched on or off.
    map_toggle: String,
    /// The same results as GeoJSON for the interactive map, loaded only when asked.
    map_geojson: String,
    /// The distance the results are limited to around the place, in metres.
    radius: Option<u32>,
    /// The results are ordered by distance from a place.
    nearest_first: bool,
    /// The same search one step further out: (link, the larger distance, None for any).
    further: Option<(String, Option<String>)>,
    /// Ways forward when nothing was found.
    rescue: Option<Rescue>,
}

/// What a search that found nothing offers instead of a dead end.
pub struct Rescue {
    /// The words the search tried, as it understood them.
    pub tried: Vec<String>,
    /// Spellings public offers use: (word, link to the search with it).
    pub spellings: Vec<(String, String)>,
    /// The same search without one of its conditions: (what is dropped, link, how many it finds).
    pub relaxations: Vec<(String, String, usize)>,
    /// Topics with offers for the same age and place, without the words: (topic, link, count).
    pub topics: Vec<(String, String, usize)>,
}

impl FinderPage {
    fn param(&self, k: &str) -> String {
        self.params.get(k).cloned().unwrap_or_default()
    }
    fn sel(&self, k: &str, v: &str) -> bool {
        match self.params.get(k) {
            Some(x) => x == v,
            // the distance a search with a place used when none was chosen
            None => k == "radius_m" && self.radius == Some(v.parse().unwrap_or(0)) && self.place_label.is_some(),
        }
    }
    fn ages(&self) -> Vec<(String, String)> {
        let mut out = vec![(crate::finder_query::EXPECTING.to_string(), self.ctx.t("finder-age-expecting"))];
        out.push(("0".into(), self.ctx.t("finder-age-baby")));
        for y in 1..=26i64 {
            out.push((y.to_string(), self.ctx.tn("finder-age-years", y)));
        }
        out
    }
    fn distance(&self, metres: &u32) -> String {
        distance_text(&self.ctx, *metres as f64)
    }
    fn radii(&self) -> Vec<(String, String)> {
        RADII.iter().map(|r| (r.to_string(), distance_text(&self.ctx, *r as f64))).collect()
    }
    fn spoken_languages(&self) -> Vec<(&'static str, &'static str)> {
        kette_i18n::SPOKEN_LANGUAGES.to_vec()
    }
    fn error_for(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

/// "350 m", "1,2 km" in the reader's number format.
pub fn distance_text(ctx: &Ctx, metres: f64) -> String {
    if metres < 1000.0 {
        ctx.t1("distance-m", "value", &ctx.num(((metres / 10.0).round() * 10.0) as i64))
    } else {
        ctx.t1("distance-km", "value", &ctx.short(metres / 1000.0, 1))
    }
}

fn offer_language_names(codes: &[String]) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.clone(), kette_i18n::language_name(c))).collect()
}

async fn search(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let audience = ctx.search_audience();
    let mut parsed = crate::finder_query::parse(&state.store, ctx.municipality.id, &ctx.vocab, &params, audience, 20).await.or_page()?;
    let errors: Vec<(String, String)> = parsed.errors.iter().map(|e| (e.field.clone(), ctx.t(&e.code))).collect();
    let asked = parsed.asked() || parsed.place_unknown;
    // a place and no distance chosen: the offers nearby, with a step further out
    if parsed.request.near.is_some() && !params.contains_key("radius_m") {
        parsed.request.radius_m = Some(DEFAULT_RADIUS_M as f64);
    }
    let radius = parsed.request.near.and(parsed.request.radius_m).map(|r| r.round() as u32);
    let nearest_first = parsed.request.near.is_some() && parsed.request.sort == kette_search::Sort::Distance;
    let further = radius.map(|r| {
        let mut wider = params.clone();
        match RADII.iter().find(|&&n| n > r) {
            Some(n) => {
                wider.insert("radius_m".into(), n.to_string());
                (page_link("/search", &wider, 1), Some(distance_text(&ctx, *n as f64)))
            }
            None => {
                wider.insert("radius_m".into(), String::new());
                (page_link("/search", &wider, 1), None)
            }
        }
    });
    let (mut results, mut total, mut pager) = (Vec::new(), 0, None);
    let want_map = params.get("map").is_some_and(|v| v == "1");
    let mut map_svg = None;
    if asked && errors.is_empty() {
        let catalogue = state.finder.catalogue(&state.store, ctx.municipality.id).await.map_err(|e| PageError::internal(e.to_string()))?;
        let found = catalogue.search(&parsed.request).map_err(|e| PageError::internal(e.to_string()))?;
        total = found.total;
        let pages = total.div_ceil(parsed.per_page as usize).max(1) as i64;
        let page = parsed.page as i64;
        pager = Some(Pager {
            total: total as i64,
            page,
            pages,
            prev: (page > 1).then(|| page_link("/search", &params, page - 1)),
            next: (page < pages).then(|| page_link("/search", &params, page + 1)),
        });
        results = found
            .hits
            .iter()
            .map(|h| {
                let o = &h.doc.payload;
                let translation = h.doc.translations.iter().find(|t| t.language == ctx.lang && ctx.lang != "de");
                ResultRow {
                    id: o.id,
                    title: translation.map(|t| t.title.clone()).unwrap_or_else(|| o.title.clone()),
                    translated: translation.is_some_and(|t| t.title != o.title),
                    organisation: o.organisation_name.clone(),
                    what: o.domains.iter().map(|d| ctx.term("domain", d)).collect(),
                    when: o.schedule.clone(),
                    distance: h.distance_m.map(|d| distance_text(&ctx, d)),
                    way: [
                        o.street.clone().map(|s| (s, true)).or_else(|| Some((ctx.t("finder-address-on-request"), false))),
                        o.district_name.clone().map(|d| (d, true)),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                    ages: age_text(&ctx, o.min_age_months, o.max_age_months),
                    access: ctx.label(o.access.label_key()),
                    cost: ctx.label(o.cost.label_key()),
                    languages: offer_language_names(&o.languages),
                    status: (o.status != OfferStatus::Active).then(|| ctx.label(o.status.label_key())),
                    is_fictional: o.is_fictional,
                    map_no: None,
                }
            })
            .collect();
        if want_map {
            let points = map_points(&found.hits, audience);
            for (n, id, _, _) in &points {
                if let Some(row) = results.iter_mut().find(|r| r.id == *id) {
                    row.map_no = Some(*n);
                }
            }
            let outlines = crate::monitoring::outlines(&state, ctx.municipality.id, 1).await.or_page()?;
            let labels = crate::monitoring::orientation_labels(&state, ctx.municipality.id).await?;
            if let Some(p) = outlines.bbox.and_then(|b| crate::svg::Projection::fit(b, crate::monitoring::MAP_WIDTH)) {
                let dots: Vec<(usize, f64, f64)> = points.iter().map(|(n, _, lon, lat)| (*n, *lon, *lat)).collect();
                map_svg = Some(crate::svg::numbered_points(
                    &outlines.areas,
                    &p,
                    crate::monitoring::MAP_WIDTH,
                    &dots,
                    &labels,
                    &ctx.t("finder-map-title"),
                ));
            }
        }
    }
    let rescue = if asked && errors.is_empty() && total == 0 { Some(rescue(&state, &ctx, &params, &parsed.request).await?) } else { None };
    let district_options = crate::pages::district_options(&state, &ctx).await?;
    let back = page_link("", &params, parsed.page as i64).trim_start_matches('?').to_string();
    let mut toggled = params.clone();
    if want_map {
        toggled.remove("map");
    } else {
        toggled.insert("map".into(), "1".into());
    }
    let map_toggle = page_link("/search", &toggled, parsed.page as i64);
    let map_geojson = page_link("/search/map.geojson", &params, parsed.page as i64);
    let place_label = parsed.place.as_ref().map(|p| p.label.clone());
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    let page = render(&FinderPage {
        ctx,
        params,
        asked,
        errors,
        place_label,
        place_unknown: parsed.place_unknown,
        results,
        total,
        pager,
        district_options,
        back,
        map_svg,
        map_toggle,
        map_geojson,
        radius,
        nearest_first,
        further,
        rescue,
    })?;
    Ok((status, page).into_response())
}

/// The ways forward from a search that found nothing: each condition dropped in turn (with what
/// that would find), other spellings of the words, and the topics for the same age and place.
async fn rescue(
    state: &AppState,
    ctx: &Ctx,
    params: &HashMap<String, String>,
    request: &kette_search::SearchRequest,
) -> Result<Rescue, PageError> {
    use kette_search::SearchRequest;
    let catalogue = state.finder.catalogue(&state.store, ctx.municipality.id).await.map_err(|e| PageError::internal(e.to_string()))?;
    let count = |r: &SearchRequest| -> Result<usize, PageError> {
        catalogue
            .search(&SearchRequest { limit: 1, offset: 0, ..r.clone() })
            .map(|f| f.total)
            .map_err(|e| PageError::internal(e.to_string()))
    };
    let without = |keys: &[&str]| {
        let mut p = params.clone();
        for k in keys {
            p.remove(*k);
        }
        p.remove("page");
        page_link("/search", &p, 1)
    };
    let mut relaxations = vec![];
    let mut add = |label: String, link: String, relaxed: SearchRequest| -> Result<(), PageError> {
        let n = count(&relaxed)?;
        if n > 0 {
            relaxations.push((label, format!("{link}#results"), n));
        }
        Ok(())
    };
    if !request.text.trim().is_empty() {
        add(
            ctx.t1("finder-without-words", "words", request.text.trim()),
            without(&["q"]),
            SearchRequest { text: String::new(), ..request.clone() },
        )?;
    }
    if request.age_months.is_some()
        || (request.life_phase.is_some() && params.get("age").is_some_and(|a| a == crate::finder_query::EXPECTING))
    {
        let relaxed = SearchRequest { age_months: None, life_phase: None, ..request.clone() };
        add(ctx.t("finder-without-age"), without(&["age", "age_months"]), relaxed)?;
    }
    if request.near.is_some() {
        if request.radius_m.is_some() {
            // the place stays, any distance is asked for
            let mut p = params.clone();
            p.insert("radius_m".into(), String::new());
            p.remove("page");
            add(ctx.t("finder-any-distance"), page_link("/search", &p, 1), SearchRequest { radius_m: None, ..request.clone() })?;
        }
        let relaxed = SearchRequest { near: None, radius_m: None, sort: kette_search::Sort::Relevance, ..request.clone() };
        add(ctx.t("finder-without-place"), without(&["near", "lat", "lon", "radius_m"]), relaxed)?;
    }
    if request.district.is_some() {
        add(ctx.t("finder-without-district"), without(&["district"]), SearchRequest { district: None, ..request.clone() })?;
    }
    if request.domain.is_some() {
        add(ctx.t("finder-without-topic"), without(&["domain"]), SearchRequest { domain: None, ..request.clone() })?;
    }
    if request.language.is_some() {
        add(ctx.t("finder-without-language"), without(&["language"]), SearchRequest { language: None, ..request.clone() })?;
    }
    if request.cost.is_some() {
        add(ctx.t("finder-without-cost"), without(&["cost"]), SearchRequest { cost: None, ..request.clone() })?;
    }
    if request.access.is_some() {
        add(ctx.t("finder-without-access"), without(&["access"]), SearchRequest { access: None, ..request.clone() })?;
    }
    let mut spellings = vec![];
    for word in catalogue.spelling_suggestions(&request.text, 5).map_err(|e| PageError::internal(e.to_string()))? {
        let mut p = params.clone();
        p.insert("q".into(), word.clone());
        p.remove("page");
        spellings.push((word, format!("{}#results", page_link("/search", &p, 1))));
    }
    let mut topics = vec![];
    if !request.text.trim().is_empty() || request.domain.is_some() {
        for (code, label) in ctx.terms("domain") {
            let relaxed = SearchRequest { text: String::new(), domain: Some(code.clone()), ..request.clone() };
            let n = count(&relaxed)?;
            if n > 0 {
                let mut p = params.clone();
                p.remove("q");
                p.remove("page");
                p.insert("domain".into(), code);
                topics.push((label, format!("{}#results", page_link("/search", &p, 1)), n));
            }
        }
    }
    Ok(Rescue { tried: kette_search::searched_words(&request.text), spellings, relaxations, topics })
}

/// (number on the map, offer, lon, lat) of the hits that have a place this audience may see,
/// numbered in list order.
fn map_points<P>(hits: &[kette_search::Hit<P>], audience: Audience) -> Vec<(usize, i64, f64, f64)> {
    hits.iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let place = h.doc.places.iter().find(|p| audience.sees_protected_places() || !p.confidential)?;
            Some((i + 1, h.doc.offer_id, place.lon, place.lat))
        })
        .collect()
}

/// The page of results as GeoJSON points over the district outlines, for the interactive map.
async fn results_geojson(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let audience = ctx.search_audience();
    let parsed = crate::finder_query::parse(&state.store, ctx.municipality.id, &ctx.vocab, &params, audience, 20).await.or_page()?;
    if !parsed.errors.is_empty() {
        return Err(PageError::bad_request(parsed.errors.iter().map(|e| e.field.clone()).collect::<Vec<_>>().join(", ")));
    }
    let catalogue = state.finder.catalogue(&state.store, ctx.municipality.id).await.map_err(|e| PageError::internal(e.to_string()))?;
    let found = catalogue.search(&parsed.request).map_err(|e| PageError::internal(e.to_string()))?;
    let outlines = crate::monitoring::outlines(&state, ctx.municipality.id, 1).await.or_page()?;
    let mut features: Vec<serde_json::Value> = outlines
        .simplified
        .iter()
        .map(|(_, g)| serde_json::json!({"type": "Feature", "geometry": g, "properties": {"kind": "district"}}))
        .collect();
    for (n, id, lon, lat) in map_points(&found.hits, audience) {
        let title = found.hits.iter().find(|h| h.doc.offer_id == id).map(|h| h.doc.title.clone()).unwrap_or_default();
        features.push(serde_json::json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"kind": "offer", "n": n, "name": title, "href": format!("/search/{id}")}}));
    }
    let body = serde_json::json!({"type": "FeatureCollection", "features": features}).to_string();
    Ok(([(header::CONTENT_TYPE, "application/geo+json"), (header::CACHE_CONTROL, "private, max-age=60")], body).into_response())
}

// ---------------------------------------------------------------- offer page

#[derive(Template)]
#[template(path = "finder_offer.html")]
struct FinderOfferPage {
    ctx: Ctx,
    offer: Offer,
    text: OfferText,
    back: String,
    internal_note: String,
    languages: Vec<(String, String)>,
    /// "What comes next": the offers linked as the next steps of the chain that the reader may
    /// see, titled in the reader's language where a translation exists.
    next: Vec<NextStep>,
}

pub struct NextStep {
    pub id: i64,
    pub title: String,
    pub lang: String,
    pub organisation: String,
    pub transition: Option<String>,
    pub ages: String,
}

/// The texts shown for an offer: the reader's language, Leichte Sprache on request, else German.
pub struct OfferText {
    pub title: String,
    pub description: String,
    /// BCP 47 tag of the text, for `lang` attributes (German originals on a Turkish page).
    pub lang: String,
    pub easy: bool,
    pub has_easy: bool,
    /// Translations the offer has, for the links to switch.
    pub available: Vec<(String, String)>,
}

fn offer_text(offer: &Offer, translations: &[OfferTranslation], lang: &str, easy: bool) -> OfferText {
    let has_easy = translations.iter().any(|t| t.language == EASY_GERMAN);
    let pick = if easy {
        translations.iter().find(|t| t.language == EASY_GERMAN)
    } else if lang != "de" {
        translations.iter().find(|t| t.language == lang)
    } else {
        None
    };
    let available = translations
        .iter()
        .filter(|t| t.language != EASY_GERMAN)
        .map(|t| (t.language.clone(), kette_i18n::language_name(&t.language)))
        .collect();
    match pick {
        Some(t) => OfferText {
            title: t.title.clone(),
            description: if t.description.is_empty() { offer.input.description.clone() } else { t.description.clone() },
            lang: if t.language == EASY_GERMAN { "de".into() } else { t.language.clone() },
            easy: t.language == EASY_GERMAN,
            has_easy,
            available,
        },
        None => OfferText {
            title: offer.input.title.clone(),
            description: offer.input.description.clone(),
            lang: "de".into(),
            easy: false,
            has_easy,
            available,
        },
    }
}

impl FinderOfferPage {
    fn visible_locations(&self) -> Vec<&Location> {
        let d = self.ctx.disclosure();
        self.offer.locations.iter().filter(|l| kette_app::places::visible(&d, l)).collect()
    }
    fn has_hidden_location(&self) -> bool {
        let d = self.ctx.disclosure();
        self.offer.locations.iter().any(|l| l.is_confidential && l.is_approved && !kette_app::places::visible(&d, l))
    }
    fn can_refer(&self) -> bool {
        self.ctx.can_refer()
    }
    fn sees_note(&self) -> bool {
        self.ctx.disclosure().sees_internal_note(self.offer.input.organisation_id)
    }
    /// The staff section: the internal note (who may read it) and the referral sheet.
    fn shows_internal(&self) -> bool {
        self.sees_note() || self.can_refer()
    }
    fn age_text(&self) -> String {
        age_text(&self.ctx, self.offer.input.min_age_months, self.offer.input.max_age_months)
    }
    fn family_languages(&self) -> &'static [(&'static str, &'static str)] {
        kette_i18n::LANGUAGES
    }
    fn map_link(&self, l: &Location) -> Option<String> {
        Some(format!("geo:{:.6},{:.6}", l.lat?, l.lon?))
    }
}

pub fn age_text(ctx: &Ctx, min: Option<u32>, max: Option<u32>) -> String {
    let months = |m: u32| if m.is_multiple_of(12) { ctx.tn("age-years", (m / 12) as i64) } else { ctx.tn("age-months", m as i64) };
    match (min, max) {
        (None, None) => String::new(),
        (a, b) => format!("{} – {}", a.map(months).unwrap_or_default(), b.map(months).unwrap_or_default()),
    }
}

async fn load_offer(state: &AppState, ctx: &Ctx, id: &str) -> Result<(Offer, Vec<OfferTranslation>), PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    if !ctx.disclosure().sees_unpublished_offers_of(offer.input.organisation_id)
        && !crate::offer_is_public(state.store.today(), &ctx.municipality.review, &offer.input, offer.approval)
    {
        return Err(PageError::not_found());
    }
    let translations = state.store.offer_translations(ctx.municipality.id, id).await.or_page()?;
    Ok((offer, translations))
}

async fn offer_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(params): Q) -> Result<Response, PageError> {
    let (offer, translations) = load_offer(&state, &ctx, &id).await?;
    let easy = params.get("easy").is_some_and(|v| v == "1");
    let text = offer_text(&offer, &translations, ctx.lang, easy);
    let internal_note = if ctx.disclosure().sees_internal_note(offer.input.organisation_id) {
        state.store.internal_note(ctx.municipality.id, offer.id).await.or_page()?
    } else {
        String::new()
    };
    let back = params.get("back").filter(|b| !b.contains("://")).cloned().unwrap_or_default();
    let languages = offer_language_names(&offer.input.languages);
    let (_, steps) = state.app.chain_neighbours(&ctx.disclosure(), &ctx.municipality, offer.id).await.or_page()?;
    let next = steps
        .into_iter()
        .map(|s| {
            let t = offer_text(&s.offer, &s.translations, ctx.lang, false);
            NextStep {
                id: s.offer.id,
                title: t.title,
                lang: t.lang,
                organisation: s.offer.organisation_name.clone(),
                transition: s.transition,
                ages: age_text(&ctx, s.offer.input.min_age_months, s.offer.input.max_age_months),
            }
        })
        .collect();
    render(&FinderOfferPage { ctx, offer, text, back, internal_note, languages, next })
}

// ---------------------------------------------------------------- print sheets

#[derive(Template)]
#[template(path = "finder_print.html")]
struct PrintPage {
    ctx: Ctx,
    offer: Offer,
    text: OfferText,
    /// A navigator's referral sheet (in the family's language) rather than a plain print.
    referral: bool,
    languages: Vec<(String, String)>,
    today: String,
}

impl PrintPage {
    fn visible_locations(&self) -> Vec<&Location> {
        // a referral sheet goes to the family, who may be told the protected address by the
        // navigator in person; the printed sheet still leaves it out
        self.offer.locations.iter().filter(|l| !l.is_confidential && l.is_approved).collect()
    }
    fn has_hidden_location(&self) -> bool {
        self.offer.locations.iter().any(|l| l.is_confidential && l.is_approved)
    }
    fn age_text(&self) -> String {
        age_text(&self.ctx, self.offer.input.min_age_months, self.offer.input.max_age_months)
    }
}

async fn print_page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(params): Q) -> Result<Response, PageError> {
    let (offer, translations) = load_offer(&state, &ctx, &id).await?;
    let easy = params.get("easy").is_some_and(|v| v == "1");
    let text = offer_text(&offer, &translations, ctx.lang, easy);
    let languages = offer_language_names(&offer.input.languages);
    let today = ctx.date(state.store.today());
    render(&PrintPage { ctx, offer, text, referral: false, languages, today })
}

/// A navigator hands a family a sheet in their language; the system keeps only an anonymous
/// contact in the navigator's log (date, district, life phase, transition, topic, offer, sheet
/// language), its outcome to be followed up.
async fn referral(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { mut ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    if !ctx.actor().is_some_and(|a| a.can_refer()) {
        return Err(PageError::forbidden());
    }
    let (offer, translations) = load_offer(&state, &ctx, &id).await?;
    let family_lang = kette_i18n::LANGUAGES.iter().map(|(c, _)| *c).find(|c| *c == form.get("family_language")).unwrap_or("de");
    let easy = form.get("easy") == "1";
    let life_phase = Some(form.get("life_phase")).filter(|p| ctx.vocab.contains(TermKind::LifePhase, p)).map(str::to_string);
    let district_id = form.get("district").parse::<i64>().ok();
    let district_id = match district_id {
        Some(d) => state.store.district(ctx.municipality.id, d).await.ok().map(|_| d),
        None => offer.locations.iter().find_map(|l| l.district_id),
    };
    let transition = Some(form.get("transition")).filter(|t| ctx.vocab.contains(TermKind::Transition, t)).map(str::to_string);
    let contact = ContactInput {
        contacted_on: state.store.today(),
        offer_id: Some(offer.id),
        district_id,
        life_phase: life_phase.or_else(|| offer.input.life_phases.first().cloned()),
        transition,
        domain: offer.input.domains.first().cloned(),
        language: Some(family_lang.to_string()),
        outcome: ContactOutcome::Unknown,
    };
    state.store.log_contact(ctx.municipality.id, &contact).await.or_page()?;
    // the sheet speaks the family's language, whatever the navigator's UI language is
    ctx.lang = family_lang;
    let text = offer_text(&offer, &translations, family_lang, easy);
    let languages = offer_language_names(&offer.input.languages);
    let today = ctx.date(state.store.today());
    render(&PrintPage { ctx, offer, text, referral: true, languages, today })
}

// ---------------------------------------------------------------- statement and feedback

#[derive(Template)]
#[template(path = "accessibility.html")]
struct StatementPage {
    ctx: Ctx,
}

async fn statement(ctx: Ctx) -> Result<Response, PageError> {
    render(&StatementPage { ctx })
}

#[derive(Template)]
#[template(path = "feedback.html")]
struct FeedbackPage {
    ctx: Ctx,
    page: String,
    topic: String,
    message: String,
    error: Option<String>,
    sent: bool,
}

const FEEDBACK_TOPICS: &[&str] = &["barrier", "wrong-information", "missing-offer", "other"];
const MAX_FEEDBACK_CHARS: usize = 5000;

impl FeedbackPage {
    fn topics(&self) -> Vec<(&'static str, String)> {
        FEEDBACK_TOPICS.iter().map(|t| (*t, self.ctx.t(&format!("feedback-topic-{t}")))).collect()
    }
}

async fn feedback_form(State(state): State<AppState>, mut ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let mut headers = HeaderMap::new();
    if ctx.csrf.is_empty() {
        ctx.csrf = random_token();
        headers.insert(header::SET_COOKIE, cookie_header(&state, ANON_CSRF_COOKIE, &ctx.csrf, None));
    }
    let page = params.get("page").filter(|p| p.starts_with('/')).cloned().unwrap_or_default();
    let sent = params.contains_key("sent");
    let html = render(&FeedbackPage { ctx, page, topic: String::new(), message: String::new(), error: None, sent })?;
    Ok((headers, html).into_response())
}

async fn feedback(State(state): State<AppState>, ctx: Ctx, body: Bytes) -> Result<Response, PageError> {
    let form = FormData::parse(&body);
    if !same_token(form.get("csrf"), &ctx.csrf) {
        return Err(PageError::new(StatusCode::FORBIDDEN, "error-csrf"));
    }
    let topic = form.get("topic").to_string();
    let message = form.get("message").to_string();
    let page = form.get("page").to_string();
    let error = if !FEEDBACK_TOPICS.contains(&topic.as_str()) {
        Some(ctx.t("feedback-error-topic"))
    } else if message.trim().is_empty() {
        Some(ctx.t("feedback-error-empty"))
    } else if message.chars().count() > MAX_FEEDBACK_CHARS {
        Some(ctx.t("feedback-error-long"))
    } else {
        None
    };
    if error.is_some() {
        let html = render(&FeedbackPage { ctx, page, topic, message, error, sent: false })?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    state.store.add_feedback(ctx.municipality.id, &page, &topic, &message).await.or_page()?;
    Ok(Redirect::to("/feedback?sent=1").into_response())
}

#[derive(Template)]
#[template(path = "feedback_inbox.html")]
struct FeedbackInbox {
    ctx: Ctx,
    items: Vec<kette_store::Feedback>,
}

async fn feedback_inbox(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if !ctx.can_edit_vocabulary() {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::not_found() });
    }
    let items = state.store.feedback(ctx.municipality.id).await.or_page()?;
    render(&FeedbackInbox { ctx, items })
}

// ---------------------------------------------------------------- synonyms

#[derive(Template)]
#[template(path = "synonyms.html")]
struct SynonymsPage {
    ctx: Ctx,
    text: String,
    saved: bool,
    rebuilt: Option<usize>,
}

async fn synonyms_form(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    if !ctx.can_edit_vocabulary() {
        return Err(PageError::forbidden());
    }
    let text = state.store.synonym_groups(ctx.municipality.id).await.or_page()?.join("\n");
    let rebuilt = params.get("rebuilt").and_then(|n| n.parse().ok());
    render(&SynonymsPage { ctx, text, saved: params.contains_key("saved"), rebuilt })
}

async fn save_synonyms(State(state): State<AppState>, SignedForm { ctx, form }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_edit_vocabulary() {
        return Err(PageError::forbidden());
    }
    let groups: Vec<String> = form.get("synonyms").lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).take(2000).collect();
    let by = ctx.user.as_ref().map(|u| u.id);
    state.store.set_synonym_groups(ctx.municipality.id, &groups, by).await.or_page()?;
    if let Err(e) = state.finder.reload_synonyms(&state.store, ctx.municipality.id).await {
        tracing::warn!(error = %e, "synonyms saved but not loaded into the search");
    }
    Ok(Redirect::to("/synonyms?saved=1").into_response())
}

/// Rebuilds the municipality's search catalogue from the database (after repairs made outside
/// kette, or to be sure).
async fn reindex(State(state): State<AppState>, SignedForm { ctx, .. }: SignedForm) -> Result<Response, PageError> {
    if !ctx.can_edit_vocabulary() {
        return Err(PageError::forbidden());
    }
    let catalogue = state.finder.rebuild(&state.store, ctx.municipality.id).await.map_err(|e| PageError::internal(e.to_string()))?;
    Ok(Redirect::to(&format!("/synonyms?rebuilt={}", catalogue.len())).into_response())
}

// ---------------------------------------------------------------- translations and notes

/// Languages an offer's texts can be kept in besides German: the finder's languages and
/// Leichte Sprache.
const TEXT_LANGUAGES: &[&str] = &["en", "tr", "ar", "uk", EASY_GERMAN];

#[derive(Template)]
#[template(path = "offer_texts.html")]
struct TextsPage {
    ctx: Ctx,
    offer: Offer,
    texts: Vec<(String, String, String, String)>,
    note: String,
    saved: bool,
    /// Just submitted for approval / a proposal is waiting (the form shows it).
    proposed: bool,
    waiting: bool,
}

impl TextsPage {
    fn language_label(&self, code: &str) -> String {
        if code == EASY_GERMAN {
            self.ctx.t("texts-easy-german")
        } else {
            kette_i18n::language_name(code)
        }
    }
}

async fn texts_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(params): Q) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    if !ctx.can_edit(offer.input.organisation_id) {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::not_found() });
    }
    // a partner sees what it proposed, not the approved texts, while the proposal waits
    let pending = state.store.open_change_for(ctx.municipality.id, "texts", kette_store::Target::offer(id)).await.or_page()?;
    let existing = match pending.as_ref().map(|c| &c.proposed) {
        Some(kette_store::Proposal::Texts(t)) => t.clone(),
        _ => state.store.offer_translations(ctx.municipality.id, id).await.or_page()?,
    };
    let texts = TEXT_LANGUAGES
        .iter()
        .map(|l| {
            let t = existing.iter().find(|t| t.language == *l);
            let dir = if kette_i18n::is_rtl(l) { "rtl" } else { "ltr" };
            (
                l.to_string(),
                t.map(|t| t.title.clone()).unwrap_or_default(),
                t.map(|t| t.description.clone()).unwrap_or_default(),
                dir.to_string(),
            )
        })
        .collect();
    let note = state.store.internal_note(ctx.municipality.id, id).await.or_page()?;
    let waiting = pending.is_some();
    render(&TextsPage { ctx, offer, texts, note, saved: params.contains_key("saved"), proposed: params.contains_key("proposed"), waiting })
}

async fn save_texts(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    if !ctx.can_edit(offer.input.organisation_id) {
        return Err(if ctx.signed_in() { PageError::forbidden() } else { PageError::not_found() });
    }
    let texts: Vec<OfferTranslation> = TEXT_LANGUAGES
        .iter()
        .map(|l| OfferTranslation {
            language: l.to_string(),
            title: form.get(&format!("title_{l}")).chars().take(300).collect(),
            description: form.get(&format!("description_{l}")).chars().take(5000).collect(),
        })
        .collect();
    let by = ctx.user.as_ref().map(|u| u.id);
    // the note is for professionals only and never waits; public texts of a partner do
    let proposal = ctx.edits_need_approval();
    let existing = state.store.offer_translations(ctx.municipality.id, id).await.or_page()?;
    let unchanged = TEXT_LANGUAGES.iter().all(|l| {
        let now = existing.iter().find(|t| t.language == *l);
        let new = texts.iter().find(|t| t.language == *l);
        let pair = |t: Option<&OfferTranslation>| {
            t.map(|t| (t.title.trim().to_string(), t.description.trim().to_string())).filter(|p| !p.0.is_empty())
        };
        pair(now) == pair(new)
    });
    if proposal && !unchanged {
        state.store.propose_texts(ctx.municipality.id, id, &texts, by).await.or_page()?;
    } else if !proposal {
        state.store.set_offer_translations(ctx.municipality.id, id, &texts, by).await.or_page()?;
    }
    state.store.set_internal_note(ctx.municipality.id, id, &form.get("note").chars().take(5000).collect::<String>(), by).await.or_page()?;
    state.reindex(ctx.municipality.id, &[id]).await;
    let flag = if proposal && !unchanged { "proposed" } else { "saved" };
    Ok(Redirect::to(&format!("/offers/{id}/texts?{flag}=1")).into_response())
}
