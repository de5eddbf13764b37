//! The needs analysis on the web (issue 14): `/needs` shows, for the districts of a level,
//! children per life phase, the chosen deprivation indicator, the offers there and a coverage
//! score whose formula is stated and can be changed, and the gaps ranked by the offers missing
//! to reach the municipality's median, each with its reasons; `/needs.csv` is the same table.
//! One parser reads the choices and collects every error (as the finder does).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use kette_app::needs::{NeedsRequest, NeedsView};
use kette_domain::needs::{Cell, GapReason, NeedsFormula};

use crate::error::{render, OrPage, PageError};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new().route("/needs", get(page)).route("/needs.csv", get(csv))
}

/// A choice that could not be read: the field and the message key.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceError {
    pub field: &'static str,
    pub key: &'static str,
}

/// Reads the page's choices; a bad value falls back to its default and is reported.
pub fn parse_request(params: &HashMap<String, String>) -> (NeedsRequest, Vec<ChoiceError>) {
    let mut errors = vec![];
    let mut req = NeedsRequest::default();
    let get = |k: &str| params.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let number = |k: &'static str, errors: &mut Vec<ChoiceError>| -> Option<f64> {
        let v = get(k)?;
        match kette_text::parse_number(v) {
            Some(x) => Some(x),
            None => {
                errors.push(ChoiceError { field: k, key: "needs-error-number" });
                None
            }
        }
    };
    if let Some(v) = get("level") {
        match v.parse() {
            Ok(l) => req.level = Some(l),
            Err(_) => errors.push(ChoiceError { field: "level", key: "needs-error-number" }),
        }
    }
    if let Some(v) = get("year") {
        match v.parse() {
            Ok(y) => req.year = Some(y),
            Err(_) => errors.push(ChoiceError { field: "year", key: "needs-error-number" }),
        }
    }
    // an empty choice means "no indicator"; a missing one means "the default"
    if let Some(v) = params.get("indicator") {
        req.indicator = Some(v.trim().to_string());
    }
    // checked against the vocabulary by `known_domain`; empty means every field
    req.domain = get("domain").map(str::to_string);
    let mut formula = NeedsFormula::default();
    if let Some(w) = number("weight", &mut errors) {
        formula.deprivation_weight = w;
    }
    if let Some(p) = number("per", &mut errors) {
        formula.per_children = p;
    }
    if let Some(m) = number("min_children", &mut errors) {
        formula.min_children = m;
    }
    match formula.check() {
        Ok(()) => req.formula = formula,
        Err((field, _)) => {
            let field = match field {
                "deprivation_weight" => "weight",
                "per_children" => "per",
                _ => "min_children",
            };
            errors.push(ChoiceError { field, key: "needs-error-range" });
        }
    }
    (req, errors)
}

/// Where the census grid placed the children, with its source (its licence asks for it).
pub(crate) fn walk_census_text(ctx: &Ctx, view: &NeedsView) -> String {
    ctx.t_args("needs-walk-census", [("areas", ctx.num(view.walk_from_census as i64))])
}

/// Keeps the field choice only if the municipality's vocabulary has it, else reports it and
/// counts every field.
pub(crate) fn known_domain(ctx: &Ctx, req: &mut NeedsRequest, errors: &mut Vec<ChoiceError>) {
    if let Some(code) = &req.domain {
        if !ctx.vocab.of(kette_domain::TermKind::Domain).any(|t| t.code == *code) {
            errors.push(ChoiceError { field: "domain", key: "needs-error-domain" });
            req.domain = None;
        }
    }
}

/// The fields to choose from: (code, label, chosen).
pub(crate) fn domain_choices(ctx: &Ctx, chosen: Option<&str>) -> Vec<(String, String, bool)> {
    ctx.vocab
        .of(kette_domain::TermKind::Domain)
        .map(|t| (t.code.clone(), ctx.term("domain", &t.code), chosen == Some(t.code.as_str())))
        .collect()
}

/// What a page says about the field the supply was counted in, if one was chosen.
pub(crate) fn domain_note(ctx: &Ctx, view: &NeedsView) -> Option<String> {
    view.domain.as_deref().map(|code| ctx.t_args("needs-domain-only", [("domain", ctx.term("domain", code))]))
}

/// `?domain=…` to carry the field choice to a gap's page, or nothing.
pub(crate) fn domain_query(view: &NeedsView) -> String {
    view.domain.as_deref().map(|d| format!("?domain={}", urlencode(d))).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "needs.html")]
struct NeedsPage {
    ctx: Ctx,
    view: std::sync::Arc<NeedsView>,
    errors: Vec<ChoiceError>,
    query: String,
    gaps_shown: usize,
    /// where the steering stands with gaps, by (district, life phase)
    follow_ups: HashMap<(i64, String), kette_store::GapFollowUp>,
    /// the same, most recently changed first
    followed: Vec<kette_store::GapFollowUp>,
}

impl NeedsPage {
    fn phase_label(&self, code: &str) -> String {
        self.ctx.term("life_phase", code)
    }
    fn level_label(&self, level: &i64) -> String {
        self.view
            .levels
            .iter()
            .find(|l| l.level == *level)
            .map(|l| if self.ctx.lang == "de" { l.label_de.clone() } else { l.label_en.clone() })
            .unwrap_or_else(|| level.to_string())
    }
    fn indicator_label(&self, code: &str) -> String {
        self.view
            .indicators
            .iter()
            .find(|i| i.0 == code)
            .map(|i| if self.ctx.lang == "de" { i.1.clone() } else { i.2.clone() })
            .unwrap_or_else(|| code.to_string())
    }
    fn chosen_indicator(&self, code: &str) -> bool {
        self.view.indicator.as_deref() == Some(code)
    }
    fn one(&self, x: impl std::borrow::Borrow<f64>) -> String {
        self.ctx.fixed(*x.borrow(), 1)
    }
    fn weight(&self) -> String {
        self.ctx.fixed(self.view.matrix.formula.deprivation_weight, 1)
    }
    fn per(&self) -> String {
        self.ctx.fixed(self.view.matrix.formula.per_children, 0)
    }
    fn min_children(&self) -> String {
        self.ctx.fixed(self.view.matrix.formula.min_children, 0)
    }
    fn shown_gaps(&self) -> &[kette_domain::needs::Gap] {
        &self.view.gaps[..self.gaps_shown]
    }
    fn count(&self, x: &Option<f64>) -> String {
        x.map_or_else(|| self.ctx.t("needs-withheld"), |c| self.ctx.num(c.round() as i64))
    }
    fn coverage(&self, c: &Cell) -> String {
        match (c.coverage, c.children) {
            (Some(v), _) => self.ctx.fixed(v, 2),
            (None, None) => self.ctx.t("needs-withheld"),
            (None, Some(_)) => "–".into(),
        }
    }
    fn walk(&self, c: &Cell) -> Option<String> {
        c.within_walk.map(|s| self.ctx.t_args("needs-walk-share", [("share", self.ctx.fixed(s * 100.0, 0))]))
    }
    fn median(&self, m: &Option<f64>) -> String {
        m.map_or_else(|| "–".into(), |v| self.ctx.fixed(v, 2))
    }
    fn reason(&self, r: &GapReason) -> String {
        reason_text(&self.ctx, r, self.view.walk_on_network)
    }
    fn bands(&self, f: &kette_app::needs::FarToWalk) -> [String; 3] {
        f.bands.map(|b| format!("{} %", self.ctx.fixed(b * 100.0, 0)))
    }
    fn walk_network_text(&self) -> String {
        let (homes, areas) = self.view.walk_from_homes;
        self.ctx.t_args("needs-walk-network", [("homes", self.ctx.num(homes as i64)), ("areas", self.ctx.num(areas as i64))])
    }
    fn walk_census_text(&self) -> String {
        walk_census_text(&self.ctx, &self.view)
    }
    fn follow_up(&self, g: &kette_domain::needs::Gap) -> Option<&kette_store::GapFollowUp> {
        self.follow_ups.get(&(g.district, g.phase.clone()))
    }
    fn state_label(&self, f: &kette_store::GapFollowUp) -> String {
        self.ctx.t(&f.state.label_key())
    }
    fn comments(&self, f: &kette_store::GapFollowUp) -> String {
        self.ctx.tn("needs-gap-comments", f.comments.len() as i64)
    }
    fn formula_text(&self) -> String {
        let f = &self.view.matrix.formula;
        self.ctx.t_args(
            "needs-formula",
            [("weight", self.ctx.fixed(f.deprivation_weight, 1)), ("per", self.ctx.num(f.per_children.round() as i64))],
        )
    }
    fn unbridged_count(&self, t: &kette_app::needs::UnbridgedTransition) -> String {
        self.ctx.tn_args("needs-unbridged-count", t.districts.len() as i64, [("of", self.ctx.num(t.of as i64))])
    }
    fn first_unbridged<'a>(&self, t: &'a kette_app::needs::UnbridgedTransition) -> &'a [(i64, String, Option<f64>)] {
        &t.districts[..t.districts.len().min(20)]
    }
    fn rank_source(&self) -> Option<String> {
        let code = self.view.indicator.as_deref()?;
        let year = self.view.indicator_year.map(|y| y.to_string()).unwrap_or_else(|| "–".into());
        Some(self.ctx.t_args("needs-rank-from", [("indicator", self.indicator_label(code)), ("year", year)]))
    }
    fn error_for(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(e.key))
    }
    fn rank(&self, r: &Option<f64>) -> String {
        r.map_or_else(|| "–".into(), |v| self.ctx.fixed(v, 2))
    }
    fn domains(&self) -> Vec<(String, String, bool)> {
        domain_choices(&self.ctx, self.view.domain.as_deref())
    }
    fn domain_note(&self) -> Option<String> {
        domain_note(&self.ctx, &self.view)
    }
    fn gap_query(&self) -> String {
        domain_query(&self.view)
    }
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (mut req, mut errors) = parse_request(&params);
    known_domain(&ctx, &mut req, &mut errors);
    let view = state.app.needs(&ctx.disclosure(), ctx.municipality.id, &ctx.vocab, &req).await.or_page()?;
    let query =
        params.iter().filter(|(k, _)| k.as_str() != "lang").map(|(k, v)| format!("{}={}", k, urlencode(v))).collect::<Vec<_>>().join("&");
    let gaps_shown = view.gaps.len().min(50);
    let followed = state.store.gap_follow_ups(ctx.municipality.id).await.or_page()?;
    let follow_ups = followed.iter().map(|f| ((f.district, f.life_phase.clone()), f.clone())).collect();
    render(&NeedsPage { ctx, view, errors, query, gaps_shown, follow_ups, followed })
}

/// A gap's reason in words, as the needs page and the gap's page say it.
pub(crate) fn reason_text(ctx: &Ctx, r: &GapReason, walk_on_network: bool) -> String {
    let two = |x: f64| ctx.fixed(x, 2);
    let one = |x: f64| ctx.fixed(x, 1);
    match r {
        GapReason::NoOffer => ctx.t("needs-reason-no-offer"),
        GapReason::BelowMedian { coverage, median } => {
            ctx.t_args("needs-reason-below-median", [("coverage", two(*coverage)), ("median", two(*median))])
        }
        GapReason::HighDeprivation { rank_percent } => ctx.t_args("needs-reason-deprivation", [("rank", ctx.fixed(*rank_percent, 0))]),
        GapReason::ManyChildren { children } => ctx.t_args("needs-reason-many-children", [("children", ctx.num(children.round() as i64))]),
        GapReason::FarToWalk { share_percent } => ctx.t_args(
            if walk_on_network { "needs-reason-far-to-walk-network" } else { "needs-reason-far-to-walk" },
            [("share", ctx.fixed(*share_percent, 0))],
        ),
        GapReason::FewPlaces { per_100, median } => {
            ctx.t_args("needs-reason-few-places", [("places", one(*per_100)), ("median", one(*median))])
        }
    }
}

pub(crate) fn urlencode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn follow_ups(state: &AppState, ctx: &Ctx) -> Result<HashMap<(i64, String), kette_store::GapFollowUp>, PageError> {
    let all = state.store.gap_follow_ups(ctx.municipality.id).await.or_page()?;
    Ok(all.into_iter().map(|f| ((f.district, f.life_phase.clone()), f)).collect())
}

/// Who reads the needs analysis and everything hanging off it (scenarios, gaps, inventory,
/// walking reach): planning and the steering group; others signed in get 403, the public 404.
pub(crate) fn may_read(ctx: &Ctx) -> Result<(), PageError> {
    if ctx.reads_needs_analysis() {
        Ok(())
    } else if ctx.signed_in() {
        Err(PageError::forbidden())
    } else {
        Err(PageError::not_found())
    }
}

/// The matrix as CSV: one row per district and life phase, read through the same rule.
async fn csv(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (mut req, mut errors) = parse_request(&params);
    known_domain(&ctx, &mut req, &mut errors);
    if let Some(e) = errors.iter().find(|e| e.field == "domain") {
        // a file of one field's offers must not silently hold every field's
        return Err(PageError::bad_request(format!("domain: {}", ctx.t(e.key))));
    }
    let view = state.app.needs(&ctx.disclosure(), ctx.municipality.id, &ctx.vocab, &req).await.or_page()?;
    let text = kette_text::csv_quoted;
    let opt = |v: Option<f64>, digits: usize| v.map_or_else(String::new, |x| format!("{x:.digits$}"));
    let follow_ups = follow_ups(&state, &ctx).await?;
    let mut shortfall: HashMap<(i64, &str), f64> = HashMap::new();
    for g in &view.gaps {
        shortfall.insert((g.district, g.phase.as_str()), g.shortfall);
    }
    let mut body = String::from(
        "district_key,district,life_phase,children,need,offers,places,coverage,places_per_100,share_within_10_min_walk,deprivation,deprivation_rank,offers_missing,follow_up,measure_id,proposal_id,walk_measured_on,share_within_5_min_walk,share_within_15_min_walk,offers_of_domain\n",
    );
    for row in &view.matrix.rows {
        for (phase, cell) in view.matrix.phases.iter().zip(&row.cells) {
            let f = follow_ups.get(&(row.district, phase.clone()));
            let p = view.matrix.phases.iter().position(|c| c == phase).unwrap_or(0);
            let bands = view.walk_bands.get(&row.district).and_then(|b| b.get(p).copied().flatten());
            body.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                text(&row.key),
                text(&row.name),
                phase,
                opt(cell.children, 0),
                opt(cell.need, 1),
                cell.offers,
                opt(cell.places, 0),
                opt(cell.coverage, 3),
                opt(cell.places_per_100, 1),
                opt(cell.within_walk, 3),
                opt(row.deprivation, 3),
                opt(row.deprivation_rank, 3),
                opt(shortfall.get(&(row.district, phase.as_str())).copied(), 1),
                f.map_or("", |f| f.state.as_str()),
                f.and_then(|f| f.measure.as_ref()).map_or_else(String::new, |m| m.0.to_string()),
                f.and_then(|f| f.proposal.as_ref()).map_or_else(String::new, |p| p.0.to_string()),
                match (cell.within_walk, view.walk_on_network) {
                    (None, _) => "",
                    (Some(_), true) => "street_network",
                    (Some(_), false) => "straight_line_estimate",
                },
                opt(bands.map(|b| b[0]), 3),
                opt(bands.map(|b| b[2]), 3),
                view.domain.as_deref().unwrap_or("all"),
            ));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"bedarfsanalyse.csv\"".to_string()),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_bad_choice_is_reported_and_the_rest_is_kept() {
        let (req, errors) = parse_request(&params(&[("level", "x"), ("weight", "zwei"), ("per", "1000"), ("indicator", "mss_s4")]));
        assert_eq!(
            errors,
            vec![ChoiceError { field: "level", key: "needs-error-number" }, ChoiceError { field: "weight", key: "needs-error-number" }]
        );
        assert_eq!(req.formula.per_children, 1000.0);
        assert_eq!(req.indicator.as_deref(), Some("mss_s4"));
        let (req, errors) = parse_request(&params(&[("weight", "7,5")]));
        assert_eq!(errors, vec![ChoiceError { field: "weight", key: "needs-error-range" }]);
        assert_eq!(req.formula, NeedsFormula::default(), "an out-of-range formula falls back whole");
        let (req, errors) = parse_request(&params(&[("weight", "0,5"), ("indicator", "")]));
        assert!(errors.is_empty());
        assert_eq!(req.formula.deprivation_weight, 0.5);
        assert_eq!(req.indicator.as_deref(), Some(""), "an empty choice means no indicator");
    }
}
