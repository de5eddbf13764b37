//! Monitoring runs on stored values, written once for the pages and anything else that runs a
//! recipe on the server: the input table built from the figures the reader may see, the run,
//! the comparison of two recipe versions, and publishing a result column as an indicator.

use std::collections::HashMap;
use std::sync::Arc;

use kette_domain::disclosure::Disclosure;
use kette_domain::MunicipalityId;
use kette_monitor::{Column, Frame, Recipe};

use crate::{App, AppError, Result};

/// A recipe's input table built from stored values.
pub struct RecipeInput {
    /// (district key, name) of each frame row
    pub units: Vec<(String, String)>,
    pub frame: Frame,
    /// the frame rows of the year asked for (all rows unless the recipe runs over years)
    pub shown: Vec<usize>,
}

/// A district whose class differs between two versions of a recipe.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassChange {
    pub key: String,
    pub name: String,
    pub column: String,
    pub before: String,
    pub after: String,
}

/// What a recipe input table depends on besides the data generation: municipality, whether
/// the reader sees raw statistics, the inputs, whether the recipe runs over years, the year.
pub(crate) type RecipeInputKey = (MunicipalityId, bool, Vec<String>, bool, i32);

/// Input tables kept at most; a new generation replaces them anyway.
const RECIPE_INPUTS_KEPT: usize = 64;

impl App {
    /// The stored values of the recipe's inputs as an engine table, one row per district of the
    /// level most values are published for. A recipe that groups by year (changes over n
    /// years, pooled rates) gets every stored year up to `year`, one row per district and year,
    /// so it runs on the server exactly as `kette index run` does on a file; the others get
    /// `year` alone. The values are those `reader` may see: a withheld input is missing, so no
    /// result can give it back by differencing.
    /// The table is built once per data generation and kept.
    pub async fn recipe_input(&self, reader: &Disclosure, m: MunicipalityId, recipe: &Recipe, year: i32) -> Result<Arc<RecipeInput>> {
        let inputs = recipe.data_columns();
        let generation = self.store.stats_generation(m).await?;
        let key: RecipeInputKey = (m, reader.sees_raw_statistics(), inputs.clone(), recipe.group_by.is_some(), year);
        if let Some(input) = crate::kept(&self.recipe_inputs, &key, &generation) {
            return Ok(input);
        }
        let input = Arc::new(self.build_recipe_input(reader, m, recipe, inputs, year).await?);
        crate::keep(&self.recipe_inputs, key, generation, input.clone(), RECIPE_INPUTS_KEPT);
        Ok(input)
    }

    async fn build_recipe_input(
        &self,
        reader: &Disclosure,
        m: MunicipalityId,
        recipe: &Recipe,
        inputs: Vec<String>,
        year: i32,
    ) -> Result<RecipeInput> {
        let years = if recipe.group_by.is_some() { 1900..=year } else { year..=year };
        let table = self.figures(reader, m).await?.table(&inputs, years);
        let mut levels: HashMap<i64, usize> = HashMap::new();
        for r in &table {
            *levels.entry(r.2).or_default() += 1;
        }
        let level = levels.into_iter().max_by_key(|(l, n)| (*n, *l)).map(|(l, _)| l).unwrap_or(0);
        let mut units: Vec<(String, String)> = vec![];
        let mut groups: Vec<String> = vec![];
        let mut shown = vec![];
        let mut index: HashMap<(String, i32), usize> = HashMap::new();
        for (key, name, l, y, _, _) in &table {
            if *l == level && !index.contains_key(&(key.clone(), *y)) {
                index.insert((key.clone(), *y), units.len());
                if *y == year {
                    shown.push(units.len());
                }
                units.push((key.clone(), name.clone()));
                groups.push(if recipe.group_by.is_some() { y.to_string() } else { String::new() });
            }
        }
        let mut columns: Vec<(String, Column)> =
            inputs.iter().map(|c| (c.clone(), Column::Num(vec![kette_monitor::MISSING; units.len()]))).collect();
        for (key, _, l, y, code, value) in &table {
            if *l != level {
                continue;
            }
            if let (Some(&row), Some((_, Column::Num(col)))) = (index.get(&(key.clone(), *y)), columns.iter_mut().find(|(c, _)| c == code))
            {
                col[row] = value.unwrap_or(kette_monitor::MISSING);
            }
        }
        let frame = Frame::new("key", recipe.group_by.clone(), units.iter().map(|u| u.0.clone()).collect(), groups, columns);
        Ok(RecipeInput { units, frame, shown })
    }

    /// Districts whose text columns (classes) differ between `recipe` and `other` in `year`.
    pub async fn class_changes(
        &self,
        reader: &Disclosure,
        m: MunicipalityId,
        recipe: &Recipe,
        other: &Recipe,
        year: i32,
    ) -> Result<Vec<ClassChange>> {
        let input = self.recipe_input(reader, m, recipe, year).await?;
        let other_input = self.recipe_input(reader, m, other, year).await?;
        let mut changes = vec![];
        if let (Ok(a), Ok(b)) = (recipe.run(&input.frame), other.run(&other_input.frame)) {
            for (column, col) in &a.columns {
                let (Column::Text(x), Some(Column::Text(y))) = (col, b.column(column)) else { continue };
                for &row in &input.shown {
                    let (key, name) = &input.units[row];
                    if let Some(&orow) = other_input.shown.iter().find(|&&o| &other_input.units[o].0 == key) {
                        if x[row] != y[orow] {
                            changes.push(ClassChange {
                                key: key.clone(),
                                name: name.clone(),
                                column: column.clone(),
                                before: y[orow].clone().unwrap_or_default(),
                                after: x[row].clone().unwrap_or_default(),
                            });
                        }
                    }
                }
            }
        }
        Ok(changes)
    }

    /// Publishes one numeric result column of a stored recipe version as an indicator's values
    /// for `year` (the indicator is created when new). What is published is computed from what
    /// the public may see. Returns the values written.
    pub async fn publish_recipe_column(
        &self,
        m: &kette_domain::Municipality,
        stored: &kette_store::StoredRecipe,
        year: i32,
        column: &str,
        indicator: &str,
        account: Option<kette_domain::AccountId>,
    ) -> Result<usize> {
        let (code, version) = (&stored.code, stored.version);
        let recipe = Recipe::from_toml(code, &stored.toml)?;
        let public = Disclosure::public(m.confidentiality);
        let input = self.recipe_input(&public, m.id, &recipe, year).await?;
        let out = recipe.run(&input.frame)?;
        let values = out.numbers(column).ok_or_else(|| AppError::NoSuchColumn(column.to_string()))?;
        if !self.store.indicators(m.id).await?.iter().any(|i| i.def.code == indicator) {
            let def = kette_domain::IndicatorDef {
                code: indicator.to_string(),
                name_de: format!("{} – {column}", stored.name),
                name_en: format!("{} – {column}", stored.name),
                description: format!("recipe {code}, version {version}"),
                unit: String::new(),
                direction: kette_domain::Direction::Neutral,
                source: format!("kette, recipe {code} v{version}"),
                licence: String::new(),
                min_denominator: None,
                meta: Default::default(),
            };
            self.store.upsert_indicators(m.id, &[def]).await?;
        }
        let rows: Vec<kette_domain::NewObservation> = input
            .shown
            .iter()
            .map(|&r| kette_domain::NewObservation {
                indicator_code: indicator.to_string(),
                district_key: input.units[r].0.clone(),
                year,
                value: values[r],
                numerator: None,
                denominator: None,
                source: format!("kette, recipe {code} v{version}"),
            })
            .collect();
        let provenance = kette_store::Provenance::of(&format!("recipe {code} v{version}"), stored.toml.as_bytes(), account);
        Ok(self.store.import_observations_from(m.id, &rows, Some(&provenance)).await?)
    }
}
