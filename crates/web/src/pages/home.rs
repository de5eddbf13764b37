//! The start page: for staff first what waits for them, then the chain matrix of life phases
//! and domains with the offer counts.

use super::*;

#[derive(Template)]
#[template(path = "home.html")]
pub(super) struct HomePage {
    ctx: Ctx,
    matrix: ChainMatrix,
    offers: i64,
    organisations: i64,
    districts: i64,
    /// What waits for the signed-in person: (what, how many, where to act). Empty for the public.
    waiting: Vec<(String, usize, String)>,
}

pub(super) async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let m = ctx.municipality.id;
    let matrix = state.store.chain_matrix(m, &ctx.vocab, None).await.or_page()?;
    let counts = state.store.offer_counts(m).await.or_page()?;
    let organisations = state.store.list_organisations(m, None, 1, 1).await.or_page()?.total;
    let districts = state.store.districts(m, None, 1, 1).await.or_page()?.1;
    let waiting = waiting(&state, &ctx).await?;
    render(&HomePage { offers: counts.get("active").copied().unwrap_or(0), matrix, organisations, districts, waiting, ctx })
}

/// The signed-in person's to-do overview: proposals to decide or waiting, offers due for
/// confirmation, unread feedback, reminders that did not go out. Only what the role acts on.
async fn waiting(state: &AppState, ctx: &Ctx) -> Result<Vec<(String, usize, String)>, PageError> {
    let Some(actor) = ctx.actor() else { return Ok(vec![]) };
    let m = ctx.municipality.id;
    let mut out = vec![];
    let own = if actor.can_approve() { None } else { actor.organisation_id };
    if actor.can_approve() || (actor.can_create_offers() && own.is_some()) {
        let changes = state.store.open_changes(m, own).await.or_page()?;
        let pending = changes.iter().filter(|c| c.state == "pending").count();
        let key = if actor.can_approve() { "home-waiting-proposals" } else { "home-waiting-own-proposals" };
        out.push((ctx.t(key), pending, "/review".to_string()));
        let due = state.store.offers_to_verify(m, own, &ctx.municipality.review, state.store.today()).await.or_page()?;
        out.push((ctx.t("home-waiting-due"), due.len(), "/verification".to_string()));
    }
    if actor.can_edit_vocabulary() {
        let unread = state.store.feedback(m).await.or_page()?.iter().filter(|f| f.handled_at.is_none()).count();
        out.push((ctx.t("home-waiting-feedback"), unread, "/feedback/inbox".to_string()));
        let failed = state.store.recent_reminders(m, 50).await.or_page()?.iter().filter(|r| r.outcome != "sent").count();
        out.push((ctx.t("home-waiting-failed-reminders"), failed, "/verification#reminders".to_string()));
    }
    Ok(out)
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
    shaded_rows(m, &m.life_phases, &m.counts, &m.phase_totals)
}

/// The transition rows, shaded on the same scale as the life phases.
pub(super) fn transition_rows(m: &ChainMatrix) -> Vec<MatrixRow> {
    shaded_rows(m, &m.transitions, &m.transition_counts, &m.transition_totals)
}

fn shaded_rows(m: &ChainMatrix, codes: &[String], counts: &[Vec<u64>], totals: &[u64]) -> Vec<MatrixRow> {
    let max = m.max_count().max(1);
    codes
        .iter()
        .enumerate()
        .map(|(r, code)| MatrixRow {
            phase: code.clone(),
            total: totals[r],
            cells: m
                .domains
                .iter()
                .enumerate()
                .map(|(d, domain)| {
                    let count = counts[r][d];
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
    fn transition_rows(&self) -> Vec<MatrixRow> {
        transition_rows(&self.matrix)
    }
}
