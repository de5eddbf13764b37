//! Least squares and the eigen-decomposition of a correlation matrix, on nalgebra.
//!
//! Predictors are centred and scaled to unit length before any factorisation: a calendar year
//! squared (≈ 4·10⁶) beside a share (≈ 0.1) would otherwise decide the numerical rank by its
//! units, and forming the normal equations would square the condition number. The fit is
//! Householder QR; the rank is read from the singular values of R with numpy's `lstsq` cut-off
//! (largest singular value × machine epsilon × number of rows).

use nalgebra::{DMatrix, DVector, SymmetricEigen};

use crate::stats::{dot, sum};

/// Why a least-squares fit has no unique solution.
#[derive(Debug, Clone, PartialEq)]
pub enum FitError {
    /// fewer rows than coefficients (intercept included)
    TooFewRows { rows: usize, needed: usize },
    /// predictors (by index) that do not vary, so they cannot be told apart from the intercept
    Constant { columns: Vec<usize> },
    /// predictors (by index) of which one is a linear combination of the others
    Collinear { columns: Vec<usize> },
}

/// A fitted line `y = mean_y + Σ b_j (x_j − mean_j)`; kept centred so that predictions near
/// the data's centre do not lose digits to a large intercept.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub mean_y: f64,
    pub means: Vec<f64>,
    pub slopes: Vec<f64>,
}

impl Fit {
    pub fn predict(&self, x: impl IntoIterator<Item = f64>) -> f64 {
        self.mean_y + x.into_iter().zip(&self.means).zip(&self.slopes).map(|((v, m), b)| b * (v - m)).sum::<f64>()
    }

    /// The coefficients in the usual form: intercept first, then one per predictor.
    #[cfg(test)]
    pub fn coefficients(&self) -> Vec<f64> {
        let intercept = self.mean_y - sum(&self.means.iter().zip(&self.slopes).map(|(m, b)| m * b).collect::<Vec<_>>());
        std::iter::once(intercept).chain(self.slopes.iter().copied()).collect()
    }
}

/// Ordinary least squares of `y` on the columns `x` with an intercept.
pub fn ols(x: &[Vec<f64>], y: &[f64]) -> Result<Fit, FitError> {
    let (n, p) = (y.len(), x.len());
    if n < p + 1 {
        return Err(FitError::TooFewRows { rows: n, needed: p + 1 });
    }
    let nf = n as f64;
    let mean_y = sum(y) / nf;
    let means: Vec<f64> = x.iter().map(|c| sum(c) / nf).collect();
    let mut design = DMatrix::<f64>::zeros(n, p);
    let mut lengths = vec![0.0; p];
    let mut constant = vec![];
    for (j, column) in x.iter().enumerate() {
        let mut target = design.column_mut(j);
        for (cell, v) in target.iter_mut().zip(column) {
            *cell = v - means[j];
        }
        let centred = target.as_slice();
        let length = dot(centred, centred).sqrt();
        let magnitude = dot(column, column).sqrt();
        if length == 0.0 || length <= f64::EPSILON * nf.sqrt() * magnitude {
            constant.push(j);
            continue;
        }
        lengths[j] = length;
        target.iter_mut().for_each(|v| *v /= length);
    }
    if !constant.is_empty() {
        return Err(FitError::Constant { columns: constant });
    }
    let mut rhs = DVector::from_iterator(n, y.iter().map(|v| v - mean_y));
    if p == 0 {
        return Ok(Fit { mean_y, means, slopes: vec![] });
    }
    let qr = design.qr();
    qr.q_tr_mul(&mut rhs);
    let r = qr.r();
    let svd = r.clone().svd(true, true);
    let largest = svd.singular_values.max();
    let cutoff = largest * f64::EPSILON * n.max(p) as f64;
    let v_t = svd.v_t.as_ref().expect("requested");
    let mut involved: Vec<usize> = vec![];
    for (k, s) in svd.singular_values.iter().enumerate() {
        if *s <= cutoff {
            let direction = v_t.row(k);
            let strongest = direction.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            involved.extend((0..p).filter(|&j| direction[j].abs() >= 0.05 * strongest));
        }
    }
    if !involved.is_empty() {
        involved.sort_unstable();
        involved.dedup();
        return Err(FitError::Collinear { columns: involved });
    }
    let qty = rhs.rows(0, p).into_owned();
    let scaled = r.solve_upper_triangular(&qty).ok_or(FitError::Collinear { columns: (0..p).collect() })?;
    let slopes = (0..p).map(|j| scaled[j] / lengths[j]).collect();
    Ok(Fit { mean_y, means, slopes })
}

/// Eigenvalues (largest first) and unit eigenvectors of a symmetric matrix.
pub fn eigen(m: &[Vec<f64>]) -> Vec<(f64, Vec<f64>)> {
    let n = m.len();
    let matrix = DMatrix::from_fn(n, n, |i, j| 0.5 * (m[i][j] + m[j][i]));
    let decomposition = SymmetricEigen::new(matrix);
    let mut pairs: Vec<(f64, Vec<f64>)> =
        (0..n).map(|k| (decomposition.eigenvalues[k], decomposition.eigenvectors.column(k).iter().copied().collect())).collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
        (0..rows[0].len()).map(|j| rows.iter().map(|r| r[j]).collect()).collect()
    }

    #[test]
    fn least_squares_recovers_a_plane() {
        let rows: Vec<Vec<f64>> = (0..20).map(|i| vec![i as f64, ((i * 7) % 5) as f64]).collect();
        let y: Vec<f64> = rows.iter().map(|r| 2.0 + 0.5 * r[0] - 3.0 * r[1]).collect();
        let b = ols(&columns(&rows), &y).unwrap().coefficients();
        assert!((b[0] - 2.0).abs() < 1e-12 && (b[1] - 0.5).abs() < 1e-12 && (b[2] + 3.0).abs() < 1e-12, "{b:?}");
        let collinear: Vec<Vec<f64>> = (0..5).map(|i| vec![i as f64, 2.0 * i as f64, ((i * i) % 3) as f64]).collect();
        assert_eq!(ols(&columns(&collinear), &[1.0, 2.0, 3.0, 4.0, 5.0]), Err(FitError::Collinear { columns: vec![0, 1] }));
        let constant: Vec<Vec<f64>> = (0..5).map(|i| vec![i as f64, 7.0]).collect();
        assert_eq!(ols(&columns(&constant), &[1.0, 2.0, 3.0, 4.0, 5.0]), Err(FitError::Constant { columns: vec![1] }));
        assert_eq!(ols(&[vec![1.0], vec![2.0]], &[1.0]), Err(FitError::TooFewRows { rows: 1, needed: 3 }));
    }

    /// The regression that the normal equations refused: calendar years squared times a unit
    /// mean beside shares. The noise is a cubic in the year, orthogonal within each unit to
    /// everything the design holds, so the exact least-squares line is the one it was built from.
    #[test]
    fn ill_scaled_year_polynomials_fit_to_the_last_digits() {
        let years: Vec<f64> = (0..18).map(|k| 2000.0 + k as f64).collect();
        // odd integers −17 … 17: u³·Σu² − u·Σu⁴ is orthogonal to 1, u and u² over the 18 years
        let u: Vec<f64> = (0..18).map(|k| 2.0 * k as f64 - 17.0).collect();
        let (s2, s4): (f64, f64) = (u.iter().map(|v| v * v).sum(), u.iter().map(|v| v.powi(4)).sum());
        let cubic: Vec<f64> = u.iter().map(|v| v.powi(3) * s2 - v * s4).collect();
        let beta = [3.5, -2.0e-6, 8.0e-3, 1.25, -0.75];
        let (mut x, mut y, mut exact) = (vec![vec![]; 4], vec![], vec![]);
        for unit in 0..400 {
            let unit_mean = 0.2 + (unit % 37) as f64 / 50.0;
            let (a, b) = ((unit % 11) as f64 / 7.0, (unit % 13) as f64 / 3.0);
            for (k, &t) in years.iter().enumerate() {
                let row = [t * t * unit_mean, t * unit_mean, a + 0.01 * (t - 2000.0), b * (t - 2000.0) * (t - 2000.0) / 100.0];
                for (col, v) in x.iter_mut().zip(row) {
                    col.push(v);
                }
                let fitted = beta[0] + row.iter().zip(&beta[1..]).map(|(v, b)| v * b).sum::<f64>();
                exact.push(fitted);
                y.push(fitted + 1e-7 * ((unit % 5) as f64 - 2.0) * cubic[k]);
            }
        }
        let fit = ols(&x, &y).expect("a well-posed fit");
        let mut worst: f64 = 0.0;
        for (i, want) in exact.iter().enumerate() {
            let got = fit.predict(x.iter().map(|c| c[i]));
            worst = worst.max(((got - want) / want).abs());
        }
        assert!(worst < 1e-9, "fitted values off by {worst:e} relative");
    }

    #[test]
    fn eigenpairs_largest_first_even_for_negatively_correlated_inputs() {
        let pairs = eigen(&[vec![1.0, -0.954], vec![-0.954, 1.0]]);
        assert!((pairs[0].0 - 1.954).abs() < 1e-12 && (pairs[1].0 - 0.046).abs() < 1e-12);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((pairs[0].1[0].abs() - h).abs() < 1e-12 && pairs[0].1[0] * pairs[0].1[1] < 0.0, "{:?}", pairs[0].1);
        let pairs = eigen(&[vec![2.0, 0.0, 0.0], vec![0.0, 5.0, 0.0], vec![0.0, 0.0, 1.0]]);
        assert_eq!(pairs.iter().map(|p| p.0).collect::<Vec<_>>(), vec![5.0, 2.0, 1.0]);
        assert!((pairs[0].1[1].abs() - 1.0).abs() < 1e-12);
    }
}
