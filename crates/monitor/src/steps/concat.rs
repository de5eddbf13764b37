//! `concat`: text concatenation of columns, e.g. status class and dynamics class.

use serde::Deserialize;

use super::{Operation, StepContext};
use crate::frame::Column;
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concat {
    pub inputs: Vec<String>,
    pub output: String,
    #[serde(default)]
    pub separator: String,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Concat {
    fn reads(&self) -> Vec<&str> {
        self.inputs.iter().map(String::as_str).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let cols = self.inputs.iter().map(|c| cx.texts(c)).collect::<Result<Vec<_>>>()?;
        let joined = (0..cx.frame.len())
            .map(|r| cols.iter().map(|c| c[r].clone()).collect::<Option<Vec<_>>>().map(|parts| parts.join(&self.separator)))
            .collect();
        cx.frame.set(&self.output, Column::Text(joined));
        Ok(())
    }
}
