//! Descriptive statistics over the present values of a column.

/// Which standard deviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SdKind {
    /// divide by n
    #[default]
    Population,
    /// divide by n − 1
    Sample,
}

/// Pairwise sum: the rounding error grows with log n instead of n, which matters for the sums
/// of squares and products over a hundred thousand unit-years.
pub fn sum(values: &[f64]) -> f64 {
    const BLOCK: usize = 64;
    if values.len() <= BLOCK {
        return values.iter().sum();
    }
    let (left, right) = values.split_at(values.len() / 2);
    sum(left) + sum(right)
}

/// Pairwise sum of products.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    const BLOCK: usize = 64;
    if a.len() <= BLOCK {
        return a.iter().zip(b).map(|(x, y)| x * y).sum();
    }
    let half = a.len() / 2;
    dot(&a[..half], &b[..half]) + dot(&a[half..], &b[half..])
}

pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| sum(values) / values.len() as f64)
}

/// Standard deviation; `Population` divides by n (as the Berlin MSS does), `Sample` by n − 1.
pub fn std_dev(values: &[f64], kind: SdKind) -> Option<f64> {
    let m = mean(values)?;
    let n = values.len() as f64;
    let denominator = match kind {
        SdKind::Population => n,
        SdKind::Sample => n - 1.0,
    };
    if denominator <= 0.0 {
        return None;
    }
    let centred: Vec<f64> = values.iter().map(|v| v - m).collect();
    let ss = dot(&centred, &centred);
    Some((ss / denominator).sqrt())
}

/// Sample quantile of sorted values as R's `quantile(x, p, type = r_type)` for types 7 and 9.
pub fn quantile(sorted: &[f64], p: f64, r_type: u8) -> f64 {
    let n = sorted.len();
    if n == 1 {
        return sorted[0];
    }
    let nf = n as f64;
    // R: Q(p) = x[j] + γ (x[j+1] − x[j]), j = floor(n p + m), γ = n p + m − j, 1-based
    let m = match r_type {
        9 => p / 4.0 + 3.0 / 8.0,
        _ => 1.0 - p,
    };
    let h = nf * p + m;
    let j = h.floor();
    let gamma = h - j;
    let at = |k: f64| sorted[(k.clamp(1.0, nf) as usize) - 1];
    at(j) + gamma * (at(j + 1.0) - at(j))
}

/// Wilson score interval for a proportion `successes / n` at normal quantile `z` (1.96 ≈ 95 %).
pub fn wilson(successes: f64, n: f64, z: f64) -> Option<(f64, f64)> {
    if n <= 0.0 || successes < 0.0 || successes > n {
        return None;
    }
    let p = successes / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z * ((p * (1.0 - p) / n) + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Least-squares slope of values over years: the trend per year.
pub fn trend(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    (sxx > 0.0).then(|| points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn population_and_sample_deviation() {
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&v), Some(5.0));
        assert_eq!(std_dev(&v, SdKind::Population), Some(2.0));
        assert!((std_dev(&v, SdKind::Sample).unwrap() - 2.138_089_935).abs() < 1e-9);
        assert_eq!(std_dev(&[1.0], SdKind::Sample), None);
        assert_eq!(mean(&[]), None);
    }

    #[test]
    fn quantiles_match_r_types_7_and_9() {
        let x: Vec<f64> = (1..=10).map(f64::from).collect();
        // R: quantile(1:10, c(.2, .5), type = 7) → 2.8 5.5; type = 9 → 2.425 5.5
        assert!((quantile(&x, 0.2, 7) - 2.8).abs() < 1e-12);
        assert!((quantile(&x, 0.5, 7) - 5.5).abs() < 1e-12);
        assert!((quantile(&x, 0.2, 9) - 2.425).abs() < 1e-12);
        assert!((quantile(&x, 0.5, 9) - 5.5).abs() < 1e-12);
        assert_eq!(quantile(&x, 0.0, 7), 1.0);
        assert_eq!(quantile(&x, 1.0, 9), 10.0);
        assert_eq!(quantile(&[3.0], 0.3, 9), 3.0);
    }

    #[test]
    fn wilson_interval_and_trend() {
        // 10 of 100: Wilson 95 % interval 0.0552 – 0.1744
        let (lo, hi) = wilson(10.0, 100.0, 1.96).unwrap();
        assert!((lo - 0.0552).abs() < 1e-4 && (hi - 0.1744).abs() < 1e-4, "{lo} {hi}");
        let (lo, hi) = wilson(0.0, 5.0, 1.96).unwrap();
        assert_eq!(lo, 0.0);
        assert!(hi > 0.4 && hi < 0.44);
        assert!(wilson(3.0, 2.0, 1.96).is_none());
        assert_eq!(trend(&[(2015.0, 10.0), (2016.0, 12.0), (2017.0, 14.0)]), Some(2.0));
        assert_eq!(trend(&[(2015.0, 1.0)]), None);
    }
}
