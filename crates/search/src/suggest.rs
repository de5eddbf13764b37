//! Nearby spellings for a search that found nothing: the words of the public offers' titles
//! and keywords closest to each word the family typed ("Hebame" → "Hebamme").

use std::collections::HashMap;

use super::*;

/// Folded word → (the spelling most offers use, how many offers use it).
pub(crate) struct Vocabulary {
    words: Vec<(String, String, u32)>,
}

impl Vocabulary {
    fn build<P>(docs: &[Entry<P>]) -> Self {
        let mut counts: HashMap<String, (String, u32)> = HashMap::new();
        for e in docs.iter().filter(|e| e.doc.public) {
            let mut seen = std::collections::HashSet::new();
            for raw in e.doc.title.split(|c: char| !c.is_alphanumeric()).chain(e.doc.keywords.split(|c: char| !c.is_alphanumeric())) {
                if raw.chars().count() < 4 || raw.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                let folded = analysis::fold_german(raw);
                if seen.insert(folded.clone()) {
                    let entry = counts.entry(folded).or_insert_with(|| (raw.to_string(), 0));
                    entry.1 += 1;
                }
            }
        }
        Vocabulary { words: counts.into_iter().map(|(folded, (shown, n))| (folded, shown, n)).collect() }
    }

    fn contains(&self, folded: &str) -> bool {
        self.words.iter().any(|(w, _, _)| w == folded)
    }

    /// The closest known spellings of one folded word: fewest edits, then most offers.
    fn closest(&self, folded: &str, limit: usize) -> Vec<String> {
        let len = folded.chars().count();
        let allowed = match len {
            0..=3 => return vec![],
            4..=6 => 1,
            _ => 2,
        };
        let mut found: Vec<(usize, u32, &str)> = self
            .words
            .iter()
            .filter(|(w, _, _)| w.chars().count().abs_diff(len) <= allowed)
            .filter_map(|(w, shown, n)| {
                let d = strsim::damerau_levenshtein(folded, w);
                (d > 0 && d <= allowed).then_some((d, *n, shown.as_str()))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found.into_iter().take(limit).map(|(_, _, s)| s.to_string()).collect()
    }
}

impl<P: Send + Sync + 'static> Catalogue<P> {
    /// Other spellings of the words of `text` that public offers use, at most `limit`. Words the
    /// catalogue already knows get none.
    pub fn spelling_suggestions(&self, text: &str, limit: usize) -> Result<Vec<String>> {
        let state = self.state.read().map_err(|_| SearchError::Poisoned)?.clone();
        let vocabulary = state.vocabulary.get_or_init(|| Vocabulary::build(&state.docs));
        let mut out: Vec<String> = Vec::new();
        for word in searched_words(text).iter().map(|w| analysis::fold_german(w)) {
            if vocabulary.contains(&word) {
                continue;
            }
            for s in vocabulary.closest(&word, limit) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) && out.len() < limit {
                    out.push(s);
                }
            }
        }
        Ok(out)
    }
}
