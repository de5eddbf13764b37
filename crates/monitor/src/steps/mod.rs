//! The steps a recipe is made of, one file each. Every step implements `Operation`: which
//! columns it reads, which it adds, and how. `steps!` below is the one table of step kinds — a
//! new step is a new file and one line there.

use crate::frame::{Column, Frame, RowKeys};
use crate::{MonitorError, Note, Result};

mod aggregate;
mod change;
mod classify;
mod compute;
mod concat;
mod impute_ols;
mod min_max;
mod pca;
mod pool_rate;
mod quantiles;
mod rank;
mod sum;
mod zscore;

pub use aggregate::Aggregate;
pub use change::Change;
pub use classify::{Classify, Closed};
pub use compute::Compute;
pub use concat::Concat;
pub use impute_ols::ImputeOls;
pub use min_max::MinMax;
pub use pca::Pca;
pub use pool_rate::PoolRate;
pub use quantiles::Quantiles;
pub use rank::Rank;
pub use sum::Sum;
pub use zscore::{Filter, Zscore};

/// What every step does.
pub trait Operation {
    /// The columns the step reads (from the data or from earlier steps).
    fn reads(&self) -> Vec<&str>;
    /// The columns the step adds (or overwrites).
    fn writes(&self) -> Vec<String>;
    fn apply(&self, cx: &mut StepContext) -> Result<()>;
}

macro_rules! steps {
    ($($variant:ident($ty:ty) = $kind:literal,)*) => {
        /// One step of a recipe, as written in its `[[step]]` table (`kind = "…"`).
        #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
        #[serde(tag = "kind")]
        pub enum Step {
            $( #[serde(rename = $kind)] $variant($ty), )*
        }

        impl Step {
            pub fn kind(&self) -> &'static str {
                match self { $( Step::$variant(_) => $kind, )* }
            }

            pub fn operation(&self) -> &dyn Operation {
                match self { $( Step::$variant(s) => s, )* }
            }

            /// The error, if any, of reading `text` as a step of `kind` (unknown kinds: none).
            pub(crate) fn error_as_kind(kind: &str, text: &str) -> Option<toml::de::Error> {
                match kind {
                    $( $kind => toml::from_str::<$ty>(text).err(), )*
                    _ => None,
                }
            }

            /// The level named in the step's `level` field, if any.
            pub fn level(&self) -> Option<&str> {
                match self { $( Step::$variant(s) => s.level.as_deref(), )* }
            }
        }
    };
}

steps! {
    Zscore(Zscore) = "zscore",
    Sum(Sum) = "sum",
    Classify(Classify) = "classify",
    Concat(Concat) = "concat",
    Rank(Rank) = "rank",
    Quantiles(Quantiles) = "quantiles",
    Change(Change) = "change",
    PoolRate(PoolRate) = "pool_rate",
    MinMax(MinMax) = "min_max",
    ImputeOls(ImputeOls) = "impute_ols",
    Pca(Pca) = "pca",
    Aggregate(Aggregate) = "aggregate",
    Compute(Compute) = "compute",
}

/// Over which rows a statistic is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// each group (year) on its own
    #[default]
    Group,
    /// all rows pooled
    All,
}

pub(crate) fn scope_all() -> Scope {
    Scope::All
}

pub(crate) fn hundred() -> f64 {
    100.0
}

/// What the engine hands a step: the table, the groups of the rows at the step's level, the
/// step's number and kind for error messages, and where to leave notes for the reader.
pub struct StepContext<'a> {
    pub frame: &'a mut Frame,
    /// (group value, rows) in table order, only rows of `level`
    pub groups: Vec<(String, Vec<usize>)>,
    /// the level the step works on; the engine restores every other level's cells afterwards
    pub level: usize,
    pub step: usize,
    pub kind: &'static str,
    pub notes: &'a mut Vec<Note>,
    pub keys: &'a RowKeys,
}

impl StepContext<'_> {
    /// A numeric column as stored (NaN missing), or an error naming the column and the cell
    /// that is not a number.
    pub fn numbers(&self, column: &str) -> Result<&[f64]> {
        match self.frame.column(column) {
            Some(Column::Num(v)) => Ok(v),
            Some(Column::Text(v)) => {
                // the cell that made the column text, not merely its first cell
                let (row, value) = v
                    .iter()
                    .enumerate()
                    .find_map(|(r, x)| x.as_deref().filter(|x| crate::frame::read_number(x).is_err()).map(|x| (r, x.to_string())))
                    .unwrap_or((0, String::new()));
                let line = self.frame.lines.get(row).copied();
                Err(MonitorError::NotNumeric { step: self.step, kind: self.kind.into(), column: column.into(), row: row + 1, line, value })
            }
            None => Err(self.missing(column)),
        }
    }

    /// Any column as text (numbers formatted), or an error naming the column.
    pub fn texts(&self, column: &str) -> Result<Vec<Option<String>>> {
        self.frame.texts(column).ok_or_else(|| self.missing(column))
    }

    fn missing(&self, column: &str) -> MonitorError {
        MonitorError::MissingColumn {
            step: self.step,
            kind: self.kind.into(),
            column: column.into(),
            available: self.frame.columns.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(", "),
        }
    }

    pub fn invalid(&self, message: impl Into<String>) -> MonitorError {
        MonitorError::Invalid { step: self.step, kind: self.kind.into(), message: message.into() }
    }

    pub fn zero_variance(&self, column: &str, group: &str, n: usize) -> MonitorError {
        MonitorError::ZeroVariance {
            step: self.step,
            kind: self.kind.into(),
            column: column.into(),
            group: if group.is_empty() { String::new() } else { format!(" in group '{group}'") },
            n,
        }
    }

    /// The row sets a statistic runs over: each group, or all rows of the level as one.
    pub fn scoped(&self, scope: Scope) -> Vec<(String, Vec<usize>)> {
        match scope {
            Scope::Group => self.groups.clone(),
            Scope::All => vec![(String::new(), self.rows())],
        }
    }

    /// Every row of the step's level, in table order.
    pub fn rows(&self) -> Vec<usize> {
        (0..self.frame.len()).filter(|&r| self.frame.levels[r] == self.level).collect()
    }

    pub fn note(&mut self, note: Note) {
        self.notes.push(note);
    }

    /// Row of each (unit, year) of the step's level, for steps that look back in time; the
    /// groups must be years.
    pub fn year_index(&self) -> Result<std::collections::HashMap<(String, i64), usize>> {
        let f = &self.frame;
        if f.group_column.is_none() {
            return Err(self.invalid("needs `group_by` naming a year column"));
        }
        let mut index = std::collections::HashMap::new();
        for r in self.rows() {
            let y = f.groups[r]
                .trim()
                .parse::<i64>()
                .map_err(|_| self.invalid(format!("group '{}' of row {} is not a year", f.groups[r], r + 1)))?;
            index.insert((f.units[r].clone(), y), r);
        }
        Ok(index)
    }
}
