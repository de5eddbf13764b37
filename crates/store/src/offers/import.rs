//! The directory import: a whole batch of organisations, places and offers in one transaction, upserted by external key.

use super::*;

impl Store {
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
}
