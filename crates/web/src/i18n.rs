//! The web side of the translation layer (`kette-i18n`): checks that every key the templates
//! and handlers use exists.

pub use kette_i18n::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let i18n = I18n::load();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push(p);
                }
            }
        }
        let mut files = vec![];
        for sub in ["templates", "src"] {
            walk(std::path::Path::new(&format!("{dir}{sub}")), &mut files);
        }
        let mut checked = 0;
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for pat in [".t(\"", ".tn(\"", ".t1(\""] {
                for (i, _) in text.match_indices(pat) {
                    let rest = &text[i + pat.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    if key.contains('{') || key.is_empty() {
                        continue;
                    }
                    assert!(i18n.has("de", key), "{} uses missing key {key}", f.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "only {checked} keys found");
    }

    /// The public finder speaks five languages: every string its pages use must exist in each,
    /// so that no Turkish, Arabic or Ukrainian page shows a German fallback.
    #[test]
    fn public_pages_are_complete_in_every_public_language() {
        let i18n = I18n::load();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/");
        let mut keys: Vec<String> = [
            // chosen at run time
            "cost-free",
            "cost-reduced",
            "cost-fee",
            "access-open",
            "access-registration",
            "access-referral",
            "offerstatus-draft",
            "offerstatus-active",
            "offerstatus-paused",
            "offerstatus-ended",
            "age-years",
            "age-months",
            "finder-age-years",
            "finder-age-expecting",
            "finder-age-baby",
            "feedback-topic-barrier",
            "feedback-topic-wrong-information",
            "feedback-topic-missing-offer",
            "feedback-topic-other",
            "feedback-error-topic",
            "feedback-error-empty",
            "feedback-error-long",
            "error-title",
            "error-internal",
            "error-not-found",
            "error-forbidden",
            "error-bad-request",
            "error-csrf",
            "nav-home",
            "error-age-years",
            "error-age-months",
            "error-whole-number",
            "error-choice",
            "error-coordinates",
            "error-radius",
            "error-query-range",
            "error-place-unknown",
        ]
        .iter()
        .map(|k| k.to_string())
        .collect();
        for page in
            ["base.html", "finder.html", "finder_offer.html", "finder_print.html", "accessibility.html", "feedback.html", "pager.html"]
        {
            let text = std::fs::read_to_string(format!("{dir}{page}")).unwrap();
            for pat in [".t(\"", ".tn(\"", ".t1(\""] {
                for (i, _) in text.match_indices(pat) {
                    let rest = &text[i + pat.len()..];
                    keys.push(rest[..rest.find('"').unwrap()].to_string());
                }
            }
        }
        keys.sort();
        keys.dedup();
        assert!(keys.len() > 100, "{}", keys.len());
        let mut missing = vec![];
        for lang in PUBLIC_LANGUAGES {
            for k in &keys {
                if !i18n.has(lang, k) {
                    missing.push(format!("{lang}:{k}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing: {missing:?}");
        assert!(is_rtl("ar") && !is_rtl("tr"));
    }
}
