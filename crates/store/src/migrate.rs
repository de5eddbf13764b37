//! A small migration runner: numbered SQL files embedded in the binary, each applied once in its
//! own transaction, recorded in `schema_migrations`.

use sqlx::{AnyPool, Executor};

const SQLITE: &[(i64, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_foundation.sql")),
    (2, include_str!("../migrations/sqlite/0002_finder.sql")),
    (3, include_str!("../migrations/sqlite/0003_review.sql")),
    (4, include_str!("../migrations/sqlite/0004_confidentiality.sql")),
    (5, include_str!("../migrations/sqlite/0005_boundaries.sql")),
    (6, include_str!("../migrations/sqlite/0006_disclosure.sql")),
    (7, include_str!("../migrations/sqlite/0007_login_throttle.sql")),
    (8, include_str!("../migrations/sqlite/0008_district_outline.sql")),
    (9, include_str!("../migrations/sqlite/0009_navigator_service.sql")),
    (10, include_str!("../migrations/sqlite/0010_steering_goals.sql")),
    (11, include_str!("../migrations/sqlite/0011_measures.sql")),
    (12, include_str!("../migrations/sqlite/0012_bodies.sql")),
    (13, include_str!("../migrations/sqlite/0013_proposals.sql")),
    (14, include_str!("../migrations/sqlite/0014_cycle.sql")),
    (15, include_str!("../migrations/sqlite/0015_survey.sql")),
    (16, include_str!("../migrations/sqlite/0016_measure_links.sql")),
    (17, include_str!("../migrations/sqlite/0017_goal_body.sql")),
    (18, include_str!("../migrations/sqlite/0018_agreements.sql")),
    (19, include_str!("../migrations/sqlite/0019_offer_links.sql")),
    (20, include_str!("../migrations/sqlite/0020_navigator_log.sql")),
    (21, include_str!("../migrations/sqlite/0021_events.sql")),
    (22, include_str!("../migrations/sqlite/0022_funding.sql")),
    (23, include_str!("../migrations/sqlite/0023_engagement.sql")),
    (24, include_str!("../migrations/sqlite/0024_member_joined.sql")),
    (25, include_str!("../migrations/sqlite/0025_agreement_key.sql")),
    (26, include_str!("../migrations/sqlite/0026_agreement_proposals.sql")),
    (27, include_str!("../migrations/sqlite/0027_needs_scenarios.sql")),
    (28, include_str!("../migrations/sqlite/0028_needs_gaps.sql")),
    (29, include_str!("../migrations/sqlite/0029_street_network.sql")),
    (30, include_str!("../migrations/sqlite/0030_reach_runs.sql")),
    (31, include_str!("../migrations/sqlite/0031_census_grid.sql")),
];

pub async fn run(pool: &AnyPool, clock: &kette_domain::Clock) -> Result<(), sqlx::Error> {
    pool.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").await?;
    for (version, sql) in SQLITE {
        let done: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1").bind(*version).fetch_optional(pool).await?;
        if done.is_some() {
            continue;
        }
        // as a writer from the start, so a second process starting at the same moment waits
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
        let done: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1").bind(*version).fetch_optional(&mut *tx).await?;
        if done.is_some() {
            continue;
        }
        tx.execute(*sql).await?;
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(*version)
            .bind(clock.timestamp())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(version, "applied migration");
    }
    Ok(())
}
