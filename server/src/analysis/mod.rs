//! One article → its facts: sentences, dates, places, actors (with roles and quotes), events, claims and
//! denials. Pure and deterministic: text in, plain data out, no I/O and nothing of LSP.

pub mod annotated;
pub mod claims;
pub mod dates;
pub mod events;
pub mod intern;
pub mod lexicon;
pub mod names;
pub mod phrases;
pub mod text;
pub mod tokens;
pub mod word_list;

use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

pub use dates::{DateExpr, DateMention};
pub use lexicon::EventClass;

/// A byte range in the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Stands for a span that an edit went through (see [`ArticleFacts::moved`]).
    pub const UNMOVABLE: Span = Span {
        start: usize::MAX,
        end: usize::MAX,
    };

    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// They share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A [`Span`] kept in 32-bit offsets, for facts a corpus holds hundreds of thousands of (an article is at
/// most 64 MiB: `corpus::MAX_ARTICLE_BYTES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    pub fn get(self) -> Span {
        let wide = |x: u32| {
            if x == u32::MAX {
                usize::MAX
            } else {
                x as usize
            }
        };
        Span::new(wide(self.start), wide(self.end))
    }
}

impl From<Span> for Span32 {
    fn from(s: Span) -> Span32 {
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Span32 {
            start: narrow(s.start),
            end: narrow(s.end),
        }
    }
}

/// Indexes of the items (sorted by span start) whose span starts in `lo..hi`.
pub(crate) fn starting_within<T>(
    items: &[T],
    span: impl Fn(&T) -> Span,
    lo: usize,
    hi: usize,
) -> std::ops::Range<usize> {
    let a = items.partition_point(|x| span(x).start < lo);
    let b = items.partition_point(|x| span(x).start < hi);
    a..b.max(a)
}

/// Whether `offset` lies inside one of the items (sorted by span start, not nested).
pub(crate) fn covers<T>(items: &[T], span: impl Fn(&T) -> Span, offset: usize) -> bool {
    let i = items.partition_point(|x| span(x).start <= offset);
    i > 0 && span(&items[i - 1]).end > offset
}

/// [`covers`] for offsets asked in increasing order, as a walk through the text asks them: each item is
/// passed once instead of searched for at every token.
pub(crate) struct Covering<'a, T, F> {
    items: &'a [T],
    span: F,
    /// How many items start at or before the last offset asked.
    passed: usize,
}

impl<'a, T, F: Fn(&T) -> Span> Covering<'a, T, F> {
    pub(crate) fn new(items: &'a [T], span: F) -> Self {
        Covering {
            items,
            span,
            passed: 0,
        }
    }

    /// Whether `offset` (no smaller than the last one asked) lies inside one of the items.
    pub(crate) fn covers(&mut self, offset: usize) -> bool {
        while self
            .items
            .get(self.passed)
            .is_some_and(|x| (self.span)(x).start <= offset)
        {
            self.passed += 1;
        }
        self.passed > 0 && (self.span)(&self.items[self.passed - 1]).end > offset
    }
}

/// Person, organisation, or a single capitalised word whose kind the corpus decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    /// A surname-like word standing alone ("Peskov"); resolved against full names in the corpus.
    Unknown,
}

/// A role as the article states it, and why it was read as one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub text: String,
    pub span: Span,
    /// "title" (before the name), "apposition" (after it) or "nickname" (in quotation marks inside it:
    /// Vincent “The Chin” Gigante).
    #[serde(deserialize_with = "intern::de_word")]
    pub pattern: intern::Word,
}

/// One mention of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    /// The name as written, possessive removed.
    pub name: Box<str>,
    pub kind: ActorKind,
    /// Roles stated with this mention: a title before the name, an apposition after it, or both.
    pub roles: Box<[Role]>,
    pub sentence: u32,
    /// Why it was read as an actor.
    pub rule: ActorRule,
}

impl ActorMention {
    /// Whether it names one who acts as one: a person (or a name not yet told to be an organisation's),
    /// or a ship, told apart from another ship as a person from another person.
    pub fn is_individual(&self) -> bool {
        self.kind != ActorKind::Organization || self.rule == ActorRule::Vessel
    }
}

/// Why a mention was read as an actor (`export` gives it for each mention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorRule {
    KnownFirstName,
    TitleBeforeName,
    TitleOrApposition,
    /// An age or "who" after the name ("Raj Chohan, 59, of Queens", "Gaetano Lo Presti, who …").
    AgeOrWho,
    CapitalisedName,
    CapitalisedWord,
    Acronym,
    OrganisationLexicon,
    OrganisationHeadWord,
    AfterOrganisationNoun,
    ParticleName,
    PlaceAndPluralName,
    /// In a Title Case line, a name the article writes elsewhere.
    NamedElsewhere,
    /// A name the article writes after "the" or before a version number: a team, a group or a thing.
    NameAfterThe,
    /// A ship's name after its prefix ("INS Sukanya", "MV Gibe"): a crew, not a person.
    Vessel,
    Annotated,
}

impl ActorRule {
    /// The rule in words ("known first name").
    pub fn as_str(self) -> &'static str {
        match self {
            ActorRule::KnownFirstName => "known first name",
            ActorRule::TitleBeforeName => "title before a name",
            ActorRule::TitleOrApposition => "title or apposition",
            ActorRule::AgeOrWho => "an age or \"who\" after the name",
            ActorRule::CapitalisedName => "capitalised name",
            ActorRule::CapitalisedWord => "capitalised word",
            ActorRule::Acronym => "acronym",
            ActorRule::OrganisationLexicon => "organisation lexicon",
            ActorRule::OrganisationHeadWord => "organisation head word",
            ActorRule::AfterOrganisationNoun => "after an organisation noun",
            ActorRule::ParticleName => "particle name",
            ActorRule::PlaceAndPluralName => "a place and a plural name",
            ActorRule::NamedElsewhere => "named so elsewhere in the article",
            ActorRule::NameAfterThe => {
                "a name written after \"the\" or before a version: no person"
            }
            ActorRule::Vessel => "a ship's prefix (INS, USS, MV): a crew, no person",
            ActorRule::Annotated => "annotated",
        }
    }
}

/// A place named in the article (16 bytes: a corpus holds hundreds of thousands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span32,
    /// Canonical gazetteer name (or the words as written, for a place the gazetteer does not know).
    pub name: intern::Numbered,
    pub sentence: u32,
}

impl PlaceMention {
    pub fn new(span: Span, name: &'static str, sentence: usize) -> PlaceMention {
        PlaceMention {
            span: span.into(),
            name: intern::Numbered::of(name),
            sentence: u32::try_from(sentence).unwrap_or(u32::MAX),
        }
    }
}

/// A quotation and the actor mention it is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quotation marks and what they hold.
    pub span: Span,
    /// What they hold, without the spaces at either end.
    pub inner: Span,
    /// Index into `ArticleFacts::actors`.
    pub speaker: Option<usize>,
}

/// `i` plus one, as [`EventMention`] keeps an optional index (none for an index past 32 bits, which an
/// article of at most 64 MiB does not reach).
fn index_plus_one(i: Option<usize>) -> Option<NonZeroU32> {
    i.and_then(|i| u32::try_from(i + 1).ok())
        .and_then(NonZeroU32::new)
}

impl Quote {
    /// The words quoted, in the text of its article.
    pub fn text<'a>(&self, article: &'a str) -> &'a str {
        article.get(self.inner.start..self.inner.end).unwrap_or("")
    }
}

/// Whether an event is told as having happened or as planned, possible or hypothetical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Realis,
    Irrealis,
}

/// One mention of an event: its trigger and the arguments found around it. A corpus has millions, so
/// indexes are 32-bit (4 bytes with their "none"), and its participants and countries lie in its article's
/// lists ([`ArticleFacts::participants`], [`ArticleFacts::parties`]): a mention holds where they start and
/// how many, no pointer and no allocation of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    pub span: Span32,
    pub trigger: Span32,
    /// The word the trigger stands for ("meet" for "met", "talk" for "talks").
    pub lemma: intern::Numbered,
    pub class: EventClass,
    pub sentence: u32,
    /// Index into `ArticleFacts::dates`, plus one (see [`EventMention::date`]).
    date: Option<NonZeroU32>,
    /// Index into `ArticleFacts::places`, plus one.
    place: Option<NonZeroU32>,
    /// Where its participants start in `ArticleFacts::event_participants`, and how many.
    participants_at: u32,
    participants_len: u8,
    /// Which of its participants it is of (whom a death is of), plus one (0: none).
    victim: u8,
    /// Where the countries involved start in `ArticleFacts::event_parties`, and how many.
    parties_len: u8,
    parties_at: u32,
    /// The registered event (`dateline.toml`) whose words it is written within, plus one (0: none).
    registered: u16,
    pub modality: Modality,
    /// Referring back ("the meeting", "these talks") rather than introducing.
    pub definite: bool,
    /// Told in passing, not as its sentence's news: in a relative clause ("a driver who fled"), in a
    /// clause a participle opens after a comma ("Gary Gomes, accused in the deaths of two women,"), in a
    /// clause of time or cause with its own subject ("before he ever entered Nixon's circle"), as a
    /// participle with its agent after a noun ("the teenager killed by police"), or as what someone is
    /// charged with ("the teen accused of shooting").
    pub in_passing: bool,
    /// In a question ("Arson in Alaska – a Palin pattern?"): asked, not reported.
    pub asked: bool,
}

impl EventMention {
    /// The sentence it is in, as an index into `ArticleFacts::sentences`.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
    /// Index into `ArticleFacts::dates` of its date.
    pub fn date(&self) -> Option<usize> {
        self.date.map(|i| i.get() as usize - 1)
    }
    /// The number of the registered event whose words it is written within, when it is.
    pub fn registered(&self) -> Option<usize> {
        usize::from(self.registered).checked_sub(1)
    }

    /// Index into `ArticleFacts::places` of its place.
    pub fn place(&self) -> Option<usize> {
        self.place.map(|i| i.get() as usize - 1)
    }
}

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Reported,
    Hedged,
    Headline,
    Planned,
}

/// The content a claim or a denial is about, used to match one to the other. A corpus holds hundreds of
/// thousands: the indexes of its events, actors, places and dates lie in one boxed list (empty, it takes
/// no heap), and its keywords are numbered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "ContentParts", into = "ContentParts")]
pub struct Content {
    /// Indexes into `ArticleFacts::events`, `actors`, `places` and `dates`, one list after the other.
    indexes: Box<[u32]>,
    /// Where the actors, the places and the dates start in `indexes`.
    starts: [u16; 3],
    /// Lower-cased content words (stems), sorted by number, each once.
    pub keywords: Box<[intern::Numbered]>,
}

/// [`Content`] as it is written (to the facts cache): each list on its own, the keywords as words.
#[derive(Serialize, Deserialize)]
struct ContentParts {
    events: Vec<u32>,
    actors: Vec<u32>,
    places: Vec<u32>,
    dates: Vec<u32>,
    #[serde(deserialize_with = "intern::de_numbered")]
    keywords: Box<[intern::Numbered]>,
}

impl From<ContentParts> for Content {
    fn from(p: ContentParts) -> Content {
        Content::new([&p.events, &p.actors, &p.places, &p.dates], p.keywords)
    }
}

impl From<Content> for ContentParts {
    fn from(c: Content) -> ContentParts {
        ContentParts {
            events: c.events().to_vec(),
            actors: c.actors().to_vec(),
            places: c.places().to_vec(),
            dates: c.dates().to_vec(),
            keywords: c.keywords,
        }
    }
}

impl Content {
    /// The content with these events, actors, places and dates (indexes into the article's lists; at
    /// most 65,535 in all, the rest left out) and keywords.
    pub fn new(lists: [&[u32]; 4], keywords: Box<[intern::Numbered]>) -> Content {
        let mut indexes: Vec<u32> = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
        let mut starts = [0u16; 3];
        for (k, list) in lists.iter().enumerate() {
            if k > 0 {
                starts[k - 1] = u16::try_from(indexes.len()).unwrap_or(u16::MAX);
            }
            let room = usize::from(u16::MAX) - indexes.len();
            indexes.extend(list.iter().take(room));
        }
        Content {
            indexes: indexes.into(),
            starts,
            keywords,
        }
    }

    fn list(&self, k: usize) -> &[u32] {
        let start = if k == 0 {
            0
        } else {
            usize::from(self.starts[k - 1])
        };
        let end = self
            .starts
            .get(k)
            .map_or(self.indexes.len(), |&e| usize::from(e));
        self.indexes.get(start..end).unwrap_or(&[])
    }

    /// Indexes into `ArticleFacts::events`.
    pub fn events(&self) -> &[u32] {
        self.list(0)
    }

    /// Indexes into `ArticleFacts::actors`.
    pub fn actors(&self) -> &[u32] {
        self.list(1)
    }

    /// Indexes into `ArticleFacts::places`.
    pub fn places(&self) -> &[u32] {
        self.list(2)
    }

    /// Indexes into `ArticleFacts::dates`.
    pub fn dates(&self) -> &[u32] {
        self.list(3)
    }
}

/// A claim: a statement that something happened or will happen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span32,
    pub sentence: u32,
    pub kind: ClaimKind,
    /// The words that made it a claim.
    pub cue: intern::Numbered,
    pub content: Content,
}

/// A denial: a statement rejecting a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Denial {
    pub span: Span,
    pub sentence: usize,
    #[serde(deserialize_with = "intern::de_word")]
    pub cue: intern::Word,
    /// Index into `ArticleFacts::actors`: who denies.
    pub by: Option<usize>,
    /// What is denied.
    pub content: Content,
    /// When the denied content is "such plans" / "the reports", the sentence it points back to.
    pub antecedent: Option<usize>,
}

/// Everything recognised in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    /// Where each sentence is (32-bit: an article has many; see [`Span32`]).
    pub sentences: Vec<Span32>,
    /// Sentences that are headlines (the first line, or a short title-case line).
    pub headlines: Vec<usize>,
    pub dates: Vec<DateMention>,
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<EventMention>,
    /// The participants of every event mention, one after the other (indexes into `actors`).
    pub event_participants: Vec<u32>,
    /// The countries involved in every event mention, one after the other (from demonyms and country
    /// names around the trigger).
    pub event_parties: Vec<intern::Numbered>,
    pub claims: Vec<Claim>,
    pub denials: Vec<Denial>,
    /// Byte ranges ignored as web-page furniture.
    pub furniture: Vec<Span32>,
    /// Headlines of linked articles ("Read more: …"): actors are recognised there, nothing else.
    pub links: Vec<Span32>,
    /// The words that carry content in the headline and lead (see [`LEAD_SENTENCES`]), sorted by number,
    /// each once: what the article is about, to tell which articles tell one story.
    #[serde(deserialize_with = "intern::de_numbered")]
    pub lead_words: Box<[intern::Numbered]>,
}

/// Sentences from the top of an article that make its lead (the headline counts as one).
pub const LEAD_SENTENCES: usize = 5;

/// Analyses one article. `body_start` is where the text after front matter begins.
pub fn analyse(text: &str, body_start: usize) -> ArticleFacts {
    analyse_with(text, body_start, phrases::CorpusPhrases::none())
}

/// Analyses one article with the phrases its corpus adds (registered events, claim and denial cues).
pub fn analyse_with(
    text: &str,
    body_start: usize,
    phrases: &phrases::CorpusPhrases,
) -> ArticleFacts {
    analyse_annotated(text, body_start, phrases, None)
}

/// Analyses one article with the phrases its corpus adds and its own annotations, which come before
/// what is inferred (see [`annotated`]).
pub fn analyse_annotated(
    text: &str,
    body_start: usize,
    phrases: &phrases::CorpusPhrases,
    annotated: Option<&annotated::Annotated>,
) -> ArticleFacts {
    let doc = text::Doc::new(text, body_start);
    let mut facts = ArticleFacts {
        sentences: doc
            .sents
            .iter()
            .map(|s| Span::new(s.start, s.end).into())
            .collect(),
        headlines: doc.headline_sentences(),
        furniture: doc
            .furniture
            .iter()
            .map(|&(s, e)| Span::new(s, e).into())
            .collect(),
        links: doc
            .links
            .iter()
            .map(|&(s, e)| Span::new(s, e).into())
            .collect(),
        lead_words: doc.lead_keywords(LEAD_SENTENCES),
        ..Default::default()
    };
    facts.dates = dates::find(&doc);
    let found = names::find(&doc);
    facts.places = found.places;
    facts.actors = found.actors;
    if let Some(a) = annotated {
        annotated::apply_actors(text, &mut facts, a);
    }
    facts.quotes = names::attribute_quotes(&doc, &facts.actors);
    let mut found = events::find(&doc, &facts, &phrases.events);
    if let Some(a) = annotated {
        events::with_annotated(&doc, &facts, &mut found, a);
    }
    facts.events = found.mentions;
    facts.event_participants = found.participants;
    facts.event_parties = found.parties;
    let (claims, denials) = claims::find(&doc, &facts, phrases);
    facts.claims = claims;
    facts.denials = denials;
    facts.shrink();
    facts
}

impl ArticleFacts {
    /// The participants of event mention `m` of these facts, as indexes into `actors`.
    pub fn participants(&self, m: &EventMention) -> impl Iterator<Item = usize> + '_ {
        let at = m.participants_at as usize;
        self.event_participants
            .get(at..at + usize::from(m.participants_len))
            .unwrap_or(&[])
            .iter()
            .map(|&a| a as usize)
    }

    /// The person event mention `m` of these facts is of (whom a death is of), as an index
    /// into `actors`.
    pub fn victim(&self, m: &EventMention) -> Option<usize> {
        self.participants(m)
            .nth(usize::from(m.victim).checked_sub(1)?)
    }

    /// The countries involved in event mention `m` of these facts.
    pub fn parties(&self, m: &EventMention) -> impl Iterator<Item = &'static str> + '_ {
        let at = m.parties_at as usize;
        self.event_parties
            .get(at..at + usize::from(m.parties_len))
            .unwrap_or(&[])
            .iter()
            .map(|p| p.as_str())
    }

    /// Gives back the room vectors grew into while the facts were found: they are kept as long as the
    /// article is in the corpus.
    fn shrink(&mut self) {
        self.sentences.shrink_to_fit();
        self.headlines.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.places.shrink_to_fit();
        self.actors.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.events.shrink_to_fit();
        self.event_participants.shrink_to_fit();
        self.event_parties.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.denials.shrink_to_fit();
        self.furniture.shrink_to_fit();
        self.links.shrink_to_fit();
    }

    /// These facts with every span moved by `map_start` / `map_end` (offsets after an edit); a span that
    /// cannot be moved (it touched the edited text) becomes [`Span::UNMOVABLE`], equal to no real span.
    pub fn moved(
        &self,
        map_start: impl Fn(usize) -> Option<usize>,
        map_end: impl Fn(usize) -> Option<usize>,
    ) -> ArticleFacts {
        let span = |s: Span| -> Span {
            match (map_start(s.start), map_end(s.end)) {
                (Some(a), Some(b)) => Span::new(a, b),
                _ => Span::UNMOVABLE,
            }
        };
        let span32 = |s: Span32| -> Span32 { span(s.get()).into() };
        let spans = |v: &[Span32]| -> Vec<Span32> { v.iter().map(|&s| span32(s)).collect() };
        let mut f = self.clone();
        f.sentences = spans(&self.sentences);
        f.furniture = spans(&self.furniture);
        f.links = spans(&self.links);
        for d in &mut f.dates {
            d.span = span32(d.span);
        }
        for p in &mut f.places {
            p.span = span32(p.span);
        }
        for a in &mut f.actors {
            a.span = span(a.span);
            for r in &mut a.roles {
                r.span = span(r.span);
            }
        }
        for q in &mut f.quotes {
            q.span = span(q.span);
        }
        for e in &mut f.events {
            e.span = span32(e.span);
            e.trigger = span32(e.trigger);
        }
        for c in &mut f.claims {
            c.span = span32(c.span);
        }
        for x in &mut f.denials {
            x.span = span(x.span);
        }
        f
    }
}

#[cfg(test)]
mod content_tests {
    use super::Content;
    use super::intern::{Numbered, intern};

    #[test]
    fn a_contents_lists_are_kept_apart_in_one_and_written_and_read_whole() {
        // keywords are kept sorted by number, as contents hold them
        let mut words = vec![Numbered::of(intern("ferry")), Numbered::of(intern("quay"))];
        words.sort_unstable();
        let words: Box<[Numbered]> = words.into();
        let c = Content::new([&[3, 1], &[], &[7], &[0, 2, 4]], words.clone());
        assert_eq!(c.events(), &[3, 1]);
        assert!(c.actors().is_empty());
        assert_eq!(c.places(), &[7]);
        assert_eq!(c.dates(), &[0, 2, 4]);
        assert_eq!(c.keywords, words);
        let bytes = postcard::to_allocvec(&c).expect("written");
        let back: Content = postcard::from_bytes(&bytes).expect("read");
        assert_eq!(back, c);
        assert!(Content::default().events().is_empty() && Content::default().dates().is_empty());
    }
}
