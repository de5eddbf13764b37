//! `pool_rate`: a rate pooled over the last `years` years (this one included) — Σ numerator /
//! Σ denominator × `scale` within each unit, steadier for small areas than one year alone.
//! Missing if any year in the window lacks a value.

use serde::Deserialize;

use super::{hundred, Operation, StepContext};
use crate::frame::{value, Column};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolRate {
    pub numerator: String,
    pub denominator: String,
    pub output: String,
    pub years: i64,
    #[serde(default = "hundred")]
    pub scale: f64,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for PoolRate {
    fn reads(&self) -> Vec<&str> {
        vec![&self.numerator, &self.denominator]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let (num, den) = (cx.numbers(&self.numerator)?, cx.numbers(&self.denominator)?);
        if cx.frame.group_column.is_none() || self.years < 1 {
            return Err(cx.invalid("needs `group_by` naming a year column and years ≥ 1"));
        }
        let index = cx.year_index()?;
        let f = &cx.frame;
        let year = |r: usize| f.groups[r].trim().parse::<i64>().ok();
        let out = (0..f.len())
            .map(|r| {
                let y = year(r)?;
                let (mut n, mut d) = (0.0, 0.0);
                for back in 0..self.years {
                    let row = *index.get(&(f.units[r].clone(), y - back))?;
                    n += value(num[row])?;
                    d += value(den[row])?;
                }
                (d > 0.0).then(|| n / d * self.scale)
            })
            .collect::<Vec<_>>();
        cx.frame.set(&self.output, Column::from_options(out));
        Ok(())
    }
}
