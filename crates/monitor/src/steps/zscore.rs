//! `zscore`: z = (x − mean) / sd per input, over the reference rows of each group.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{Column, MISSING};
use crate::stats::{mean, std_dev, SdKind};
use crate::Result;

/// One output per input: `output` for a single input, else `prefix` + input name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zscore {
    pub inputs: Vec<String>,
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub output: Option<String>,
    #[serde(default)]
    pub sd: SdKind,
    #[serde(default)]
    pub reference: Option<Filter>,
    /// multiply by −1 (for indicators where higher is better)
    #[serde(default)]
    pub invert: bool,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

/// Selects the reference set of a standardisation, e.g. only areas with ≥ 300 inhabitants.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    pub column: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl Zscore {
    fn outputs(&self) -> Vec<String> {
        match (self.inputs.as_slice(), &self.output) {
            ([_], Some(o)) => vec![o.clone()],
            _ => self.inputs.iter().map(|i| format!("{}{i}", self.prefix.as_deref().unwrap_or("z_"))).collect(),
        }
    }
}

impl Operation for Zscore {
    fn reads(&self) -> Vec<&str> {
        self.inputs.iter().map(String::as_str).chain(self.reference.iter().map(|f| f.column.as_str())).collect()
    }

    fn writes(&self) -> Vec<String> {
        self.outputs()
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        if self.inputs.len() > 1 && self.output.is_some() {
            return Err(cx.invalid("`output` names one column; use `prefix` for several inputs"));
        }
        let filter = match &self.reference {
            Some(flt) => Some((cx.numbers(&flt.column)?.to_vec(), flt.clone())),
            None => None,
        };
        for (input, out) in self.inputs.iter().zip(self.outputs()) {
            let x = cx.numbers(input)?;
            let mut z = vec![MISSING; x.len()];
            for (group, rows) in cx.groups.iter() {
                let reference_values: Vec<f64> = rows
                    .iter()
                    .filter(|&&r| match &filter {
                        Some((col, flt)) => !col[r].is_nan() && flt.min.is_none_or(|m| col[r] >= m) && flt.max.is_none_or(|m| col[r] <= m),
                        None => true,
                    })
                    .map(|&r| x[r])
                    .filter(|v| !v.is_nan())
                    .collect();
                let (Some(m), Some(s)) = (mean(&reference_values), std_dev(&reference_values, self.sd)) else {
                    return Err(cx.zero_variance(input, group, reference_values.len()));
                };
                if s == 0.0 || !s.is_finite() {
                    return Err(cx.zero_variance(input, group, reference_values.len()));
                }
                let sign = if self.invert { -1.0 } else { 1.0 };
                for &r in rows {
                    z[r] = sign * (x[r] - m) / s;
                }
            }
            cx.frame.set(&out, Column::Num(z));
        }
        Ok(())
    }
}
