//! The index engine of small-area monitoring: declarative *recipes* (TOML) computed over a
//! table with one row per unit (district) and group (year). Pure computation, no I/O: the
//! caller hands in text and gets tables back. The same engine serves `kette index run` and,
//! later, the server.
//!
//! A recipe is a list of steps, each adding named columns, so every intermediate score
//! (z-values, sums, index, class) stays visible and can be written out.

mod frame;
mod linalg;
mod recipe;
mod stats;
mod steps;

pub use frame::{format_number, value, Column, Frame, RowKeys, MISSING};
pub use recipe::Recipe;
pub use stats::SdKind;
pub use stats::{mean, quantile, std_dev, trend, wilson};
pub use steps::{Closed, Filter, Operation, Scope, Step, StepContext};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MonitorError {
    #[error("recipe {source_name}: {message}")]
    Recipe { source_name: String, message: String },
    #[error("step {step} ({kind}): column '{column}' does not exist; the table has: {available}")]
    MissingColumn { step: usize, kind: String, column: String, available: String },
    #[error("step {step} ({kind}): column '{column}' is not numeric: {} has '{value}'", match line { Some(l) => format!("line {l}"), None => format!("row {row}") })]
    NotNumeric { step: usize, kind: String, column: String, row: usize, line: Option<usize>, value: String },
    #[error("step {step} ({kind}): level '{level}' does not exist; the table has: {available}")]
    UnknownLevel { step: usize, kind: String, level: String, available: String },
    #[error("step {step} ({kind}): column '{column}' has no variance{group} (all {n} values equal or fewer than two), so it cannot be standardised")]
    ZeroVariance { step: usize, kind: String, column: String, group: String, n: usize },
    #[error("step {step} ({kind}): {message}")]
    Invalid { step: usize, kind: String, message: String },
    #[error("{source_name} line {line}: {message}")]
    Data { source_name: String, line: usize, message: String },
}

/// What a run says beside its table: facts a reader needs to trust the result, and warnings.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// The principal components of a `pca` step: the share of the variance each explains
    /// (largest first, summing to 1) and the loadings of the first, which is the score.
    Components { step: usize, output: String, group: String, explained: Vec<f64>, loadings: Vec<(String, f64)> },
    /// Which way a `pca` score points: its correlation with the anchor column. `weak` when
    /// |r| < 0.3, so that the sign is close to arbitrary.
    Orientation { step: usize, output: String, group: String, anchor: String, correlation: f64, weak: bool },
    /// Rows of the step's level that got no value in a column the step wrote, with the inputs
    /// missing in those rows and how often.
    RowsWithoutValue { step: usize, kind: String, column: String, missing: usize, rows: usize, causes: Vec<(String, usize)> },
}

impl Note {
    /// The note as a translation key (`index-note-…`) and its arguments, so that the command
    /// line and the web pages say it in the reader's language with one text; `fixed` writes a
    /// number with the given digits in the reader's locale.
    pub fn message(&self, fixed: &dyn Fn(f64, u8) -> String) -> (&'static str, Vec<(&'static str, String)>) {
        let in_group = |group: &str| if group.is_empty() { String::new() } else { format!(" ({group})") };
        match self {
            Note::Components { step, output, group, explained, loadings } => (
                "index-note-components",
                vec![
                    ("step", step.to_string()),
                    ("output", format!("{output}{}", in_group(group))),
                    ("explained", explained.iter().map(|e| format!("{} %", fixed(100.0 * e, 1))).collect::<Vec<_>>().join(" · ")),
                    ("loadings", loadings.iter().map(|(c, l)| format!("{c} {}", fixed(*l, 3))).collect::<Vec<_>>().join(" · ")),
                ],
            ),
            Note::Orientation { step, output, group, anchor, correlation, weak } => (
                if *weak { "index-note-orientation-weak" } else { "index-note-orientation" },
                vec![
                    ("step", step.to_string()),
                    ("output", format!("{output}{}", in_group(group))),
                    ("anchor", anchor.clone()),
                    ("r", fixed(*correlation, 2)),
                ],
            ),
            Note::RowsWithoutValue { step, kind, column, missing, rows, causes } => (
                if causes.is_empty() { "index-note-rows-without-value" } else { "index-note-rows-without-value-inputs" },
                vec![
                    ("step", step.to_string()),
                    ("kind", kind.clone()),
                    ("column", column.clone()),
                    ("missing", missing.to_string()),
                    ("rows", rows.to_string()),
                    ("inputs", causes.iter().map(|(c, n)| format!("{c} ({n})")).collect::<Vec<_>>().join(", ")),
                ],
            ),
        }
    }

    pub fn is_warning(&self) -> bool {
        match self {
            Note::Components { .. } => false,
            Note::Orientation { weak, .. } => *weak,
            Note::RowsWithoutValue { .. } => true,
        }
    }
}

pub type Result<T> = std::result::Result<T, MonitorError>;
