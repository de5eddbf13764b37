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

pub use frame::{Column, Frame};
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
    #[error("step {step} ({kind}): column '{column}' is not numeric (row {row}: '{value}')")]
    NotNumeric { step: usize, kind: String, column: String, row: usize, value: String },
    #[error("step {step} ({kind}): column '{column}' has no variance{group} (all {n} values equal or fewer than two), so it cannot be standardised")]
    ZeroVariance { step: usize, kind: String, column: String, group: String, n: usize },
    #[error("step {step} ({kind}): {message}")]
    Invalid { step: usize, kind: String, message: String },
    #[error("{source_name} line {line}: {message}")]
    Data { source_name: String, line: usize, message: String },
}

pub type Result<T> = std::result::Result<T, MonitorError>;
