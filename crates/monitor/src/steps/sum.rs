//! `sum`: a weighted sum of columns (weights default to 1); a missing input makes it missing.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::Column;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sum {
    pub inputs: Vec<String>,
    #[serde(default)]
    pub weights: Option<Vec<f64>>,
    pub output: String,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Sum {
    fn reads(&self) -> Vec<&str> {
        self.inputs.iter().map(String::as_str).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let w = self.weights.clone().unwrap_or_else(|| vec![1.0; self.inputs.len()]);
        if w.len() != self.inputs.len() {
            return Err(cx.invalid(format!("{} weights for {} inputs", w.len(), self.inputs.len())));
        }
        let cols = self.inputs.iter().map(|c| cx.numbers(c)).collect::<Result<Vec<_>>>()?;
        // a missing input (NaN) makes the sum missing by itself
        let sum = (0..cx.frame.len()).map(|r| cols.iter().zip(&w).fold(0.0, |acc, (c, w)| acc + w * c[r])).collect();
        cx.frame.set(&self.output, Column::Num(sum));
        Ok(())
    }
}
