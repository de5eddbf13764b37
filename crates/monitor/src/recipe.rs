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
    /// (x − min) / (max − min) × scale within each group.
    MinMax {
        input: String,
        output: String,
        #[serde(default = "hundred")]
        scale: f64,
    },
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
                Step::Sum { inputs, output, .. } | Step::Concat { inputs, output, .. } => {
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
        let groups = f.group_rows();
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
                        for &r in rows {
                            if let Some(v) = x[r] {
                                let better = rows.iter().filter_map(|&o| x[o]).filter(|&o| if *descending { o > v } else { o < v }).count();
                                ranks[r] = Some((better + 1) as f64);
                            }
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
                Step::Change { input, output, years } => {
                    let x = numbers(&f, input)?;
                    if f.group_column.is_none() {
                        return Err(invalid("needs `group_by` naming a year column".into()));
                    }
                    let year = |r: usize| f.groups[r].trim().parse::<i64>().ok();
                    let mut index = std::collections::HashMap::new();
                    for r in 0..f.len() {
                        match year(r) {
                            Some(y) => {
                                index.insert((f.units[r].clone(), y), r);
                            }
                            None => return Err(invalid(format!("group '{}' of row {} is not a year", f.groups[r], r + 1))),
                        }
                    }
                    let out = (0..f.len())
                        .map(|r| {
                            let before = index.get(&(f.units[r].clone(), year(r)? - years))?;
                            Some(x[r]? - x[*before]?)
                        })
                        .collect();
                    f.set(output, Column::Num(out));
                }
                Step::MinMax { input, output, scale } => {
                    let x = numbers(&f, input)?;
                    let mut out = vec![None; x.len()];
                    for (group, rows) in &groups {
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
