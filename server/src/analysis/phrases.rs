//! Phrases the user gives (in `dateline.toml`: extra claim and denial cues, the words that name a
//! registered event) found in a text as whole tokens, in any case: "the ferry  Strike" is the phrase "ferry
//! strike" whatever the spaces and capitals. Looked up by first word, so finding them costs one hash
//! lookup per token however many phrases there are.
//!
//! [`CorpusPhrases`] are all of a corpus's phrases, compiled once and given to the analysis of each of its
//! articles.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A set of phrases, each with a number the caller gives it (which event, which kind of cue).
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    /// Phrases by their first lower-cased token: the tokens, and the phrase's number.
    by_first: HashMap<String, Vec<Phrase>>,
}

/// A phrase's lower-cased tokens and its number.
type Phrase = (Box<[String]>, usize);

impl PhraseSet {
    /// The set of `phrases`, each with its number; a phrase without a token is left out.
    pub fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> PhraseSet {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::default();
        for (phrase, n) in phrases {
            // the lower-cased tokens, as a phrase's key has them
            let words: Vec<String> = super::lexicon::phrase_key(phrase)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words.into(), n));
            }
        }
        // the longest first, so that the longest phrase at a token is the one found
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        PhraseSet { by_first }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Where the phrases occur among `n` lower-cased tokens (`word(k)` is the k-th): ranges of token
    /// indexes with the phrase's number, from left to right, the longest at each place, none overlapping.
    pub fn find<'w>(
        &self,
        n: usize,
        word: impl Fn(usize) -> &'w str,
    ) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < n {
            let found = self.by_first.get(word(i)).and_then(|list| {
                list.iter().find(|(w, _)| {
                    n - i >= w.len() && w.iter().enumerate().all(|(k, a)| a == word(i + k))
                })
            });
            match found {
                Some((w, number)) => {
                    out.push((i..i + w.len(), *number));
                    i += w.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The phrases a corpus adds to the analysis: words that name registered events (each becomes an event
/// mention where it is written), and claim and denial cues. Facts made with them are kept under their
/// [`CorpusPhrases::fingerprint`].
#[derive(Debug, Clone, Default)]
pub struct CorpusPhrases {
    pub events: PhraseSet,
    pub claims: PhraseSet,
    pub denials: PhraseSet,
    fingerprint: u64,
}

impl PartialEq for CorpusPhrases {
    fn eq(&self, other: &CorpusPhrases) -> bool {
        self.fingerprint == other.fingerprint
    }
}

impl Eq for CorpusPhrases {}

impl CorpusPhrases {
    /// The phrases: those naming events (each with the number of the registered event it names), claim
    /// cues and denial cues.
    pub fn new<'a>(
        events: impl IntoIterator<Item = (&'a str, usize)>,
        claims: impl IntoIterator<Item = &'a str>,
        denials: impl IntoIterator<Item = &'a str>,
    ) -> CorpusPhrases {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut h = DefaultHasher::new();
        let mut set = |phrases: &mut dyn Iterator<Item = (&'a str, usize)>, tag: u8| {
            let phrases: Vec<(&str, usize)> = phrases.collect();
            (tag, &phrases).hash(&mut h);
            PhraseSet::new(phrases)
        };
        let events = set(&mut events.into_iter(), 0);
        let claims = set(&mut claims.into_iter().map(|p| (p, 0)), 1);
        let denials = set(&mut denials.into_iter().map(|p| (p, 0)), 2);
        let any = !(events.is_empty() && claims.is_empty() && denials.is_empty());
        CorpusPhrases {
            events,
            claims,
            denials,
            fingerprint: if any { h.finish().max(1) } else { 0 },
        }
    }

    /// None at all: the analysis as built.
    pub fn none() -> &'static CorpusPhrases {
        static NONE: std::sync::OnceLock<CorpusPhrases> = std::sync::OnceLock::new();
        NONE.get_or_init(CorpusPhrases::default)
    }

    /// A hash of the phrases, 0 when there are none.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the phrases of `set` occur in `text`, as byte ranges with the phrase's number.
    fn find_in_text(set: &PhraseSet, text: &str) -> Vec<(Range<usize>, usize)> {
        let toks = crate::analysis::tokens::tokenize(text);
        let words: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        set.find(words.len(), |k| words[k].as_str())
            .into_iter()
            .map(|(r, n)| (toks[r.start].start..toks[r.end - 1].end, n))
            .collect()
    }

    #[test]
    fn phrases_are_found_as_whole_tokens_in_any_case_longest_first() {
        let set = PhraseSet::new([
            ("ferry strike", 0),
            ("Visby ferry strike", 1),
            ("strike", 2),
        ]);
        let text = "The Visby  Ferry strike ended; another strike began. A ferry striker spoke.";
        let found: Vec<(&str, usize)> = find_in_text(&set, text)
            .into_iter()
            .map(|(r, n)| (&text[r], n))
            .collect();
        assert_eq!(
            found,
            vec![("Visby  Ferry strike", 1), ("strike", 2)],
            "\"striker\" is another word"
        );
        assert!(PhraseSet::new([("  ", 0)]).is_empty());
        assert!(find_in_text(&PhraseSet::default(), text).is_empty());
    }
}
