use std::collections::{BTreeMap, HashMap};

mod import;
mod matrix;
mod write;

pub(crate) use write::insert_offer;
use write::{bind_offer_fields, insert_offer_children, multi_row_insert, OFFER_FIELDS};

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use kette_domain::age::effective_age_range;
use kette_domain::matrix::ChainMatrix;
use kette_domain::validate::validate_offer;
use kette_domain::vocab::{Access, Cost, FundingKind, OfferStatus, PreventionLevel, Vocabulary};
use kette_domain::{
    AccountId, DistrictId, Funding, ImportBatch, ImportReport, Location, MunicipalityId, Offer, OfferId, OfferInput, OrganisationId,
    TermKind,
};

use crate::{util, Result, Store, StoreError};

/// What the offer lists and the finder filter on. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub q: Option<String>,
    pub life_phase: Option<String>,
    pub domain: Option<String>,
    pub target_group: Option<String>,
    /// A transition between life phases (family → daycare, school → work …).
    pub transition: Option<String>,
    pub language: Option<String>,
    pub cost: Option<Cost>,
    pub access: Option<Access>,
    pub district_id: Option<DistrictId>,
    pub organisation_id: Option<OrganisationId>,
    pub age_months: Option<u32>,
    /// Only what families may see: active, approved and not lapsed (the public view)…
    pub public_only: bool,
    /// …except this organisation's offers, which its partner editors see whatever their state
    /// (from `Disclosure::place_scope().own_organisation`).
    pub unpublished_of: Option<OrganisationId>,
    pub status: Option<OfferStatus>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfferSummary {
    pub id: OfferId,
    pub title: String,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub status: OfferStatus,
    pub cost: Cost,
    pub access: Access,
    pub life_phases: Vec<String>,
    pub domains: Vec<String>,
    pub district_name: Option<String>,
    pub street: Option<String>,
    pub last_verified_on: Option<String>,
    pub is_fictional: bool,
    pub approval: kette_domain::review::Approval,
    pub schedule: String,
    /// Languages spoken in the offer (filled where lists show them).
    pub languages: Vec<String>,
    /// The ages the offer is for, in months (upper bound exclusive), as given or implied by its
    /// life phases.
    pub min_age_months: Option<u32>,
    pub max_age_months: Option<u32>,
}

const SUMMARY_COLS: &str = "o.id, o.title, o.organisation_id, org.name AS organisation_name, o.status, o.cost, o.access, o.last_verified_on, o.is_fictional, o.approval, o.schedule, o.eff_min_age_months, o.eff_max_age_months,
    (SELECT d.name FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN district d ON d.id = l.district_id WHERE ol.offer_id = o.id ORDER BY l.id LIMIT 1) AS district_name,
    (SELECT l.street FROM offer_location ol JOIN location l ON l.id = ol.location_id WHERE ol.offer_id = o.id AND l.is_confidential = 0 ORDER BY l.id LIMIT 1) AS street";

enum Arg {
    I(i64),
    S(String),
}

impl OfferFilter {
    /// `lapsed_before`: offers verified before this date are out of the public view.
    fn where_clause(&self, municipality: MunicipalityId, lapsed_before: Option<time::Date>) -> (String, Vec<Arg>) {
        let mut sql = String::from(" WHERE o.municipality_id = $1");
        let mut args = vec![Arg::I(municipality)];
        let push = |clause: &str, arg: Arg, args: &mut Vec<Arg>, sql: &mut String| {
            args.push(arg);
            sql.push_str(&clause.replace("$?", &format!("${}", args.len())));
        };
        if self.public_only {
            sql.push_str(" AND ((o.status = 'active' AND o.approval = 'approved'");
            if let Some(cutoff) = lapsed_before {
                push(
                    " AND (o.last_verified_on IS NULL OR o.last_verified_on >= $?)",
                    Arg::S(util::date_to_text(cutoff)),
                    &mut args,
                    &mut sql,
                );
            }
            // a partner keeps seeing its own organisation's unpublished offers
            push(") OR o.organisation_id = $?)", Arg::I(self.unpublished_of.unwrap_or(-1)), &mut args, &mut sql);
        } else if let Some(s) = self.status {
            push(" AND o.status = $?", Arg::S(s.as_str().into()), &mut args, &mut sql);
        }
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            for word in q.split_whitespace().take(8) {
                let like = format!("%{}%", word.to_lowercase().replace(['%', '_'], ""));
                push(" AND o.search_text LIKE $?", Arg::S(like), &mut args, &mut sql);
            }
        }
        for (kind, code) in [
            (TermKind::LifePhase, &self.life_phase),
            (TermKind::Domain, &self.domain),
            (TermKind::TargetGroup, &self.target_group),
            (TermKind::Transition, &self.transition),
        ] {
            if let Some(code) = code.as_deref().filter(|c| !c.is_empty()) {
                push(
                    &format!(
                        " AND EXISTS (SELECT 1 FROM offer_term t WHERE t.offer_id = o.id AND t.kind = '{}' AND t.code = $?)",
                        kind.as_str()
                    ),
                    Arg::S(code.into()),
                    &mut args,
                    &mut sql,
                );
            }
        }
        if let Some(lang) = self.language.as_deref().filter(|c| !c.is_empty()) {
            push(
                " AND EXISTS (SELECT 1 FROM offer_language x WHERE x.offer_id = o.id AND x.language = $?)",
                Arg::S(lang.into()),
                &mut args,
                &mut sql,
            );
        }
        if let Some(c) = self.cost {
            push(" AND o.cost = $?", Arg::S(c.as_str().into()), &mut args, &mut sql);
        }
        if let Some(a) = self.access {
            push(" AND o.access = $?", Arg::S(a.as_str().into()), &mut args, &mut sql);
        }
        if let Some(org) = self.organisation_id {
            push(" AND o.organisation_id = $?", Arg::I(org), &mut args, &mut sql);
        }
        if let Some(age) = self.age_months {
            push(" AND (o.eff_min_age_months IS NULL OR o.eff_min_age_months <= $?)", Arg::I(age as i64), &mut args, &mut sql);
            push(" AND (o.eff_max_age_months IS NULL OR o.eff_max_age_months > $?)", Arg::I(age as i64), &mut args, &mut sql);
        }
        if let Some(d) = self.district_id {
            push(
                " AND EXISTS (SELECT 1 FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN district s ON s.id = l.district_id
                   WHERE ol.offer_id = o.id AND s.path LIKE (SELECT path FROM district WHERE id = $?) || '%')",
                Arg::I(d),
                &mut args,
                &mut sql,
            );
        }
        (sql, args)
    }
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for a in args {
        q = match a {
            Arg::I(i) => q.bind(*i),
            Arg::S(s) => q.bind(s.as_str()),
        };
    }
    q
}

fn parse_or<T>(s: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(s).ok_or_else(|| StoreError::Conflict(format!("stored {what} '{s}' is not known to this version")))
}

impl Store {
    pub async fn list_offers(
        &self,
        municipality: MunicipalityId,
        filter: &OfferFilter,
        page: u32,
        per_page: u32,
    ) -> Result<Page<OfferSummary>> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 500);
        let lapsed_before = if filter.public_only {
            self.municipality(municipality).await?.review.hidden_if_verified_before(self.clock.today())
        } else {
            None
        };
        let (where_sql, args) = filter.where_clause(municipality, lapsed_before);
        let total: i64 = bind_all(sqlx::query(&format!("SELECT COUNT(*) AS n FROM offer o{where_sql}")), &args)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
        let n = args.len();
        let sql = format!(
            "SELECT {SUMMARY_COLS} FROM offer o JOIN organisation org ON org.id = o.organisation_id{where_sql} ORDER BY o.sort_key, o.id LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let rows = bind_all(sqlx::query(&sql), &args)
            .bind(per_page as i64)
            .bind(((page - 1) as i64) * per_page as i64)
            .fetch_all(&self.pool)
            .await?;
        let mut items = rows.iter().map(summary_from_row).collect::<Result<Vec<_>>>()?;
        let ids: Vec<i64> = items.iter().map(|o| o.id).collect();
        let terms = self.terms_of(municipality, &ids).await?;
        for o in &mut items {
            if let Some(t) = terms.get(&o.id) {
                o.life_phases = t.iter().filter(|(k, _)| *k == TermKind::LifePhase).map(|(_, c)| c.clone()).collect();
                o.domains = t.iter().filter(|(k, _)| *k == TermKind::Domain).map(|(_, c)| c.clone()).collect();
            }
        }
        Ok(Page { items, total, page, per_page })
    }

    async fn terms_of(&self, municipality: MunicipalityId, ids: &[i64]) -> Result<HashMap<i64, Vec<(TermKind, String)>>> {
        let mut out: HashMap<i64, Vec<(TermKind, String)>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let sql = format!(
            "SELECT t.offer_id, t.kind, t.code FROM offer_term t JOIN offer o ON o.id = t.offer_id
             WHERE o.municipality_id = $1 AND t.offer_id IN ({}) ORDER BY t.offer_id, t.kind, t.code",
            util::placeholders(2, ids.len())
        );
        let mut q = sqlx::query(&sql).bind(municipality);
        for id in ids {
            q = q.bind(*id);
        }
        for r in q.fetch_all(&self.pool).await? {
            let kind: String = r.try_get("kind")?;
            if let Some(kind) = TermKind::parse(&kind) {
                out.entry(r.try_get("offer_id")?).or_default().push((kind, r.try_get("code")?));
            }
        }
        Ok(out)
    }

    /// The offer an import created under this source key.
    pub async fn offer_by_key(&self, municipality: MunicipalityId, external_key: &str) -> Result<Option<OfferId>> {
        Ok(sqlx::query_scalar("SELECT id FROM offer WHERE municipality_id = $1 AND external_key = $2")
            .bind(municipality)
            .bind(external_key)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn offer(&self, municipality: MunicipalityId, id: OfferId) -> Result<Offer> {
        let r = sqlx::query(
            "SELECT o.*, org.name AS organisation_name FROM offer o JOIN organisation org ON org.id = o.organisation_id
             WHERE o.municipality_id = $1 AND o.id = $2",
        )
        .bind(municipality)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("offer {id}")))?;
        let terms = self.terms_of(municipality, &[id]).await?.remove(&id).unwrap_or_default();
        let languages: Vec<String> = sqlx::query_scalar("SELECT language FROM offer_language WHERE offer_id = $1 ORDER BY language")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let locations = self.offer_locations(municipality, id).await?;
        let input = input_from_row(&r, &terms, languages, locations.iter().map(|l| l.id).collect())?;
        Ok(Offer {
            id,
            organisation_name: r.try_get("organisation_name")?,
            is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
            created_at: r.try_get("created_at")?,
            updated_at: r.try_get("updated_at")?,
            approval: util::approval(&r)?,
            input,
            locations,
        })
    }

    async fn offer_locations(&self, municipality: MunicipalityId, offer: OfferId) -> Result<Vec<Location>> {
        let rows = sqlx::query(
            "SELECT l.* FROM location l JOIN offer_location ol ON ol.location_id = l.id
             WHERE l.municipality_id = $1 AND ol.offer_id = $2 ORDER BY l.id",
        )
        .bind(municipality)
        .bind(offer)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(location_from_row).collect()
    }

    /// Locations of an organisation (for the offer form).
    pub async fn organisation_locations(&self, municipality: MunicipalityId, organisation: OrganisationId) -> Result<Vec<Location>> {
        let rows = sqlx::query("SELECT * FROM location WHERE municipality_id = $1 AND organisation_id = $2 ORDER BY name, id")
            .bind(municipality)
            .bind(organisation)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(location_from_row).collect()
    }

    /// The places a reader may see (`scope`, from `Disclosure::place_scope`), in a district.
    pub async fn list_locations(
        &self,
        municipality: MunicipalityId,
        district: Option<DistrictId>,
        scope: &kette_domain::disclosure::PlaceScope,
        page: u32,
        per_page: u32,
    ) -> Result<Page<Location>> {
        self.locations_where(municipality, district, scope, false, page, per_page).await
    }

    /// The anchor points (places families already go to) this reader may see, in a district
    /// and its sub-districts or everywhere, ordered by name.
    pub async fn anchor_points(
        &self,
        municipality: MunicipalityId,
        district: Option<DistrictId>,
        scope: &kette_domain::disclosure::PlaceScope,
    ) -> Result<Vec<Location>> {
        Ok(self.locations_where(municipality, district, scope, true, 1, 500).await?.items)
    }

    async fn locations_where(
        &self,
        municipality: MunicipalityId,
        district: Option<DistrictId>,
        scope: &kette_domain::disclosure::PlaceScope,
        anchor_only: bool,
        page: u32,
        per_page: u32,
    ) -> Result<Page<Location>> {
        let page = page.max(1);
        let per_page = per_page.clamp(1, 500);
        let clause = if district.is_some() {
            " AND l.district_id IN (SELECT s.id FROM district s WHERE s.path LIKE (SELECT path FROM district WHERE id = $2) || '%')"
        } else {
            " AND $2 = $2"
        };
        let anchor = if anchor_only { " AND l.is_anchor_point = 1" } else { "" };
        let clause = format!("{clause}{anchor} AND {}", util::place_clause(3));
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM location l WHERE l.municipality_id = $1{clause}"))
            .bind(municipality)
            .bind(district.unwrap_or(0))
            .bind(scope.own_organisation.unwrap_or(-1))
            .bind(scope.all_unapproved as i64)
            .bind(scope.all_protected as i64)
            .fetch_one(&self.pool)
            .await?;
        let order = if anchor_only { "l.name, l.id" } else { "l.id" };
        let sql = format!("SELECT l.* FROM location l WHERE l.municipality_id = $1{clause} ORDER BY {order} LIMIT $6 OFFSET $7");
        let rows = util::bind_place_scope(sqlx::query(&sql).bind(municipality).bind(district.unwrap_or(0)), scope)
            .bind(per_page as i64)
            .bind(((page - 1) as i64) * per_page as i64)
            .fetch_all(&self.pool)
            .await?;
        Ok(Page { items: rows.iter().map(location_from_row).collect::<Result<_>>()?, total, page, per_page })
    }
}

/// The editable content of an offer from its row, its terms, languages and places.
pub(crate) fn input_from_row(
    r: &AnyRow,
    terms: &[(TermKind, String)],
    languages: Vec<String>,
    location_ids: Vec<kette_domain::LocationId>,
) -> Result<OfferInput> {
    let pick = |k: TermKind| terms.iter().filter(|(kind, _)| *kind == k).map(|(_, c)| c.clone()).collect::<Vec<_>>();
    let opt_u32 = |col: &str| -> Result<Option<u32>> { Ok(r.try_get::<Option<i64>, _>(col)?.map(|v| v as u32)) };
    Ok(OfferInput {
        organisation_id: r.try_get("organisation_id")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        life_phases: pick(TermKind::LifePhase),
        domains: pick(TermKind::Domain),
        target_groups: pick(TermKind::TargetGroup),
        transitions: pick(TermKind::Transition),
        languages,
        min_age_months: opt_u32("min_age_months")?,
        max_age_months: opt_u32("max_age_months")?,
        prevention_level: parse_or(&r.try_get::<String, _>("prevention_level")?, PreventionLevel::parse, "prevention level")?,
        cost: parse_or(&r.try_get::<String, _>("cost")?, Cost::parse, "cost")?,
        access: parse_or(&r.try_get::<String, _>("access")?, Access::parse, "access")?,
        schedule: r.try_get("schedule")?,
        capacity: opt_u32("capacity")?,
        reach_per_year: opt_u32("reach_per_year")?,
        funding: Funding {
            kind: r.try_get::<Option<String>, _>("funding_kind")?.and_then(|s| FundingKind::parse(&s)),
            source: r.try_get("funding_source")?,
            amount_eur: r.try_get("funding_amount_eur")?,
            until: util::text_to_date(r.try_get("funding_until")?),
        },
        status: parse_or(&r.try_get::<String, _>("status")?, OfferStatus::parse, "status")?,
        last_verified_on: util::text_to_date(r.try_get("last_verified_on")?),
        contact_email: r.try_get("contact_email")?,
        contact_phone: r.try_get("contact_phone")?,
        website: r.try_get("website")?,
        location_ids,
    })
}

pub(crate) fn summary_from_row(r: &AnyRow) -> Result<OfferSummary> {
    Ok(OfferSummary {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        status: parse_or(&r.try_get::<String, _>("status")?, OfferStatus::parse, "status")?,
        cost: parse_or(&r.try_get::<String, _>("cost")?, Cost::parse, "cost")?,
        access: parse_or(&r.try_get::<String, _>("access")?, Access::parse, "access")?,
        life_phases: vec![],
        domains: vec![],
        district_name: r.try_get("district_name")?,
        street: r.try_get("street")?,
        last_verified_on: r.try_get("last_verified_on")?,
        is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
        approval: util::approval(r)?,
        schedule: r.try_get("schedule")?,
        languages: vec![],
        min_age_months: r.try_get::<Option<i64>, _>("eff_min_age_months")?.and_then(|m| u32::try_from(m).ok()),
        max_age_months: r.try_get::<Option<i64>, _>("eff_max_age_months")?.and_then(|m| u32::try_from(m).ok()),
    })
}

pub(crate) fn location_from_row(r: &AnyRow) -> Result<Location> {
    Ok(Location {
        id: r.try_get("id")?,
        organisation_id: r.try_get("organisation_id")?,
        name: r.try_get("name")?,
        street: r.try_get("street")?,
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        lat: r.try_get("lat")?,
        lon: r.try_get("lon")?,
        district_id: r.try_get("district_id")?,
        is_anchor_point: r.try_get::<i64, _>("is_anchor_point")? != 0,
        is_confidential: r.try_get::<i64, _>("is_confidential")? != 0,
        is_approved: r.try_get::<String, _>("approval")? == "approved",
    })
}
