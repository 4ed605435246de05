//! Actors and places: capitalised runs split into titles, places, organisations and names; people by first
//! name or title, organisations by lexicon, suffix or context; roles from titles ("Kremlin spokesman Dmitry
//! Peskov") and appositions ("Andriy Yermak, the head of …"); quotes attributed to their speaker.

use super::lexicon::{Lexicon, lexicon};
use super::text::{Doc, NAME_ADJECTIVES};
use super::tokens::TokKind;
use super::word_list::WordList;
use super::{ActorKind, ActorMention, ActorRule, PlaceMention, Quote, Role, Span};
use rustc_hash::FxHashSet;

/// Capitalised acronyms that are no organisation: offences, titles, degrees ("MD"), diseases, things, a
/// team's injured reserve list and positions ("placed on IR", "QB").
static NOT_ORG_ACRONYMS: WordList = WordList::new(&[
    "DUI", "DWI", "OWI", "CEO", "CFO", "COO", "CTO", "MVP", "DNA", "HIV", "AIDS", "TV", "GPS",
    "PM", "AM", "OK", "FAQ", "ID", "IQ", "VIP", "RIP", "ATM", "SUV", "CCTV", "PTSD", "ADHD", "MRI",
    "ICU", "ER", "CPR", "GDP", "CEOS", "LOL", "OMG", "PDF", "USB", "AI", "IR", "QB", "RB", "WR",
    "TD", "RBI", "ERA", "MD", "PHD", "MBA", "RN", "DDS", "JD", "ESQ",
]);

/// Adjectives of a faith or a movement, capitalised as a name is ("Islamic fighters", "anti-Islamic",
/// "Sunni militias"): alone, no one's name. (Some open a name: "Christian Bale" is found by his first
/// name, "Islamic State" by the lexicon.)
static BELIEF_ADJECTIVES: WordList = WordList::new(&[
    "islamic",
    "islamist",
    "jihadist",
    "muslim",
    "christian",
    "jewish",
    "catholic",
    "protestant",
    "evangelical",
    "orthodox",
    "sunni",
    "shia",
    "shiite",
    "hindu",
    "buddhist",
    "sikh",
    "zionist",
]);

/// Adjectives of a region or a people that no country's demonym is ("the Central Asian nation", "West
/// African states"): like a demonym, no part of a name.
static REGION_ADJECTIVES: WordList = WordList::new(&[
    "asian",
    "african",
    "european",
    "arab",
    "arabian",
    "latin",
    "scandinavian",
    "caribbean",
    "balkan",
    "baltic",
    "nordic",
    "mediterranean",
    "hispanic",
    "latino",
    "slavic",
    "polynesian",
]);

/// Actors and places found in an article.
pub struct Found {
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
}

/// Clock words that follow a time and are written in capitals: "11 AM EDT" names no one.
static CLOCK_WORDS: WordList = WordList::new(&[
    "am", "pm", "a.m.", "p.m.", "et", "pt", "ct", "mt", "edt", "est", "pdt", "pst", "cdt", "cst",
    "mdt", "mst", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest",
]);

/// Words that open a place's name ("San Diego", "Fort Hood", "Mount Pleasant"): the word after one is no
/// first name.
static PLACE_OPENERS: WordList = WordList::new(&[
    "san", "santa", "los", "las", "fort", "port", "mount", "lake", "cape", "rue",
]);

/// Words that end a place's name ("Sterling Heights", "Newport Beach", "Hawaiian Gardens", "Tasman
/// Glacier", "Nile Delta").
static PLACE_ENDINGS: WordList = WordList::new(&[
    "heights",
    "beach",
    "springs",
    "hills",
    "gardens",
    "township",
    "village",
    "city",
    "county",
    "glacier",
    "glaciers",
    "ridge",
    "delta",
    "peak",
    "peaks",
    "creek",
    "bay",
    "harbour",
    "harbor",
    "valley",
    "canyon",
    "island",
    "islands",
    "river",
    "mountains",
    "peninsula",
    "desert",
    "coast",
]);

/// Whether a capitalised word is a plural name ("Chargers", "Saints", "Red Sox"): after a place it names a
/// team or a group, not a person.
pub fn plural_name(w: &str) -> bool {
    w == "sox"
        || (w.chars().count() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

pub static PARTICLES: WordList = WordList::new(&[
    "al", "bin", "ibn", "de", "van", "von", "da", "del", "der", "du", "di", "el", "ben", "la",
    "le", "dos",
]);

/// Whether token `j` is a hyphen inside the name that runs from token `from`: joined to the word before
/// it and to a word after it that is capitalised ("Smith-Jones", "Jong-Un"; on the name's first word
/// only when more of the name follows, "Jean-Pierre Lemaire", not "Trump-Putin", or when it is an
/// organisation's word, "Journal-Constitution") or, after the name's
/// first word, a syllable of up to three letters ("Kim Jong-un"; not "Obama-era", nor a dash written as a
/// hyphen before a function word: "a Vancouver man-Eric Allen Kirkpatrick-was charged").
fn hyphen_within_name(doc: &Doc, from: usize, j: usize) -> bool {
    if !(joining_hyphen(doc, j) && doc.toks[j + 1].is_word()) {
        return false;
    }
    let tail = &doc.lower[j + 1];
    let first_word = j - 1 == from;
    // on the first word, only when more of the name follows: "Jean-Pierre Lemaire", not the
    // "Trump-Putin summit" of two names
    let more = doc
        .toks
        .get(j + 2)
        .is_some_and(|t| t.space_before && doc.is_cap(j + 2));
    // (an organisation's word opens a name of two: "the Journal-Constitution", "the Times-Picayune")
    let org_head = org_head_before_hyphen(doc, lexicon(), j - 1);
    (doc.is_cap(j + 1) && (!first_word || more || org_head))
        || (!first_word
            && tail.chars().count() <= 3
            && tail.chars().all(char::is_alphabetic)
            && !COMPOUND_TAILS.contains(tail)
            && !lexicon().function_words.contains(tail))
}

/// Whether token `j` is a hyphen joined to the tokens on both sides of it ("Smith-Jones", not "Smith -
/// Jones").
fn joining_hyphen(doc: &Doc, j: usize) -> bool {
    let joined = |k: usize| doc.toks.get(k).is_some_and(|t| !t.space_before);
    doc.is_punct(j, "-") && joined(j) && joined(j + 1)
}

/// Whether an organisation's word is joined by a hyphen to the next one between tokens `from` and `to`
/// ("The Atlanta Journal-Constitution", "the Times-Picayune"): the name is an organisation's.
fn org_head_hyphened(doc: &Doc, lex: &Lexicon, from: usize, to: usize) -> bool {
    (from..to.saturating_sub(2)).any(|k| org_head_before_hyphen(doc, lex, k))
}

/// Whether token `k` is an organisation's word joined by a hyphen to a name ("Journal-Constitution"; not
/// "Court-Ordered", a participle).
fn org_head_before_hyphen(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    lex.org_heads.contains(&doc.lower[k])
        && joining_hyphen(doc, k + 1)
        && doc.is_cap(k + 2)
        && !doc.lower[k + 2].ends_with("ed")
        && !doc.lower[k + 2].ends_with("ing")
}

/// Lower-case words that end a compound after a name, not a syllable of it ("Obama-era", "Saudi-led").
static COMPOUND_TAILS: WordList = WordList::new(&["era", "led", "run", "age", "ish", "old", "ite"]);

/// Whether token `k` is a particle with a hyphen joined to it ("al-", "Ben-"), opening what follows.
fn hyphen_after_particle(doc: &Doc, k: usize) -> bool {
    doc.lower_in(k, &PARTICLES)
        && doc.is_punct(k + 1, "-")
        && doc.toks.get(k + 1).is_some_and(|t| !t.space_before)
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Seg {
    Place(&'static str),
    Org,
    Role,
    Demonym,
    Skip,
    Other,
}

/// Longest lexicon phrase starting at token `i` within `[i, end)`, as (tokens, value).
fn longest<'l, V>(
    doc: &Doc,
    i: usize,
    end: usize,
    max: usize,
    table: &'l rustc_hash::FxHashMap<String, V>,
) -> Option<(usize, &'l V)> {
    let mut key = String::new();
    let mut best = None;
    let mut words = 0;
    let mut k = i;
    while k < end && words < max + 2 {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&doc.lower[k]);
        if doc.toks[k].is_word() {
            words += 1;
        }
        if let Some(v) = table.get(&key) {
            best = Some((k + 1 - i, v));
        }
        k += 1;
    }
    best
}

/// Whether the word at `i` is a first name (though the gazetteer knows it as a place too) followed, in the
/// same capitalised run, by a word that can be a surname: no place, organisation, role or head of a
/// thing's name ("Milan Tedal", not "Georgia State" or "Victoria Station").
fn first_name_before_name(doc: &Doc, lex: &Lexicon, i: usize, to: usize) -> bool {
    let next = i + 1;
    next < to && lex.first_names.contains(&doc.lower[i]) && doc.toks[next].is_word() && {
        let w = &doc.lower[next];
        !lex.knows_as_no_name(w)
            && !lex.org_heads.contains(w)
            && !lex.non_person_heads.contains(w)
            && !lex.months.contains_key(w)
    }
}

/// Whether the word at `i` (which the gazetteer knows as a place) ends a run where a first name comes
/// right before it, after nothing but a title: "Elena Berlin", "Foreign Minister Elena Berlin", "Jack
/// London" (not "George Washington University", nor "in Paris").
fn surname_after_first_name(doc: &Doc, lex: &Lexicon, from: usize, i: usize, to: usize) -> bool {
    let title = |k: usize| {
        let w = &doc.lower[k];
        lex.person_roles.contains(w) || lex.role_modifiers.contains(w)
    };
    i > from
        && i + 1 == to
        && lex.first_names.contains(&doc.lower[i - 1])
        && !lex.places.contains_key(&doc.lower[i - 1])
        && (from..i - 1).all(title)
}

fn segment(doc: &Doc, lex: &Lexicon, from: usize, to: usize) -> Vec<(usize, usize, Seg)> {
    let mut segs = Vec::new();
    let mut i = from;
    while i < to {
        // a particle joined to a name ("al-Baghdadi") is part of it, whatever else the word may be ("AL"),
        // and so is a word joined to a name by a hyphen ("Kim Jong-Un": no United Nations), unless a role
        // or a demonym ("Vice-President", "Israeli-Canadian")
        let after_hyphen = i > from
            && joining_hyphen(doc, i - 1)
            && !lex.person_roles.contains(&doc.lower[i])
            && !lex.role_modifiers.contains(&doc.lower[i])
            && !lex.demonyms.contains_key(&doc.lower[i]);
        if hyphen_after_particle(doc, i)
            || after_hyphen
            || (!doc.toks[i].is_word() && doc.toks[i].kind != TokKind::Number)
        {
            segs.push((i, i + 1, Seg::Other));
            i += 1;
            continue;
        }
        // a short acronym names its organisation in capitals ("UN", "U.N."), not as a syllable of a name
        // ("Kim Jong Un")
        let org = longest(doc, i, to, lex.org_max_tokens, &lex.orgs).filter(|&(len, _)| {
            len > 1 || doc.toks[i].is_all_caps() || doc.lower[i].chars().count() > 3
        });
        let place = longest(doc, i, to, lex.place_max_tokens, &lex.places);
        // a holiday ("Victory Day") or an event known by its name ("the Super Bowl"): no one's name
        let day_or_event = longest(doc, i, to, 3, &lex.holidays)
            .map(|(len, _)| len)
            .or_else(|| {
                longest(doc, i, to, lex.named_event_max_tokens, &lex.named_events).map(|(l, _)| l)
            });
        let w = &doc.lower[i];
        let (len, seg) = match (org, place) {
            // "Milan Kundera", "Georgia Meloni": a place that is also a first name, followed by a name
            (None, Some((1, _))) if first_name_before_name(doc, lex, i, to) => (1, Seg::Other),
            // "Elena Berlin", "Jack London": a city that ends a run opened by a first name is a surname
            (None, Some((1, _))) if surname_after_first_name(doc, lex, from, i, to) => {
                (1, Seg::Other)
            }
            (Some((lo, _)), Some((lp, p))) if lp > lo => (lp, Seg::Place(p.name)),
            (Some((lo, _)), _) => (lo, Seg::Org),
            (None, Some((lp, p))) => (lp, Seg::Place(p.name)),
            (None, None) => {
                if let Some(len) = day_or_event {
                    (len, Seg::Skip)
                } else if lex.months.contains_key(w)
                    || lex.weekdays.contains_key(w)
                    || CLOCK_WORDS.contains(w)
                    || is_roman(doc.tok_text(i))
                {
                    (1, Seg::Skip)
                } else if lex.demonyms.contains_key(w) || REGION_ADJECTIVES.contains(w) {
                    (1, Seg::Demonym)
                } else if (lex.person_roles.contains(w) || lex.role_modifiers.contains(w))
                    && !lex.first_names.contains(w)
                {
                    (1, Seg::Role)
                } else {
                    (1, Seg::Other)
                }
            }
        };
        segs.push((i, i + len, seg));
        i += len;
    }
    segs
}

/// Capitalised nouns that, after a possessive, make a business or an institution named for someone ("Sam's
/// Club", "Denny's Restaurant", "St. Mary's Hospital"): no person.
static BUSINESS_HEADS: WordList = WordList::new(&[
    "club",
    "restaurant",
    "restaurants",
    "store",
    "stores",
    "bar",
    "pub",
    "grill",
    "diner",
    "cafe",
    "café",
    "bakery",
    "market",
    "pharmacy",
    "hospital",
    "clinic",
    "kitchen",
    "tavern",
    "inn",
    "motel",
    "hotel",
    "shop",
    "supermarket",
    "deli",
    "steakhouse",
    "pizzeria",
    "salon",
    "garage",
    "casino",
    "church",
    "cathedral",
    "school",
    "college",
]);

/// Whether a name ending before token `k` is the owner in a business's name: a possessive at `k` and a
/// capitalised [`BUSINESS_HEADS`] noun after it ("Sam's Club"); not a place's ("South Alabama's College
/// of Medicine" is the university's), nor a person's named in full ("Sarah Palin's Church"), nor in a
/// Title Case line, where every noun is capitalised ("Palin's Church Damaged In Fire").
fn business_after(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    // (the name may end the text: nothing after it then)
    k > 0
        && doc
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Possessive)
        && doc.toks.get(k + 1).is_some_and(|t| t.space_before)
        && doc.is_cap(k + 1)
        && doc.lower_in(k + 1, &BUSINESS_HEADS)
        && !lex.places_by_name.contains_key(doc.tok_text(k - 1))
        && !doc.title_case[doc.sent_of[k]]
        && !(k > 1 && doc.is_cap(k - 2) && lex.first_names.contains(&doc.lower[k - 2]))
}

/// Finds actor and place mentions.
pub fn find(doc: &Doc) -> Found {
    let lex = lexicon();
    let mut found = Found {
        actors: Vec::new(),
        places: Vec::new(),
    };
    for (si, s) in doc.sents.iter().enumerate() {
        // a line in capitals ("CULKIN IS THE LATEST VICTIM OF A HOAX") tells no name from a word: there,
        // only the words the article writes as names elsewhere, and known first names, are names
        let shout = shouting(doc, si);
        let name_like = |k: usize| {
            doc.name_like(k)
                && (!shout || {
                    let w = &doc.lower[k];
                    doc.names_here.contains(w) || lex.first_names.contains(w)
                })
        };
        let mut i = s.first;
        while i < s.last {
            if !name_like(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            // where a designation ("Su-25", "F-16") begins: it names a thing, and the run ends before it
            let mut designation = None;
            while j < s.last {
                let t = doc.toks[j];
                if name_like(j) && t.space_before {
                    j += 1;
                } else if doc.is_punct(j, "-")
                    && !t.space_before
                    && doc.toks.get(j + 1).is_some_and(|n| !n.space_before)
                    && doc.toks[j + 1].kind == TokKind::Number
                {
                    designation = Some(j - 1);
                    j += 2;
                    break;
                } else if (doc.lower_in(j, &PARTICLES)
                    && t.space_before
                    && (doc.is_cap(j + 1) || (doc.is_punct(j + 1, "-") && doc.is_cap(j + 2))))
                    || (doc.is_punct(j, ".")
                        && doc.tok_text(j - 1).chars().count() == 1
                        && doc.is_cap(j - 1)
                        && doc.is_cap(j + 1))
                {
                    // a particle ("van", "al") or the period of an initial ("George W. Bush")
                    j += 1;
                } else if hyphen_within_name(doc, i, j) {
                    // a double-barrelled name or a syllable joined to a name: "Jean-Pierre",
                    // "Smith-Jones", "Kim Jong-un"
                    j += 2;
                } else if hyphen_after_particle(doc, j - 1)
                    && doc.is_cap(j + 1)
                    && doc.toks.get(j + 1).is_some_and(|n| !n.space_before)
                {
                    // a particle joined to the name it opens: "Abu Bakr al-Baghdadi", "Al-Baghdadi"
                    j += 2;
                } else {
                    break;
                }
            }
            let end = designation.unwrap_or(j);
            if designation.is_none() && business_after(doc, lex, end) {
                // "the Sam's Club", "Bloomington Sam's Club": a business named for its owner (and
                // "St. Mary's Hospital" for a saint)
                let mut owner = end - 1;
                if owner > i && doc.lower_is(owner - 1, &["saint"]) {
                    owner -= 1;
                } else if owner >= 2
                    && doc.is_punct(owner - 1, ".")
                    && doc.lower_is(owner - 2, &["st"])
                {
                    owner -= 2;
                }
                if owner > i {
                    process_run(doc, lex, si, i, owner, &mut found);
                }
                // (the "St" before the period, a run of its own, is the saint's)
                let from = doc.toks[owner].start;
                if found.actors.last().is_some_and(|a| a.span.start >= from) {
                    found.actors.pop();
                }
                let b = end + 2;
                push_actor(
                    doc,
                    &mut found,
                    si,
                    owner,
                    b,
                    ActorKind::Organization,
                    ActorRule::OrganisationHeadWord,
                );
                i = b;
                continue;
            }
            if end > i {
                process_run(doc, lex, si, i, end, &mut found);
            }
            i = j;
        }
        // names that start with a lower-case particle: al-Baghdadi; in a Title Case line, with the
        // given names before it ("Leader Abu Bakr al-Baghdadi Wounded"), which no capital tells there
        for k in s.first..s.last.saturating_sub(2) {
            let given = if doc.title_case[si] {
                given_names_before(doc, lex, s.first, k)
            } else {
                k
            };
            if hyphen_after_particle(doc, k)
                && doc.is_cap(k + 2)
                && (k == s.first || !doc.is_cap(k - 1) || doc.title_case[si])
            {
                let span = Span::new(doc.toks[given].start, doc.toks[k + 2].end);
                if !found
                    .actors
                    .iter()
                    .rev()
                    .take_while(|a| a.sentence as usize == si)
                    .any(|a| a.span.start <= span.start && span.end <= a.span.end)
                {
                    // (the particle name a known first name made alone, "Al-Baghdadi", is part of it;
                    // only this sentence's actors, the last ones, are looked at)
                    let here = found.actors.iter().rposition(|a| a.sentence as usize != si);
                    let mut this_sentence = found.actors.split_off(here.map_or(0, |x| x + 1));
                    this_sentence
                        .retain(|a| !(span.start <= a.span.start && a.span.end <= span.end));
                    found.actors.append(&mut this_sentence);
                    found.actors.push(ActorMention {
                        span,
                        name: doc.text[span.start..span.end].into(),
                        kind: ActorKind::Unknown,
                        roles: Box::default(),
                        sentence: si as u32,
                        rule: ActorRule::ParticleName,
                    });
                }
            }
        }
    }
    surnames_are_not_places(doc, lex, &mut found);
    names_after_the(doc, lex, &mut found);
    names_in_title_case(doc, lex, &mut found);
    names_around_nicknames(doc, lex, &mut found);
    found.actors.sort_by_key(|a| a.span.start);
    found
}

/// A nickname in quotation marks between a known first name and a surname ("Vincent “The Chin”
/// Gigante", "Anthony 'Fat Tony' Salerno") is inside the name: the person is the first name and the
/// surname ("Vincent Gigante"), over what the runs the marks broke had made of them (a first name alone,
/// the surname alone, the nickname a title of its own).
fn names_around_nicknames(doc: &Doc, lex: &Lexicon, found: &mut Found) {
    const OPEN: &[&str] = &["\"", "“", "‘", "'"];
    const CLOSE: &[&str] = &["\"", "”", "’", "'"];
    let mut made = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        for k in s.first..s.last.saturating_sub(4) {
            // (a first name that ends a name already read is a surname: "Gary Ross ‘Catching Fire’")
            let from = doc.toks[k].start;
            if !(doc.is_cap(k)
                && lex.first_names.contains(&doc.lower[k])
                && OPEN.contains(&doc.tok_text(k + 1)))
                || found
                    .actors
                    .iter()
                    .any(|a| a.span.start < from && from < a.span.end)
            {
                continue;
            }
            // the nickname: one to three capitalised words, closed
            let Some(close) =
                (k + 3..(k + 6).min(s.last)).find(|&c| CLOSE.contains(&doc.tok_text(c)))
            else {
                continue;
            };
            if !(k + 2..close).all(|j| doc.toks[j].is_word() && doc.is_cap(j)) {
                continue;
            }
            // the surname: one or two capitalised words after it (one in a Title Case line, where the
            // next may be a verb: "Vincent ‘The Chin’ Gigante Dies")
            let most = if doc.title_case[si] { 1 } else { 2 };
            let mut end = close + 1;
            while end < s.last
                && end - close <= most
                && doc.toks[end].is_word()
                && doc.is_cap(end)
                && !lex.function_words.contains(&doc.lower[end])
            {
                end += 1;
            }
            if end == close + 1 {
                continue;
            }
            let span = Span::new(doc.toks[k].start, doc.toks[end - 1].end);
            let surname = &doc.text[doc.toks[close + 1].start..doc.toks[end - 1].end];
            // the nickname, as the article states it: a role the hover lists ("known as “The Chin”")
            let nickname = Span::new(doc.toks[k + 2].start, doc.toks[close - 1].end);
            let known_as = Role {
                text: format!("known as “{}”", &doc.text[nickname.start..nickname.end]),
                span: nickname,
                pattern: "nickname",
            };
            let roles: Vec<Role> = title_role(doc, k, ActorKind::Person)
                .into_iter()
                .chain(apposition_role(doc, end, ActorKind::Person))
                .filter(|r| !only_honorific(r))
                .chain(std::iter::once(known_as))
                .collect();
            made.push(ActorMention {
                span,
                name: format!("{} {surname}", doc.tok_text(k)).into(),
                kind: ActorKind::Person,
                roles: roles.into_boxed_slice(),
                sentence: si as u32,
                rule: ActorRule::KnownFirstName,
            });
        }
    }
    for m in made {
        found
            .actors
            .retain(|a| a.span.end <= m.span.start || a.span.start >= m.span.end);
        found.actors.push(m);
    }
}

/// Where the given names before a particle name at token `k` begin in a Title Case line ("Abu Bakr" of
/// "Leader Abu Bakr al-Baghdadi Wounded"): up to two capitalised words before it that are no role, no
/// function word, no demonym, no place or organisation, no event word, and that the article never writes
/// in lower case. `k` itself when there are none.
fn given_names_before(doc: &Doc, lex: &Lexicon, first: usize, k: usize) -> usize {
    let mut start = k;
    while start > first && k - start < 2 {
        let j = start - 1;
        let w = &doc.lower[j];
        let given = doc.toks[j].is_word()
            && doc.is_cap(j)
            && !lex.knows_as_no_name(w)
            && !lex.role_modifiers.contains(w)
            && !lex.org_roles.contains(w)
            && !lex.demonyms.contains_key(w)
            && !lex.triggers.contains_key(w)
            && !doc.lower_here.contains(w);
        if !given {
            break;
        }
        start = j;
    }
    start
}

/// "Kraft Shooting: Yvonne Hiller Charged With Murder": in a Title Case line every word is capitalised, so
/// only the article's other sentences tell a name from the words around it. The names found there (of two
/// words or more) and the surnames of the people among them are those actors in its Title Case lines too;
/// a run read there as a name that holds one and more words ("Michael Brown Shooting") is cut to the name.
fn names_in_title_case(doc: &Doc, lex: &Lexicon, found: &mut Found) {
    if !doc.title_case.iter().any(|&t| t) {
        return;
    }
    let mut known: rustc_hash::FxHashMap<Vec<&str>, ActorKind> = rustc_hash::FxHashMap::default();
    for a in found
        .actors
        .iter()
        .filter(|a| !doc.title_case[a.sentence as usize])
    {
        let toks = doc.tokens_within(a.span);
        let words: Vec<&str> = toks.clone().map(|k| &doc.lower[k]).collect();
        let word_count = toks.clone().filter(|&k| doc.toks[k].is_word()).count();
        if word_count >= 2 {
            known.entry(words.clone()).or_insert(a.kind);
            let last = toks.end - 1;
            let surname = &doc.lower[last];
            if a.kind == ActorKind::Person
                && doc.toks[last].is_word()
                && surname.chars().count() >= 3
                && !lex.function_words.contains(surname)
            {
                known.entry(vec![surname]).or_insert(ActorKind::Person);
            }
        }
    }
    if known.is_empty() {
        return;
    }
    let longest = known.keys().map(Vec::len).max().unwrap_or(0);
    let mut add: Vec<(usize, usize, usize, ActorKind)> = Vec::new();
    let mut cut: Vec<usize> = Vec::new();
    for (si, s) in doc.sents.iter().enumerate() {
        if !doc.title_case[si] {
            continue;
        }
        let mut i = s.first;
        while i < s.last {
            let hit = (1..=longest.min(s.last - i)).rev().find_map(|n| {
                let words: Vec<&str> = (i..i + n).map(|k| &doc.lower[k]).collect();
                let kind = *known.get(&words)?;
                // a surname alone, not after another first name ("Chris Brown" is not Michael Brown)
                let alone_after_first_name =
                    n == 1 && i > s.first && lex.first_names.contains(&doc.lower[i - 1]);
                (doc.is_cap(i) && !alone_after_first_name).then_some((n, kind))
            });
            let Some((n, kind)) = hit else {
                i += 1;
                continue;
            };
            let span = Span::new(doc.toks[i].start, doc.toks[i + n - 1].end);
            let overlapping: Vec<usize> = (found.actors.iter().enumerate())
                .filter(|(_, a)| a.span.start < span.end && span.start < a.span.end)
                .map(|(x, _)| x)
                .collect();
            let in_place = found.places.iter().any(|p| {
                let ps = p.span.get();
                ps.start < span.end && span.start < ps.end
            });
            let holds_more = |x: usize| {
                let a = &found.actors[x];
                a.span.start <= span.start && span.end <= a.span.end && a.span != span && {
                    let words: Vec<&str> =
                        doc.tokens_within(a.span).map(|k| &doc.lower[k]).collect();
                    !known.contains_key(&words)
                }
            };
            match overlapping.as_slice() {
                [] if !in_place => add.push((si, i, i + n, kind)),
                &[x] if holds_more(x) => {
                    cut.push(x);
                    add.push((si, i, i + n, kind));
                }
                _ => {}
            }
            i += n;
        }
    }
    let mut k = 0;
    found.actors.retain(|_| {
        k += 1;
        !cut.contains(&(k - 1))
    });
    for (si, a, b, kind) in add {
        push_actor(doc, found, si, a, b, kind, ActorRule::NamedElsewhere);
    }
}

/// "the Tar Heels", "the Golden Compass", "Internet Explorer 8": a name of two words or more that no first
/// name or title made a person's, written after "the" or before a version number somewhere in the
/// article, names a team, a group or a thing, not a person — at each of its mentions. It is an
/// organisation when its last word is plural ("the Purple Aces"), else no actor (a film, a product, a
/// shop) — unless a title, an apposition or a known first name makes it a person's at another mention. A
/// name the gazetteer does not know, read as a place after a locative ("in Internet Explorer 8"), is no
/// place when a version follows it.
fn names_after_the(doc: &Doc, lex: &Lexicon, found: &mut Found) {
    let capitalised_name = |a: &ActorMention| a.rule == ActorRule::CapitalisedName;
    let unknown_place = |p: &PlaceMention| {
        p.name.as_str().contains(' ') && !lex.places_by_name.contains_key(p.name.as_str())
    };
    let mut things: Vec<String> = Vec::new();
    let mut note = |name: &str| {
        let name = name.to_lowercase();
        if !things.contains(&name) {
            things.push(name);
        }
    };
    for a in found.actors.iter().filter(|a| capitalised_name(a)) {
        let toks = doc.tokens_within(a.span);
        if (toks.start > 0 && doc.lower_is(toks.start - 1, &["the"]))
            || version_at(doc, toks.end)
            || after_work_noun(doc, toks.start)
        {
            note(&a.name);
        }
    }
    for p in found.places.iter().filter(|p| unknown_place(p)) {
        if version_at(doc, doc.tokens_within(p.span.get()).end) {
            note(p.name.as_str());
        }
    }
    // a name the article gives someone with a title or an apposition stays theirs ("Bettie Page, the
    // pin-up model", also in "the Bettie Page mystique")
    for a in found.actors.iter() {
        if a.kind == ActorKind::Person && !capitalised_name(a) {
            let name = a.name.to_lowercase();
            things.retain(|t| *t != name);
        }
    }
    if things.is_empty() {
        return;
    }
    found
        .places
        .retain(|p| !(unknown_place(p) && things.contains(&p.name.as_str().to_lowercase())));
    found.actors.retain_mut(|a| {
        if !(capitalised_name(a) && things.contains(&a.name.to_lowercase())) {
            return true;
        }
        let last = a.name.rsplit(' ').next().unwrap_or_default().to_lowercase();
        a.kind = ActorKind::Organization;
        a.rule = ActorRule::NameAfterThe;
        plural_name(&last)
    });
}

/// Nouns of works that name the title after them ("the sequel, Catching Fire", "the film Silent Tide").
static WORK_NOUNS: WordList = WordList::new(&[
    "sequel",
    "prequel",
    "film",
    "movie",
    "book",
    "novel",
    "album",
    "song",
    "single",
    "documentary",
    "musical",
    "memoir",
    "series",
    "sitcom",
    "franchise",
    "trilogy",
]);

/// Whether the name starting at token `k` follows a [`WORK_NOUNS`] noun, with or without a comma: a
/// title, no one's name.
fn after_work_noun(doc: &Doc, k: usize) -> bool {
    let before = if k > 0 && doc.is_punct(k - 1, ",") {
        k - 1
    } else {
        k
    };
    before > 0 && doc.lower_in(before - 1, &WORK_NOUNS)
}

/// Whether token `k` is a version number right after a name ("Internet Explorer 8", "Windows 7"): a
/// number alone in the name's sentence, not a score or a record ("Klitschko 19-2", "Ford 2,290").
fn version_at(doc: &Doc, k: usize) -> bool {
    k > 0
        && doc
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Number && t.space_before)
        && doc
            .tok_text(k)
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && doc.sent_of[k] == doc.sent_of[k - 1]
        && doc
            .toks
            .get(k + 1)
            .is_none_or(|t| t.space_before || !doc.is_punct(k + 1, "-"))
}

/// "at Nichols' parents", "interest in Teixeira": one word the gazetteer does not know, after a locative,
/// that is the surname of someone the article names ("Brian Nichols") is that person, not a place.
fn surnames_are_not_places(doc: &Doc, lex: &Lexicon, found: &mut Found) {
    // one word the gazetteer does not know: rare, so most articles stop here
    let unknown_word = |p: &PlaceMention| {
        let name = p.name.as_str();
        !name.contains(' ') && !lex.places_by_name.contains_key(name)
    };
    if !found.places.iter().any(unknown_word) {
        return;
    }
    let surnames: FxHashSet<String> = found
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .filter_map(|a| a.name.rsplit_once(' ').map(|(_, last)| last.to_lowercase()))
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut people = Vec::new();
    found.places.retain(|p| {
        let theirs = unknown_word(p) && surnames.contains(&p.name.as_str().to_lowercase());
        if theirs {
            let span = p.span.get();
            people.push(ActorMention {
                span,
                name: doc.text[span.start..span.end].into(),
                kind: ActorKind::Unknown,
                roles: Box::default(),
                sentence: p.sentence,
                rule: ActorRule::CapitalisedWord,
            });
        }
        !theirs
    });
    found.actors.extend(people);
}

/// Whether a sentence is written in capitals: at least four words of two letters or more, nearly all
/// (85 %) in capitals.
fn shouting(doc: &Doc, si: usize) -> bool {
    let s = doc.sents[si];
    let words: Vec<bool> = (s.first..s.last)
        .filter(|&k| doc.toks[k].has_two_letters())
        .map(|k| doc.toks[k].is_all_caps())
        .collect();
    let caps = words.iter().filter(|&&c| c).count();
    words.len() >= 4 && caps * 100 >= words.len() * 85
}

fn process_run(doc: &Doc, lex: &Lexicon, si: usize, from: usize, to: usize, found: &mut Found) {
    let segs = segment(doc, lex, from, to);
    let mut k = 0;
    while k < segs.len() {
        let (a, b, seg) = segs[k];
        match seg {
            Seg::Place(name) => {
                // a place opening an organisation's name: "Baltic Shipping Corporation"
                let mut m = k + 1;
                while m < segs.len() && segs[m].2 == Seg::Other {
                    m += 1;
                }
                // and a place with a plural name: a team or a group ("San Diego Chargers", "Boston Red Sox")
                let last = m
                    .checked_sub(1)
                    .filter(|&l| l > k)
                    .map(|l| &doc.lower[segs[l].1 - 1]);
                let hyphened =
                    m > k + 1 && org_head_hyphened(doc, lex, segs[k + 1].0, segs[m - 1].1);
                let rule = match last {
                    Some(w) if lex.org_heads.contains(w) || hyphened => {
                        Some(ActorRule::OrganisationHeadWord)
                    }
                    Some(w) if plural_name(w) => Some(ActorRule::PlaceAndPluralName),
                    _ => None,
                };
                if let Some(rule) = rule {
                    push_actor(
                        doc,
                        found,
                        si,
                        a,
                        segs[m - 1].1,
                        ActorKind::Organization,
                        rule,
                    );
                    k = m;
                    continue;
                }
                found.places.push(PlaceMention::new(
                    Span::new(doc.toks[a].start, doc.toks[b - 1].end),
                    name,
                    si,
                ));
                k += 1;
            }
            Seg::Org => {
                push_actor(
                    doc,
                    found,
                    si,
                    a,
                    b,
                    ActorKind::Organization,
                    ActorRule::OrganisationLexicon,
                );
                k += 1;
            }
            Seg::Other => {
                // a name core: consecutive Other segments
                let mut m = k;
                while m < segs.len() && segs[m].2 == Seg::Other {
                    m += 1;
                }
                let (mut cs, ce) = (segs[k].0, segs[m - 1].1);
                // skip leading hyphens / punctuation
                while cs < ce && !doc.toks[cs].is_word() {
                    cs += 1;
                }
                if cs < ce {
                    classify_core(doc, lex, si, cs, ce, found);
                }
                k = m;
            }
            Seg::Role | Seg::Demonym | Seg::Skip => {
                // an organisation whose head is a generic word: "Presidential Office", "Soviet Union"
                if seg != Seg::Skip
                    && let Some(&(_, hb, Seg::Other)) = segs.get(k + 1)
                    && hb == segs[k + 1].0 + 1
                    && lex.org_heads.contains(&doc.lower[segs[k + 1].0])
                    && segs.get(k + 2).is_none_or(|s| s.2 != Seg::Other)
                {
                    push_actor(
                        doc,
                        found,
                        si,
                        a,
                        hb,
                        ActorKind::Organization,
                        ActorRule::OrganisationHeadWord,
                    );
                    k += 2;
                    continue;
                }
                k += 1;
            }
        }
    }
}

fn push_actor(
    doc: &Doc,
    found: &mut Found,
    si: usize,
    a: usize,
    b: usize,
    kind: ActorKind,
    rule: ActorRule,
) {
    let span = Span::new(doc.toks[a].start, doc.toks[b - 1].end);
    let roles = match kind {
        ActorKind::Unknown => Vec::new(),
        _ => title_role(doc, a, kind)
            .into_iter()
            .chain(apposition_role(doc, b, kind))
            .filter(|r| !only_honorific(r))
            .collect(),
    };
    found.actors.push(ActorMention {
        span,
        name: doc.text[span.start..span.end].into(),
        kind,
        roles: roles.into_boxed_slice(),
        sentence: si as u32,
        rule,
    });
}

/// "in Gdansk", "at Porta Nuova": a capitalised name the gazetteer does not know, right after a locative
/// preposition, names a place when it does not start with a first name and is not someone's ("in Lohan's
/// case", "at Nichols' parents").
fn after_locative(doc: &Doc, lex: &Lexicon, cs: usize, ce: usize) -> bool {
    const LOCATIVE: &[&str] = &[
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
    ];
    cs > 0
        && doc.lower_is(cs - 1, LOCATIVE)
        && !lex.first_names.contains(&doc.lower[cs])
        && doc
            .toks
            .get(ce)
            .is_none_or(|t| t.kind != TokKind::Possessive)
        && !(doc.tok_text(ce - 1).ends_with(['s', 'S'])
            && doc.toks.get(ce).is_some_and(|t| {
                !t.space_before && doc.tok_text(ce).chars().all(super::tokens::is_apostrophe)
            }))
}

/// A place the gazetteer does not know, named as written.
fn push_place(doc: &Doc, found: &mut Found, si: usize, a: usize, b: usize) {
    let span = Span::new(doc.toks[a].start, doc.toks[b - 1].end);
    found.places.push(PlaceMention::new(
        span,
        super::intern::intern(&doc.text[span.start..span.end]),
        si,
    ));
}

fn classify_core(doc: &Doc, lex: &Lexicon, si: usize, cs: usize, ce: usize, found: &mut Found) {
    let words: Vec<usize> = (cs..ce).filter(|&i| doc.toks[i].is_word()).collect();
    let Some(&first) = words.first() else { return };
    let Some(&last) = words.last() else { return };
    let first_w = &doc.lower[first];
    let last_w = &doc.lower[last];
    // words in capitals inside a sentence in lower case are a headline's emphasis ("cops fire BEAN BAG
    // round", "Nun who GAVE BIRTH"), not a name, unless the lexicons know one of them or an
    // organisation's word ends them ("MARFIN EGNATIA BANK", "WCCO TV")
    if words.len() >= 2
        && !shouting(doc, si)
        && !lex.org_heads.contains(last_w)
        && words.iter().all(|&w| {
            let lw = &doc.lower[w];
            doc.toks[w].is_all_caps()
                && !lex.first_names.contains(lw)
                && !lex.orgs.contains_key(lw)
                && !lex.places.contains_key(lw)
        })
    {
        return;
    }
    // a ship, by the prefix before its name: its crew acts ("INS Sukanya intercepted the boats")
    if words.len() >= 2 && doc.toks[first].is_all_caps() && VESSEL_PREFIXES.contains(first_w) {
        push_actor(
            doc,
            found,
            si,
            cs,
            ce,
            ActorKind::Organization,
            ActorRule::Vessel,
        );
        return;
    }
    // a place the gazetteer does not know, by the word opening it ("San Diego", "Fort Hood"), and a team
    // named after one ("San Diego Chargers"); not an organisation's name ("Lake Placid Organizing
    // Committee")
    if words.len() >= 2 && PLACE_OPENERS.contains(first_w) && !lex.org_heads.contains(last_w) {
        if words.len() >= 3 && plural_name(last_w) {
            push_actor(
                doc,
                found,
                si,
                cs,
                ce,
                ActorKind::Organization,
                ActorRule::PlaceAndPluralName,
            );
        } else {
            push_place(doc, found, si, cs, ce);
        }
        return;
    }
    // a person whose first name is known: split off anything before it in the core
    // (a lower-case particle is no first name: "al" in "Abu Bakr al-Baghdadi")
    if let Some(pos) = words
        .iter()
        .position(|&w| lex.first_names.contains(&doc.lower[w]) && doc.is_cap(w))
    {
        // after a title, a word before the known first name is a first name the lexicon does not know
        // ("Nixon aide Jeb Stuart Magruder"), not something else the core names
        let unknown_first = pos == 1
            && words.len() >= 3
            && !doc.title_case[si]
            && !doc.toks[first].is_all_caps()
            && !plural_name(first_w)
            && !lex.person_roles.contains(first_w)
            && !lex.role_modifiers.contains(first_w)
            && !doc.lower_here.contains(first_w)
            && title_role(doc, cs, ActorKind::Person).is_some();
        let (pos, fstart) = if unknown_first {
            (0, first)
        } else {
            (pos, words[pos])
        };
        if words.len() - pos >= 2
            && !words[pos..].iter().any(|&w| {
                lex.non_person_heads.contains(&doc.lower[w])
                    || lex.org_heads.contains(&doc.lower[w])
            })
        {
            if pos > 0 {
                classify_core(doc, lex, si, cs, fstart, found);
            }
            push_actor(
                doc,
                found,
                si,
                fstart,
                ce,
                ActorKind::Person,
                ActorRule::KnownFirstName,
            );
            return;
        }
    }
    // "Sterling Heights", "Newport Beach": a place by the word ending it; "Aoraki Mount Cook": by a word
    // opening a place inside it, unless an organisation's word ends it ("Hallvik Lake Clinic")
    if words.len() >= 2
        && (PLACE_ENDINGS.contains(last_w)
            || (!lex.org_heads.contains(last_w)
                && words[1..words.len() - 1]
                    .iter()
                    .any(|&w| PLACE_OPENERS.contains(&doc.lower[w]))))
    {
        push_place(doc, found, si, cs, ce);
        return;
    }
    if words.len() >= 2 && (lex.org_heads.contains(last_w) || org_head_hyphened(doc, lex, cs, ce)) {
        push_actor(
            doc,
            found,
            si,
            cs,
            ce,
            ActorKind::Organization,
            ActorRule::OrganisationHeadWord,
        );
        return;
    }
    if words.len() >= 2 && after_locative(doc, lex, cs, ce) {
        push_place(doc, found, si, cs, ce);
        return;
    }
    if words
        .iter()
        .any(|&w| lex.non_person_heads.contains(&doc.lower[w]))
    {
        return;
    }
    // in a Title Case line a verb is capitalised too: "Analyst Confirms Launch" names no Confirms
    if words.len() == 1 && doc.title_case[si] && super::text::predicate_word(first_w) {
        return;
    }
    let prev_lower = cs.checked_sub(1).map(|p| &doc.lower[p]).unwrap_or("");
    if lex.org_roles.contains(prev_lower) {
        push_actor(
            doc,
            found,
            si,
            cs,
            ce,
            ActorKind::Organization,
            ActorRule::AfterOrganisationNoun,
        );
        return;
    }
    if words.len() == 1 {
        let t = doc.tok_text(first);
        if doc.toks[first].is_all_caps() && t.len() <= 6 {
            // "arrested on suspicion of DUI", "the CEO": acronyms of things and titles name no one
            if !NOT_ORG_ACRONYMS.contains(t) {
                push_actor(
                    doc,
                    found,
                    si,
                    cs,
                    ce,
                    ActorKind::Organization,
                    ActorRule::Acronym,
                );
            }
            return;
        }
        if lex.function_words.contains(first_w)
            || t.chars().count() < 2
            || BELIEF_ADJECTIVES.contains(first_w)
        {
            return;
        }
        let titled = title_role(doc, cs, ActorKind::Person).is_some();
        if !titled && after_locative(doc, lex, cs, ce) {
            push_place(doc, found, si, cs, ce);
            return;
        }
        // "the Tezel bridge", "a Varsa pipeline": a word naming a thing, not someone
        let names_a_thing = !titled
            && cs > 0
            && doc.lower_is(cs - 1, &["the", "a", "an"])
            && doc
                .toks
                .get(ce)
                .is_some_and(|t| t.is_word() && t.space_before && !doc.is_cap(ce))
            && !doc.lower_here.contains(first_w)
            && lex.things.contains(&doc.lower[ce]);
        if names_a_thing {
            return;
        }
        let kind = if titled {
            ActorKind::Person
        } else {
            ActorKind::Unknown
        };
        push_actor(
            doc,
            found,
            si,
            cs,
            ce,
            kind,
            if titled {
                ActorRule::TitleBeforeName
            } else {
                ActorRule::CapitalisedWord
            },
        );
        return;
    }
    // a title or an apposition says a person; so does an age or "who" after a name of two to four words,
    // wherever it stands (the opening word of a sentence is capitalised whatever it is: "Raj Chohan, 59,
    // of Queens, had parked", "Gaetano Lo Presti, who had been convicted")
    let said_a_person = if title_role(doc, cs, ActorKind::Person).is_some()
        || apposition_role(doc, ce, ActorKind::Person).is_some()
    {
        Some(ActorRule::TitleOrApposition)
    } else if (2..=4).contains(&words.len()) && !doc.title_case[si] && age_or_who_after(doc, ce) {
        Some(ActorRule::AgeOrWho)
    } else {
        None
    };
    if let Some(rule) = said_a_person {
        push_actor(doc, found, si, cs, ce, ActorKind::Person, rule);
        return;
    }
    // (a lower-case particle is part of a name: "Abu Bakr al-Baghdadi"; an adjective opening one is
    // written in lower case elsewhere too: "Big Vic Marlow", "a big loss")
    let all_names_here = words.iter().all(|&w| {
        let lower = &doc.lower[w];
        (doc.names_here.contains(lower)
            && (!doc.lower_here.contains(lower) || (w == first && NAME_ADJECTIVES.contains(lower))))
            || (!doc.is_cap(w) && doc.lower_in(w, &PARTICLES))
    });
    // an acronym opens the name of a thing or an organisation ("ADSL Internet connections", "MASN
    // Sports"), not a person's (two letters may be initials: "AJ Styles")
    let acronym_first = doc.toks[first].is_all_caps()
        && doc
            .tok_text(first)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 3
        && !lex.first_names.contains(&doc.lower[first]);
    if all_names_here
        && words.len() <= 4
        && !doc.title_case[si]
        && !in_quotes(doc, cs, ce)
        && !acronym_first
    {
        push_actor(
            doc,
            found,
            si,
            cs,
            ce,
            ActorKind::Person,
            ActorRule::CapitalisedName,
        );
    }
}

/// Whether the words from token `cs` to `ce` (exclusive) stand inside quotation marks of their own: the
/// title of a film, a book or a song ("the sequel ‘Catching Fire’"), not someone's name — a name no first
/// name, title or apposition makes a person's. (A nickname is quoted inside a name: Vincent "The Chin"
/// Gigante.) An apostrophe on a word ending in "s" closes no quotation: it is a possessive.
fn in_quotes(doc: &Doc, cs: usize, ce: usize) -> bool {
    const OPEN: &[&str] = &["'", "\"", "‘", "“"];
    const CLOSE: &[&str] = &["'", "\"", "’", "”"];
    cs > 0
        && ce < doc.toks.len()
        && doc.sent_of[cs - 1] == doc.sent_of[cs]
        && OPEN.contains(&doc.tok_text(cs - 1))
        && CLOSE.contains(&doc.tok_text(ce))
        && !possessive_apostrophe(doc, ce)
}

/// Whether token `k` is an apostrophe written onto a word ending in "s": the possessive of a plural or of
/// a name ("Kathina Thomas' mother") rather than a closing quotation mark.
fn possessive_apostrophe(doc: &Doc, k: usize) -> bool {
    doc.toks[k].kind == TokKind::Possessive
        || (k > 0
            && matches!(doc.tok_text(k), "'" | "’")
            && !doc.toks[k].space_before
            && doc.lower[k - 1].ends_with('s'))
}

fn accepts_in_title(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let w = &doc.lower[k];
    let t = doc.toks[k];
    if t.kind == TokKind::Punct {
        return doc.tok_text(k) == "-" && !t.space_before;
    }
    if !t.is_word() {
        return false;
    }
    // "Then Gov. Palin spoke": the adverb opening a sentence, not "then-Gov."
    if w == "then" && doc.sentence_initial(k) && !doc.is_punct(k + 1, "-") {
        return false;
    }
    lex.person_roles.contains(w)
        || lex.org_roles.contains(w)
        || lex.role_modifiers.contains(w)
        || lex.demonyms.contains_key(w)
        || (t.is_capitalised()
            && !lex.first_names.contains(w)
            && !lex.months.contains_key(w)
            && (!capital_says_nothing(doc, lex, k) || within_known_name(doc, lex, k)))
}

/// Whether token `k` is a word of a place or an organisation the lexicons know ("North Korea Leader",
/// "Apple CEO" in a Title Case line, where a capital alone tells nothing).
fn within_known_name(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let end = doc.sents[doc.sent_of[k]].last;
    let from = k.saturating_sub(lex.place_max_tokens.max(lex.org_max_tokens));
    (from..=k).any(|j| {
        let covers = |len: Option<usize>| len.is_some_and(|len| j + len > k);
        covers(longest(doc, j, end, lex.place_max_tokens, &lex.places).map(|(len, _)| len))
            || covers(longest(doc, j, end, lex.org_max_tokens, &lex.orgs).map(|(len, _)| len))
    })
}

/// Whether the capital of token `k` tells nothing of a name: in a Title Case line ("President Nominates
/// Regina Benjamin"), or on a function word or an adverb opening its sentence ("By then Mr Felt", "Maybe
/// President Obama").
fn capital_says_nothing(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let si = doc.sent_of[k];
    let opens = (doc.sents[si].first..k).all(|j| !doc.toks[j].is_word());
    let w = &doc.lower[k];
    doc.title_case[si]
        // ("New" opens places: "New Orleans Saints RB Reggie Bush")
        || (opens && w != "new" && (lex.function_words.contains(w) || OPENING_ADVERBS.contains(w)))
}

/// The prefixes of ships' names: navies' (INS, USS, HMS, …) and merchant vessels' (MV, RMS, FV); not
/// those that open other names too (SS Lazio is a football club, MS a disease).
static VESSEL_PREFIXES: WordList = WordList::new(&[
    "ins", "uss", "usns", "hms", "hmas", "hmcs", "hmnzs", "mv", "rms", "fv",
]);

/// Whether a name is a ship's: a prefix in capitals ("INS", "MV": see [`VESSEL_PREFIXES`]), then its
/// name ("INS Sukanya", "MV Stolt Valor").
pub fn names_a_ship(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(prefix, rest)| {
        !rest.trim().is_empty()
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && VESSEL_PREFIXES.contains(&prefix.to_ascii_lowercase())
    })
}

/// Adverbs that open a sentence ("Maybe President Obama saw …").
static OPENING_ADVERBS: WordList = WordList::new(&[
    "maybe",
    "perhaps",
    "meanwhile",
    "now",
    "later",
    "earlier",
    "also",
    "still",
    "yet",
    "indeed",
    "instead",
    "however",
    "today",
    "yesterday",
    "finally",
    "eventually",
    "already",
]);

/// Whether a role is only an honorific ("Mr", "then Mr"): it says how the article addresses someone,
/// not what they are.
fn only_honorific(role: &Role) -> bool {
    let lex = lexicon();
    role.text
        .split([' ', '.'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .all(|w| HONORIFICS.contains(&w) || lex.role_modifiers.contains(w.as_str()))
}

static HONORIFICS: WordList = WordList::new(&["mr", "mrs", "ms", "miss", "messrs", "mx", "sir"]);

/// A role written before the name: "Kremlin spokesman", "US Secretary of State", "then-President".
pub fn title_role(doc: &Doc, name_start: usize, kind: ActorKind) -> Option<Role> {
    let lex = lexicon();
    let s = doc.sents[doc.sent_of[name_start]];
    let mut k = name_start;
    let mut first = name_start;
    while k > s.first {
        let p = k - 1;
        let w = &doc.lower[p];
        if accepts_in_title(doc, lex, p) {
            first = p;
            k = p;
            continue;
        }
        // a title written short ("Gov. Sarah Palin", "Dr. Regina Benjamin")
        if doc.is_punct(p, ".") && p > s.first && short_title(doc, lex, p - 1) {
            first = p - 1;
            k = p - 1;
            continue;
        }
        // "of" / "for the" inside a title, when capitalised words follow
        if matches!(w, "of" | "for" | "the")
            && doc.is_cap(first)
            && first < name_start
            && p > s.first
        {
            k = p;
            continue;
        }
        break;
    }
    while first < name_start
        && (matches!(&doc.lower[first], "of" | "for" | "the" | "-") || !doc.toks[first].is_word())
    {
        first += 1;
    }
    if first >= name_start {
        return None;
    }
    let nouns = match kind {
        ActorKind::Organization => &lex.org_roles,
        _ => &lex.person_roles,
    };
    let has_noun = (first..name_start).any(|k| nouns.contains(&doc.lower[k]));
    if !has_noun {
        return None;
    }
    let span = Span::new(doc.toks[first].start, doc.toks[name_start - 1].end);
    Some(Role {
        text: doc.text[span.start..span.end].to_string(),
        span,
        pattern: "title",
    })
}

/// Whether token `k` is a title written short, before its period ("Sen", "Gov", "Dr").
fn short_title(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let w = &doc.lower[k];
    doc.is_cap(k) && lex.abbreviations.contains(w) && lex.person_roles.contains(w)
}

/// A role in apposition after the name: ", the head of Ukraine’s Presidential Office,".
pub fn apposition_role(doc: &Doc, name_end: usize, kind: ActorKind) -> Option<Role> {
    let lex = lexicon();
    if !doc.is_punct(name_end, ",") {
        return None;
    }
    let s = doc.sents[doc.sent_of[name_end]];
    let mut k = name_end + 1;
    if k >= s.last {
        return None;
    }
    let mut has_det = false;
    if doc.lower_is(k, &["the", "a", "an", "his", "her", "its", "their"]) {
        has_det = true;
        k += 1;
    } else if doc.is_cap(k)
        && doc
            .toks
            .get(k + 1)
            .is_some_and(|t| t.kind == TokKind::Possessive)
    {
        has_det = true;
    }
    let start = k;
    let mut end = k;
    while end < s.last && end - start < 14 {
        let t = doc.toks[end];
        let w = &doc.lower[end];
        if t.kind == TokKind::Punct
            && matches!(
                doc.tok_text(end),
                "," | "." | ";" | "—" | "–" | "(" | ")" | ":"
            )
        {
            break;
        }
        if matches!(
            w,
            "and" | "who" | "which" | "that" | "said" | "told" | "says"
        ) {
            break;
        }
        end += 1;
    }
    if end == start {
        return None;
    }
    let nouns = match kind {
        ActorKind::Organization => &lex.org_roles,
        _ => &lex.person_roles,
    };
    // a description is the apposition's head: last, or before a preposition ("a climber from Perth", not
    // "a 50-employee company")
    let describes = |k: usize| {
        let w = &doc.lower[k];
        nouns.contains(w)
            || (kind != ActorKind::Organization
                && lex.person_descriptions.contains(w)
                && (k + 1 == end || lex.function_words.contains(&doc.lower[k + 1])))
    };
    if !(start..end).any(describes) {
        return None;
    }
    if !has_det && !accepts_in_title(doc, lex, start) {
        return None;
    }
    // a name and its verb is a clause, not an apposition ("Brenna, Vito Marra rose to the head of the
    // family", "Mr Karamanlis, Greece is still awaiting …")
    let mut after_caps = start;
    while after_caps < end && doc.is_cap(after_caps) {
        after_caps += 1;
    }
    if !has_det && after_caps > start && after_caps < end && {
        let w = &doc.lower[after_caps];
        lex.past_irregular.contains(w)
            || doc.lower_is(
                after_caps,
                &[
                    "is", "are", "has", "have", "will", "would", "could", "can", "says",
                ],
            )
            || (w.ends_with("ed") && !lex.person_roles.contains(w))
    } {
        return None;
    }
    if names_another(doc, lex, nouns, start, end) {
        return None;
    }
    let span = Span::new(doc.toks[start].start, doc.toks[end - 1].end);
    Some(Role {
        text: doc.text[span.start..span.end].to_string(),
        span,
        pattern: "apposition",
    })
}

/// Whether a comma at token `end` opens an age (", 59,", ", 59.") or a "who" clause after a name.
fn age_or_who_after(doc: &Doc, end: usize) -> bool {
    if !doc.is_punct(end, ",") || end + 1 >= doc.toks.len() {
        return false;
    }
    if doc.lower_is(end + 1, &["who"]) {
        return true;
    }
    let t = doc.toks[end + 1];
    t.kind == TokKind::Number
        && doc
            .tok_text(end + 1)
            .parse::<u8>()
            .is_ok_and(|age| (1..=110).contains(&age))
        && (doc.is_punct(end + 2, ".")
            || (doc.is_punct(end + 2, ",")
                // not a number written with a spaced thousands separator ("2, 000 fans")
                && doc.toks.get(end + 3).is_none_or(|t| t.kind != TokKind::Number)))
}

/// Whether the apposition from token `start` to `end` is a role with another person's name after it
/// ("Mark Teixeira, general manager Tony Reagins said", "President Obama, Secretary Locke and …"): a
/// capitalised run right after a role noun, before any preposition, that does not end in a role noun as
/// a title does ("Assistant Chief Fire Officer"). After a preposition a name is part of the role ("a
/// close aide to Attorney General John Mitchell").
fn names_another(
    doc: &Doc,
    lex: &Lexicon,
    nouns: &FxHashSet<&str>,
    start: usize,
    end: usize,
) -> bool {
    let role_word = |k: usize| {
        let w = &doc.lower[k];
        nouns.contains(w) || lex.org_roles.contains(w) || lex.role_modifiers.contains(w)
    };
    for k in start + 1..end {
        if lex.function_words.contains(&doc.lower[k - 1]) && !doc.is_cap(k - 1) {
            return false;
        }
        if nouns.contains(&doc.lower[k - 1]) && doc.is_cap(k) && !role_word(k) {
            let mut last = k;
            while last + 1 < end && doc.is_cap(last + 1) {
                last += 1;
            }
            return !role_word(last);
        }
    }
    false
}

/// Finds quotations and attributes each to an actor mention.
pub fn attribute_quotes(doc: &Doc, actors: &[ActorMention]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let text = doc.text;
    let body_start = doc.toks.first().map_or(text.len(), |t| t.start);
    let body = &text[body_start..];
    let pairs: &[(&str, &str)] = &[("“", "”"), ("``", "''"), ("\"", "\"")];
    for (open, close) in pairs {
        let mut pos = 0;
        while let Some(o) = body[pos..].find(open) {
            let qs = pos + o + open.len();
            let Some(c) = body[qs..].find(close) else {
                break;
            };
            let qe = qs + c;
            pos = qe + close.len();
            let inner = body[qs..qe].trim();
            if inner.split_whitespace().count() < 2 || inner.len() > 2000 {
                continue;
            }
            let inner_start =
                body_start + qs + (body[qs..qe].len() - body[qs..qe].trim_start().len());
            let inner = Span::new(inner_start, inner_start + inner.len());
            let span = Span::new(body_start + qs - open.len(), body_start + qe + close.len());
            let inside = |ranges: &[(usize, usize)]| {
                super::covers(ranges, |&(s, e)| Span::new(s, e), span.start)
            };
            if inside(&doc.furniture) || inside(&doc.links) || !is_speech(doc, span, inner) {
                continue;
            }
            quotes.push(Quote {
                span,
                inner,
                speaker: speaker(doc, actors, span),
            });
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// Whether a quotation (`span` with its marks, `inner` without) is something someone said rather than
/// a name or a phrase held at a distance: a nickname or a title in capitals ("Teflon Don", "the
/// Oddfather", "Catching Fire") never is; a sentence of its own ("Nothing is decided yet."), six words
/// or more, or words a reporting verb introduces or follows ("said, “We won”", "“We won,” he said") are;
/// a few words in running text ("in any “meaningful way”", "an “elaborate deception”") are not.
fn is_speech(doc: &Doc, span: Span, inner: Span) -> bool {
    let words: Vec<&str> = doc.text[inner.start..inner.end]
        .split_whitespace()
        .collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let capitalised = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    let ends_sentence = words.last().is_some_and(|w| {
        w.trim_end_matches(['\'', '’', '"', ')'])
            .ends_with(['.', '!', '?', '…'])
    });
    let title = words.len() <= 4
        && words.first().is_some_and(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || ["the", "of", "and", "a"].contains(&&*bare(w)))
        && !ends_sentence;
    if title {
        return false;
    }
    let first = doc.toks.partition_point(|t| t.start < span.start);
    // "“He’s crazy like a fox,” Gravano quoted Gotti as saying": a sentence opened by a quotation that
    // closes on a comma is told with its speaker after it
    let opens_sentence = doc
        .sent_of
        .get(first)
        .is_some_and(|&si| doc.sents[si].first == first);
    let ends_clause = words
        .last()
        .is_some_and(|w| w.trim_end_matches(['\'', '’', '"']).ends_with(','));
    let starts_capitalised = words.first().is_some_and(|w| capitalised(w));
    if words.len() >= 6
        || (starts_capitalised && (ends_sentence || (ends_clause && opens_sentence)))
    {
        return true;
    }
    let lex = lexicon();
    let after = doc.toks.partition_point(|t| t.start < span.end);
    let reported = |k: usize| lex.reporting_verbs.contains(&doc.lower[k]);
    (first.saturating_sub(4)..first).any(reported)
        || (after..(after + 3).min(doc.toks.len())).any(reported)
}

fn speaker(doc: &Doc, actors: &[ActorMention], q: Span) -> Option<usize> {
    let tok = doc
        .toks
        .partition_point(|t| t.start < q.start)
        .min(doc.toks.len().saturating_sub(1));
    let si = *doc.sent_of.get(tok)?;
    let sent = doc.sents[si];
    // before the quote in the same sentence
    if let Some(i) = super::starting_within(actors, |a| a.span, sent.start, q.start)
        .rev()
        .find(|&i| actors[i].span.end <= q.start)
    {
        return Some(i);
    }
    // after the quote in the same sentence ("…," said Peskov)
    let end_tok = doc.toks.partition_point(|t| t.start < q.end);
    let end_sent = doc.sent_of.get(end_tok).copied().unwrap_or(si);
    let after_end = doc.sents.get(end_sent).map_or(q.end, |s| s.end.max(q.end));
    if let Some(i) = super::starting_within(actors, |a| a.span, q.end, after_end + 1).next() {
        return Some(i);
    }
    // a pronoun or a quote on its own line: the last person named in the three sentences before
    let from = doc.sents[si.saturating_sub(3)].start;
    super::starting_within(actors, |a| a.span, from, q.start)
        .rev()
        .find(|&i| actors[i].span.end <= q.start && actors[i].kind != ActorKind::Organization)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::Doc;

    /// The names of the persons found in `text`, in order.
    fn people(text: &str) -> Vec<String> {
        actors(text)
            .into_iter()
            .filter(|(_, kind, _)| *kind == ActorKind::Person)
            .map(|(name, _, _)| name)
            .collect()
    }

    fn actors(text: &str) -> Vec<(String, ActorKind, Option<String>)> {
        let doc = Doc::new(text, 0);
        find(&doc)
            .actors
            .into_iter()
            .map(|a| {
                (
                    a.name.into(),
                    a.kind,
                    a.roles.first().map(|r| r.text.clone()),
                )
            })
            .collect()
    }

    /// The roles of every mention of `name`, in order.
    fn roles(text: &str, name: &str) -> Vec<String> {
        let doc = Doc::new(text, 0);
        find(&doc)
            .actors
            .into_iter()
            .filter(|a| &*a.name == name)
            .flat_map(|a| a.roles.into_vec())
            .map(|r| r.text)
            .collect()
    }

    fn person(name: &str, role: Option<&str>) -> (String, ActorKind, Option<String>) {
        (name.into(), ActorKind::Person, role.map(String::from))
    }

    #[test]
    fn a_title_case_line_names_the_organisations_and_particle_names_the_lexicons_tell() {
        let text = "Islamic State Commander Abu Karim al-Tahiri Wounded In Strike\n\n\
                    The commander was hurt on Friday, officials said.\n\n\
                    New York Times Reporter Detained In Tallinn\n\n\
                    Raid Kills al-Tahiri Aide Near Border";
        let found = actors(text);
        let names: Vec<&str> = found.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Islamic State",
                "Abu Karim al-Tahiri",
                "New York Times",
                "al-Tahiri"
            ],
            "{found:?}"
        );
    }

    #[test]
    fn a_degree_after_a_name_is_no_organisation() {
        let found =
            actors("The nominee, Regina Halden, MD, spoke, and Regina Halden, PHD, agreed.");
        assert!(
            !found.iter().any(|a| a.0 == "MD" || a.0 == "PHD"),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_written_short_is_a_role_and_no_name() {
        let text = "Later Sen. Ingrid Holm met Dr. Mara Quist. The energy-rich Central Asian nation \
                    voted, and West African leaders met. Then Gov. Anna Lind spoke.";
        assert_eq!(roles(text, "Ingrid Holm"), vec!["Sen.".to_string()]);
        assert_eq!(roles(text, "Anna Lind"), vec!["Gov.".to_string()]);
        assert_eq!(roles(text, "Mara Quist"), vec!["Dr.".to_string()]);
        let found = actors(text);
        assert!(
            !found.iter().any(|a| a.0.contains("Asian")
                || a.0.contains("African")
                || a.0 == "Sen"
                || a.0 == "Dr"),
            "{found:?}"
        );
    }

    #[test]
    fn a_headline_verb_after_a_name_ends_it() {
        for (text, name) in [
            (
                "Carla Thomas Finds Snake Coiled In Garage Ceiling",
                "Carla Thomas",
            ),
            ("Actor Erik Nelson Found Dead In Bergen Flat", "Erik Nelson"),
            (
                "Trucker Ivan Grant Says Radio Saved Him From Storm",
                "Ivan Grant",
            ),
        ] {
            let found = actors(text);
            assert!(found.iter().any(|a| a.0 == name), "{text}: {found:?}");
            assert!(
                !found.iter().any(|a| a.0.starts_with(name) && a.0 != name),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn words_in_capitals_inside_a_headline_are_emphasis_not_a_name() {
        let found = actors(
            "Police fire BEAN BAG rounds at crowd in Tarsk as NATO and KORVIK BANK staff watch",
        );
        assert!(!found.iter().any(|a| a.0 == "BEAN BAG"), "{found:?}");
        assert!(found.iter().any(|a| a.0 == "NATO"), "{found:?}");
        assert!(found.iter().any(|a| a.0 == "KORVIK BANK"), "{found:?}");
    }

    #[test]
    fn a_headline_in_title_case_with_a_brand_or_a_full_stop_names_no_one_by_capitals() {
        let found = actors("Apple Fans Add Bendgate to iPhone 6 Woes");
        assert_eq!(found, vec![("Apple".into(), ActorKind::Organization, None)]);
        let found = actors("Analyst Confirms Apple 12-inch Laptop Launch");
        assert_eq!(found, vec![("Apple".into(), ActorKind::Organization, None)]);
        let found = actors("Once Again, The Marlow Arrest Is A Giant Prank.\nThe police said so.");
        assert!(!found.iter().any(|a| a.0.contains("Prank")), "{found:?}");
        // prose is no title, whatever its capitals
        let found = actors("Foreign Minister Anna Berg met Prime Minister Tomas Lind in Oslo.");
        assert!(found.iter().any(|a| a.0 == "Tomas Lind"), "{found:?}");
    }

    #[test]
    fn a_ship_by_its_prefix_is_no_person() {
        let text = "The warship INS Kalvari and the freighter MV Lindholm reached port. \
                    SS Lazio won in Rome.";
        let doc = Doc::new(text, 0);
        let found = find(&doc).actors;
        let kind_of = |name: &str| {
            found
                .iter()
                .find(|a| &*a.name == name)
                .map(|a| (a.kind, a.rule))
        };
        assert_eq!(
            kind_of("INS Kalvari"),
            Some((ActorKind::Organization, ActorRule::Vessel))
        );
        assert_eq!(
            kind_of("MV Lindholm"),
            Some((ActorKind::Organization, ActorRule::Vessel))
        );
        assert_ne!(kind_of("SS Lazio").map(|k| k.1), Some(ActorRule::Vessel));
        assert!(super::names_a_ship("INS Kalvari") && !super::names_a_ship("SS Lazio"));
    }

    #[test]
    fn a_capitalised_adjective_opens_the_name_it_starts() {
        let text = "Big Vic Marlow of the Harbour Boys dies at 61. Singer Big Vic Marlow died on Sunday. \
                    It was a big loss. Big crowds gathered.";
        let found = actors(text);
        assert_eq!(
            found.iter().filter(|a| a.0 == "Big Vic Marlow").count(),
            2,
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|a| a.0 == "Big Vic Marlow" && a.2.as_deref() == Some("Singer")),
            "{found:?}"
        );
        assert!(!found.iter().any(|a| a.0.contains("Big C")), "{found:?}");
    }

    #[test]
    fn a_hyphen_inside_a_name_is_part_of_it() {
        let text = "Leader Kim Jong-un met Jean-Pierre Lemaire and Anna Smith-Jones in Seoul on Monday. \
                    Kim Jong-Un said the Obama-era rules and the Trump-Putin summit were over. \
                    A harbour pilot-Tomas Brandt Lund-was fined.";
        let names: Vec<String> = actors(text).into_iter().map(|a| a.0).collect();
        assert_eq!(
            names,
            vec![
                "Kim Jong-un",
                "Jean-Pierre Lemaire",
                "Anna Smith-Jones",
                "Kim Jong-Un",
                "Obama",
                "Trump",
                "Putin",
                "Tomas Brandt Lund"
            ],
            "no United Nations in \"Jong-Un\", no name ending in \"-era\" or \"-was\""
        );
    }

    #[test]
    fn a_short_acronym_names_its_organisation_only_in_capitals() {
        let text = "Leader Kim Jong Un spoke to the UN and to the U.N. council on Monday.";
        let names: Vec<String> = actors(text).into_iter().map(|a| a.0).collect();
        assert_eq!(names, vec!["Kim Jong Un", "UN", "U.N."]);
    }

    #[test]
    fn a_quote_is_its_words_without_the_marks_or_the_spaces_inside_them() {
        let text = "Mayor Ilse Varga said: “ We will not close the harbour ” on Monday.\n";
        let doc = Doc::new(text, 0);
        let found = find(&doc);
        let quotes = attribute_quotes(&doc, &found.actors);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text(text), "We will not close the harbour");
        assert!(text[quotes[0].span.start..quotes[0].span.end].starts_with('“'));
        let speaker = quotes[0].speaker.map(|a| &*found.actors[a].name);
        assert_eq!(speaker, Some("Ilse Varga"));
    }

    #[test]
    fn titles_before_names() {
        let a = actors(
            "Kremlin spokesman Dmitry Peskov said the Foreign Secretary of Norway was away.",
        );
        assert!(a.contains(&("Kremlin".into(), ActorKind::Organization, None)));
        assert!(
            a.contains(&person("Dmitry Peskov", Some("Kremlin spokesman"))),
            "{a:?}"
        );
        let a = actors(
            "The delegation included US Special Envoy for the Middle East Steve Witkoff and then-President Joe Biden.",
        );
        assert!(
            a.contains(&person(
                "Steve Witkoff",
                Some("US Special Envoy for the Middle East")
            )),
            "{a:?}"
        );
        assert!(
            a.contains(&person("Joe Biden", Some("then-President"))),
            "{a:?}"
        );
    }

    #[test]
    fn a_players_position_is_a_role_not_part_of_a_name() {
        let a = actors(
            "Falcons QB Tomas Rindal threw three interceptions on Sunday, and Vikings RB Ole Bakke ran \
             for 80 yards.",
        );
        let people: Vec<_> = a.iter().filter(|x| x.1 == ActorKind::Person).collect();
        assert_eq!(
            people,
            [
                &person("Tomas Rindal", Some("Falcons QB")),
                &person("Ole Bakke", Some("Vikings RB"))
            ]
        );
        assert!(
            !a.iter()
                .any(|(n, _, _)| n.ends_with("QB") || n.ends_with("RB")),
            "{a:?}"
        );
    }

    #[test]
    fn appositions_after_names() {
        let a = actors(
            "On Monday, Oksana Hrytsenko, the head of the Lviv Regional Council, met Paul Mercer, a former trade adviser and a friend of the mayor.",
        );
        assert!(
            a.contains(&person(
                "Oksana Hrytsenko",
                Some("head of the Lviv Regional Council")
            )),
            "{a:?}"
        );
        assert!(
            a.contains(&person("Paul Mercer", Some("former trade adviser"))),
            "{a:?}"
        );
    }

    #[test]
    fn a_name_and_its_verb_after_a_comma_is_no_apposition() {
        let text = "The former driver for late crime boss Aldo Brenna, Vito Marra rose to the head of the \
                    family.";
        assert_eq!(roles(text, "Aldo Brenna"), Vec::<String>::new());
        let text = "Harbour workers met Aldo Brenna, Trade Union Chairman of the port, on Monday.";
        assert_eq!(
            roles(text, "Aldo Brenna"),
            ["Trade Union Chairman of the port"]
        );
    }

    #[test]
    fn a_nickname_in_quotation_marks_is_inside_the_name() {
        assert_eq!(
            people(
                "Dock boss Frank “The Crane” Varga died on Monday. His rival Peter 'Big Pete' Lund \
                 attended the funeral."
            ),
            ["Frank Varga", "Peter Lund"]
        );
        // the nickname is one of the roles the hover lists
        assert_eq!(
            roles("Frank “The Crane” Varga died on Monday.", "Frank Varga"),
            ["known as “The Crane”"]
        );
    }

    #[test]
    fn a_name_an_acronym_opens_is_no_person() {
        assert_eq!(
            people(
                "Norsk Tele runs all ADSL Internet lines in Tromsø, wrote NRKX Sports' Roch Kubatko. \
                 Later, AJ Varga said the lines were back."
            ),
            ["Roch Kubatko", "AJ Varga"]
        );
    }

    #[test]
    fn a_plural_head_word_names_an_organisation() {
        let a = actors(
            "She chaired the Federation of State Dental Boards of Norway. Brandt Industries \
             and the Coastal Councils said nothing.",
        );
        for (name, kind, _) in &a {
            assert_ne!(*kind, ActorKind::Person, "{name} is no person: {a:?}");
        }
    }

    #[test]
    fn a_role_is_what_someone_is_not_how_they_are_addressed_or_the_sentence_opening() {
        let text = "Officials met on Monday. Maybe President Nils Aukrust saw it. By then Mr Aukrust \
                    had left. But Mr Aukrust came back.";
        assert_eq!(roles(text, "Nils Aukrust"), vec!["President".to_string()]);
        assert_eq!(
            roles(text, "Aukrust"),
            Vec::<String>::new(),
            "Mr is no role"
        );
        // in Title Case, capitals say nothing: "Nominates" is no part of a title
        let text = "Governor Nominates Lise Vatne To Lead Harbour Board\n\nThe nomination of Lise Vatne \
                    was sent on Monday.";
        assert_eq!(roles(text, "Lise Vatne"), Vec::<String>::new());
    }

    #[test]
    fn an_apposition_describing_someone_makes_a_person_of_a_name_no_lexicon_knows() {
        // neither given name is known; the description after the name says a person
        let a = actors(
            "Tamsin Okafor, a neighbour, said she heard two shots. Ivo Brankov, a 70-year-old pensioner \
             from the village, saw the car.",
        );
        assert!(
            a.contains(&person("Tamsin Okafor", Some("neighbour"))),
            "{a:?}"
        );
        assert!(
            a.contains(&person(
                "Ivo Brankov",
                Some("70-year-old pensioner from the village")
            )),
            "{a:?}"
        );
        // a description inside another noun is none ("a 40-employee company"), and one is no title before a
        // name: the Presidential Guard stays an organisation
        let a = actors("Dovre Advisors, a 40-employee firm, hired the Presidential Guard.");
        assert!(
            !a.iter().any(|(_, kind, role)| *kind == ActorKind::Person
                || role.as_deref().is_some_and(|r| r.contains("employee"))),
            "{a:?}"
        );
    }

    #[test]
    fn an_age_or_who_after_a_name_makes_a_person_at_the_start_of_a_sentence() {
        let doc = Doc::new(
            "Ravi Dovlani, 59, of Queens, had just parked her car. Gaetano Vurro, who ran the bakery, \
             was arrested. Drammen Hall, 2, 000 fans strong, cheered.",
            0,
        );
        let found: Vec<(String, ActorKind, ActorRule)> = find(&doc)
            .actors
            .into_iter()
            .map(|a| (a.name.to_string(), a.kind, a.rule))
            .collect();
        for name in ["Ravi Dovlani", "Gaetano Vurro"] {
            assert!(
                found.contains(&(name.to_string(), ActorKind::Person, ActorRule::AgeOrWho)),
                "{name}: {found:?}"
            );
        }
        assert!(
            !found
                .iter()
                .any(|(name, kind, _)| name.starts_with("Drammen") && *kind == ActorKind::Person),
            "a number of fans is no age: {found:?}"
        );
    }

    #[test]
    fn an_adjective_of_a_faith_alone_is_no_name() {
        let a = actors(
            "The truck now carries guns for Islamic fighters, a Catholic charity said. Christian Bale \
             and the Islamic State were named.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            !names.contains(&"Islamic") && !names.contains(&"Catholic"),
            "{a:?}"
        );
        assert!(names.contains(&"Christian Bale"), "{a:?}");
        assert!(names.contains(&"Islamic State"), "{a:?}");
    }

    #[test]
    fn an_apposition_that_names_someone_else_is_no_role() {
        let text = "The club offered a deal to Ivo Marsh, general manager Carl Denton said.";
        assert_eq!(roles(text, "Ivo Marsh"), Vec::<String>::new());
        let text = "The talks were led by Ruth Keel, a close aide to Attorney General Carl Denton, \
                    and by Ivo Marsh, Assistant Chief Fire Officer at the harbour.";
        assert_eq!(
            roles(text, "Ruth Keel"),
            vec!["close aide to Attorney General Carl Denton".to_string()]
        );
        assert_eq!(
            roles(text, "Ivo Marsh"),
            vec!["Assistant Chief Fire Officer at the harbour".to_string()]
        );
    }

    #[test]
    fn acronyms_of_offences_and_titles_are_no_organisations() {
        let a = actors(
            "Receiver Marcus Lane was held on suspicion of DUI, the NFL said. The CEO declined to comment.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"NFL"), "{a:?}");
        assert!(!names.contains(&"DUI"), "{a:?}");
        assert!(!names.contains(&"CEO"), "{a:?}");
        // a team's list and positions: placed on IR, the QB threw a TD
        let a =
            actors("The Owls placed QB Dale Marsh on IR after he threw a TD pass, the NFL said.");
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"NFL"), "{a:?}");
        for not_org in ["IR", "QB", "TD"] {
            assert!(!names.contains(&not_org), "{not_org}: {a:?}");
        }
    }

    fn places(text: &str) -> Vec<String> {
        let doc = Doc::new(text, 0);
        find(&doc)
            .places
            .iter()
            .map(|p| p.name.as_str().to_string())
            .collect()
    }

    #[test]
    fn a_capitalised_new_opens_the_place_it_names() {
        let text =
            "The mayor of New York met New Zealand officials and New Orleans police on Monday.";
        assert_eq!(actors(text), vec![], "no one named York or Zealand");
        assert_eq!(places(text), vec!["New York", "New Zealand", "New Orleans"]);
        // a new thing is still no name
        assert_eq!(places("The New rules start today in Oslo."), vec!["Oslo"]);
    }

    #[test]
    fn a_place_and_a_plural_name_is_a_team() {
        let text = "San Diego Chargers receiver Vincent Jackson was arrested, the New York Mets said nothing \
                    and the Boston Red Sox won.";
        let org = |n: &str| (n.to_string(), ActorKind::Organization, None);
        assert_eq!(
            actors(text),
            vec![
                org("San Diego Chargers"),
                person("Vincent Jackson", None),
                org("New York Mets"),
                org("Boston Red Sox"),
            ]
        );
    }

    #[test]
    fn the_speaker_i_is_no_part_of_a_name() {
        let a =
            actors("The coach said Mara Holt I'm sure will start, and Ola Berg I think will not.");
        assert_eq!(a, vec![person("Mara Holt", None), person("Ola Berg", None)]);
    }

    #[test]
    fn a_clock_names_no_one() {
        let text = "The game starts at 8 PM EDT and ends before 11 AM GMT, officials said.";
        assert_eq!(actors(text), vec![]);
    }

    #[test]
    fn a_place_by_the_word_opening_or_ending_it() {
        let text = "Sterling Heights police said soldiers from Fort Kelso drove to Mount Alder.";
        assert_eq!(actors(text), vec![], "no one named Sterling Heights");
        assert_eq!(
            places(text),
            vec!["Sterling Heights", "Fort Kelso", "Mount Alder"]
        );
    }

    #[test]
    fn a_place_by_the_landform_ending_it_or_an_opener_inside_it() {
        let text = "Two climbers fell from Harlow Ridge onto Tarven Glacier, below Aoraki Mount Vell, \
                    rescuers said.";
        assert_eq!(actors(text), vec![], "no one named Tarven Glacier");
        assert_eq!(
            places(text),
            vec!["Harlow Ridge", "Tarven Glacier", "Aoraki Mount Vell"]
        );
    }

    #[test]
    fn a_name_written_after_the_or_before_a_version_is_no_person() {
        let text = "Fans of the Copper Hawks cheered as Copper Hawks guard Sanne Ivers scored. The \
                    studio said the Silver Lantern sequel opens in May, and Silver Lantern fans queued. \
                    A flaw in Harbor Navigator 7 lets attackers in; Harbor Navigator users should update.";
        let org = |n: &str| (n.to_string(), ActorKind::Organization, None);
        assert_eq!(
            actors(text),
            vec![
                org("Copper Hawks"),
                org("Copper Hawks"),
                person("Sanne Ivers", None),
            ],
            "a team by its plural name; a film and a browser are no actors"
        );
        // a name an apposition gives someone stays theirs where it is written after "the"
        let text = "Tove Lunde, the pin-up model, died on Monday. Her photos became part of the Tove \
                    Lunde legend.";
        assert_eq!(
            actors(text),
            vec![
                person("Tove Lunde", Some("pin-up model")),
                person("Tove Lunde", None)
            ]
        );
        // a score or a record after a name is no version, and a name without "the" is a person's
        let text = "Leading were Lorn Bakker 19-2 and Pim Voskuil 2,290; Pim Voskuil retired.";
        assert_eq!(
            actors(text),
            vec![
                person("Lorn Bakker", None),
                person("Pim Voskuil", None),
                person("Pim Voskuil", None),
            ]
        );
    }

    #[test]
    fn an_unknown_name_after_a_locative_preposition_is_a_place() {
        let text = "The receiver Marcus Lane failed a sobriety test in Port Avella and was held at Kestrel \
                    Point. He met Anna Berg in Oslo, then flew on to talks in Varnholm. In Lane's view, \
                    the talks went well.";
        let a = actors(text);
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Marcus Lane"), "{a:?}");
        assert!(names.contains(&"Anna Berg"), "{a:?}");
        assert!(names.contains(&"Lane"), "someone's, not a place: {a:?}");
        for place in ["Port Avella", "Kestrel Point", "Varnholm"] {
            assert!(!names.contains(&place), "{a:?}");
        }
        let doc = Doc::new(text, 0);
        let places: Vec<&str> = find(&doc).places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            places,
            vec!["Port Avella", "Kestrel Point", "Oslo", "Varnholm"]
        );
    }

    #[test]
    fn after_a_locative_the_surname_of_someone_the_article_names_is_that_person() {
        let text = "Judge Elin Moss sentenced Tor Mathis on Friday. The victim's sister took aim at \
                    Mathis' parents in court. Coach Ida Hagerup is leaving, and two clubs showed \
                    interest in Hagerup. Rivals met in Selbu, and the next hearing is in Vardal.";
        let doc = Doc::new(text, 0);
        let found = find(&doc);
        let places: Vec<&str> = found.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            places,
            vec!["Selbu", "Vardal"],
            "a name no one bears stays a place"
        );
        let names: Vec<&str> = found.actors.iter().map(|a| &*a.name).collect();
        assert!(
            names.contains(&"Mathis") && names.contains(&"Hagerup"),
            "{names:?}"
        );
        // someone's, with the apostrophe alone
        let doc = Doc::new("Police called at Vandis' house on Monday.", 0);
        assert!(find(&doc).places.is_empty(), "{:?}", find(&doc).places);
    }

    #[test]
    fn places_months_and_furniture_are_not_people() {
        let a = actors(
            "Moscow said on Friday that Victory Day in Red Square would go ahead. May officials agreed.",
        );
        assert!(a.is_empty(), "{a:?}");
        let doc = Doc::new("Officials flew from Riyadh, Saudi Arabia to Geneva.", 0);
        let places: Vec<&str> = find(&doc).places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(places, vec!["Riyadh", "Saudi Arabia", "Geneva"]);
    }

    #[test]
    fn storms_games_streets_and_surveys_are_not_people() {
        let a = actors(
            "After Hurricane Greta, fans left the Super Bowl and walked down Linden Ave, the Coastal \
             Survey said.",
        );
        assert_eq!(
            a,
            vec![("Coastal Survey".to_string(), ActorKind::Organization, None)]
        );
    }

    #[test]
    fn a_clinic_named_after_someone_is_an_organisation() {
        let a = actors("The singer Mara Holt checked into the Edna Vale Clinic on Tuesday.");
        assert!(
            a.contains(&("Edna Vale Clinic".into(), ActorKind::Organization, None)),
            "{a:?}"
        );
        assert!(
            !a.iter()
                .any(|(n, k, _)| n.contains("Edna") && *k == ActorKind::Person),
            "{a:?}"
        );
    }

    #[test]
    fn a_first_name_that_is_also_a_city_opens_a_name() {
        let text = "Energy Minister Milan Tedal flew to Milan on Monday. Georgia Varnes stayed at Victoria Station.";
        let a = actors(text);
        assert!(
            a.contains(&person("Milan Tedal", Some("Energy Minister"))),
            "{a:?}"
        );
        assert!(a.iter().any(|(n, _, _)| n == "Georgia Varnes"), "{a:?}");
        assert!(!a.iter().any(|(n, _, _)| n.contains("Victoria")), "{a:?}");
        let doc = Doc::new(text, 0);
        let places: Vec<&str> = find(&doc).places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"Milan"), "{places:?}");
        assert!(!places.contains(&"Georgia"), "{places:?}");
    }

    #[test]
    fn a_city_that_ends_a_name_opened_by_a_first_name_is_a_surname() {
        let text = "Foreign Minister Elena Berlin met the mayor. Jack London wrote back. Ministers flew to Berlin on Monday.";
        let a = actors(text);
        assert!(
            a.contains(&person("Elena Berlin", Some("Foreign Minister"))),
            "{a:?}"
        );
        assert!(a.iter().any(|(n, _, _)| n == "Jack London"), "{a:?}");
        let doc = Doc::new(text, 0);
        let places: Vec<&str> = find(&doc).places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            places,
            vec!["Berlin"],
            "only the city the ministers flew to"
        );
    }

    #[test]
    fn organisations_by_noun_and_suffix() {
        let a = actors(
            "According to the Belgian weekly magazine Le Soir Hebdo, the Baltic Shipping Corporation will close.",
        );
        assert!(
            a.iter().any(|(n, k, r)| n == "Le Soir Hebdo"
                && *k == ActorKind::Organization
                && r.as_deref() == Some("Belgian weekly magazine")),
            "{a:?}"
        );
        assert!(
            a.iter().any(
                |(n, k, _)| n == "Baltic Shipping Corporation" && *k == ActorKind::Organization
            ),
            "{a:?}"
        );
        let a = actors("The actress went to Hillcrest Recovery in Carlsbad.");
        assert_eq!(
            a,
            vec![(
                "Hillcrest Recovery".to_string(),
                ActorKind::Organization,
                None
            )]
        );
        // a board and a society are bodies, not people
        let a =
            actors("What did the minister tell the Harbour Board and the Ornithological Society?");
        assert!(
            a.iter().all(|(_, k, _)| *k == ActorKind::Organization) && a.len() == 2,
            "{a:?}"
        );
    }

    #[test]
    fn sentence_initial_surname_is_a_candidate_only_when_named_elsewhere() {
        let a = actors(
            "Mayor Elin Varga opened the bridge. Varga said it was late. Residents cheered.",
        );
        assert!(a.contains(&person("Elin Varga", Some("Mayor"))), "{a:?}");
        assert!(
            a.contains(&("Varga".into(), ActorKind::Unknown, None)),
            "{a:?}"
        );
        assert!(!a.iter().any(|(n, _, _)| n == "Residents"), "{a:?}");
    }

    #[test]
    fn in_a_line_in_capitals_only_names_written_as_names_elsewhere_are_names() {
        let a = actors(
            "KOVAC IS THE LATEST VICTIM OF A CELEBRITY DEATH HOAX AND THESE STARS KNOW\n\
             The FBI said singer Ana Kovac was alive.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| ["OF", "LATEST", "STARS"].contains(n) || n.contains("HOAX")),
            "{names:?}"
        );
        assert!(
            names.contains(&"KOVAC") && names.contains(&"FBI") && names.contains(&"Ana Kovac"),
            "{names:?}"
        );
    }

    #[test]
    fn a_name_given_to_a_thing_is_no_one_but_the_name_of_a_government_is() {
        let a = actors(
            "Officials discussed the Tezel bridge on Monday. Minister Piotr Tezel arrived late. \
             The Obama administration said nothing.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names.iter().filter(|n| n.contains("Tezel")).count(),
            1,
            "only the minister: {names:?}"
        );
        assert!(names.contains(&"Obama"), "{names:?}");
    }

    #[test]
    fn a_quoted_title_of_a_work_is_no_one_but_a_quoted_surname_before_a_possessive_is() {
        let a = actors(
            "The studio is ready to film the sequel ‘Burning Tide’. Fans of \"Silent Harbour\" \
             cheered. Later, 'Marta Quist' was quoted.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Tide") || n.contains("Harbour")),
            "{names:?}"
        );
        // a known first name still says a person
        assert!(names.contains(&"Marta Quist"), "{names:?}");
        // a title after the noun of a work is no one either, in its article
        let a = actors(
            "Talks began on the sequel, Burning Tide. A script for Burning Tide is written.",
        );
        assert!(a.is_empty(), "{a:?}");
        // a closing apostrophe after a plural is a possessive
        let a = actors(
            "The school named Kathina Thomas. 'Kathina Thomas' mother took the stand,' one said.",
        );
        assert_eq!(
            a.iter().filter(|(n, _, _)| n == "Kathina Thomas").count(),
            2,
            "{a:?}"
        );
    }

    #[test]
    fn a_business_named_for_its_owner_is_an_organisation_not_a_person() {
        let a = actors(
            "A woman was struck outside the Harlow Sam's Club. Nurse Ilse Varga of St. Anne's Hospital \
             treated her. They backed Obama's Plan.",
        );
        assert!(
            a.contains(&("Sam's Club".to_string(), ActorKind::Organization, None)),
            "{a:?}"
        );
        assert!(
            a.contains(&(
                "St. Anne's Hospital".to_string(),
                ActorKind::Organization,
                None
            )),
            "{a:?}"
        );
        assert!(!a.iter().any(|(n, _, _)| n.ends_with("Sam")), "{a:?}");
        // a possessive before another capitalised word is still its owner's
        assert!(a.iter().any(|(n, _, _)| n == "Obama"), "{a:?}");
        // a person's named in full, a Title Case line, and a name ending the text
        let a =
            actors("They met at Sarah Quist's Church. Greene's Church Damaged In Fire\nWe saw Sam");
        assert!(
            !a.iter()
                .any(|(n, k, _)| n.contains("'s Church") || *k == ActorKind::Organization),
            "{a:?}"
        );
        assert!(a.iter().any(|(n, _, _)| n == "Sarah Quist"), "{a:?}");
    }

    #[test]
    fn a_newspaper_joined_by_a_hyphen_and_an_unknown_first_name_after_a_title() {
        let a = actors(
            "Jurors spoke to The Atlanta Journal-Constitution on Friday. The Journal-Constitution \
             said so. The meeting included Nixon aide Jeb Stuart Magruder, who testified.",
        );
        assert!(
            a.contains(&(
                "Atlanta Journal-Constitution".to_string(),
                ActorKind::Organization,
                None
            )),
            "{a:?}"
        );
        assert!(
            a.contains(&(
                "Journal-Constitution".to_string(),
                ActorKind::Organization,
                None
            )),
            "{a:?}"
        );
        assert!(
            a.contains(&person("Jeb Stuart Magruder", Some("Nixon aide"))),
            "{a:?}"
        );
    }

    #[test]
    fn title_case_headline_words_are_not_names() {
        let a = actors("Minister Eyes Bridge Deal After Stormy Summit\nMinister Ana Kovac spoke.");
        assert!(
            !a.iter()
                .any(|(n, _, _)| n.contains("Eyes") || n.contains("Stormy")),
            "{a:?}"
        );
    }

    #[test]
    fn a_title_case_headline_names_the_two_words_after_a_persons_title() {
        // given names no lexicon knows, in headlines that are all the article has
        let a = actors("Actor Tormod Vassli Is Alive, Agent Says");
        assert!(a.contains(&person("Tormod Vassli", Some("Actor"))), "{a:?}");
        let a = actors("Breakfast Show Host Ilka Morrow Denies Split");
        assert!(
            a.iter()
                .any(|(n, k, _)| n == "Ilka Morrow" && *k == ActorKind::Person),
            "{a:?}"
        );
        // no verb, no single word, no title ending another name, no name the article writes itself
        for text in [
            "Judge Rules Against Harbour Board",
            "Dawn Of Justice Stolen Batmobile Rumor Put To Rest",
            "President Varga Overturns Fishing Rule\nThe decision of President Varga was announced.",
        ] {
            let a = actors(text);
            assert!(
                !a.iter().any(|(n, k, _)| *k == ActorKind::Person
                    && ["Rules", "Stolen", "Overturns"]
                        .iter()
                        .any(|w| n.contains(w))),
                "{text}: {a:?}"
            );
        }
    }

    #[test]
    fn names_in_a_title_case_headline_are_those_the_article_writes_elsewhere() {
        let text = "Dock Fire: Kelvo Ilves Charged With Arson Over Harbour Blaze\n\
                    Prosecutors said Kelvo Ilves, 41, set the warehouse alight.\n\
                    Ilves Denies Charge, Lawyer Says\n\
                    Her lawyer said Ilves would plead not guilty.";
        let doc = Doc::new(text, 0);
        let found = find(&doc);
        let in_headlines: Vec<(&str, ActorKind)> = found
            .actors
            .iter()
            .filter(|a| doc.title_case[a.sentence as usize])
            .map(|a| (&*a.name, a.kind))
            .collect();
        assert_eq!(
            in_headlines,
            [
                ("Kelvo Ilves", ActorKind::Person),
                ("Ilves", ActorKind::Unknown)
            ],
            "{:?}",
            found.actors
        );
        // a run read as a name that holds more than the name is cut to it
        let a = actors(
            "Tapes Of Jonas Ruud Interview Released\nThe police said Jonas Ruud spoke freely.",
        );
        assert!(
            a.iter().all(|(n, _, _)| n == "Jonas Ruud"),
            "only the name, without Interview: {a:?}"
        );
        // nothing is found in a Title Case line that the article does not write elsewhere
        let a = actors("Minister Eyes Bridge Deal\nThe deal was signed on Monday.");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn a_title_in_a_title_case_headline_keeps_the_place_or_organisation_it_names() {
        let text = "Norway Minister Ana Kovac Eyes Bridge Deal\nMinister Ana Kovac spoke.";
        assert_eq!(roles(text, "Ana Kovac"), ["Norway Minister", "Minister"]);
        let text = "Apple CEO Tim Cook Says Watch Is Coming\nTim Cook spoke in Cupertino.";
        assert_eq!(roles(text, "Tim Cook"), ["Apple CEO"]);
        // but a capital alone tells nothing there
        let text = "Minister Nominates Ana Kovac As Envoy\nAna Kovac spoke.";
        assert!(roles(text, "Ana Kovac").is_empty());
    }

    #[test]
    fn a_question_in_title_case_is_a_headline_not_a_run_of_names() {
        let a = actors("Was Leaked Memo Of Harbour Talks A Hoax?");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn designations_of_aircraft_weapons_and_bulletins_name_no_one() {
        let a = actors(
            "Northern Air Force Su-25 jets flew over the square. Rebels fired AK-47 rifles. \
             Update MS08-078 fixes the flaw, said Anna Berg.",
        );
        let names: Vec<&str> = a.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            names
                .iter()
                .all(|n| !n.contains("Su") && !n.contains("AK") && !n.contains("MS08")),
            "{names:?}"
        );
        assert!(names.contains(&"Anna Berg"), "{names:?}");
    }

    #[test]
    fn a_title_case_label_opening_a_bullet_is_no_run_of_names() {
        let text = "The summit opens on Monday.\n\
                    - Pressure on the Harbour Board to Make Concessions – Officials fear the port may close.\n\
                    - Energy Security: Minister Anna Berg will visit Oslo.";
        let doc = Doc::new(text, 0);
        let names: Vec<String> = find(&doc)
            .actors
            .iter()
            .map(|a| a.name.to_string())
            .collect();
        assert_eq!(names, ["Anna Berg"], "{names:?}");
        // the word after the label's dash opens the prose: "Officials" is no name there
        assert!(!doc.names_here.contains("officials"));
    }

    #[test]
    fn a_particle_joined_to_a_name_is_part_of_it() {
        let names = |t: &str| -> Vec<String> { actors(t).into_iter().map(|(n, _, _)| n).collect() };
        assert_eq!(
            names("Officials said Abu Dhimar al-Rashidi was alive."),
            ["Abu Dhimar al-Rashidi"]
        );
        assert_eq!(
            names("The lawyer Richard Ben-Ezra and Pieter van Tongel spoke."),
            ["Richard Ben-Ezra", "Pieter van Tongel"]
        );
        // a capitalised "Al" is still a first name
        assert_eq!(names("Former vice president Al Gore spoke."), ["Al Gore"]);
    }

    #[test]
    fn quotes_are_attributed() {
        let text = "Harbour chief Lena Brandt said, “We will reopen the port soon.” Later she added:\n“Nothing is decided yet.”";
        let doc = Doc::new(text, 0);
        let f = find(&doc);
        let q = attribute_quotes(&doc, &f.actors);
        assert_eq!(q.len(), 2);
        for quote in &q {
            let who = quote.speaker.map(|i| &*f.actors[i].name);
            assert_eq!(who, Some("Lena Brandt"), "{quote:?}");
        }
    }

    #[test]
    fn nicknames_and_phrases_held_at_a_distance_are_no_quotes() {
        let text = "Dock boss Anton “The Crane” Varga, the so-called “Teflon Skipper”, denied any \
                    “serious wrongdoing” in a “meaningful way.” He called the audit an “elaborate hoax”. \
                    “We sail on,” Varga said. Varga told reporters “nothing changes”. Later he added:\n\
                    “The port stays open.” “No comment,” Varga's lawyer said later.";
        let doc = Doc::new(text, 0);
        let f = find(&doc);
        let said: Vec<&str> = attribute_quotes(&doc, &f.actors)
            .iter()
            .map(|q| &text[q.inner.start..q.inner.end])
            .collect();
        assert_eq!(
            said,
            [
                "We sail on,",
                "nothing changes",
                "The port stays open.",
                "No comment,"
            ]
        );
    }
}
