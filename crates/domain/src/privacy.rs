//! Statistical confidentiality for public outputs: small counts could identify a family, so
//! they are suppressed before anything leaves the system.

/// Default minimum count shown in public (counts below are suppressed).
pub const DEFAULT_MIN_COUNT: u64 = 3;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum PublicCount {
    Shown(u64),
    /// Rendered as "<min" so readers know a small, non-zero value exists.
    Suppressed {
        below: u64,
    },
}

/// Primary suppression of one count. Zero is shown: it reveals nobody.
pub fn suppress(count: u64, min: u64) -> PublicCount {
    if count == 0 || count >= min {
        PublicCount::Shown(count)
    } else {
        PublicCount::Suppressed { below: min }
    }
}

impl std::fmt::Display for PublicCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublicCount::Shown(n) => write!(f, "{n}"),
            PublicCount::Suppressed { below } => write!(f, "<{below}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_suppressed_zero_and_large_are_shown() {
        assert_eq!(suppress(0, 3), PublicCount::Shown(0));
        assert_eq!(suppress(1, 3).to_string(), "<3");
        assert_eq!(suppress(2, 3), PublicCount::Suppressed { below: 3 });
        assert_eq!(suppress(3, 3), PublicCount::Shown(3));
    }
}
