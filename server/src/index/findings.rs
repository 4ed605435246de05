//! Claims matched with the denials in other articles, and the findings reported from those matches.
//! A denial matches a claim when they are about the same event (the event clusters of their content meet)
//! and share something more (a place, a date, two actors, or enough of their words), or — when one side
//! names no event — when their words and names overlap strongly, and, with one actor in common, words
//! beyond the names either side names. A finding is a claim denied in a later
//! article (or where either date is unknown); a claim made after its denial "repeats a denied report".

use super::dates::DocDate;
use super::small_set::SmallSet;
use super::{DocEntry, MentionRef};
use crate::analysis::intern::Numbered;
use crate::analysis::{Content, Span};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// A claim and a denial found to be about the same thing.
#[derive(Debug, Clone)]
pub struct Match {
    /// (document, claim index)
    pub claim: MentionRef,
    /// (document, denial index)
    pub denial: MentionRef,
    pub score: f32,
    /// Which cue and which shared content produced the match.
    pub why: String,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// When the denial came relative to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Later,
    Unknown,
    Earlier,
}

/// A claim in one article denied in others.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub claim: MentionRef,
    /// The denials with when each came, and the index into the model's matches.
    pub denials: Vec<(MentionRef, Order, usize)>,
}

/// What a claim or a denial is about, resolved to corpus-wide ids, with its keyword weight.
struct Side {
    events: SmallSet<usize, 2>,
    /// The classes of all its events (a talk, a visit), particular or not.
    classes: SmallSet<crate::analysis::EventClass, 2>,
    /// The actors it names, but those named everywhere ([`everywhere`](Side::everywhere)).
    actors: SmallSet<usize, 4>,
    /// The organisations it names that are named everywhere (the Islamic State in a year of its news,
    /// see [`super::events::widespread_organisations`]): shared, they count only beside another actor
    /// shared, as they tell no story from another.
    everywhere: SmallSet<usize, 1>,
    places: SmallSet<&'static str, 2>,
    days: SmallSet<(u8, u8), 2>,
    /// Word ids, sorted and unique (ids follow alphabetical order, so this is the words' order too).
    keywords: Vec<u32>,
    /// The keywords that are words of the names of the actors and places it or its sentence names (who
    /// denies, who reports), or demonyms ("North Korean" names no more of a story than "North Korea"),
    /// sorted.
    name_words: Vec<u32>,
    /// Sum of the keywords' IDF weights.
    norm: f32,
}

/// The documents whose claims or denials use each keyword, over a whole corpus. Kept with the model, so
/// that a part of the corpus resolved on its own (see [`super::provisional`]) weighs words as the whole
/// corpus does, and finds the articles that share an edited article's words.
#[derive(Debug, Default, Clone)]
pub struct WordDocs {
    /// How many articles there are.
    pub articles: usize,
    /// Keyword → the documents that use it, in order.
    pub docs: HashMap<Numbered, Vec<u32>>,
}

impl WordDocs {
    pub fn new(docs: &[Arc<DocEntry>]) -> WordDocs {
        let mut out: HashMap<Numbered, Vec<u32>> = HashMap::default();
        let mut seen: HashSet<Numbered> = HashSet::default();
        for (di, d) in docs.iter().enumerate() {
            seen.clear();
            let contents = (d.facts.claims.iter().map(|c| &c.content))
                .chain(d.facts.denials.iter().map(|x| &x.content));
            for c in contents {
                for &w in &c.keywords {
                    if seen.insert(w) {
                        out.entry(w).or_default().push(di as u32);
                    }
                }
            }
        }
        WordDocs {
            articles: docs.len(),
            docs: out,
        }
    }

    /// In how many documents a word is.
    pub fn df(&self, word: Numbered) -> usize {
        self.docs.get(&word).map_or(0, Vec::len)
    }

    /// A word in more documents than this is no evidence of one story.
    pub fn common(&self) -> usize {
        common_among(self.articles)
    }
}

/// In how many of `articles` a keyword or a name may be and still tell one story apart: 1 in 100, and
/// at least 100.
pub fn common_among(articles: usize) -> usize {
    (articles / 100).max(100)
}

/// The fewest articles word weights are counted among (see [`Weights::new`]).
const MIN_ARTICLES_WEIGHED: f32 = 8.0;

/// The keywords of claims and denials, numbered in alphabetical order, with their document frequency and
/// inverse document frequency.
struct Weights {
    words: Vec<Numbered>,
    ids: HashMap<Numbered, u32>,
    df: Vec<usize>,
    /// A word in more documents than this is no evidence of one story.
    common: usize,
    idf: Vec<f32>,
    /// The weight of a word in one article only, were there one: ln(articles + 1).
    rarest: f32,
}

impl Weights {
    /// The words of `local` (the documents being matched), counted in `whole` when they are part of a
    /// larger corpus.
    fn new(local: &WordDocs, whole: Option<&WordDocs>) -> Weights {
        let corpus = whole.unwrap_or(local);
        let mut words: Vec<(&'static str, Numbered)> =
            local.docs.keys().map(|&w| (w.as_str(), w)).collect();
        words.sort_unstable();
        let words: Vec<Numbered> = words.into_iter().map(|(_, w)| w).collect();
        // in a handful of articles a word in all of them may still be the story they share (a claim and
        // its denial, alone in a folder): weights are counted as if among at least a few more
        let n = (corpus.articles.max(local.articles) as f32).max(MIN_ARTICLES_WEIGHED);
        let df: Vec<usize> = words
            .iter()
            .map(|&w| local.df(w).max(corpus.df(w)))
            .collect();
        let idf = df
            .iter()
            .map(|&k| ((n + 1.0) / (k as f32 + 1.0)).ln())
            .collect();
        let ids = words
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        Weights {
            words,
            ids,
            df,
            idf,
            common: corpus.common(),
            rarest: (n + 1.0).ln(),
        }
    }

    fn idf(&self, w: u32) -> f32 {
        self.idf.get(w as usize).copied().unwrap_or(0.0)
    }

    fn df(&self, w: u32) -> usize {
        self.df.get(w as usize).copied().unwrap_or(0)
    }

    fn word(&self, w: u32) -> &'static str {
        self.words.get(w as usize).map_or("", |w| w.as_str())
    }

    /// The ids of words, sorted.
    fn ids_of(&self, words: &[Numbered]) -> Vec<u32> {
        let mut ids: Vec<u32> = words
            .iter()
            .filter_map(|w| self.ids.get(w).copied())
            .collect();
        ids.sort_unstable();
        ids
    }
}

fn side(
    d: &DocEntry,
    c: &Content,
    names_in_sentence: &[Span],
    (actor_of, widespread): (&[Option<usize>], &[usize]),
    event_of: &[super::events::EventOf],
    weights: &Weights,
) -> Side {
    let keywords = weights.ids_of(&c.keywords);
    let name_words = name_words(d, c, names_in_sentence, &keywords, weights);
    let named: SmallSet<usize, 4> = (c.actors().iter())
        .filter_map(|&a| actor_of.get(a as usize).copied().flatten())
        .collect();
    let norm = keywords
        .iter()
        .map(|&w| weights.idf(w))
        .sum::<f32>()
        .max(1e-6);
    Side {
        events: c
            .events()
            .iter()
            .filter_map(|&e| event_of.get(e as usize)?.particular_part())
            .collect(),
        classes: c
            .events()
            .iter()
            .filter_map(|&e| d.facts.events.get(e as usize))
            .map(|m| m.class)
            .collect(),
        actors: named
            .iter()
            .copied()
            .filter(|a| widespread.binary_search(a).is_err())
            .collect(),
        everywhere: named
            .iter()
            .copied()
            .filter(|a| widespread.binary_search(a).is_ok())
            .collect(),
        places: c
            .places()
            .iter()
            .map(|&p| d.facts.places[p as usize].name.as_str())
            .collect(),
        days: c
            .dates()
            .iter()
            .filter_map(|&i| match d.facts.dates[i as usize].expr {
                crate::analysis::DateExpr::Calendar {
                    month: Some(m),
                    day: Some(dd),
                    ..
                } => Some((m, dd)),
                _ => None,
            })
            .collect(),
        keywords,
        name_words,
        norm,
    }
}

/// Where the actors and places of an article's `sentences` are named, by sentence (one pass over the
/// article's names, however many claims and denials it has).
fn names_by_sentence(
    d: &DocEntry,
    sentences: impl Iterator<Item = usize>,
) -> HashMap<usize, Vec<Span>> {
    let mut out: HashMap<usize, Vec<Span>> = sentences.map(|s| (s, Vec::new())).collect();
    let actors = (d.facts.actors.iter()).map(|a| (a.sentence, a.span));
    let places = (d.facts.places.iter()).map(|p| (p.sentence, p.span.get()));
    for (sentence, span) in actors.chain(places) {
        if let Some(spans) = out.get_mut(&(sentence as usize)) {
            spans.push(span);
        }
    }
    out
}

/// The keywords of content `c` of article `d` that are words of the names of the actors and places it
/// names, or its sentence does (`names_in_sentence`: who denies, who reports), or demonyms (see
/// [`Side::name_words`]).
fn name_words(
    d: &DocEntry,
    c: &Content,
    names_in_sentence: &[Span],
    keywords: &[u32],
    weights: &Weights,
) -> Vec<u32> {
    let text = |span: &Span| d.article.text.get(span.start..span.end).unwrap_or("");
    let mut names: HashSet<String> = HashSet::default();
    let actors =
        (c.actors().iter()).filter_map(|&a| d.facts.actors.get(a as usize).map(|m| m.span));
    let places =
        (c.places().iter()).filter_map(|&p| d.facts.places.get(p as usize).map(|m| m.span.get()));
    for span in actors
        .chain(places)
        .chain(names_in_sentence.iter().copied())
    {
        names.extend(words_of(text(&span)));
    }
    let demonyms = &crate::analysis::lexicon::lexicon().demonyms;
    keywords
        .iter()
        .copied()
        .filter(|&w| {
            let word = weights.word(w);
            names.contains(word) || demonyms.contains_key(word)
        })
        .collect()
}

/// Finds every claim–denial pair across documents; words are weighed by `words` (the documents' own), or
/// by `whole` when the documents are part of a larger corpus; `widespread` are the organisations named
/// everywhere ([`super::events::widespread_organisations`]), which count as an actor in common only
/// beside another.
pub fn match_claims(
    docs: &[Arc<DocEntry>],
    dates: &[DocDate],
    (actors, actor_of): (&[super::actors::Actor], &[Vec<Option<usize>>]),
    widespread: &[usize],
    event_of: &[Vec<super::events::EventOf>],
    words: &WordDocs,
    whole: Option<&WordDocs>,
) -> Vec<Match> {
    let weights = Weights::new(words, whole);
    // what each claim and denial is about (documents in parallel), and inverted indexes over claims
    let sides_of = |contents: fn(&DocEntry) -> Vec<(&Content, usize)>| -> Vec<Vec<Side>> {
        docs.par_iter()
            .enumerate()
            .map(|(di, d)| {
                let contents = contents(d);
                let names = names_by_sentence(d, contents.iter().map(|&(_, s)| s));
                contents
                    .into_iter()
                    .map(|(c, sentence)| {
                        let names = names.get(&sentence).map_or(&[][..], Vec::as_slice);
                        let of = (&actor_of[di][..], widespread);
                        side(d, c, names, of, &event_of[di], &weights)
                    })
                    .collect()
            })
            .collect()
    };
    let claim_sides = sides_of(|d| {
        (d.facts.claims.iter())
            .map(|c| (&c.content, c.sentence as usize))
            .collect()
    });
    let mut by_event: HashMap<usize, Vec<MentionRef>> = HashMap::default();
    let mut by_word: Vec<Vec<MentionRef>> = vec![Vec::new(); weights.words.len()];
    for (di, sides) in claim_sides.iter().enumerate() {
        for (ci, side) in sides.iter().enumerate() {
            for &e in &side.events {
                by_event.entry(e).or_default().push((di, ci));
            }
            for &w in &side.keywords {
                by_word[w as usize].push((di, ci));
            }
        }
    }
    // grouping claims into stories is sequential: the other core reads the denials meanwhile (for the
    // whole corpus; a part is small)
    let ((story_of, stories), denial_sides) = super::join_when(
        whole.is_none(),
        || stories(&claim_sides, &by_word, &weights),
        || {
            sides_of(|d| {
                (d.facts.denials.iter())
                    .map(|x| (&x.content, x.sentence))
                    .collect()
            })
        },
    );
    // every denial against its candidate claims (documents in parallel, kept in document order)
    let per_doc: Vec<Vec<Match>> = docs
        .par_iter()
        .enumerate()
        .map(|(dj, d)| {
            let mut found = Vec::new();
            let mut cands = Candidates::default();
            for (xi, x) in d.facts.denials.iter().enumerate() {
                let ds = &denial_sides[dj][xi];
                cands.clear();
                for e in &ds.events {
                    cands.gather(by_event.get(e), dj);
                }
                for w in rarest(&ds.keywords, &weights, &by_word, dj, 4) {
                    cands.gather(by_word.get(w as usize), dj);
                }
                let mut scored: Vec<(MentionRef, f32, String)> = cands
                    .sorted()
                    .iter()
                    .filter_map(|&c| {
                        score(&claim_sides[c.0][c.1], ds, &weights, actors)
                            .map(|(s, why)| (c, s, why))
                    })
                    .collect();
                keep_best(&mut scored, MAX_CLAIMS_PER_DENIAL, |m| {
                    (order_rank(dates, m.0, (dj, xi)), m.1, m.0)
                });
                found.extend(scored.into_iter().map(|(claim, score, why)| Match {
                    claim,
                    denial: (dj, xi),
                    score,
                    why: format!("denial cue {:?}; {why}", x.cue),
                }));
            }
            found
        })
        .collect();
    let mut out: Vec<Match> = per_doc.into_iter().flatten().collect();
    // each claim keeps its best denials only
    let mut by_claim: Vec<usize> = (0..out.len()).collect();
    by_claim.sort_by(|&a, &b| {
        let (x, y) = (&out[a], &out[b]);
        (x.claim.cmp(&y.claim))
            .then(order_rank(dates, x.claim, x.denial).cmp(&order_rank(dates, y.claim, y.denial)))
            .then(y.score.total_cmp(&x.score))
            .then(x.denial.cmp(&y.denial))
    });
    let mut keep = vec![false; out.len()];
    for group in by_claim.chunk_by(|&a, &b| out[a].claim == out[b].claim) {
        for &k in group.iter().take(MAX_DENIALS_PER_CLAIM) {
            keep[k] = true;
        }
    }
    retain_marked(&mut out, keep);
    let mut reached = Reached::new(&out);
    // a denial of one report of a story denies the other reports of that story
    let mut done: BTreeSet<(usize, MentionRef)> = BTreeSet::new();
    let direct = out.len();
    // the members of each story that may still take a denial
    let mut open = stories;
    for k in 0..direct {
        let (claim, denial) = (out[k].claim, out[k].denial);
        let Some(&story) = story_of.get(&claim) else {
            continue;
        };
        if !done.insert((story, denial)) {
            continue;
        }
        open[story].retain(|o| reached.may_take(*o));
        for &other in &open[story] {
            // a report of the story that tells only other kinds of events than the denial is not what
            // it denies ("US denies it threatened Foley's family" / "ISIS beheads James Foley")
            if other.0 == denial.0
                || tells_another(
                    &claim_sides[other.0][other.1],
                    &denial_sides[denial.0][denial.1],
                )
            {
                continue;
            }
            reached.add(&mut out, docs, other, denial, k, || {
                format!(
                    "same story as {} (claim {})",
                    docs[claim.0].path(),
                    claim.1 + 1
                )
            });
        }
    }
    // … and the reports that tell what the denied claim tells, when the denial is about them too (the
    // reports near each denied claim found once, in parallel)
    let denied: Vec<MentionRef> = out[..direct]
        .iter()
        .map(|m| m.claim)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let near_claim: HashMap<MentionRef, Vec<MentionRef>> = denied
        .par_iter()
        .map(|&claim| {
            let cs = &claim_sides[claim.0][claim.1];
            let mut cands = Candidates::default();
            for w in rarest(&cs.keywords, &weights, &by_word, claim.0, 3) {
                cands.gather(by_word.get(w as usize), claim.0);
            }
            let near = cands
                .sorted()
                .iter()
                .copied()
                .filter(|o| word_overlap(&claim_sides[o.0][o.1], cs, &weights, None) >= NEAR_REPORT)
                .take(MAX_NEAR_REPORTS)
                .collect();
            (claim, near)
        })
        .collect();
    // (near report, direct match it comes from): explanations are written only for those kept, as most
    // repeat a pair already matched
    let near: Vec<Vec<(MentionRef, usize)>> = out[..direct]
        .par_iter()
        .enumerate()
        .map(|(k, m)| {
            let (claim, denial) = (m.claim, m.denial);
            let ds = &denial_sides[denial.0][denial.1];
            near_claim
                .get(&claim)
                .into_iter()
                .flatten()
                .filter(|o| o.0 != denial.0)
                .filter(|o| {
                    // near in words, and telling the same kind of event as the denied claim
                    let os = &claim_sides[o.0][o.1];
                    word_overlap(os, ds, &weights, None) >= NEAR_DENIAL
                        && !names_another(os, ds)
                        && !tells_another(os, &claim_sides[claim.0][claim.1])
                })
                .map(|&other| (other, k))
                .collect()
        })
        .collect();
    for (other, k) in near.into_iter().flatten() {
        let (claim, denial) = (out[k].claim, out[k].denial);
        reached.add(&mut out, docs, other, denial, k, || {
            format!(
                "tells what {} (claim {}) tells",
                docs[claim.0].path(),
                claim.1 + 1
            )
        });
    }
    // … and what the other denials of the same claims deny, until they deny no more (each round reaches
    // one claim further along the story)
    for _ in 0..CO_DENIED_ROUNDS {
        let before = out.len();
        for (claim, denial, k, words) in co_denied(&out, &claim_sides, &denial_sides, &weights) {
            let other = out[k].denial;
            reached.add(&mut out, docs, claim, denial, k, || {
                format!(
                    "denies what {} (denial {}) denies, and shares the words {}",
                    docs[other.0].path(),
                    other.1 + 1,
                    words.join(", ")
                )
            });
        }
        if out.len() == before {
            break;
        }
    }
    out
}

/// The matches a resolve reaches from others (through a story, a near report, a co-denial): each claim and
/// denial paired once, and a claim given no more than [`MAX_DENIALS_PER_CLAIM`] denials.
struct Reached {
    denials_of: HashMap<MentionRef, usize>,
    seen: BTreeSet<(MentionRef, MentionRef)>,
}

impl Reached {
    /// Starting from the matches made so far.
    fn new(matches: &[Match]) -> Reached {
        let mut denials_of: HashMap<MentionRef, usize> = HashMap::default();
        for m in matches {
            *denials_of.entry(m.claim).or_insert(0) += 1;
        }
        Reached {
            denials_of,
            seen: matches.iter().map(|m| (m.claim, m.denial)).collect(),
        }
    }

    /// Whether `claim` may take another denial.
    fn may_take(&self, claim: MentionRef) -> bool {
        self.denials_of
            .get(&claim)
            .is_none_or(|&n| n < MAX_DENIALS_PER_CLAIM)
    }

    /// Matches `claim` with `denial`, reached from match `k` (at half its score), unless they are paired
    /// already or the claim has all the denials it may; `how` says how it was reached, after the denial's
    /// cue.
    fn add(
        &mut self,
        out: &mut Vec<Match>,
        docs: &[Arc<DocEntry>],
        claim: MentionRef,
        denial: MentionRef,
        k: usize,
        how: impl FnOnce() -> String,
    ) {
        if !self.may_take(claim) || !self.seen.insert((claim, denial)) {
            return;
        }
        *self.denials_of.entry(claim).or_insert(0) += 1;
        let cue = &docs[denial.0].facts.denials[denial.1].cue;
        out.push(Match {
            claim,
            denial,
            score: out[k].score * 0.5,
            why: format!("denial cue {cue:?}; {}", how()),
        });
    }
}

/// Two denials that deny at least [`CO_DENIED_SHARED`] claims in common, and at least half of the claims
/// of the one that denies fewer, are about one story: each denies the other's claims as well, those in
/// another article whose words it shares beyond the names of actors ([`CO_DENIED_RARITY`]: "North Korea
/// denies reports Kim Jong-un is to open a restaurant" shares only a name with "Kim Jong-un broke both
/// ankles"). Returns (claim, denial, the match of the other denial it comes from, the words shared), each
/// pair once, in order.
fn co_denied(
    matches: &[Match],
    claim_sides: &[Vec<Side>],
    denial_sides: &[Vec<Side>],
    weights: &Weights,
) -> Vec<(MentionRef, MentionRef, usize, Vec<&'static str>)> {
    let mut claims_of: BTreeMap<MentionRef, BTreeMap<MentionRef, usize>> = BTreeMap::new();
    let mut denials_of: HashMap<MentionRef, Vec<MentionRef>> = HashMap::default();
    for (k, m) in matches.iter().enumerate() {
        claims_of
            .entry(m.denial)
            .or_default()
            .entry(m.claim)
            .or_insert(k);
        denials_of.entry(m.claim).or_default().push(m.denial);
    }
    let mut out = Vec::new();
    let mut shared: BTreeMap<MentionRef, usize> = BTreeMap::new();
    let mut looked_at: HashSet<MentionRef> = HashSet::default();
    for (&x, mine) in &claims_of {
        shared.clear();
        looked_at.clear();
        for c in mine.keys() {
            for &y in denials_of.get(c).into_iter().flatten() {
                if y != x {
                    *shared.entry(y).or_insert(0) += 1;
                }
            }
        }
        let xs = &denial_sides[x.0][x.1];
        for (&y, &n) in &shared {
            let theirs = &claims_of[&y];
            if n < CO_DENIED_SHARED || 2 * n < mine.len().min(theirs.len()) {
                continue;
            }
            for (&c, &k) in theirs {
                // each claim once, none that has all the denials it keeps, and a bounded number in all (a
                // corpus repeating one story thousands of times stays linear)
                if c.0 == x.0
                    || mine.contains_key(&c)
                    || denials_of
                        .get(&c)
                        .is_some_and(|d| d.len() >= MAX_DENIALS_PER_CLAIM)
                    || looked_at.len() >= MAX_CANDIDATES
                    || !looked_at.insert(c)
                {
                    continue;
                }
                let cs = &claim_sides[c.0][c.1];
                if names_another(cs, xs) {
                    continue;
                }
                let (weight, words) = shared_beyond_names(cs, xs, weights);
                if weight >= CO_DENIED_RARITY * weights.rarest {
                    out.push((c, x, k, words));
                }
            }
        }
    }
    out.sort_by_key(|&(c, x, _, _)| (c, x));
    out.dedup_by_key(|&mut (c, x, _, _)| (c, x));
    out
}

/// The most rounds of [`co_denied`] a resolve makes (on Emergent's dev set, the fourth finds nothing new).
const CO_DENIED_ROUNDS: usize = 6;
/// How many claims two denials must deny in common to be of one story (see [`co_denied`]).
const CO_DENIED_SHARED: usize = 2;
/// How rare the words a claim shares with a denial of its story's other claims must be, together, for it
/// to be denied by it: the sum of their IDF weights, as a share of a word's in one article only (0.5: one
/// word in about one article of 50 among 2,300, or in one of 3 among 8).
const CO_DENIED_RARITY: f32 = 0.5;

/// The words of a name as keywords are (lower-case, stemmed).
fn words_of(name: &str) -> impl Iterator<Item = String> + '_ {
    crate::analysis::tokens::tokenize(name)
        .into_iter()
        .filter(|t| t.is_word())
        .filter_map(|t| name.get(t.start..t.end))
        .map(|w| crate::analysis::text::stem(&w.to_lowercase()))
}

/// The words a claim (side `cs`) and a denial (side `xs`) share, but for the words of names on either
/// side ([`Side::name_words`]); with the sum of their IDF weights.
fn shared_beyond_names(cs: &Side, xs: &Side, weights: &Weights) -> (f32, Vec<&'static str>) {
    let mut shared = Vec::new();
    word_overlap(cs, xs, weights, Some(&mut shared));
    shared.retain(|w| {
        cs.name_words.binary_search(w).is_err() && xs.name_words.binary_search(w).is_err()
    });
    let weight = shared.iter().map(|&w| weights.idf(w)).sum();
    (weight, shared.iter().map(|&w| weights.word(w)).collect())
}

/// Whether both name places, and none the same nor within another ("Tampa" is in "Florida").
fn other_places(report: &Side, denial: &Side) -> bool {
    let lex = crate::analysis::lexicon::lexicon();
    !report.places.is_empty()
        && !denial.places.is_empty()
        && !report
            .places
            .iter()
            .any(|a| denial.places.iter().any(|b| lex.places_nested(a, b)))
}

/// Whether a report names other places or days than a denial does (both name some, and they
/// share none): then it tells another story, however alike the words.
fn names_another(report: &Side, denial: &Side) -> bool {
    let differ = |a: bool, b: bool, disjoint: bool| !a && !b && disjoint;
    other_places(report, denial)
        || differ(
            report.days.is_empty(),
            denial.days.is_empty(),
            report.days.is_disjoint(&denial.days),
        )
}

/// Whether a claim and a denial each tell events, and none of the same kind.
fn tells_another(c: &Side, d: &Side) -> bool {
    !c.classes.is_empty() && !d.classes.is_empty() && c.classes.is_disjoint(&d.classes)
}

/// The most denials one claim is matched with (those after it first, then the best scored, the earliest
/// among equals): a finding needs one, and shows these. Without a bound, a corpus that repeats one report
/// and its denial thousands of times matched every copy with every denial (300 files of 3.8 KB: 8.9 GB
/// and a 5 GB report).
const MAX_DENIALS_PER_CLAIM: usize = 16;
/// The most claims one denial is matched with directly (those before it first, then the best scored); more
/// reports of their story are reached through the story, within [`MAX_DENIALS_PER_CLAIM`].
const MAX_CLAIMS_PER_DENIAL: usize = 256;
/// The most reports near one denied claim that its denials reach.
const MAX_NEAR_REPORTS: usize = 32;
/// The most later reports of the same story one claim is joined with (the story is their union: a few
/// suffice to join it, and thousands of copies of one report are not compared pair by pair in memory).
const MAX_SAME_STORY: usize = 64;

/// How much a match of this claim and this denial tells, by when each came: 0 a denial after the claim
/// (a finding), 1 order unknown, 2 a denial before it (a repeated report), 3 the same day (nothing).
fn order_rank(dates: &[DocDate], claim: MentionRef, denial: MentionRef) -> u8 {
    match (dates[claim.0].date, dates[denial.0].date) {
        (Some(c), Some(d)) if d > c => 0,
        (Some(c), Some(d)) if d < c => 2,
        (Some(_), Some(_)) => 3,
        _ => 1,
    }
}

/// Keeps the `n` best items, in their order: by rank ([`order_rank`]), then score, then the smaller
/// reference.
fn keep_best<T>(items: &mut Vec<T>, n: usize, key: impl Fn(&T) -> (u8, f32, MentionRef)) {
    if items.len() <= n {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let ((oa, sa, ra), (ob, sb, rb)) = (key(&items[a]), key(&items[b]));
        oa.cmp(&ob).then(sb.total_cmp(&sa)).then(ra.cmp(&rb))
    });
    let mut keep = vec![false; items.len()];
    for &k in &order[..n] {
        keep[k] = true;
    }
    retain_marked(items, keep);
}

/// Keeps the items whose mark in `keep` (one per item, in order) is set.
fn retain_marked<T>(items: &mut Vec<T>, keep: Vec<bool>) {
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(false));
}

/// How strongly a report's words must overlap a denied claim's to be denied with it …
const NEAR_REPORT: f32 = 0.4;
/// … when it shares no actor with the denial, how strongly they must overlap the denial's.
const NEAR_DENIAL: f32 = 0.25;

/// Groups claims that report the same story: strongly overlapping words and a shared name or place, and
/// no other places or days.
/// Returns each grouped claim's story and the stories' members.
fn stories(
    sides: &[Vec<Side>],
    by_word: &[Vec<MentionRef>],
    weights: &Weights,
) -> (HashMap<MentionRef, usize>, Vec<Vec<MentionRef>>) {
    let refs: Vec<MentionRef> = sides
        .iter()
        .enumerate()
        .flat_map(|(di, d)| (0..d.len()).map(move |ci| (di, ci)))
        .collect();
    let index: HashMap<MentionRef, usize> = refs.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let mut parent: Vec<usize> = (0..refs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // the pairs of reports of one story (claims in parallel), joined in claim order
    let pairs: Vec<Vec<usize>> = refs
        .par_iter()
        .enumerate()
        .map(|(i, &(di, ci))| {
            let a = &sides[di][ci];
            let mut cands = Candidates::default();
            // each pair once: the reports in later articles
            for w in rarest(&a.keywords, weights, by_word, di, 3) {
                cands.gather_after(by_word.get(w as usize), di);
            }
            let mut same = Vec::new();
            for other in cands.sorted() {
                let Some(&j) = index.get(other) else { continue };
                if j <= i {
                    continue;
                }
                let b = &sides[other.0][other.1];
                let overlap = word_overlap(a, b, weights, None);
                let entities = a.actors.shared(&b.actors) + a.places.shared(&b.places);
                if overlap >= 0.7 && (entities > 0 || overlap >= 0.85) && !names_another(a, b) {
                    same.push(j);
                    if same.len() == MAX_SAME_STORY {
                        break;
                    }
                }
            }
            same
        })
        .collect();
    for (i, same) in pairs.into_iter().enumerate() {
        for j in same {
            let (x, y) = (find(&mut parent, i), find(&mut parent, j));
            parent[x] = y;
        }
    }
    let mut groups: HashMap<usize, Vec<MentionRef>> = HashMap::default();
    for (i, &r) in refs.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(r);
    }
    let mut story_of = HashMap::default();
    let mut stories = Vec::new();
    let mut roots: Vec<usize> = groups.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        let Some(g) = groups.remove(&root) else {
            continue;
        };
        if g.len() > 1 {
            for &m in &g {
                story_of.insert(m, stories.len());
            }
            stories.push(g);
        }
    }
    (story_of, stories)
}

/// Most candidates examined for one claim or denial; keeps matching linear when a word or an event is
/// shared by very many claims.
const MAX_CANDIDATES: usize = 2000;

/// The candidate claims of one claim or denial: the postings gathered from its blocking keys, each once, up
/// to [`MAX_CANDIDATES`].
#[derive(Default)]
struct Candidates {
    seen: HashSet<MentionRef>,
    list: Vec<MentionRef>,
}

impl Candidates {
    fn clear(&mut self) {
        self.seen.clear();
        self.list.clear();
    }

    /// Adds the postings of `list` (sorted by document) from documents other than `skip_doc`, up to the cap.
    fn gather(&mut self, list: Option<&Vec<MentionRef>>, skip_doc: usize) {
        let Some(list) = list else { return };
        let a = list.partition_point(|m| m.0 < skip_doc);
        let b = list.partition_point(|m| m.0 <= skip_doc);
        self.add(list[..a].iter().chain(&list[b..]));
    }

    /// Adds the postings of `list` (sorted by document) from documents after `doc`, up to the cap.
    fn gather_after(&mut self, list: Option<&Vec<MentionRef>>, doc: usize) {
        let Some(list) = list else { return };
        let b = list.partition_point(|m| m.0 <= doc);
        self.add(&list[b..]);
    }

    fn add<'a>(&mut self, postings: impl IntoIterator<Item = &'a MentionRef>) {
        for &m in postings {
            if self.list.len() >= MAX_CANDIDATES {
                return;
            }
            if self.seen.insert(m) {
                self.list.push(m);
            }
        }
    }

    /// The candidates in document order.
    fn sorted(&mut self) -> &[MentionRef] {
        self.list.sort_unstable();
        &self.list
    }
}

/// The `n` rarest words of a keyword list in article `doc` that a claim in another article uses (the
/// blocking keys for candidate matches, `by_word` the claims using each word). A word no other claim uses
/// finds nothing: "Lindqvist is not a robot, whatever gossips spread on Instagram" finds the claims about
/// Lindqvist, not those (none) about gossips, however rare that word.
fn rarest(
    words: &[u32],
    weights: &Weights,
    by_word: &[Vec<MentionRef>],
    doc: usize,
    n: usize,
) -> Vec<u32> {
    // a word in very many documents is no evidence of one story
    let common = weights.common;
    // the postings are sorted by document: another's is first or last (a look at every posting would be
    // quadratic in an article of thousands of claims)
    let claimed_elsewhere = |x: u32| {
        by_word.get(x as usize).is_some_and(|l| {
            l.first().is_some_and(|m| m.0 != doc) || l.last().is_some_and(|m| m.0 != doc)
        })
    };
    let mut w: Vec<u32> = words
        .iter()
        .copied()
        .filter(|&x| weights.df(x) <= common && claimed_elsewhere(x))
        .collect();
    w.sort_by_key(|&x| (weights.df(x), x));
    w.truncate(n);
    w
}

/// IDF-weighted overlap of two sides' keywords; the shared words are added to `shared` when given.
fn word_overlap(c: &Side, d: &Side, weights: &Weights, mut shared: Option<&mut Vec<u32>>) -> f32 {
    let (a, b) = (&c.keywords, &d.keywords);
    let (mut i, mut j) = (0, 0);
    let mut num = 0.0;
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                num += weights.idf(a[i]);
                if let Some(s) = shared.as_deref_mut() {
                    s.push(a[i]);
                }
                i += 1;
                j += 1;
            }
        }
    }
    num / (c.norm * d.norm).sqrt()
}

/// How much of their words (IDF-weighted cosine, [`word_overlap`]) a claim and a denial that share no
/// event, actor, place or day must share to match: set on the Emergent development set, where 0.35 cost
/// recall (0.646; recall below the target in 14 % of draws of half its rumours) and 0.30 precision
/// (0.880; below the target in 17 % of draws), and 0.32 keeps both (0.907 / 0.657; 2 % and 9 %).
const WORDS_ALONE: f32 = 0.32;

/// Whether a claim and a denial match, with a score and, for a match, the explanation (`actors`, the
/// model's, name the actors both sides share).
fn score(
    c: &Side,
    d: &Side,
    weights: &Weights,
    actors: &[super::actors::Actor],
) -> Option<(f32, String)> {
    let shared_events = c.events.shared(&d.events);
    let particular = c.actors.shared(&d.actors);
    let shared_everywhere = c.everywhere.shared(&d.everywhere);
    let shared_actors = match particular {
        0 => 0,
        n => n + shared_everywhere,
    };
    let shared_places = c.places.shared(&d.places);
    let shared_days = c.days.shared(&d.days);
    let overlap = word_overlap(c, d, weights, None);
    let entities = shared_actors + shared_everywhere + shared_places + shared_days;
    // both name days, and none the same: another trip, another meeting, whoever takes part
    let other_days = !c.days.is_empty() && !d.days.is_empty() && shared_days == 0;
    let ok = if other_days {
        false
    } else if shared_events > 0 {
        // one event and one actor is little when the words barely meet: a group takes part in many
        // deaths the clusters join ("ISIS leader's death debunked" / "ISIS hostage killed in
        // airstrike"); a place or a day, or two actors, anchor the match
        shared_places + shared_days > 0 || shared_actors >= 2 || overlap >= 0.2
    } else if shared_actors > 0 {
        // the same people, but a denied arrest is no denied death; and one person named on both sides,
        // with other names (their country, who denies), is no story in common ("North Korea denies
        // reports Kim Jong-un is to open a restaurant" / "North Korea bans anyone sharing Kim Jong-un's
        // name"): a second person, or a word beyond the names, must be shared
        let beyond = shared_beyond_names(c, d, weights).0;
        overlap >= 0.35 && (shared_actors >= 2 || beyond > 0.0) && !tells_another(c, d)
    } else if entities > 0 {
        // a shared day is no shared story when each names another place
        overlap >= 0.35 && (shared_places > 0 || !other_places(c, d)) && !tells_another(c, d)
    } else {
        // words alone: not when they name other places or days, or tell only other kinds of events (talks
        // held, a trip denied)
        overlap >= WORDS_ALONE && !names_another(c, d) && !tells_another(c, d)
    };
    if !ok {
        return None;
    }
    let mut why = Vec::new();
    if shared_events > 0 {
        why.push(format!("same event ({shared_events})"));
    }
    if shared_actors > 0 {
        let names: Vec<&str> = (c.actors.common(&d.actors))
            .chain(c.everywhere.common(&d.everywhere))
            .filter_map(|a| actors.get(a).map(|x| x.name.as_str()))
            .take(2)
            .collect();
        why.push(super::actors::shared_names("actor", &names, shared_actors));
    }
    if shared_places > 0 {
        let places: Vec<&str> = c.places.common(&d.places).collect();
        why.push(format!("place {}", places.join(", ")));
    }
    if shared_days > 0 {
        why.push("same date".into());
    }
    let mut shared_words = Vec::new();
    word_overlap(c, d, weights, Some(&mut shared_words));
    if !shared_words.is_empty() {
        why.push(format!(
            "words {} (overlap {overlap:.2})",
            shared_words
                .iter()
                .take(6)
                .map(|&w| weights.word(w))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Some((
        shared_events as f32 * 3.0 + entities as f32 + overlap * 3.0,
        why.join("; "),
    ))
}

/// Findings from the matches: one per claim.
pub fn findings(dates: &[DocDate], matches: &[Match]) -> Vec<Finding> {
    let mut by_claim: BTreeMap<MentionRef, Vec<(MentionRef, Order, usize)>> = BTreeMap::new();
    for (k, m) in matches.iter().enumerate() {
        let (cd, dd) = (dates[m.claim.0].date, dates[m.denial.0].date);
        let order = match (cd, dd) {
            (Some(c), Some(d)) if d > c => Order::Later,
            (Some(c), Some(d)) if d < c => Order::Earlier,
            (Some(_), Some(_)) => continue,
            _ => Order::Unknown,
        };
        by_claim
            .entry(m.claim)
            .or_default()
            .push((m.denial, order, k));
    }
    let mut out = Vec::new();
    for (claim, mut denials) in by_claim {
        // the strongest denial first: an editor shows it as the finding's first related place
        denials.sort_by(|a, b| matches[b.2].score.total_cmp(&matches[a.2].score));
        let later: Vec<_> = denials
            .iter()
            .copied()
            .filter(|d| d.1 != Order::Earlier)
            .collect();
        if !later.is_empty() {
            out.push(Finding {
                code: "denied-claim",
                severity: Severity::Warning,
                claim,
                denials: later,
            });
        } else {
            out.push(Finding {
                code: "repeats-denied-claim",
                severity: Severity::Info,
                claim,
                denials,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Weights over the words given, each with its IDF.
    fn weights(words: &[(&'static str, f32)]) -> Weights {
        let numbered: Vec<Numbered> = words.iter().map(|&(w, _)| Numbered::of(w)).collect();
        Weights {
            ids: (numbered.iter().enumerate())
                .map(|(i, &w)| (w, i as u32))
                .collect(),
            words: numbered,
            df: vec![1; words.len()],
            common: 100,
            idf: words.iter().map(|&(_, idf)| idf).collect(),
            rarest: 5.0,
        }
    }

    /// A side telling `events`, naming `actors` and `places`, in the `words` of `w`.
    fn side(
        w: &Weights,
        events: &[usize],
        actors: &[usize],
        places: &[&'static str],
        words: &[u32],
    ) -> Side {
        Side {
            events: events.iter().copied().collect(),
            classes: SmallSet::new(),
            actors: actors.iter().copied().collect(),
            everywhere: SmallSet::new(),
            places: places.iter().copied().collect(),
            days: SmallSet::new(),
            keywords: words.to_vec(),
            name_words: Vec::new(),
            norm: words.iter().map(|&k| w.idf(k)).sum(),
        }
    }

    #[test]
    fn one_event_and_one_actor_need_words_in_common_a_shared_place_does_not() {
        // the group's name is a common word, what each tells is not
        let w = weights(&[
            ("front", 0.2),
            ("death", 0.5),
            ("commander", 3.0),
            ("rumour", 3.0),
            ("hostage", 3.0),
            ("airstrike", 3.0),
        ]);
        let claim = side(&w, &[7], &[1], &[], &[0, 1, 3, 4]);
        let denial = side(&w, &[7], &[1], &[], &[0, 1, 2, 3]);
        // "rumour" shared: the words meet enough
        assert!(score(&claim, &denial, &w, &[]).is_some());
        let claim = side(&w, &[7], &[1], &[], &[0, 1, 4, 5]);
        assert!(
            score(&claim, &denial, &w, &[]).is_none(),
            "a hostage's death is not the commander's"
        );
        // the same, in one place both name
        let claim = side(&w, &[7], &[1], &["Tarso"], &[0, 1, 4, 5]);
        let denial = side(&w, &[7], &[1], &["Tarso"], &[0, 1, 2, 3]);
        assert!(score(&claim, &denial, &w, &[]).is_some());
    }

    #[test]
    fn words_alone_match_when_a_third_of_their_weight_is_shared() {
        // "Giant squid seen off Varna" / "Varna squid photo a hoax, divers say": one rare word in
        // common, two others either side
        let w = weights(&[
            ("squid", 3.0),
            ("giant", 3.0),
            ("seen", 3.0),
            ("photo", 3.0),
            ("diver", 3.0),
            ("trawler", 1.0),
        ]);
        let claim = side(&w, &[], &[], &[], &[0, 1, 2]);
        let denial = side(&w, &[], &[], &[], &[0, 3, 4]);
        assert!((word_overlap(&claim, &denial, &w, None) - 1.0 / 3.0).abs() < 1e-6);
        assert!(score(&claim, &denial, &w, &[]).is_some());
        // a word more on the denial's side: less than the third
        let denial = side(&w, &[], &[], &[], &[0, 3, 4, 5]);
        assert!(score(&claim, &denial, &w, &[]).is_none());
    }

    #[test]
    fn one_person_in_common_needs_a_word_beyond_the_names() {
        let w = weights(&[
            ("kowal", 3.0),
            ("ostrava", 2.0),
            ("restaurant", 3.0),
            ("surgery", 3.0),
            ("nowak", 3.0),
        ]);
        let named = |words: &[u32], names: &[u32]| {
            let mut s = side(&w, &[], &[1], &[], words);
            s.name_words = names.to_vec();
            s
        };
        // "Ostrava denies reports Kowal is to open a restaurant" / "Kowal had surgery in Ostrava"
        let claim = named(&[0, 1, 3], &[0, 1]);
        let denial = named(&[0, 1, 2], &[0, 1]);
        assert!(
            score(&claim, &denial, &w, &[]).is_none(),
            "only the names are shared"
        );
        // "Kowal had surgery", denied: "Ostrava denies Kowal had surgery"
        let denial = named(&[0, 1, 3], &[0, 1]);
        assert!(score(&claim, &denial, &w, &[]).is_some(), "the surgery is");
        // two people in common are a story of their own ("Kowal and Nowak", "Nowak is not Kowal's son")
        let mut claim = named(&[0, 4], &[0, 4]);
        let mut denial = named(&[0, 4, 2], &[0, 4]);
        assert!(score(&claim, &denial, &w, &[]).is_none());
        claim.actors.insert(2);
        denial.actors.insert(2);
        assert!(score(&claim, &denial, &w, &[]).is_some());
    }

    #[test]
    fn an_organisation_named_everywhere_is_no_actor_in_common_on_its_own() {
        // "The Ardent Watch will launch in Germany" / "The Ardent Watch won't be a U.S.-only launch"
        let w = weights(&[
            ("ardent", 0.3),
            ("watch", 2.0),
            ("launch", 2.0),
            ("germany", 3.0),
            ("only", 1.0),
        ]);
        let claim = side(&w, &[], &[1], &["Germany"], &[0, 1, 2, 3]);
        let denial = side(&w, &[], &[1], &["United States"], &[0, 1, 2, 4]);
        assert!(
            score(&claim, &denial, &w, &[]).is_some(),
            "a maker in common"
        );
        let everywhere = |mut s: Side| {
            s.actors = SmallSet::new();
            s.everywhere.insert(1);
            s
        };
        let (claim, denial) = (everywhere(claim), everywhere(denial));
        assert!(
            score(&claim, &denial, &w, &[]).is_none(),
            "a maker in every other article, in other countries"
        );
        // beside another actor in common, it counts
        let (mut claim, mut denial) = (claim, denial);
        claim.actors.insert(2);
        denial.actors.insert(2);
        let (_, why) = score(&claim, &denial, &w, &[]).expect("two actors in common");
        assert!(why.contains("2 shared actor"), "{why}");
    }
}
