//! The little linear algebra the index engine needs: least squares and the leading eigenvector
//! of a small symmetric matrix. Sizes are the number of indicators (≤ a few dozen).

/// Ordinary least squares via the normal equations, solved with Gaussian elimination and
/// partial pivoting. None if there are fewer rows than coefficients or the system is singular.
pub fn ols(x: &[Vec<f64>], y: &[f64]) -> Option<Vec<f64>> {
    let p = x.first()?.len();
    if x.len() < p {
        return None;
    }
    let mut a = vec![vec![0.0; p + 1]; p];
    for (row, &t) in x.iter().zip(y) {
        for i in 0..p {
            for j in 0..p {
                a[i][j] += row[i] * row[j];
            }
            a[i][p] += row[i] * t;
        }
    }
    solve(a)
}

fn solve(mut a: Vec<Vec<f64>>) -> Option<Vec<f64>> {
    let n = a.len();
    let scale = a.iter().flat_map(|r| r[..n].iter()).fold(0.0f64, |m, v| m.max(v.abs())).max(1.0);
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 * scale {
            return None;
        }
        a.swap(col, pivot);
        for row in 0..n {
            if row != col {
                let factor = a[row][col] / a[col][col];
                let pivot_row = a[col].clone();
                for (x, p) in a[row][col..=n].iter_mut().zip(&pivot_row[col..=n]) {
                    *x -= factor * p;
                }
            }
        }
    }
    Some((0..n).map(|i| a[i][n] / a[i][i]).collect())
}

/// Unit eigenvector of the largest eigenvalue of a symmetric positive semi-definite matrix
/// (a correlation matrix), by power iteration.
pub fn first_eigenvector(m: &[Vec<f64>]) -> Vec<f64> {
    let n = m.len();
    let mut v = vec![1.0 / (n as f64).sqrt(); n];
    for _ in 0..10_000 {
        let mut w: Vec<f64> = (0..n).map(|i| (0..n).map(|j| m[i][j] * v[j]).sum()).collect();
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm == 0.0 {
            return v;
        }
        w.iter_mut().for_each(|x| *x /= norm);
        let delta: f64 = w.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
        v = w;
        if delta < 1e-13 {
            break;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_recovers_a_plane() {
        let x: Vec<Vec<f64>> = (0..20).map(|i| vec![1.0, i as f64, ((i * 7) % 5) as f64]).collect();
        let y: Vec<f64> = x.iter().map(|r| 2.0 + 0.5 * r[1] - 3.0 * r[2]).collect();
        let b = ols(&x, &y).unwrap();
        assert!((b[0] - 2.0).abs() < 1e-9 && (b[1] - 0.5).abs() < 1e-9 && (b[2] + 3.0).abs() < 1e-9, "{b:?}");
        let collinear: Vec<Vec<f64>> = (0..5).map(|i| vec![1.0, i as f64, 2.0 * i as f64]).collect();
        assert!(ols(&collinear, &[1.0, 2.0, 3.0, 4.0, 5.0]).is_none());
        assert!(ols(&[vec![1.0, 2.0]], &[1.0]).is_none());
    }

    #[test]
    fn leading_eigenvector_of_a_correlation_matrix() {
        let v = first_eigenvector(&[vec![1.0, 0.8], vec![0.8, 1.0]]);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((v[0].abs() - h).abs() < 1e-9 && (v[1].abs() - h).abs() < 1e-9);
        let v = first_eigenvector(&[vec![2.0, 0.0, 0.0], vec![0.0, 5.0, 0.0], vec![0.0, 0.0, 1.0]]);
        assert!((v[1].abs() - 1.0).abs() < 1e-9);
    }
}
