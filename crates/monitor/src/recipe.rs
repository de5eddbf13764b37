//! Recipes: a versioned, declarative description of an index, read from TOML.
//!
//! ```toml
//! id = "mss_status"
//! name = "Statusindex"
//! version = 1
//! unit = "id"          # column naming the unit (district key)
//! group_by = "year"    # optional: steps run per group (edition, year)
//!
//! [[step]]
//! kind = "zscore"
//! inputs = ["s1", "s3", "s4"]
//! prefix = "z_"
//! sd = "population"
//!
//! [[step]]
//! kind = "sum"
//! inputs = ["z_s1", "z_s3", "z_s4"]
//! output = "status_sum"
//! ```

use serde::Deserialize;

use std::collections::HashMap;

use crate::frame::{Column, Frame};
use crate::stats::{mean, std_dev};
use crate::{MonitorError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SdKind {
    /// divide by n
    #[default]
    Population,
    /// divide by n − 1
    Sample,
}

/// Which side of a class break belongs to the class above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Closed {
    /// intervals (a, b]: a value equal to a break falls into the lower class
    #[default]
    Right,
    /// intervals [a, b): a value equal to a break falls into the upper class
    Left,
}

/// Selects the reference set of a standardisation, e.g. only areas with ≥ 300 inhabitants.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    pub column: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// z = (x − mean) / sd per input, over the reference rows of each group. One output per
    /// input: `output` for a single input, else `prefix` + input name.
    Zscore {
        inputs: Vec<String>,
        #[serde(default)]
        prefix: Option<String>,
        #[serde(default)]
        output: Option<String>,
        #[serde(default)]
        sd: SdKind,
        #[serde(default)]
        reference: Option<Filter>,
        /// multiply by −1 (for indicators where higher is better)
        #[serde(default)]
        invert: bool,
    },
    /// Weighted sum (weights default to 1); missing inputs make the result missing.
    Sum {
        inputs: Vec<String>,
        #[serde(default)]
        weights: Option<Vec<f64>>,
        output: String,
    },
    /// Classes by thresholds: `labels` has one more entry than `breaks`.
    Classify {
        input: String,
        output: String,
        breaks: Vec<f64>,
        labels: Vec<String>,
        #[serde(default)]
        closed: Closed,
    },
    /// Text concatenation of columns, e.g. status class and dynamics class.
    Concat {
        inputs: Vec<String>,
        output: String,
        #[serde(default)]
        separator: String,
    },
    /// Rank 1..n within each group (ties get the same, lowest rank).
    Rank {
        input: String,
        output: String,
        #[serde(default)]
        descending: bool,
    },
    /// Classes by quantiles within each group (quintiles: n = 5, deciles: n = 10); class 1
    /// holds the lowest values. The quantile definition follows R's `quantile(type = …)`.
    Quantiles {
        input: String,
        output: String,
        n: usize,
        #[serde(default = "seven")]
        r_type: u8,
        #[serde(default)]
        labels: Option<Vec<String>>,
    },
    /// Change of a column over `years` within each unit: value in group g minus value in
    /// group g − years (the group column holds years). Missing if either is missing.
    Change { input: String, output: String, years: i64 },
    /// A rate pooled over the last `years` years (this one included): Σ numerator / Σ
    /// denominator × `scale` within each unit — steadier for small areas than one year alone.
    /// Missing if any year in the window lacks a value.
    PoolRate {
        numerator: String,
        denominator: String,
        output: String,
        years: i64,
        #[serde(default = "hundred")]
        scale: f64,
    },
    /// (x − min) / (max − min) × scale within each group.
    MinMax {
        input: String,
        output: String,
        #[serde(default = "hundred")]
        scale: f64,
        /// "group" (default): per group (year); "all": pooled over all rows
        #[serde(default)]
        scope: Scope,
    },
    /// Fills missing values of `target` by ordinary least squares on `predictors` (with an
    /// intercept), fitted on the rows where all are present. Observed values stay.
    ImputeOls {
        target: String,
        predictors: Vec<String>,
        #[serde(default)]
        output: Option<String>,
        #[serde(default)]
        scope: Scope,
    },
    /// Score on the first principal component of the correlation matrix of `inputs`; the sign
    /// is anchored so that `anchor` loads positively. Rows with a missing input get no score.
    Pca {
        inputs: Vec<String>,
        output: String,
        anchor: String,
        /// "all" (default): one component over all rows (years pooled); "group": per group
        #[serde(default = "scope_all")]
        scope: Scope,
    },
    /// Weighted mean of `input` for higher-level units (e.g. municipalities → districts),
    /// appended as new rows; the parent is the key's first `parent_key_length` characters or the
    /// value of `parent_column`. The weight column (e.g. population) is summed alongside.
    Aggregate {
        input: String,
        #[serde(default)]
        weight: Option<String>,
        #[serde(default)]
        parent_key_length: Option<usize>,
        #[serde(default)]
        parent_column: Option<String>,
    },
}

/// Over which rows a statistic is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Group,
    All,
}

fn scope_all() -> Scope {
    Scope::All
}

fn seven() -> u8 {
    7
}

fn hundred() -> f64 {
    100.0
}

impl Step {
    fn kind(&self) -> &'static str {
        match self {
            Step::Zscore { .. } => "zscore",
            Step::Sum { .. } => "sum",
            Step::Classify { .. } => "classify",
            Step::Concat { .. } => "concat",
            Step::Rank { .. } => "rank",
            Step::MinMax { .. } => "min_max",
            Step::Quantiles { .. } => "quantiles",
            Step::Change { .. } => "change",
            Step::PoolRate { .. } => "pool_rate",
            Step::ImputeOls { .. } => "impute_ols",
            Step::Pca { .. } => "pca",
            Step::Aggregate { .. } => "aggregate",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    pub id: String,
    pub name: String,
    #[serde(default = "one")]
    pub version: u32,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: String,
    #[serde(default = "default_unit")]
    pub unit: String,
    #[serde(default)]
    pub group_by: Option<String>,
    /// Other names a column may have in the data: `name = "other"` lets a recipe written for
    /// the raw MSS tables (s1_percentage_unemployed) run on kette's indicator codes (mss_s1).
    #[serde(default)]
    pub aliases: std::collections::BTreeMap<String, String>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

fn one() -> u32 {
    1
}

fn default_unit() -> String {
    "id".into()
}

impl Recipe {
    /// Parses a recipe; errors name the TOML line and what was expected.
    pub fn from_toml(source_name: &str, text: &str) -> Result<Recipe> {
        let recipe: Recipe = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            MonitorError::Recipe {
                source_name: source_name.into(),
                message: match line {
                    Some(l) => format!("line {l}: {}", e.message()),
                    None => e.message().to_string(),
                },
            }
        })?;
        if recipe.steps.is_empty() {
            return Err(MonitorError::Recipe { source_name: source_name.into(), message: "a recipe needs at least one [[step]]".into() });
        }
        Ok(recipe)
    }

    /// The columns the recipe reads from the data, under their alias where one is given.
    pub fn data_columns(&self) -> Vec<String> {
        self.required_inputs().into_iter().map(|c| self.aliases.get(&c).cloned().unwrap_or(c)).collect()
    }

    /// The columns the recipe reads from the data (not computed by an earlier step).
    pub fn required_inputs(&self) -> Vec<String> {
        let mut produced: Vec<String> = vec![];
        let mut needed: Vec<String> = vec![];
        let mut need = |c: &String, produced: &Vec<String>| {
            if !produced.contains(c) && !needed.contains(c) {
                needed.push(c.clone());
            }
        };
        for step in &self.steps {
            match step {
                Step::Zscore { inputs, prefix, output, reference, .. } => {
                    inputs.iter().for_each(|c| need(c, &produced));
                    if let Some(f) = reference {
                        need(&f.column, &produced);
                    }
                    produced.extend(zscore_outputs(inputs, prefix, output));
                }
                Step::PoolRate { numerator, denominator, output, .. } => {
                    need(numerator, &produced);
                    need(denominator, &produced);
                    produced.push(output.clone());
                }
                Step::ImputeOls { target, predictors, output, .. } => {
                    need(target, &produced);
                    predictors.iter().for_each(|c| need(c, &produced));
                    produced.push(output.clone().unwrap_or_else(|| target.clone()));
                }
                Step::Aggregate { input, weight, parent_column, .. } => {
                    need(input, &produced);
                    if let Some(w) = weight {
                        need(w, &produced);
                    }
                    if let Some(p) = parent_column {
                        need(p, &produced);
                    }
                }
                Step::Sum { inputs, output, .. } | Step::Concat { inputs, output, .. } | Step::Pca { inputs, output, .. } => {
                    inputs.iter().for_each(|c| need(c, &produced));
                    produced.push(output.clone());
                }
                Step::Classify { input, output, .. }
                | Step::Rank { input, output, .. }
                | Step::MinMax { input, output, .. }
                | Step::Quantiles { input, output, .. }
                | Step::Change { input, output, .. } => {
                    need(input, &produced);
                    produced.push(output.clone());
                }
            }
        }
        needed
    }

    /// Runs every step on a copy of `data` and returns the table with all intermediate columns.
    pub fn run(&self, data: &Frame) -> Result<Frame> {
        let mut f = data.clone();
        for (name, other) in &self.aliases {
            if f.column(name).is_none() {
                if let Some(col) = f.column(other).cloned() {
                    f.set(name, col);
                }
            }
        }
        let mut groups = f.group_rows();
        for (i, step) in self.steps.iter().enumerate() {
            let n = i + 1;
            let kind = step.kind();
            let numbers = |f: &Frame, column: &str| -> Result<Vec<Option<f64>>> {
                match f.column(column) {
                    Some(Column::Num(v)) => Ok(v.clone()),
                    Some(Column::Text(v)) => {
                        let (row, value) = v.iter().enumerate().find_map(|(r, x)| x.clone().map(|x| (r, x))).unwrap_or((0, String::new()));
                        Err(MonitorError::NotNumeric { step: n, kind: kind.into(), column: column.into(), row: row + 1, value })
                    }
                    None => Err(MonitorError::MissingColumn {
                        step: n,
                        kind: kind.into(),
                        column: column.into(),
                        available: f.columns.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
                    }),
                }
            };
            let invalid = |message: String| MonitorError::Invalid { step: n, kind: kind.into(), message };
            match step {
                Step::Zscore { inputs, prefix, output, sd, reference, invert } => {
                    if inputs.len() > 1 && output.is_some() {
                        return Err(invalid("`output` names one column; use `prefix` for several inputs".into()));
                    }
                    let filter = match reference {
                        Some(flt) => Some((numbers(&f, &flt.column)?, flt.clone())),
                        None => None,
                    };
                    let outputs = zscore_outputs(inputs, prefix, output);
                    for (input, out) in inputs.iter().zip(outputs) {
                        let x = numbers(&f, input)?;
                        let mut z = vec![None; x.len()];
                        for (group, rows) in &groups {
                            let reference_values: Vec<f64> = rows
                                .iter()
                                .filter(|&&r| match &filter {
                                    Some((col, flt)) => {
                                        col[r].is_some_and(|v| flt.min.is_none_or(|m| v >= m) && flt.max.is_none_or(|m| v <= m))
                                    }
                                    None => true,
                                })
                                .filter_map(|&r| x[r])
                                .collect();
                            let (Some(m), Some(s)) = (mean(&reference_values), std_dev(&reference_values, *sd)) else {
                                return Err(zero_variance(n, kind, input, group, reference_values.len()));
                            };
                            if s == 0.0 || !s.is_finite() {
                                return Err(zero_variance(n, kind, input, group, reference_values.len()));
                            }
                            let sign = if *invert { -1.0 } else { 1.0 };
                            for &r in rows {
                                z[r] = x[r].map(|v| sign * (v - m) / s);
                            }
                        }
                        f.set(&out, Column::Num(z));
                    }
                }
                Step::Sum { inputs, weights, output } => {
                    let w = weights.clone().unwrap_or_else(|| vec![1.0; inputs.len()]);
                    if w.len() != inputs.len() {
                        return Err(invalid(format!("{} weights for {} inputs", w.len(), inputs.len())));
                    }
                    let cols = inputs.iter().map(|c| numbers(&f, c)).collect::<Result<Vec<_>>>()?;
                    let sum = (0..f.len()).map(|r| cols.iter().zip(&w).try_fold(0.0, |acc, (c, w)| c[r].map(|v| acc + w * v))).collect();
                    f.set(output, Column::Num(sum));
                }
                Step::Classify { input, output, breaks, labels, closed } => {
                    if labels.len() != breaks.len() + 1 {
                        return Err(invalid(format!(
                            "{} labels for {} breaks: give one label more than breaks",
                            labels.len(),
                            breaks.len()
                        )));
                    }
                    if breaks.windows(2).any(|w| w[0] >= w[1]) {
                        return Err(invalid("breaks must increase".into()));
                    }
                    let x = numbers(&f, input)?;
                    let classes = x
                        .iter()
                        .map(|v| {
                            v.map(|v| {
                                let k = breaks
                                    .iter()
                                    .filter(|&&b| match closed {
                                        Closed::Right => v > b,
                                        Closed::Left => v >= b,
                                    })
                                    .count();
                                labels[k].clone()
                            })
                        })
                        .collect();
                    f.set(output, Column::Text(classes));
                }
                Step::Concat { inputs, output, separator } => {
                    let cols = inputs
                        .iter()
                        .map(|c| {
                            f.texts(c).ok_or_else(|| MonitorError::MissingColumn {
                                step: n,
                                kind: kind.into(),
                                column: c.clone(),
                                available: f.columns.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    let joined = (0..f.len())
                        .map(|r| cols.iter().map(|c| c[r].clone()).collect::<Option<Vec<_>>>().map(|parts| parts.join(separator)))
                        .collect();
                    f.set(output, Column::Text(joined));
                }
                Step::Rank { input, output, descending } => {
                    let x = numbers(&f, input)?;
                    let mut ranks = vec![None; x.len()];
                    for (_, rows) in &groups {
                        let mut present: Vec<(f64, usize)> = rows.iter().filter_map(|&r| x[r].map(|v| (v, r))).collect();
                        present.sort_by(|a, b| if *descending { b.0.total_cmp(&a.0) } else { a.0.total_cmp(&b.0) });
                        // ties share the lowest rank ("min" ranking)
                        let mut rank = 0;
                        for (i, &(v, r)) in present.iter().enumerate() {
                            if i == 0 || v != present[i - 1].0 {
                                rank = i + 1;
                            }
                            ranks[r] = Some(rank as f64);
                        }
                    }
                    f.set(output, Column::Num(ranks));
                }
                Step::Quantiles { input, output, n: classes, r_type, labels } => {
                    if *classes < 2 {
                        return Err(invalid("n must be at least 2".into()));
                    }
                    if !matches!(r_type, 7 | 9) {
                        return Err(invalid(format!("r_type {r_type} is not supported; use 7 (R's default) or 9")));
                    }
                    let labels = labels.clone().unwrap_or_else(|| (1..=*classes).map(|k| k.to_string()).collect());
                    if labels.len() != *classes {
                        return Err(invalid(format!("{} labels for {classes} classes", labels.len())));
                    }
                    let x = numbers(&f, input)?;
                    let mut out = vec![None; x.len()];
                    for (group, rows) in &groups {
                        let mut sorted: Vec<f64> = rows.iter().filter_map(|&r| x[r]).collect();
                        if sorted.is_empty() {
                            return Err(zero_variance(n, kind, input, group, 0));
                        }
                        sorted.sort_by(|a, b| a.total_cmp(b));
                        let breaks: Vec<f64> =
                            (1..*classes).map(|k| crate::stats::quantile(&sorted, k as f64 / *classes as f64, *r_type)).collect();
                        for &r in rows {
                            out[r] = x[r].map(|v| labels[breaks.iter().filter(|&&b| v > b).count()].clone());
                        }
                    }
                    f.set(output, Column::Text(out));
                }
                Step::PoolRate { numerator, denominator, output, years, scale } => {
                    let (num, den) = (numbers(&f, numerator)?, numbers(&f, denominator)?);
                    if f.group_column.is_none() || *years < 1 {
                        return Err(invalid("needs `group_by` naming a year column and years ≥ 1".into()));
                    }
                    let year = |r: usize| f.groups[r].trim().parse::<i64>().ok();
                    let index = year_index(&f).map_err(invalid)?;
                    let out = (0..f.len())
                        .map(|r| {
                            let y = year(r)?;
                            let (mut n, mut d) = (0.0, 0.0);
                            for back in 0..*years {
                                let row = *index.get(&(f.units[r].clone(), y - back))?;
                                n += num[row]?;
                                d += den[row]?;
                            }
                            (d > 0.0).then(|| n / d * scale)
                        })
                        .collect();
                    f.set(output, Column::Num(out));
                }
                Step::Change { input, output, years } => {
                    let x = numbers(&f, input)?;
                    if f.group_column.is_none() {
                        return Err(invalid("needs `group_by` naming a year column".into()));
                    }
                    let year = |r: usize| f.groups[r].trim().parse::<i64>().ok();
                    let index = year_index(&f).map_err(invalid)?;
                    let out = (0..f.len())
                        .map(|r| {
                            let before = index.get(&(f.units[r].clone(), year(r)? - years))?;
                            Some(x[r]? - x[*before]?)
                        })
                        .collect();
                    f.set(output, Column::Num(out));
                }
                Step::ImputeOls { target, predictors, output, scope } => {
                    let y = numbers(&f, target)?;
                    let xs = predictors.iter().map(|p| numbers(&f, p)).collect::<Result<Vec<_>>>()?;
                    let mut filled = y.clone();
                    for (group, rows) in &scoped(&groups, *scope, f.len()) {
                        let complete: Vec<usize> =
                            rows.iter().copied().filter(|&r| y[r].is_some() && xs.iter().all(|x| x[r].is_some())).collect();
                        let design =
                            |r: usize| -> Vec<f64> { std::iter::once(1.0).chain(xs.iter().map(|x| x[r].unwrap_or(f64::NAN))).collect() };
                        let targets: Vec<f64> = complete.iter().map(|&r| y[r].unwrap_or_default()).collect();
                        let rows_x: Vec<Vec<f64>> = complete.iter().map(|&r| design(r)).collect();
                        let beta = crate::linalg::ols(&rows_x, &targets).ok_or_else(|| {
                            invalid(format!(
                                "cannot fit {target} on {}{}: too few complete rows or collinear predictors",
                                predictors.join(", "),
                                if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                            ))
                        })?;
                        for &r in rows {
                            if y[r].is_none() && xs.iter().all(|x| x[r].is_some()) {
                                filled[r] = Some(design(r).iter().zip(&beta).map(|(a, b)| a * b).sum());
                            }
                        }
                    }
                    f.set(output.as_deref().unwrap_or(target), Column::Num(filled));
                }
                Step::Pca { inputs, output, anchor, scope } => {
                    if inputs.len() < 2 {
                        return Err(invalid("a principal component needs at least two inputs".into()));
                    }
                    let Some(anchor_idx) = inputs.iter().position(|c| c == anchor) else {
                        return Err(invalid(format!("anchor '{anchor}' is not one of the inputs")));
                    };
                    let xs = inputs.iter().map(|c| numbers(&f, c)).collect::<Result<Vec<_>>>()?;
                    let mut score = vec![None; f.len()];
                    for (group, rows) in &scoped(&groups, *scope, f.len()) {
                        let complete: Vec<usize> = rows.iter().copied().filter(|&r| xs.iter().all(|x| x[r].is_some())).collect();
                        // standardise each input over the complete rows (sample sd, as R's prcomp(scale = TRUE))
                        let mut z: Vec<Vec<f64>> = vec![];
                        for (k, x) in xs.iter().enumerate() {
                            let vals: Vec<f64> = complete.iter().map(|&r| x[r].unwrap_or_default()).collect();
                            let (Some(m), Some(s)) = (mean(&vals), std_dev(&vals, SdKind::Sample)) else {
                                return Err(zero_variance(n, kind, &inputs[k], group, vals.len()));
                            };
                            if s == 0.0 {
                                return Err(zero_variance(n, kind, &inputs[k], group, vals.len()));
                            }
                            z.push(vals.iter().map(|v| (v - m) / s).collect());
                        }
                        let p = inputs.len();
                        let cnt = complete.len() as f64;
                        let mut corr = vec![vec![0.0; p]; p];
                        for a in 0..p {
                            for b in 0..p {
                                corr[a][b] = z[a].iter().zip(&z[b]).map(|(u, v)| u * v).sum::<f64>() / (cnt - 1.0);
                            }
                        }
                        let mut v = crate::linalg::first_eigenvector(&corr);
                        if v[anchor_idx] < 0.0 {
                            v.iter_mut().for_each(|x| *x = -*x);
                        }
                        for (i, &r) in complete.iter().enumerate() {
                            score[r] = Some((0..p).map(|k| v[k] * z[k][i]).sum());
                        }
                    }
                    f.set(output, Column::Num(score));
                }
                Step::Aggregate { input, weight, parent_key_length, parent_column } => {
                    let x = numbers(&f, input)?;
                    let w = match weight {
                        Some(c) => Some(numbers(&f, c)?),
                        None => None,
                    };
                    let parents: Vec<Option<String>> = match (parent_key_length, parent_column) {
                        (Some(len), None) => f.units.iter().map(|u| (u.len() > *len).then(|| u[..*len].to_string())).collect(),
                        (None, Some(col)) => f.texts(col).ok_or_else(|| invalid(format!("no column '{col}'")))?,
                        _ => return Err(invalid("give exactly one of parent_key_length and parent_column".into())),
                    };
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
                    let existing: std::collections::HashSet<(String, String)> =
                        f.units.iter().cloned().zip(f.groups.iter().cloned()).collect();
                    let mut new_rows = vec![];
                    for ((parent, group), (wx, wsum, wall)) in acc {
                        if existing.contains(&(parent.clone(), group.clone())) {
                            return Err(invalid(format!(
                                "unit '{parent}' already exists; aggregate into a level that is not in the table"
                            )));
                        }
                        new_rows.push((parent, group, (wsum > 0.0).then(|| wx / wsum), wall));
                    }
                    let added = new_rows.len();
                    for (name, col) in f.columns.iter_mut() {
                        match col {
                            Column::Num(v) => v.extend(new_rows.iter().map(|(_, _, value, wall)| {
                                if name == input {
                                    *value
                                } else if Some(&*name) == weight.as_ref() {
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
                    groups = f.group_rows();
                }
                Step::MinMax { input, output, scale, scope } => {
                    let x = numbers(&f, input)?;
                    let mut out = vec![None; x.len()];
                    for (group, rows) in &scoped(&groups, *scope, f.len()) {
                        let vals: Vec<f64> = rows.iter().filter_map(|&r| x[r]).collect();
                        let (lo, hi) = vals.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
                        if vals.is_empty() || hi <= lo {
                            return Err(zero_variance(n, kind, input, group, vals.len()));
                        }
                        for &r in rows {
                            out[r] = x[r].map(|v| (v - lo) / (hi - lo) * scale);
                        }
                    }
                    f.set(output, Column::Num(out));
                }
            }
        }
        Ok(f)
    }
}

/// Row of each (unit, year), for steps that look back in time; the groups must be years.
fn year_index(f: &Frame) -> std::result::Result<HashMap<(String, i64), usize>, String> {
    let mut index = HashMap::new();
    for r in 0..f.len() {
        let y = f.groups[r].trim().parse::<i64>().map_err(|_| format!("group '{}' of row {} is not a year", f.groups[r], r + 1))?;
        index.insert((f.units[r].clone(), y), r);
    }
    Ok(index)
}

/// The row sets a statistic runs over: each group, or all rows as one.
fn scoped(groups: &[(String, Vec<usize>)], scope: Scope, rows: usize) -> Vec<(String, Vec<usize>)> {
    match scope {
        Scope::Group => groups.to_vec(),
        Scope::All => vec![(String::new(), (0..rows).collect())],
    }
}

fn zero_variance(step: usize, kind: &str, column: &str, group: &str, n: usize) -> MonitorError {
    MonitorError::ZeroVariance {
        step,
        kind: kind.into(),
        column: column.into(),
        group: if group.is_empty() { String::new() } else { format!(" in group '{group}'") },
        n,
    }
}

fn zscore_outputs(inputs: &[String], prefix: &Option<String>, output: &Option<String>) -> Vec<String> {
    match (inputs, output) {
        ([_], Some(o)) => vec![o.clone()],
        _ => inputs.iter().map(|i| format!("{}{i}", prefix.as_deref().unwrap_or("z_"))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame::from_csv(
            "t.csv",
            b"id,year,a,b,pop\n1,1,1,10,500\n2,1,2,20,500\n3,1,3,60,100\n1,2,5,5,500\n2,2,5,6,500\n3,2,8,7,500\n",
            "id",
            Some("year"),
        )
        .unwrap()
    }

    #[test]
    fn zscores_per_group_sum_and_classes() {
        let r = Recipe::from_toml(
            "r.toml",
            r#"
id = "t"
name = "Test"
group_by = "year"
[[step]]
kind = "zscore"
inputs = ["a", "b"]
[[step]]
kind = "sum"
inputs = ["z_a", "z_b"]
output = "s"
[[step]]
kind = "classify"
input = "s"
output = "c"
breaks = [-1.0, 1.0]
labels = ["low", "mid", "high"]
"#,
        )
        .unwrap();
        assert_eq!(r.required_inputs(), vec!["a", "b"]);
        let out = r.run(&frame()).unwrap();
        let za = out.numbers("z_a").unwrap();
        // group 1: a = 1,2,3 → mean 2, population sd sqrt(2/3)
        assert!((za[0].unwrap() + 1.224_744_871).abs() < 1e-9);
        assert!((za[1].unwrap()).abs() < 1e-12);
        assert_eq!(out.texts("c").unwrap()[0].as_deref(), Some("low"));
        assert_eq!(out.texts("c").unwrap()[2].as_deref(), Some("high"));
    }

    #[test]
    fn reference_filter_rank_minmax_concat() {
        let r = Recipe::from_toml(
            "r.toml",
            r#"
id = "t"
name = "T"
[[step]]
kind = "zscore"
inputs = ["a"]
output = "za"
reference = { column = "pop", min = 300 }
[[step]]
kind = "rank"
input = "a"
output = "rank"
descending = true
[[step]]
kind = "min_max"
input = "b"
output = "mm"
[[step]]
kind = "concat"
inputs = ["year", "rank"]
output = "label"
separator = "/"
"#,
        );
        // year is the group column, not a data column: named clearly
        let f = Frame::from_csv("t.csv", b"id,a,b,pop,year\n1,1,10,500,x\n2,3,20,500,y\n3,100,60,100,z\n", "id", None).unwrap();
        let out = r.unwrap().run(&f).unwrap();
        let za = out.numbers("za").unwrap();
        assert_eq!(za[0], Some(-1.0), "row 3 (pop 100) is outside the reference set");
        assert!(za[2].unwrap() > 90.0, "but it still gets a value");
        assert_eq!(out.numbers("rank").unwrap(), &[Some(3.0), Some(2.0), Some(1.0)]);
        assert_eq!(out.numbers("mm").unwrap()[1], Some(20.0));
        assert_eq!(out.texts("label").unwrap()[0].as_deref(), Some("x/3"));
    }

    #[test]
    fn quantile_classes_and_changes_over_years() {
        let rows: String =
            (1..=10).map(|i| format!("u{i},2019,{i},{}\n", i * 2)).chain((1..=10).map(|i| format!("u{i},2017,{i},{}\n", i))).collect();
        let f = Frame::from_csv("t.csv", format!("id,year,x,y\n{rows}").as_bytes(), "id", Some("year")).unwrap();
        let r = Recipe::from_toml(
            "r.toml",
            "id = \"q\"\nname = \"q\"\ngroup_by = \"year\"\n[[step]]\nkind = \"quantiles\"\ninput = \"x\"\noutput = \"quintile\"\nn = 5\n[[step]]\nkind = \"change\"\ninput = \"y\"\noutput = \"dy\"\nyears = 2\n",
        )
        .unwrap();
        let out = r.run(&f).unwrap();
        let q = out.texts("quintile").unwrap();
        // type 7 breaks for 1..10: 2.8, 4.6, 6.4, 8.2
        assert_eq!(q[..10].iter().map(|c| c.clone().unwrap()).collect::<Vec<_>>(), vec!["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"]);
        let dy = out.numbers("dy").unwrap();
        assert_eq!(dy[2], Some(3.0), "u3: 6 in 2019 minus 3 in 2017");
        assert_eq!(dy[12], None, "no 2015 value for 2017");
    }

    #[test]
    fn factor_index_steps_impute_pca_rescale_and_aggregate() {
        // y = 2 + 3a, missing in one row; b = 2a; c = −a; population w
        let csv = "id,year,a,b,c,y,w\n0101,1,1,2,-1,5,1\n0102,1,2,4,-2,,3\n0201,1,3,6,-3,11,2\n0202,1,5,10,-5,17,2\n";
        let f = Frame::from_csv("t.csv", csv.as_bytes(), "id", Some("year")).unwrap();
        let r = Recipe::from_toml(
            "gisd.toml",
            r#"
id = "factor"
name = "Factor index"
group_by = "year"
[[step]]
kind = "impute_ols"
target = "y"
predictors = ["a"]
[[step]]
kind = "pca"
inputs = ["a", "b", "c"]
output = "dim"
anchor = "c"
[[step]]
kind = "min_max"
input = "dim"
output = "score"
scale = 1
scope = "all"
[[step]]
kind = "aggregate"
input = "y"
weight = "w"
parent_key_length = 2
"#,
        )
        .unwrap();
        let out = r.run(&f).unwrap();
        assert!((out.numbers("y").unwrap()[1].unwrap() - 8.0).abs() < 1e-9, "imputed from the fitted line");
        let dim = out.numbers("dim").unwrap();
        assert!(dim[0].unwrap() > dim[3].unwrap(), "anchored on c = −a: the component grows with c");
        let score = out.numbers("score").unwrap();
        assert_eq!((score[3], score[0]), (Some(0.0), Some(1.0)));
        assert_eq!(out.len(), 6, "two parent rows appended");
        assert_eq!(&out.units[4..], &["01".to_string(), "02".to_string()]);
        let y = out.numbers("y").unwrap();
        assert!((y[4].unwrap() - (5.0 * 1.0 + 8.0 * 3.0) / 4.0).abs() < 1e-9, "population-weighted mean");
        assert_eq!(out.numbers("w").unwrap()[5], Some(4.0), "weights summed");
        let bad = Recipe::from_toml(
            "r",
            "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"pca\"\ninputs = [\"a\", \"b\"]\noutput = \"p\"\nanchor = \"z\"\n",
        )
        .unwrap();
        assert!(bad.run(&f).unwrap_err().to_string().contains("anchor 'z' is not one of the inputs"));
        let collinear = Recipe::from_toml(
            "r",
            "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"impute_ols\"\ntarget = \"y\"\npredictors = [\"a\", \"b\"]\n",
        )
        .unwrap();
        assert!(collinear.run(&f).unwrap_err().to_string().contains("collinear"), "b = 2a cannot both predict");
    }

    #[test]
    fn rates_pool_over_years_per_unit() {
        let csv = "id,year,n,d\na,2020,1,10\na,2021,2,10\na,2022,6,20\nb,2022,1,4\n";
        let f = Frame::from_csv("t.csv", csv.as_bytes(), "id", Some("year")).unwrap();
        let r = Recipe::from_toml("r", "id = \"p\"\nname = \"p\"\ngroup_by = \"year\"\n[[step]]\nkind = \"pool_rate\"\nnumerator = \"n\"\ndenominator = \"d\"\noutput = \"rate3\"\nyears = 3\n").unwrap();
        let out = r.run(&f).unwrap();
        let rate = out.numbers("rate3").unwrap();
        assert_eq!(rate[2], Some(22.5), "(1 + 2 + 6) / (10 + 10 + 20)");
        assert_eq!((rate[0], rate[3]), (None, None), "incomplete windows stay empty");
    }

    #[test]
    fn bad_recipes_and_degenerate_data_are_named() {
        let e = Recipe::from_toml("mss.toml", "id = \"x\"\nname = \"y\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"a\"]\nsd = \"biased\"\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("recipe mss.toml: line 3:") && e.to_string().contains("biased"), "{e}");
        let e = Recipe::from_toml("r.toml", "id = \"x\"\nname = \"y\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"missing\"]\n")
            .unwrap()
            .run(&frame())
            .unwrap_err();
        assert!(matches!(e, MonitorError::MissingColumn { ref column, .. } if column == "missing"), "{e}");
        assert!(e.to_string().contains("the table has: a, b, pop"), "{e}");
        let flat = Frame::from_csv("t.csv", b"id,a\n1,5\n2,5\n", "id", None).unwrap();
        let e = Recipe::from_toml("r.toml", "id = \"x\"\nname = \"y\"\n[[step]]\nkind = \"zscore\"\ninputs = [\"a\"]\n")
            .unwrap()
            .run(&flat)
            .unwrap_err();
        assert!(e.to_string().contains("column 'a' has no variance"), "{e}");
        let e = Recipe::from_toml(
            "r.toml",
            "id = \"x\"\nname = \"y\"\n[[step]]\nkind = \"classify\"\ninput = \"a\"\noutput = \"c\"\nbreaks = [1.0]\nlabels = [\"x\"]\n",
        )
        .unwrap()
        .run(&flat)
        .unwrap_err();
        assert!(e.to_string().contains("1 labels for 1 breaks"), "{e}");
        assert!(Recipe::from_toml("r.toml", "id = \"x\"\nname = \"y\"\n").is_err(), "steps are required");
    }
}
