use kette_domain::validate::{is_term_code, validate_location, validate_organisation_details};
use kette_domain::{AccountId, DistrictId, Location, LocationId, LocationInput, MunicipalityId, OrganisationDetails, OrganisationId, Term};

use crate::offers::location_from_row;
use crate::{util, Result, Store, StoreError};

/// The columns a location's content is written to, in the order `bind_location_fields` binds them.
const LOCATION_FIELDS: [&str; 9] =
    ["name", "street", "postcode", "city", "lat", "lon", "district_id", "is_anchor_point", "is_confidential"];

/// Binds a location's content to either a plain query or a scalar query, in `LOCATION_FIELDS` order.
macro_rules! bind_location_fields_impl {
    ($q:expr, $input:expr) => {
        $q.bind($input.name.trim())
            .bind($input.street.trim())
            .bind($input.postcode.trim())
            .bind($input.city.trim())
            .bind($input.lat)
            .bind($input.lon)
            .bind($input.district_id)
            .bind($input.is_anchor_point as i64)
            .bind($input.is_confidential as i64)
    };
}
use bind_location_fields_impl as bind_location_fields;

impl Store {
    pub async fn location(&self, municipality: MunicipalityId, id: LocationId) -> Result<Location> {
        let row = sqlx::query("SELECT * FROM location WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("location {id}")))?;
        location_from_row(&row)
    }

    /// The finest district level of a municipality (where locations are assigned).
    pub async fn finest_district_level(&self, municipality: MunicipalityId) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(level) FROM district WHERE municipality_id = $1")
            .bind(municipality)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn check_district(&self, municipality: MunicipalityId, district: Option<DistrictId>) -> Result<()> {
        if let Some(d) = district {
            let found: Option<i64> = sqlx::query_scalar("SELECT id FROM district WHERE municipality_id = $1 AND id = $2")
                .bind(municipality)
                .bind(d)
                .fetch_optional(&self.pool)
                .await?;
            if found.is_none() {
                return Err(StoreError::Invalid {
                    context: "location".into(),
                    errors: kette_domain::ValidationErrors(vec![kette_domain::FieldError::new(
                        "district_id",
                        "error-unknown-district",
                        format!("no district {d}"),
                    )]),
                });
            }
        }
        Ok(())
    }

    pub async fn create_location(
        &self,
        municipality: MunicipalityId,
        organisation: OrganisationId,
        input: &LocationInput,
        by: Option<AccountId>,
    ) -> Result<LocationId> {
        self.insert_location(municipality, organisation, input, by, false).await
    }

    /// A partner's new place: stored, but seen only by the partner and coordination until the
    /// coordinator approves it (like a new offer).
    pub async fn propose_new_place(
        &self,
        municipality: MunicipalityId,
        organisation: OrganisationId,
        input: &LocationInput,
        by: Option<AccountId>,
    ) -> Result<LocationId> {
        self.insert_location(municipality, organisation, input, by, true).await
    }

    async fn insert_location(
        &self,
        municipality: MunicipalityId,
        organisation: OrganisationId,
        input: &LocationInput,
        by: Option<AccountId>,
        as_proposal: bool,
    ) -> Result<LocationId> {
        validate_location(input).map_err(|errors| StoreError::Invalid { context: "location".into(), errors })?;
        self.check_district(municipality, input.district_id).await?;
        self.organisation(municipality, organisation).await?;
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "INSERT INTO location ({}, municipality_id, organisation_id, approval) VALUES ({}) RETURNING id",
            LOCATION_FIELDS.join(", "),
            util::placeholders(1, LOCATION_FIELDS.len() + 3)
        );
        let approval = if as_proposal { "pending" } else { "approved" };
        let id: i64 = bind_location_fields!(sqlx::query_scalar(&sql), input)
            .bind(municipality)
            .bind(organisation)
            .bind(approval)
            .fetch_one(&mut *tx)
            .await?;
        if as_proposal {
            crate::review::insert_change(
                &mut tx,
                &self.clock,
                municipality,
                crate::review::Target::location(id),
                true,
                &crate::review::Proposal::Place(input.clone()),
                by,
            )
            .await?;
            util::audit(&mut tx, &self.clock, municipality, by, "propose", "location", Some(id), &input.name).await?;
        } else {
            util::audit(&mut tx, &self.clock, municipality, by, "create", "location", Some(id), &input.name).await?;
        }
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_location(
        &self,
        municipality: MunicipalityId,
        id: LocationId,
        input: &LocationInput,
        by: Option<AccountId>,
    ) -> Result<()> {
        self.check_location(municipality, id, input).await?;
        let mut tx = self.begin_write().await?;
        write_location(&mut tx, municipality, id, input).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "location", Some(id), &input.name).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The rules a place's new content must meet (also checked before a partner's proposal is stored).
    pub(crate) async fn check_location(&self, municipality: MunicipalityId, id: LocationId, input: &LocationInput) -> Result<()> {
        validate_location(input).map_err(|errors| StoreError::Invalid { context: format!("location {id}"), errors })?;
        self.check_district(municipality, input.district_id).await
    }

    /// Updates description, contact data and the named contact persons in one transaction.
    pub async fn update_organisation_details(
        &self,
        municipality: MunicipalityId,
        id: OrganisationId,
        d: &OrganisationDetails,
        by: Option<AccountId>,
    ) -> Result<()> {
        validate_organisation_details(d).map_err(|errors| StoreError::Invalid { context: format!("organisation {id}"), errors })?;
        let mut tx = self.begin_write().await?;
        write_organisation_details(&mut tx, &self.clock, municipality, id, d).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "organisation", Some(id), &format!("{} contacts", d.contacts.len()))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Renames a term or changes its age range; the code, which records refer to, stays.
    pub async fn update_term(&self, municipality: MunicipalityId, term: &Term, by: Option<AccountId>) -> Result<()> {
        if term.label_de.trim().is_empty() {
            return Err(StoreError::Invalid {
                context: format!("term {}", term.code),
                errors: kette_domain::ValidationErrors(vec![kette_domain::FieldError::new(
                    "label_de",
                    "error-required",
                    "a German label is required",
                )]),
            });
        }
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE vocabulary_term SET label_de = $1, label_en = $2, min_age_months = $3, max_age_months = $4, sort = $5
             WHERE municipality_id = $6 AND kind = $7 AND code = $8",
        )
        .bind(term.label_de.trim())
        .bind(term.label_en.trim())
        .bind(term.min_age_months.map(i64::from))
        .bind(term.max_age_months.map(i64::from))
        .bind(term.sort)
        .bind(municipality)
        .bind(term.kind.as_str())
        .bind(&term.code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("term {} {}", term.kind.as_str(), term.code)));
        }
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            "update",
            "vocabulary_term",
            None,
            &format!("{}:{}", term.kind.as_str(), term.code),
        )
        .await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Extends the vocabulary with a new term.
    pub async fn add_term(&self, municipality: MunicipalityId, term: &Term, by: Option<AccountId>) -> Result<()> {
        let mut errors = vec![];
        if !is_term_code(&term.code) {
            errors.push(kette_domain::FieldError::new(
                "code",
                "error-term-code",
                "lower-case letters, digits and _; starting with a letter",
            ));
        }
        if term.label_de.trim().is_empty() {
            errors.push(kette_domain::FieldError::new("label_de", "error-required", "a German label is required"));
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid { context: "term".into(), errors: kette_domain::ValidationErrors(errors) });
        }
        if self.vocabulary(municipality).await?.contains(term.kind, &term.code) {
            return Err(StoreError::Invalid {
                context: "term".into(),
                errors: kette_domain::ValidationErrors(vec![kette_domain::FieldError::new(
                    "code",
                    "error-term-exists",
                    "this code exists already",
                )]),
            });
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO vocabulary_term (municipality_id, kind, code, label_de, label_en, min_age_months, max_age_months, sort)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(municipality)
        .bind(term.kind.as_str())
        .bind(&term.code)
        .bind(term.label_de.trim())
        .bind(term.label_en.trim())
        .bind(term.min_age_months.map(i64::from))
        .bind(term.max_age_months.map(i64::from))
        .bind(term.sort)
        .execute(&mut *tx)
        .await?;
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            "create",
            "vocabulary_term",
            None,
            &format!("{}:{}", term.kind.as_str(), term.code),
        )
        .await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The content part of a place update inside the caller's transaction; `input` must be checked.
pub(crate) async fn write_location(
    conn: &mut sqlx::AnyConnection,
    municipality: MunicipalityId,
    id: LocationId,
    input: &LocationInput,
) -> Result<()> {
    let assignments: Vec<String> = LOCATION_FIELDS.iter().enumerate().map(|(i, f)| format!("{f} = ${}", i + 1)).collect();
    let n = LOCATION_FIELDS.len();
    let sql = format!("UPDATE location SET {} WHERE municipality_id = ${} AND id = ${}", assignments.join(", "), n + 1, n + 2);
    let n = bind_location_fields!(sqlx::query(&sql), input).bind(municipality).bind(id).execute(conn).await?.rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound(format!("location {id}")));
    }
    Ok(())
}

/// Description, contact data and contact persons of an organisation inside the caller's
/// transaction; `d` must be validated.
pub(crate) async fn write_organisation_details(
    conn: &mut sqlx::AnyConnection,
    clock: &kette_domain::Clock,
    municipality: MunicipalityId,
    id: OrganisationId,
    d: &OrganisationDetails,
) -> Result<()> {
    let n = sqlx::query(
        "UPDATE organisation SET description = $1, website = $2, email = $3, phone = $4, updated_at = $5 WHERE municipality_id = $6 AND id = $7",
    )
    .bind(d.description.trim())
    .bind(d.website.trim())
    .bind(d.email.trim())
    .bind(d.phone.trim())
    .bind(clock.timestamp())
    .bind(municipality)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound(format!("organisation {id}")));
    }
    sqlx::query("DELETE FROM contact_person WHERE organisation_id = $1").bind(id).execute(&mut *conn).await?;
    for c in &d.contacts {
        sqlx::query("INSERT INTO contact_person (organisation_id, name, role, email, phone) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(c.name.trim())
            .bind(c.role.trim())
            .bind(c.email.trim())
            .bind(c.phone.trim())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
