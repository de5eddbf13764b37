//! `pca`: the score on the first principal component of the correlation matrix of `inputs`; the
//! sign is anchored so that `anchor` loads positively. Rows with a missing input get no score.

use serde::Deserialize;

use super::{scope_all, Operation, Scope, StepContext};
use crate::frame::Column;
use crate::stats::{mean, std_dev, SdKind};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pca {
    pub inputs: Vec<String>,
    pub output: String,
    pub anchor: String,
    /// "all" (default): one component over all rows (years pooled); "group": per group
    #[serde(default = "scope_all")]
    pub scope: Scope,
}

impl Operation for Pca {
    fn reads(&self) -> Vec<&str> {
        self.inputs.iter().map(String::as_str).collect()
    }

    fn writes(&self) -> Vec<String> {
        vec![self.output.clone()]
    }

    fn apply(&self, cx: &mut StepContext) -> Result<()> {
        let inputs = &self.inputs;
        if inputs.len() < 2 {
            return Err(cx.invalid("a principal component needs at least two inputs"));
        }
        let Some(anchor_idx) = inputs.iter().position(|c| *c == self.anchor) else {
            return Err(cx.invalid(format!("anchor '{}' is not one of the inputs", self.anchor)));
        };
        let xs = inputs.iter().map(|c| cx.numbers(c)).collect::<Result<Vec<_>>>()?;
        let mut score = vec![None; cx.frame.len()];
        for (group, rows) in &cx.scoped(self.scope) {
            let complete: Vec<usize> = rows.iter().copied().filter(|&r| xs.iter().all(|x| x[r].is_some())).collect();
            // standardise each input over the complete rows (sample sd, as R's prcomp(scale = TRUE))
            let mut z: Vec<Vec<f64>> = vec![];
            for (k, x) in xs.iter().enumerate() {
                let vals: Vec<f64> = complete.iter().map(|&r| x[r].unwrap_or_default()).collect();
                let (Some(m), Some(s)) = (mean(&vals), std_dev(&vals, SdKind::Sample)) else {
                    return Err(cx.zero_variance(&inputs[k], group, vals.len()));
                };
                if s == 0.0 {
                    return Err(cx.zero_variance(&inputs[k], group, vals.len()));
                }
                z.push(vals.iter().map(|v| (v - m) / s).collect());
            }
            let p = inputs.len();
            let cnt = complete.len() as f64;
            let mut corr = vec![vec![0.0; p]; p];
            for a in 0..p {
                for b in 0..p {
                    corr[a][b] = z[a].iter().zip(&z[b]).map(|(u, v)| u * v).sum::<f64>() / (cnt - 1.0);
                }
            }
            let mut v = crate::linalg::first_eigenvector(&corr);
            if v[anchor_idx] < 0.0 {
                v.iter_mut().for_each(|x| *x = -*x);
            }
            for (i, &r) in complete.iter().enumerate() {
                score[r] = Some((0..p).map(|k| v[k] * z[k][i]).sum());
            }
        }
        cx.frame.set(&self.output, Column::Num(score));
        Ok(())
    }
}
