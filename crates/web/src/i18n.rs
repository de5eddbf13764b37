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
        let mut files = vec![];
        for sub in ["templates", "src"] {
            for e in std::fs::read_dir(format!("{dir}{sub}")).unwrap() {
                files.push(e.unwrap().path());
            }
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
}
