//! The web side of the translation layer (`kette-i18n`): checks that every key the templates
//! and handlers use exists.

pub use kette_i18n::*;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message key a template or handler names literally, with the file it is in.
    fn keys_used() -> Vec<(std::path::PathBuf, String)> {
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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        let mut files = vec![];
        for sub in ["templates", "src"] {
            walk(std::path::Path::new(&format!("{dir}{sub}")), &mut files);
        }
        let mut keys = vec![];
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for pat in [".t(\"", ".tn(\"", ".t1(\"", ".t_de(\""] {
                for (i, _) in text.match_indices(pat) {
                    let rest = &text[i + pat.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    if !key.contains('{') && !key.is_empty() {
                        keys.push((f.clone(), key.to_string()));
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let i18n = I18n::load();
        let used = keys_used();
        for (file, key) in &used {
            assert!(i18n.has("de", key), "{} uses missing key {key}", file.display());
        }
        assert!(used.len() > 50, "only {} keys found", used.len());
    }

    /// Every page speaks five languages: every string a template or handler uses must exist in
    /// each, so that no Turkish, Arabic or Ukrainian page shows a German fallback.
    #[test]
    fn every_page_is_complete_in_every_language() {
        let i18n = I18n::load();
        let mut keys: Vec<String> = keys_used().into_iter().map(|(_, k)| k).collect();
        // keys composed at run time (`format!("cost-{c}")`, enum label keys, error codes):
        // every key of the German file that is not staff tooling
        let de = include_str!("../../i18n/locales/de.ftl");
        keys.extend(
            de.lines()
                .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
                .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' ') && !is_staff_tooling(k)),
        );
        keys.sort();
        keys.dedup();
        assert!(keys.len() > 400, "{}", keys.len());
        let mut missing = vec![];
        for lang in PAGE_LANGUAGES {
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
