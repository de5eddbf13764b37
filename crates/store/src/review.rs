//! Approval of partners' proposals and the verification cycle: policy, proposals, decisions,
//! confirmations and the reminder log. The rules themselves live in `kette_domain::review`.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use time::Date;

use kette_domain::review::{Approval, Freshness, ReviewPolicy};
use kette_domain::validate::{validate_offer, validate_organisation_details};
use kette_domain::{
    AccountId, FieldError, LocationId, LocationInput, MunicipalityId, OfferId, OfferInput, OrganisationDetails, OrganisationId,
    ValidationErrors,
};

use crate::finder::{write_translations, OfferTranslation};
use crate::locations::{write_location, write_organisation_details};
use crate::offers::insert_offer;
use crate::{util, Result, Store, StoreError};

/// What a proposal is about: an offer, a place or an organisation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Target {
    pub offer: Option<OfferId>,
    pub location: Option<LocationId>,
    pub organisation: Option<OrganisationId>,
}

impl Target {
    pub fn offer(id: OfferId) -> Self {
        Target { offer: Some(id), ..Default::default() }
    }
    pub fn location(id: LocationId) -> Self {
        Target { location: Some(id), ..Default::default() }
    }
    pub fn organisation(id: OrganisationId) -> Self {
        Target { organisation: Some(id), ..Default::default() }
    }
}

impl OfferChange {
    /// The audit log's entity for this proposal.
    fn audit_target(&self) -> (&'static str, i64) {
        match (&self.proposed, self.offer_id, self.location_id) {
            (Proposal::Organisation(_), _, _) => ("organisation", self.organisation_id),
            (_, _, Some(l)) => ("location", l),
            (_, o, _) => ("offer", o.unwrap_or(0)),
        }
    }
}

/// What a partner proposes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // a handful live at a time; boxing would only add noise to every match
pub enum Proposal {
    /// The offer form's content (a new offer or a change).
    Content(OfferInput),
    /// The offer's translations and Leichte-Sprache text.
    Texts(Vec<OfferTranslation>),
    /// A place of the organisation.
    Place(LocationInput),
    /// The organisation's description, contact data and contact persons.
    Organisation(OrganisationDetails),
}

impl Proposal {
    fn kind(&self) -> &'static str {
        match self {
            Proposal::Content(_) => "content",
            Proposal::Texts(_) => "texts",
            Proposal::Place(_) => "place",
            Proposal::Organisation(_) => "organisation",
        }
    }
}

/// A partner's proposal waiting for (or decided by) a coordinator.
#[derive(Debug, Clone, Serialize)]
pub struct OfferChange {
    pub id: i64,
    /// The offer concerned (content and texts); a place change has none.
    pub offer_id: Option<OfferId>,
    pub location_id: Option<LocationId>,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    /// The current (public) title of the offer or name of the place.
    pub title: String,
    pub is_new: bool,
    pub proposed: Proposal,
    pub proposed_by: Option<String>,
    pub proposed_at: String,
    pub state: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub reason: String,
}

/// An offer in the verification list.
#[derive(Debug, Clone, Serialize)]
pub struct DueOffer {
    pub id: OfferId,
    pub title: String,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub last_verified_on: Option<Date>,
    pub freshness: Freshness,
}

/// Who is told about which due offers of one organisation.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderTarget {
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub recipients: Vec<String>,
    pub offers: Vec<DueOffer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentReminder {
    pub organisation_name: String,
    pub sent_at: String,
    pub recipients: String,
    pub offers: i64,
    pub outcome: String,
}

fn invalid(field: &str, code: &str, detail: &str) -> StoreError {
    StoreError::Invalid { context: "review".into(), errors: ValidationErrors(vec![FieldError::new(field, code, detail)]) }
}

const CHANGE_SELECT: &str =
    "SELECT c.*, COALESCE(o.title, l.name, org.name) AS title, org.id AS organisation_id, org.name AS organisation_name,
        p.display_name AS proposer, d.display_name AS decider
    FROM offer_change c LEFT JOIN offer o ON o.id = c.offer_id LEFT JOIN location l ON l.id = c.location_id
    JOIN organisation org ON org.id = COALESCE(o.organisation_id, l.organisation_id, c.organisation_id)
    LEFT JOIN account p ON p.id = c.proposed_by LEFT JOIN account d ON d.id = c.decided_by";

fn change_from_row(r: &sqlx::any::AnyRow) -> Result<OfferChange> {
    let proposed: String = r.try_get("proposed")?;
    let kind: String = r.try_get("kind")?;
    let unreadable = |e: serde_json::Error| {
        StoreError::Conflict(format!("stored proposal {} is unreadable: {e}", r.try_get::<i64, _>("id").unwrap_or(0)))
    };
    let proposed = match kind.as_str() {
        "texts" => Proposal::Texts(serde_json::from_str(&proposed).map_err(unreadable)?),
        "place" => Proposal::Place(serde_json::from_str(&proposed).map_err(unreadable)?),
        "organisation" => Proposal::Organisation(serde_json::from_str(&proposed).map_err(unreadable)?),
        _ => Proposal::Content(serde_json::from_str(&proposed).map_err(unreadable)?),
    };
    Ok(OfferChange {
        id: r.try_get("id")?,
        offer_id: r.try_get("offer_id")?,
        location_id: r.try_get("location_id")?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        title: r.try_get("title")?,
        is_new: r.try_get::<i64, _>("is_new")? != 0,
        proposed,
        proposed_by: r.try_get("proposer")?,
        proposed_at: r.try_get("proposed_at")?,
        state: r.try_get("state")?,
        decided_by: r.try_get("decider")?,
        decided_at: r.try_get("decided_at")?,
        reason: r.try_get("reason")?,
    })
}

impl Store {
    pub async fn set_review_policy(&self, municipality: MunicipalityId, policy: &ReviewPolicy, by: Option<AccountId>) -> Result<()> {
        policy.validate().map_err(|errors| StoreError::Invalid { context: "review policy".into(), errors: ValidationErrors(errors) })?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE municipality SET approval_required = $1, verify_every_months = $2, hide_after_days = $3, remind_every_days = $4 WHERE id = $5",
        )
        .bind(policy.approval_required as i64)
        .bind(policy.verify_every_months as i64)
        .bind(policy.hide_after_days.map(|d| d as i64))
        .bind(policy.remind_every_days as i64)
        .bind(municipality)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::to_string(policy).unwrap_or_default();
        util::audit(&mut tx, &self.clock, municipality, by, "update", "review_policy", None, &detail).await?;
        // what is public may change with the policy
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A partner's new offer: stored, not public, waiting for a coordinator.
    pub async fn propose_new_offer(&self, municipality: MunicipalityId, input: &OfferInput, by: Option<AccountId>) -> Result<OfferId> {
        let vocab = self.vocabulary(municipality).await?;
        validate_offer(input, &vocab).map_err(|errors| StoreError::Invalid { context: "offer".into(), errors })?;
        let mut tx = self.begin_write().await?;
        self.check_locations(&mut tx, municipality, input).await?;
        let id = insert_offer(&mut tx, &self.clock, municipality, input, &vocab, None, false, None).await?;
        sqlx::query("UPDATE offer SET approval = 'pending' WHERE id = $1").bind(id).execute(&mut *tx).await?;
        insert_change(&mut tx, &self.clock, municipality, Target::offer(id), true, &Proposal::Content(input.clone()), by).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "offer", Some(id), &input.title).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A partner's edit. Of a public (approved) offer it becomes a proposal and the public
    /// content stays until a coordinator decides; an offer that was never let out is changed
    /// in place and waits again. A newer proposal replaces an older open one.
    pub async fn propose_change(&self, municipality: MunicipalityId, id: OfferId, input: &OfferInput, by: Option<AccountId>) -> Result<()> {
        let vocab = self.vocabulary(municipality).await?;
        validate_offer(input, &vocab).map_err(|errors| StoreError::Invalid { context: format!("offer {id}"), errors })?;
        let mut tx = self.begin_write().await?;
        let approval: Option<String> = sqlx::query_scalar("SELECT approval FROM offer WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let approval = approval.and_then(|a| Approval::parse(&a)).ok_or_else(|| StoreError::NotFound(format!("offer {id}")))?;
        self.check_locations(&mut tx, municipality, input).await?;
        let is_new = approval != Approval::Approved;
        if is_new {
            self.write_offer_content(&mut tx, municipality, id, input, &vocab).await?;
            sqlx::query("UPDATE offer SET approval = 'pending' WHERE id = $1").bind(id).execute(&mut *tx).await?;
            util::bump(&mut tx, municipality).await?;
        }
        insert_change(&mut tx, &self.clock, municipality, Target::offer(id), is_new, &Proposal::Content(input.clone()), by).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "offer", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Open proposals, oldest first; of one organisation when given.
    pub async fn open_changes(&self, municipality: MunicipalityId, organisation: Option<OrganisationId>) -> Result<Vec<OfferChange>> {
        let rows = sqlx::query(&format!(
            "{CHANGE_SELECT} WHERE c.municipality_id = $1 AND c.state = 'pending' AND ($2 = 0 OR org.id = $2) ORDER BY c.id"
        ))
        .bind(municipality)
        .bind(organisation.unwrap_or(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(change_from_row).collect()
    }

    pub async fn offer_change(&self, municipality: MunicipalityId, id: i64) -> Result<OfferChange> {
        let r = sqlx::query(&format!("{CHANGE_SELECT} WHERE c.municipality_id = $1 AND c.id = $2"))
            .bind(municipality)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("proposal {id}")))?;
        change_from_row(&r)
    }

    /// The newest proposal for an offer (open or decided), for the partner's view of it.
    pub async fn latest_change(&self, municipality: MunicipalityId, offer: OfferId) -> Result<Option<OfferChange>> {
        let r = sqlx::query(&format!(
            "{CHANGE_SELECT} WHERE c.municipality_id = $1 AND c.offer_id = $2 AND c.kind = 'content' AND c.state <> 'superseded' ORDER BY c.id DESC LIMIT 1"
        ))
        .bind(municipality)
        .bind(offer)
        .fetch_optional(&self.pool)
        .await?;
        r.as_ref().map(change_from_row).transpose()
    }

    /// Lets a proposal out: a new offer becomes public, a change replaces the public content,
    /// texts or place. Returns the offers whose public content changed.
    pub async fn approve_change(&self, municipality: MunicipalityId, id: i64, by: Option<AccountId>) -> Result<Vec<OfferId>> {
        let change = self.offer_change(municipality, id).await?;
        if change.state != "pending" {
            return Err(StoreError::Conflict(format!("proposal {id} was already decided ({})", change.state)));
        }
        let vocab = self.vocabulary(municipality).await?;
        if let Proposal::Place(input) = &change.proposed {
            // the district may have gone since the proposal
            self.check_location(municipality, change.location_id.unwrap_or(0), input).await?;
        }
        let mut tx = self.begin_write().await?;
        let touched: Vec<OfferId> = match (&change.proposed, change.offer_id, change.location_id) {
            (Proposal::Content(_), Some(offer), _) if change.is_new => {
                sqlx::query("UPDATE offer SET approval = 'approved' WHERE id = $1").bind(offer).execute(&mut *tx).await?;
                vec![offer]
            }
            (Proposal::Content(input), Some(offer), _) => {
                // the vocabulary or the locations may have changed since the proposal
                validate_offer(input, &vocab).map_err(|errors| StoreError::Invalid { context: format!("proposal {id}"), errors })?;
                self.write_offer_content(&mut tx, municipality, offer, input, &vocab).await?;
                vec![offer]
            }
            (Proposal::Texts(texts), Some(offer), _) => {
                write_translations(&mut tx, municipality, offer, texts).await?;
                vec![offer]
            }
            (Proposal::Place(input), _, Some(location)) => {
                write_location(&mut tx, municipality, location, input).await?;
                if change.is_new {
                    sqlx::query("UPDATE location SET approval = 'approved' WHERE id = $1").bind(location).execute(&mut *tx).await?;
                }
                sqlx::query_scalar("SELECT offer_id FROM offer_location WHERE location_id = $1").bind(location).fetch_all(&mut *tx).await?
            }
            (Proposal::Organisation(details), _, _) => {
                validate_organisation_details(details)
                    .map_err(|errors| StoreError::Invalid { context: format!("proposal {id}"), errors })?;
                write_organisation_details(&mut tx, &self.clock, municipality, change.organisation_id, details).await?;
                vec![]
            }
            _ => return Err(StoreError::Conflict(format!("proposal {id} names nothing to change"))),
        };
        decide(&mut tx, &self.clock, id, "approved", by, "").await?;
        let (entity, entity_id) = change.audit_target();
        util::audit(&mut tx, &self.clock, municipality, by, "approve", entity, Some(entity_id), &change.title).await?;
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(touched)
    }

    /// Sends a proposal back with a reason the partner reads; a new offer stays unpublished.
    /// Returns the offers concerned.
    pub async fn reject_change(&self, municipality: MunicipalityId, id: i64, reason: &str, by: Option<AccountId>) -> Result<Vec<OfferId>> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(invalid("reason", "error-review-reason", "say why, so the partner can fix it"));
        }
        let change = self.offer_change(municipality, id).await?;
        if change.state != "pending" {
            return Err(StoreError::Conflict(format!("proposal {id} was already decided ({})", change.state)));
        }
        let mut tx = self.begin_write().await?;
        if let (true, Some(offer)) = (change.is_new, change.offer_id) {
            sqlx::query("UPDATE offer SET approval = 'rejected' WHERE id = $1").bind(offer).execute(&mut *tx).await?;
            util::bump(&mut tx, municipality).await?;
        }
        if let (true, Some(location)) = (change.is_new, change.location_id) {
            sqlx::query("UPDATE location SET approval = 'rejected' WHERE id = $1").bind(location).execute(&mut *tx).await?;
            util::bump(&mut tx, municipality).await?;
        }
        decide(&mut tx, &self.clock, id, "rejected", by, reason).await?;
        let (entity, entity_id) = change.audit_target();
        util::audit(&mut tx, &self.clock, municipality, by, "reject", entity, Some(entity_id), reason).await?;
        tx.commit().await?;
        Ok(change.offer_id.into_iter().collect())
    }

    /// A partner's translations of an offer: they wait for approval like content.
    pub async fn propose_texts(
        &self,
        municipality: MunicipalityId,
        offer: OfferId,
        translations: &[OfferTranslation],
        by: Option<AccountId>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM offer WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(offer)
            .fetch_optional(&mut *tx)
            .await?;
        exists.ok_or_else(|| StoreError::NotFound(format!("offer {offer}")))?;
        insert_change(&mut tx, &self.clock, municipality, Target::offer(offer), false, &Proposal::Texts(translations.to_vec()), by).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "offer", Some(offer), "texts").await?;
        tx.commit().await?;
        Ok(())
    }

    /// A partner's change to one of its places; the public keeps the approved address meanwhile.
    pub async fn propose_place(
        &self,
        municipality: MunicipalityId,
        location: LocationId,
        input: &LocationInput,
        by: Option<AccountId>,
    ) -> Result<()> {
        self.check_location(municipality, location, input).await?;
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM location WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(location)
            .fetch_optional(&mut *tx)
            .await?;
        exists.ok_or_else(|| StoreError::NotFound(format!("location {location}")))?;
        insert_change(&mut tx, &self.clock, municipality, Target::location(location), false, &Proposal::Place(input.clone()), by).await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "location", Some(location), &input.name).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A partner's change to its organisation's description and contact data.
    pub async fn propose_organisation(
        &self,
        municipality: MunicipalityId,
        organisation: OrganisationId,
        details: &OrganisationDetails,
        by: Option<AccountId>,
    ) -> Result<()> {
        validate_organisation_details(details)
            .map_err(|errors| StoreError::Invalid { context: format!("organisation {organisation}"), errors })?;
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM organisation WHERE municipality_id = $1 AND id = $2")
            .bind(municipality)
            .bind(organisation)
            .fetch_optional(&mut *tx)
            .await?;
        exists.ok_or_else(|| StoreError::NotFound(format!("organisation {organisation}")))?;
        insert_change(
            &mut tx,
            &self.clock,
            municipality,
            Target::organisation(organisation),
            false,
            &Proposal::Organisation(details.clone()),
            by,
        )
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "propose", "organisation", Some(organisation), "details").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The open proposal of this kind for an offer, place or organisation, if any (shown to its partner).
    pub async fn open_change_for(&self, municipality: MunicipalityId, kind: &str, target: Target) -> Result<Option<OfferChange>> {
        let r = sqlx::query(&format!(
            "{CHANGE_SELECT} WHERE c.municipality_id = $1 AND c.state = 'pending' AND c.kind = $2
               AND COALESCE(c.offer_id, 0) = $3 AND COALESCE(c.location_id, 0) = $4 AND COALESCE(c.organisation_id, 0) = $5
             ORDER BY c.id DESC LIMIT 1"
        ))
        .bind(municipality)
        .bind(kind)
        .bind(target.offer.unwrap_or(0))
        .bind(target.location.unwrap_or(0))
        .bind(target.organisation.unwrap_or(0))
        .fetch_optional(&self.pool)
        .await?;
        r.as_ref().map(change_from_row).transpose()
    }

    /// "Still current": sets the verification date of these offers to `on`. Offers of other
    /// municipalities are ignored. Returns how many were confirmed.
    pub async fn confirm_offers(&self, municipality: MunicipalityId, offers: &[OfferId], on: Date, by: Option<AccountId>) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let mut n = 0;
        for id in offers {
            let done = sqlx::query("UPDATE offer SET last_verified_on = $1 WHERE municipality_id = $2 AND id = $3")
                .bind(util::date_to_text(on))
                .bind(municipality)
                .bind(*id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if done > 0 {
                util::audit(&mut tx, &self.clock, municipality, by, "verify", "offer", Some(*id), &util::date_to_text(on)).await?;
                n += 1;
            }
        }
        util::bump(&mut tx, municipality).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Offers that need verification on `today` (due, lapsed or never verified), of one
    /// organisation or all; active and paused offers only (ended ones need no care), oldest first.
    pub async fn offers_to_verify(
        &self,
        municipality: MunicipalityId,
        organisation: Option<OrganisationId>,
        policy: &ReviewPolicy,
        today: Date,
    ) -> Result<Vec<DueOffer>> {
        let rows = sqlx::query(
            "SELECT o.id, o.title, o.organisation_id, org.name AS organisation_name, o.last_verified_on
             FROM offer o JOIN organisation org ON org.id = o.organisation_id
             WHERE o.municipality_id = $1 AND ($2 = 0 OR o.organisation_id = $2) AND o.status IN ('active', 'paused')
               AND o.approval = 'approved' AND (o.last_verified_on IS NULL OR o.last_verified_on < $3)
             ORDER BY o.last_verified_on IS NOT NULL, o.last_verified_on, org.sort_key, o.sort_key, o.id",
        )
        .bind(municipality)
        .bind(organisation.unwrap_or(0))
        .bind(util::date_to_text(policy.due_if_verified_before(today)))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let verified = util::text_to_date(r.try_get("last_verified_on")?);
                Ok(DueOffer {
                    id: r.try_get("id")?,
                    title: r.try_get("title")?,
                    organisation_id: r.try_get("organisation_id")?,
                    organisation_name: r.try_get("organisation_name")?,
                    last_verified_on: verified,
                    freshness: policy.freshness(verified, today),
                })
            })
            .collect()
    }

    /// Organisations to remind on `today`: those with offers to verify whose last reminder (or
    /// the note that there was nobody to write to) is older than the policy's interval; failed
    /// deliveries are tried again on the next run. Recipients are the e-mail addresses of the
    /// organisation's active partner editors, else the organisation's own address (not in a
    /// demo, whose organisations come from real open data).
    pub async fn reminder_targets(&self, municipality: MunicipalityId, policy: &ReviewPolicy, today: Date) -> Result<Vec<ReminderTarget>> {
        let due = self.offers_to_verify(municipality, None, policy, today).await?;
        let quiet_since = util::date_to_text(today - time::Duration::days(policy.remind_every_days as i64 - 1));
        let mut out: Vec<ReminderTarget> = vec![];
        for offer in due {
            match out.last_mut() {
                Some(t) if t.organisation_id == offer.organisation_id => t.offers.push(offer),
                _ => match out.iter_mut().find(|t| t.organisation_id == offer.organisation_id) {
                    Some(t) => t.offers.push(offer),
                    None => out.push(ReminderTarget {
                        organisation_id: offer.organisation_id,
                        organisation_name: offer.organisation_name.clone(),
                        recipients: vec![],
                        offers: vec![offer],
                    }),
                },
            }
        }
        // a demo's organisations are real ones from open data: never write to them
        let is_demo: i64 =
            sqlx::query_scalar("SELECT is_demo FROM municipality WHERE id = $1").bind(municipality).fetch_one(&self.pool).await?;
        let mut targets = vec![];
        for mut t in out {
            let recent: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM verification_reminder WHERE organisation_id = $1 AND outcome IN ('sent', 'no-address') AND sent_at >= $2 LIMIT 1",
            )
            .bind(t.organisation_id)
            .bind(&quiet_since)
            .fetch_optional(&self.pool)
            .await?;
            if recent.is_some() {
                continue;
            }
            t.recipients = sqlx::query_scalar(
                "SELECT email FROM account WHERE organisation_id = $1 AND role = 'partner_editor' AND disabled = 0 AND email <> '' ORDER BY id",
            )
            .bind(t.organisation_id)
            .fetch_all(&self.pool)
            .await?;
            if t.recipients.is_empty() && is_demo == 0 {
                let own: String = sqlx::query_scalar("SELECT email FROM organisation WHERE id = $1")
                    .bind(t.organisation_id)
                    .fetch_one(&self.pool)
                    .await?;
                if !own.trim().is_empty() {
                    t.recipients.push(own.trim().to_string());
                }
            }
            targets.push(t);
        }
        Ok(targets)
    }

    /// Notes a reminder: `outcome` is `sent`, `no-address` or the mail server's error.
    pub async fn record_reminder(
        &self,
        municipality: MunicipalityId,
        organisation: OrganisationId,
        recipients: &[String],
        offers: usize,
        outcome: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO verification_reminder (municipality_id, organisation_id, sent_at, recipients, offers, outcome) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(municipality)
        .bind(organisation)
        .bind(self.clock.timestamp())
        .bind(recipients.join(", "))
        .bind(offers as i64)
        .bind(outcome)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The newest delivered or failed reminders (organisations without an address are counted
    /// by `organisations_without_address`, not listed: in a big directory they are many).
    pub async fn recent_reminders(&self, municipality: MunicipalityId, limit: u32) -> Result<Vec<SentReminder>> {
        let rows = sqlx::query(
            "SELECT r.*, org.name AS organisation_name FROM verification_reminder r JOIN organisation org ON org.id = r.organisation_id
             WHERE r.municipality_id = $1 AND r.outcome <> 'no-address' ORDER BY r.id DESC LIMIT $2",
        )
        .bind(municipality)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SentReminder {
                    organisation_name: r.try_get("organisation_name")?,
                    sent_at: r.try_get("sent_at")?,
                    recipients: r.try_get("recipients")?,
                    offers: r.try_get("offers")?,
                    outcome: r.try_get("outcome")?,
                })
            })
            .collect()
    }

    /// Organisations that had offers to remind about since `since` but nobody to write to.
    pub async fn organisations_without_address(&self, municipality: MunicipalityId, since: Date) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(DISTINCT organisation_id) FROM verification_reminder WHERE municipality_id = $1 AND outcome = 'no-address' AND sent_at >= $2",
        )
        .bind(municipality)
        .bind(util::date_to_text(since))
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn set_account_email(&self, municipality: MunicipalityId, account: AccountId, email: &str) -> Result<()> {
        let email = email.trim();
        if !email.is_empty() && !kette_domain::validate::looks_like_email(email) {
            return Err(invalid("email", "error-email", "expected an e-mail address like name@example.org"));
        }
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE account SET email = $1 WHERE municipality_id = $2 AND id = $3")
            .bind(email)
            .bind(municipality)
            .bind(account)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound(format!("account {account}")));
        }
        util::audit(&mut tx, &self.clock, municipality, Some(account), "update", "account", Some(account), "email").await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Stores a proposal about an offer or a place, replacing an older open one of the same kind.
pub(crate) async fn insert_change(
    conn: &mut sqlx::AnyConnection,
    clock: &kette_domain::Clock,
    municipality: MunicipalityId,
    target: Target,
    is_new: bool,
    proposal: &Proposal,
    by: Option<AccountId>,
) -> Result<()> {
    sqlx::query(
        "UPDATE offer_change SET state = 'superseded' WHERE state = 'pending' AND kind = $1
           AND COALESCE(offer_id, 0) = $2 AND COALESCE(location_id, 0) = $3 AND COALESCE(organisation_id, 0) = $4",
    )
    .bind(proposal.kind())
    .bind(target.offer.unwrap_or(0))
    .bind(target.location.unwrap_or(0))
    .bind(target.organisation.unwrap_or(0))
    .execute(&mut *conn)
    .await?;
    let content = match proposal {
        Proposal::Content(i) => serde_json::to_string(i),
        Proposal::Texts(t) => serde_json::to_string(t),
        Proposal::Place(l) => serde_json::to_string(l),
        Proposal::Organisation(d) => serde_json::to_string(d),
    }
    .map_err(|e| StoreError::Conflict(format!("proposal not serialisable: {e}")))?;
    sqlx::query(
        "INSERT INTO offer_change (municipality_id, kind, offer_id, location_id, organisation_id, is_new, proposed, proposed_by, proposed_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')",
    )
    .bind(municipality)
    .bind(proposal.kind())
    .bind(target.offer)
    .bind(target.location)
    .bind(target.organisation)
    .bind(is_new as i64)
    .bind(content)
    .bind(by)
    .bind(clock.timestamp())
    .execute(conn)
    .await?;
    Ok(())
}

async fn decide(
    conn: &mut sqlx::AnyConnection,
    clock: &kette_domain::Clock,
    change: i64,
    state: &str,
    by: Option<AccountId>,
    reason: &str,
) -> Result<()> {
    sqlx::query("UPDATE offer_change SET state = $1, decided_by = $2, decided_at = $3, reason = $4 WHERE id = $5")
        .bind(state)
        .bind(by)
        .bind(clock.timestamp())
        .bind(reason)
        .bind(change)
        .execute(conn)
        .await?;
    Ok(())
}
