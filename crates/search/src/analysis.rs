//! Text analysis for German offer texts: folding, stemming and reversed stems.
//!
//! Families type "Strasse" for "Straße", "Buecherei" or "Bucherei" for "Bücherei", and
//! "Gruppe" for "Krabbelgruppe". Folding makes the spellings meet; the German stemmer
//! merges inflections; a field of reversed stems lets a word find the compounds it ends
//! ("gruppe" → "Krabbelgruppe") and a prefix match the compounds it starts and the
//! inflections the stemmer leaves apart ("Familienzentren" → "Familienzentrum").

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

pub const GERMAN: &str = "kette_de";
pub const INTL: &str = "kette_intl";
pub const REVERSED: &str = "kette_reversed";

/// Words longer than this are not words but pasted links or noise.
pub const MAX_WORD_CHARS: usize = 40;

/// Folds German spellings to one form: lower case, ß → ss, ä/ae → a, ö/oe → o, ü/ue → u
/// (not after q, so "Quelle" stays). Applied alike to texts and queries.
pub fn fold_german(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut prev: Option<char> = None;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'ß' => out.push_str("ss"),
            'ä' | 'à' | 'á' | 'â' => out.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' => out.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' => out.push('e'),
            'a' | 'o' | 'u' if chars.peek() == Some(&'e') && !(c == 'u' && prev == Some('q')) => {
                out.push(c);
                chars.next();
            }
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// The words of a text as the search sees them: split on anything that is not a letter or
/// digit, folded, at most [`MAX_WORD_CHARS`] characters each.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let folded = fold_german(w);
            folded.chars().take(MAX_WORD_CHARS).collect()
        })
        .collect()
}

/// Token filter applying [`fold_german`] to every token.
#[derive(Clone)]
pub struct GermanFolding;

impl TokenFilter for GermanFolding {
    type Tokenizer<T: Tokenizer> = GermanFoldingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> GermanFoldingFilter<T> {
        GermanFoldingFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct GermanFoldingFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for GermanFoldingFilter<T> {
    type TokenStream<'a> = GermanFoldingStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GermanFoldingStream { inner: self.inner.token_stream(text) }
    }
}

pub struct GermanFoldingStream<S> {
    inner: S,
}

impl<S: TokenStream> TokenStream for GermanFoldingStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        if !token.text.is_ascii() || token.text.contains("ae") || token.text.contains("oe") || token.text.contains("ue") {
            token.text = fold_german(&token.text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

/// German text: folded, then stemmed.
pub fn german_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_CHARS * 4))
        .filter(LowerCaser)
        .filter(GermanFolding)
        .filter(Stemmer::new(Language::German))
        .build()
}

/// Translations into other languages: lower case and accents folded, no stemming (one
/// stemmer per language would be guesswork for Turkish, Arabic and Ukrainian alike).
pub fn intl_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_CHARS * 4))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// German stems written backwards, so that a prefix search finds the words a stem ends.
pub fn reversed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_CHARS * 4))
        .filter(LowerCaser)
        .filter(GermanFolding)
        .filter(Stemmer::new(Language::German))
        .filter(Reversing)
        .build()
}

pub fn reverse(s: &str) -> String {
    s.chars().rev().collect()
}

/// Token filter writing every token backwards.
#[derive(Clone)]
pub struct Reversing;

impl TokenFilter for Reversing {
    type Tokenizer<T: Tokenizer> = ReversingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ReversingFilter<T> {
        ReversingFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ReversingFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ReversingFilter<T> {
    type TokenStream<'a> = ReversingStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ReversingStream { inner: self.inner.token_stream(text) }
    }
}

pub struct ReversingStream<S> {
    inner: S,
}

impl<S: TokenStream> TokenStream for ReversingStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        token.text = reverse(&token.text);
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

/// Runs an analyzer over a text and returns the tokens (used to build queries the same way
/// texts were indexed).
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_meets_spellings() {
        assert_eq!(fold_german("Straße"), "strasse");
        assert_eq!(fold_german("Strasse"), "strasse");
        assert_eq!(fold_german("Bücherei"), fold_german("Buecherei"));
        assert_eq!(fold_german("Bücherei"), "bucherei");
        assert_eq!(fold_german("Quelle"), "quelle");
        assert_eq!(fold_german("FAMILIE"), "familie");
    }

    #[test]
    fn german_analyzer_stems_and_folds() {
        let mut a = german_analyzer();
        assert_eq!(tokens(&mut a, "Beratungen"), tokens(&mut a, "Beratung"));
        assert_eq!(tokens(&mut a, "Straße"), tokens(&mut a, "Strasse"));
        assert_eq!(tokens(&mut a, "Kinder"), tokens(&mut a, "Kindern"));
        assert_eq!(tokens(&mut a, "Bücherei"), tokens(&mut a, "Buecherei"));
    }

    #[test]
    fn words_never_fail_on_odd_input() {
        assert!(words("").is_empty());
        assert!(words("!!! ??? ---").is_empty());
        assert_eq!(words("Eltern-Kind-Gruppe"), vec!["eltern", "kind", "gruppe"]);
        let long = "x".repeat(500);
        assert_eq!(words(&long)[0].chars().count(), MAX_WORD_CHARS);
        assert_eq!(words("مرحبا бебі")[1], "бебі");
    }

    #[test]
    fn reversed_stems_end_compounds() {
        let mut r = reversed_analyzer();
        let whole = tokens(&mut r, "Krabbelgruppe")[0].clone();
        let part = tokens(&mut r, "Gruppen")[0].clone();
        assert!(whole.starts_with(&part), "{whole} {part}");
    }
}
