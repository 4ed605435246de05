//! Events: trigger words (meeting, talks, summit, visit, call, invasion, …) and their arguments found
//! around them in the sentence — the place ("in Riyadh", "the Alaska summit"), the date ("on Feb. 18",
//! "Friday’s discussions"; not "since 1998", which bounds a span), the participants, the countries
//! involved — and whether the event is told as having happened or as planned or possible.

use super::intern::Numbered;
use super::lexicon::{EventClass, MultiwordTrigger, lexicon};
use super::phrases::PhraseSet;
use super::text::Doc;
use super::tokens::TokKind;
use super::word_list::WordList;
use super::{
    ActorMention, ArticleFacts, Covering, EventMention, Modality, Span, covers, starting_within,
};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

static IRREALIS: WordList = WordList::new(&[
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "can",
    "plans",
    "plan",
    "planned",
    "planning",
    "set",
    "expected",
    "scheduled",
    "potential",
    "possible",
    "possibility",
    "prospect",
    "prospects",
    "proposed",
    "if",
    "eventual",
    "upcoming",
    "future",
    "considering",
    "arrange",
    "arranging",
    "organize",
    "organise",
    "hopes",
    "wants",
    "intends",
    "aims",
    "seeking",
    "slated",
    "likely",
    "no",
    "next",
    "prepares",
    "preparing",
    "whether",
]);

/// Words that open another clause: a date before one belongs to what comes before it ("return on Monday
/// after months battling leukemia").
static CLAUSE_OPENERS: WordList = WordList::new(&[
    "after",
    "before",
    "while",
    "when",
    "because",
    "since",
    "until",
    "following",
    "although",
]);

/// Words before a date that make it a bound of a span or a point of comparison, not an event's day.
static TIME_BOUNDS: WordList = WordList::new(&["since", "until", "till", "before", "after"]);

static PLACE_PREPOSITIONS: WordList = WordList::new(&[
    "in", "at", "to", "near", "outside", "inside", "from", "into",
]);

/// Besides a place's prepositions, the words that open the phrase of a noun a name owns: "Buckley's death
/// on Saturday", "Lohan's arrest for drunk driving".
static OWNED_PHRASE_OPENERS: WordList =
    WordList::new(&["of", "on", "by", "for", "after", "during", "over", "with"]);

/// Finds event mentions, given the dates, places and actors already found; `named`: the words that name
/// the corpus's registered events, each a mention where it is written and no trigger is.
pub fn find(doc: &Doc, facts: &ArticleFacts, named: &PhraseSet) -> Found {
    let mut found = Found::default();
    let n = doc.toks.len();
    let mut i = 0;
    let mut in_date = Covering::new(&facts.dates, |d| d.span.get());
    let mut in_name = Covering::new(&facts.actors, |a| a.span);
    'tokens: while i < n {
        if !doc.toks[i].is_word() || doc.link_sent[doc.sent_of[i]] {
            i += 1;
            continue;
        }
        // inside a date ("Victory Day") or a name ("Summit Street")
        let start = doc.toks[i].start;
        if in_date.covers(start) || in_name.covers(start) || after_modifier_prefix(doc, i) {
            i += 1;
            continue;
        }
        let w = &doc.lower[i];
        let ew = event_words().get(w).copied().unwrap_or_default();
        for (rest, lemma, class) in ew.multiword.into_iter().flatten() {
            if i + rest.len() < n
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| doc.lower[i + 1 + k] == **w)
            {
                let last = i + rest.len();
                found.push(doc, facts, i, last, lemma, *class);
                i = last + 1;
                continue 'tokens;
            }
        }
        if let Some((lemma, class)) = ew.trigger {
            let next = doc.lower.get(i + 1).unwrap_or("");
            let prev = i.checked_sub(1).map(|p| &doc.lower[p]).unwrap_or("");
            let keep = match lemma {
                // a call is an event only as a call with someone
                "call" => matches!(next, "with" | "between"),
                // "in the future", "state of the art"…
                "conversation" => false,
                "fire" => !matches!(prev, "ceasefire" | "open" | "under") && next != "on",
                "name" => !matches!(prev, "a" | "man" | "woman" | "person" | "someone"),
                // "placed on IR": the injured reserve, in capitals only
                "injured reserve" => doc.toks[i].is_all_caps(),
                // a gathering ("the office Christmas party"), not a political party
                "party" => i > 0 && doc.lower_in(i - 1, &GATHERINGS),
                _ => true,
            };
            if keep {
                let (lemma, class) = if lemma == "fire" && fires_someone(doc, i) {
                    (lemma, EventClass::Personnel)
                } else if lemma == "murder" && is_charge(doc, i) {
                    ("murder charge", EventClass::Legal)
                } else {
                    (lemma, class)
                };
                found.push(doc, facts, i, i, lemma, class);
            }
        } else if let Some(lemma) = action_verb(doc, i, ew) {
            found.push(doc, facts, i, i, lemma, EventClass::Other);
        } else if let Some(lemma) = statement(doc, i, ew) {
            found.push(doc, facts, i, i, lemma, EventClass::Statement);
        } else if let Some(lemma) = plain_verb(doc, facts, i, ew) {
            found.push(doc, facts, i, i, lemma, EventClass::Other);
        }
        i += 1;
    }
    let before = found.mentions.len();
    for (r, k) in named.find(n, |k| &doc.lower[k]) {
        if doc.link_sent[doc.sent_of[r.start]] {
            continue;
        }
        let words = Span::new(doc.toks[r.start].start, doc.toks[r.end - 1].end);
        let number = u16::try_from(k + 1).unwrap_or(0);
        // a mention found already within the words is the registered event's; else the words are one
        let mut within = false;
        for m in &mut found.mentions[..before] {
            if m.trigger.get().overlaps(words) {
                within = true;
                if m.class != EventClass::Statement && words.contains(m.trigger.get()) {
                    m.registered = number;
                }
            }
        }
        if !within && let Some(m) = found.push_words(doc, facts, r.start, r.end) {
            m.registered = number;
        }
    }
    found.sort_from(before);
    found
}

/// The event mentions of an article, with their participants and countries in one list each.
#[derive(Debug, Default)]
pub struct Found {
    pub mentions: Vec<EventMention>,
    pub participants: Vec<u32>,
    pub parties: Vec<super::intern::Numbered>,
}

impl Found {
    /// Adds the mention whose trigger runs from token `first` to token `last`.
    fn push(
        &mut self,
        doc: &Doc,
        facts: &ArticleFacts,
        first: usize,
        last: usize,
        lemma: &'static str,
        class: EventClass,
    ) -> &mut EventMention {
        let m = mention(doc, facts, self, first, last, lemma, class);
        self.mentions.push(m);
        let k = self.mentions.len() - 1;
        &mut self.mentions[k]
    }

    /// Adds a mention of no particular class named by the words of tokens `first..end` (the user's: a
    /// registered event's, an annotated trigger), its lemma the last word's stem; none without a word.
    fn push_words(
        &mut self,
        doc: &Doc,
        facts: &ArticleFacts,
        first: usize,
        end: usize,
    ) -> Option<&mut EventMention> {
        let last = (first..end).rev().find(|&k| doc.toks[k].is_word())?;
        let lemma = super::intern::intern(&super::text::stem(&doc.lower[last]));
        Some(self.push(doc, facts, first, last, lemma, EventClass::Other))
    }

    /// Back in the order of their triggers, when mentions were added after the first `before`.
    fn sort_from(&mut self, before: usize) {
        if self.mentions.len() > before {
            self.mentions.sort_by_key(|m| m.trigger.get().start);
        }
    }
}

/// The event mentions `found` with the article's annotated triggers: an annotated trigger that no mention
/// has becomes one (of no particular class); an annotated negation tells that the event did not happen.
pub(crate) fn with_annotated(
    doc: &Doc,
    facts: &ArticleFacts,
    found: &mut Found,
    annotated: &super::annotated::Annotated,
) {
    let before = found.mentions.len();
    for &(span, negated) in &annotated.events {
        let overlapping = found.mentions[..before]
            .iter_mut()
            .find(|m| m.trigger.get().overlaps(span));
        let m = match overlapping {
            Some(m) => Some(m),
            None => {
                let toks = doc.tokens_within(span);
                found.push_words(doc, facts, toks.start, toks.end)
            }
        };
        if negated && let Some(m) = m {
            m.modality = Modality::Irrealis;
        }
    }
    found.sort_from(before);
}

/// What the walk for triggers asks of a word, answered by one lookup instead of one a list.
#[derive(Clone, Copy, Default)]
struct EventWord {
    /// A trigger of the lexicon: its lemma and class.
    trigger: Option<(&'static str, EventClass)>,
    /// The triggers of several words that start with this one.
    multiword: Option<&'static [MultiwordTrigger]>,
    /// An irregular past form that is an action ("threw").
    action_past: bool,
    /// An -ed form that is no action ("based").
    not_action: bool,
    /// An -ing form that is no action ("morning").
    not_ing: bool,
    reporting: bool,
    /// A denial cue ("denied", "faked").
    denial: bool,
}

/// The lexicon's words that the walk for triggers asks about.
fn event_words() -> &'static HashMap<&'static str, EventWord> {
    static WORDS: OnceLock<HashMap<&'static str, EventWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lex = lexicon();
        let mut words: HashMap<&'static str, EventWord> = HashMap::default();
        for (w, &t) in &lex.triggers {
            words.entry(w.as_str()).or_default().trigger = Some(t);
        }
        for (&first, triggers) in &lex.multiword_triggers {
            words.entry(first).or_default().multiword = Some(triggers);
        }
        for &w in lex.action_past.keys() {
            words.entry(w).or_default().action_past = true;
        }
        for &w in &lex.not_actions {
            words.entry(w).or_default().not_action = true;
        }
        for &w in &lex.not_ing {
            words.entry(w).or_default().not_ing = true;
        }
        for &w in &lex.reporting_verbs {
            words.entry(w).or_default().reporting = true;
        }
        for w in super::claims::denial_words() {
            words.entry(w).or_default().denial = true;
        }
        words
    })
}

/// Prefixes that make the noun after them a modifier of the next one ("an anti-piracy patrol", "the
/// pre-election campaign", "a post-game interview", "anti-riot police"): the noun tells no event of its own.
const MODIFIER_PREFIXES: &[&str] = &["anti", "pro", "counter", "post", "pre", "non"];

/// Whether token `i` follows a [`MODIFIER_PREFIXES`] word, joined by a hyphen ("anti-piracy") or, in a
/// headline's capitals, by a space ("Anti Piracy Operation").
fn after_modifier_prefix(doc: &Doc, i: usize) -> bool {
    let joined = i >= 2
        && doc.lower_is(i - 1, &["-"])
        && !doc.toks[i].space_before
        && !doc.toks[i - 1].space_before
        && doc.lower_is(i - 2, MODIFIER_PREFIXES);
    joined || (i >= 1 && doc.lower_is(i - 1, &["anti"]))
}

/// Whether token `k` may be a common noun of its own: a lower-case content word that is no participle
/// ("held", "planned").
fn other_noun(doc: &Doc, k: usize) -> bool {
    doc.toks[k].is_word()
        && !doc.is_cap(k)
        && !lexicon().function_words.contains(&doc.lower[k])
        && !doc.lower[k].ends_with("ed")
}

/// Words before "party" that make it a gathering, not a political party ("an office party", "a birthday
/// party").
static GATHERINGS: WordList = WordList::new(&[
    "christmas",
    "holiday",
    "birthday",
    "office",
    "dinner",
    "launch",
    "house",
    "farewell",
    "engagement",
    "pool",
    "costume",
    "cocktail",
    "garden",
    "retirement",
    "release",
    "block",
    "street",
    "bachelor",
    "bachelorette",
    "surprise",
    "staff",
    "company",
    "halloween",
    "wedding",
    "slumber",
    "beach",
    "watch",
]);

/// "Charged with first-degree murder", "faces two counts of murder", "murder charges": the noun names the
/// charge, an event of the courts, not the killing (which "the murder of his mother" tells).
fn is_charge(doc: &Doc, i: usize) -> bool {
    if !doc.lower_is(i, &["murder", "murders"]) {
        return false;
    }
    if doc.lower_is(i + 1, &["charge", "charges", "count", "counts", "rap"]) {
        return true;
    }
    if doc.lower_is(i + 1, &["of"]) {
        return false;
    }
    let mut k = i;
    while k > 0 && i - k < 6 && doc.lower_in(k - 1, &CHARGE_MODIFIERS) {
        k -= 1;
    }
    k > 0
        && (doc.lower_is(
            k - 1,
            &["charge", "charges", "faces", "face", "facing", "faced"],
        ) || (doc.lower_is(k - 1, &["with"])
            && k > 1
            && doc.lower_is(k - 2, &["charged", "charge", "charges"])))
}

/// Words between a charge and the crime it names ("charged with two counts of first-degree murder").
static CHARGE_MODIFIERS: WordList = WordList::new(&[
    "first-degree",
    "second-degree",
    "third-degree",
    "first",
    "second",
    "third",
    "degree",
    "-",
    "capital",
    "attempted",
    "a",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "count",
    "counts",
    "of",
]);

/// "Hawks fire Dahl", "Acme fires chief executive": "fire" (not "fired", which the lexicon tells already)
/// followed by a role or a name, with no article before it, dismisses someone; "the fire Tuesday" and "a
/// fire in Oslo" burn.
fn fires_someone(doc: &Doc, i: usize) -> bool {
    let lex = lexicon();
    let Some(next) = doc.lower.get(i + 1) else {
        return false;
    };
    let named = doc.is_cap(i + 1)
        && !lex.weekdays.contains_key(next)
        && !lex.months.contains_key(next)
        && !lex.places.contains_key(next);
    doc.lower_is(i, &["fire", "fires"])
        && !(i > 0 && doc.lower_is(i - 1, &["the", "a", "an", "this", "that", "its", "their"]))
        && !(doc.lower_is(i, &["fire"]) && FIRE_SERVICE.contains(next))
        && (named || lex.person_roles.contains(next))
}

/// Words after "fire" that name the fire service, not someone dismissed ("fire chief", "Fire Marshal"; but
/// "Acme fires chief executive").
static FIRE_SERVICE: WordList = WordList::new(&[
    "chief",
    "chiefs",
    "marshal",
    "marshall",
    "marshals",
    "officer",
    "officers",
    "official",
    "officials",
    "department",
    "fighter",
    "fighters",
    "captain",
    "commissioner",
    "inspector",
    "inspectors",
    "investigator",
    "investigators",
    "service",
    "brigade",
    "crews",
    "station",
]);

/// A verb telling an action, in the past ("damaged", "destroyed", "threw") or progressive ("injuring"): an
/// event of no particular class, named by its crude stem. Adjectival uses after a determiner ("the damaged
/// piers"), reporting verbs, denial cues ("denied", "faked") and the lexicon's non-actions are not.
fn action_verb(doc: &Doc, i: usize, ew: EventWord) -> Option<&'static str> {
    let w = &doc.lower[i];
    let lower = w.chars().all(|c| c.is_ascii_lowercase());
    let regular = lower && w.len() >= 5 && w.ends_with("ed");
    let progressive = lower && w.len() >= 6 && w.ends_with("ing") && !ew.not_ing;
    if !(regular || progressive || ew.action_past) || ew.not_action {
        return None;
    }
    if doc.toks[i].is_capitalised() || ew.reporting || ew.denial {
        return None;
    }
    if i > 0
        && doc.lower_is(
            i - 1,
            &[
                "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these",
                "those",
            ],
        )
    {
        return None;
    }
    // "fell" is named as "falling" is: by the stem of its -ing form
    let form = ing_form(w);
    Some(super::intern::intern(&super::text::stem(form)))
}

/// Words a plain verb form after a modal or "to" is not an action of its own: light verbs ("to get", "will
/// seem"); auxiliaries and the other function words ("will be", "could also") are the lexicon's, left out
/// before these.
static NOT_PLAIN_ACTIONS: WordList = WordList::new(&[
    "get", "make", "take", "let", "go", "come", "keep", "seem", "appear", "able", "help", "want",
    "need", "try",
]);

/// Words after "to" that tell the word between is a verb taking an object ("to fix the flaw", "to host
/// it", "to step down"), not a noun ("to prison", "to police").
static OBJECT_OPENERS: WordList = WordList::new(&[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "him", "them", "it", "us", "me", "up", "out", "off", "down", "back", "over", "some",
    "any", "all",
]);

/// Words a verb in the third person follows ("he stops", "who operates"), besides a name.
static SUBJECT_PRONOUNS: WordList = WordList::new(&["he", "she", "it", "who", "which"]);

/// A verb in its plain form or the third person telling an action: after a modal ("will host", "could
/// harm", "didn't retain"), after "to" with an object after it ("to fix the flaw", "to host the
/// show"), or after a subject and before an object ("Microsoft fixes the flaw", "he stops the ship"). An
/// event of no particular class, named by the stem its past form has ("host", "reduc" as "reduced").
fn plain_verb(doc: &Doc, facts: &ArticleFacts, i: usize, ew: EventWord) -> Option<&'static str> {
    let lex = lexicon();
    let w = &doc.lower[i];
    let plain_word = w.len() >= 3
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !doc.is_cap(i)
        && !w.ends_with("ly")
        && !lex.function_words.contains(w)
        && !NOT_PLAIN_ACTIONS.contains(w)
        && !ew.reporting
        && !ew.denial
        && !ew.not_action
        && !lex.places.contains_key(w);
    if !plain_word || i == 0 {
        return None;
    }
    let prev = &doc.lower[i - 1];
    let next = doc.lower.get(i + 1).unwrap_or("");
    let object_after = OBJECT_OPENERS.contains(next) || doc.is_cap(i + 1);
    let after_modal = MODALS.contains(prev) || prev.ends_with("n't") || prev.ends_with("n’t");
    let after_to = prev == "to" && !w.ends_with('s') && object_after;
    let third_person = w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && object_after
        && (SUBJECT_PRONOUNS.contains(prev)
            || covers(&facts.actors, |a| a.span, doc.toks[i - 1].start));
    if !(after_modal || after_to || third_person) {
        return None;
    }
    let mut stem = super::text::stem(w);
    if stem.len() > 3 && stem.ends_with('e') {
        stem.pop();
    }
    Some(super::intern::intern(&stem))
}

/// Modal verbs, which a plain verb form follows ("will host", "could harm").
static MODALS: WordList = WordList::new(&[
    "will", "would", "could", "can", "cannot", "may", "might", "should", "must", "shall", "did",
    "does",
]);

/// The -ing form of an irregular past ("fell" → "falling"), else the word itself.
fn ing_form(w: &str) -> &str {
    lexicon().action_past.get(w).copied().unwrap_or(w)
}

/// A reporting verb in lower case ("said", "told", "confirmed"): the statement it reports, named by its
/// stem. Not after a determiner ("the reports" is what a statement refers to, not one made).
fn statement(doc: &Doc, i: usize, ew: EventWord) -> Option<&'static str> {
    if !ew.reporting || doc.toks[i].is_capitalised() {
        return None;
    }
    if i > 0 && doc.lower_is(i - 1, &["the", "a", "an", "these", "those", "such"]) {
        return None;
    }
    Some(super::intern::intern(&super::text::stem(&doc.lower[i])))
}

fn mention(
    doc: &Doc,
    facts: &ArticleFacts,
    lists: &mut Found,
    first: usize,
    last: usize,
    lemma: &'static str,
    class: EventClass,
) -> EventMention {
    let si = doc.sent_of[first];
    let sent = doc.sents[si];
    let trigger = Span::new(doc.toks[first].start, doc.toks[last].end);
    // close modifiers before a noun trigger: "Riyadh meeting", "US-Russia talks", "a Trump visit"
    let lex = lexicon();
    let form = &doc.lower[last];
    let verb_form = form.ends_with("ed")
        || lex.past_irregular.contains(form)
        || lex.reporting_verbs.contains(form);
    let in_place = |ps: usize| covers(&facts.places, |p| p.span.get(), ps);
    let in_actor = |ps: usize| covers(&facts.actors, |a| a.span, ps);
    let places_here = starting_within(&facts.places, |p| p.span.get(), sent.start, sent.end);
    let dates_here = starting_within(&facts.dates, |d| d.span.get(), sent.start, sent.end);
    let actors_here = starting_within(&facts.actors, |a| a.span, sent.start, sent.end);
    let mut span_start = first;
    let mut k = first;
    while !verb_form && k > sent.first {
        let p = k - 1;
        let ps = doc.toks[p].start;
        let is_modifier = in_place(ps)
            || (doc.is_punct(p, "-") && !doc.toks[k].space_before)
            || lex.demonyms.contains_key(&doc.lower[p])
            || (in_actor(ps) && {
                // a name in compound position follows a determiner: "the Trump-Putin meeting"
                let mut q = p;
                while q > sent.first
                    && (in_actor(doc.toks[q - 1].start) || doc.is_punct(q - 1, "-"))
                {
                    q -= 1;
                }
                q > sent.first
                    && doc.lower_is(
                        q - 1,
                        &[
                            "a",
                            "an",
                            "the",
                            "this",
                            "that",
                            "any",
                            "possible",
                            "potential",
                            "planned",
                        ],
                    )
            });
        if !is_modifier {
            break;
        }
        span_start = p;
        k = p;
    }
    while span_start < first && doc.toks[span_start].kind == TokKind::Punct {
        span_start += 1;
    }
    // two or more places in compound position name the sides ("US-Russia talks"), not the venue
    let compound_places = facts.places[places_here.clone()]
        .iter()
        .map(|p| p.span.get())
        .filter(|p| p.start >= doc.toks[span_start].start && p.end <= trigger.start)
        .count();
    if compound_places >= 2 {
        span_start = first;
    }
    let span = Span::new(doc.toks[span_start].start, trigger.end);
    let tok_of = |offset: usize| doc.toks.partition_point(|t| t.start < offset);

    // place: in the compound, or after a preposition near the trigger
    let place = places_here
        .clone()
        .map(|pi| (pi, facts.places[pi].span.get()))
        .filter_map(|(pi, p)| {
            let pt = tok_of(p.start);
            let prep = pt > 0 && doc.lower_in(pt - 1, &PLACE_PREPOSITIONS);
            let object = class == EventClass::Visit && pt == last + 1;
            if span.contains(p) {
                (compound_places < 2).then_some((0usize, pi))
            } else if pt > last && pt - last <= 12 && (prep || object) {
                Some((pt - last, pi))
            } else if pt < first && first - pt <= 8 && prep {
                Some((20 + first - pt, pi))
            } else {
                None
            }
        })
        .min()
        .map(|(_, pi)| pi);

    let date = dates_here
        .map(|di| (di, &facts.dates[di]))
        .filter_map(|(di, d)| {
            let dt = tok_of(d.span.get().start);
            let de = tok_of(d.span.get().end);
            // "since 1991", "until March": a bound of a span, not the day the event happened
            if dt > 0 && doc.lower_in(dt - 1, &TIME_BOUNDS) {
                return None;
            }
            if de <= first && first - de <= 1 {
                Some((0usize, di)) // Friday’s discussions
            } else if dt > last && dt - last <= 12 {
                Some((dt - last, di))
            } else if de <= first
                && first - de <= 10
                && !(de..first).any(|k| {
                    lex.triggers.contains_key(&doc.lower[k]) || doc.lower_in(k, &CLAUSE_OPENERS)
                })
            {
                // a date before the trigger belongs to it only if no other event or clause comes between
                Some((20 + first - de, di))
            } else {
                None
            }
        })
        .min()
        .map(|(_, di)| di);

    // participants: actors near the trigger, not across "that" or a reporting verb on the left
    let mut left = first;
    while left > sent.first && first - left < 24 {
        let w = &doc.lower[left - 1];
        if w == "that" || w == ";" || lex.reporting_verbs.contains(w) {
            break;
        }
        left -= 1;
    }
    // a noun a name owns ("Buckley's death") is told by its own phrase after it ("Buckley's death in the
    // park"), not by the clause that follows ("… death another climber, Duncan Rait, died")
    let owned = span_start > sent.first && doc.toks[span_start - 1].kind == TokKind::Possessive;
    let mut right = last + 1;
    while right < sent.last && right - last < 12 {
        let w = &doc.lower[right];
        if w == "that" || w == ";" || w == "which" || w == "who" {
            break;
        }
        if owned
            && (w == ","
                || (right == last + 1
                    && !doc.lower_in(right, &PLACE_PREPOSITIONS)
                    && !doc.lower_in(right, &OWNED_PHRASE_OPENERS)))
        {
            break;
        }
        // "between" after another noun names that noun's sides ("discussions on a thaw between
        // Washington and Moscow"), not the event's ("talks between …", "talks held between …")
        if w == "between" && (last + 1..right).any(|k| other_noun(doc, k)) {
            break;
        }
        right += 1;
    }
    let lo = doc.toks[left].start;
    let hi = doc.toks[right.min(sent.last) - 1].end;
    let others_object = object_before_comma(doc, facts, left, first);
    let mut participants: Vec<usize> = actors_here
        .filter(|&ai| {
            let a: &ActorMention = &facts.actors[ai];
            a.span.start >= lo
                && a.span.end <= hi
                && !others_object.is_some_and(|o| o.contains(a.span))
                && !owns_other_event(doc, tok_of(a.span.end), first)
        })
        .collect();
    let mut parties: Vec<&'static str> = (left..right.min(sent.last))
        .filter(|&k| doc.is_cap(k) || doc.toks[k].is_all_caps())
        .filter_map(|k| lex.country_of(&doc.lower[k]))
        .collect();
    for p in facts.places[places_here]
        .iter()
        .filter(|p| p.span.get().start >= lo && p.span.get().end <= hi)
    {
        if let Some(c) = lex.country_of_place(p.name.as_str()) {
            parties.push(c);
        }
    }
    parties.sort();
    parties.dedup();

    let window_start = first.saturating_sub(8).max(sent.first);
    let irrealis = (window_start..first).any(|k| doc.lower_in(k, &IRREALIS))
        || (first > sent.first
            && doc.lower_is(first - 1, &["to"])
            && !matches!(class, EventClass::Meeting)
            && lemma != "talk");
    // the arguments go into the article's lists (at most 255 of each)
    let participants_at = u32::try_from(lists.participants.len()).unwrap_or(u32::MAX);
    let parties_at = u32::try_from(lists.parties.len()).unwrap_or(u32::MAX);
    // whom it is of, a participant wherever the sentence names them
    let victim = matches!(class, EventClass::Death)
        .then(|| victim(doc, facts, span_start, first, last))
        .flatten()
        .map_or(0, |v| {
            let at = participants
                .iter()
                .position(|&a| a == v)
                .unwrap_or_else(|| {
                    participants.insert(0, v);
                    0
                });
            u8::try_from(at + 1).unwrap_or(0)
        });
    let participants: Vec<u32> = participants.iter().take(255).map(|&a| a as u32).collect();
    let parties: Vec<Numbered> = parties.iter().take(255).map(|&p| Numbered::of(p)).collect();
    let (participants_len, parties_len) = (participants.len() as u8, parties.len() as u8);
    lists.participants.extend(participants);
    lists.parties.extend(parties);
    let definite = span_start > sent.first
        && (doc.lower_is(
            span_start - 1,
            &["the", "this", "that", "these", "those", "such"],
        ) || doc.toks[span_start - 1].kind == TokKind::Possessive);
    EventMention {
        span: span.into(),
        trigger: trigger.into(),
        lemma: Numbered::of(lemma),
        class,
        sentence: si as u32,
        date: super::index_plus_one(date),
        place: super::index_plus_one(place),
        participants_at,
        participants_len,
        victim,
        parties_at,
        parties_len,
        registered: 0,
        modality: if irrealis {
            Modality::Irrealis
        } else {
            Modality::Realis
        },
        definite,
        in_passing: in_passing(doc, facts, first, last),
        asked: doc.is_punct(doc.sents[doc.sent_of[first]].last - 1, "?"),
    }
}

/// Words between a verb of killing or dying and its subject: auxiliaries ("was killed", "has died",
/// "had been killed") and a report's adverbs ("was reportedly killed"). Only with a form of "be" or
/// "get" among them ([`PASSIVE`]) is the subject the one killed: "Jon Berg has killed Eva Dahl" is Eva
/// Dahl's death.
const AUXILIARIES: [&str; 14] = [
    "was",
    "were",
    "is",
    "are",
    "been",
    "be",
    "being",
    "got",
    "gets",
    "has",
    "had",
    "have",
    "reportedly",
    "allegedly",
];

/// The auxiliaries of a passive ("was killed", "got killed"), among [`AUXILIARIES`].
const PASSIVE: [&str; 9] = [
    "was", "were", "is", "are", "been", "be", "being", "got", "gets",
];

/// Plural nouns of deaths: of several people, whoever is named after them.
const PLURAL_DEATHS: [&str; 6] = [
    "deaths",
    "murders",
    "killings",
    "slayings",
    "homicides",
    "executions",
];

/// Forms of the verbs of a death whose subject is the one who died ("died", "dead") rather
/// than the one who killed.
const DYING: [&str; 10] = [
    "die",
    "dies",
    "died",
    "dead",
    "perished",
    "perishes",
    "succumbed",
    "succumbs",
    "drowned",
    "drowns",
];

/// The person a death is of, as an index into the article's actors: the name that owns it
/// ("Buckley's death", from the token before its span, `span_start`), the name after "of" ("the death
/// of Alexandros Grigoropoulos"), the subject of a verb of dying or of a passive ("Duncan Rait, 36,
/// died", "Jerry Ortiz was killed"), or the object of an active verb ("Lopez killed Horton"); none for a
/// plural ("the murders of …") or one of several ("Alice McMeekin, 58, and Katie Jenkin, 20, were found
/// dead"). A death is told by whom it is of: Buckley's death and Rait's, told with the same word in one
/// article, are two.
fn victim(
    doc: &Doc,
    facts: &ArticleFacts,
    span_start: usize,
    first: usize,
    last: usize,
) -> Option<usize> {
    let sent = doc.sents[doc.sent_of[first]];
    // a person named by the sentence's token `k` (ending or starting there)
    let person_at = |k: usize, ends: bool| {
        let t = doc
            .toks
            .get(k)
            .filter(|_| (sent.first..sent.last).contains(&k))?;
        facts.actors.iter().position(|a| {
            a.is_individual()
                && if ends {
                    a.span.end == t.end
                } else {
                    a.span.start == t.start
                }
        })
    };
    let person_ending = |k: usize| person_at(k, true);
    let person_starting = |k: usize| person_at(k, false);
    // "Buckley's death"
    if span_start >= sent.first + 2 && doc.toks[span_start - 1].kind == TokKind::Possessive {
        return person_ending(span_start - 2);
    }
    let word = doc.lower[last].as_ref();
    // "the murders of …", "deaths": of several
    if PLURAL_DEATHS.contains(&word) {
        return None;
    }
    // "the death of 15-year-old Alexandros Grigoropoulos": the first name within a few words, no comma,
    // and no other after it ("the deaths of Alice McMeekin, 58, and Kathryn Jenkin")
    if doc.lower_is(last + 1, &["of"]) {
        let person = (last + 2..(last + 9).min(sent.last))
            .take_while(|&k| doc.toks[k].kind != TokKind::Punct || doc.is_punct(k, "-"))
            .find_map(person_starting)?;
        let after = doc
            .toks
            .partition_point(|t| t.start < facts.actors[person].span.end);
        return (!listed_with_others(doc, after, sent.last)).then_some(person);
    }
    let dying = DYING.contains(&word);
    let mut k = first;
    let mut passive = false;
    while k > sent.first && doc.lower_is(k - 1, &AUXILIARIES) {
        k -= 1;
        passive |= doc.lower_is(k, &PASSIVE);
    }
    let passive = passive && word.ends_with("ed");
    if !(dying || passive) {
        // an active verb: its object right after it ("Jon Berg killed Eva Dahl"), or none
        let verb = word.ends_with("ed") || word.starts_with("kill");
        return verb.then(|| person_starting(last + 1)).flatten();
    }
    if k <= sent.first {
        return None;
    }
    // the subject right before, or before an apposition between commas ("Duncan Rait, 36, died"), or
    // the name that opens the sentence before a long one ("Mark Felt, the mysterious source who helped
    // … crack the Watergate scandal, has died")
    let before = k - 1;
    let person = if doc.is_punct(before, ",") {
        // the name itself as the apposition ("Mafia 'Oddfather,' Vincent 'Chin' Gigante, dies")
        // — the whole apposition, after a comma and perhaps a quotation mark or an age ("another
        // climber, 36-year-old Duncan Rait, died")
        let named = before.checked_sub(1).and_then(person_ending).filter(|&p| {
            let mut j = doc
                .toks
                .partition_point(|t| t.start < facts.actors[p].span.start);
            while j > sent.first
                && (matches!(doc.toks[j - 1].kind, TokKind::Punct | TokKind::Number)
                    || doc.lower_is(j - 1, &["year", "old"]))
            {
                j -= 1;
                if doc.is_punct(j, ",") {
                    return true;
                }
            }
            false
        });
        let short = (before.saturating_sub(8).max(sent.first)..before)
            .rev()
            .find(|&j| doc.is_punct(j, ","))
            .and_then(|j| j.checked_sub(1))
            .and_then(person_ending);
        named.or(short).or_else(|| {
            person_starting(sent.first).filter(|&p| {
                let after = doc
                    .toks
                    .partition_point(|t| t.start < facts.actors[p].span.end);
                doc.is_punct(after, ",") && after < before
            })
        })?
    } else {
        person_ending(before)?
    };
    // one of several ("Alice McMeekin, 58, and Katie Jenkin, 20, were found dead"): none
    let start = doc
        .toks
        .partition_point(|t| t.start < facts.actors[person].span.start);
    let listed = start > sent.first
        && (doc.lower_is(start - 1, &["and", "or"]) || doc.is_punct(start - 1, ","));
    (!listed).then_some(person)
}

/// Whether a name ending before token `after` is followed by another in a list: "and" or "or" after
/// nothing but punctuation and numbers (", 58, and Kathryn Jenkin"), before token `end`.
fn listed_with_others(doc: &Doc, after: usize, end: usize) -> bool {
    (after..end)
        .take_while(|&k| {
            matches!(doc.toks[k].kind, TokKind::Punct | TokKind::Number)
                || doc.lower_is(k, &["and", "or"])
        })
        .any(|k| doc.lower_is(k, &["and", "or"]))
}

/// Whether the name ending before token `end` owns another event than the one whose trigger starts at
/// token `first`: a possessive and an event's word after it ("The day before Buckley's death another
/// climber died": Buckley is the death's, not the other climber's).
fn owns_other_event(doc: &Doc, end: usize, first: usize) -> bool {
    end + 1 < doc.toks.len()
        && end + 1 != first
        && doc.toks[end].kind == TokKind::Possessive
        && lexicon().triggers.contains_key(&doc.lower[end + 1])
}

/// The object of the verb before a comma the trigger at token `first` follows, as the text it spans:
/// in "Lohan Leaves Betty Ford, Checks Into Malibu Rehab" the second verb shares the first's subject
/// (Lohan), not its object (Betty Ford). The names right before the comma are an object when a verb
/// comes before them, and no further left than `left`.
fn object_before_comma(doc: &Doc, facts: &ArticleFacts, left: usize, first: usize) -> Option<Span> {
    if first < left + 3 || !doc.is_punct(first - 1, ",") {
        return None;
    }
    let comma = first - 1;
    let named = |k: usize| {
        let at = doc.toks[k].start;
        covers(&facts.actors, |a| a.span, at) || covers(&facts.places, |p| p.span.get(), at)
    };
    let mut start = comma;
    while start > left + 1 && named(start - 1) {
        start -= 1;
    }
    let mut verb = start - 1;
    if start < comma && verb > left && doc.lower_is(verb, &["the", "a", "an"]) {
        verb -= 1;
    }
    let lex = lexicon();
    // a headline's verb is capitalised ("Leaves"): a trigger, or one with the third person's -s
    let w: &str = &doc.lower[verb];
    let told = verb_like(doc, verb)
        || (doc.is_cap(verb)
            && (lex.triggers.contains_key(w)
                || w.strip_suffix('s')
                    .is_some_and(|stem| lex.triggers.contains_key(stem))));
    (start < comma && !named(verb) && told)
        .then(|| Span::new(doc.toks[start].start, doc.toks[comma - 1].end))
}

/// Whether the event of the trigger from token `first` to `last` is told in passing (see
/// [`EventMention::in_passing`]): in a relative clause ("a driver who fled the scene", "a flaw that is
/// being exploited"), in a clause a participle opens after a comma ("Gary Gomes, accused in the deaths
/// of two women"), in a clause of time or cause with its own subject ("before he ever entered Nixon's
/// circle"), as what someone is charged with ("the teen accused of shooting"), or, outside a headline,
/// as a participle right after a noun with its agent after it ("the teenager killed by police").
fn in_passing(doc: &Doc, facts: &ArticleFacts, first: usize, last: usize) -> bool {
    let lex = lexicon();
    let si = doc.sent_of[first];
    let sent = doc.sents[si];
    if named_as_charge(doc, sent.first, first) {
        return true;
    }
    // back to the start of the clause, at most eight words, as long as no other verb comes between (the
    // verb of the clause: "a driver who fled the scene was caught" tells the catch as news)
    let mut k = first;
    while k > sent.first && first - k < 8 {
        k -= 1;
        if doc.toks[k].kind == TokKind::Punct {
            // closed by a comma too: ", accused in the deaths of two women, appeared in court"
            let closed = (last + 1..sent.last).any(|j| doc.is_punct(j, ","));
            return doc.is_punct(k, ",") && closed && opens_participle_clause(doc, k + 1);
        }
        if doc.lower_is(k, &["who", "which", "whose", "whom"]) {
            return true;
        }
        // a clause of time or cause with a subject of its own ("before he ever entered Nixon's circle",
        // "after the council voted") tells what frames the sentence's news; not a noun after the word
        // ("after the shooting") nor a word right after it ("after slipping"), where the event may be
        // the one the sentence is about
        if doc.lower_is(
            k,
            &[
                "before", "after", "since", "until", "till", "once", "while", "when", "because",
                "although", "though",
            ],
        ) && first > k + 1
            && !doc.lower_is(
                first - 1,
                &[
                    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these",
                    "those",
                ],
            )
        {
            return true;
        }
        // "that" after a noun opens a relative clause; after a reporting verb it opens what was said
        if doc.lower_is(k, &["that"])
            && k > sent.first
            && other_noun(doc, k - 1)
            && !lex.reporting_verbs.contains(&doc.lower[k - 1])
        {
            return true;
        }
        // (a participle right after a comma opens the clause: its comma is read next)
        if k < first && verb_like(doc, k) && !(k > sent.first && doc.is_punct(k - 1, ",")) {
            break;
        }
    }
    let after_noun = first > sent.first
        && (other_noun(doc, first - 1)
            || covers(&facts.actors, |a| a.span, doc.toks[first - 1].start));
    first == last
        && doc.lower[first].ends_with("ed")
        && after_noun
        && doc.lower_is(last + 1, &["by"])
        && !facts.headlines.contains(&si)
}

/// Whether the trigger at `first` is what someone is accused, charged, convicted or arrested for ("the
/// teen accused of shooting", "charged with the killing", "arrested for the robbery"): the event is named
/// as the charge, and the news is the charge.
fn named_as_charge(doc: &Doc, sent_first: usize, first: usize) -> bool {
    let mut k = first;
    while k > sent_first && doc.lower_is(k - 1, &["the", "a", "an", "his", "her", "their", "its"]) {
        k -= 1;
    }
    k >= sent_first + 2
        && doc.lower_is(k - 1, &["of", "with", "in", "for"])
        && doc.lower_in(k - 2, &CHARGE_WORDS)
}

/// Words that name what someone is held to have done: "accused of", "charged with", "arrested for".
static CHARGE_WORDS: WordList = WordList::new(&[
    "accused",
    "charged",
    "suspected",
    "convicted",
    "guilty",
    "acquitted",
    "arrested",
    "indicted",
    "jailed",
    "sentenced",
    "imprisoned",
    "tried",
    "blamed",
    "suspect",
    "suspects",
    "charges",
    "charge",
    "accusing",
    "charging",
]);

/// Whether token `k` looks like a verb telling something: a trigger of the lexicon, an -ed word or an
/// irregular past.
fn verb_like(doc: &Doc, k: usize) -> bool {
    let lex = lexicon();
    let w = &doc.lower[k];
    !doc.is_cap(k)
        && (lex.triggers.contains_key(w)
            || (w.len() >= 5 && w.ends_with("ed"))
            || lex.past_irregular.contains(w))
}

/// Whether token `k` is a participle opening a clause, with its preposition after it ("accused in",
/// "charged with", "killed by"); not an adjective ("armed robbers").
fn opens_participle_clause(doc: &Doc, k: usize) -> bool {
    doc.toks[k].is_word()
        && !doc.is_cap(k)
        && doc.lower[k].ends_with("ed")
        && doc.lower_in(k + 1, &PARTICIPLE_PREPOSITIONS)
}

/// Prepositions after a participle that opens a clause.
static PARTICIPLE_PREPOSITIONS: WordList = WordList::new(&[
    "by", "in", "with", "for", "of", "on", "at", "from", "after", "over", "as", "to",
]);

#[cfg(test)]
mod tests {
    use crate::analysis::{ArticleFacts, EventClass, EventMention, Modality, analyse};

    /// The event of `facts` whose trigger is `word` in `text`.
    fn event_at<'f>(facts: &'f ArticleFacts, text: &str, word: &str) -> &'f EventMention {
        facts
            .events
            .iter()
            .find(|e| &text[e.trigger.get().start..e.trigger.get().end] == word)
            .unwrap_or_else(|| panic!("{word} is no event"))
    }

    #[test]
    fn past_and_progressive_verbs_are_actions_and_reporting_verbs_are_statements() {
        let text = "Crews restored power after gales damaged the harbour, stranding two workers. \
                    The damaged piers were repaired in Oslo. Officials reported the figures and said the morning was calm. \
                    The reports were read aloud.";
        let f = analyse(text, 0);
        let triggers: Vec<(&str, EventClass)> = f
            .events
            .iter()
            .map(|e| (&text[e.trigger.get().start..e.trigger.get().end], e.class))
            .collect();
        let other = EventClass::Other;
        let statement = EventClass::Statement;
        assert_eq!(
            triggers,
            [
                ("restored", other),
                ("damaged", other),
                ("stranding", other),
                ("repaired", other),
                ("reported", statement),
                ("said", statement),
            ]
        );
        let restored = &f.events[0];
        assert_eq!(restored.class, EventClass::Other);
        assert_eq!(restored.lemma.as_str(), "restor");
        assert_eq!(f.places[f.events[3].place().unwrap()].name.as_str(), "Oslo");
    }

    #[test]
    fn plain_verbs_after_a_modal_or_to_and_verbs_in_the_third_person_are_actions() {
        let text = "Harbour officials will reopen the ferry terminal. The council moved to repair the \
                    bridge, and Nordvik Shipping cancels the crossing. It could also be late. They went \
                    to prison after a return to power. The ferries sail to Bergen. Engineers hope to \
                    rebuild it.";
        let f = analyse(text, 0);
        let actions: Vec<(&str, &str, Modality)> = f
            .events
            .iter()
            .filter(|e| e.class == EventClass::Other)
            .map(|e| {
                let t = &text[e.trigger.get().start..e.trigger.get().end];
                (t, e.lemma.as_str(), e.modality)
            })
            .collect();
        let (realis, irrealis) = (Modality::Realis, Modality::Irrealis);
        assert_eq!(
            actions,
            [
                ("reopen", "reopen", irrealis),
                ("moved", "mov", realis),
                ("repair", "repair", irrealis),
                ("cancels", "cancel", realis),
                ("rebuild", "rebuild", irrealis),
            ],
            "not: be (an auxiliary), prison and power (nouns after to), sail to (no object)"
        );
        // the plain form is named as its past is: "will reopen" and "reopened", "to restore" and "restored"
        for (plain, past) in [("will reopen", "reopened"), ("to restore it", "restored")] {
            let [a, b] = [plain, past].map(|v| analyse(&format!("Crews {v}."), 0).events[0].lemma);
            assert_eq!(a.as_str(), b.as_str(), "{plain} / {past}");
        }
    }

    #[test]
    fn a_hanging_is_a_death_an_issued_patch_a_release_and_an_accident_a_disaster_as_a_crash() {
        let text = "The prisoner was found hanged in his cell. Vendor Norrsoft issued a patch on Tuesday \
                    and released another. A bus crash and a ferry accident closed the port.";
        let f = analyse(text, 0);
        let of = |word: &str| {
            let e = event_at(&f, text, word);
            (e.lemma.as_str(), e.class)
        };
        assert_eq!(of("hanged").1, EventClass::Death);
        assert_eq!(of("issued"), of("released"));
        assert_eq!(of("accident").1, of("crash").1);
    }

    #[test]
    fn an_event_told_in_a_relative_or_participle_clause_is_told_in_passing() {
        let passing = |text: &str, word: &str| {
            let f = analyse(text, 0);
            event_at(&f, text, word).in_passing
        };
        let text = "Fire destroys bakery in Oslo\n\nCrowds mourned the teenager killed by police. \
                    A driver who fled the scene was caught. Nils Dahl, accused in the deaths of two \
                    women, was sentenced in Oslo. Police said that the man fell from a bridge. On Friday, \
                    armed robbers stormed a bank. The flaw that hackers exploited was fixed. Kari Lie \
                    was charged with the robbery. Ola Berg had resigned twice before he ever joined the \
                    cabinet. The mayor quit after the council voted against him. Traffic stopped after the \
                    crash.";
        assert!(
            passing(text, "killed"),
            "a participle with its agent after a noun"
        );
        assert!(passing(text, "fled"), "a relative clause");
        assert!(
            passing(text, "deaths"),
            "a clause a participle opens after a comma"
        );
        assert!(passing(text, "exploited"), "\"that\" after a noun");
        assert!(passing(text, "robbery"), "what someone is charged with");
        assert!(passing(text, "joined"), "a clause of time with a subject");
        assert!(
            passing(text, "voted"),
            "a clause of time with a noun subject"
        );
        for news in [
            "Fire",
            "mourned",
            "caught",
            "sentenced",
            "fell",
            "stormed",
            "fixed",
            "charged",
            "resigned",
            "quit",
            "crash",
        ] {
            assert!(!passing(text, news), "{news} is its sentence's news");
        }
        let headline = "Teenager killed by police in Oslo\n\nCrowds gathered on Friday.";
        assert!(!passing(headline, "killed"), "a headline tells its news so");
    }

    #[test]
    fn news_event_nouns_are_triggers() {
        let text = "Police opened an investigation after the heist, and a vigil was held in Oslo.";
        let f = analyse(text, 0);
        let lemmas: Vec<&str> = f.events.iter().map(|e| e.lemma.as_str()).collect();
        assert!(lemmas.contains(&"investigate"), "{lemmas:?}");
        assert!(lemmas.contains(&"rob"), "{lemmas:?}");
        assert!(lemmas.contains(&"ceremony"), "{lemmas:?}");
    }

    #[test]
    fn words_for_the_same_event_share_its_lemma() {
        let text = "The singer succumbed to cancer. A second man perished in the blaze. Gunmen gunned \
                    down a guard, and police apprehended two suspects after the tremor. Divers discovered \
                    the wreck a week after a fisherman found an oar. Arsonists torched a barn, wounding a \
                    farmer.";
        let f = analyse(text, 0);
        let lemmas: Vec<&str> = f.events.iter().map(|e| e.lemma.as_str()).collect();
        for lemma in ["die", "fire", "shoot", "arrest", "earthquake", "find"] {
            assert!(lemmas.contains(&lemma), "{lemma}: {lemmas:?}");
        }
        let die = f
            .events
            .iter()
            .filter(|e| e.lemma.as_str() == "die")
            .count();
        assert_eq!(die, 2, "succumbed and perished: {lemmas:?}");
        let find = f
            .events
            .iter()
            .filter(|e| e.lemma.as_str() == "find")
            .count();
        assert_eq!(find, 2, "discovered and found: {lemmas:?}");
        assert!(lemmas.contains(&"injure"), "wounding: {lemmas:?}");
        let fire = f
            .events
            .iter()
            .filter(|e| e.lemma.as_str() == "fire")
            .count();
        assert_eq!(fire, 2, "the blaze and torched: {lemmas:?}");
    }

    #[test]
    fn triggers_with_place_date_and_participants() {
        let text = "Foreign Minister Anna Berg met Prime Minister Tomas Lind in Oslo on March 3 to discuss fishing quotas.";
        let f = analyse(text, 0);
        let e = &f.events[0];
        assert_eq!(&text[e.trigger.get().start..e.trigger.get().end], "met");
        assert_eq!(e.class, EventClass::Meeting);
        assert_eq!(f.places[e.place().unwrap()].name.as_str(), "Oslo");
        assert_eq!(f.dates[e.date().unwrap()].text(text), "March 3");
        let names: Vec<&str> = f.participants(e).map(|a| &*f.actors[a].name).collect();
        assert_eq!(names, vec!["Anna Berg", "Tomas Lind"]);
        assert_eq!(e.modality, Modality::Realis);
    }

    #[test]
    fn a_name_owning_an_event_is_its_participant_and_no_other_events() {
        let text = "The day before Ola Brekke's death another climber, Per Vold, died after slipping on \
                    the ridge. Ola Brekke's rescue on Saturday took six hours.";
        let f = analyse(text, 0);
        let names = |word: &str| -> Vec<&str> {
            let e = event_at(&f, text, word);
            f.participants(e).map(|a| &*f.actors[a].name).collect()
        };
        assert_eq!(names("death"), vec!["Ola Brekke"], "{:?}", f.actors);
        assert_eq!(names("died"), vec!["Per Vold"]);
        assert_eq!(names("slipping"), vec!["Per Vold"]);
        assert_eq!(names("rescue"), vec!["Ola Brekke"]);
    }

    /// Whom each death of `text` is of, by trigger, as the hover would name them.
    fn victims(text: &str) -> Vec<(&str, Option<String>)> {
        let f = analyse(text, 0);
        f.events
            .iter()
            .filter(|e| e.class == EventClass::Death)
            .map(|e| {
                let word = &text[e.trigger.get().start..e.trigger.get().end];
                (word, f.victim(e).map(|a| f.actors[a].name.to_string()))
            })
            .collect()
    }

    #[test]
    fn a_death_is_of_its_subject_its_owner_or_the_name_after_of() {
        let named = |s: &str| Some(s.to_string());
        assert_eq!(
            victims(
                "The day before Ola Brekke's death another climber, 36-year-old Per Vold, died on \
                 the ridge. Per Vold, 36, died in hospital."
            ),
            [
                ("death", named("Ola Brekke")),
                ("died", named("Per Vold")),
                ("died", named("Per Vold"))
            ]
        );
        assert_eq!(
            victims("Crowds marked the death of 15-year-old Nils Hauge in Bergen."),
            [("death", named("Nils Hauge"))]
        );
        // a long apposition between the name and its verb, a passive, and the object of an active verb
        assert_eq!(
            victims(
                "Robert Lund, the harbour master who ran the port of Tromsø for thirty years, has died. \
                 Deputy Kari Moen was killed on Friday. Police say Jon Berg killed Eva Dahl. Police say \
                 Ivar Holt has killed Anna Lie."
            ),
            [
                ("died", named("Robert Lund")),
                ("killed", named("Kari Moen")),
                ("killed", named("Eva Dahl")),
                ("killed", named("Anna Lie"))
            ]
        );
    }

    #[test]
    fn deaths_of_several_are_of_no_one_in_particular() {
        assert_eq!(
            victims(
                "Anna Holm, 58, and Live Holm, 20, were found dead. He is charged with the murders of \
                 Anna Holm and Live Holm. He faces trial over the death of Anna Holm and her daughter."
            ),
            [("dead", None), ("murders", None), ("death", None)]
        );
        // a verb that ends the text has no object to look for
        assert_eq!(victims("Police say the gunman killed"), [("killed", None)]);
        // a headline with no name is of no one
        assert_eq!(victims("Climber Killed In Fall"), [("Killed", None)]);
    }

    #[test]
    fn a_verb_after_a_comma_shares_the_clause_befores_subject_not_its_object() {
        let text = "Singer Maria Quist Leaves Halden Clinic, Checks Into Oslo Rehab\n\n\
                    Maria Quist left the Halden Clinic, joined her band on stage in Bergen.";
        let f = analyse(text, 0);
        let names = |word: &str| -> Vec<&str> {
            let e = event_at(&f, text, word);
            f.participants(e).map(|a| &*f.actors[a].name).collect()
        };
        assert_eq!(names("Checks Into"), vec!["Maria Quist"], "{:?}", f.actors);
        assert!(
            !names("joined").contains(&"Halden Clinic"),
            "{:?}",
            names("joined")
        );
    }

    /// Each event's trigger as written, its word and its class.
    fn told(text: &str) -> Vec<(&str, &str, EventClass)> {
        analyse(text, 0)
            .events
            .iter()
            .map(|e| {
                (
                    &text[e.trigger.get().start..e.trigger.get().end],
                    e.lemma.as_str(),
                    e.class,
                )
            })
            .collect()
    }

    #[test]
    fn a_noun_after_anti_or_post_modifies_the_next_and_tells_no_event() {
        let words = |text| -> Vec<&str> { told(text).into_iter().map(|(w, _, _)| w).collect() };
        assert_eq!(
            words(
                "The frigate on anti-piracy patrol rescued the tanker after a post-election riot."
            ),
            vec!["rescued", "riot"]
        );
        assert_eq!(
            words("Navy Hails Anti Piracy Operation"),
            Vec::<&str>::new()
        );
        // a prefix written apart is no prefix of the noun
        assert_eq!(
            words("Crowds rallied before and after the piracy trial."),
            vec!["rallied", "piracy", "trial"]
        );
    }

    #[test]
    fn sides_named_after_another_noun_are_that_nouns_not_the_events() {
        let sides = |text: &str, word: &str| {
            let f = analyse(text, 0);
            f.parties(event_at(&f, text, word)).count()
        };
        let thaw = "The visit sparked discussions on a thaw between Norway and Sweden.";
        assert_eq!(sides(thaw, "discussions"), 0, "the thaw's sides");
        let talks = "Officials held talks between Norway and Sweden in Oslo.";
        assert_eq!(sides(talks, "talks"), 2, "the talks' sides");
    }

    #[test]
    fn a_murder_one_is_charged_with_is_a_step_in_court_and_the_murder_of_someone_a_death() {
        let charges = |text| {
            told(text)
                .into_iter()
                .filter(|(t, _, _)| t.starts_with("murder"))
                .map(|(_, lemma, class)| (lemma, class))
                .collect::<Vec<_>>()
        };
        let court = ("murder charge", EventClass::Legal);
        assert_eq!(
            charges(
                "Erik Dahl was charged with first-degree murder. He faces two counts of murder and \
                 murder charges in Tromso. He was arraigned on a charge of second-degree murder."
            ),
            [court, court, court, court]
        );
        assert_eq!(
            charges(
                "Dahl was charged with the murder of his neighbour. The murder shocked Tromso."
            ),
            [("murder", EventClass::Death), ("murder", EventClass::Death)]
        );
    }

    #[test]
    fn to_fire_someone_is_a_change_of_staff_and_a_fire_burns() {
        let classes = |text| {
            told(text)
                .into_iter()
                .filter(|(_, lemma, _)| *lemma == "fire")
                .map(|(_, _, class)| class)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            classes(
                "Hawks fire Dahl after five losses\n\nThe club will fire coach Ole Dahl today. Acme \
                 fires chief executive Lin Berg."
            ),
            [
                EventClass::Personnel,
                EventClass::Personnel,
                EventClass::Personnel
            ]
        );
        let burns = classes(
            "Fire chief Ann Lie said the fire Tuesday destroyed a barn. Fire Marshal Per Ek came.",
        );
        assert!(
            !burns.is_empty() && !burns.contains(&EventClass::Personnel),
            "{burns:?}"
        );
    }

    #[test]
    fn idioms_tell_a_shooting_and_a_death() {
        let text = "A gunman opened fire at the depot. The guard passed away on Sunday.";
        assert_eq!(
            told(text),
            vec![
                ("opened fire", "shoot", EventClass::Attack),
                ("passed away", "die", EventClass::Death)
            ]
        );
    }

    #[test]
    fn an_irregular_past_is_named_as_its_progressive_and_a_van_that_caught_fire_burned() {
        let text = "A worker fell from the crane. Witnesses saw him falling. The van caught fire.";
        assert_eq!(
            told(text),
            vec![
                ("fell", "fall", EventClass::Other),
                ("falling", "fall", EventClass::Other),
                ("caught fire", "fire", EventClass::Disaster)
            ]
        );
    }

    #[test]
    fn an_escape_is_a_flight_and_a_foiled_plot_a_thwarted_one() {
        let text = "Two inmates escaped from the jail. Guards saw them fleeing. Police foiled a robbery \
                    plot. Officers thwarted a second plot.";
        let words: Vec<(&str, &str)> = told(text).into_iter().map(|(t, w, _)| (t, w)).collect();
        assert_eq!(
            words,
            vec![
                ("escaped", "escape"),
                ("fleeing", "escape"),
                ("foiled", "thwart"),
                ("robbery", "rob"),
                ("thwarted", "thwart")
            ]
        );
    }

    #[test]
    fn hit_and_struck_are_one_word() {
        for text in [
            "A van hit a cyclist in Oslo.",
            "A van struck a cyclist in Oslo.",
        ] {
            let words: Vec<(&str, EventClass)> =
                told(text).into_iter().map(|(_, w, c)| (w, c)).collect();
            assert_eq!(words, vec![("strike", EventClass::Attack)], "{text}");
        }
    }

    #[test]
    fn a_date_that_bounds_a_span_is_not_the_events_day() {
        let text = "The Falcons won the cup on Sunday, their first win since 1998.";
        let f = analyse(text, 0);
        let day_of = |word: &str| {
            event_at(&f, text, word)
                .date()
                .map(|i| f.dates[i].text(text).to_string())
        };
        assert_eq!(day_of("won"), Some("Sunday".to_string()));
        assert_eq!(day_of("win"), Some("Sunday".to_string()), "not since 1998");
    }

    #[test]
    fn a_date_before_another_clause_is_not_its_events_day() {
        let text = "The coach returns to work on Monday after months away battling cancer.";
        let f = analyse(text, 0);
        assert_eq!(
            event_at(&f, text, "battling").date(),
            None,
            "Monday is the return's"
        );
    }

    #[test]
    fn compound_modifiers_and_planned_events() {
        let text = "After the Oslo summit, the minister is set to travel to Paris next week.";
        let f = analyse(text, 0);
        let summit = &f.events[0];
        assert_eq!(
            &text[summit.span.get().start..summit.span.get().end],
            "Oslo summit"
        );
        assert!(summit.definite);
        let travel = f
            .events
            .iter()
            .find(|e| e.lemma.as_str() == "travel")
            .unwrap();
        assert_eq!(travel.modality, Modality::Irrealis);
        assert_eq!(f.places[travel.place().unwrap()].name.as_str(), "Paris");
    }

    #[test]
    fn a_player_put_on_injured_reserve_is_a_roster_move_not_an_injury() {
        let text = "The Otters placed winger Tomas Brandt on injured reserve with a knee injury. \
                    Brandt joins Ivo Lenz on the disabled list. The club put a third winger on IR.";
        let f = analyse(text, 0);
        let reserve = event_at(&f, text, "injured reserve");
        assert_eq!(
            (reserve.lemma.as_str(), reserve.class),
            ("injured reserve", EventClass::Personnel)
        );
        let list = event_at(&f, text, "disabled list");
        assert_eq!(list.lemma.as_str(), "injured reserve");
        assert_eq!(event_at(&f, text, "IR").lemma.as_str(), "injured reserve");
        let injury = event_at(&f, text, "injury");
        assert_eq!(
            (injury.lemma.as_str(), injury.class),
            ("injure", EventClass::Health)
        );
    }

    #[test]
    fn gatherings_ceremonies_and_drunk_driving_are_events_and_political_parties_are_not() {
        let text = "A gunman opened fire at the office Christmas party. The Green Party won seats. \
                    Mara Quill will host the Academy Awards, the second time she presents the Oscars. \
                    The striker was arrested on suspicion of DUI after a crash blamed on drunk driving.";
        let f = analyse(text, 0);
        assert_eq!(event_at(&f, text, "party").lemma.as_str(), "party");
        assert!(
            f.events
                .iter()
                .filter(|e| e.lemma.as_str() == "party")
                .count()
                == 1,
            "the Green Party is no gathering"
        );
        assert_eq!(
            event_at(&f, text, "Academy Awards").lemma.as_str(),
            "oscars"
        );
        assert_eq!(event_at(&f, text, "Oscars").lemma.as_str(), "oscars");
        assert!(
            f.actors.iter().all(|a| !a.name.contains("Oscars")),
            "the Oscars are no team"
        );
        assert_eq!(event_at(&f, text, "DUI").lemma.as_str(), "dui");
        assert_eq!(event_at(&f, text, "drunk driving").lemma.as_str(), "dui");
    }

    #[test]
    fn phone_calls_are_calls_and_calls_for_support_are_not_events() {
        let f = analyse(
            "He held a phone call with the mayor. Calls for support grew.",
            0,
        );
        assert_eq!(f.events.len(), 1);
        assert_eq!(f.events[0].class, EventClass::Call);
    }
}
