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

/// Several word lists asked about the same word at every token, answered by one lookup: bit `k` of the
/// answer is set when the `k`-th list holds the word.
pub struct WordLists<const N: usize> {
    lists: [&'static WordList; N],
    map: OnceLock<rustc_hash::FxHashMap<&'static str, u32>>,
}

impl<const N: usize> WordLists<N> {
    pub const fn new(lists: [&'static WordList; N]) -> WordLists<N> {
        WordLists {
            lists,
            map: OnceLock::new(),
        }
    }

    /// Which lists hold `word` (bit `k` for the `k`-th list).
    pub fn of(&self, word: &str) -> u32 {
        let map = self.map.get_or_init(|| {
            let mut map = rustc_hash::FxHashMap::default();
            for (k, list) in self.lists.iter().enumerate() {
                for &w in list.words {
                    *map.entry(w).or_insert(0) |= 1 << k;
                }
            }
            map
        });
        map.get(word).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::{WordList, WordLists};

    #[test]
    fn word_lists_tell_every_list_holding_a_word() {
        static A: WordList = WordList::new(&["deny", "hoax"]);
        static B: WordList = WordList::new(&["hoax", "fake"]);
        static BOTH: WordLists<2> = WordLists::new([&A, &B]);
        assert_eq!(BOTH.of("deny"), 0b01);
        assert_eq!(BOTH.of("fake"), 0b10);
        assert_eq!(BOTH.of("hoax"), 0b11);
        assert_eq!(BOTH.of("said"), 0);
    }

    #[test]
    fn a_word_list_holds_its_words_and_no_other() {
        static L: WordList = WordList::new(&["deny", "denied"]);
        assert!(L.contains("denied") && L.contains("deny"));
        assert!(!L.contains("Denied") && !L.contains("den") && !L.contains(""));
    }
}
