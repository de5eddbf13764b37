//! Writing one offer: create, update, the content part shared with approvals, and the row and child inserts the import uses too.

use super::*;

impl Store {
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
}

/// The columns an offer's content is written to, in the order `bind_offer_fields` binds them.
pub(super) const OFFER_FIELDS: [&str; 24] = [
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

pub(super) fn bind_offer_fields<'q>(
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
pub(super) fn multi_row_insert(table_and_columns: &str, width: usize, rows: usize) -> String {
    let values: Vec<String> = (0..rows).map(|r| format!("({})", util::placeholders(1 + r * width, width))).collect();
    format!("INSERT INTO {table_and_columns} VALUES {}", values.join(", "))
}

/// Terms, languages and places of these offers, many rows per statement (see `import_batch`
/// on why not all in one).
pub(super) async fn insert_offer_children(conn: &mut AnyConnection, offers: &[(OfferId, &OfferInput)]) -> Result<()> {
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
