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

use crate::frame::RowKeys;
use crate::frame::{Column, Frame};
use crate::steps::{Step, StepContext};
use crate::{MonitorError, Note, Result};

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
    /// Name of the level of the rows read (e.g. "gemeinde"); `aggregate` steps add levels
    /// above it, and a step's `level` field picks the rows it works on.
    #[serde(default)]
    pub level: Option<String>,
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
            // A step is read through its `kind` first, which loses the position of the field in
            // error: read that step again as its own kind to name the field's line.
            let e = step_error_in_place(text).filter(|e| e.span().is_some()).unwrap_or(e);
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
        for step in &self.steps {
            let op = step.operation();
            for c in op.reads() {
                if !produced.iter().any(|p| p == c) && !needed.iter().any(|n| n == c) {
                    needed.push(c.to_string());
                }
            }
            produced.extend(op.writes());
        }
        needed
    }

    /// Runs every step on a copy of `data` and returns the table with all intermediate columns.
    pub fn run(&self, data: &Frame) -> Result<Frame> {
        self.run_with_notes(data).map(|(frame, _)| frame)
    }

    /// Runs the recipe and says what a reader of the result should know: the components and
    /// orientation of each principal component, and the rows left without a value.
    pub fn run_with_notes(&self, data: &Frame) -> Result<(Frame, Vec<Note>)> {
        self.run_owned(data.clone())
    }

    /// `run_with_notes` on a table the caller no longer needs, without copying it.
    pub fn run_owned(&self, data: Frame) -> Result<(Frame, Vec<Note>)> {
        let mut f = data;
        if let Some(name) = &self.level {
            f.level_names[0] = name.clone();
        }
        for (name, other) in &self.aliases {
            if f.column(name).is_none() {
                if let Some(col) = f.column(other).cloned() {
                    f.set(name, col);
                }
            }
        }
        let mut notes = vec![];
        // columns with rows that lack a value, noted or passed on
        let mut carried: Vec<String> = vec![];
        let mut group_cache: Vec<(usize, usize, Vec<(String, Vec<usize>)>)> = vec![];
        let mut keys = f.keys.take().filter(|k| k.unit.len() == f.len()).unwrap_or_default();
        for (i, step) in self.steps.iter().enumerate() {
            let level = match step.level() {
                None => 0,
                Some(name) => f.level_names.iter().position(|n| n == name).ok_or_else(|| MonitorError::UnknownLevel {
                    step: i + 1,
                    kind: step.kind().into(),
                    level: name.into(),
                    available: f.level_names.join(", "),
                })?,
            };
            let op = step.operation();
            let writes = op.writes();
            let several_levels = f.level_names.len() > 1;
            let before: Vec<(String, Option<Column>)> =
                if several_levels { writes.iter().map(|c| (c.clone(), f.column(c).cloned())).collect() } else { vec![] };
            // the groups of a level change only when an aggregate appends rows
            let groups = match group_cache.iter().find(|(l, rows, _)| *l == level && *rows == f.len()) {
                Some((_, _, groups)) => groups.clone(),
                None => {
                    let groups = f.group_rows_at(level);
                    group_cache.push((level, f.len(), groups.clone()));
                    groups
                }
            };
            if keys.unit.len() != f.len() {
                keys = RowKeys::extended(keys, &f);
            }
            let mut cx = StepContext { frame: &mut f, groups, level, step: i + 1, kind: step.kind(), notes: &mut notes, keys: &keys };
            op.apply(&mut cx)?;
            if several_levels {
                keep_other_levels(&mut f, level, before);
            }
            let results: Vec<&String> =
                writes.iter().filter(|c| !self.steps[i + 1..].iter().any(|s| s.operation().reads().contains(&c.as_str()))).collect();
            rows_without_value(&f, level, (i + 1, step.kind()), &writes, &op.reads(), &results, &mut carried, &mut notes);
        }
        Ok((f, notes))
    }
}

/// The first error of a `[[step]]` table read as the step kind it names, with a span pointing
/// into `text`: every other line is blanked, so line numbers stay.
fn step_error_in_place(text: &str) -> Option<toml::de::Error> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_header = |l: &str| l.trim_start().starts_with('[') && l.trim_end().ends_with(']') && !l.contains('=');
    let headers: Vec<usize> = (0..lines.len()).filter(|&i| is_header(lines[i])).collect();
    for (h, &header) in headers.iter().enumerate() {
        if lines[header].trim() != "[[step]]" {
            continue;
        }
        let end = headers.get(h + 1).copied().unwrap_or(lines.len());
        let mut kind = None;
        let mut blanked = String::with_capacity(text.len());
        for (i, l) in lines.iter().enumerate() {
            let key = l.split('=').next().unwrap_or("").trim();
            if i > header && i < end && key == "kind" {
                kind = l.split_once('=').map(|(_, v)| v.trim().trim_matches('"').to_string());
            }
            if i > header && i < end && key != "kind" {
                blanked.push_str(l);
            } else {
                blanked.push_str(&" ".repeat(l.trim_end_matches('\n').len()));
                if l.ends_with('\n') {
                    blanked.push('\n');
                }
            }
        }
        if let Some(e) = kind.and_then(|k| Step::error_as_kind(&k, &blanked)) {
            return Some(e);
        }
    }
    None
}

/// A step computes on its own level; every other level keeps the cells it had before.
fn keep_other_levels(f: &mut Frame, level: usize, before: Vec<(String, Option<Column>)>) {
    let Frame { columns, levels, .. } = f;
    for (name, previous) in before {
        let Some((_, column)) = columns.iter_mut().find(|(n, _)| *n == name) else { continue };
        for (r, _) in levels.iter().enumerate().filter(|(_, l)| **l != level) {
            match (&mut *column, &previous) {
                (Column::Num(now), Some(Column::Num(was))) => now[r] = was.get(r).copied().unwrap_or(crate::frame::MISSING),
                (Column::Text(now), Some(Column::Text(was))) => now[r] = was.get(r).cloned().flatten(),
                (Column::Text(now), Some(Column::Num(was))) => {
                    now[r] = was.get(r).copied().and_then(crate::frame::value).map(crate::format_number)
                }
                (Column::Num(now), _) => now[r] = crate::frame::MISSING,
                (Column::Text(now), _) => now[r] = None,
            }
        }
    }
}

/// A note for each column the step wrote that has rows without a value, with the inputs
/// missing in those rows: a recipe whose inputs have gaps must not pass silently. A gap that
/// only passes on one already noted is not noted again, except in `results` (the columns no
/// later step reads).
#[allow(clippy::too_many_arguments)]
fn rows_without_value(
    f: &Frame,
    level: usize,
    (step, kind): (usize, &str),
    writes: &[String],
    reads: &[&str],
    results: &[&String],
    carried: &mut Vec<String>,
    notes: &mut Vec<Note>,
) {
    let rows: Vec<usize> = (0..f.len()).filter(|&r| f.levels[r] == level).collect();
    let present = |column: Option<&Column>, r: usize| match column {
        Some(Column::Num(v)) => !v[r].is_nan(),
        Some(Column::Text(v)) => v[r].is_some(),
        None => true,
    };
    for column in writes {
        let written = f.column(column);
        let missing: Vec<usize> = rows.iter().copied().filter(|&r| !present(written, r)).collect();
        if missing.is_empty() {
            continue;
        }
        let mut inputs: Vec<&str> = vec![];
        for input in reads {
            if !inputs.contains(input) && input != column {
                inputs.push(input);
            }
        }
        let causes: Vec<(String, usize)> = inputs
            .iter()
            .map(|input| (input.to_string(), missing.iter().filter(|&&r| !present(f.column(input), r)).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        let passed_on: Vec<Option<&Column>> = carried.iter().filter(|c| inputs.contains(&c.as_str())).map(|c| f.column(c)).collect();
        let inherited = missing.iter().all(|&r| passed_on.iter().any(|c| !present(*c, r)));
        carried.push(column.clone());
        if inherited && !results.contains(&column) {
            continue;
        }
        notes.push(Note::RowsWithoutValue {
            step,
            kind: kind.into(),
            column: column.clone(),
            missing: missing.len(),
            rows: rows.len(),
            causes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_steps_and_fields_are_named_with_their_line() {
        let err = Recipe::from_toml(
            "r.toml",
            "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"sum\"\ninputs = [\"a\"]\noutput = \"s\"\nbogus = 1\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("bogus") && err.contains("line 7"), "{err}");
        let err = Recipe::from_toml("r.toml", "id = \"x\"\nname = \"x\"\n[[step]]\nkind = \"blend\"\n").unwrap_err().to_string();
        assert!(err.contains("blend") && err.contains("zscore"), "{err}");
    }

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
        assert!(
            bad.run(&f).unwrap_err().to_string().contains("column 'z' does not exist"),
            "an anchor may be any column, but it must exist"
        );
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
        assert!(e.to_string().starts_with("recipe mss.toml: line 6:") && e.to_string().contains("biased"), "{e}");
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
