//! `aggregate`: the weighted mean of columns for higher-level units (e.g. municipalities →
//! districts). The parent is the key's first `parent_key_length` characters or the value of
//! `parent_column`. The parents' rows form their own level (`to_level`, default "parent"): they
//! are appended the first time and filled by every later `aggregate` into the same level, and
//! no statistic runs over them unless a step names that level. The weight column (e.g.
//! population) is summed alongside, so a further aggregation upward stays weighted.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::Column;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    #[serde(default)]
    pub input: Option<String>,
    #[serde(default)]
    pub inputs: Vec<String>,
    #[serde(default)]
    pub weight: Option<String>,
    #[serde(default)]
    pub parent_key_length: Option<usize>,
    #[serde(default)]
    pub parent_column: Option<String>,
    /// the name of the level the parents' rows form
    #[serde(default)]
    pub to_level: Option<String>,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Aggregate {
    fn columns(&self) -> impl Iterator<Item = &str> {
        self.input.iter().chain(&self.inputs).map(String::as_str)
    }
}

impl Operation for Aggregate {
    fn reads(&self) -> Vec<&str> {
        self.columns().chain(self.weight.as_deref()).chain(self.parent_column.as_deref()).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let names: Vec<&str> = self.columns().collect();
        if names.is_empty() {
            return Err(cx.invalid("name the columns to aggregate in `input` or `inputs`"));
        }
        let target = self.to_level.clone().unwrap_or_else(|| "parent".into());
        if cx.frame.level_names.get(cx.level) == Some(&target) {
            return Err(cx.invalid(format!("cannot aggregate level '{target}' into itself; name another `to_level`")));
        }
        let xs = names.iter().map(|c| cx.numbers(c)).collect::<Result<Vec<_>>>()?;
        let w = match &self.weight {
            Some(c) => Some(cx.numbers(c)?),
            None => None,
        };
        let parents: Vec<Option<String>> = match (self.parent_key_length, &self.parent_column) {
            (Some(len), None) => cx.frame.units.iter().map(|u| (u.len() > len).then(|| u[..len].to_string())).collect(),
            (None, Some(col)) => cx.texts(col)?,
            _ => return Err(cx.invalid("give exactly one of parent_key_length and parent_column")),
        };
        let rows = cx.rows();
        let f = &mut *cx.frame;
        let target_level = match f.level_names.iter().position(|n| *n == target) {
            Some(l) => l,
            None => {
                f.level_names.push(target.clone());
                f.level_names.len() - 1
            }
        };
        // (parent, group) -> per column (Σ w·x, Σ w over present x), and Σ w over all rows
        let mut acc: Vec<((String, String), Vec<(f64, f64)>, f64)> = vec![];
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        for &r in &rows {
            let Some(parent) = &parents[r] else { continue };
            let key = (parent.clone(), f.groups[r].clone());
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                acc.push((key, vec![(0.0, 0.0); xs.len()], 0.0));
                acc.len() - 1
            });
            let Some(wr) = w.as_ref().map_or(Some(1.0), |w| w[r]) else { continue };
            let (_, sums, all) = &mut acc[slot];
            *all += wr;
            for (k, x) in xs.iter().enumerate() {
                if let Some(v) = x[r] {
                    sums[k].0 += wr * v;
                    sums[k].1 += wr;
                }
            }
        }
        let mut existing: HashMap<(String, String), usize> = HashMap::new();
        for r in (0..f.len()).filter(|&r| f.levels[r] == target_level) {
            existing.insert((f.units[r].clone(), f.groups[r].clone()), r);
        }
        for ((parent, group), sums, all) in acc {
            let row = match existing.get(&(parent.clone(), group.clone())) {
                Some(&row) => row,
                None => {
                    for (_, col) in f.columns.iter_mut() {
                        match col {
                            Column::Num(v) => v.push(None),
                            Column::Text(v) => v.push(None),
                        }
                    }
                    f.units.push(parent);
                    f.groups.push(group);
                    f.levels.push(target_level);
                    if !f.lines.is_empty() {
                        f.lines.push(0);
                    }
                    f.len() - 1
                }
            };
            for (k, name) in names.iter().enumerate() {
                if let Some((_, Column::Num(v))) = f.columns.iter_mut().find(|(n, _)| n == name) {
                    v[row] = (sums[k].1 > 0.0).then(|| sums[k].0 / sums[k].1);
                }
            }
            if let Some(weight) = &self.weight {
                if let Some((_, Column::Num(v))) = f.columns.iter_mut().find(|(n, _)| n == weight) {
                    v[row] = Some(all);
                }
            }
        }
        Ok(())
    }
}
