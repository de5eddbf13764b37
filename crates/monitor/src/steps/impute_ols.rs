//! `impute_ols`: fills missing values of `target` by ordinary least squares on `predictors`
//! (with an intercept), fitted on the rows where all are present. Observed values stay.

use serde::Deserialize;

use super::{Operation, Scope, StepContext};
use crate::frame::Column;
use crate::linalg::FitError;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImputeOls {
    pub target: String,
    pub predictors: Vec<String>,
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub scope: Scope,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for ImputeOls {
    fn reads(&self) -> Vec<&str> {
        std::iter::once(self.target.as_str()).chain(self.predictors.iter().map(String::as_str)).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone().unwrap_or_else(|| self.target.clone())]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let y = cx.numbers(&self.target)?;
        let xs = self.predictors.iter().map(|p| cx.numbers(p)).collect::<Result<Vec<_>>>()?;
        let mut filled = y.to_vec();
        for (group, rows) in &cx.scoped(self.scope) {
            let complete: Vec<usize> = rows.iter().copied().filter(|&r| !y[r].is_nan() && xs.iter().all(|x| !x[r].is_nan())).collect();
            let targets: Vec<f64> = complete.iter().map(|&r| y[r]).collect();
            let columns: Vec<Vec<f64>> = xs.iter().map(|x| complete.iter().map(|&r| x[r]).collect()).collect();
            let in_group = if group.is_empty() { String::new() } else { format!(" in group '{group}'") };
            let named = |columns: &[usize]| columns.iter().map(|&j| format!("'{}'", self.predictors[j])).collect::<Vec<_>>().join(", ");
            let fit = crate::linalg::ols(&columns, &targets).map_err(|e| {
                cx.invalid(match e {
                    FitError::TooFewRows { rows, needed } => format!(
                        "cannot fit '{}'{in_group}: {rows} rows have the target and every predictor, {needed} are needed",
                        self.target
                    ),
                    FitError::Constant { columns } => format!(
                        "cannot fit '{}'{in_group}: predictor {} does not vary over the rows used, so it cannot be told apart from the intercept",
                        self.target,
                        named(&columns)
                    ),
                    FitError::Collinear { columns } => format!(
                        "cannot fit '{}'{in_group}: predictors {} are collinear (one is a linear combination of the others); drop one",
                        self.target,
                        named(&columns)
                    ),
                })
            })?;
            for &r in rows {
                if y[r].is_nan() && xs.iter().all(|x| !x[r].is_nan()) {
                    filled[r] = fit.predict(xs.iter().map(|x| x[r]));
                }
            }
        }
        cx.frame.set(self.output.as_deref().unwrap_or(&self.target), Column::Num(filled));
        Ok(())
    }
}
