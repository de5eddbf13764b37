//! The Leitbild in versions and the goals of the steering (issue 15).

use sqlx::Row;

use kette_domain::goals::{GoalInput, GoalLevel, Target};
use kette_domain::{AccountId, FieldError, MunicipalityId, ValidationErrors};

use crate::{util, Result, Store, StoreError};

/// One version of the mission statement.
#[derive(Debug, Clone)]
pub struct Leitbild {
    pub version: i64,
    pub text: String,
    pub adopted_on: Option<time::Date>,
    pub created_at: String,
}

/// A stored goal.
#[derive(Debug, Clone)]
pub struct Goal {
    pub id: i64,
    pub input: GoalInput,
    pub district_name: Option<String>,
    /// (name, kind code) of the responsible body. Bodies are read only by those the body rule
    /// lets in; pages show others the kind alone.
    pub responsible_body: Option<(String, String)>,
    pub is_fictional: bool,
}

impl Store {
    /// The newest version of the Leitbild, if there is one.
    pub async fn leitbild(&self, municipality: MunicipalityId) -> Result<Option<Leitbild>> {
        let row = sqlx::query(
            "SELECT version, text, adopted_on, created_at FROM leitbild WHERE municipality_id = $1 ORDER BY version DESC LIMIT 1",
        )
        .bind(municipality)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| -> Result<Leitbild> {
            let adopted: Option<String> = r.try_get("adopted_on")?;
            Ok(Leitbild {
                version: r.try_get("version")?,
                text: r.try_get("text")?,
                adopted_on: adopted.and_then(|d| time::Date::parse(&d, time::macros::format_description!("[year]-[month]-[day]")).ok()),
                created_at: r.try_get("created_at")?,
            })
        })
        .transpose()
    }

    /// Saves the Leitbild as a new version (earlier ones stay).
    pub async fn add_leitbild_version(
        &self,
        municipality: MunicipalityId,
        text: &str,
        adopted_on: Option<time::Date>,
        by: Option<AccountId>,
    ) -> Result<i64> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > 20_000 {
            return Err(StoreError::Invalid {
                context: "leitbild".into(),
                errors: ValidationErrors(vec![FieldError::new(
                    "text",
                    "error-required",
                    "the Leitbild needs a text of at most 20,000 characters",
                )]),
            });
        }
        let mut tx = self.begin_write().await?;
        let version: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM leitbild WHERE municipality_id = $1")
            .bind(municipality)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO leitbild (municipality_id, version, text, adopted_on, created_at, account_id) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(municipality)
        .bind(version)
        .bind(text)
        .bind(adopted_on.map(|d| d.to_string()))
        .bind(self.clock.timestamp())
        .bind(by)
        .execute(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "leitbild", Some(version), &format!("version {version}")).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Every goal, parents before children, in the order they were made.
    pub async fn goals(&self, municipality: MunicipalityId) -> Result<Vec<Goal>> {
        let rows = sqlx::query(
            "SELECT g.*, d.name AS district_name, b.name AS body_name, b.kind AS body_kind FROM goal g
             LEFT JOIN district d ON d.id = g.district_id LEFT JOIN body b ON b.id = g.responsible_body_id
             WHERE g.municipality_id = $1 ORDER BY g.id",
        )
        .bind(municipality)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(goal_from_row).collect()
    }

    /// Checks a goal against the domain's rules, its parent, indicator and district.
    async fn check_goal(&self, municipality: MunicipalityId, input: &GoalInput, id: Option<i64>) -> Result<()> {
        if id.is_some() && input.parent_id == id {
            return Err(StoreError::Invalid {
                context: "goal".into(),
                errors: ValidationErrors(vec![FieldError::new("parent_id", "error-goal-level", "a goal cannot sit below itself")]),
            });
        }
        let parent_level = match input.parent_id {
            Some(p) => Some(
                self.goals(municipality)
                    .await?
                    .into_iter()
                    .find(|g| g.id == p)
                    .map(|g| g.input.level)
                    .ok_or_else(|| StoreError::NotFound(format!("goal {p}")))?,
            ),
            None => None,
        };
        input
            .validate(self.clock.today().year(), parent_level)
            .map_err(|errors| StoreError::Invalid { context: "goal".into(), errors: ValidationErrors(errors) })?;
        if let Some(code) = &input.indicator_code {
            if !self.indicators(municipality).await?.iter().any(|i| &i.def.code == code) {
                return Err(StoreError::Invalid {
                    context: "goal".into(),
                    errors: ValidationErrors(vec![FieldError::new("indicator_code", "error-unknown", format!("no indicator '{code}'"))]),
                });
            }
        }
        let mut conn = self.pool.acquire().await?;
        if let Some(b) = input.responsible_body_id {
            if !util::belongs(&mut conn, municipality, "body", b).await? {
                return Err(StoreError::Invalid {
                    context: "goal".into(),
                    errors: ValidationErrors(vec![FieldError::new("responsible_body_id", "error-unknown", "no such body")]),
                });
            }
        }
        if let Some(d) = input.district_id {
            if !util::belongs(&mut conn, municipality, "district", d).await? {
                return Err(StoreError::Invalid {
                    context: "goal".into(),
                    errors: ValidationErrors(vec![FieldError::new("district_id", "error-unknown-district", "no such district")]),
                });
            }
        }
        Ok(())
    }

    /// Creates a goal after checking it against the domain's rules and its parent.
    pub async fn create_goal(
        &self,
        municipality: MunicipalityId,
        input: &GoalInput,
        is_fictional: bool,
        by: Option<AccountId>,
    ) -> Result<i64> {
        self.check_goal(municipality, input, None).await?;
        let mut tx = self.begin_write().await?;
        let now = self.clock.timestamp();
        let t = input.target.as_ref();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO goal (municipality_id, parent_id, level, title, description, indicator_code, district_id, baseline_year, baseline_value,
               target_year, target_value, responsible, tolerance, is_fictional, created_at, updated_at, responsible_body_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16) RETURNING id",
        )
        .bind(municipality)
        .bind(input.parent_id)
        .bind(input.level.as_str())
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.indicator_code.as_deref())
        .bind(input.district_id)
        .bind(t.map(|t| t.baseline_year as i64))
        .bind(t.map(|t| t.baseline_value))
        .bind(t.map(|t| t.target_year as i64))
        .bind(t.map(|t| t.target_value))
        .bind(input.responsible.trim())
        .bind(input.tolerance)
        .bind(is_fictional as i64)
        .bind(&now)
        .bind(input.responsible_body_id)
        .fetch_one(&mut *tx)
        .await?;
        util::audit(&mut tx, &self.clock, municipality, by, "create", "goal", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a goal (checked as when it was made); its children keep their place only where
    /// the hierarchy still allows it, which the check of the new level ensures for its parent.
    pub async fn update_goal(&self, municipality: MunicipalityId, id: i64, input: &GoalInput, by: Option<AccountId>) -> Result<()> {
        self.check_goal(municipality, input, Some(id)).await?;
        let children: Vec<String> = sqlx::query_scalar("SELECT level FROM goal WHERE parent_id = $1 AND municipality_id = $2")
            .bind(id)
            .bind(municipality)
            .fetch_all(&self.pool)
            .await?;
        if children.iter().filter_map(|l| GoalLevel::parse(l)).any(|l| !l.may_sit_below(input.level)) {
            return Err(StoreError::Invalid {
                context: "goal".into(),
                errors: ValidationErrors(vec![FieldError::new("level", "error-goal-level", "its sub-goals would no longer fit below it")]),
            });
        }
        let mut tx = self.begin_write().await?;
        let t = input.target.as_ref();
        let changed = sqlx::query(
            "UPDATE goal SET parent_id = $1, level = $2, title = $3, description = $4, indicator_code = $5, district_id = $6, baseline_year = $7,
               baseline_value = $8, target_year = $9, target_value = $10, responsible = $11, tolerance = $12, updated_at = $13,
               responsible_body_id = $16
             WHERE id = $14 AND municipality_id = $15",
        )
        .bind(input.parent_id)
        .bind(input.level.as_str())
        .bind(input.title.trim())
        .bind(input.description.trim())
        .bind(input.indicator_code.as_deref())
        .bind(input.district_id)
        .bind(t.map(|t| t.baseline_year as i64))
        .bind(t.map(|t| t.baseline_value))
        .bind(t.map(|t| t.target_year as i64))
        .bind(t.map(|t| t.target_value))
        .bind(input.responsible.trim())
        .bind(input.tolerance)
        .bind(self.clock.timestamp())
        .bind(id)
        .bind(municipality)
        .bind(input.responsible_body_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound(format!("goal {id}")));
        }
        util::audit(&mut tx, &self.clock, municipality, by, "update", "goal", Some(id), &input.title).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn goal_from_row(r: &sqlx::any::AnyRow) -> Result<Goal> {
    let level: String = r.try_get("level")?;
    let target = match (
        r.try_get::<Option<i64>, _>("baseline_year")?,
        r.try_get::<Option<f64>, _>("baseline_value")?,
        r.try_get::<Option<i64>, _>("target_year")?,
        r.try_get::<Option<f64>, _>("target_value")?,
    ) {
        (Some(by), Some(bv), Some(ty), Some(tv)) => {
            Some(Target { baseline_year: by as i32, baseline_value: bv, target_year: ty as i32, target_value: tv })
        }
        _ => None,
    };
    Ok(Goal {
        id: r.try_get("id")?,
        input: GoalInput {
            parent_id: r.try_get("parent_id")?,
            level: GoalLevel::parse(&level).unwrap_or(GoalLevel::Action),
            title: r.try_get("title")?,
            description: r.try_get("description")?,
            indicator_code: r.try_get("indicator_code")?,
            district_id: r.try_get("district_id")?,
            target,
            responsible_body_id: r.try_get("responsible_body_id")?,
            responsible: r.try_get("responsible")?,
            tolerance: r.try_get("tolerance")?,
        },
        district_name: r.try_get("district_name")?,
        responsible_body: match (r.try_get::<Option<String>, _>("body_name")?, r.try_get::<Option<String>, _>("body_kind")?) {
            (Some(name), Some(kind)) => Some((name, kind)),
            _ => None,
        },
        is_fictional: r.try_get::<i64, _>("is_fictional")? != 0,
    })
}
