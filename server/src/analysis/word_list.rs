//! Fixed lists of words that the recognisers look up on every token ("denied", "would", "de"): each list is
//! hashed once per process, so that a lookup costs one hash instead of a comparison with every word of
//! the list (the lists hold up to forty words, and a linear scan of them was a tenth of the analysis).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A fixed list of lower-case words, written as a list and looked up as a set.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// The words, as written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::WordList;

    #[test]
    fn a_word_list_holds_its_words_and_no_other() {
        static L: WordList = WordList::new(&["deny", "denied"]);
        assert!(L.contains("denied") && L.contains("deny"));
        assert!(!L.contains("Denied") && !L.contains("den") && !L.contains(""));
    }
}
