//! `impute_ols`: fills missing values of `target` by ordinary least squares on `predictors`
//! (with an intercept), fitted on the rows where all are present. Observed values stay.

use serde::Deserialize;

use super::{Operation, Scope, StepContext};
use crate::frame::Column;
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
        let mut filled = y.clone();
        for (group, rows) in &cx.scoped(self.scope) {
            let complete: Vec<usize> = rows.iter().copied().filter(|&r| y[r].is_some() && xs.iter().all(|x| x[r].is_some())).collect();
            let design = |r: usize| -> Vec<f64> { std::iter::once(1.0).chain(xs.iter().map(|x| x[r].unwrap_or(f64::NAN))).collect() };
            let targets: Vec<f64> = complete.iter().map(|&r| y[r].unwrap_or_default()).collect();
            let rows_x: Vec<Vec<f64>> = complete.iter().map(|&r| design(r)).collect();
            let beta = crate::linalg::ols(&rows_x, &targets).ok_or_else(|| {
                cx.invalid(format!(
                    "cannot fit {} on {}{}: too few complete rows or collinear predictors",
                    self.target,
                    self.predictors.join(", "),
                    if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                ))
            })?;
            for &r in rows {
                if y[r].is_none() && xs.iter().all(|x| x[r].is_some()) {
                    filled[r] = Some(design(r).iter().zip(&beta).map(|(a, b)| a * b).sum());
                }
            }
        }
        cx.frame.set(self.output.as_deref().unwrap_or(&self.target), Column::Num(filled));
        Ok(())
    }
}
