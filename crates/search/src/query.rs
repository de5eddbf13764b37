//! From what a family types to a tantivy query: every word (or synonym phrase) must match,
//! each word may match by stem, as the start or end of a compound, with a typo, or in a
//! translation.

use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::analysis::{self, reverse, tokens};

/// Query words beyond this are ignored: nobody types more, and pasted texts must not cost.
pub const MAX_QUERY_WORDS: usize = 12;

/// Words that carry no meaning in a search for offers; dropped from queries so that
/// "Beratung für Eltern" does not require the word "für".
const STOP_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "und", "oder", "fur", "mit", "von", "vom", "in",
    "im", "am", "an", "auf", "aus", "bei", "zu", "zum", "zur", "fuer", "ich", "wir", "mein", "meine", "meinen", "unser", "unsere", "fur",
    "suche", "gibt", "es", "the", "a", "an", "for", "and", "of", "with", "to", "my",
];

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub title: Field,
    pub body: Field,
    pub reversed: Field,
    pub intl: Field,
}

/// Synonym groups as the coordinator keeps them: each group lists phrases that mean the same
/// ("Krabbelgruppe", "Eltern-Kind-Gruppe"). Stored folded into word lists.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
}

impl Synonyms {
    pub fn new<I, G, S>(groups: I) -> Self
    where
        I: IntoIterator<Item = G>,
        G: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let groups = groups
            .into_iter()
            .map(|g| g.into_iter().map(|p| meaningful_words(p.as_ref())).filter(|w| !w.is_empty()).collect::<Vec<_>>())
            .filter(|g: &Vec<Vec<String>>| g.len() > 1)
            .collect();
        Synonyms { groups }
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// A part of the query: one word, or a phrase that a synonym group matched, with the
/// phrases it may be replaced by.
#[derive(Debug, PartialEq)]
pub(crate) enum Unit {
    Word(String),
    Alternatives(Vec<Vec<String>>),
}

/// The words of a query or synonym phrase that carry meaning (both sides drop the same stop
/// words, so that "Kinder- und Jugendarzt" in a group meets the same typed words).
fn meaningful_words(text: &str) -> Vec<String> {
    analysis::words(text).into_iter().filter(|w| !STOP_WORDS.contains(&w.as_str())).collect()
}

/// The words the search tries for a text, as typed (shown when nothing matched).
pub fn searched_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&analysis::fold_german(w).as_str()))
        .take(MAX_QUERY_WORDS)
        .map(|w| w.chars().take(analysis::MAX_WORD_CHARS).collect())
        .collect()
}

/// Splits the query into units, longest synonym phrase first.
pub(crate) fn units(text: &str, synonyms: &Synonyms) -> Vec<Unit> {
    let words: Vec<String> = meaningful_words(text).into_iter().take(MAX_QUERY_WORDS).collect();
    let mut out = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        let mut best: Option<(usize, usize)> = None;
        for (g, group) in synonyms.groups.iter().enumerate() {
            for phrase in group {
                let n = phrase.len();
                if i + n <= words.len() && words[i..i + n] == phrase[..] && best.is_none_or(|(_, len)| n > len) {
                    best = Some((g, n));
                }
            }
        }
        if let Some((g, n)) = best {
            out.push(Unit::Alternatives(synonyms.groups[g].clone()));
            i += n;
            continue 'outer;
        }
        out.push(Unit::Word(words[i].clone()));
        i += 1;
    }
    out
}

pub(crate) struct QueryBuilder<'a> {
    pub fields: Fields,
    pub german: &'a mut TextAnalyzer,
    pub intl: &'a mut TextAnalyzer,
    /// Allow typos. Searched only when the exact query finds nothing: building and running
    /// Levenshtein automata is the dearest part of a query, and a word spelt right needs none.
    pub typos: bool,
    /// Whether a German stem occurs in the catalogue; given, a compound no offer contains is
    /// also searched by its parts ("Schwangerschaftsberatung" → "Schwangerschaft" + "Beratung").
    pub known_stem: Option<&'a dyn Fn(&str) -> bool>,
}

/// Linking elements (Fugen) German puts between the parts of a compound.
const LINKS: &[&str] = &["s", "es", "n", "en", "er", "e"];
/// Each part of a compound split at search time has at least this many letters.
const MIN_PART_CHARS: usize = 4;

/// The two parts of a compound that the catalogue knows, longest first part first:
/// "frauenhaus" → ("frauen", "haus"), "erziehungsberatung" → ("erziehung", "beratung").
pub(crate) fn compound_parts(word: &str, german: &mut TextAnalyzer, known: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 * MIN_PART_CHARS || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let is_known = |german: &mut TextAnalyzer, part: &str| tokens(german, part).first().is_some_and(|stem| known(stem));
    for split in (MIN_PART_CHARS..=chars.len() - MIN_PART_CHARS).rev() {
        let right: String = chars[split..].iter().collect();
        let left: String = chars[..split].iter().collect();
        if !is_known(german, &right) {
            continue;
        }
        if is_known(german, &left) {
            return Some((left, right));
        }
        for link in LINKS {
            if let Some(stripped) = left.strip_suffix(link) {
                if stripped.chars().count() >= MIN_PART_CHARS - 1 && is_known(german, stripped) {
                    return Some((stripped.to_string(), right));
                }
            }
        }
    }
    None
}

impl QueryBuilder<'_> {
    fn word(&mut self, word: &str) -> Box<dyn Query> {
        let whole = self.whole_word(word);
        let Some(known) = self.known_stem else { return whole };
        let stems = tokens(self.german, word);
        if stems.iter().any(|s| known(s)) {
            return whole;
        }
        match compound_parts(word, self.german, known) {
            Some((left, right)) => {
                let parts = BooleanQuery::new(vec![(Occur::Must, self.whole_word(&left)), (Occur::Must, self.whole_word(&right))]);
                Box::new(BooleanQuery::new(vec![(Occur::Should, whole), (Occur::Should, Box::new(BoostQuery::new(Box::new(parts), 0.5)))]))
            }
            None => whole,
        }
    }

    fn whole_word(&mut self, word: &str) -> Box<dyn Query> {
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let boosted = |q: Box<dyn Query>, boost: f32| -> (Occur, Box<dyn Query>) { (Occur::Should, Box::new(BoostQuery::new(q, boost))) };
        let stems = tokens(self.german, word);
        for stem in &stems {
            let len = stem.chars().count();
            let body = Term::from_field_text(self.fields.body, stem);
            should.push(boosted(Box::new(TermQuery::new(body, IndexRecordOption::WithFreqs)), 1.5));
            // titles, names and keywords carry the compounds and are worth the automata; in
            // descriptions the exact stem suffices
            let title = Term::from_field_text(self.fields.title, stem);
            should.push(boosted(Box::new(TermQuery::new(title.clone(), IndexRecordOption::WithFreqs)), 4.0));
            // the start of a compound or an inflection the stemmer keeps apart:
            // "schuldn" → "schuldnerberat", "familienzentr" → "familienzentrum"
            if len >= 4 {
                should.push(boosted(Box::new(FuzzyTermQuery::new_prefix(title.clone(), 0, true)), 2.0));
            }
            // typos, more of them in longer words
            if self.typos && len >= 5 {
                let distance = if len >= 10 { 2 } else { 1 };
                should.push(boosted(Box::new(FuzzyTermQuery::new(title, distance, true)), 1.5));
            }
            // the end of a compound: "grupp" → "krabbelgrupp"
            if len >= 4 {
                let term = Term::from_field_text(self.fields.reversed, &reverse(stem));
                should.push(boosted(Box::new(FuzzyTermQuery::new_prefix(term, 0, true)), 1.0));
            }
        }
        // translations: the word as the translation field analyses it ("kreş" → "kres")
        for t in tokens(self.intl, word) {
            should
                .push((Occur::Should, Box::new(TermQuery::new(Term::from_field_text(self.fields.intl, &t), IndexRecordOption::WithFreqs))));
        }
        Box::new(BooleanQuery::new(should))
    }

    fn phrase(&mut self, words: &[String]) -> Box<dyn Query> {
        let musts = words.iter().map(|w| (Occur::Must, self.word(w))).collect();
        Box::new(BooleanQuery::new(musts))
    }

    /// The whole query, or `None` when the text has no searchable word.
    pub fn build(&mut self, units: &[Unit]) -> Option<Box<dyn Query>> {
        if units.is_empty() {
            return None;
        }
        let mut musts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for unit in units {
            let q = match unit {
                Unit::Word(w) => self.word(w),
                Unit::Alternatives(phrases) => {
                    let should = phrases.iter().map(|p| (Occur::Should, self.phrase(p))).collect();
                    Box::new(BooleanQuery::new(should))
                }
            };
            musts.push((Occur::Must, q));
        }
        Some(Box::new(BooleanQuery::new(musts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonym_phrases_become_alternatives() {
        let syn = Synonyms::new([vec!["Krabbelgruppe", "Eltern-Kind-Gruppe"]]);
        let u = units("Eltern Kind Gruppe in Moabit", &syn);
        assert_eq!(u.len(), 2);
        assert!(matches!(&u[0], Unit::Alternatives(p) if p.len() == 2));
        assert_eq!(u[1], Unit::Word("moabit".into()));
        assert_eq!(units("krabbelgruppe", &syn).len(), 1);
    }

    #[test]
    fn stop_words_and_noise_are_dropped() {
        let syn = Synonyms::default();
        assert_eq!(units("Beratung für Eltern", &syn), vec![Unit::Word("beratung".into()), Unit::Word("eltern".into())]);
        assert!(units("%%% ### für", &syn).is_empty());
        assert_eq!(units(&"wort ".repeat(1000), &syn).len(), MAX_QUERY_WORDS);
    }

    #[test]
    fn single_word_groups_are_ignored() {
        assert!(Synonyms::new([vec!["nur eins"]]).is_empty());
    }
}
