//! The inventory of the needs analysis (issue 14): which offers exist per district and term of
//! a dimension (life phase, domain, transition, target group), as a table, a map of one term
//! and CSV — the "Bestandsanalyse" the planning hands to the steering group. Every count reads
//! through the place rule (`kette_app::App::inventory`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use kette_app::needs::Inventory;
use kette_domain::TermKind;

use crate::error::{render, OrPage, PageError};
use crate::monitoring::{outlines, MAP_WIDTH};
use crate::needs::may_read;
use crate::svg::{choropleth, MapArea};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new().route("/needs/inventory", get(page)).route("/needs/inventory.csv", get(csv))
}

/// Level and dimension from the query; an unknown dimension is a bad request, not a default.
fn choices(params: &HashMap<String, String>) -> Result<(Option<i64>, TermKind), PageError> {
    let level = match params.get("level").map(|v| v.trim()).filter(|v| !v.is_empty()) {
        Some(v) => Some(v.parse::<i64>().map_err(|_| PageError::bad_request(format!("level '{v}': a number")))?),
        None => None,
    };
    let dimension = match params.get("dimension").map(|v| v.trim()).filter(|v| !v.is_empty()) {
        Some(v) => TermKind::parse(v)
            .filter(|k| TermKind::OF_OFFERS.contains(k))
            .ok_or_else(|| PageError::bad_request(format!("dimension '{v}': life_phase, domain, transition or target_group")))?,
        None => TermKind::LifePhase,
    };
    Ok((level, dimension))
}

fn dimension_label(ctx: &Ctx, k: TermKind) -> String {
    ctx.t(match k {
        TermKind::Domain => "field-domains",
        TermKind::Transition => "field-transitions",
        TermKind::TargetGroup => "field-target-groups",
        _ => "field-life-phases",
    })
}

#[derive(Template)]
#[template(path = "inventory.html")]
struct InventoryPage {
    ctx: Ctx,
    inventory: std::sync::Arc<Inventory>,
    term: Option<String>,
    svg: Option<String>,
    legend: Vec<(usize, String)>,
}

impl InventoryPage {
    fn dimensions(&self) -> Vec<(&'static str, String, bool)> {
        TermKind::OF_OFFERS.iter().map(|k| (k.as_str(), dimension_label(&self.ctx, *k), *k == self.inventory.dimension)).collect()
    }
    fn dimension(&self) -> &'static str {
        self.inventory.dimension.as_str()
    }
    fn term_label(&self, code: &str) -> String {
        self.ctx.term(self.inventory.dimension.as_str(), code)
    }
    fn is_term(&self, code: &str) -> bool {
        self.term.as_deref() == Some(code)
    }
    fn level_label(&self, l: &kette_domain::DistrictLevel) -> String {
        if self.ctx.lang == "de" {
            l.label_de.clone()
        } else {
            l.label_en.clone()
        }
    }
    /// The cell with the term's index, for the link to the offers it counts.
    fn cells<'a>(&'a self, row: &'a kette_app::needs::InventoryRow) -> Vec<(&'a str, usize)> {
        self.inventory.terms.iter().map(String::as_str).zip(row.counts.iter().copied()).collect()
    }
    fn without(&self) -> usize {
        self.inventory.rows.iter().filter(|r| r.offers == 0).count()
    }
}

/// Class 0 for no offer, then four classes by the quartiles of the positive counts.
fn count_classes(counts: &[usize]) -> (Vec<(usize, String)>, impl Fn(usize) -> usize) {
    let mut positive: Vec<usize> = counts.iter().copied().filter(|c| *c > 0).collect();
    positive.sort_unstable();
    let mut breaks: Vec<usize> =
        (1..4).filter_map(|q| positive.get((positive.len() * q / 4).min(positive.len().saturating_sub(1))).copied()).collect();
    breaks.dedup();
    let mut legend = vec![(0, "0".to_string())];
    let mut low = 1;
    for (i, b) in breaks.iter().enumerate() {
        if *b >= low {
            legend.push((i + 1, if *b == low { low.to_string() } else { format!("{low}–{b}") }));
            low = b + 1;
        }
    }
    if positive.last().is_some_and(|max| *max >= low) {
        legend.push((legend.len(), format!("≥ {low}")));
    }
    let b = breaks.clone();
    (legend, move |c: usize| if c == 0 { 0 } else { 1 + b.iter().filter(|x| c > **x).count() })
}

async fn page(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (level, dimension) = choices(&params)?;
    let m = ctx.municipality.id;
    let inventory = state.app.inventory(&ctx.disclosure(), m, &ctx.vocab, level, dimension).await.or_page()?;
    // by default the term with the most offers: the map shows where they are
    let busiest = inventory.totals.iter().enumerate().rev().max_by_key(|(_, n)| **n).and_then(|(t, _)| inventory.terms.get(t).cloned());
    let term = params.get("term").filter(|t| inventory.terms.contains(t)).cloned().or(busiest);
    let (mut svg, mut legend) = (None, vec![]);
    if let Some(t) = inventory.terms.iter().position(|c| Some(c) == term.as_ref()) {
        let o = outlines(&state, m, inventory.level).await.or_page()?;
        if !o.areas.is_empty() {
            let counts: HashMap<i64, usize> = inventory.rows.iter().map(|r| (r.district, r.counts[t])).collect();
            let (l, class_of) = count_classes(&counts.values().copied().collect::<Vec<_>>());
            legend = l;
            let areas: Vec<MapArea> = o
                .areas
                .iter()
                .map(|(id, name, path)| {
                    let c = counts.get(id).copied();
                    MapArea {
                        href: format!("/offers?district={id}&{}={}&status=active", dimension.as_str(), inventory.terms[t]),
                        path,
                        class: c.map(&class_of),
                        title: format!("{name}: {}", c.map_or_else(|| "–".to_string(), |c| c.to_string())),
                    }
                })
                .collect();
            let title = ctx.t_args("inventory-map-title", [("term", ctx.term(dimension.as_str(), &inventory.terms[t]))]);
            svg = Some(choropleth(&areas, MAP_WIDTH, o.height, &title));
        }
    }
    render(&InventoryPage { ctx, inventory, term, svg, legend })
}

/// One row per district and term, through the same rule as the page.
async fn csv(State(state): State<AppState>, ctx: Ctx, Query(params): Query<HashMap<String, String>>) -> Result<Response, PageError> {
    may_read(&ctx)?;
    let (level, dimension) = choices(&params)?;
    let inventory = state.app.inventory(&ctx.disclosure(), ctx.municipality.id, &ctx.vocab, level, dimension).await.or_page()?;
    let text = kette_text::csv_quoted;
    let mut body = String::from("district_key,district,level,dimension,term,offers\n");
    for row in &inventory.rows {
        for (term, count) in inventory.terms.iter().zip(&row.counts) {
            body.push_str(&format!(
                "{},{},{},{},{},{count}\n",
                text(&row.key),
                text(&row.name),
                inventory.level,
                dimension.as_str(),
                text(term)
            ));
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"bestand-{}.csv\"", dimension.as_str())),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_fall_into_zero_and_four_classes_by_quartiles() {
        let (legend, class_of) = count_classes(&[0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(legend.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), ["0", "1–3", "4–5", "6–7", "≥ 8"]);
        assert_eq!([0, 1, 3, 4, 5, 6, 7, 8, 20].map(&class_of), [0, 1, 1, 2, 2, 3, 3, 4, 4]);
        let (legend, class_of) = count_classes(&[0, 2, 2, 2]);
        assert_eq!(legend.iter().map(|(_, l)| l.as_str()).collect::<Vec<_>>(), ["0", "1–2"]);
        assert_eq!(class_of(2), 1);
        let (legend, _) = count_classes(&[0, 0]);
        assert_eq!(legend.len(), 1);
    }
}
