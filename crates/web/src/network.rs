//! The network page (issue 16, first part): how the partners are tied — by agreements in force,
//! shared steering bodies and joint measures —, the brokers between them, the agreements, and
//! the graph as GraphML, GEXF or CSV for the coordination. Staff read it; a partner editor sees
//! the agreements of their own organisation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use kette_domain::Role;

use crate::error::{render, OrPage, PageError};
use crate::{AppState, Ctx};

pub fn routes() -> crate::Routes {
    crate::Routes::new()
        .route("/network", get(page))
        .route("/network/graph.json", get(graph_json))
        .route("/network/export/{format}", get(export))
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage {
    ctx: Ctx,
    /// None for a partner editor: the figures are for the staff.
    overview: Option<kette_app::network::NetworkOverview>,
    agreements: Vec<kette_store::Agreement>,
    today: time::Date,
    /// Partners' proposals: all for the coordination, a partner's own for them.
    proposals: Vec<kette_store::AgreementProposal>,
    /// A partner editor reads: they propose instead of save.
    partner: bool,
    /// A proposal was just sent.
    proposed: bool,
    /// The network drawn on the server (empty without ties or for a partner).
    picture: String,
}

impl NetworkPage {
    fn share(&self, v: f64) -> String {
        self.ctx.fixed(v, 3)
    }
    fn density(&self, v: impl std::borrow::Borrow<f64>) -> String {
        self.ctx.fixed(*v.borrow(), 4)
    }
    fn percent(&self, part: impl std::borrow::Borrow<usize>, whole: impl std::borrow::Borrow<usize>) -> String {
        let (part, whole) = (*part.borrow(), *whole.borrow());
        if whole == 0 {
            "–".into()
        } else {
            format!("{} %", self.ctx.fixed(part as f64 * 100.0 / whole as f64, 0))
        }
    }
    fn period(&self, a: &kette_store::Agreement) -> String {
        match (a.input.since, a.input.until) {
            (Some(s), Some(u)) => format!("{} – {}", self.ctx.date(s), self.ctx.date(u)),
            (Some(s), None) => format!("{} –", self.ctx.date(s)),
            (None, Some(u)) => format!("– {}", self.ctx.date(u)),
            (None, None) => String::new(),
        }
    }
    /// The domains the picture colours, with their classes.
    fn legend(&self) -> Vec<(&'static str, &'static str)> {
        ["health", "education", "youth_welfare", "social_security", "participation", "protection"]
            .into_iter()
            .map(|d| (crate::svg::domain_class(Some(d)), d))
            .collect()
    }
    fn proposal_state(&self, state: &str) -> String {
        self.ctx.t(&format!("agreement-proposal-state-{state}"))
    }
    fn kind_label(&self, code: &str) -> String {
        match code {
            "shared_body" | "joint_measure" | "chain_link" => self.ctx.t(&format!("network-tie-{}", code.replace('_', "-"))),
            kind => self.ctx.term("agreement_kind", kind),
        }
    }
}

/// Who reads the network: staff see it whole, a partner editor their own agreements.
fn reader(ctx: &Ctx) -> Result<Option<i64>, PageError> {
    match ctx.actor() {
        None => Err(PageError::forbidden()),
        Some(a) if a.role == Role::PartnerEditor => Ok(Some(a.organisation_id.unwrap_or(-1))),
        Some(_) => Ok(None),
    }
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(params): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let own = reader(&ctx)?;
    let m = ctx.municipality.id;
    let agreements = state.store.agreements(m, own).await.or_page()?;
    let overview = match own {
        Some(_) => None,
        None => Some(state.app.network_overview(m).await.or_page()?),
    };
    let today = state.store.today();
    let proposals = match own {
        Some(o) => state.store.agreement_proposals(m, Some(o)).await.or_page()?,
        None if ctx.can_approve() => state.store.agreement_proposals(m, None).await.or_page()?,
        None => vec![],
    };
    let partner = own.is_some();
    let proposed = params.contains_key("proposed");
    let picture = overview.as_ref().map(picture_of).unwrap_or_default();
    render(&NetworkPage { ctx, overview, agreements, today, proposals, partner, proposed, picture })
}

fn picture_of(o: &kette_app::network::NetworkOverview) -> String {
    let nodes: Vec<(f64, f64, usize, Option<&str>, &str, f64)> =
        o.drawing.nodes.iter().map(|n| (n.x, n.y, n.degree, n.domain.as_deref(), n.label.as_str(), n.betweenness)).collect();
    let edges: Vec<(usize, usize)> = o.drawing.edges.iter().map(|(a, b, _)| (*a, *b)).collect();
    crate::svg::network_svg(&nodes, &edges, 12)
}

/// The tied organisations and their ties, placed, for the interactive view: the same figures
/// the page shows, for the same readers.
async fn graph_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if reader(&ctx)?.is_some() {
        return Err(PageError::forbidden());
    }
    let overview = state.app.network_overview(ctx.municipality.id).await.or_page()?;
    let body = serde_json::to_string(&overview.drawing).map_err(|e| PageError::internal(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "private, no-cache")], body).into_response())
}

async fn export(State(state): State<AppState>, ctx: Ctx, Path(format): Path<String>) -> Result<Response, PageError> {
    if !ctx.can_approve() {
        return Err(PageError::forbidden());
    }
    let graph = state.app.cooperation_graph(ctx.municipality.id).await.or_page()?;
    let (body, mime, extension) = match format.as_str() {
        "graphml" => (kette_network::to_graphml(&graph), "application/graphml+xml", "graphml"),
        "gexf" => (kette_network::to_gexf(&graph), "application/gexf+xml", "gexf"),
        "csv" => (kette_network::to_csv(&graph).map_err(|e| PageError::internal(e.to_string()))?, "text/csv; charset=utf-8", "csv"),
        _ => return Err(PageError::not_found()),
    };
    let file = format!("netzwerk-{}.{extension}", ctx.municipality.slug);
    Ok(([(header::CONTENT_TYPE, mime.to_string()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\""))], body)
        .into_response())
}
