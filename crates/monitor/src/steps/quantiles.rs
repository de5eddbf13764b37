//! `quantiles`: classes by quantiles within each group (quintiles n = 5, deciles n = 10); class
//! 1 holds the lowest values. The quantile definition follows R's `quantile(type = …)`.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{value, Column};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantiles {
    pub input: String,
    pub output: String,
    pub n: usize,
    #[serde(default = "seven")]
    pub r_type: u8,
    #[serde(default)]
    pub labels: Option<Vec<String>>,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

fn seven() -> u8 {
    7
}

impl Operation for Quantiles {
    fn reads(&self) -> Vec<&str> {
        vec![&self.input]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let classes = self.n;
        if classes < 2 {
            return Err(cx.invalid("n must be at least 2"));
        }
        if !matches!(self.r_type, 7 | 9) {
            return Err(cx.invalid(format!("r_type {} is not supported; use 7 (R's default) or 9", self.r_type)));
        }
        let labels = self.labels.clone().unwrap_or_else(|| (1..=classes).map(|k| k.to_string()).collect());
        if labels.len() != classes {
            return Err(cx.invalid(format!("{} labels for {classes} classes", labels.len())));
        }
        let x = cx.numbers(&self.input)?;
        let mut out = vec![None; x.len()];
        for (group, rows) in cx.groups.iter() {
            let mut sorted: Vec<f64> = rows.iter().map(|&r| x[r]).filter(|v| !v.is_nan()).collect();
            if sorted.is_empty() {
                return Err(cx.zero_variance(&self.input, group, 0));
            }
            sorted.sort_by(|a, b| a.total_cmp(b));
            let breaks: Vec<f64> = (1..classes).map(|k| crate::stats::quantile(&sorted, k as f64 / classes as f64, self.r_type)).collect();
            for &r in rows {
                out[r] = value(x[r]).map(|v| labels[breaks.partition_point(|&b| v > b)].clone());
            }
        }
        cx.frame.set(&self.output, Column::Text(out));
        Ok(())
    }
}
