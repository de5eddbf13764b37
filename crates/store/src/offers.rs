use std::collections::{BTreeMap, HashMap};

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
}

const SUMMARY_COLS: &str = "o.id, o.title, o.organisation_id, org.name AS organisation_name, o.status, o.cost, o.access, o.last_verified_on, o.is_fictional, o.approval, o.schedule,
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
        for (kind, code) in
            [(TermKind::LifePhase, &self.life_phase), (TermKind::Domain, &self.domain), (TermKind::TargetGroup, &self.target_group)]
        {
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
        let terms = self.terms_of(&ids).await?;
        for o in &mut items {
            if let Some(t) = terms.get(&o.id) {
                o.life_phases = t.iter().filter(|(k, _)| *k == TermKind::LifePhase).map(|(_, c)| c.clone()).collect();
                o.domains = t.iter().filter(|(k, _)| *k == TermKind::Domain).map(|(_, c)| c.clone()).collect();
            }
        }
        Ok(Page { items, total, page, per_page })
    }

    async fn terms_of(&self, ids: &[i64]) -> Result<HashMap<i64, Vec<(TermKind, String)>>> {
        let mut out: HashMap<i64, Vec<(TermKind, String)>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let sql = format!(
            "SELECT offer_id, kind, code FROM offer_term WHERE offer_id IN ({}) ORDER BY offer_id, kind, code",
            util::placeholders(1, ids.len())
        );
        let mut q = sqlx::query(&sql);
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
        let terms = self.terms_of(&[id]).await?.remove(&id).unwrap_or_default();
        let languages: Vec<String> = sqlx::query_scalar("SELECT language FROM offer_language WHERE offer_id = $1 ORDER BY language")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let locations = self.offer_locations(id).await?;
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

    async fn offer_locations(&self, offer: OfferId) -> Result<Vec<Location>> {
        let rows =
            sqlx::query("SELECT l.* FROM location l JOIN offer_location ol ON ol.location_id = l.id WHERE ol.offer_id = $1 ORDER BY l.id")
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
        let page = page.max(1);
        let per_page = per_page.clamp(1, 500);
        let clause = if district.is_some() {
            " AND l.district_id IN (SELECT s.id FROM district s WHERE s.path LIKE (SELECT path FROM district WHERE id = $2) || '%')"
        } else {
            " AND $2 = $2"
        };
        let clause = format!("{clause} AND {}", util::place_clause(3));
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM location l WHERE l.municipality_id = $1{clause}"))
            .bind(municipality)
            .bind(district.unwrap_or(0))
            .bind(scope.own_organisation.unwrap_or(-1))
            .bind(scope.all_unapproved as i64)
            .bind(scope.all_protected as i64)
            .fetch_one(&self.pool)
            .await?;
        let sql = format!("SELECT l.* FROM location l WHERE l.municipality_id = $1{clause} ORDER BY l.id LIMIT $6 OFFSET $7");
        let rows = util::bind_place_scope(sqlx::query(&sql).bind(municipality).bind(district.unwrap_or(0)), scope)
            .bind(per_page as i64)
            .bind(((page - 1) as i64) * per_page as i64)
            .fetch_all(&self.pool)
            .await?;
        Ok(Page { items: rows.iter().map(location_from_row).collect::<Result<_>>()?, total, page, per_page })
    }

    /// Creates an offer after validation; writes offer, terms, languages, locations and the
    /// audit entry in one transaction.
    pub async fn create_offer(&self, municipality: MunicipalityId, input: &OfferInput, by: Option<AccountId>) -> Result<OfferId> {
        let vocab = self.vocabulary(municipality).await?;
        validate_offer(input, &vocab).map_err(|errors| StoreError::Invalid { context: "offer".into(), errors })?;
        let mut tx = self.begin_write().await?;
        self.check_locations(&mut tx, municipality, input).await?;
        let id = insert_offer(&mut tx, &self.clock, municipality, input, &vocab, None, false, None).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "offer", Some(id), &input.title).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces the editable content of an offer; the organisation may not change here.
    pub async fn update_offer(&self, municipality: MunicipalityId, id: OfferId, input: &OfferInput, by: Option<AccountId>) -> Result<()> {
        let vocab = self.vocabulary(municipality).await?;
        validate_offer(input, &vocab).map_err(|errors| StoreError::Invalid { context: format!("offer {id}"), errors })?;
        let mut tx = self.begin_write().await?;
        self.write_offer_content(&mut tx, municipality, id, input, &vocab).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "offer", Some(id), &input.title).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The content part of an update, inside the caller's transaction (also used when a
    /// coordinator approves a partner's proposed change). `input` must be validated.
    pub(crate) async fn write_offer_content(
        &self,
        tx: &mut AnyConnection,
        municipality: MunicipalityId,
        id: OfferId,
        input: &OfferInput,
        vocab: &Vocabulary,
    ) -> Result<()> {
        let org: Option<i64> = sqlx::query_scalar("SELECT organisation_id FROM offer WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let org = org.ok_or_else(|| StoreError::NotFound(format!("offer {id}")))?;
        if org != input.organisation_id {
            return Err(StoreError::Conflict("an offer cannot move to another organisation".into()));
        }
        self.check_locations(&mut *tx, municipality, input).await?;
        let org_name: String = sqlx::query_scalar("SELECT name FROM organisation WHERE id = $1").bind(org).fetch_one(&mut *tx).await?;
        let (eff_min, eff_max) = effective_age_range(vocab, &input.life_phases, input.min_age_months, input.max_age_months);
        let assignments: Vec<String> = OFFER_FIELDS.iter().enumerate().map(|(i, f)| format!("{f} = ${}", i + 1)).collect();
        let sql = format!("UPDATE offer SET {} WHERE id = ${}", assignments.join(", "), OFFER_FIELDS.len() + 1);
        bind_offer_fields(sqlx::query(&sql), input, (eff_min, eff_max), &org_name, self.clock.timestamp())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for table in ["offer_term", "offer_language", "offer_location"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE offer_id = $1")).bind(id).execute(&mut *tx).await?;
        }
        insert_offer_children(tx, &[(id, input)]).await?;
        Ok(())
    }

    pub(crate) async fn check_locations(&self, conn: &mut AnyConnection, municipality: MunicipalityId, input: &OfferInput) -> Result<()> {
        for loc in &input.location_ids {
            let org: Option<i64> = sqlx::query_scalar("SELECT organisation_id FROM location WHERE municipality_id = $1 AND id = $2")
                .bind(municipality)
                .bind(*loc)
                .fetch_optional(&mut *conn)
                .await?;
            if org != Some(input.organisation_id) {
                return Err(StoreError::Invalid {
                    context: "offer".into(),
                    errors: kette_domain::ValidationErrors(vec![kette_domain::FieldError::new(
                        "location_ids",
                        "error-location-not-own",
                        format!("location {loc} does not belong to the offer's organisation"),
                    )]),
                });
            }
        }
        Ok(())
    }

    /// Writes a whole import batch in one transaction: organisations and locations are upserted
    /// by external key, offers likewise. Every offer is validated first; one invalid record or
    /// unknown key aborts the batch and nothing is written.
    pub async fn import_batch(
        &self,
        municipality: MunicipalityId,
        batch: &ImportBatch,
        mut progress: impl FnMut(usize),
    ) -> Result<ImportReport> {
        let vocab = self.vocabulary(municipality).await?;
        for o in &batch.offers {
            validate_offer(&o.input, &vocab).map_err(|errors| StoreError::Invalid { context: o.origin.clone(), errors })?;
        }
        let district_ids = self.district_key_ids(municipality).await?;
        let mut tx = self.begin_write().await?;
        let mut org_ids: HashMap<String, i64> = HashMap::new();
        for r in sqlx::query("SELECT external_key, id FROM organisation WHERE municipality_id = $1 AND external_key IS NOT NULL")
            .bind(municipality)
            .fetch_all(&mut *tx)
            .await?
        {
            org_ids.insert(r.try_get("external_key")?, r.try_get("id")?);
        }
        let now = self.clock.timestamp();
        for org in &batch.organisations {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO organisation (municipality_id, external_key, name, kind, website, email, phone, search_text, created_at, updated_at, sort_key)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
                 ON CONFLICT (municipality_id, external_key) DO UPDATE SET name = excluded.name, kind = excluded.kind, website = excluded.website,
                   email = excluded.email, phone = excluded.phone, search_text = excluded.search_text, updated_at = excluded.updated_at,
                   sort_key = excluded.sort_key
                 RETURNING id",
            )
            .bind(municipality)
            .bind(&org.external_key)
            .bind(&org.name)
            .bind(org.kind.as_str())
            .bind(&org.website)
            .bind(&org.email)
            .bind(&org.phone)
            .bind(util::search_text(&[&org.name]))
            .bind(&now)
            .bind(util::sort_key(&org.name))
            .fetch_one(&mut *tx)
            .await?;
            org_ids.insert(org.external_key.clone(), id);
        }
        for (key, description, contacts) in &batch.organisation_details {
            let org = *org_ids
                .get(key)
                .ok_or_else(|| StoreError::UnknownOrganisation { key: key.clone(), context: "organisation details".into() })?;
            sqlx::query("UPDATE organisation SET description = $1 WHERE id = $2").bind(description).bind(org).execute(&mut *tx).await?;
            util::replace_contacts(&mut tx, org, contacts).await?;
        }
        let mut loc_ids: HashMap<String, (i64, i64)> = HashMap::new();
        for r in
            sqlx::query("SELECT external_key, id, organisation_id FROM location WHERE municipality_id = $1 AND external_key IS NOT NULL")
                .bind(municipality)
                .fetch_all(&mut *tx)
                .await?
        {
            loc_ids.insert(r.try_get("external_key")?, (r.try_get("id")?, r.try_get("organisation_id")?));
        }
        for (org_key, loc) in &batch.locations {
            let org = *org_ids.get(org_key).ok_or_else(|| StoreError::UnknownOrganisation {
                key: org_key.clone(),
                context: format!("location '{}'", loc.external_key),
            })?;
            let district = match &loc.district_key {
                Some(k) => Some(*district_ids.get(k).ok_or_else(|| StoreError::UnknownDistrict {
                    key: k.clone(),
                    context: format!("location '{}' ({})", loc.name, loc.external_key),
                })?),
                None => None,
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO location (municipality_id, organisation_id, external_key, name, street, postcode, city, lat, lon, district_id, is_anchor_point, is_confidential)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                 ON CONFLICT (municipality_id, external_key) DO UPDATE SET organisation_id = excluded.organisation_id, name = excluded.name,
                   street = excluded.street, postcode = excluded.postcode, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
                   district_id = excluded.district_id, is_anchor_point = excluded.is_anchor_point, is_confidential = excluded.is_confidential
                 RETURNING id",
            )
            .bind(municipality)
            .bind(org)
            .bind(&loc.external_key)
            .bind(&loc.name)
            .bind(&loc.street)
            .bind(&loc.postcode)
            .bind(&loc.city)
            .bind(loc.lat)
            .bind(loc.lon)
            .bind(district)
            .bind(loc.is_anchor_point as i64)
            .bind(loc.is_confidential as i64)
            .fetch_one(&mut *tx)
            .await?;
            loc_ids.insert(loc.external_key.clone(), (id, org));
        }
        let mut offer_ids: HashMap<&str, OfferId> = HashMap::new();
        let mut existing_offers: HashMap<String, OfferId> = HashMap::new();
        for r in sqlx::query("SELECT external_key, id FROM offer WHERE municipality_id = $1 AND external_key IS NOT NULL")
            .bind(municipality)
            .fetch_all(&mut *tx)
            .await?
        {
            existing_offers.insert(r.try_get("external_key")?, r.try_get("id")?);
        }
        let mut org_names: HashMap<i64, String> = HashMap::new();
        for r in sqlx::query("SELECT id, name FROM organisation WHERE municipality_id = $1").bind(municipality).fetch_all(&mut *tx).await? {
            org_names.insert(r.try_get("id")?, r.try_get("name")?);
        }
        // the last row of a key wins, as a re-import would
        let mut last_row: HashMap<&str, usize> = HashMap::new();
        for (i, o) in batch.offers.iter().enumerate() {
            last_row.insert(o.external_key.as_str(), i);
        }
        let mut prepared: Vec<(usize, OfferInput)> = Vec::with_capacity(batch.offers.len());
        for (i, o) in batch.offers.iter().enumerate() {
            if last_row.get(o.external_key.as_str()) != Some(&i) {
                continue;
            }
            let org = *org_ids
                .get(&o.organisation_key)
                .ok_or_else(|| StoreError::UnknownOrganisation { key: o.organisation_key.clone(), context: o.origin.clone() })?;
            let mut input = o.input.clone();
            input.organisation_id = org;
            input.location_ids = o
                .location_keys
                .iter()
                .map(|k| {
                    loc_ids.get(k).map(|(id, _)| *id).ok_or_else(|| StoreError::Conflict(format!("{}: unknown location '{k}'", o.origin)))
                })
                .collect::<Result<_>>()?;
            if let Some(old) = existing_offers.remove(&o.external_key) {
                // re-import replaces the record; ids of untouched offers stay stable
                sqlx::query("DELETE FROM offer WHERE id = $1").bind(old).execute(&mut *tx).await?;
            }
            prepared.push((i, input));
        }
        // Many rows per statement: each statement is a round trip to SQLite's worker thread,
        // which cost more than the insert itself. Not too many: sqlx looks up every `$n` by
        // name, so a statement's binding time grows with the square of its parameters (about
        // 500 is the sweet spot). Ids are assigned here (the transaction holds the write lock)
        // so that children can be written in bulk too.
        let mut next_id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM offer").fetch_one(&mut *tx).await?;
        let cols = OFFER_FIELDS.len() + 6;
        const OFFERS_PER_STATEMENT: usize = 16;
        for (n, chunk) in prepared.chunks(OFFERS_PER_STATEMENT).enumerate() {
            let sql = multi_row_insert(
                &format!(
                    "offer ({}, id, municipality_id, organisation_id, external_key, is_fictional, created_at)",
                    OFFER_FIELDS.join(", ")
                ),
                cols,
                chunk.len(),
            );
            let mut q = sqlx::query(&sql);
            let mut children: Vec<(OfferId, &OfferInput)> = Vec::with_capacity(chunk.len());
            for (i, input) in chunk {
                let o = &batch.offers[*i];
                let id = next_id;
                next_id += 1;
                let range = effective_age_range(&vocab, &input.life_phases, input.min_age_months, input.max_age_months);
                let org_name = org_names.get(&input.organisation_id).map(String::as_str).unwrap_or("");
                q = bind_offer_fields(q, input, range, org_name, now.clone())
                    .bind(id)
                    .bind(municipality)
                    .bind(input.organisation_id)
                    .bind(o.external_key.as_str())
                    .bind(o.is_fictional as i64)
                    .bind(now.clone());
                offer_ids.insert(o.external_key.as_str(), id);
                children.push((id, input));
            }
            q.execute(&mut *tx).await?;
            insert_offer_children(&mut tx, &children).await?;
            progress(n * OFFERS_PER_STATEMENT);
        }
        for (key, language, title, description) in &batch.translations {
            let offer =
                *offer_ids.get(key.as_str()).ok_or_else(|| StoreError::Conflict(format!("translation of unknown offer '{key}'")))?;
            sqlx::query(
                "INSERT INTO offer_translation (offer_id, language, title, description) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (offer_id, language) DO UPDATE SET title = excluded.title, description = excluded.description",
            )
            .bind(offer)
            .bind(language)
            .bind(title)
            .bind(description)
            .execute(&mut *tx)
            .await?;
        }
        let report =
            ImportReport { organisations: batch.organisations.len(), locations: batch.locations.len(), offers: batch.offers.len() };
        util::audit(&mut tx, &self.clock, municipality, None, "import", "offer", None, &serde_json::to_string(&report).unwrap_or_default())
            .await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        progress(batch.offers.len());
        Ok(report)
    }

    /// The chain matrix over active offers, optionally limited to a district and its descendants.
    /// Cached per data generation: the aggregation takes ~20 ms over a city's offers, the
    /// generation check a fraction of a millisecond.
    pub async fn chain_matrix(
        &self,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        district: Option<DistrictId>,
    ) -> Result<ChainMatrix> {
        let generation = self.generation(municipality).await?;
        let cached = self.matrix_cache.lock().ok().and_then(|c| c.get(&(municipality, district)).cloned());
        if let Some((g, m)) = cached {
            // vocabulary changes bump the generation too
            if g == generation {
                return Ok(m);
            }
        }
        let matrix = self.compute_chain_matrix(municipality, vocab, district).await?;
        if let Ok(mut cache) = self.matrix_cache.lock() {
            // a new generation makes every entry stale; bound the size for district pages
            cache.retain(|_, (g, _)| *g == generation);
            if cache.len() > 2000 {
                cache.clear();
            }
            cache.insert((municipality, district), (generation, matrix.clone()));
        }
        Ok(matrix)
    }

    async fn compute_chain_matrix(
        &self,
        municipality: MunicipalityId,
        vocab: &Vocabulary,
        district: Option<DistrictId>,
    ) -> Result<ChainMatrix> {
        let district_clause = if district.is_some() {
            " AND EXISTS (SELECT 1 FROM offer_location ol JOIN location l ON l.id = ol.location_id JOIN district s ON s.id = l.district_id
                WHERE ol.offer_id = o.id AND s.path LIKE (SELECT path FROM district WHERE id = $2) || '%')"
        } else {
            " AND $2 = $2"
        };
        // aggregated in SQL: 36 rows cross the driver instead of one per offer and term pair;
        // (offer, kind, code) is unique, so COUNT(*) counts distinct offers
        let cells = sqlx::query(&format!(
            "SELECT p.code AS phase, d.code AS domain, COUNT(*) AS n FROM offer o
             JOIN offer_term p ON p.offer_id = o.id AND p.kind = 'life_phase'
             JOIN offer_term d ON d.offer_id = o.id AND d.kind = 'domain'
             WHERE o.municipality_id = $1 AND o.status = 'active'{district_clause} GROUP BY p.code, d.code"
        ))
        .bind(municipality)
        .bind(district.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let totals = sqlx::query(&format!(
            "SELECT p.code AS phase, COUNT(*) AS n FROM offer o
             JOIN offer_term p ON p.offer_id = o.id AND p.kind = 'life_phase'
             WHERE o.municipality_id = $1 AND o.status = 'active'{district_clause} GROUP BY p.code"
        ))
        .bind(municipality)
        .bind(district.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let mut c = Vec::with_capacity(cells.len());
        for r in &cells {
            c.push((r.try_get::<String, _>("phase")?, r.try_get::<String, _>("domain")?, r.try_get::<i64, _>("n")? as u64));
        }
        let mut t = Vec::with_capacity(totals.len());
        for r in &totals {
            t.push((r.try_get::<String, _>("phase")?, r.try_get::<i64, _>("n")? as u64));
        }
        Ok(ChainMatrix::from_counts(vocab, c.iter().map(|(p, d, n)| (p.as_str(), d.as_str(), *n)), t.iter().map(|(p, n)| (p.as_str(), *n))))
    }

    /// Offer counts by status, for the dashboard.
    pub async fn offer_counts(&self, municipality: MunicipalityId) -> Result<BTreeMap<String, i64>> {
        let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM offer WHERE municipality_id = $1 GROUP BY status")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("status")?, r.try_get("n")?))).collect()
    }
}

/// The columns an offer's content is written to, in the order `bind_offer_fields` binds them.
const OFFER_FIELDS: [&str; 24] = [
    "title",
    "description",
    "min_age_months",
    "max_age_months",
    "eff_min_age_months",
    "eff_max_age_months",
    "prevention_level",
    "cost",
    "access",
    "schedule",
    "capacity",
    "reach_per_year",
    "funding_kind",
    "funding_source",
    "funding_amount_eur",
    "funding_until",
    "status",
    "last_verified_on",
    "contact_email",
    "contact_phone",
    "website",
    "search_text",
    "sort_key",
    "updated_at",
];

fn bind_offer_fields<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    input: &'q OfferInput,
    (eff_min, eff_max): (Option<u32>, Option<u32>),
    organisation_name: &str,
    now: String,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    q.bind(input.title.trim())
        .bind(&input.description)
        .bind(input.min_age_months.map(i64::from))
        .bind(input.max_age_months.map(i64::from))
        .bind(eff_min.map(i64::from))
        .bind(eff_max.map(i64::from))
        .bind(input.prevention_level.as_str())
        .bind(input.cost.as_str())
        .bind(input.access.as_str())
        .bind(&input.schedule)
        .bind(input.capacity.map(i64::from))
        .bind(input.reach_per_year.map(i64::from))
        .bind(input.funding.kind.map(|k| k.as_str()))
        .bind(&input.funding.source)
        .bind(input.funding.amount_eur)
        .bind(input.funding.until.map(util::date_to_text))
        .bind(input.status.as_str())
        .bind(input.last_verified_on.map(util::date_to_text))
        .bind(&input.contact_email)
        .bind(&input.contact_phone)
        .bind(&input.website)
        .bind(util::search_text(&[&input.title, &input.description, organisation_name]))
        .bind(util::sort_key(&input.title))
        .bind(now)
}

pub(crate) async fn insert_offer(
    conn: &mut AnyConnection,
    clock: &kette_domain::Clock,
    municipality: MunicipalityId,
    input: &OfferInput,
    vocab: &Vocabulary,
    external_key: Option<&str>,
    is_fictional: bool,
    known_org_name: Option<&str>,
) -> Result<OfferId> {
    let org_name: String = match known_org_name {
        Some(n) => n.to_string(),
        None => sqlx::query_scalar("SELECT name FROM organisation WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(input.organisation_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("organisation {}", input.organisation_id)))?,
    };
    let (eff_min, eff_max) = effective_age_range(vocab, &input.life_phases, input.min_age_months, input.max_age_months);
    let n = OFFER_FIELDS.len();
    let sql = format!(
        "INSERT INTO offer ({}, municipality_id, organisation_id, external_key, is_fictional, created_at) VALUES ({}) RETURNING id",
        OFFER_FIELDS.join(", "),
        util::placeholders(1, n + 5)
    );
    let now = clock.timestamp();
    let id: i64 = bind_offer_fields(sqlx::query(&sql), input, (eff_min, eff_max), &org_name, now.clone())
        .bind(municipality)
        .bind(input.organisation_id)
        .bind(external_key)
        .bind(is_fictional as i64)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?
        .try_get("id")?;
    insert_offer_children(conn, &[(id, input)]).await?;
    Ok(id)
}

/// `INSERT INTO table (cols) VALUES (...), (...)` for `rows` rows of `width` parameters.
fn multi_row_insert(table_and_columns: &str, width: usize, rows: usize) -> String {
    let values: Vec<String> = (0..rows).map(|r| format!("({})", util::placeholders(1 + r * width, width))).collect();
    format!("INSERT INTO {table_and_columns} VALUES {}", values.join(", "))
}

/// Terms, languages and places of these offers, many rows per statement (see `import_batch`
/// on why not all in one).
async fn insert_offer_children(conn: &mut AnyConnection, offers: &[(OfferId, &OfferInput)]) -> Result<()> {
    let mut terms: Vec<(i64, &str, &str)> = vec![];
    let mut languages: Vec<(i64, &str)> = vec![];
    let mut places: Vec<(i64, i64)> = vec![];
    for (id, input) in offers {
        let id = *id;
        for (kind, codes) in [
            (TermKind::LifePhase, &input.life_phases),
            (TermKind::Domain, &input.domains),
            (TermKind::TargetGroup, &input.target_groups),
            (TermKind::Transition, &input.transitions),
        ] {
            for c in codes {
                if !terms.contains(&(id, kind.as_str(), c.as_str())) {
                    terms.push((id, kind.as_str(), c));
                }
            }
        }
        for l in &input.languages {
            if !languages.contains(&(id, l.as_str())) {
                languages.push((id, l));
            }
        }
        for l in &input.location_ids {
            if !places.contains(&(id, *l)) {
                places.push((id, *l));
            }
        }
    }
    for part in terms.chunks(160) {
        let sql = multi_row_insert("offer_term (offer_id, kind, code)", 3, part.len());
        let q = part.iter().fold(sqlx::query(&sql), |q, (id, k, c)| q.bind(*id).bind(*k).bind(*c));
        q.execute(&mut *conn).await?;
    }
    for part in languages.chunks(250) {
        let sql = multi_row_insert("offer_language (offer_id, language)", 2, part.len());
        let q = part.iter().fold(sqlx::query(&sql), |q, (id, l)| q.bind(*id).bind(*l));
        q.execute(&mut *conn).await?;
    }
    for part in places.chunks(250) {
        let sql = multi_row_insert("offer_location (offer_id, location_id)", 2, part.len());
        let q = part.iter().fold(sqlx::query(&sql), |q, (id, l)| q.bind(*id).bind(*l));
        q.execute(&mut *conn).await?;
    }
    Ok(())
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
