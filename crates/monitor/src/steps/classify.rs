//! `classify`: classes by fixed thresholds; `labels` has one more entry than `breaks`.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::{value, Column};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classify {
    pub input: String,
    pub output: String,
    pub breaks: Vec<f64>,
    pub labels: Vec<String>,
    #[serde(default)]
    pub closed: Closed,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

/// Which side of a class break belongs to the class above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Closed {
    /// intervals (a, b]: a value equal to a break falls into the lower class
    #[default]
    Right,
    /// intervals [a, b): a value equal to a break falls into the upper class
    Left,
}

impl Operation for Classify {
    fn reads(&self) -> Vec<&str> {
        vec![&self.input]
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        if self.labels.len() != self.breaks.len() + 1 {
            return Err(cx.invalid(format!(
                "{} labels for {} breaks: give one label more than breaks",
                self.labels.len(),
                self.breaks.len()
            )));
        }
        if self.breaks.windows(2).any(|w| w[0] >= w[1]) {
            return Err(cx.invalid("breaks must increase"));
        }
        let x = cx.numbers(&self.input)?;
        let classes = x
            .iter()
            .map(|v| {
                value(*v).map(|v| {
                    let k = self
                        .breaks
                        .iter()
                        .filter(|&&b| match self.closed {
                            Closed::Right => v > b,
                            Closed::Left => v >= b,
                        })
                        .count();
                    self.labels[k].clone()
                })
            })
            .collect();
        cx.frame.set(&self.output, Column::Text(classes));
        Ok(())
    }
}
