//! Words kept once for the life of the process: verb stems that stand in for lemmas, and the keywords of
//! claims and denials. A corpus repeats a small vocabulary hundreds of thousands of times; each distinct
//! word is stored once (bounded by the vocabulary) and referred to as a `&'static str`, like the
//! lexicon's own words.

use std::sync::{OnceLock, PoisonError, RwLock};

/// The one stored copy of `word`.
pub fn intern(word: &str) -> &'static str {
    static WORDS: OnceLock<RwLock<rustc_hash::FxHashSet<&'static str>>> = OnceLock::new();
    let set = WORDS.get_or_init(Default::default);
    if let Some(&s) = set.read().unwrap_or_else(PoisonError::into_inner).get(word) {
        return s;
    }
    let mut w = set.write().unwrap_or_else(PoisonError::into_inner);
    if let Some(&s) = w.get(word) {
        return s;
    }
    let leaked: &'static str = Box::leak(word.to_string().into_boxed_str());
    w.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::intern;

    #[test]
    fn one_copy_of_each_word() {
        let a = intern(&String::from("pipeline"));
        let b = intern("pipeline");
        assert_eq!(a, "pipeline");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, intern("pipelines")));
    }
}
