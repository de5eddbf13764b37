//! `change`: the change of a column over `years` within each unit — the value in group g minus
//! the value in group g − years (the groups are years); missing if either is missing.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{value, Column};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub input: String,
    pub output: String,
    pub years: i64,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Change {
    fn reads(&self) -> Vec<&str> {
        vec![&self.input]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let x = cx.numbers(&self.input)?;
        let index = cx.year_index()?;
        let f = &cx.frame;
        let year = |r: usize| f.groups[r].trim().parse::<i64>().ok();
        let out = (0..f.len())
            .map(|r| {
                let before = index.get(&(f.units[r].clone(), year(r)? - self.years))?;
                Some(value(x[r])? - value(x[*before])?)
            })
            .collect::<Vec<_>>();
        cx.frame.set(&self.output, Column::from_options(out));
        Ok(())
    }
}
