//! The translation layer: every user-facing string of kette — web pages and command line — is a
//! Fluent message in `locales/`. German is the default and the fallback for messages a language
//! does not have yet.

use std::collections::HashMap;

pub mod format;
pub use format::{phone, Formats};

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentResource};

/// UI languages: code and the language's own name (shown in the language switch). Every web
/// page speaks all five; the command line and the reminder mails to staff speak German and
/// English (see [`is_staff_tooling`]).
pub const LANGUAGES: &[(&str, &str)] = &[("de", "Deutsch"), ("en", "English"), ("tr", "Türkçe"), ("ar", "العربية"), ("uk", "Українська")];
/// Languages complete for every message.
pub const FULL_LANGUAGES: &[&str] = &["de", "en"];
/// Languages complete for every web page, public or signed in.
pub const PAGE_LANGUAGES: &[&str] = &["de", "en", "tr", "ar", "uk"];

/// Messages of the command line and of reminder mails: read by administrators and partners'
/// staff in German or English; the other UI languages fall back to German there.
pub fn is_staff_tooling(key: &str) -> bool {
    key.starts_with("cli-") || key.starts_with("mail-")
}
pub const DEFAULT_LANG: &str = "de";

const SOURCES: &[(&str, &str)] = &[
    ("de", include_str!("../locales/de.ftl")),
    ("en", include_str!("../locales/en.ftl")),
    ("tr", include_str!("../locales/tr.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
    ("uk", include_str!("../locales/uk.ftl")),
];

/// Written right to left.
pub fn is_rtl(lang: &str) -> bool {
    matches!(lang, "ar" | "fa" | "ps" | "ku-arab" | "he" | "ur")
}

/// Languages families in Germany often speak, each in its own name, so that a family
/// recognises its language whatever the page's language is. Used to filter offers by the
/// language spoken there.
pub const SPOKEN_LANGUAGES: &[(&str, &str)] = &[
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("fa", "فارسی"),
    ("ku", "Kurdî"),
    ("ps", "پښتو"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("sq", "Shqip"),
    ("sr", "Srpski"),
    ("hr", "Hrvatski"),
    ("bs", "Bosanski"),
    ("vi", "Tiếng Việt"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("el", "Ελληνικά"),
    ("dgs", "Deutsche Gebärdensprache"),
];

/// A language's own name, or its code when it is not in [`SPOKEN_LANGUAGES`].
pub fn language_name(code: &str) -> String {
    SPOKEN_LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, n)| n.to_string()).unwrap_or_else(|| code.to_string())
}

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

/// The formatters of every UI language, in the order of [`SOURCES`]; built once, because Fluent
/// calls its number formatter through a plain function pointer.
fn formats_table() -> &'static [Formats] {
    static TABLE: std::sync::OnceLock<Vec<Formats>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| SOURCES.iter().map(|(lang, _)| Formats::new(lang)).collect())
}

/// Numbers inside messages ("4.871 Angebote") in the bundle's locale: one instance per language.
fn number_formatter<M, const L: usize>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else { return None };
    let f = &formats_table()[L];
    Some(if n.value.fract() == 0.0 && n.value.abs() < 1e15 { f.integer(n.value as i64) } else { f.short(n.value, 3) })
}

impl I18n {
    /// Loads the embedded translation files; a syntax error there is a build defect, so it panics
    /// (and the unit test below catches it first).
    pub fn load() -> Self {
        let mut bundles = HashMap::new();
        for (index, (lang, src)) in SOURCES.iter().enumerate() {
            let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(_, e)| panic!("{lang}.ftl: {e:?}"));
            let langid: unic_langid::LanguageIdentifier = lang.parse().expect("language id");
            let mut b = FluentBundle::new_concurrent(vec![langid]);
            // no Unicode isolation marks: they end up inside HTML attributes and tests
            b.set_use_isolating(false);
            b.set_formatter(Some(match index {
                0 => number_formatter::<_, 0>,
                1 => number_formatter::<_, 1>,
                2 => number_formatter::<_, 2>,
                3 => number_formatter::<_, 3>,
                _ => number_formatter::<_, 4>,
            }));
            b.add_resource(res).unwrap_or_else(|e| panic!("{lang}.ftl: {e:?}"));
            bundles.insert(*lang, b);
        }
        I18n { bundles }
    }

    /// Number and date formats of a UI language (German for any other code).
    pub fn formats(&self, lang: &str) -> &'static Formats {
        let index = SOURCES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
        &formats_table()[index]
    }

    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }

    pub fn t(&self, lang: &str, key: &str) -> String {
        self.format(lang, key, None)
    }

    pub fn t_args(&self, lang: &str, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(lang, key, Some(&fa))
    }

    fn format(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        for l in [lang, DEFAULT_LANG] {
            if let Some(b) = self.bundles.get(l) {
                if let Some(msg) = b.get_message(key).and_then(|m| m.value()) {
                    let mut errs = vec![];
                    return b.format_pattern(msg, args, &mut errs).into_owned();
                }
            }
        }
        tracing::warn!(key, "missing translation");
        key.to_string()
    }
}

/// Picks the UI language: an explicit `?lang=`, then the remembered cookie, then the browser's
/// Accept-Language, then German.
pub fn negotiate(query: Option<&str>, cookie: Option<&str>, accept_language: Option<&str>) -> &'static str {
    let supported = |code: &str| LANGUAGES.iter().map(|(c, _)| *c).find(|c| c.eq_ignore_ascii_case(code));
    if let Some(l) = query.and_then(supported).or_else(|| cookie.and_then(supported)) {
        return l;
    }
    if let Some(header) = accept_language {
        let mut prefs: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, tag) in prefs {
            if let Some(l) = supported(tag.split('-').next().unwrap_or("")) {
                return l;
            }
        }
    }
    DEFAULT_LANG
}

/// The language for command-line output: `KETTE_LANG`, else the POSIX locale (`LANG`), else German.
pub fn cli_language() -> &'static str {
    let env = std::env::var("KETTE_LANG").ok().or_else(|| std::env::var("LC_ALL").ok()).or_else(|| std::env::var("LANG").ok());
    let code = env.as_deref().and_then(|v| v.split(['_', '.', '-']).next()).unwrap_or("");
    negotiate(Some(code), None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_order_is_query_cookie_header_default() {
        assert_eq!(negotiate(Some("en"), Some("de"), None), "en");
        assert_eq!(negotiate(Some("xx"), Some("en"), None), "en");
        assert_eq!(negotiate(None, None, Some("fr-FR, en;q=0.8, de;q=0.5")), "en");
        assert_eq!(negotiate(None, None, Some("tr")), "tr");
        assert_eq!(negotiate(None, None, Some("fr")), "de");
        assert_eq!(negotiate(None, None, None), "de");
    }

    #[test]
    fn every_message_exists_in_every_language_and_formats() {
        let i18n = I18n::load();
        let de = include_str!("../locales/de.ftl");
        let keys: Vec<&str> = de
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
            .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' '))
            .collect();
        assert!(keys.len() > 50);
        let mut missing = vec![];
        for k in keys {
            let langs = if is_staff_tooling(k) { FULL_LANGUAGES } else { PAGE_LANGUAGES };
            for lang in langs {
                if !i18n.has(lang, k) {
                    missing.push(format!("{lang}:{k}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing: {missing:?}");
        assert_eq!(i18n.t_args("de", "offers-found", &[("count", 1.into())]), "1 Angebot");
        assert_eq!(i18n.t_args("en", "offers-found", &[("count", 3.into())]), "3 offers");
        assert_eq!(i18n.t_args("de", "offers-found", &[("count", 3109.into())]), "3.109 Angebote", "numbers in messages are grouped");
        assert_eq!(i18n.t_args("en", "offers-found", &[("count", 3109.into())]), "3,109 offers");
        assert_eq!(i18n.t("tr", "cli-step-accounts"), i18n.t("de", "cli-step-accounts"), "the command line falls back to German");
        // plural forms with the number in every branch: Ukrainian says 21 like 1
        assert_eq!(i18n.t_args("uk", "recipe-rows", &[("count", 21.into())]), "21 соціальний район");
        assert_eq!(i18n.t_args("uk", "recipe-rows", &[("count", 5.into())]), "5 соціальних районів");
        assert_eq!(i18n.t_args("ar", "wizard-rows", &[("count", 1.into())]), "قيمة واحدة");
    }
}
