//! `pca`: the score on the first principal component of the correlation matrix of `inputs`
//! (as R's `prcomp(scale. = TRUE)`), from a symmetric eigen-decomposition. A component has no
//! sign of its own: the score is turned so that it correlates positively with `anchor`, which
//! may be any numeric column of the table — an input, or an outside indicator such as the
//! unemployment rate. The run notes the variance every component explains, the loadings, and
//! the anchor's correlation, with a warning when that is weak. Rows with a missing input get
//! no score.

use serde::Deserialize;

use super::{scope_all, Operation, Scope, StepContext};
use crate::frame::{Column, MISSING};
use crate::stats::{dot, mean, std_dev, SdKind};
use crate::{Note, Result};

/// Below this absolute correlation with its anchor a component's sign is close to arbitrary.
const WEAK_ANCHOR: f64 = 0.3;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pca {
    pub inputs: Vec<String>,
    pub output: String,
    pub anchor: String,
    /// "all" (default): one component over all rows (years pooled); "group": per group
    #[serde(default = "scope_all")]
    pub scope: Scope,
    /// the level of rows the step works on (default: the rows read)
    #[serde(default)]
    pub level: Option<String>,
}

impl Operation for Pca {
    fn reads(&self) -> Vec<&str> {
        self.inputs.iter().map(String::as_str).chain(std::iter::once(self.anchor.as_str())).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let inputs = &self.inputs;
        if inputs.len() < 2 {
            return Err(cx.invalid("a principal component needs at least two inputs"));
        }
        let xs = inputs.iter().map(|c| cx.numbers(c)).collect::<Result<Vec<_>>>()?;
        let anchor = cx.numbers(&self.anchor)?;
        let mut score = vec![MISSING; cx.frame.len()];
        let mut notes = vec![];
        for (group, rows) in &cx.scoped(self.scope) {
            let complete: Vec<usize> = rows.iter().copied().filter(|&r| xs.iter().all(|x| !x[r].is_nan())).collect();
            // standardise each input over the complete rows (sample sd, as prcomp(scale. = TRUE))
            let mut z: Vec<Vec<f64>> = vec![];
            for (k, x) in xs.iter().enumerate() {
                let vals: Vec<f64> = complete.iter().map(|&r| x[r]).collect();
                let (Some(m), Some(s)) = (mean(&vals), std_dev(&vals, SdKind::Sample)) else {
                    return Err(cx.zero_variance(&inputs[k], group, vals.len()));
                };
                if s == 0.0 {
                    return Err(cx.zero_variance(&inputs[k], group, vals.len()));
                }
                z.push(vals.iter().map(|v| (v - m) / s).collect());
            }
            let p = inputs.len();
            let degrees = complete.len() as f64 - 1.0;
            let mut corr = vec![vec![0.0; p]; p];
            for a in 0..p {
                for b in a..p {
                    let r = dot(&z[a], &z[b]) / degrees;
                    corr[a][b] = r;
                    corr[b][a] = r;
                }
            }
            let components = crate::linalg::eigen(&corr);
            let total: f64 = components.iter().map(|c| c.0.max(0.0)).sum();
            let mut loadings = components[0].1.clone();
            let mut values: Vec<f64> = (0..complete.len()).map(|i| (0..p).map(|k| loadings[k] * z[k][i]).sum()).collect();
            let correlation = correlation(&complete, &values, anchor).ok_or_else(|| {
                cx.invalid(format!(
                    "anchor '{}' has no variance{} over the rows with every input, so it cannot orient the component",
                    self.anchor,
                    if group.is_empty() { String::new() } else { format!(" in group '{group}'") }
                ))
            })?;
            let sign = if correlation < 0.0 { -1.0 } else { 1.0 };
            loadings.iter_mut().for_each(|l| *l *= sign);
            values.iter_mut().for_each(|v| *v *= sign);
            for (i, &r) in complete.iter().enumerate() {
                score[r] = values[i];
            }
            let (step, output) = (cx.step, self.output.clone());
            notes.push(Note::Components {
                step,
                output: output.clone(),
                group: group.clone(),
                explained: components.iter().map(|c| c.0.max(0.0) / total).collect(),
                loadings: inputs.iter().cloned().zip(loadings).collect(),
            });
            let correlation = sign * correlation;
            notes.push(Note::Orientation {
                step,
                output,
                group: group.clone(),
                anchor: self.anchor.clone(),
                correlation,
                weak: correlation.abs() < WEAK_ANCHOR,
            });
        }
        notes.into_iter().for_each(|n| cx.note(n));
        cx.frame.set(&self.output, Column::Num(score));
        Ok(())
    }
}

/// Pearson correlation of the scores with the anchor over the rows where the anchor is present.
fn correlation(rows: &[usize], values: &[f64], anchor: &[f64]) -> Option<f64> {
    let (a, s): (Vec<f64>, Vec<f64>) = rows.iter().zip(values).filter(|(&r, _)| !anchor[r].is_nan()).map(|(&r, &v)| (anchor[r], v)).unzip();
    let (ma, ms) = (mean(&a)?, mean(&s)?);
    let a: Vec<f64> = a.iter().map(|v| v - ma).collect();
    let s: Vec<f64> = s.iter().map(|v| v - ms).collect();
    let (saa, sss) = (dot(&a, &a), dot(&s, &s));
    (saa > 0.0 && sss > 0.0).then(|| dot(&a, &s) / (saa * sss).sqrt())
}
