//! Cooperation agreements (issue 16): parties, duties, contacts and document, written whole in
//! one transaction.

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

use kette_domain::agreements::{AgreementInput, Duty};
use kette_domain::{AccountId, FieldError, MunicipalityId, TermKind, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// A partner's proposal: a change to an agreement, or a new one.
#[derive(Debug, Clone)]
pub struct AgreementProposal {
    pub id: i64,
    /// None: a new agreement.
    pub agreement_id: Option<i64>,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub proposed: AgreementInput,
    /// `pending`, `approved` or `rejected`
    pub state: String,
    pub reason: String,
    pub created_at: String,
}

/// A stored agreement with the names of its parties.
#[derive(Debug, Clone)]
pub struct Agreement {
    pub id: i64,
    pub input: AgreementInput,
    /// (id, name) of the parties, by name.
    pub parties: Vec<(i64, String)>,
    pub is_fictional: bool,
}

fn iso(d: Option<time::Date>) -> Option<String> {
    d.map(util::date_to_text)
}

impl Store {
    /// Every agreement of the municipality, or those `organisation` is a party to; newest first.
    pub async fn agreements(&self, municipality: MunicipalityId, organisation: Option<i64>) -> Result<Vec<Agreement>> {
        let rows = sqlx::query(
            "SELECT a.* FROM agreement a WHERE a.municipality_id = $1
               AND ($2 = 0 OR EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.organisation_id = $2))
             ORDER BY a.id DESC",
        )
        .bind(municipality)
        .bind(organisation.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        let parties = sqlx::query(
            "SELECT p.agreement_id, o.id, o.name FROM agreement_party p JOIN organisation o ON o.id = p.organisation_id
             JOIN agreement a ON a.id = p.agreement_id WHERE a.municipality_id = $1 ORDER BY o.sort_key",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut by_agreement: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        for r in parties {
            by_agreement.entry(r.try_get(0)?).or_default().push((r.try_get(1)?, r.try_get(2)?));
        }
        let duties = sqlx::query(
            "SELECT d.* FROM agreement_duty d JOIN agreement a ON a.id = d.agreement_id WHERE a.municipality_id = $1 ORDER BY d.id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut duties_of: HashMap<i64, Vec<Duty>> = HashMap::new();
        for r in duties {
            duties_of.entry(r.try_get("agreement_id")?).or_default().push(Duty {
                organisation_id: r.try_get("organisation_id")?,
                task: r.try_get("task")?,
                life_phase: r.try_get("life_phase")?,
                transition: r.try_get("transition")?,
                district_id: r.try_get("district_id")?,
            });
        }
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let parties = by_agreement.remove(&id).unwrap_or_default();
                Ok(Agreement {
                    id,
                    input: AgreementInput {
                        kind: r.try_get("kind")?,
                        title: r.try_get("title")?,
                        organisation_ids: parties.iter().map(|(id, _)| *id).collect(),
                        since: util::text_to_date(r.try_get("since")?),
                        until: util::text_to_date(r.try_get("until")?),
                        duties: duties_of.remove(&id).unwrap_or_default(),
                        contacts: r.try_get("contacts")?,
                        document_url: r.try_get("document_url")?,
                    },
                    parties,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect()
    }

    pub async fn agreement(&self, municipality: MunicipalityId, id: i64) -> Result<Option<Agreement>> {
        Ok(self.agreements(municipality, None).await?.into_iter().find(|a| a.id == id))
    }

    async fn check_agreement(&self, conn: &mut AnyConnection, municipality: MunicipalityId, input: &AgreementInput) -> Result<()> {
        let mut errors = input.validate().err().unwrap_or_default();
        let vocab = self.vocabulary(municipality).await?;
        if vocab.get(TermKind::AgreementKind, &input.kind).is_none() {
            errors.push(FieldError::new("kind", "error-unknown-term", format!("unknown agreement kind '{}'", input.kind)));
        }
        for d in &input.duties {
            let phase_ok = d.life_phase.as_deref().is_none_or(|p| vocab.get(TermKind::LifePhase, p).is_some());
            let transition_ok = d.transition.as_deref().is_none_or(|t| vocab.get(TermKind::Transition, t).is_some());
            if !phase_ok || !transition_ok {
                errors.push(FieldError::new("duties", "error-unknown-term", "unknown life phase or transition"));
                break;
            }
        }
        let districts: Vec<i64> = input.duties.iter().filter_map(|d| d.district_id).collect();
        for (field, table, ids) in [("organisation_ids", "organisation", &input.organisation_ids), ("duties", "district", &districts)] {
            for id in ids {
                if !util::belongs(conn, municipality, table, *id).await? {
                    errors.push(FieldError::new(field, "error-unknown", format!("no {table} {id} here")));
                    break;
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Invalid { context: "agreement".into(), errors: ValidationErrors(errors) })
        }
    }

    pub async fn create_agreement(
        &self,
        municipality: MunicipalityId,
        input: &AgreementInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.check_agreement(&mut tx, municipality, input).await?;
        let id = insert_row(&mut tx, municipality, input, is_fictional, None, &self.clock.timestamp()).await?;
        write_parts(&mut tx, id, input).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "agreement", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_agreement(
        &self,
        municipality: MunicipalityId,
        id: i64,
        input: &AgreementInput,
        by: Option<AccountId>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        self.check_agreement(&mut tx, municipality, input).await?;
        let changed = update_row(&mut tx, municipality, id, input, &self.clock.timestamp()).await?;
        if !changed {
            return Err(StoreError::NotFound(format!("agreement {id}")));
        }
        write_parts(&mut tx, id, input).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "agreement", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// A partner's proposal for an agreement its organisation is a party to (or a new one with
    /// its organisation as a party): checked like an agreement, kept until the coordination
    /// decides.
    pub async fn propose_agreement(
        &self,
        municipality: MunicipalityId,
        agreement: Option<i64>,
        organisation: i64,
        input: &AgreementInput,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        self.check_agreement(&mut tx, municipality, input).await?;
        let mut errors = vec![];
        if !input.organisation_ids.contains(&organisation) {
            errors.push(FieldError::new("organisation_ids", "error-agreement-own-party", "your organisation stays a party"));
        }
        if let Some(id) = agreement {
            let party: Option<i64> = sqlx::query_scalar(
                "SELECT p.agreement_id FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
                 WHERE a.id = $1 AND a.municipality_id = $2 AND p.organisation_id = $3",
            )
            .bind(id)
            .bind(municipality)
            .bind(organisation)
            .fetch_optional(&mut *tx)
            .await?;
            if party.is_none() {
                return Err(StoreError::NotFound(format!("agreement {id} of organisation {organisation}")));
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid { context: "agreement proposal".into(), errors: ValidationErrors(errors) });
        }
        let proposed = serde_json::to_string(input).map_err(|e| StoreError::Conflict(e.to_string()))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agreement_proposal (municipality_id, agreement_id, organisation_id, proposed, proposed_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(municipality)
        .bind(agreement)
        .bind(organisation)
        .bind(&proposed)
        .bind(by)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "agreement", agreement, &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Proposals of the municipality (or of one organisation), pending first, newest first.
    pub async fn agreement_proposals(&self, municipality: MunicipalityId, organisation: Option<i64>) -> Result<Vec<AgreementProposal>> {
        let rows = sqlx::query(
            "SELECT p.*, o.name AS organisation_name FROM agreement_proposal p JOIN organisation o ON o.id = p.organisation_id
             WHERE p.municipality_id = $1 AND ($2 = 0 OR p.organisation_id = $2)
             ORDER BY p.state <> 'pending', p.created_at DESC, p.id DESC",
        )
        .bind(municipality)
        .bind(organisation.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let proposed: String = r.try_get("proposed")?;
                Ok(AgreementProposal {
                    id: r.try_get("id")?,
                    agreement_id: r.try_get("agreement_id")?,
                    organisation_id: r.try_get("organisation_id")?,
                    organisation_name: r.try_get("organisation_name")?,
                    proposed: serde_json::from_str(&proposed).map_err(|e| StoreError::Conflict(format!("stored proposal: {e}")))?,
                    state: r.try_get("state")?,
                    reason: r.try_get("reason")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// The coordination's decision: approving applies the proposal (the agreement is changed or
    /// made) in the same transaction; rejecting keeps the reason for the partner.
    pub async fn decide_agreement_proposal(
        &self,
        municipality: MunicipalityId,
        id: i64,
        approve: bool,
        reason: &str,
        by: Option<AccountId>,
    ) -> Result<Option<i64>> {
        let proposal = self
            .agreement_proposals(municipality, None)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("agreement proposal {id}")))?;
        if proposal.state != "pending" {
            return Err(StoreError::Conflict(format!("proposal {id} is {} already", proposal.state)));
        }
        if !approve && reason.trim().is_empty() {
            let errors = vec![FieldError::new("reason", "error-reject-reason", "say why, so the partner can improve it")];
            return Err(StoreError::Invalid { context: "agreement proposal".into(), errors: ValidationErrors(errors) });
        }
        let mut tx = self.begin_write().await?;
        let mut applied = None;
        if approve {
            self.check_agreement(&mut tx, municipality, &proposal.proposed).await?;
            let input = &proposal.proposed;
            let now = self.clock.timestamp();
            let agreement = match proposal.agreement_id {
                Some(a) => {
                    update_row(&mut tx, municipality, a, input, &now).await?;
                    a
                }
                None => insert_row(&mut tx, municipality, input, false, None, &now).await?,
            };
            write_parts(&mut tx, agreement, input).await?;
            applied = Some(agreement);
        }
        sqlx::query("UPDATE agreement_proposal SET state = $1, reason = $2, decided_at = $3 WHERE id = $4")
            .bind(if approve { "approved" } else { "rejected" })
            .bind(reason.trim())
            .bind(self.clock.timestamp())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let action = if approve { "approve" } else { "reject" };
        util::audit(
            &mut tx,
            &self.clock,
            municipality,
            by,
            action,
            "agreement",
            applied.or(proposal.agreement_id),
            &proposal.proposed.title,
        )
        .await?;
        tx.commit().await?;
        Ok(applied)
    }

    /// Organisations by their import key and by their name (lower case), for resolving the names
    /// an agreement table uses: key → id and name → ids (a name may be shared).
    pub async fn organisation_names(&self, municipality: MunicipalityId) -> Result<(HashMap<String, i64>, HashMap<String, Vec<i64>>)> {
        let rows = sqlx::query("SELECT id, external_key, name FROM organisation WHERE municipality_id = $1")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        let (mut keys, mut names): (HashMap<String, i64>, HashMap<String, Vec<i64>>) = Default::default();
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            if let Some(k) = r.try_get::<Option<String>, _>("external_key")?.filter(|k| !k.is_empty()) {
                keys.insert(k, id);
            }
            names.entry(r.try_get::<String, _>("name")?.trim().to_lowercase()).or_default().push(id);
        }
        Ok((keys, names))
    }

    /// Writes a whole agreement table in one transaction: agreements with a key imported before
    /// are replaced, the others added. Any refused agreement refuses the table, naming its key.
    /// Returns (added, replaced).
    pub async fn import_agreements(
        &self,
        municipality: MunicipalityId,
        agreements: &[(String, AgreementInput)],
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<(usize, usize)> {
        let mut tx = self.begin_write().await?;
        let (mut added, mut replaced) = (0, 0);
        for (key, input) in agreements {
            if let Err(StoreError::Invalid { errors, .. }) = self.check_agreement(&mut tx, municipality, input).await {
                return Err(StoreError::Invalid { context: format!("agreement '{key}'"), errors });
            }
            let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM agreement WHERE municipality_id = $1 AND external_key = $2")
                .bind(municipality)
                .bind(key)
                .fetch_optional(&mut *tx)
                .await?;
            let now = self.clock.timestamp();
            let id = match existing {
                Some(id) => {
                    update_row(&mut tx, municipality, id, input, &now).await?;
                    replaced += 1;
                    id
                }
                None => {
                    added += 1;
                    insert_row(&mut tx, municipality, input, is_fictional, Some(key), &now).await?
                }
            };
            write_parts(&mut tx, id, input).await?;
            util::audit(&mut tx, &self.clock, municipality, by, "import", "agreement", Some(id), &input.title).await?;
        }
        tx.commit().await?;
        Ok((added, replaced))
    }
}

/// The agreement's own row, new: returns its id.
async fn insert_row(
    conn: &mut AnyConnection,
    municipality: MunicipalityId,
    input: &AgreementInput,
    is_fictional: bool,
    external_key: Option<&str>,
    now: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO agreement (municipality_id, kind, title, since, until, contacts, document_url, is_fictional, created_at, updated_at, external_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING id",
    )
    .bind(municipality)
    .bind(&input.kind)
    .bind(input.title.trim())
    .bind(iso(input.since))
    .bind(iso(input.until))
    .bind(input.contacts.trim())
    .bind(input.document_url.trim())
    .bind(is_fictional as i64)
    .bind(now)
    .bind(external_key)
    .fetch_one(&mut *conn)
    .await?)
}

/// The agreement's own row, changed: false when there is no such agreement here.
async fn update_row(conn: &mut AnyConnection, municipality: MunicipalityId, id: i64, input: &AgreementInput, now: &str) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE agreement SET kind = $1, title = $2, since = $3, until = $4, contacts = $5, document_url = $6, updated_at = $7
         WHERE id = $8 AND municipality_id = $9",
    )
    .bind(&input.kind)
    .bind(input.title.trim())
    .bind(iso(input.since))
    .bind(iso(input.until))
    .bind(input.contacts.trim())
    .bind(input.document_url.trim())
    .bind(now)
    .bind(id)
    .bind(municipality)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        > 0)
}

async fn write_parts(conn: &mut AnyConnection, id: i64, input: &AgreementInput) -> Result<()> {
    sqlx::query("DELETE FROM agreement_party WHERE agreement_id = $1").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM agreement_duty WHERE agreement_id = $1").bind(id).execute(&mut *conn).await?;
    for organisation in &input.organisation_ids {
        sqlx::query("INSERT INTO agreement_party (agreement_id, organisation_id) VALUES ($1, $2)")
            .bind(id)
            .bind(organisation)
            .execute(&mut *conn)
            .await?;
    }
    for d in &input.duties {
        sqlx::query(
            "INSERT INTO agreement_duty (agreement_id, organisation_id, task, life_phase, transition, district_id) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(d.organisation_id)
        .bind(d.task.trim())
        .bind(d.life_phase.as_deref())
        .bind(d.transition.as_deref())
        .bind(d.district_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Each organisation's main domain: the domain most of its offers name (ties by code), for
    /// reading the network across domains.
    pub async fn organisation_main_domains(&self, municipality: MunicipalityId) -> Result<HashMap<i64, String>> {
        let rows = sqlx::query(
            "SELECT o.organisation_id, t.code, COUNT(*) AS n FROM offer o JOIN offer_term t ON t.offer_id = o.id AND t.kind = 'domain'
             WHERE o.municipality_id = $1 GROUP BY o.organisation_id, t.code ORDER BY o.organisation_id, n DESC, t.code",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut out = HashMap::new();
        for r in rows {
            out.entry(r.try_get::<i64, _>(0)?).or_insert(r.try_get::<String, _>(1)?);
        }
        Ok(out)
    }
}
