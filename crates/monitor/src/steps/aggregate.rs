//! `aggregate`: the weighted mean of `input` for higher-level units (e.g. municipalities →
//! districts), appended as new rows; the parent is the key's first `parent_key_length`
//! characters or the value of `parent_column`. The weight column (e.g. population) is summed
//! alongside.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::Column;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    pub input: String,
    #[serde(default)]
    pub weight: Option<String>,
    #[serde(default)]
    pub parent_key_length: Option<usize>,
    #[serde(default)]
    pub parent_column: Option<String>,
}

impl Operation for Aggregate {
    fn reads(&self) -> Vec<&str> {
        std::iter::once(self.input.as_str()).chain(self.weight.as_deref()).chain(self.parent_column.as_deref()).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let x = cx.numbers(&self.input)?;
        let w = match &self.weight {
            Some(c) => Some(cx.numbers(c)?),
            None => None,
        };
        let parents: Vec<Option<String>> = match (self.parent_key_length, &self.parent_column) {
            (Some(len), None) => cx.frame.units.iter().map(|u| (u.len() > len).then(|| u[..len].to_string())).collect(),
            (None, Some(col)) => cx.frame.texts(col).ok_or_else(|| cx.invalid(format!("no column '{col}'")))?,
            _ => return Err(cx.invalid("give exactly one of parent_key_length and parent_column")),
        };
        let f = &mut *cx.frame;
        // (parent, group) -> (sum w·x, sum w, sum w over all rows)
        let mut acc: Vec<((String, String), (f64, f64, f64))> = vec![];
        let mut index: HashMap<(String, String), usize> = HashMap::new();
        for r in 0..f.len() {
            let Some(parent) = &parents[r] else { continue };
            let wr = w.as_ref().map_or(Some(1.0), |w| w[r]);
            let key = (parent.clone(), f.groups[r].clone());
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                acc.push((key, (0.0, 0.0, 0.0)));
                acc.len() - 1
            });
            let e = &mut acc[slot].1;
            if let Some(wr) = wr {
                e.2 += wr;
                if let Some(v) = x[r] {
                    e.0 += wr * v;
                    e.1 += wr;
                }
            }
        }
        let existing: std::collections::HashSet<(String, String)> = f.units.iter().cloned().zip(f.groups.iter().cloned()).collect();
        let mut new_rows = vec![];
        for ((parent, group), (wx, wsum, wall)) in acc {
            if existing.contains(&(parent.clone(), group.clone())) {
                return Err(crate::MonitorError::Invalid {
                    step: cx.step,
                    kind: cx.kind.into(),
                    message: format!("unit '{parent}' already exists; aggregate into a level that is not in the table"),
                });
            }
            new_rows.push((parent, group, (wsum > 0.0).then(|| wx / wsum), wall));
        }
        let added = new_rows.len();
        for (name, col) in f.columns.iter_mut() {
            match col {
                Column::Num(v) => v.extend(new_rows.iter().map(|(_, _, value, wall)| {
                    if *name == self.input {
                        *value
                    } else if Some(&*name) == self.weight.as_ref() {
                        Some(*wall)
                    } else {
                        None
                    }
                })),
                Column::Text(v) => v.extend(std::iter::repeat_n(None, added)),
            }
        }
        for (parent, group, _, _) in new_rows {
            f.units.push(parent);
            f.groups.push(group);
        }
        *cx.groups = f.group_rows();
        Ok(())
    }
}
