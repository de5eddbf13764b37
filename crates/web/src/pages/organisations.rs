//! The providers: the list and one organisation with its offers and the places the reader may see.

use super::*;

#[derive(Template)]
#[template(path = "organisations.html")]
pub(super) struct OrganisationsPage {
    ctx: Ctx,
    organisations: Vec<OrganisationSummary>,
    pager: Pager,
    query: String,
}

pub(super) async fn organisations(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let page = parse_page(&params)?;
    let query = q(&params, "q").unwrap_or("").to_string();
    let r = state.store.list_organisations(ctx.municipality.id, Some(&query), page, 50).await.or_page()?;
    let pager = Pager::new(&r, "/organisations", &params);
    render(&OrganisationsPage { organisations: r.items, pager, query, ctx })
}

#[derive(Template)]
#[template(path = "organisation.html")]
pub(super) struct OrganisationPage {
    ctx: Ctx,
    organisation: Organisation,
    offers: Vec<OfferSummary>,
    total_offers: i64,
    locations: Vec<Location>,
    /// A partner just proposed a change to one of the places.
    proposed: bool,
}

impl OrganisationPage {
    fn visible_locations(&self) -> Vec<&Location> {
        let d = self.ctx.disclosure();
        self.locations.iter().filter(|l| kette_app::places::visible(&d, l)).collect()
    }
}

pub(super) async fn organisation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Q,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let organisation = state.store.organisation(ctx.municipality.id, id).await.or_page()?;
    let d = ctx.disclosure();
    let filter = OfferFilter {
        organisation_id: Some(id),
        public_only: !d.sees_all_unpublished_offers(),
        unpublished_of: d.own_organisation(),
        ..Default::default()
    };
    let offers = state.store.list_offers(ctx.municipality.id, &filter, 1, 100).await.or_page()?;
    let locations = state.store.organisation_locations(ctx.municipality.id, id).await.or_page()?;
    let proposed = params.contains_key("proposed");
    render(&OrganisationPage { organisation, total_offers: offers.total, offers: offers.items, locations, proposed, ctx })
}
