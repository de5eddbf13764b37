//! Persistence: the only crate that knows SQL. Owns the schema and its migrations, every query,
//! transactions (each multi-row write is one), password hashes and sessions, and the audit log.
//! Backed by SQLite through sqlx's `Any` driver with portable SQL (`$n` placeholders, no
//! backend-specific functions in queries) so that a PostgreSQL backend is a new migration set
//! and a connection URL, not a rewrite.

mod accounts;
mod agreements;
mod bodies;
mod boundaries;
mod chain;
mod cycle;
mod districts;
mod engagement;
mod events;
mod exchange;
mod finder;
mod funding;
mod gaps;
pub mod geopackage;
mod goals;
mod indicators;
mod locations;
mod measures;
mod migrate;
mod navigator;
mod needs;
mod networks;
mod offers;
mod organisations;
pub mod passwords;
mod proposals;
mod recipes;
mod review;
mod scenarios;
mod survey;
mod util;

use std::str::FromStr;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor};

pub use accounts::{hash_password, verify_password, Account, NewAccount, SessionInfo, SignIn};
pub use agreements::{Agreement, AgreementProposal};
pub use bodies::{Body, BodyRelations, BodySummary, Decision, Meeting, MeetingSummary, Member, Task, TaskReminder};
pub use boundaries::{CarryReport, CrosswalkSummary};
pub use chain::{OfferLink, OrganisationTerms};
pub use cycle::{Check, PhaseEntry};
pub use districts::GeometryDetail;
pub use districts::{DistrictDetail, DistrictSummary};
pub use engagement::{StoredGift, StoredNeed};
pub use events::StoredEvent;
pub use exchange::KeyTable;
pub use finder::{Feedback, IndexedOffer, KnownPlace, OfferTranslation, EASY_GERMAN};
pub use funding::{OfferReach, StoredFunding};
pub use gaps::{GapComment, GapFollowUp};
pub use goals::{Goal, Leitbild};
pub use indicators::{ObservationFilter, Provenance};
pub use kette_domain::{ImportBatch, ImportReport, NewOffer};
pub use measures::{LinkedOffer, Measure};
pub use navigator::{FollowUp, MOST_FREQUENT_OFFERS, OTHER_OFFERS};
pub use needs::{codes_in, LocatedOffer, OfferPlace};
pub use networks::{CensusGridInfo, NetworkCounts, NewCensusGrid, ReachRun, ReachRunShare, StoredCensusCell, StreetNetworkInfo};
pub use offers::{OfferFilter, OfferSummary, Page};
pub use organisations::OrganisationSummary;
pub use proposals::StoredProposal;
pub use recipes::StoredRecipe;
pub use review::{DueOffer, OfferChange, Proposal, ReminderTarget, SentReminder, Target};
pub use scenarios::{StoredScenario, StoredScenarioChange};
pub use survey::{FactorTally, LinkState, SurveyRound};

use kette_domain::{Municipality, MunicipalityId, ValidationErrors};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0} not found")]
    NotFound(String),
    #[error("unknown district key '{key}' ({context})")]
    UnknownDistrict { key: String, context: String },
    #[error("unknown organisation '{key}' ({context})")]
    UnknownOrganisation { key: String, context: String },
    #[error("invalid record {context}: {errors}")]
    Invalid { context: String, errors: ValidationErrors },
    #[error("{0}")]
    Conflict(String),
    #[error(
        "unsupported database '{0}': give a SQLite file path or sqlite:// URL (PostgreSQL support arrives with the production backend)"
    )]
    UnsupportedUrl(String),
    #[error("{0}")]
    WeakPassword(passwords::PasswordProblem),
    #[error("password hashing failed: {0}")]
    Password(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A write transaction holding this process's writer turn until it commits or is dropped.
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    /// What "now" and "today" are for every timestamp written and every date rule applied.
    clock: kette_domain::Clock,
    /// Whose turn it is to write (see `begin_write`).
    writer_turn: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Chain matrices by (municipality, district), valid for one `municipality.generation`.
    matrix_cache: std::sync::Arc<std::sync::Mutex<MatrixCache>>,
    /// The life phases and transitions each organisation serves, per municipality and data
    /// generation (`chain::organisation_terms`).
    terms_cache: std::sync::Arc<std::sync::Mutex<TermsCache>>,
}

type MatrixCache = std::collections::HashMap<(MunicipalityId, Option<i64>), (i64, kette_domain::matrix::ChainMatrix)>;
type TermsCache = std::collections::HashMap<MunicipalityId, (i64, std::sync::Arc<OrganisationTerms>)>;

impl Store {
    /// Opens (creating if missing) the database at `target` — a file path or `sqlite://` URL —
    /// and applies pending migrations.
    pub async fn open(target: &str) -> Result<Store> {
        Store::open_with_clock(target, kette_domain::Clock::system()).await
    }

    /// Like `open`, with a clock the caller controls (tests fix and move it).
    pub async fn open_with_clock(target: &str, clock: kette_domain::Clock) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let url = if target.starts_with("sqlite:") {
            target.to_string()
        } else if target.contains("://") {
            return Err(StoreError::UnsupportedUrl(target.to_string()));
        } else {
            format!("sqlite://{target}?mode=rwc")
        };
        // Validate early so a typo gives a clear error instead of a pool timeout.
        sqlx::any::AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    // foreign keys and busy timeout are per connection in SQLite
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;").await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        // WAL is persistent in the file; it lets readers proceed while one writer commits.
        pool.execute("PRAGMA journal_mode = WAL;").await?;
        let store =
            Store { pool, clock, writer_turn: Default::default(), matrix_cache: Default::default(), terms_cache: Default::default() };
        migrate::run(&store.pool, &store.clock).await?;
        Ok(store)
    }

    /// The municipality's data generation (see the migration): changes with every offer write.
    pub async fn generation(&self, municipality: MunicipalityId) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT generation FROM municipality WHERE id = $1").bind(municipality).fetch_one(&self.pool).await?)
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The clock every date rule and timestamp of this store follows.
    pub fn clock(&self) -> &kette_domain::Clock {
        &self.clock
    }

    /// The calendar day date rules (verification, hiding, reminders) are judged on.
    pub fn today(&self) -> time::Date {
        self.clock.today()
    }

    /// A write transaction that holds SQLite's write lock from its first statement. A deferred
    /// transaction that reads before it writes cannot wait for the lock when another writer
    /// commits in between (SQLITE_BUSY_SNAPSHOT); one that begins as a writer waits its turn
    /// within the busy timeout, so concurrent saves queue up instead of failing.
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        // writers of this process take turns here, woken in order, instead of polling SQLite's
        // busy handler (which sleeps up to 100 ms between tries and let twenty editors manage
        // twenty saves a second); BEGIN IMMEDIATE still guards against other processes
        let turn = self.writer_turn.clone().lock_owned().await;
        Ok(WriteTx { tx: self.pool.begin_with("BEGIN IMMEDIATE").await?, _turn: turn })
    }

    pub async fn close(&self) {
        self.pool.close().await
    }

    /// Creates a municipality and copies the default vocabulary into it.
    pub async fn create_municipality(&self, slug: &str, name: &str, attribution: &str, is_demo: bool) -> Result<Municipality> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO municipality (slug, name, attribution, is_demo, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(slug)
        .bind(name)
        .bind(attribution)
        .bind(is_demo as i64)
        .bind(self.clock.timestamp())
        .fetch_one(&mut *tx)
        .await?;
        for t in kette_domain::vocab::default_terms() {
            sqlx::query(
                "INSERT INTO vocabulary_term (municipality_id, kind, code, label_de, label_en, min_age_months, max_age_months, sort)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(id)
            .bind(t.kind.as_str())
            .bind(&t.code)
            .bind(&t.label_de)
            .bind(&t.label_en)
            .bind(t.min_age_months.map(i64::from))
            .bind(t.max_age_months.map(i64::from))
            .bind(t.sort)
            .execute(&mut *tx)
            .await?;
        }
        for (position, c) in kette_domain::proposals::default_criteria().into_iter().enumerate() {
            sqlx::query(
                "INSERT INTO proposal_criterion (municipality_id, code, label_de, label_en, weight, position) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(&c.code)
            .bind(&c.label_de)
            .bind(&c.label_en)
            .bind(c.weight)
            .bind(position as i64 + 1)
            .execute(&mut *tx)
            .await?;
        }
        for group in kette_domain::synonyms::DEFAULT_GROUPS {
            sqlx::query("INSERT INTO search_synonym (municipality_id, phrases) VALUES ($1, $2)")
                .bind(id)
                .bind(group)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Municipality {
            id,
            slug: slug.into(),
            name: name.into(),
            attribution: attribution.into(),
            is_demo,
            review: Default::default(),
            confidentiality: Default::default(),
            navigator_service: Default::default(),
        })
    }

    /// The contact of the municipality's navigator service.
    pub async fn set_navigator_service(
        &self,
        municipality: MunicipalityId,
        service: &kette_domain::NavigatorService,
        by: Option<kette_domain::AccountId>,
    ) -> Result<()> {
        service
            .validate()
            .map_err(|errors| StoreError::Invalid { context: "navigator service".into(), errors: ValidationErrors(errors) })?;
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE municipality SET navigator_name = $1, navigator_phone = $2, navigator_email = $3, navigator_hours = $4 WHERE id = $5",
        )
        .bind(service.name.trim())
        .bind(service.phone.trim())
        .bind(service.email.trim())
        .bind(service.hours.trim())
        .bind(municipality)
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "update", "navigator_service", None, &service.name).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn municipalities(&self) -> Result<Vec<Municipality>> {
        let rows = sqlx::query("SELECT * FROM municipality ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter().map(municipality_from_row).collect()
    }

    pub async fn municipality_by_slug(&self, slug: &str) -> Result<Municipality> {
        let row = sqlx::query("SELECT * FROM municipality WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("municipality '{slug}'")))?;
        municipality_from_row(&row)
    }

    /// Sets the municipality's confidentiality rules (checked), with an audit entry.
    pub async fn set_confidentiality(
        &self,
        id: MunicipalityId,
        c: &kette_domain::privacy::Confidentiality,
        by: Option<kette_domain::AccountId>,
    ) -> Result<()> {
        c.validate().map_err(StoreError::Conflict)?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE municipality SET min_count = $1, round_to = $2 WHERE id = $3")
            .bind(c.min_count as i64)
            .bind(c.round_to.map(|b| b as i64))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        util::audit(
            &mut tx,
            &self.clock,
            id,
            by,
            "update",
            "confidentiality",
            None,
            &format!("min {} round {:?}", c.min_count, c.round_to),
        )
        .await?;
        util::bump_stats(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn municipality(&self, id: MunicipalityId) -> Result<Municipality> {
        let row = sqlx::query("SELECT * FROM municipality WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("municipality {id}")))?;
        municipality_from_row(&row)
    }

    pub async fn vocabulary(&self, municipality: MunicipalityId) -> Result<kette_domain::vocab::Vocabulary> {
        use sqlx::Row;
        let rows = sqlx::query(
            "SELECT kind, code, label_de, label_en, min_age_months, max_age_months, sort FROM vocabulary_term WHERE municipality_id = $1",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        let mut terms = Vec::with_capacity(rows.len());
        for r in rows {
            let kind: String = r.try_get("kind")?;
            let Some(kind) = kette_domain::TermKind::parse(&kind) else { continue };
            terms.push(kette_domain::Term {
                kind,
                code: r.try_get("code")?,
                label_de: r.try_get("label_de")?,
                label_en: r.try_get("label_en")?,
                min_age_months: r.try_get::<Option<i64>, _>("min_age_months")?.map(|v| v as u32),
                max_age_months: r.try_get::<Option<i64>, _>("max_age_months")?.map(|v| v as u32),
                sort: r.try_get("sort")?,
            });
        }
        Ok(kette_domain::vocab::Vocabulary::new(terms))
    }

    /// Appends to the audit log outside of another transaction (e.g. logins).
    pub async fn audit(
        &self,
        municipality: MunicipalityId,
        account: Option<i64>,
        action: &str,
        entity: &str,
        entity_id: Option<i64>,
        detail: &str,
    ) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        util::audit(&mut conn, &self.clock, municipality, account, action, entity, entity_id, detail).await
    }

    /// Latest audit entries for an entity, newest first.
    pub async fn audit_entries(
        &self,
        municipality: MunicipalityId,
        entity: &str,
        entity_id: i64,
    ) -> Result<Vec<(String, String, Option<String>, String)>> {
        use sqlx::Row;
        let rows = sqlx::query(
            "SELECT a.at, a.action, acc.username, a.detail FROM audit_log a LEFT JOIN account acc ON acc.id = a.account_id
             WHERE a.municipality_id = $1 AND a.entity = $2 AND a.entity_id = $3 ORDER BY a.id DESC LIMIT 50",
        )
        .bind(municipality)
        .bind(entity)
        .bind(entity_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("at")?, r.try_get("action")?, r.try_get("username")?, r.try_get("detail")?))).collect()
    }
}

fn municipality_from_row(r: &AnyRow) -> Result<Municipality> {
    use sqlx::Row;
    Ok(Municipality {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        attribution: r.try_get("attribution")?,
        is_demo: r.try_get::<i64, _>("is_demo")? != 0,
        review: kette_domain::review::ReviewPolicy {
            approval_required: r.try_get::<i64, _>("approval_required")? != 0,
            verify_every_months: r.try_get::<i64, _>("verify_every_months")? as u32,
            hide_after_days: r.try_get::<Option<i64>, _>("hide_after_days")?.map(|d| d as u32),
            remind_every_days: r.try_get::<i64, _>("remind_every_days")? as u32,
        },
        confidentiality: kette_domain::privacy::Confidentiality {
            min_count: r.try_get::<i64, _>("min_count")?.max(1) as u64,
            round_to: r.try_get::<Option<i64>, _>("round_to")?.map(|b| b.max(1) as u64),
        },
        navigator_service: kette_domain::NavigatorService {
            name: r.try_get("navigator_name")?,
            phone: r.try_get("navigator_phone")?,
            email: r.try_get("navigator_email")?,
            hours: r.try_get("navigator_hours")?,
        },
    })
}
