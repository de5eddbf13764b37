//! The start page: the chain matrix of life phases and domains with the offer counts.

use super::*;

#[derive(Template)]
#[template(path = "home.html")]
pub(super) struct HomePage {
    ctx: Ctx,
    matrix: ChainMatrix,
    offers: i64,
    organisations: i64,
    districts: i64,
}

pub(super) async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let matrix = state.store.chain_matrix(m, &ctx.vocab, None).await.or_page()?;
    let counts = state.store.offer_counts(m).await.or_page()?;
    let organisations = state.store.list_organisations(m, None, 1, 1).await.or_page()?.total;
    let districts = state.store.districts(m, None, 1, 1).await.or_page()?.1;
    render(&HomePage { offers: counts.get("active").copied().unwrap_or(0), matrix, organisations, districts, ctx })
}

pub struct MatrixCell {
    pub domain: String,
    pub count: u64,
    pub heat: u64,
}

pub struct MatrixRow {
    pub phase: String,
    pub total: u64,
    pub cells: Vec<MatrixCell>,
}

/// Rows of the chain matrix with a 0–4 shade per cell relative to the fullest cell.
pub(super) fn matrix_rows(m: &ChainMatrix) -> Vec<MatrixRow> {
    let max = m.max_count().max(1);
    m.life_phases
        .iter()
        .enumerate()
        .map(|(p, phase)| MatrixRow {
            phase: phase.clone(),
            total: m.phase_totals[p],
            cells: m
                .domains
                .iter()
                .enumerate()
                .map(|(d, domain)| {
                    let count = m.counts[p][d];
                    MatrixCell { domain: domain.clone(), count, heat: if count == 0 { 0 } else { 1 + (count * 4 / (max + 1)).min(3) } }
                })
                .collect(),
        })
        .collect()
}

impl HomePage {
    fn rows(&self) -> Vec<MatrixRow> {
        matrix_rows(&self.matrix)
    }
}
