//! `min_max`: (x − min) / (max − min) × scale, per group or pooled over all rows.

use serde::Deserialize;

use super::{hundred, Operation, Scope, StepContext};
use crate::frame::{Column, MISSING};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinMax {
    pub input: String,
    pub output: String,
    #[serde(default = "hundred")]
    pub scale: f64,
    /// "group" (default): per group (year); "all": pooled over all rows
    #[serde(default)]
    pub scope: Scope,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for MinMax {
    fn reads(&self) -> Vec<&str> {
        vec![&self.input]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let x = cx.numbers(&self.input)?;
        let mut out = vec![MISSING; x.len()];
        for (group, rows) in &cx.scoped(self.scope) {
            let vals: Vec<f64> = rows.iter().map(|&r| x[r]).filter(|v| !v.is_nan()).collect();
            let (lo, hi) = vals.iter().fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
            if vals.is_empty() || hi <= lo {
                return Err(cx.zero_variance(&self.input, group, vals.len()));
            }
            for &r in rows {
                out[r] = (x[r] - lo) / (hi - lo) * self.scale;
            }
        }
        cx.frame.set(&self.output, Column::Num(out));
        Ok(())
    }
}
