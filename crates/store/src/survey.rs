//! The partners' yearly self-assessment (issue 15): rounds, one-time links stored as hashes,
//! and answers kept apart from any link or person.

use sqlx::Row;

use kette_domain::survey::check_answers;
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// A survey round as listed.
#[derive(Debug, Clone)]
pub struct SurveyRound {
    pub id: i64,
    pub year: i32,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub links_sent: i64,
    pub responses: i64,
    pub is_fictional: bool,
}

/// Answers to one factor in one year: how many and their sum (the domain decides what is shown).
#[derive(Debug, Clone, PartialEq)]
pub struct FactorTally {
    pub year: i32,
    pub factor: String,
    pub answers: i64,
    pub sum: i64,
}

/// Why a link does not open the questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Open { round: i64, year: i32 },
    Used,
    Closed,
    Unknown,
}

fn hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.trim().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    pub async fn survey_rounds(&self, municipality: MunicipalityId) -> Result<Vec<SurveyRound>> {
        let rows = sqlx::query("SELECT * FROM survey_round WHERE municipality_id = $1 ORDER BY year DESC")
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(SurveyRound {
                    id: r.try_get("id")?,
                    year: r.try_get::<i64, _>("year")? as i32,
                    opened_at: r.try_get("opened_at")?,
                    closed_at: r.try_get("closed_at")?,
                    links_sent: r.try_get("links_sent")?,
                    responses: r.try_get("responses")?,
                    is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
                })
            })
            .collect()
    }

    /// Where the survey links go: the partners' contact persons, members of the bodies who come
    /// from an organisation, and partner accounts. A demo's organisations are real ones from
    /// open data: only fictional ones are written to.
    pub async fn survey_addresses(&self, municipality: MunicipalityId) -> Result<Vec<String>> {
        let mut addresses: Vec<String> = sqlx::query_scalar(
            "SELECT c.email FROM contact_person c JOIN organisation o ON o.id = c.organisation_id JOIN municipality m ON m.id = o.municipality_id
               WHERE o.municipality_id = $1 AND c.email <> '' AND (o.is_fictional = 1 OR m.is_demo = 0)
             UNION SELECT bm.email FROM body_member bm JOIN body b ON b.id = bm.body_id
               WHERE b.municipality_id = $1 AND bm.email <> '' AND bm.organisation_id IS NOT NULL AND bm.left_on IS NULL
             UNION SELECT a.email FROM account a WHERE a.municipality_id = $1 AND a.role = 'partner_editor' AND a.disabled = 0 AND a.email <> ''",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        addresses.iter_mut().for_each(|a| *a = a.trim().to_lowercase());
        addresses.sort();
        addresses.dedup();
        Ok(addresses)
    }

    /// Opens the round of `year` with `links` one-time links, returned once in plain text for
    /// sending (only their hashes are kept).
    pub async fn open_survey_round(
        &self,
        municipality: MunicipalityId,
        year: i32,
        links: usize,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<(i64, Vec<String>)> {
        if links == 0 {
            return Err(StoreError::Invalid {
                context: "survey".into(),
                errors: ValidationErrors(vec![FieldError::new("year", "error-survey-no-addresses", "nobody to send links to")]),
            });
        }
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM survey_round WHERE municipality_id = $1 AND year = $2")
            .bind(municipality)
            .bind(year as i64)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::Invalid {
                context: "survey".into(),
                errors: ValidationErrors(vec![FieldError::new("year", "error-survey-year-taken", "a round for this year exists")]),
            });
        }
        let round: i64 = sqlx::query_scalar(
            "INSERT INTO survey_round (municipality_id, year, opened_at, links_sent, is_fictional) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(municipality)
        .bind(year as i64)
        .bind(self.clock.timestamp())
        .bind(links as i64)
        .bind(is_fictional as i64)
        .fetch_one(&mut *tx)
        .await?;
        let mut tokens = Vec::with_capacity(links);
        for _ in 0..links {
            let token = crate::accounts::random_token();
            sqlx::query("INSERT INTO survey_token (token_hash, round_id) VALUES ($1, $2)")
                .bind(hash(&token))
                .bind(round)
                .execute(&mut *tx)
                .await?;
            tokens.push(token);
        }
        util::audit(&mut tx, &self.clock, municipality, by, "open", "survey", Some(round), &format!("{year}: {links} links")).await?;
        tx.commit().await?;
        Ok((round, tokens))
    }

    /// Ends a round: its unused links stop working.
    pub async fn close_survey_round(&self, municipality: MunicipalityId, round: i64, by: Option<AccountId>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE survey_round SET closed_at = $1 WHERE id = $2 AND municipality_id = $3 AND closed_at IS NULL")
            .bind(self.clock.timestamp())
            .bind(round)
            .bind(municipality)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("open survey round {round}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "close", "survey", Some(round), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// What a link opens.
    pub async fn survey_link(&self, municipality: MunicipalityId, token: &str) -> Result<LinkState> {
        let row = sqlx::query(
            "SELECT t.used, r.id, r.year, r.closed_at FROM survey_token t JOIN survey_round r ON r.id = t.round_id
             WHERE t.token_hash = $1 AND r.municipality_id = $2",
        )
        .bind(hash(token))
        .bind(municipality)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(LinkState::Unknown) };
        if r.try_get::<Option<String>, _>("closed_at")?.is_some() {
            return Ok(LinkState::Closed);
        }
        if r.try_get::<i64, _>("used")? != 0 {
            return Ok(LinkState::Used);
        }
        Ok(LinkState::Open { round: r.try_get("id")?, year: r.try_get::<i64, _>("year")? as i32 })
    }

    /// Takes one questionnaire: the link is spent and the answers are stored in the same
    /// transaction, or neither happens. A link answers once, even when two answers race.
    pub async fn answer_survey(&self, municipality: MunicipalityId, token: &str, answers: &[(String, u8)]) -> Result<LinkState> {
        check_answers(answers).map_err(|e| StoreError::Invalid { context: "survey".into(), errors: ValidationErrors(e) })?;
        let mut tx = self.begin_write().await?;
        let spent = sqlx::query(
            "UPDATE survey_token SET used = 1 WHERE token_hash = $1 AND used = 0
               AND round_id IN (SELECT id FROM survey_round WHERE municipality_id = $2 AND closed_at IS NULL)",
        )
        .bind(hash(token))
        .bind(municipality)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if spent == 0 {
            drop(tx);
            return self.survey_link(municipality, token).await;
        }
        let round: i64 =
            sqlx::query_scalar("SELECT round_id FROM survey_token WHERE token_hash = $1").bind(hash(token)).fetch_one(&mut *tx).await?;
        for (factor, score) in answers {
            sqlx::query("INSERT INTO survey_answer (round_id, factor, score) VALUES ($1, $2, $3)")
                .bind(round)
                .bind(factor)
                .bind(*score as i64)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE survey_round SET responses = responses + 1 WHERE id = $1").bind(round).execute(&mut *tx).await?;
        tx.commit().await?;
        let year: i64 = sqlx::query_scalar("SELECT year FROM survey_round WHERE id = $1").bind(round).fetch_one(&self.pool).await?;
        Ok(LinkState::Open { round, year: year as i32 })
    }

    /// Count and sum of the answers per year and factor.
    pub async fn survey_tallies(&self, municipality: MunicipalityId) -> Result<Vec<FactorTally>> {
        let rows = sqlx::query(
            "SELECT r.year, a.factor, COUNT(*) AS answers, SUM(a.score) AS total FROM survey_answer a JOIN survey_round r ON r.id = a.round_id
             WHERE r.municipality_id = $1 GROUP BY r.year, a.factor ORDER BY r.year, a.factor",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FactorTally {
                    year: r.try_get::<i64, _>("year")? as i32,
                    factor: r.try_get("factor")?,
                    answers: r.try_get("answers")?,
                    sum: r.try_get("total")?,
                })
            })
            .collect()
    }
}
