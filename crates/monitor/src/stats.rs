//! Descriptive statistics over the present values of a column.

use crate::recipe::SdKind;

pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
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
    // two-pass for accuracy; the inputs are small
    let ss: f64 = values.iter().map(|v| (v - m) * (v - m)).sum();
    Some((ss / denominator).sqrt())
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
}
