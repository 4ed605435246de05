//! Claims and denials. A claim is a statement that something happened or will happen, reported ("according
//! to", "sources indicated"), hedged ("reportedly") or a headline. A denial rejects a claim ("denied reports
//! that…", "there are no plans to…", "X is not true"); rejecting a proposal or criticism and negated denials
//! ("did not dismiss the idea") are not denials. Each carries the content used to match one to the other.

use super::intern::{Numbered, intern};
use super::lexicon::{EventClass, lexicon};
use super::phrases::{CorpusPhrases, PhraseSet};
use super::text::Doc;
use super::word_list::{WordList, WordLists};
use super::{ArticleFacts, Claim, ClaimKind, Content, Denial, Modality, Span, starting_within};

/// Words a deny-verb may take as object that make it a refusal, not a denial of a claim.
static REFUSAL_OBJECTS: WordList = WordList::new(&[
    "entry",
    "access",
    "bail",
    "visa",
    "visas",
    "request",
    "requests",
    "permission",
    "service",
    "treatment",
    "asylum",
    "admission",
    "parole",
    "benefits",
    "coverage",
    "funding",
]);
/// Objects that make "dismissed" / "rejected" a denial of a report rather than of a proposal.
static REPORT_NOUNS: WordList = WordList::new(&[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "speculation",
    "story",
    "stories",
    "accusation",
    "assertion",
    "assertions",
    "accusations",
    "suggestion that",
    "suggestions that",
]);
static FALSITY: WordList = WordList::new(&[
    "false",
    "untrue",
    "baseless",
    "fake",
    "fabricated",
    "groundless",
    "unfounded",
    "nonsense",
    "fiction",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "speculation",
    "misinformation",
    "disinformation",
    "lies",
    "lie",
    "hoax",
    "inaccurate",
    "incorrect",
    "propaganda",
]);
static DENY_VERBS: WordList = WordList::new(&[
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "denials",
    "refute",
    "refutes",
    "refuted",
    "refuting",
    "rebut",
    "rebuts",
    "rebutted",
    "debunk",
    "debunks",
    "debunked",
    "debunking",
    "debunk:",
]);
/// The words that are denial cues ("denied", "debunked", "faked"): such a word tells a denial, not an event.
pub(super) fn denial_words() -> impl Iterator<Item = &'static str> {
    [&DENY_VERBS, &FALSITY_WORDS, &HEADLINE_FALSITY]
        .into_iter()
        .flat_map(|l| l.words().iter().copied())
}

/// Single words that mark a statement as false.
static FALSITY_WORDS: WordList = WordList::new(&[
    "hoax",
    "hoaxes",
    "fake",
    "faked",
    "untrue",
    "baseless",
    "unfounded",
    "fabricated",
    "fabrication",
    "doctored",
    "photoshopped",
    "debunked",
    "myth",
    "bogus",
    "nope",
    "satire",
    "satirical",
    "misleading",
    "inaccurate",
]);
/// Words that call a report absurd ("calls the claims completely crazy").
static DISMISSIVE: WordList = WordList::new(&[
    "crazy",
    "absurd",
    "ridiculous",
    "laughable",
    "preposterous",
    "ludicrous",
    "nonsense",
    "rubbish",
]);
/// Words before "not" that make a gerund after it a clause of the story ("with not finding love").
static GERUND_PREPOSITIONS: WordList = WordList::new(&[
    "with", "for", "about", "by", "of", "on", "in", "at", "from", "after", "before", "without",
    "and", "or",
]);
/// Words that, in a headline, say the story is untrue or doubtful.
static HEADLINE_FALSITY: WordList = WordList::new(&[
    "alive",
    "exaggerated",
    "misinformation",
    "disinformation",
    "rebuff",
    "rebuffs",
    "rebuffed",
    "doubts",
    "doubt",
    "doubtful",
    "hoaxer",
    "hoaxers",
    "bs",
    "bullshit",
    "lie",
    "lies",
    "fooled",
    "wrong",
    "debunks",
    "false",
    "fiction",
    "fictional",
    "scam",
    "prank",
    "misreported",
    "misleading",
    "unconfirmed",
    "unverified",
    "questioned",
    "rubbish",
    "nonsense",
    "fabricate",
    "fabricates",
    "fabricating",
    "photoshop",
    "trolled",
    "trolls",
    "spoof",
    "parody",
    "duped",
]);

/// Feelings and certainty: negated in a headline ("not happy", "isn't sure") they are told, not denials.
static ATTITUDES: WordList = WordList::new(&[
    "afraid",
    "amused",
    "bothered",
    "certain",
    "concerned",
    "convinced",
    "happy",
    "impressed",
    "interested",
    "keen",
    "pleased",
    "satisfied",
    "sure",
    "surprised",
    "thrilled",
    "worried",
]);

static NEGATORS: WordList = WordList::new(&[
    "not", "never", "no", "without", "nor", "neither", "refused", "declined", "refuses",
    "declines", "refuse", "decline",
]);
static CLAIM_CUES: WordList = WordList::new(&[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "rumored",
    "rumoured",
    "according",
    "claimed",
    "claims",
    "claim",
    "reports",
    "report",
    "sources",
    "source",
    "indicated",
    "suggest",
    "suggests",
    "suggested",
    "believed",
    "expected",
    "set",
    "plans",
    "planning",
    "considering",
    "will",
    "announced",
    "confirmed",
    "said",
    "says",
]);
static ANAPHORS: WordList = WordList::new(&[
    "such", "these", "those", "the", "this", "that", "it", "them",
]);

/// Verbs that attribute what comes before them when they end a sentence after a comma.
static ATTRIBUTION_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "reported",
    "reports",
    "told",
    "wrote",
    "writes",
    "stated",
    "claimed",
    "claims",
    "alleged",
    "announced",
    "quoted",
]);

/// Words that start the when or where of an attribution ("said on Tuesday", "reported last week").
static WHEN_OR_WHERE: WordList = WordList::new(&[
    "on",
    "in",
    "at",
    "during",
    "after",
    "late",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// The attribution that ends sentence `si` after its last comma, as written (", the Gazette reported",
/// ", said a spokeswoman", ", officials told reporters on Monday"), when there is one: a reporting verb
/// with at most five words before it and eight after it, and a clause of its own before the comma.
fn trailing_attribution(doc: &Doc, si: usize) -> Option<String> {
    let s = doc.sents[si];
    let mut end = s.last;
    while end > s.first && doc.toks[end - 1].kind == super::tokens::TokKind::Punct {
        end -= 1;
    }
    // the last comma, or the one before it when an apposition follows the speaker ("…, said Anders Holm,
    // the operator's chief executive")
    (s.first..end)
        .rev()
        .filter(|&k| doc.lower_is(k, &[","]))
        .take(2)
        .find_map(|comma| attribution_after(doc, si, comma, end))
}

/// The attribution from `comma` to `end` in sentence `si` (see [`trailing_attribution`]).
fn attribution_after(doc: &Doc, si: usize, comma: usize, end: usize) -> Option<String> {
    let s = doc.sents[si];
    // the clause reported has words of its own
    let before = (s.first..comma).filter(|&k| doc.toks[k].is_word()).count();
    if before < 4 {
        return None;
    }
    // a closing quote after the comma belongs to the quotation
    let mut from = comma + 1;
    while from < end && doc.toks[from].kind == super::tokens::TokKind::Punct {
        from += 1;
    }
    let verb = (from..end).find(|&k| ATTRIBUTION_VERBS.contains(&doc.lower[k]))?;
    let subject = (from..verb).filter(|&k| doc.toks[k].is_word()).count();
    let after: Vec<usize> = (verb + 1..end).filter(|&k| doc.toks[k].is_word()).collect();
    let attribution = if subject == 0 {
        // "…, said a spokeswoman", "…, said Anders Holm, the operator's chief executive": the speaker,
        // not a clause ("…, said a final text could be ready within weeks")
        let speaker = (verb + 1..end)
            .take_while(|&k| !doc.lower_is(k, &[","]))
            .filter(|&k| doc.toks[k].is_word())
            .count();
        (1..=4).contains(&speaker)
            && (doc.is_cap(verb + 1) || doc.lower_is(verb + 1, &["a", "an", "the"]))
    } else {
        // "…, the Gazette reported", "…, officials said on Tuesday", "…, she told reporters": when or
        // to whom, not what ("After the talks, Lind said the ships were ready")
        subject <= 5
            && match after.first() {
                None => true,
                Some(&k) => {
                    after.len() <= 5
                        && (WHEN_OR_WHERE.contains(&doc.lower[k])
                            || doc.lower_is(verb, &["told"]) && after.len() <= 4)
                }
            }
    };
    if !attribution {
        return None;
    }
    // "…, which he said was …": an attribution of its own clause, not of the sentence
    if (from..verb).any(|k| doc.lower_is(k, &["which", "who", "that", "and", "but", "as", "if"])) {
        return None;
    }
    Some(doc.text[doc.toks[from].start..doc.toks[end - 1].end].to_string())
}

fn negated(doc: &Doc, i: usize, from: usize) -> bool {
    (i.saturating_sub(3).max(from)..i).any(|k| {
        let w = &doc.lower[k];
        NEGATORS.contains(w)
            || w.ends_with("n't")
            || w == "to" && k > from && NEGATORS.contains(&doc.lower[k - 1])
    })
}

/// A denial cue in the sentence: (token index of the cue, cue text, where the denied content starts).
fn denial_cue(doc: &Doc, si: usize, headline: bool) -> Option<(usize, String, usize)> {
    /// The lists every token is looked up in, at once.
    static CUE_WORDS: WordLists<3> =
        WordLists::new([&DENY_VERBS, &FALSITY_WORDS, &HEADLINE_FALSITY]);
    let s = doc.sents[si];
    for i in s.first..s.last {
        let w = &doc.lower[i];
        let next = doc.lower.get(i + 1).unwrap_or("");
        let next2 = doc.lower.get(i + 2).unwrap_or("");
        let lists = CUE_WORDS.of(w);
        let (deny_verb, falsity_word, headline_falsity) =
            (lists & 1 != 0, lists & 2 != 0, lists & 4 != 0);
        if deny_verb {
            if negated(doc, i, s.first)
                || REFUSAL_OBJECTS.contains(next)
                || REFUSAL_OBJECTS.contains(next2)
            {
                continue;
            }
            // "Rumors of his death debunked", "Report denied by the ministry": what is denied comes before
            // (not "denied: …", where it comes after)
            let told_before = i + 1 == s.last
                || matches!(next, "by" | "," | ";" | "." | "?" | "!" | "—" | "–" | ")");
            let from = if told_before { s.first } else { i + 1 };
            return Some((i, doc.tok_text(i).to_string(), from));
        }
        if matches!(
            w,
            "dismissed"
                | "dismisses"
                | "dismiss"
                | "rejected"
                | "rejects"
                | "reject"
                | "disputed"
                | "disputes"
                | "slammed"
                | "shot"
                | "shoot"
                | "shoots"
                | "played"
                | "rebuff"
                | "rebuffs"
                | "rebuffed"
                | "kills"
                | "killed"
                | "quash"
                | "quashes"
                | "quashed"
                | "squashes"
                | "squashed"
                | "dispels"
                | "dispelled"
                | "scotches"
                | "scotched"
                | "retract"
                | "retracts"
                | "retracted"
                | "withdraws"
                | "withdrew"
                | "mocks"
                | "mocked"
                | "ridicules"
                | "ridiculed"
                | "laughs"
                | "laughed"
                | "fun"
        ) {
            // "laughs off the rumours", "makes fun of the story"
            let made_fun = w == "fun"
                && i > s.first
                && doc.lower_is(i - 1, &["make", "makes", "made", "making", "poke", "pokes"]);
            if negated(doc, i, s.first)
                || (matches!(w, "shot" | "shoot" | "shoots") && next != "down")
                || (w == "played" && next != "down")
                || (matches!(w, "laughs" | "laughed") && next != "off")
                || (w == "fun" && !made_fun)
            {
                continue;
            }
            // the object, up to the end of the clause ("the blast killed two, reports said" kills no report)
            let window: Vec<&str> = (i + 1..(i + 8).min(s.last))
                .map(|k| &doc.lower[k])
                .take_while(|w| !matches!(*w, "," | ";"))
                .collect();
            // "shoots down Duncan Hunter's assertion", "kills stolen Batmobile rumor"
            let object_is_report = window.iter().take(6).any(|w| REPORT_NOUNS.contains(w));
            let called_false = window
                .windows(2)
                .any(|p| p[0] == "as" && FALSITY.contains(p[1]));
            if object_is_report || called_false {
                return Some((i, doc.tok_text(i).to_string(), i + 1));
            }
            continue;
        }
        // "no plans", "no official plans", "no such plans"
        if w == "no"
            && (next == "plans"
                || next == "plan"
                || next2 == "plans"
                || next2 == "plan"
                || next == "evidence"
                || next2 == "evidence")
        {
            return Some((
                i,
                format!(
                    "no {}",
                    if next == "plans" || next == "plan" || next == "evidence" {
                        next
                    } else {
                        next2
                    }
                ),
                i,
            ));
        }
        // "rumour put to rest", "setting the record straight", "made it all up"
        let before = |k: usize, words: &[&str]| i >= s.first + k && doc.lower_is(i - k, words);
        let put_to_rest = w == "rest"
            && before(1, &["to"])
            && (s.first..i).any(|k| REPORT_NOUNS.contains(&doc.lower[k]))
            && (before(2, &["put", "puts", "laid", "lays"]) || before(3, &["put", "puts"]));
        let record_straight = w == "straight" && before(1, &["record"]);
        // "made it all up", "the story was made up"; not "made up her mind", "made up for"
        let made = ["made", "makes", "making"];
        let made_up = w == "up"
            && ((2..=3).any(|k| before(k, &made))
                || (before(1, &made) && before(2, &["is", "was", "were", "are", "been", "be"])))
            && !negated(doc, i, s.first);
        if put_to_rest || record_straight || made_up {
            let cue = doc.text[doc.toks[i.saturating_sub(2).max(s.first)].start..doc.toks[i].end]
                .to_string();
            return Some((i, cue, s.first));
        }
        // "calls the selfie claims completely crazy": a report called absurd
        if DISMISSIVE.contains(w)
            && (i.saturating_sub(6).max(s.first)..i).any(|k| REPORT_NOUNS.contains(&doc.lower[k]))
            && !negated(doc, i, s.first)
        {
            return Some((i, doc.tok_text(i).to_string(), s.first));
        }
        if w == "not" && matches!(next, "true" | "real" | "accurate" | "correct") {
            return Some((i, format!("not {next}"), s.first));
        }
        if matches!(w, "false" | "untrue")
            && i > s.first
            && doc.lower_is(i - 1, &["is", "are", "was", "were", "as", "be"])
            && !negated(doc, i - 1, s.first)
        {
            return Some((i, w.to_string(), s.first));
        }
        if falsity_word && !negated(doc, i, s.first) {
            return Some((i, doc.tok_text(i).to_string(), s.first));
        }
        if headline {
            // "don't shoot": an imperative at the start of a clause denies nothing
            let clause_start =
                i == s.first || doc.toks[i - 1].kind == super::tokens::TokKind::Punct;
            let imperative = clause_start && matches!(w, "don't" | "don’t" | "do");
            // "may never walk again" predicts, "with not finding love" negates a clause inside the
            // headline's story: neither denies it
            let prediction = w == "never"
                && i > s.first
                && doc.lower_is(i - 1, &["may", "might", "could", "will", "would"]);
            // ("Terrorists Not Entering US", "Not Going to Become Weightless" deny; "with not" does not)
            let negated_gerund = w == "not"
                && next.len() > 4
                && next.ends_with("ing")
                && next != "going"
                && i > s.first
                && GERUND_PREPOSITIONS.contains(&doc.lower[i - 1]);
            // "Says She's Safe", "I'm safe and secure": the one said to be harmed is not
            // (an adverb may come between: "she is actually fine")
            let copula = |k: usize| {
                doc.lower_is(k, &["is", "am", "are", "was"])
                    || ["'s", "’s", "'m", "’m"]
                        .iter()
                        .any(|e| doc.lower[k].ends_with(e))
            };
            let said_safe = matches!(w, "safe" | "fine" | "unharmed")
                && i > s.first
                && (copula(i - 1)
                    || (i > s.first + 1
                        && doc.lower_is(i - 1, &["actually", "still", "now", "perfectly"])
                        && copula(i - 2)));
            // "apps that don't drain the battery", "a friend who never showed up": a negation in a
            // relative clause tells of a noun, it denies nothing ("No, That Wasn't Paul Rudd", "says that
            // isn't true" are no relative clauses)
            let relative = i > s.first + 1
                && (doc.lower_is(i - 1, &["who", "which"])
                    || (doc.lower_is(i - 1, &["that"])
                        && doc.toks[i - 2].is_word()
                        && !lexicon().function_words.contains(&doc.lower[i - 2])
                        && !ATTRIBUTION_VERBS.contains(&doc.lower[i - 2])));
            // "Apple Isn't Happy With The Battery", "Plumber Isn't Sure How…": a feeling negated is a
            // feeling told, not a story denied
            let attitude = {
                let k = if doc.lower_is(i + 1, &["very", "too", "so", "entirely", "all"]) {
                    i + 2
                } else {
                    i + 1
                };
                doc.lower_in(k, &ATTITUDES)
            };
            let neg = said_safe
                || (!imperative
                    && !prediction
                    && !negated_gerund
                    && !relative
                    && !attitude
                    && (matches!(w, "not" | "never" | "no" | "nope")
                        || w.ends_with("n't")
                        || w.ends_with("n’t")));
            // a rumour is called untrue only as "just a rumour", "only rumours"
            let dismissed_rumour = (i > s.first
                && doc.lower_is(i - 1, &["just", "only", "merely", "mere", "simply"]))
                || (i > s.first + 1
                    && doc.lower_is(i - 1, &["a"])
                    && doc.lower_is(i - 2, &["just", "only", "merely", "simply"]));
            // "Rumor: Apple plans…" labels a rumour, it does not deny one
            let rumour_label =
                doc.is_punct(i + 1, ":") || (i > s.first && doc.is_punct(i - 1, ":"));
            // "Unconfirmed reports claim…" hedges a report, it does not doubt one
            let hedged_report =
                matches!(w, "unconfirmed" | "unverified") && matches!(next, "reports" | "report");
            let debunk = (headline_falsity && !hedged_report)
                || (w == "questions" && next == "whether")
                || (matches!(w, "rumors" | "rumours" | "rumor" | "rumour")
                    && !rumour_label
                    && dismissed_rumour)
                || (w == "probably" && next == "not")
                || (w == "exposed" && next == "as");
            if neg || debunk {
                return Some((i, doc.tok_text(i).to_string(), s.first));
            }
        }
    }
    None
}

fn content(doc: &Doc, facts: &ArticleFacts, from: usize, to: usize) -> Content {
    let lo = doc.toks[from].start;
    let hi = doc.toks[to - 1].end;
    fn pick<T>(items: &[T], span: impl Fn(&T) -> Span + Copy, lo: usize, hi: usize) -> Vec<usize> {
        starting_within(items, span, lo, hi)
            .filter(|&i| span(&items[i]).end <= hi)
            .collect()
    }
    let u32s = |v: Vec<usize>| -> Vec<u32> { v.into_iter().map(|i| i as u32).collect() };
    // who said what is not what was said: statements are no part of a claim's content
    let events = u32s(
        pick(&facts.events, |e| e.trigger.get(), lo, hi)
            .into_iter()
            .filter(|&e| facts.events[e].class != EventClass::Statement)
            .collect(),
    );
    let actors = u32s(pick(&facts.actors, |a| a.span, lo, hi));
    let places = u32s(pick(&facts.places, |p| p.span.get(), lo, hi));
    let dates = u32s(pick(&facts.dates, |d| d.span.get(), lo, hi));
    Content::new(
        [&events, &actors, &places, &dates],
        numbered(doc.keywords(from, to)),
    )
}

/// Words in the form contents keep them: by number, sorted, each once.
fn numbered(words: Vec<&'static str>) -> Box<[Numbered]> {
    sorted_once(words.into_iter().map(Numbered::of).collect())
}

fn sorted_once(mut words: Vec<Numbered>) -> Box<[Numbered]> {
    words.sort_unstable();
    words.dedup();
    words.into()
}

fn merge(into: &mut Content, other: Content) {
    let joined = |a: &[u32], b: &[u32]| -> Vec<u32> { [a, b].concat() };
    *into = Content::new(
        [
            &joined(into.events(), other.events()),
            &joined(into.actors(), other.actors()),
            &joined(into.places(), other.places()),
            &joined(into.dates(), other.dates()),
        ],
        sorted_once([&into.keywords[..], &other.keywords[..]].concat()),
    );
}

/// Whether `content` tells an event a planned-event claim or a report can be about: an event of the news
/// (a visit, a vote, a fire) or an action told as done; not any verb after "will" or "to" ("the lakes will
/// freeze"), which would make every forecast a claim.
fn tells_news(facts: &ArticleFacts, content: &Content) -> bool {
    content.events().iter().any(|&e| {
        facts
            .events
            .get(e as usize)
            .is_some_and(|m| m.class != EventClass::Other || m.modality == Modality::Realis)
    })
}

/// Sentence `si` as a claim of `kind`, made by the words `cue`, about `content`.
fn sentence_claim(doc: &Doc, si: usize, kind: ClaimKind, cue: &str, content: Content) -> Claim {
    Claim {
        span: sentence_span(doc, si).into(),
        sentence: u32::try_from(si).unwrap_or(u32::MAX),
        kind,
        cue: Numbered::of(intern(cue)),
        content,
    }
}

fn sentence_span(doc: &Doc, si: usize) -> Span {
    let s = doc.sents[si];
    Span::new(s.start, s.end)
}

/// The first of the corpus's own cues (`cues`) in sentence `si`: its first token, its words as written,
/// and the token after it.
fn corpus_cue(doc: &Doc, cues: &PhraseSet, si: usize) -> Option<(usize, String, usize)> {
    let s = doc.sents[si];
    let (r, _) = cues
        .find(s.last - s.first, |k| &doc.lower[s.first + k])
        .into_iter()
        .next()?;
    let (first, end) = (s.first + r.start, s.first + r.end);
    let words = doc.text[doc.toks[first].start..doc.toks[end - 1].end].to_string();
    Some((first, words, end))
}

/// Whether the denial cued at `cue` rejects a word of falsity after it, up to `to`: a negation just before
/// it ("not fake", "is no hoax", "NOT a hoax") or a deny-verb with it in what is denied ("denies surgery
/// hoax claims"). Debunking a hoax still denies the story; denying that it is a hoax affirms it.
fn denies_falsity(doc: &Doc, cue: usize, to: usize) -> bool {
    let falsity = |k: usize| {
        let w = &doc.lower[k];
        FALSITY_WORDS.contains(w) || matches!(w, "false" | "lie" | "lies" | "scam" | "prank")
    };
    let w = &doc.lower[cue];
    if matches!(w, "not" | "no" | "never") || w.ends_with("n't") {
        return (cue + 1..to.min(cue + 4)).any(falsity);
    }
    let deny = DENY_VERBS.contains(w) && !w.starts_with("debunk");
    // what is denied ends where a clause about something else begins ("forced to deny that he's dead
    // after fake news story starts trending")
    deny && (cue + 1..to)
        .take_while(|&k| !AFTER_THE_DENIED.contains(&doc.lower[k]))
        .any(falsity)
}

/// Words that end what a deny-verb denies and begin a clause of their own.
static AFTER_THE_DENIED: WordList = WordList::new(&[
    "after",
    "despite",
    "amid",
    "following",
    "as",
    "because",
    "since",
    "but",
    "while",
    "when",
]);

/// Finds the claims and denials of an article, with the corpus's own cues (`phrases`) besides the built-in
/// ones.
pub fn find(doc: &Doc, facts: &ArticleFacts, phrases: &CorpusPhrases) -> (Vec<Claim>, Vec<Denial>) {
    let mut claims = Vec::new();
    let mut denials = Vec::new();
    let lex = lexicon();
    for (si, s) in doc.sents.iter().enumerate() {
        let headline = facts.headlines.contains(&si);
        // a headline as headlines are written: no full stop at the end of its line
        let line_end = doc.line_end_after(s.last);
        let true_headline = headline && !doc.is_punct(line_end - 1, ".");
        let words = (s.first..s.last).filter(|&k| doc.toks[k].is_word()).count();
        if words < 3 || doc.link_sent[si] {
            continue;
        }
        // a question that offers both ("Real or hoax?", "Is there a threat or not?") raises the story, it
        // does not deny it
        let asks = doc.is_punct(s.last - 1, "?");
        let cue = denial_cue(doc, si, true_headline)
            .filter(|&(k, _, _)| !(asks && k > s.first && doc.lower_is(k - 1, &["or"])))
            .or_else(|| corpus_cue(doc, &phrases.denials, si));
        if let Some((cue_tok, cue, from)) = cue {
            let from = from.min(s.last - 1);
            // the denied content runs to the end of the clause
            let mut to = from + 1;
            while to < s.last {
                let w = &doc.lower[to];
                let clause_break = (doc.toks[to].kind == super::tokens::TokKind::Punct
                    && matches!(w, "," | ";" | "—" | "–"))
                    && doc.lower.get(to + 1).is_some_and(|n| {
                        matches!(
                            n,
                            "suggesting"
                                | "saying"
                                | "adding"
                                | "arguing"
                                | "but"
                                | "although"
                                | "though"
                                | "while"
                                | "which"
                                | "as"
                        )
                    });
                // headlines drop the comma: "Pentagon Denies It Killed ISIS Chief As Airstrikes Hit …"
                let headline_break =
                    true_headline && matches!(w, "as" | "amid" | "while") && doc.is_cap(to);
                if to > cue_tok + 2 && (clause_break || headline_break) {
                    break;
                }
                to += 1;
            }
            let (from, to) = if from < cue_tok {
                (from, s.last)
            } else {
                (from, to)
            };
            let mut c = content(doc, facts, from, to);
            // names and words of the whole sentence say what the denial is about ("Joan Rivers's doctor
            // denies selfie"); events, places and dates come from the denied clause only
            let whole = content(doc, facts, s.first, to.max(cue_tok + 1).min(s.last));
            let keywords = whole.keywords.clone();
            c = Content::new(
                [c.events(), whole.actors(), c.places(), c.dates()],
                keywords,
            );
            // "denied having such plans" / "denied the reports": the content is in the sentence before
            let window: Vec<&str> = (from..(from + 4).min(to)).map(|k| &doc.lower[k]).collect();
            let anaphoric = window.iter().take(3).any(|w| ANAPHORS.contains(w))
                && window.iter().any(|w| {
                    matches!(
                        *w,
                        "plans"
                            | "plan"
                            | "reports"
                            | "report"
                            | "claims"
                            | "claim"
                            | "rumours"
                            | "rumors"
                            | "it"
                            | "this"
                            | "that"
                            | "them"
                            | "speculation"
                            | "allegations"
                            | "idea"
                    )
                });
            // a headline told in two sentences ("Macaulay Culkin Dead? Another Death Hoax Circulates"):
            // the denial is about the sentence before it on the same line
            let same_headline = true_headline
                && si > 0
                && doc.line_end_after(doc.sents[si - 1].last.saturating_sub(1))
                    == doc.line_end_after(s.last.saturating_sub(1));
            let antecedent = ((anaphoric || same_headline) && si > 0).then(|| si - 1);
            if let Some(a) = antecedent {
                let prev = doc.sents[a];
                merge(&mut c, content(doc, facts, prev.first, prev.last));
            }
            // denying that it is false says it is true ("They're not fake", "denies hoax claims"): the
            // sentence claims what the rumour tells
            if denies_falsity(doc, cue_tok, to) {
                let kind = if headline {
                    ClaimKind::Headline
                } else {
                    ClaimKind::Reported
                };
                claims.push(sentence_claim(doc, si, kind, &cue, c));
                continue;
            }
            let by = starting_within(&facts.actors, |a| a.span, s.start, doc.toks[cue_tok].start)
                .rev()
                .find(|&i| facts.actors[i].span.end <= doc.toks[cue_tok].start);
            denials.push(Denial {
                span: sentence_span(doc, si),
                sentence: si,
                cue: intern(&cue),
                by,
                content: c,
                antecedent,
            });
            continue;
        }
        let mut kind = None;
        let mut cue = String::new();
        for k in s.first..s.last {
            let w = &doc.lower[k];
            if !CLAIM_CUES.contains(w) {
                continue;
            }
            let next = doc.lower.get(k + 1).unwrap_or("");
            let found = match w {
                "reportedly" | "allegedly" | "purportedly" | "supposedly" | "rumored"
                | "rumoured" => Some(ClaimKind::Hedged),
                "according" if next == "to" => Some(ClaimKind::Reported),
                "reports" | "report"
                    if matches!(
                        next,
                        "suggest" | "say" | "said" | "indicate" | "that" | "claim"
                    ) =>
                {
                    Some(ClaimKind::Reported)
                }
                "sources" | "source"
                    if lex.reporting_verbs.contains(next)
                        || matches!(next, "close" | "familiar") =>
                {
                    Some(ClaimKind::Reported)
                }
                "claimed" | "claims" | "claim" if next == "that" || next == "on" => {
                    Some(ClaimKind::Reported)
                }
                "set" | "expected" | "believed" if next == "to" => Some(ClaimKind::Hedged),
                "plans" | "planning" if next == "to" => Some(ClaimKind::Planned),
                "considering" | "will" => Some(ClaimKind::Planned),
                "announced" | "confirmed" | "said" | "says" if next == "that" || next == "on" => {
                    Some(ClaimKind::Reported)
                }
                _ => None,
            };
            if let Some(f) = found {
                kind = Some(f);
                cue =
                    doc.text[doc.toks[k].start..doc.toks[(k + 1).min(s.last - 1)].end].to_string();
                if f != ClaimKind::Planned {
                    break;
                }
            }
        }
        // "…, the Harbour Gazette reported." / "…, officials said on Tuesday.": the sentence is a report
        // when it tells an event or a date, and a quotation when it tells a date ("“The region has waited
        // long enough,” said the mayor" is a view)
        let mut made = None;
        if matches!(kind, None | Some(ClaimKind::Planned))
            && let Some(tail) = trailing_attribution(doc, si)
        {
            let c = content(doc, facts, s.first, s.last);
            let quotation = doc.lower_is(s.first, &["“", "\"", "‘", "'", "«", "„"]);
            if !c.dates().is_empty() || tells_news(facts, &c) && !quotation {
                kind = Some(ClaimKind::Reported);
                cue = tail;
            }
            made = Some(c);
        }
        if matches!(kind, None | Some(ClaimKind::Planned))
            && let Some((_, words, _)) = corpus_cue(doc, &phrases.claims, si)
        {
            kind = Some(ClaimKind::Reported);
            cue = words;
        }
        if kind.is_none() && headline {
            kind = Some(ClaimKind::Headline);
            cue = "headline".into();
        }
        let Some(mut kind) = kind else { continue };
        let c = made.unwrap_or_else(|| content(doc, facts, s.first, s.last));
        // a planned-event claim needs an event to be about, but a headline claims what it says ("Earth
        // will experience six days of darkness")
        if kind == ClaimKind::Planned && !tells_news(facts, &c) {
            if !headline {
                continue;
            }
            kind = ClaimKind::Headline;
            cue = "headline".into();
        }
        claims.push(sentence_claim(doc, si, kind, &cue, c));
    }
    // the question a headline's denial answers is no claim of the article's own
    claims.retain(|c| {
        c.kind != ClaimKind::Headline
            || !denials.iter().any(|d| {
                d.antecedent == Some(c.sentence as usize) && facts.headlines.contains(&d.sentence)
            })
    });
    (claims, denials)
}

#[cfg(test)]
mod tests {
    use crate::analysis::{ClaimKind, analyse};

    fn denial_texts(text: &str) -> Vec<String> {
        let f = analyse(text, 0);
        f.denials
            .iter()
            .map(|d| text[d.span.start..d.span.end].to_string())
            .collect()
    }

    #[test]
    fn denials_of_reports() {
        let t = "The minister denied reports that she plans to resign on Friday.";
        assert_eq!(denial_texts(t), vec![t.to_string()]);
        let t = "Officials dismissed the story as false.";
        assert_eq!(denial_texts(t).len(), 1);
        let t = "There are no plans for a visit to Lisbon, a spokesman said.";
        assert_eq!(denial_texts(t).len(), 1);
        let t = "The photo of the giant squid is a hoax.";
        assert_eq!(denial_texts(t).len(), 1);
    }

    #[test]
    fn rejecting_proposals_or_criticism_is_not_a_denial() {
        for t in [
            "Advisers floated a ceasefire, which the government has firmly rejected.",
            "Opposition leaders have dismissed these suggestions as unrealistic.",
            "The mayor has consistently dismissed such criticisms, arguing that the plan works.",
            "The clinic denied entry to reporters.",
        ] {
            assert!(denial_texts(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn negated_denials_are_not_denials() {
        for t in [
            "The minister did not dismiss the idea entirely, saying it could happen.",
            "The president has not outright rejected talks with his counterpart.",
            "The spokesman refused to deny the reports.",
            "She would not deny that a meeting took place.",
        ] {
            assert!(denial_texts(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn anaphoric_denial_points_to_the_sentence_before() {
        let text = "A newspaper claimed on May 2 that the minister would visit Lisbon on June 1. Both capitals have since denied having such plans.";
        let f = analyse(text, 0);
        assert_eq!(f.denials.len(), 1);
        assert_eq!(f.denials[0].antecedent, Some(0));
        assert!(!f.denials[0].content.events().is_empty());
    }

    #[test]
    fn hedged_reported_and_headline_claims() {
        let text = "Minister to Visit Lisbon Next Month\nThe minister is reportedly set to travel to Lisbon on June 1.\nAccording to the weekly Gazeta, sources said the visit will include talks.\nThe weather was mild.";
        let f = analyse(text, 0);
        let kinds: Vec<ClaimKind> = f.claims.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![ClaimKind::Headline, ClaimKind::Hedged, ClaimKind::Reported]
        );
    }

    #[test]
    fn an_attribution_ending_the_sentence_makes_it_a_reported_claim() {
        let text = "Harbour master Lena Brandt will close the port to cruise ships in July, the newspaper reported.\n\
            \"The new quay will open on June 3,\" a port official told reporters on Monday.\n\
            \"The region has waited for the new quay long enough,\" said Mayor Eva Lund.\n\
            The new ferries will sail to Riga from June 1, said Anders Holm, the operator's chief executive.\n\
            Brandt said the port was busy.\n\
            The ships arrived late, which the crew said was normal for the season and the weather that week.\n\
            The crew was tired, the captain added, and the ships stayed in port for the night and the next day.\n\
            Kowalczyk, the minister for the harbour, said a final plan could be ready within weeks.\n\
            After the talks, Brandt said the two ships were ready for the season.\n";
        let f = analyse(text, 0);
        let cues: Vec<(usize, ClaimKind, &str)> = f
            .claims
            .iter()
            .map(|c| (c.sentence as usize, c.kind, c.cue.as_str()))
            .collect();
        assert_eq!(
            cues,
            vec![
                (0, ClaimKind::Reported, "the newspaper reported"),
                (
                    1,
                    ClaimKind::Reported,
                    "a port official told reporters on Monday"
                ),
                (
                    3,
                    ClaimKind::Reported,
                    "said Anders Holm, the operator's chief executive"
                ),
            ]
        );
    }

    #[test]
    fn slogans_and_rumour_labels_in_headlines_are_not_denials() {
        for t in [
            "Protesters in Lisbon chant hands up, don't shoot",
            "Rumor: Carmaker to unveil a flying van next spring",
            "New rumor backs up reports that the carmaker will unveil a flying van",
            "Injured climber may never walk again, doctors fear",
            "Man quits his job after years of not finding a flat in the capital",
        ] {
            assert!(analyse(t, 0).denials.is_empty(), "{t}");
        }
        let f = analyse("Flying van from the carmaker was just a rumor", 0);
        assert_eq!(
            f.denials.len(),
            1,
            "a rumour called only a rumour is denied"
        );
    }

    #[test]
    fn a_headline_denial_is_about_the_question_before_it_which_is_no_claim() {
        let f = analyse(
            "Singer Lena Moss Dead? Another Death Hoax Spreads On Facebook\n\nFans were worried.\n",
            0,
        );
        assert_eq!(f.denials.len(), 1);
        let d = &f.denials[0];
        assert_eq!(d.antecedent, Some(0), "the question is what is denied");
        assert!(
            d.content.keywords.iter().any(|w| w.as_str() == "moss"),
            "{:?}",
            d.content
        );
        assert!(
            f.claims.iter().all(|c| c.kind != ClaimKind::Headline),
            "the question is not a claim: {:?}",
            f.claims
        );
    }

    /// The words of the events the one denial of `text` is about.
    fn denied_events(text: &str) -> Vec<&'static str> {
        let f = analyse(text, 0);
        assert_eq!(f.denials.len(), 1, "{text}");
        (f.denials[0].content.events().iter())
            .map(|&e| f.events[e as usize].lemma.as_str())
            .collect()
    }

    #[test]
    fn a_denial_verb_ending_its_clause_denies_what_comes_before_it() {
        for text in [
            "Rumours of the harbour master's arrest debunked\n\nMore follows.\n",
            "Report of the harbour master's arrest denied by port authority\n\nMore follows.\n",
        ] {
            assert_eq!(denied_events(text), ["arrest"], "{text}");
        }
        // the object after the verb stays what is denied, after a colon too
        for text in [
            "The port authority denied the arrest of its harbour master.",
            "The port authority denied: the arrest of its harbour master was staged.",
        ] {
            assert!(denied_events(text).contains(&"arrest"), "{text}");
        }
    }

    #[test]
    fn a_headline_denial_ends_where_an_as_clause_begins() {
        let f = analyse(
            "Army Denies It Killed Rebel Chief As Airstrikes Hit Mountain Camps\n\nMore follows.\n",
            0,
        );
        assert_eq!(f.denials.len(), 1);
        let words: Vec<&str> = f.denials[0]
            .content
            .keywords
            .iter()
            .map(|w| w.as_str())
            .collect();
        assert!(words.contains(&"chief"), "{words:?}");
        assert!(!words.contains(&"airstrikes"), "{words:?}");
    }

    #[test]
    fn rumours_killed_put_to_rest_or_made_up_are_denied_but_killings_are_not() {
        for t in [
            "Director Kills Stolen Car Rumor With a Photo\n",
            "Stolen Car Rumor Put To Rest\n",
            "Setting the record straight on the stolen car\n",
            "Young Investor Made It All Up, Magazine Says\n",
            "Minister shoots down senator Ray Cole's assertion about the border.\n",
        ] {
            assert_eq!(denial_texts(t).len(), 1, "{t}");
        }
        for t in [
            "The blast killed two guards, reports said.\n",
            "She made up her mind on Monday and flew home.\n",
        ] {
            assert!(denial_texts(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn headline_negation_is_a_denial() {
        let f = analyse(
            "Arrested Woman Is Not The Wife of Rebel Leader, Police Say",
            0,
        );
        assert_eq!(f.denials.len(), 1);
        assert!(f.claims.is_empty());
    }

    #[test]
    fn a_negation_in_a_relative_clause_of_a_headline_denies_nothing() {
        each_denies(
            &[
                "Harbour board unveils ferry timetable that doesn't stop at Tarso",
                "Mayor thanks volunteers who never missed a shift during the floods",
                "Council Picks Contractor Which Didn't Bid On The Bridge",
            ],
            0,
        );
        each_denies(
            &[
                "No, That Wasn't The Mayor Swimming In The Harbour",
                "Harbour board says that isn't true",
            ],
            1,
        );
    }

    #[test]
    fn a_feeling_negated_in_a_headline_is_no_denial() {
        each_denies(
            &[
                "Ferry Operator Isn't Happy With The New Harbour Timetable",
                "Harbour master not very pleased with dredging work, expects changes by spring",
                "Fisherman Isn't Sure How His Boat Ended Up In Tarso",
            ],
            0,
        );
        each_denies(&["Harbour Master Is Not Resigning, Board Says"], 1);
    }

    /// (claims, denials) of a one-line article.
    fn counts(text: &str) -> (usize, usize) {
        let f = analyse(text, 0);
        (f.claims.len(), f.denials.len())
    }

    /// Asserts that each one-line article has `n` denials.
    fn each_denies(texts: &[&str], n: usize) {
        for t in texts {
            assert_eq!(counts(t).1, n, "{t}");
        }
    }

    #[test]
    fn a_headline_that_says_what_will_happen_is_a_claim_without_an_event() {
        let f = analyse("Northern Lakes Will Freeze Over By Midsummer", 0);
        assert_eq!(f.claims.len(), 1);
        assert_eq!(f.claims[0].kind, ClaimKind::Headline);
        // in the body, "will" without an event is no claim
        let f = analyse(
            "Harbour news\n\nThe lakes will freeze over by midsummer, he wrote in a letter.\n",
            0,
        );
        assert!(f.claims.iter().all(|c| c.sentence != 1), "{:?}", f.claims);
    }

    #[test]
    fn denying_that_a_story_is_false_affirms_it() {
        for t in [
            "Two-headed calf farmer: It is not fake",
            "Farmer denies calf hoax claims",
            "Farmer vows video will prove the calf is no hoax",
            "The mayor said the flood photo was not fake.",
        ] {
            assert_eq!(counts(t), (1, 0), "{t}");
        }
        // debunking a hoax denies the story; a falsity word after the denied clause is another matter
        each_denies(
            &[
                "Experts debunk the two-headed calf hoax",
                "Singer forced to deny that he is dead after fake news story spreads",
            ],
            1,
        );
    }

    #[test]
    fn headlines_telling_a_story_was_made_up_are_denials() {
        each_denies(
            &[
                "Pranksters trolled the town into thinking the bridge had collapsed",
                "Councillor fabricating quotes, rival says",
                "Photo of flooded square was a spoof",
                "Readers duped by a parody of the Harbour Gazette",
            ],
            1,
        );
    }

    #[test]
    fn reports_called_absurd_retracted_or_laughed_off_are_denied() {
        each_denies(
            &[
                "Surgeon calls the bridge selfie claims completely crazy",
                "Harbour Gazette retracts claim about the mayor's email",
                "Coach laughs off rumours of a move to Lisbon",
                "Director makes fun of stolen car rumour with new photo",
            ],
            1,
        );
        each_denies(&["Coach laughs at the rumours of a move to Lisbon"], 0);
    }

    #[test]
    fn headline_negations_of_what_is_happening_deny_it() {
        each_denies(
            &[
                "Border Chief Says Smugglers Not Entering Through The Valley",
                "You're Not Going to See Two Suns on Friday",
                "Reporter Feared Kidnapped In Sahel Says She's Safe",
            ],
            1,
        );
        // a negated gerund inside the story's own clause denies nothing
        each_denies(&["Singer Opens Up About Not Finding Love On Tour"], 0);
    }

    #[test]
    fn a_question_offering_both_and_unconfirmed_reports_raise_a_story() {
        for t in [
            "Two-headed calf of Ostmark: real or hoax?",
            "Is There A Smuggling Tunnel Under The Bridge Or Not?",
            "Unconfirmed reports claim harbour master arrested in Riga",
        ] {
            assert_eq!(counts(t), (1, 0), "{t}");
        }
        // but a question that doubts still denies, and so does a claim called unconfirmed
        each_denies(
            &[
                "Was The Viral Rescue Video All A Hoax?",
                "Pants on Fire: senator makes unconfirmed claim about tunnel",
                "Sailor reported missing in Baltic says she is actually fine",
            ],
            1,
        );
    }
}
