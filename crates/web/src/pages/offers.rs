//! Offer pages: the list with filters, one offer, and the form partners and coordinators write offers with.

use super::*;

pub(super) fn offer_filter(ctx: &Ctx, params: &HashMap<String, String>) -> Result<OfferFilter, PageError> {
    let age_months = match q(params, "age") {
        None => None,
        Some(a) => match a.replace(',', ".").parse::<f64>() {
            Ok(y) if (0.0..=27.0).contains(&y) => Some((y * 12.0).round() as u32),
            _ => return Err(PageError::bad_request_key("error-age-years")),
        },
    };
    let int = |k: &str| -> Result<Option<i64>, PageError> {
        q(params, k).map(|v| v.parse::<i64>().map_err(|_| PageError::bad_request(format!("{k} '{v}'")))).transpose()
    };
    Ok(OfferFilter {
        q: q(params, "q").map(|s| s.chars().take(200).collect()),
        life_phase: q(params, "life_phase").map(Into::into),
        transition: q(params, "transition").map(Into::into),
        domain: q(params, "domain").map(Into::into),
        target_group: q(params, "target_group").map(Into::into),
        language: q(params, "language").map(Into::into),
        cost: q(params, "cost").and_then(Cost::parse),
        access: q(params, "access").and_then(Access::parse),
        district_id: int("district")?,
        organisation_id: int("organisation")?,
        age_months,
        public_only: !ctx.disclosure().sees_all_unpublished_offers(),
        unpublished_of: ctx.disclosure().own_organisation(),
        status: if ctx.disclosure().sees_all_unpublished_offers() { q(params, "status").and_then(OfferStatus::parse) } else { None },
    })
}

#[derive(Template)]
#[template(path = "offers.html")]
pub(super) struct OffersPage {
    ctx: Ctx,
    offers: Vec<OfferSummary>,
    pager: Pager,
    params: HashMap<String, String>,
    district_options: Vec<(i64, String, i64)>,
}

impl OffersPage {
    fn param(&self, k: &str) -> String {
        self.params.get(k).cloned().unwrap_or_default()
    }
    fn sel(&self, k: &str, v: &str) -> bool {
        self.params.get(k).is_some_and(|x| x == v)
    }
}

pub(crate) async fn district_options(state: &AppState, ctx: &Ctx) -> Result<Vec<(i64, String, i64)>, PageError> {
    let top = state.store.districts_up_to(ctx.municipality.id, 2).await.or_page()?;
    Ok(top.into_iter().map(|d| (d.id, d.name, d.level)).collect())
}

pub(super) async fn offers(State(state): State<AppState>, ctx: Ctx, Query(params): Q) -> Result<Response, PageError> {
    let filter = offer_filter(&ctx, &params)?;
    let page = parse_page(&params)?;
    let result = state.store.list_offers(ctx.municipality.id, &filter, page, 50).await.or_page()?;
    let pager = Pager::new(&result, "/offers", &params);
    let district_options = district_options(&state, &ctx).await?;
    render(&OffersPage { offers: result.items, pager, params, district_options, ctx })
}

#[derive(Template)]
#[template(path = "offer.html")]
pub(super) struct OfferPage {
    ctx: Ctx,
    offer: Offer,
    history: Vec<(String, String, Option<String>, String)>,
    /// The newest proposal for the offer (signed-in professionals only).
    proposal: Option<kette_store::OfferChange>,
    /// Whether families see the offer today.
    public: bool,
    /// The verification state, for professionals.
    freshness: String,
    /// The editor just submitted a proposal / confirmed the offer.
    proposed: bool,
    /// The proposal was a new offer (not a change to a public one).
    proposed_new: bool,
    confirmed: bool,
    chain: crate::chain::OfferChain,
}

impl OfferPage {
    fn age_text(&self) -> String {
        let (min, max) = (self.offer.input.min_age_months, self.offer.input.max_age_months);
        let months = |m: u32| {
            if m.is_multiple_of(12) {
                self.ctx.tn("age-years", (m / 12) as i64)
            } else {
                self.ctx.tn("age-months", m as i64)
            }
        };
        match (min, max) {
            (None, None) => String::new(),
            (a, b) => format!("{} – {}", a.map(months).unwrap_or_default(), b.map(months).unwrap_or_default()),
        }
    }
    fn visible_locations(&self) -> Vec<&Location> {
        let d = self.ctx.disclosure();
        self.offer.locations.iter().filter(|l| kette_app::places::visible(&d, l)).collect()
    }
}

pub(super) async fn offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Q,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    let public = crate::offer_is_public(state.store.today(), &ctx.municipality.review, &offer.input, offer.approval);
    let disclosure = ctx.disclosure();
    if !disclosure.sees_unpublished_offers_of(offer.input.organisation_id) && !public {
        return Err(PageError::not_found());
    }
    let (history, proposal) = if disclosure.sees_unpublished_offers_of(offer.input.organisation_id) {
        (
            state.store.audit_entries(ctx.municipality.id, "offer", id).await.or_page()?,
            state.store.latest_change(ctx.municipality.id, id).await.or_page()?,
        )
    } else {
        (vec![], None)
    };
    let freshness = ctx.t(ctx.municipality.review.freshness(offer.input.last_verified_on, state.store.today()).label_key());
    let proposed = params.contains_key("proposed");
    let proposed_new = params.get("proposed").is_some_and(|v| v == "new");
    let confirmed = params.contains_key("confirmed");
    let chain = crate::chain::offer_chain(&state, &ctx, &offer, q(&params, "chain_q").unwrap_or_default(), vec![]).await?;
    render(&OfferPage { offer, history, proposal, public, freshness, proposed, proposed_new, confirmed, chain, ctx })
}

/// The offer page again after a refused link, with the errors in the chain section.
pub(crate) async fn offer_with_chain_errors(
    state: &AppState,
    ctx: Ctx,
    offer: Offer,
    errors: Vec<(String, String)>,
) -> Result<Response, PageError> {
    let public = crate::offer_is_public(state.store.today(), &ctx.municipality.review, &offer.input, offer.approval);
    let freshness = ctx.t(ctx.municipality.review.freshness(offer.input.last_verified_on, state.store.today()).label_key());
    let history = state.store.audit_entries(ctx.municipality.id, "offer", offer.id).await.or_page()?;
    let proposal = state.store.latest_change(ctx.municipality.id, offer.id).await.or_page()?;
    let chain = crate::chain::offer_chain(state, &ctx, &offer, "", errors).await?;
    let page =
        OfferPage { offer, history, proposal, public, freshness, proposed: false, proposed_new: false, confirmed: false, chain, ctx };
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

// ---------------------------------------------------------------- offer form

#[derive(Template)]
#[template(path = "offer_form.html")]
pub(super) struct OfferFormPage {
    ctx: Ctx,
    offer_id: Option<i64>,
    organisation: Organisation,
    locations: Vec<Location>,
    input: OfferInput,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
    /// The form shows a proposal still waiting for approval, not the public version.
    waiting: bool,
}

impl OfferFormPage {
    fn v(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
    fn err(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| self.ctx.t(&e.code))
    }
    fn has_term(&self, kind: &str, code: &str) -> bool {
        let list = match kind {
            "life_phase" => &self.input.life_phases,
            "domain" => &self.input.domains,
            "target_group" => &self.input.target_groups,
            _ => &self.input.transitions,
        };
        list.iter().any(|c| c == code)
    }
    fn has_location(&self, id: &i64) -> bool {
        self.input.location_ids.contains(id)
    }
    /// The errors of an age asked as years and months (the domain reports them on the months).
    fn age_errors(&self, prefix: &str) -> Vec<String> {
        ["months", "years", "rest_months"].iter().filter_map(|part| self.err(&format!("{prefix}_{part}"))).collect()
    }
    fn age_part(&self, prefix: &str, part: &str) -> String {
        self.v(&format!("{prefix}_{part}"))
    }
    fn has_language(&self, code: &str) -> bool {
        self.input.languages.iter().any(|l| l == code)
    }
    /// Languages families in Germany often speak, each in its own name and the reader's.
    fn spoken_languages(&self) -> Vec<(&'static str, &'static str)> {
        kette_i18n::SPOKEN_LANGUAGES.to_vec()
    }
    /// The organisation's places, the chosen ones first.
    fn places(&self) -> Vec<&Location> {
        let mut places: Vec<&Location> = self.locations.iter().collect();
        places.sort_by_key(|l| !self.has_location(&l.id));
        places
    }
    fn action(&self) -> String {
        match self.offer_id {
            Some(id) => format!("/offers/{id}/edit"),
            None => "/offers/new".into(),
        }
    }
}

/// Language codes not in the list of spoken languages the form offers as boxes.
fn other_languages(codes: &[String]) -> Vec<String> {
    codes.iter().filter(|c| !kette_i18n::SPOKEN_LANGUAGES.iter().any(|(k, _)| k == c)).cloned().collect()
}

pub(super) fn values_of(input: &OfferInput) -> HashMap<String, String> {
    let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    HashMap::from([
        ("title".into(), input.title.clone()),
        ("description".into(), input.description.clone()),
        ("languages_other".into(), other_languages(&input.languages).join(", ")),
        ("min_age_years".into(), input.min_age_months.map(|m| (m / 12).to_string()).unwrap_or_default()),
        ("min_age_rest_months".into(), input.min_age_months.map(|m| (m % 12).to_string()).unwrap_or_default()),
        ("max_age_years".into(), input.max_age_months.map(|m| (m / 12).to_string()).unwrap_or_default()),
        ("max_age_rest_months".into(), input.max_age_months.map(|m| (m % 12).to_string()).unwrap_or_default()),
        ("schedule".into(), input.schedule.clone()),
        ("capacity".into(), opt(input.capacity)),
        ("reach_per_year".into(), opt(input.reach_per_year)),
        ("funding_source".into(), input.funding.source.clone()),
        ("funding_amount_eur".into(), input.funding.amount_eur.map(|a| a.to_string()).unwrap_or_default()),
        ("funding_until".into(), date(input.funding.until)),
        ("last_verified_on".into(), date(input.last_verified_on)),
        ("contact_email".into(), input.contact_email.clone()),
        ("contact_phone".into(), input.contact_phone.clone()),
        ("website".into(), input.website.clone()),
        ("prevention_level".into(), input.prevention_level.as_str().into()),
        ("cost".into(), input.cost.as_str().into()),
        ("access".into(), input.access.as_str().into()),
        ("status".into(), input.status.as_str().into()),
        ("funding_kind".into(), input.funding.kind.map(|k| k.as_str().to_string()).unwrap_or_default()),
    ])
}

/// Reads the offer form. Syntax problems (not a number, not a date) become field errors here;
/// the rules are checked by the domain when the store validates.
pub(super) fn parse_offer_form(form: &FormData, organisation_id: i64) -> (OfferInput, HashMap<String, String>, Vec<FieldError>) {
    let mut errors = vec![];
    let mut values = HashMap::new();
    for k in [
        "title",
        "description",
        "languages_other",
        "min_age_years",
        "min_age_rest_months",
        "max_age_years",
        "max_age_rest_months",
        "schedule",
        "capacity",
        "reach_per_year",
        "funding_source",
        "funding_amount_eur",
        "funding_until",
        "last_verified_on",
        "contact_email",
        "contact_phone",
        "website",
        "prevention_level",
        "cost",
        "access",
        "status",
        "funding_kind",
    ] {
        values.insert(k.to_string(), form.get(k).to_string());
    }
    fn whole(form: &FormData, k: &str, errors: &mut Vec<FieldError>) -> Option<u32> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        v.parse::<u32>().map_err(|_| errors.push(FieldError::new(k, "error-whole-number", format!("'{v}' is not a whole number")))).ok()
    }
    let (capacity, reach) = (whole(form, "capacity", &mut errors), whole(form, "reach_per_year", &mut errors));
    // ages are asked in years and months; the API and older forms send whole months
    let mut age = |prefix: &str| -> Option<u32> {
        let (years, rest) = (form.get(&format!("{prefix}_years")), form.get(&format!("{prefix}_rest_months")));
        if years.is_empty() && rest.is_empty() {
            return whole(form, &format!("{prefix}_months"), &mut errors);
        }
        let y = if years.is_empty() { Some(0) } else { whole(form, &format!("{prefix}_years"), &mut errors) };
        let m = if rest.is_empty() { Some(0) } else { whole(form, &format!("{prefix}_rest_months"), &mut errors) };
        match (y, m) {
            (Some(_), Some(m)) if m > 11 => {
                errors.push(FieldError::new(format!("{prefix}_rest_months"), "error-rest-months", "expected 0 to 11 months"));
                None
            }
            (Some(y), Some(m)) => Some(y.saturating_mul(12).saturating_add(m)),
            _ => None,
        }
    };
    let (min_age, max_age) = (age("min_age"), age("max_age"));
    let amount = match form.get("funding_amount_eur") {
        "" => None,
        v => match v.replace('.', "").replace(',', ".").parse::<f64>().ok().or_else(|| v.parse().ok()) {
            Some(a) => Some(a),
            None => {
                errors.push(FieldError::new("funding_amount_eur", "error-number", format!("'{v}' is not a number")));
                None
            }
        },
    };
    let mut date = |k: &str| -> Option<time::Date> {
        let v = form.get(k);
        if v.is_empty() {
            return None;
        }
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(v, fmt)
            .map_err(|_| errors.push(FieldError::new(k, "error-date", format!("'{v}' is not a date (YYYY-MM-DD)"))))
            .ok()
    };
    let (until, verified) = (date("funding_until"), date("last_verified_on"));
    let mut choice_error = |k: &str| errors.push(FieldError::new(k, "error-choice", "not one of the choices"));
    let prevention_level = PreventionLevel::parse(form.get("prevention_level")).unwrap_or_else(|| {
        choice_error("prevention_level");
        PreventionLevel::Universal
    });
    let cost = Cost::parse(form.get("cost")).unwrap_or_else(|| {
        choice_error("cost");
        Cost::Free
    });
    let access = Access::parse(form.get("access")).unwrap_or_else(|| {
        choice_error("access");
        Access::Open
    });
    let status = OfferStatus::parse(form.get("status")).unwrap_or_else(|| {
        choice_error("status");
        OfferStatus::Draft
    });
    let location_ids = form.all("location_ids").iter().filter_map(|v| v.parse().ok()).collect();
    let input = OfferInput {
        organisation_id,
        title: form.get("title").into(),
        description: form.get("description").into(),
        life_phases: form.all("life_phases"),
        domains: form.all("domains"),
        target_groups: form.all("target_groups"),
        transitions: form.all("transitions"),
        languages: {
            // the boxes, then codes typed for other languages
            let mut codes: Vec<String> = Vec::new();
            for v in form.all("languages").iter().map(String::as_str).chain([form.get("languages_other")]) {
                for c in v.split([',', ' ', ';']).map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()) {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
            }
            codes
        },
        min_age_months: min_age,
        max_age_months: max_age,
        prevention_level,
        cost,
        access,
        schedule: form.get("schedule").into(),
        capacity,
        reach_per_year: reach,
        funding: kette_domain::Funding {
            kind: FundingKind::parse(form.get("funding_kind")),
            source: form.get("funding_source").into(),
            amount_eur: amount,
            until,
        },
        status,
        last_verified_on: verified,
        contact_email: form.get("contact_email").into(),
        contact_phone: form.get("contact_phone").into(),
        website: form.get("website").into(),
        location_ids,
    };
    (input, values, errors)
}

pub(super) async fn new_offer_form(
    State(state): State<AppState>,
    SignedIn { ctx, .. }: SignedIn,
    Query(params): Q,
) -> Result<Response, PageError> {
    let org_id = match (q(&params, "organisation").and_then(|o| o.parse::<i64>().ok()), ctx.user.as_ref().and_then(|u| u.organisation_id)) {
        (Some(o), _) | (None, Some(o)) => o,
        (None, None) => return Err(PageError::bad_request_key("error-choose-organisation")),
    };
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden());
    }
    let organisation = state.store.organisation(ctx.municipality.id, org_id).await.or_page()?;
    let locations = state.store.organisation_locations(ctx.municipality.id, org_id).await.or_page()?;
    let mut input = OfferInput::blank(org_id);
    input.status = OfferStatus::Active;
    input.last_verified_on = Some(state.store.today());
    let values = values_of(&input);
    render(&OfferFormPage { offer_id: None, organisation, locations, input, values, errors: vec![], waiting: false, ctx })
}

pub(super) async fn create_offer(
    State(state): State<AppState>,
    Query(params): Q,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let org_id: i64 = form
        .get("organisation_id")
        .parse()
        .ok()
        .or_else(|| q(&params, "organisation").and_then(|o| o.parse().ok()))
        .or_else(|| ctx.user.as_ref().and_then(|u| u.organisation_id))
        .ok_or_else(|| PageError::bad_request_key("error-choose-organisation"))?;
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden());
    }
    let (input, values, syntax_errors) = parse_offer_form(&form, org_id);
    let by = ctx.user.as_ref().map(|u| u.id);
    let proposal = ctx.edits_need_approval();
    let result = if !syntax_errors.is_empty() {
        Err(invalid(syntax_errors))
    } else if proposal {
        state.store.propose_new_offer(ctx.municipality.id, &input, by).await
    } else {
        state.store.create_offer(ctx.municipality.id, &input, by).await
    };
    match result {
        Ok(id) => {
            state.reindex(ctx.municipality.id, &[id]).await;
            let flag = if proposal { "?proposed=new" } else { "" };
            Ok(Redirect::to(&format!("/offers/{id}{flag}")).into_response())
        }
        Err(StoreError::Invalid { errors, .. }) => form_again(&state, ctx, None, org_id, input, values, errors.0).await,
        Err(e) => Err(PageError::store(e)),
    }
}

pub(super) fn invalid(errors: Vec<FieldError>) -> StoreError {
    StoreError::Invalid { context: "form".into(), errors: ValidationErrors(errors) }
}

pub(super) async fn form_again(
    state: &AppState,
    ctx: Ctx,
    offer_id: Option<i64>,
    org_id: i64,
    input: OfferInput,
    values: HashMap<String, String>,
    errors: Vec<FieldError>,
) -> Result<Response, PageError> {
    let organisation = state.store.organisation(ctx.municipality.id, org_id).await.or_page()?;
    let locations = state.store.organisation_locations(ctx.municipality.id, org_id).await.or_page()?;
    let page = render(&OfferFormPage { offer_id, organisation, locations, input, values, errors, waiting: false, ctx })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub(super) async fn edit_offer_form(
    State(state): State<AppState>,
    SignedIn { ctx, .. }: SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let offer = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    if !ctx.can_edit(offer.input.organisation_id) {
        return Err(PageError::forbidden());
    }
    let organisation = state.store.organisation(ctx.municipality.id, offer.input.organisation_id).await.or_page()?;
    let locations = state.store.organisation_locations(ctx.municipality.id, offer.input.organisation_id).await.or_page()?;
    // editing again starts from what waits for approval, so nothing proposed is lost
    let pending = state.store.open_change_for(ctx.municipality.id, "content", kette_store::Target::offer(id)).await.or_page()?;
    let (input, waiting) = match pending.map(|c| c.proposed) {
        Some(kette_store::Proposal::Content(proposed)) => (proposed, true),
        _ => (offer.input, false),
    };
    let values = values_of(&input);
    render(&OfferFormPage { offer_id: Some(id), organisation, locations, input, values, errors: vec![], waiting, ctx })
}

pub(super) async fn update_offer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    SignedForm { ctx, form }: SignedForm,
) -> Result<Response, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::not_found())?;
    let current = state.store.offer(ctx.municipality.id, id).await.or_page()?;
    let org_id = current.input.organisation_id;
    if !ctx.can_edit(org_id) {
        return Err(PageError::forbidden());
    }
    let (input, values, syntax_errors) = parse_offer_form(&form, org_id);
    let by = ctx.user.as_ref().map(|u| u.id);
    let proposal = ctx.edits_need_approval();
    let result = if !syntax_errors.is_empty() {
        Err(invalid(syntax_errors))
    } else if proposal {
        state.store.propose_change(ctx.municipality.id, id, &input, by).await
    } else {
        state.store.update_offer(ctx.municipality.id, id, &input, by).await
    };
    match result {
        Ok(()) => {
            state.reindex(ctx.municipality.id, &[id]).await;
            let flag = if proposal { "?proposed=1" } else { "" };
            Ok(Redirect::to(&format!("/offers/{id}{flag}")).into_response())
        }
        Err(StoreError::Invalid { errors, .. }) => form_again(&state, ctx, Some(id), org_id, input, values, errors.0).await,
        Err(e) => Err(PageError::store(e)),
    }
}
