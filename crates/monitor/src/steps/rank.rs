//! `rank`: rank 1..n within each group; ties share the lowest rank.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{Column, MISSING};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    pub input: String,
    pub output: String,
    #[serde(default)]
    pub descending: bool,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Rank {
    fn reads(&self) -> Vec<&str> {
        vec![&self.input]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let x = cx.numbers(&self.input)?;
        let mut ranks = vec![MISSING; x.len()];
        for (_, rows) in cx.groups.iter() {
            let mut present: Vec<(f64, usize)> = rows.iter().filter(|&&r| !x[r].is_nan()).map(|&r| (x[r], r)).collect();
            present.sort_by(|a, b| if self.descending { b.0.total_cmp(&a.0) } else { a.0.total_cmp(&b.0) });
            // ties share the lowest rank ("min" ranking)
            let mut rank = 0;
            for (i, &(v, r)) in present.iter().enumerate() {
                if i == 0 || v != present[i - 1].0 {
                    rank = i + 1;
                }
                ranks[r] = rank as f64;
            }
        }
        cx.frame.set(&self.output, Column::Num(ranks));
        Ok(())
    }
}
