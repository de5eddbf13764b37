use serde::Serialize;
use sqlx::Row;

use kette_domain::{AccountId, MunicipalityId};

use crate::{util, Result, Store, StoreError};

/// A stored version of an index recipe. The TOML is checked by the caller (the engine parses
/// it); the store keeps every version so that any published result can be recomputed.
#[derive(Debug, Clone, Serialize)]
pub struct StoredRecipe {
    pub code: String,
    pub version: i64,
    pub name: String,
    pub toml: String,
    pub created_at: String,
    pub author: Option<String>,
}

impl Store {
    /// Saves a new version of a recipe and returns its number (1 for a new code).
    pub async fn save_recipe(
        &self,
        municipality: MunicipalityId,
        code: &str,
        name: &str,
        toml: &str,
        by: Option<AccountId>,
    ) -> Result<i64> {
        if !kette_domain::validate::is_term_code(code) {
            return Err(StoreError::Conflict(format!("recipe code '{code}': lower-case letters, digits and _")));
        }
        let mut tx = self.begin_write().await?;
        let latest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM recipe WHERE municipality_id = $1 AND code = $2")
            .bind(municipality)
            .bind(code)
            .fetch_one(&mut *tx)
            .await?;
        let version = latest.unwrap_or(0) + 1;
        sqlx::query(
            "INSERT INTO recipe (municipality_id, code, version, name, toml, created_at, account_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(municipality)
        .bind(code)
        .bind(version)
        .bind(name)
        .bind(toml)
        .bind(self.clock.timestamp())
        .bind(by)
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "save", "recipe", None, &format!("{code} v{version}")).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The latest version of every recipe.
    pub async fn recipes(&self, municipality: MunicipalityId) -> Result<Vec<StoredRecipe>> {
        let rows = sqlx::query(
            "SELECT r.code, r.version, r.name, r.toml, r.created_at, a.username FROM recipe r LEFT JOIN account a ON a.id = r.account_id
             WHERE r.municipality_id = $1 AND r.version = (SELECT MAX(version) FROM recipe x WHERE x.municipality_id = r.municipality_id AND x.code = r.code)
             ORDER BY r.code",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(recipe_from_row).collect()
    }

    /// Every version of one recipe, newest first.
    pub async fn recipe_versions(&self, municipality: MunicipalityId, code: &str) -> Result<Vec<StoredRecipe>> {
        let rows = sqlx::query(
            "SELECT r.code, r.version, r.name, r.toml, r.created_at, a.username FROM recipe r LEFT JOIN account a ON a.id = r.account_id
             WHERE r.municipality_id = $1 AND r.code = $2 ORDER BY r.version DESC",
        )
        .bind(municipality)
        .bind(code)
        .fetch_all(&self.pool)
        .await?;
        let versions: Vec<StoredRecipe> = rows.iter().map(recipe_from_row).collect::<Result<_>>()?;
        if versions.is_empty() {
            return Err(StoreError::NotFound(format!("recipe '{code}'")));
        }
        Ok(versions)
    }
}

fn recipe_from_row(r: &sqlx::any::AnyRow) -> Result<StoredRecipe> {
    Ok(StoredRecipe {
        code: r.try_get("code")?,
        version: r.try_get("version")?,
        name: r.try_get("name")?,
        toml: r.try_get("toml")?,
        created_at: r.try_get("created_at")?,
        author: r.try_get("username")?,
    })
}
