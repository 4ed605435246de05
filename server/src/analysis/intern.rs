//! Words kept once for the life of the process: verb stems that stand in for lemmas, and the keywords of
//! claims and denials. A corpus repeats a small vocabulary hundreds of thousands of times; each distinct
//! word is stored once (bounded by the vocabulary) and referred to as a `&'static str`, like the
//! lexicon's own words; where even that is too much, by a 32-bit number ([`number`]).

use std::sync::{OnceLock, PoisonError, RwLock};

/// How many words each thread remembers in front of the shared tables before it starts again: the
/// analysis looks up words on every core at once, and the shared tables' lock, taken for every lookup,
/// cost a twentieth of `check`'s time in contention alone. A few hundred kilobytes a thread.
const LOCAL_WORDS: usize = 16_384;

thread_local! {
    /// This thread's recent words: their stored copies ([`intern`]).
    static LOCAL_INTERNED: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, ()>> =
        Default::default();
    /// This thread's recent numbers, by the stored word's address and length ([`number`]).
    static LOCAL_NUMBERS: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), u32>> =
        Default::default();
}

/// Remembers `key` → `value` in a thread's table of recent words, emptied when full.
fn remember<K: std::hash::Hash + Eq, V>(
    table: &std::cell::RefCell<rustc_hash::FxHashMap<K, V>>,
    key: K,
    value: V,
) {
    let mut t = table.borrow_mut();
    if t.len() >= LOCAL_WORDS {
        t.clear();
    }
    t.insert(key, value);
}

/// The one stored copy of `word`.
pub fn intern(word: &str) -> &'static str {
    if let Some(s) = LOCAL_INTERNED.with(|t| t.borrow().get_key_value(word).map(|(&s, _)| s)) {
        return s;
    }
    let s = intern_shared(word);
    LOCAL_INTERNED.with(|t| remember(t, s, ()));
    s
}

fn intern_shared(word: &str) -> &'static str {
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

/// A word stored for the life of the process. (Named, so that serde's derive does not take the facts that
/// hold one for data borrowed for the life of the process: they are read with [`de_word`] and [`de_words`].)
pub type Word = &'static str;

/// Reads a word stored for the life of the process (the facts cache keeps words as text).
pub fn de_word<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let w: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(d)?;
    Ok(intern(&w))
}

/// Reads words stored for the life of the process, into any collection of them.
pub fn de_words<'de, D, C>(d: D) -> Result<C, D::Error>
where
    D: serde::Deserializer<'de>,
    C: FromIterator<&'static str>,
{
    let ws: Vec<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(d)?;
    Ok(ws.iter().map(|w| intern(w)).collect())
}

/// Numbers for words stored for the life of the process (written under the lock), and the words by
/// number: read without a lock, as the joins read them on every core at once.
struct Numbers {
    of: RwLock<rustc_hash::FxHashMap<&'static str, u32>>,
    words: boxcar::Vec<&'static str>,
}

fn numbers() -> &'static Numbers {
    static NUMBERS: OnceLock<Numbers> = OnceLock::new();
    NUMBERS.get_or_init(|| Numbers {
        of: Default::default(),
        words: boxcar::Vec::new(),
    })
}

/// A number (1 and up) for a word already stored for the life of the process (a gazetteer name, an
/// interned word), for data kept in great numbers: 4 bytes instead of a 16-byte reference. [`numbered`]
/// gives the word back.
pub fn number(word: &'static str) -> u32 {
    // a stored word's address stays its own: the same address and length is the same word
    let key = (word.as_ptr() as usize, word.len());
    if let Some(n) = LOCAL_NUMBERS.with(|t| t.borrow().get(&key).copied()) {
        return n;
    }
    let n = number_shared(word);
    LOCAL_NUMBERS.with(|t| remember(t, key, n));
    n
}

fn number_shared(word: &'static str) -> u32 {
    let table = numbers();
    if let Some(&n) = table
        .of
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(word)
    {
        return n;
    }
    let mut of = table.of.write().unwrap_or_else(PoisonError::into_inner);
    if let Some(&n) = of.get(word) {
        return n;
    }
    // pushed under the lock: the word's index is its number less one
    let n = table.words.push(word) as u32 + 1;
    of.insert(word, n);
    n
}

/// The word numbered `n` by [`number`].
pub fn numbered(n: u32) -> Option<&'static str> {
    let i = (n as usize).checked_sub(1)?;
    numbers().words.get(i).copied()
}

/// A word stored for the life of the process, held by its [`number`]: 4 bytes instead of a 16-byte
/// reference, for the words a corpus keeps hundreds of thousands of (the keywords of claims and denials).
/// Ordered by number, which is the order words were first met in, not the alphabet's. Written and read
/// as the word (the number is this process's).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Numbered(u32);

impl Numbered {
    /// The number of a word already stored ([`intern`], or a lexicon's).
    pub fn of(word: &'static str) -> Numbered {
        Numbered(number(word))
    }
    pub fn as_str(self) -> &'static str {
        numbered(self.0).unwrap_or("")
    }
    /// The number, for tables indexed by word.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl std::fmt::Debug for Numbered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl serde::Serialize for Numbered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Numbered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Numbered, D::Error> {
        de_word(d).map(Numbered::of)
    }
}

/// Reads numbered words in the order this process keeps them in (by number), each once: the file holds
/// them in the order of the process that wrote it, whose numbers were others.
pub fn de_numbered<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Box<[Numbered]>, D::Error> {
    let mut words: Vec<Numbered> = serde::Deserialize::deserialize(d)?;
    words.sort_unstable();
    words.dedup();
    Ok(words.into())
}

#[cfg(test)]
mod tests {
    use super::{Numbered, intern, number, numbered};

    #[test]
    fn numbered_words_are_read_back_in_this_process_s_order() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Words(#[serde(deserialize_with = "super::de_numbered")] Box<[Numbered]>);
        let (a, b) = (Numbered::of(intern("quay")), Numbered::of(intern("ferry")));
        let (low, high) = (a.min(b), a.max(b));
        // as another process, which numbered them the other way round, wrote them
        let bytes = postcard::to_allocvec(&Words([high, low, high].into())).expect("written");
        let back: Words = postcard::from_bytes(&bytes).expect("read");
        assert_eq!(&*back.0, &[low, high]);
    }

    #[test]
    fn numbered_words_read_and_write_as_words() {
        let w = Numbered::of(intern("ceasefire"));
        assert_eq!(w.as_str(), "ceasefire");
        assert_eq!(w, Numbered::of(intern("ceasefire")));
        let bytes = postcard::to_allocvec(&w).expect("written");
        let back: Numbered = postcard::from_bytes(&bytes).expect("read");
        assert_eq!(back, w);
        assert_eq!(format!("{w:?}"), "\"ceasefire\"");
    }

    #[test]
    fn words_by_number() {
        let oslo = number("Oslo");
        assert!(oslo >= 1);
        assert_eq!(number("Oslo"), oslo);
        assert_ne!(number("Bergen"), oslo);
        assert_eq!(numbered(oslo), Some("Oslo"));
        assert_eq!(numbered(0), None);
    }

    #[test]
    fn one_copy_of_each_word() {
        let a = intern(&String::from("pipeline"));
        let b = intern("pipeline");
        assert_eq!(a, "pipeline");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, intern("pipelines")));
    }
}
