//! `aggregate`: the weighted mean of columns for higher-level units (e.g. municipalities →
//! districts). The parent is the key's first `parent_key_length` characters or the value of
//! `parent_column`. The parents' rows form their own level (`to_level`, default "parent"): they
//! are appended the first time and filled by every later `aggregate` into the same level, and
//! no statistic runs over them unless a step names that level. The weight column (e.g.
//! population) is summed alongside, so a further aggregation upward stays weighted.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{value, Column, MISSING};
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
        let xs = names.iter().map(|c| cx.numbers(c).map(<[_]>::to_vec)).collect::<Result<Vec<_>>>()?;
        let w = match &self.weight {
            Some(c) => Some(cx.numbers(c)?.to_vec()),
            None => None,
        };
        // the parent of each unit, worked out once per unit rather than once per row
        let keys = cx.keys;
        let mut first_row = vec![usize::MAX; keys.units];
        for (r, &u) in keys.unit.iter().enumerate() {
            let slot = &mut first_row[u as usize];
            *slot = (*slot).min(r);
        }
        let parent_column = match (self.parent_key_length, &self.parent_column) {
            (Some(_), None) => None,
            (None, Some(col)) => Some(cx.texts(col)?),
            _ => return Err(cx.invalid("give exactly one of parent_key_length and parent_column")),
        };
        let rows = cx.rows();
        // by key: the parent of each unit, worked out once per unit rather than once per row
        let parent_by_unit: Vec<Option<String>> = match self.parent_key_length {
            Some(len) if parent_column.is_none() => first_row
                .iter()
                .map(|&r| {
                    let u = cx.frame.units.get(r)?;
                    (u.len() > len && u.is_char_boundary(len)).then(|| u[..len].to_string())
                })
                .collect(),
            _ => vec![],
        };
        let f = &mut *cx.frame;
        let target_level = match f.level_names.iter().position(|n| *n == target) {
            Some(l) => l,
            None => {
                f.level_names.push(target.clone());
                f.level_names.len() - 1
            }
        };
        // (parent, group) -> per column (Σ w·x, Σ w over present x), and Σ w over all rows
        let mut acc: Vec<((String, u32), Vec<(f64, f64)>, f64)> = vec![];
        let mut index: HashMap<(&str, u32), usize> = HashMap::new();
        for &r in &rows {
            let parent = match &parent_column {
                Some(col) => col[r].as_ref(),
                None => parent_by_unit[keys.unit[r] as usize].as_ref(),
            };
            let Some(parent) = parent else { continue };
            let group = keys.group[r];
            let slot = *index.entry((parent.as_str(), group)).or_insert_with(|| {
                acc.push(((parent.clone(), group), vec![(0.0, 0.0); xs.len()], 0.0));
                acc.len() - 1
            });
            let Some(wr) = w.as_ref().map_or(Some(1.0), |w| value(w[r])) else { continue };
            let (_, sums, all) = &mut acc[slot];
            *all += wr;
            for (k, x) in xs.iter().enumerate() {
                if let Some(v) = value(x[r]) {
                    sums[k].0 += wr * v;
                    sums[k].1 += wr;
                }
            }
        }
        let mut existing: HashMap<(&str, &str), usize> = HashMap::new();
        for r in (0..f.len()).filter(|&r| f.levels[r] == target_level) {
            existing.insert((f.units[r].as_str(), f.groups[r].as_str()), r);
        }
        let existing: HashMap<(String, String), usize> =
            existing.into_iter().map(|((u, g), r)| ((u.to_string(), g.to_string()), r)).collect();
        let appended = acc
            .iter()
            .filter(|((parent, group), _, _)| !existing.contains_key(&(parent.clone(), keys.group_names[*group as usize].clone())))
            .count();
        for (_, col) in f.columns.iter_mut() {
            match col {
                Column::Num(v) => v.reserve_exact(appended),
                Column::Text(v) => v.reserve_exact(appended),
            }
        }
        for ((parent, group), sums, all) in acc {
            let group = keys.group_names[group as usize].clone();
            let row = match existing.get(&(parent.clone(), group.clone())) {
                Some(&row) => row,
                None => {
                    for (_, col) in f.columns.iter_mut() {
                        match col {
                            Column::Num(v) => v.push(MISSING),
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
                    v[row] = if sums[k].1 > 0.0 { sums[k].0 / sums[k].1 } else { MISSING };
                }
            }
            if let Some(weight) = &self.weight {
                if let Some((_, Column::Num(v))) = f.columns.iter_mut().find(|(n, _)| n == weight) {
                    v[row] = all;
                }
            }
        }
        Ok(())
    }
}
