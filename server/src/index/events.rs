//! Event coreference across the corpus. Mentions are first chained within their article (same class, no
//! conflicting date or place, a shared argument, or a definite reference back: "the meeting"), then chains
//! are merged across articles when their class agrees, nothing conflicts, and an anchor is shared: the same
//! place, two participants, the same trigger with a participant (for events that happened), places within
//! one another with the same countries involved, or the same day with a participant or nested places.
//! Articles about different people (each names another person most: an obituary of Felt, one of LaRue)
//! share an event only by its place, or its day and a participant; a cluster of reports is about whom most
//! of them are about ([`About`]). A day alone links nothing across articles.
//! Within one story (articles whose leads tell one particular event), the same word with nothing
//! conflicting is the same event; and so it is in articles alike in the names and lead words they use
//! ([`super::similar`]), with no conflicting date or place. Each event's defining mention is where a report
//! first tells it: nearest the top of its article (the headline and first sentence count alike, up to the
//! fourth sentence; a mention that tells the whole event counts as lead), then in the earliest article by
//! the date it states, then in an article typical of those reporting the event (as alike the others as
//! most are: not one that tells a like event and joined through a place or a name), then one that names
//! the event's place, then the most specific, then in the earliest by a date inferred from its text.
//!
//! The corpus's event registry (`dateline.toml`) comes before all this: a mention whose trigger is within
//! words naming a registered event (its label or an alias) is that event, with the mentions linked to it,
//! and a cluster that holds mentions of two registered events is split between them.

use super::actors::Actor;
use super::dates::DocDate;
use super::small_set::SmallSet;
use super::{DocEntry, MentionRef};
use crate::analysis::dates::PartialDate;
use crate::analysis::intern::Numbered;
use crate::analysis::lexicon::{EventClass, lexicon};
use crate::analysis::{EventMention, Modality};
use crate::corpus::settings_file::RegisteredEvent;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use smallvec::SmallVec;
use std::sync::Arc;

/// One real-world event and its mentions. A corpus has tens of thousands, most with one mention, so its id
/// and label are made from the defining mention when asked for ([`Event::id`], [`Event::label`]), and it
/// keeps indexes in 32 bits: its place by number, its participants, and its mentions, none of them in a
/// list of their own when the defining mention is the only one.
#[derive(Debug, Clone)]
pub struct Event {
    pub class: EventClass,
    pub date: Option<PartialDate>,
    /// Its place by [`crate::analysis::intern::number`] (0: none); see [`Event::place`].
    place: u32,
    /// Actor indexes, sorted.
    participants: Box<[u32]>,
    definition: Ref32,
    /// Every mention, in order; empty when the defining mention is the only one (see [`Event::mentions`]).
    mentions: Box<[Ref32]>,
    /// Why mentions were linked: one per merge (see [`Event::evidence_lines`]).
    pub evidence: Box<[Evidence]>,
    /// Which of the events with the same id base this is (1 for the first; see [`Event::id`]).
    nth: u32,
    /// Its entry in the corpus's event registry, when it has one.
    pub registered: Option<Arc<RegisteredEvent>>,
}

/// Which event a mention is, and which part of that event: the mentions linked by their arguments or
/// within one story, before the same word in articles alike joined them ([`alike_articles`]). Navigation
/// goes by event; claims and denials are matched by part, since one word in two alike articles is a link
/// a reader may follow, not evidence that a denial speaks of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventOf {
    event: u32,
    /// [`NO_PART`] for a part that is no particular event.
    part: u32,
}

/// The part of a mention whose part has neither a place nor a date.
const NO_PART: u32 = u32::MAX;

impl EventOf {
    /// The event's index in the model's events.
    pub fn event(self) -> usize {
        self.event as usize
    }
    /// The part's number, unique in the corpus, when the part is a particular event (it has a place or
    /// a date): two headlines about "a killing" share a kind of event, not a story.
    pub fn particular_part(self) -> Option<usize> {
        (self.part != NO_PART).then_some(self.part as usize)
    }
}

/// A [`MentionRef`] in 32 bits each (no corpus holds 4 billion articles, nor an article as many mentions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ref32(u32, u32);

impl Ref32 {
    fn of((di, mi): MentionRef) -> Ref32 {
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Ref32(narrow(di), narrow(mi))
    }
    fn get(self) -> MentionRef {
        (self.0 as usize, self.1 as usize)
    }
}

/// Why one article's mention (or chain) was merged into an event; rendered only when shown, since a resolve
/// makes one per merge (24 bytes).
#[derive(Debug, Clone, Copy)]
pub struct Evidence {
    /// The document whose mention was merged.
    pub doc: u32,
    why: Why,
}

const _: () = assert!(
    std::mem::size_of::<Evidence>() == 24,
    "one per merge: keep it small"
);

/// How a mention (or chain) came to be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EvidenceKind {
    /// Within its own article, by shared arguments.
    Within,
    /// Within its own article, as a definite reference back ("the meeting").
    Back,
    /// Across articles, by shared arguments.
    Linked,
    /// Across articles of one story, by the same word.
    Story,
    /// Across alike articles, by the same word.
    Alike,
    /// Named in the words of a registered event.
    Registered,
}

impl Evidence {
    /// A merge within article `doc` by `link`.
    fn within(doc: usize, link: Link) -> Evidence {
        let kind = if link.back {
            EvidenceKind::Back
        } else {
            EvidenceKind::Within
        };
        Evidence::of(doc, Why::of(link, kind))
    }

    /// A merge of article `doc`'s chain by `link` across articles.
    fn linked(doc: usize, link: Link) -> Evidence {
        Evidence::of(doc, Why::of(link, EvidenceKind::Linked))
    }

    /// A merge of `doc`'s mention for `kind`, which needs no link (a story, the registry).
    fn plain(doc: usize, kind: EvidenceKind) -> Evidence {
        Evidence::of(doc, Why::of(Link::none(), kind))
    }

    fn of(doc: usize, why: Why) -> Evidence {
        Evidence {
            doc: u32::try_from(doc).unwrap_or(u32::MAX),
            why,
        }
    }
}

impl Event {
    /// An event of `class` with its mentions (sorted) and the defining one among them, with no evidence
    /// and not registered.
    fn new(
        class: EventClass,
        date: Option<PartialDate>,
        place: Option<&'static str>,
        participants: impl IntoIterator<Item = usize>,
        definition: MentionRef,
        mentions: Vec<MentionRef>,
    ) -> Event {
        let mut participants: Box<[u32]> = participants
            .into_iter()
            .map(|a| u32::try_from(a).unwrap_or(u32::MAX))
            .collect();
        participants.sort_unstable();
        let mentions = if mentions.len() == 1 && mentions[0] == definition {
            Box::default()
        } else {
            mentions.into_iter().map(Ref32::of).collect()
        };
        Event {
            class,
            date,
            place: place.map_or(0, crate::analysis::intern::number),
            participants,
            definition: Ref32::of(definition),
            mentions,
            evidence: Box::default(),
            nth: 0,
            registered: None,
        }
    }

    /// Where it is best told: the mention go to definition leads to.
    pub fn definition(&self) -> MentionRef {
        self.definition.get()
    }

    /// Every mention, in order of article and place in it.
    pub fn mentions(&self) -> impl ExactSizeIterator<Item = MentionRef> + Clone + '_ {
        let all = if self.mentions.is_empty() {
            std::slice::from_ref(&self.definition)
        } else {
            &self.mentions[..]
        };
        all.iter().map(|r| r.get())
    }

    /// Its place, by its canonical name.
    pub fn place(&self) -> Option<&'static str> {
        crate::analysis::intern::numbered(self.place)
    }

    /// The actors taking part, as indexes into the model's actors.
    pub fn participants(&self) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.participants.iter().map(|&a| a as usize)
    }

    /// The defining mention's trigger, lower-cased ("talks").
    fn trigger(&self, docs: &[Arc<DocEntry>]) -> String {
        let (di, mi) = self.definition();
        docs.get(di)
            .and_then(|d| {
                let m = d.facts.events.get(mi)?;
                d.article
                    .text
                    .get(m.trigger.get().start..m.trigger.get().end)
            })
            .map_or_else(|| "?".to_string(), str::to_lowercase)
    }

    /// What the event is called: the defining mention's trigger, its place and date ("talks in Oslo,
    /// 2026-05-03").
    pub fn label(&self, docs: &[Arc<DocEntry>]) -> String {
        if let Some(r) = &self.registered {
            return r.label.clone();
        }
        let mut label = self.trigger(docs);
        if let Some(p) = self.place() {
            label.push_str(&format!(" in {p}"));
        }
        if let Some(d) = self.date {
            label.push_str(&format!(", {}", d.display()));
        }
        label
    }

    /// A readable id, stable for the same corpus: lemma, place and date ("talk-oslo-2026-05-03"), numbered
    /// from the second event with the same ones ("talk-oslo-2026-05-03-2").
    pub fn id(&self, docs: &[Arc<DocEntry>]) -> String {
        if let Some(r) = &self.registered {
            return r.id.clone();
        }
        let (di, mi) = self.definition();
        let lemma = docs
            .get(di)
            .and_then(|d| d.facts.events.get(mi))
            .map_or("?", |m| m.lemma.as_str());
        let base = id_base(lemma, self.place(), self.date);
        if self.nth <= 1 {
            base
        } else {
            format!("{base}-{}", self.nth)
        }
    }

    /// The evidence as lines (`"a.md linked: same place (Oslo), same day (2026-05-03)"`).
    pub fn evidence_lines<'a>(
        &'a self,
        docs: &'a [Arc<DocEntry>],
        actors: &'a [Actor],
    ) -> impl Iterator<Item = String> + 'a {
        self.evidence.iter().map(|e| {
            let path = docs.get(e.doc as usize).map_or("?", |d| d.path());
            match e.why.kind {
                EvidenceKind::Within => format!("{path}: {}", e.why.text(actors)),
                EvidenceKind::Back => format!("{path}: definite reference back"),
                EvidenceKind::Linked => format!("{path} linked: {}", e.why.text(actors)),
                EvidenceKind::Story => format!("{path} linked: same story, same trigger"),
                EvidenceKind::Alike => {
                    format!(
                        "{path} linked: same trigger, in articles alike in names and lead words"
                    )
                }
                EvidenceKind::Registered => {
                    format!("{path} linked: named as the registered event (dateline.toml)")
                }
            }
        })
    }
}

/// The resolved arguments of one mention.
#[derive(Debug, Clone)]
struct Features {
    class: EventClass,
    lemmas: SmallSet<Numbered, 2>,
    date: Option<PartialDate>,
    place: Option<&'static str>,
    /// Actor indexes (32-bit: a resolve keeps these for every mention).
    participants: SmallSet<u32, 4>,
    /// The participants that are people (for the who-conflict test).
    persons: SmallSet<u32, 4>,
    /// Whom a death is of ([`crate::analysis::ArticleFacts::victim`]), by surname (lower case), when
    /// told as the sentence's news and as having happened: two deaths of two people are two events,
    /// whatever else they share.
    victims: SmallSet<Numbered, 1>,
    /// Whom the articles telling it are about (see [`protagonists`] and [`About`]).
    about: About,
    parties: SmallSet<&'static str, 2>,
    /// The facility it took place in or was headed to, as an actor (the Betty Ford Center is the Betty Ford
    /// Clinic: see [`super::actors`]): two facilities, two events.
    venue: Option<u32>,
    modality: Modality,
    /// A back-reference ("the meeting"); only meaningful for a single mention.
    definite: bool,
    /// When its first article was published (by the date it states, not one inferred).
    published: Option<jiff::civil::Date>,
}

impl Features {
    /// No place, date or participant of its own.
    fn is_bare(&self) -> bool {
        self.place.is_none()
            && self.date.is_none()
            && self.participants.is_empty()
            && self.parties.is_empty()
    }

    fn of(
        d: &DocEntry,
        m: &EventMention,
        doc_date: &DocDate,
        actor_of: &[Option<usize>],
        cast: &Cast,
    ) -> Features {
        let anchor = doc_date.date;
        let persons = d
            .facts
            .participants(m)
            .filter(|&a| d.facts.actors[a].is_individual())
            .filter_map(|a| actor_of.get(a).copied().flatten())
            .filter(|&a| cast.counts(a))
            .map(|a| a as u32)
            .collect();
        let date = m.date().and_then(|i| {
            let expr = &d.facts.dates[i].expr;
            // "on Thursday" counted from a date the article only recalls is a guess, not a day
            let relative = !matches!(expr, crate::analysis::DateExpr::Calendar { .. });
            expr.resolve(anchor.filter(|_| !(relative && doc_date.inferred())))
        });
        let place = m.place().map(|i| d.facts.places[i].name.as_str());
        let lex = lexicon();
        let own_country = place.and_then(|p| lex.country_of_place(p));
        Features {
            class: m.class,
            lemmas: [m.lemma].into(),
            date,
            place,
            participants: d
                .facts
                .participants(m)
                .filter_map(|a| actor_of.get(a).copied().flatten())
                .filter(|&a| cast.counts(a))
                .map(|a| a as u32)
                .collect(),
            persons,
            victims: d
                .facts
                .victim(m)
                .filter(|_| !m.in_passing && m.modality == Modality::Realis)
                .and_then(|a| d.facts.actors[a].name.rsplit(' ').next())
                .map(|surname| {
                    Numbered::of(crate::analysis::intern::intern(&surname.to_lowercase()))
                })
                .into_iter()
                .collect(),
            about: About::of_article(&cast.about),
            parties: d
                .facts
                .parties(m)
                .filter(|p| Some(*p) != own_country && Some(*p) != place)
                .collect(),
            venue: d
                .facts
                .participants(m)
                .filter(|&a| is_facility(&d.facts.actors[a]))
                .find_map(|a| actor_of.get(a).copied().flatten())
                .map(|a| a as u32),
            modality: m.modality,
            definite: m.definite,
            // a date inferred from the text may be a historical one: too weak to keep reports apart
            published: anchor.filter(|_| !doc_date.inferred()),
        }
    }

    /// Days between the first publication of these mentions and that of `o`'s; `None` when either is
    /// undated. (From the first report, so that an event does not drift along a chain of reports.)
    fn days_apart(&self, o: &Features) -> Option<i32> {
        let (a, b) = (self.published?, o.published?);
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        Some(from.until(to).map_or(0, |s| s.get_days()))
    }

    /// Whether it names a place the gazetteer knows: one it does not know ("in Varnholm", which may be a
    /// hall or a town) makes a mention no more specific, and a mention with nothing else is one a
    /// definite reference ("the talks") may point back to.
    fn known_place(&self) -> bool {
        self.place
            .is_some_and(|p| lexicon().places_by_name.contains_key(p))
    }

    fn args(&self) -> usize {
        usize::from(self.date.is_some_and(|d| d.is_specific())) * 2
            + usize::from(self.known_place())
            + self.participants.len().min(2)
    }

    /// Adds another mention's features (a cluster's features are the union, keeping the most specific),
    /// but not whom its article is about: an article counts once however many of its mentions join (see
    /// [`About::add`]).
    fn absorb(&mut self, o: &Features) {
        self.lemmas.extend(o.lemmas.iter().copied());
        if self
            .date
            .is_none_or(|d| !d.is_specific() && o.date.is_some_and(|x| x.is_specific()))
            && o.date.is_some()
        {
            self.date = o.date;
        }
        if let (Some(d), Some(od)) = (self.date, o.date)
            && d.year.is_none()
            && od.year.is_some()
            && d.compatible(&od)
        {
            self.date = Some(PartialDate { year: od.year, ..d });
        }
        match (self.place, o.place) {
            (None, p) => self.place = p,
            (Some(p), Some(op)) if lexicon().place_within(op, p) => self.place = Some(op),
            _ => {}
        }
        self.participants.extend(o.participants.iter().copied());
        self.persons.extend(o.persons.iter().copied());
        self.victims.extend(o.victims.iter().copied());
        self.parties.extend(o.parties.iter().copied());
        self.venue = self.venue.or(o.venue);
        if o.modality == Modality::Realis {
            self.modality = Modality::Realis;
        }
        self.published = match (self.published, o.published) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

fn date_conflict(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => !a.compatible(&b),
        _ => false,
    }
}

/// How two events' places relate: `None` when they conflict (two places of the gazetteer, neither within
/// the other), else whether they are the same place. A place the gazetteer does not know ("in Gdansk") may
/// lie within any other, so it conflicts with none.
fn place_relation(a: Option<&str>, b: Option<&str>) -> Option<bool> {
    let lex = lexicon();
    match (a, b) {
        (Some(a), Some(b)) if a == b => Some(true),
        (Some(a), Some(b))
            if lex.places_nested(a, b)
                || !lex.places_by_name.contains_key(a)
                || !lex.places_by_name.contains_key(b) =>
        {
            Some(false)
        }
        (Some(_), Some(_)) => None,
        _ => Some(false),
    }
}

/// Whether an actor mention names a facility: an organisation whose name ends in a facility's word (a
/// clinic, a hospital, a centre: [`super::actors::FACILITY_HEADS`]).
fn is_facility(a: &crate::analysis::ActorMention) -> bool {
    a.kind == crate::analysis::ActorKind::Organization
        && a.name.rsplit_once(' ').is_some_and(|(_, head)| {
            super::actors::FACILITY_HEADS
                .iter()
                .any(|h| head.eq_ignore_ascii_case(h))
        })
}

/// Whether two events took place in (or were headed to) two different facilities.
fn other_venues(a: &Features, b: &Features) -> bool {
    matches!((a.venue, b.venue), (Some(x), Some(y)) if x != y)
}

/// The organisations (by number in the corpus, sorted) named in more articles than a keyword may be in
/// and still tell one story apart (1 in 100, and more than 100: [`super::findings::common_among`]). Such
/// a one takes part in every event its reports tell — the Islamic State in every killing of a year of
/// news on it — so, like a team, it tells none of them from another; nor does it, alone, match a denial
/// to a claim ([`super::findings::match_claims`]). Made once per resolve, for both.
pub fn widespread_organisations(
    docs: &[Arc<DocEntry>],
    actor_of: &[Vec<Option<usize>>],
) -> Vec<usize> {
    let common = super::findings::common_among(docs.len());
    let mut articles: HashMap<usize, usize> = HashMap::default();
    for (d, of) in docs.iter().zip(actor_of) {
        let mut here: Vec<usize> = (d.facts.actors.iter().zip(of))
            .filter(|(a, _)| a.kind == crate::analysis::ActorKind::Organization)
            .filter_map(|(_, x)| *x)
            .collect();
        here.sort_unstable();
        here.dedup();
        for x in here {
            *articles.entry(x).or_default() += 1;
        }
    }
    let mut widespread: Vec<usize> = articles
        .into_iter()
        .filter(|&(_, n)| n > common)
        .map(|(x, _)| x)
        .collect();
    widespread.sort_unstable();
    widespread
}

/// Whom the articles telling an event are about: for each person, in how many of them they are among the
/// protagonists ([`protagonists`]). Its core — those in at least half of its articles that are about
/// someone — is whom the event is about: the Saints' articles of 2010 about Pierre Thomas name Reggie
/// Bush too, and those of 2008 about Bush name Thomas, but the injured reserve each story tells is the
/// one of its core. At most [`MAX_ABOUT`] people are counted.
#[derive(Debug, Clone, Default)]
struct About {
    /// Actor and count, by actor.
    counts: SmallVec<[(u32, u16); 4]>,
    /// The articles counted that are about someone.
    articles: u16,
}

impl About {
    fn of_article(protagonists: &SmallSet<u32, 4>) -> About {
        About {
            counts: protagonists.iter().map(|&a| (a, 1)).collect(),
            articles: u16::from(!protagonists.is_empty()),
        }
    }

    /// Counts the articles of `o` too (articles not counted yet).
    fn add(&mut self, o: &About) {
        for &(a, n) in &o.counts {
            match self.counts.binary_search_by_key(&a, |&(x, _)| x) {
                Ok(i) => self.counts[i].1 = self.counts[i].1.saturating_add(n),
                Err(i) if self.counts.len() < MAX_ABOUT => self.counts.insert(i, (a, n)),
                Err(_) => {}
            }
        }
        self.articles = self.articles.saturating_add(o.articles);
    }

    /// Those in at least half the articles about someone.
    fn core(&self) -> impl Iterator<Item = u32> + '_ {
        self.counts
            .iter()
            .filter(|&&(_, n)| u32::from(n) * 2 >= u32::from(self.articles))
            .map(|&(a, _)| a)
    }

    /// Whether both have a core and share no one in it.
    fn apart(&self, o: &About) -> bool {
        let mut mine = self.core().peekable();
        let mut theirs = o.core().peekable();
        if mine.peek().is_none() || theirs.peek().is_none() {
            return false;
        }
        let theirs: SmallSet<u32, 4> = theirs.collect();
        !mine.any(|a| theirs.contains(&a))
    }
}

/// The most people an event's [`About`] counts: a cluster of thousands of articles, each about others, stays
/// cheap to merge (one about whom half of them are is counted among the first).
const MAX_ABOUT: usize = 64;

/// Who an article's events involve, told once per article.
struct Cast {
    /// The people it is about (see [`protagonists`]).
    about: SmallSet<u32, 4>,
    /// The teams it names: those some article of the corpus names in full ("the Indianapolis Colts"), also
    /// where this one says only "the Colts". A team plays every game of a season, so it tells no game, and
    /// no arrest of one of its players, from another. And so for the organisations the corpus names
    /// everywhere ([`widespread_organisations`]).
    teams: SmallSet<u32, 4>,
}

impl Cast {
    fn of(d: &DocEntry, actor_of: &[Option<usize>], corpus_teams: &FxHashSet<usize>) -> Cast {
        let teams = actor_of
            .iter()
            .flatten()
            .filter(|x| corpus_teams.contains(x))
            .map(|&x| x as u32)
            .collect();
        Cast {
            about: protagonists(d, actor_of, &teams),
            teams,
        }
    }

    /// Whether an actor (by its number in the corpus) takes part in this article's events as evidence.
    fn counts(&self, actor: usize) -> bool {
        !self.teams.contains(&(actor as u32))
    }
}

/// The people an article is about: those it names most, at least twice (the dead man of an obituary, not
/// the president it recalls), leaving out those it names as speaking for others (a spokesman, an agent).
fn protagonists(
    d: &DocEntry,
    actor_of: &[Option<usize>],
    teams: &SmallSet<u32, 4>,
) -> SmallSet<u32, 4> {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    let mut voices: SmallSet<usize, 4> = SmallSet::default();
    for (i, a) in d.facts.actors.iter().enumerate() {
        if a.is_individual()
            && let Some(Some(x)) = actor_of.get(i)
            && !teams.contains(&(*x as u32))
        {
            *counts.entry(*x).or_default() += 1;
            if a.roles.iter().any(|r| speaks_for_others(&r.text)) {
                voices.insert(*x);
            }
        }
    }
    counts.retain(|a, _| !voices.contains(a));
    let most = counts.values().copied().max().unwrap_or(0);
    let mut top: Vec<usize> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2 && n == most)
        .map(|(a, _)| a)
        .collect();
    top.sort_unstable();
    top.iter().take(3).map(|&a| a as u32).collect()
}

/// Whether a role is one of speaking for others: a spokesman, an agent, a lawyer.
fn speaks_for_others(role: &str) -> bool {
    const VOICES: [&str; 7] = [
        "spokes",
        "agent",
        "publicist",
        "lawyer",
        "attorney",
        "representative",
        "press secretary",
    ];
    let role = role.to_lowercase();
    VOICES.iter().any(|v| role.contains(v))
}

/// Whether two mentions (or clusters) are told by articles about different people: an obituary of Felt
/// and one of LaRue tell two deaths, though both recall Nixon.
fn about_others(a: &Features, b: &Features) -> bool {
    a.about.apart(&b.about)
}

/// One participant two mentions (or clusters) share: a person when they share one.
fn first_shared(a: &Features, b: &Features) -> Option<u32> {
    (a.persons.common(&b.persons).next()).or_else(|| a.participants.common(&b.participants).next())
}

/// Whether two different places lie within one another by the gazetteer.
fn nested(a: Option<&str>, b: Option<&str>) -> bool {
    let lex = lexicon();
    a.zip(b)
        .is_some_and(|(a, b)| a != b && lex.places_nested(a, b))
}

/// Whether events of `class` link only to the same word: "other" gathers unrelated actions (a roof
/// damaged, a power line restored), and a change of staff is told by its act (firing a coach and hiring
/// his successor are two events), and so is a step in court (a man charged, the murder he is charged
/// with, his trial and his sentence are four).
fn same_word_only(class: EventClass) -> bool {
    matches!(
        class,
        EventClass::Other | EventClass::Personnel | EventClass::Legal
    )
}

/// Why a mention (or chain) may be linked to a cluster, and how strongly (see [`Why`] for what a merge
/// keeps of it).
#[derive(Debug, Clone, Copy)]
pub struct Link {
    score: f32,
    /// This side's place, when both sides name it or name places within one another.
    place: Option<&'static str>,
    /// The other side's place, when the two lie within one another (and are not the same).
    within: Option<&'static str>,
    day: Option<PartialDate>,
    /// Shared participants and countries (counted up to 255).
    shared: u8,
    shared_parties: u8,
    /// One shared participant, a person when one is (for the explanation).
    named: Option<u32>,
    same_lemma: bool,
    /// "the meeting" referring back to the latest chain of its class.
    back: bool,
}

impl Link {
    /// Nothing shared (evidence that needs no link).
    fn none() -> Link {
        Link {
            back: false,
            ..Link::back()
        }
    }

    /// A definite reference back ("the meeting") with nothing else shared.
    fn back() -> Link {
        Link {
            score: 1.0,
            place: None,
            within: None,
            day: None,
            shared: 0,
            shared_parties: 0,
            named: None,
            same_lemma: false,
            back: true,
        }
    }
}

/// What a merge's evidence keeps of its [`Link`]: no score, places by number
/// ([`crate::analysis::intern::number`], 0 for none), one shared participant's actor index plus one (0 for
/// none), the day in four bytes (`i16::MIN` for no year, 0 for no month or day), counts in a byte, and how
/// the merge was made. A resolve keeps one per merge.
#[derive(Debug, Clone, Copy)]
struct Why {
    place: u32,
    within: u32,
    named: u32,
    year: i16,
    month: u8,
    day: u8,
    shared: u8,
    shared_parties: u8,
    same_lemma: bool,
    kind: EvidenceKind,
}

impl Why {
    fn of(l: Link, kind: EvidenceKind) -> Why {
        let number = |p: Option<&'static str>| p.map_or(0, crate::analysis::intern::number);
        let day = l.day.unwrap_or(PartialDate {
            year: None,
            month: None,
            day: None,
        });
        Why {
            place: number(l.place),
            within: number(l.within),
            year: day.year.unwrap_or(i16::MIN),
            month: day.month.unwrap_or(0),
            day: day.day.unwrap_or(0),
            shared: l.shared,
            shared_parties: l.shared_parties,
            same_lemma: l.same_lemma,
            named: l.named.map_or(0, |a| a.saturating_add(1)),
            kind,
        }
    }

    /// The day both were told on, when they were.
    fn day(&self) -> Option<PartialDate> {
        let d = PartialDate {
            year: Some(self.year).filter(|&y| y != i16::MIN),
            month: Some(self.month).filter(|&m| m != 0),
            day: Some(self.day).filter(|&d| d != 0),
        };
        (d.year.is_some() || d.month.is_some() || d.day.is_some()).then_some(d)
    }

    /// The explanation shown in `export` and hovers; `actors` are the model's, which name the shared
    /// participant.
    fn text(&self, actors: &[Actor]) -> String {
        use crate::analysis::intern::numbered;
        let mut why = Vec::new();
        match (numbered(self.place), numbered(self.within)) {
            (Some(a), Some(b)) => why.push(format!("places within one another ({a} / {b})")),
            (Some(p), None) => why.push(format!("same place ({p})")),
            _ => {}
        }
        if let Some(d) = self.day() {
            why.push(format!("same day ({})", d.display()));
        }
        if self.shared > 0 {
            let name = (self.named as usize)
                .checked_sub(1)
                .and_then(|a| actors.get(a))
                .map(|a| a.name.as_str());
            why.push(super::actors::shared_names(
                "participant",
                name.as_slice(),
                usize::from(self.shared),
            ));
        }
        match self.shared_parties {
            0 => {}
            1 => why.push("1 shared country".into()),
            k => why.push(format!("{k} shared countries")),
        }
        if self.same_lemma {
            why.push("same trigger".into());
        }
        why.join(", ")
    }
}

/// Whether a mention (or chain) `a` can be linked to a cluster `b`, and how strongly; `None` when they
/// cannot co-refer. Within one article (`same_doc`), `a` is the later mention.
fn link_score(a: &Features, b: &Features, same_doc: bool) -> Option<Link> {
    // each statement ("said") is one of its own
    if a.class != b.class
        || a.class == EventClass::Statement
        || date_conflict(a.date, b.date)
        || other_venues(a, b)
        || other_victims(a, b)
    {
        return None;
    }
    // different people: Obama's visit is not Trump's — unless a definite reference names the same place
    // ("the Alaska meeting", where the names around it belong to another clause)
    let same_place = a.place.is_some() && a.place == b.place;
    if other_persons(a, b) && (!a.definite || !same_place) {
        return None;
    }
    let exact_place = place_relation(a.place, b.place)?;
    let nested_place = !exact_place && nested(a.place, b.place);
    let same_day =
        matches!((a.date, b.date), (Some(x), Some(y)) if x.is_specific() && y.is_specific());
    let shared = a.participants.shared(&b.participants);
    let shared_parties = a.parties.shared(&b.parties);
    let same_lemma = !a.lemmas.is_disjoint(&b.lemmas);
    if same_word_only(a.class) && !same_lemma {
        return None;
    }
    let both_realis = a.modality == Modality::Realis && b.modality == Modality::Realis;
    let mut score = 0.0;
    if exact_place {
        score += 2.0;
    }
    if nested_place {
        score += 1.0;
    }
    if same_day {
        score += 2.0;
    }
    score += shared.min(2) as f32;
    score += 0.5 * shared_parties.min(2) as f32;
    if same_lemma {
        score += 1.0;
    }
    if a.modality != b.modality {
        score -= 0.5;
    }
    let link = Link {
        score,
        place: if exact_place || nested_place {
            a.place
        } else {
            None
        },
        within: if nested_place { b.place } else { None },
        day: if same_day { a.date } else { None },
        shared: shared.min(255) as u8,
        shared_parties: shared_parties.min(255) as u8,
        named: (shared > 0).then(|| first_shared(a, b)).flatten(),
        same_lemma,
        back: false,
    };
    // articles about different people share an event only by its place, or its day and a participant
    let weak_only = !same_doc && about_others(a, b);
    // a day alone is no anchor across articles: many die on one day. It anchors with a shared participant
    // or places one within the other, and not when both name places that differ (even where the
    // gazetteer cannot tell that they conflict: Queens and Aoraki Mount Cook)
    let named_apart = a.place.is_some() && b.place.is_some() && !exact_place && !nested_place;
    // a country alone is a wide anchor: many die in New Zealand. It anchors reports published in the same
    // weeks (those further apart are told apart below); reports of unknown dates need a day or a participant
    let country = exact_place
        && a.place
            .is_some_and(|p| lexicon().country_of_place(p) == Some(p));
    let anchored = (exact_place && (!country || a.days_apart(b).is_some()))
        || (country && (same_day || shared > 0))
        || (same_day && !named_apart && (shared > 0 || nested_place))
        || (!weak_only
            && (shared >= 2
                || (same_lemma && shared > 0 && both_realis)
                || (nested_place && shared_parties >= 2)));
    if same_doc {
        // one article, one verb, one event: a bare "he died" after "the actor died in Paris on Monday"
        // tells the same death (conflicting arguments were ruled out above). Only after: `a` is the
        // article's later mention, and a bare word before the event is told ("this sparked discussions
        // on a thaw", then "discussions took place in Riyadh") is no reference to it
        let shares = exact_place || same_day || shared > 0 || shared_parties > 0;
        return ((same_lemma && a.is_bare())
            || (shares && (same_lemma || exact_place || same_day || shared >= 2)))
            .then_some(link);
    }
    // reports far apart in time tell different events, unless they name the day: a strike threatened
    // in Tampere this spring is not one threatened there two years ago
    let undated =
        !a.date.is_some_and(|d| d.is_specific()) && !b.date.is_some_and(|d| d.is_specific());
    if undated && a.days_apart(b).is_some_and(|d| d > UNDATED_WINDOW_DAYS) {
        return None;
    }
    (anchored && score >= 2.0).then_some(link)
}

/// How many days apart articles may be published and still tell one event that neither names the day of.
const UNDATED_WINDOW_DAYS: i32 = 31;

/// When a cluster's event was, as far as the cross-article pass can tell without reading the cluster: its
/// date, and its first publication as a day number that keeps the order of days but counts every month as 31
/// days (overstating a distance by up to 3 days a month). A cheap first test of [`link_score`]'s.
#[derive(Clone, Copy)]
struct When {
    day: Option<i32>,
    dated: bool,
    /// The event's own date.
    date: Option<PartialDate>,
}

impl When {
    fn of(f: &Features) -> When {
        When {
            day: f.published.map(|d| {
                (i32::from(d.year()) * 12 + i32::from(d.month())) * 31 + i32::from(d.day())
            }),
            dated: f.date.is_some_and(|d| d.is_specific()),
            date: f.date,
        }
    }

    /// Whether `link_score` would surely find these apart in time: dates that conflict, or first reports
    /// more than [`UNDATED_WINDOW_DAYS`] apart with neither dated (with slack for the overstatement).
    fn apart(&self, o: &When) -> bool {
        date_conflict(self.date, o.date)
            || (!self.dated
                && !o.dated
                && matches!((self.day, o.day), (Some(a), Some(b)) if (a - b).abs() > UNDATED_WINDOW_DAYS + 6))
    }
}

/// A blocking key: events of one class in one place, on one day, or with one participant; and, for events
/// between countries (two parties), in one country — places within one another link only then (see
/// [`link_score`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BlockKey {
    Place(EventClass, &'static str),
    Country(EventClass, &'static str),
    Day(EventClass, Option<u8>, Option<u8>),
    Actor(EventClass, u32),
}

fn block_keys(f: &Features) -> Vec<BlockKey> {
    let mut k = Vec::new();
    if f.class == EventClass::Statement {
        return k;
    }
    if let Some(p) = f.place {
        k.push(BlockKey::Place(f.class, p));
        if f.parties.len() >= 2 {
            let country = lexicon().country_of_place(p).unwrap_or(p);
            k.push(BlockKey::Country(f.class, country));
        }
    }
    if let Some(d) = f.date.filter(|d| d.is_specific()) {
        k.push(BlockKey::Day(f.class, d.month, d.day));
    }
    for &p in &f.participants {
        k.push(BlockKey::Actor(f.class, p));
    }
    k
}

/// Clusters examined per blocking key when linking a chain across articles: the most recent of the block, so
/// that a key shared by thousands of events stays cheap.
const MAX_BLOCK_CANDIDATES: usize = 200;

struct Cluster {
    features: Features,
    mentions: Vec<MentionRef>,
    /// Documents the mentions are in.
    docs: SmallSet<usize, 2>,
    evidence: Vec<Evidence>,
}

impl Cluster {
    /// Takes in cluster `c` (its features, mentions, articles and evidence), merged for `kind`: the
    /// evidence names `c`'s first article. `casts` tell whom each article is about.
    fn take_in(&mut self, c: Cluster, kind: EvidenceKind, casts: &[Cast]) {
        let first = c.mentions[0].0;
        self.features.absorb(&c.features);
        if c.docs.iter().all(|d| !self.docs.contains(d)) {
            self.features.about.add(&c.features.about);
        } else {
            for &d in c.docs.iter().filter(|d| !self.docs.contains(d)) {
                self.features.about.add(&About::of_article(&casts[d].about));
            }
        }
        self.mentions.extend(c.mentions);
        self.docs.extend(c.docs.iter().copied());
        self.evidence.extend(c.evidence);
        self.evidence.push(Evidence::plain(first, kind));
    }
}

/// One article's event mentions chained: the chains, the statements (each an event of its own, kept apart
/// so that they cost no cluster), and how specific each mention is.
struct Chained {
    chains: Vec<Cluster>,
    statements: Vec<Statement>,
    specificity: Vec<usize>,
}

/// A statement ("said"): an event of its own with one mention, so only what its event keeps.
struct Statement {
    mention: MentionRef,
    date: Option<PartialDate>,
    place: Option<&'static str>,
    participants: Box<[usize]>,
}

/// The chains of one article's event mentions.
fn chains_of(
    di: usize,
    d: &DocEntry,
    date: &DocDate,
    actor_of: &[Option<usize>],
    cast: &Cast,
) -> Chained {
    let mut chains: Vec<Cluster> = Vec::new();
    let mut statements = Vec::new();
    // the chains and statements in the order they began (`None`: a statement), for the window below
    let mut began: Vec<Option<usize>> = Vec::new();
    let mut specificity = Vec::with_capacity(d.facts.events.len());
    for (mi, m) in d.facts.events.iter().enumerate() {
        let f = Features::of(d, m, date, actor_of, cast);
        specificity.push(f.args());
        if f.class == EventClass::Statement {
            statements.push(Statement {
                mention: (di, mi),
                date: f.date,
                place: f.place,
                participants: f.participants.iter().map(|&a| a as usize).collect(),
            });
            began.push(None);
            continue;
        }
        let bare = f.args() == 0;
        let mut best: Option<(f32, usize, Link)> = None;
        // the most recent chains of the article (bounded, so long articles stay linear)
        let recent = began[began.len().saturating_sub(64)..].iter().flatten();
        for &ci in recent.rev() {
            let c = &chains[ci];
            let scored = link_score(&f, &c.features, true).or_else(|| {
                // "the meeting", "these talks": back to the latest chain of its class; not where only
                // the same word links ("the game" is not "threw", "the appointment" not "fired")
                (m.definite && bare && c.features.class == f.class && !same_word_only(f.class))
                    .then(Link::back)
            });
            if let Some(link) = scored
                && best.as_ref().is_none_or(|b| link.score > b.0)
            {
                best = Some((link.score, ci, link));
            }
        }
        match best {
            Some((_, ci, link)) => {
                chains[ci].features.absorb(&f);
                chains[ci].mentions.push((di, mi));
                chains[ci].evidence.push(Evidence::within(di, link));
            }
            None => {
                began.push(Some(chains.len()));
                chains.push(Cluster {
                    features: f,
                    mentions: vec![(di, mi)],
                    docs: [di].into(),
                    evidence: Vec::new(),
                });
            }
        }
    }
    Chained {
        chains,
        statements,
        specificity,
    }
}

/// How far from the top of its article a mention is, in sentences: a report tells its news in the headline
/// and the first sentences (the lead), so that is where an event is defined. The headline and the first
/// sentence rank alike (1); from the fourth sentence on, every mention ranks alike (4). A mention further
/// down ranks there however much it tells (a day, a place and two participants): the lead of a report of
/// the event is the better definition than a later paragraph of one that recalls it.
fn lead_rank(m: &EventMention) -> usize {
    const LEAD: usize = 4;
    m.sentence().clamp(1, LEAD)
}

/// Whether two mentions (or clusters) may be the same event when their articles tell one story: the same
/// class and word, and nothing conflicting (date, place, the people involved).
fn story_link(a: &Features, b: &Features) -> bool {
    a.class == b.class
        && a.class != EventClass::Statement
        && !a.lemmas.is_disjoint(&b.lemmas)
        && !date_conflict(a.date, b.date)
        && place_relation(a.place, b.place).is_some()
        && !other_venues(a, b)
        && !other_persons(a, b)
        && !other_victims(a, b)
        && !about_others(a, b)
}

/// The keys under which the story pass finds a cluster: its class and each of its words (none for a
/// statement, which links to nothing).
fn word_keys(f: &Features) -> impl Iterator<Item = (EventClass, Numbered)> + '_ {
    f.lemmas
        .iter()
        .filter(move |_| f.class != EventClass::Statement)
        .map(move |&l| (f.class, l))
}

/// Merges clusters that articles of one story tell with the same word. Two articles tell one story when
/// their leads (first sentences) mention one event that is particular (a place, a date or a participant)
/// and linked across them; within a story a bare "died" or "the fire" in one report is the death or the
/// fire of the other, as long as nothing conflicts. Earlier clusters absorb later ones, as in the
/// cross-article pass.
fn same_story(docs: &[Arc<DocEntry>], casts: &[Cast], clusters: Vec<Cluster>) -> Vec<Cluster> {
    // the stories of each article: the particular, cross-article clusters its lead mentions
    let mut stories_of: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (k, c) in clusters.iter().enumerate() {
        let f = &c.features;
        if c.docs.len() < 2 || (f.place.is_none() && f.date.is_none() && f.participants.is_empty())
        {
            continue;
        }
        for &(di, mi) in &c.mentions {
            if docs[di].facts.events[mi].sentence() < crate::analysis::LEAD_SENTENCES
                && stories_of[di].last() != Some(&k)
            {
                stories_of[di].push(k);
            }
        }
    }
    let mut merged: Vec<(Cluster, SmallSet<usize, 2>)> = Vec::with_capacity(clusters.len());
    // the clusters of each story told with each word: a cluster is found only through a story it shares
    let mut by_word: HashMap<(usize, EventClass, Numbered), Vec<usize>> = HashMap::default();
    for c in clusters {
        let stories: SmallSet<usize, 2> = c
            .docs
            .iter()
            .flat_map(|&d| stories_of[d].iter().copied())
            .collect();
        let mut target = None;
        if !stories.is_empty() && c.features.class != EventClass::Statement {
            // the earliest of the most recent clusters of each (story, word) that may be the same event
            let by_word = &by_word;
            let recent = stories.iter().flat_map(|&s| {
                word_keys(&c.features)
                    .filter_map(move |(class, w)| by_word.get(&(s, class, w)))
                    .flat_map(|b| &b[b.len().saturating_sub(MAX_BLOCK_CANDIDATES)..])
            });
            for &j in recent {
                if target.is_none_or(|t| j < t) && story_link(&c.features, &merged[j].0.features) {
                    target = Some(j);
                }
            }
        }
        // the (story, word) keys the cluster gains
        let new_keys: Vec<(usize, EventClass, Numbered)> = match target {
            Some(j) => {
                let (o, o_stories) = &mut merged[j];
                let old_words: Vec<_> = word_keys(&o.features).collect();
                o.take_in(c, EvidenceKind::Story, casts);
                // new stories with every word, and new words with the old stories
                let words: Vec<_> = word_keys(&o.features).collect();
                let added_words: Vec<_> = words
                    .iter()
                    .filter(|w| !old_words.contains(w))
                    .copied()
                    .collect();
                let added_stories: Vec<usize> = stories
                    .iter()
                    .filter(|s| !o_stories.contains(s))
                    .copied()
                    .collect();
                let mut keys: Vec<_> = o_stories
                    .iter()
                    .flat_map(|&s| added_words.iter().map(move |&(class, w)| (s, class, w)))
                    .collect();
                keys.extend(
                    added_stories
                        .iter()
                        .flat_map(|&s| words.iter().map(move |&(class, w)| (s, class, w))),
                );
                o_stories.extend(added_stories);
                keys
            }
            None => {
                let keys = stories
                    .iter()
                    .flat_map(|&s| word_keys(&c.features).map(move |(class, w)| (s, class, w)))
                    .collect();
                merged.push((c, stories));
                keys
            }
        };
        let k = target.unwrap_or(merged.len() - 1);
        for key in new_keys {
            by_word.entry(key).or_default().push(k);
        }
    }
    merged.into_iter().map(|(c, _)| c).collect()
}

/// How alike articles must be ([`super::similar::Profiles::group_similarity`]) for the same word in them
/// to tell the same event.
const ALIKE: f32 = 0.25;

/// Whether two mentions (or clusters) told with the same word in alike articles may be the same event:
/// they are not deaths of different people ([`other_victims`]), their dates and places do not conflict, both are told as having happened or both as planned or
/// possible, and they are not told by articles about different people around different people (the
/// Saints placing Bush on injured reserve and, two years later, Thomas). Other people around the word
/// alone do not keep them apart: alike articles name the same people, and an article may tell the
/// event around other names.
fn alike_link(a: &Features, b: &Features) -> bool {
    if other_victims(a, b) {
        return false;
    }
    !date_conflict(a.date, b.date)
        && place_relation(a.place, b.place).is_some()
        && a.modality == b.modality
        && !other_venues(a, b)
        && !(about_others(a, b) && other_persons(a, b))
}

/// Whether two mentions (or clusters) are deaths of someone each, and none of the same person (by
/// surname, spelled alike: see [`one_letter_apart`]): Buckley's death and Rait's, a day apart on one
/// mountain.
fn other_victims(a: &Features, b: &Features) -> bool {
    !a.victims.is_empty()
        && !b.victims.is_empty()
        && !a.victims.iter().any(|x| {
            b.victims
                .iter()
                .any(|y| x == y || one_letter_apart(x.as_str(), y.as_str()))
        })
}

/// Whether two names of four letters or more differ by one letter added, dropped or changed: one surname
/// spelled two ways by two reports (Duncan Rait, Duncan Raite).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 || long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if head == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[head + 1..] == long[head + 1..]
    } else {
        short[head..] == long[head + 1..]
    }
}

/// Whether two mentions (or clusters) each name people around them, and none the same.
fn other_persons(a: &Features, b: &Features) -> bool {
    !a.persons.is_empty() && !b.persons.is_empty() && a.persons.is_disjoint(&b.persons)
}

/// Merges clusters told with the same word in articles alike enough to tell one story
/// ([`ALIKE`]), as long as nothing conflicts ([`alike_link`]): what the lead-story pass ([`same_story`])
/// does for articles whose leads link an event, for articles that name the same people and tell their
/// story in the same words. Earlier clusters absorb later ones.
fn alike_articles(
    profiles: &super::similar::Profiles,
    casts: &[Cast],
    clusters: Vec<Cluster>,
) -> Vec<Cluster> {
    use super::similar::GROUP_SAMPLE;
    // the articles alike each article (itself among them: two chains of one article may be one event)
    let neighbours = profiles.neighbours(ALIKE, MAX_NEIGHBOURS);
    // each cluster with its articles in the order they joined (the first are compared)
    let mut merged: Vec<(Cluster, Vec<usize>)> = Vec::with_capacity(clusters.len());
    // the clusters told with each word in each of their first articles: a cluster is found only through
    // an article alike one of the new cluster's (the mean similarity needs one pair at least as alike)
    let mut by_word: HashMap<(u32, EventClass, Numbered), Vec<usize>> = HashMap::default();
    let key_doc = |d: usize| u32::try_from(d).unwrap_or(u32::MAX);
    let mut candidates: Vec<usize> = Vec::new();
    for c in clusters {
        let docs: Vec<usize> = c.docs.iter().copied().collect();
        let mut target = None;
        if c.features.class != EventClass::Statement {
            candidates.clear();
            for &d in docs.iter().take(GROUP_SAMPLE) {
                let alike = neighbours.get(d).map_or(&[][..], |n| &n[..]);
                for a in std::iter::once(key_doc(d)).chain(alike.iter().copied()) {
                    for (class, w) in word_keys(&c.features) {
                        if let Some(b) = by_word.get(&(a, class, w)) {
                            candidates.extend(&b[b.len().saturating_sub(MAX_BLOCK_CANDIDATES)..]);
                        }
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            // the earliest that may be the same event
            target = candidates.iter().copied().find(|&j| {
                alike_link(&c.features, &merged[j].0.features)
                    && profiles.group_similarity(&docs, &merged[j].1) >= ALIKE
            });
        }
        // the (article, word) keys the cluster gains
        let new_keys: Vec<(u32, EventClass, Numbered)> =
            match target {
                Some(j) => {
                    let (o, o_docs) = &mut merged[j];
                    let old_words: Vec<_> = word_keys(&o.features).collect();
                    let old_docs = o_docs.len().min(GROUP_SAMPLE);
                    for d in docs {
                        if !o.docs.contains(&d) {
                            o_docs.push(d);
                        }
                    }
                    o.take_in(c, EvidenceKind::Alike, casts);
                    // new words in the old first articles, every word in the new first articles
                    let words: Vec<_> = word_keys(&o.features).collect();
                    let sampled = &o_docs[..o_docs.len().min(GROUP_SAMPLE)];
                    let mut keys: Vec<_> = sampled[..old_docs]
                        .iter()
                        .flat_map(|&d| {
                            words
                                .iter()
                                .filter(|w| !old_words.contains(w))
                                .map(move |&(class, w)| (key_doc(d), class, w))
                        })
                        .collect();
                    keys.extend(sampled[old_docs..].iter().flat_map(|&d| {
                        words.iter().map(move |&(class, w)| (key_doc(d), class, w))
                    }));
                    keys
                }
                None => {
                    let keys = docs
                        .iter()
                        .take(GROUP_SAMPLE)
                        .flat_map(|&d| {
                            word_keys(&c.features).map(move |(class, w)| (key_doc(d), class, w))
                        })
                        .collect();
                    merged.push((c, docs));
                    keys
                }
            };
        let k = target.unwrap_or(merged.len() - 1);
        for key in new_keys {
            by_word.entry(key).or_default().push(k);
        }
    }
    merged.into_iter().map(|(c, _)| c).collect()
}

/// Articles kept as alike each article, the most alike (see [`alike_articles`]).
const MAX_NEIGHBOURS: usize = 16;

/// The registered event of each event mention named in its words: the analysis marks a mention whose
/// trigger lies within the label or an alias of a registered event, as written in the article
/// ([`EventMention::registered`]); a number past the registry (facts made with another) is none.
fn registered_mentions(
    docs: &[Arc<DocEntry>],
    registry: &[Arc<RegisteredEvent>],
) -> HashMap<MentionRef, usize> {
    if registry.is_empty() {
        return HashMap::default();
    }
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(di, d)| {
            d.facts
                .events
                .iter()
                .enumerate()
                .filter_map(|(mi, m)| {
                    m.registered()
                        .filter(|&k| k < registry.len())
                        .map(|k| ((di, mi), k))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The clusters with the registry applied ([`registered_mentions`]): each with the registered event it is,
/// if any. A cluster with mentions of one registered event is that event, joined with the other clusters
/// that are; one with mentions of several gives each of those mentions to its event and stays itself
/// with the rest. A registered event stands where its first cluster stood.
fn with_registry(
    docs: &[Arc<DocEntry>],
    dates: &[DocDate],
    actor_of: &[Vec<Option<usize>>],
    registry: &[Arc<RegisteredEvent>],
    clusters: Vec<Cluster>,
    casts: &[Cast],
) -> Vec<(Cluster, Option<usize>)> {
    let named = registered_mentions(docs, registry);
    if named.is_empty() {
        return clusters.into_iter().map(|c| (c, None)).collect();
    }
    let mut out: Vec<(Cluster, Option<usize>)> = Vec::with_capacity(clusters.len());
    // where each registered event stands in `out`
    let mut at: Vec<Option<usize>> = vec![None; registry.len()];
    let mut join = |out: &mut Vec<(Cluster, Option<usize>)>, k: usize, c: Cluster| match at[k] {
        Some(j) => {
            let o = &mut out[j].0;
            o.features.absorb(&c.features);
            o.docs.extend(c.docs.iter().copied());
            o.evidence.extend(c.evidence);
            o.evidence.extend(
                c.docs
                    .iter()
                    .map(|&d| Evidence::plain(d, EvidenceKind::Registered)),
            );
            o.mentions.extend(c.mentions);
        }
        None => {
            at[k] = Some(out.len());
            out.push((c, Some(k)));
        }
    };
    for c in clusters {
        let mut ks: SmallSet<usize, 2> = SmallSet::default();
        ks.extend(c.mentions.iter().filter_map(|m| named.get(m).copied()));
        match ks.len() {
            0 => out.push((c, None)),
            1 => join(&mut out, ks.iter().copied().next().unwrap_or(0), c),
            _ => {
                let (mine, rest): (Vec<MentionRef>, Vec<MentionRef>) =
                    c.mentions.iter().partition(|m| named.contains_key(m));
                for (di, mi) in mine {
                    let d = &docs[di];
                    let f = Features::of(
                        d,
                        &d.facts.events[mi],
                        &dates[di],
                        &actor_of[di],
                        &casts[di],
                    );
                    let single = Cluster {
                        features: f,
                        mentions: vec![(di, mi)],
                        docs: [di].into(),
                        evidence: Vec::new(),
                    };
                    join(&mut out, named[&(di, mi)], single);
                }
                if !rest.is_empty() {
                    let docs = rest.iter().map(|&(d, _)| d).collect();
                    out.push((
                        Cluster {
                            features: c.features,
                            mentions: rest,
                            docs,
                            evidence: c.evidence,
                        },
                        None,
                    ));
                }
            }
        }
    }
    out
}

/// How alike the others an article must be, on average, to be typical of those reporting an event: this
/// part of the most alike one's average (see [`typical_articles`]).
const TYPICAL: f32 = 2.0 / 3.0;

/// Articles an article is compared with to tell whether it is typical of those reporting an event.
const TYPICAL_SAMPLE: usize = 16;

/// The articles typical of those reporting cluster `c` (sorted), none when all are: each is as alike the
/// others ([`super::similar`], on average over the first [`TYPICAL_SAMPLE`] of them) as [`TYPICAL`] of the
/// most alike one is. An article that tells a like event (a robbery in the same city years before, another
/// climber's death) and joined through a shared place or name is less alike the story's other reports than
/// they are alike one another. With fewer than three articles, or none alike another, all are typical.
fn typical_articles(profiles: &super::similar::Profiles, c: &Cluster) -> Vec<usize> {
    if c.docs.len() < 3 {
        return Vec::new();
    }
    let all: Vec<usize> = c.docs.iter().copied().collect();
    let sample = &all[..all.len().min(TYPICAL_SAMPLE)];
    let mean_likeness: Vec<f32> = all
        .iter()
        .map(|&d| {
            let (sum, n) = sample
                .iter()
                .filter(|&&o| o != d)
                .fold((0.0, 0usize), |(sum, n), &o| {
                    (sum + profiles.similarity(d, o), n + 1)
                });
            sum / n.max(1) as f32
        })
        .collect();
    let cut = TYPICAL * mean_likeness.iter().copied().fold(0.0, f32::max);
    if mean_likeness.iter().all(|&m| m >= cut) {
        return Vec::new();
    }
    all.into_iter()
        .zip(mean_likeness)
        .filter(|&(_, m)| m >= cut)
        .map(|(d, _)| d)
        .collect()
}

/// The mention go to definition leads to: the earliest, most specific report. A mention in its article's
/// lead (see [`lead_rank`]) over one further down; one that tells the event as its sentence's news over
/// one that tells it in passing ([`EventMention::in_passing`]: "the teenager killed by police"), and one
/// that reports it over one that asks ("Arson in Alaska – a Palin pattern?"); then the earliest report
/// by the date its article states (a date inferred from the text, perhaps one it only recalls, orders
/// reports only after what they tell); then one in an article typical of those reporting the event
/// (`typical`, sorted, empty when all are: see [`typical_articles`]); then the mention that names where
/// the event was by most of its reports ([`common_place`]: not the place the cluster kept, which may be
/// one article's), over one that names another place or none; the most specific; the
/// earliest dated; a first telling over a reference back ("the meeting"); the first.
fn defining(
    docs: &[Arc<DocEntry>],
    dates: &[DocDate],
    specificity: &[Vec<usize>],
    c: &Cluster,
    typical: &[usize],
) -> MentionRef {
    let stated = |di: usize| {
        let d = dates[di].date.filter(|_| !dates[di].inferred());
        (d.is_none(), d)
    };
    let its_place = common_place(docs, c);
    *c.mentions
        .iter()
        .max_by_key(|&&(di, mi)| {
            let m = &docs[di].facts.events[mi];
            let names_its_place = its_place.is_some()
                && m.place().map(|i| docs[di].facts.places[i].name.as_str()) == its_place;
            (
                std::cmp::Reverse(lead_rank(m)),
                !m.in_passing,
                !m.asked,
                std::cmp::Reverse(stated(di)),
                typical.is_empty() || typical.binary_search(&di).is_ok(),
                names_its_place,
                specificity[di][mi],
                std::cmp::Reverse((dates[di].date.is_none(), dates[di].date)),
                !m.definite,
                std::cmp::Reverse((di, m.span.get().start)),
            )
        })
        .unwrap_or(&c.mentions[0])
}

/// The place most of a cluster's articles name for its event (each article counted once per place; of
/// places named as often, the first named): where the event was by most of its reports, whichever place
/// its features kept (the first named, or one within it). A place is counted by its own name only: a
/// region counts for none of the towns within it, since the gazetteer does not know every town (Rancho
/// Mirage is not known to lie in California, Malibu is).
fn common_place<'d>(docs: &'d [Arc<DocEntry>], c: &Cluster) -> Option<&'d str> {
    let mut named: Vec<(&str, MentionRef)> = c
        .mentions
        .iter()
        .filter_map(|&(di, mi)| {
            let d = &docs[di];
            let p = d.facts.events[mi].place()?;
            Some((d.facts.places[p].name.as_str(), (di, mi)))
        })
        .collect();
    named.sort_unstable();
    // for each place: in how many articles, and where first
    let mut best: Option<(usize, std::cmp::Reverse<MentionRef>, &str)> = None;
    for group in named.chunk_by(|a, b| a.0 == b.0) {
        let articles = 1 + group.windows(2).filter(|w| w[0].1.0 != w[1].1.0).count();
        let key = (articles, std::cmp::Reverse(group[0].1), group[0].0);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|(_, _, p)| p)
}

/// The id of events with this lemma, place and date, before numbering (see [`Event::id`]).
fn id_base(lemma: &str, place: Option<&str>, date: Option<PartialDate>) -> String {
    let mut base = lemma.replace(' ', "-");
    if let Some(p) = place {
        base.push('-');
        base.push_str(&p.to_lowercase().replace(' ', "-"));
    }
    if let Some(d) = date {
        base.push('-');
        base.push_str(d.display().trim_start_matches('-'));
    }
    base
}

/// How many clusters or statements are made into events in parallel: fewer (the part of the corpus an edit
/// is resolved with) are made on the calling thread, which need not wait for the pool.
const PARALLEL_FROM: usize = 4096;

/// `f` of each item, in order: in parallel from [`PARALLEL_FROM`] items, else on the calling thread.
fn map_in_parallel_when_many<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    if items.len() >= PARALLEL_FROM {
        items.into_par_iter().map(f).collect()
    } else {
        items.into_iter().map(f).collect()
    }
}

/// Clusters all event mentions of the corpus; `widespread` are the organisations named everywhere
/// ([`widespread_organisations`]).
pub fn resolve(
    docs: &[Arc<DocEntry>],
    dates: &[DocDate],
    (actor_of, widespread): (&[Vec<Option<usize>>], &[usize]),
    registry: &[Arc<RegisteredEvent>],
) -> (Vec<Event>, Vec<Vec<EventOf>>) {
    // the teams: every actor some article names as a place and a plural name ("San Diego Chargers"), so
    // also where another names it by its plural name alone ("the Chargers")
    let mut teams: FxHashSet<usize> = docs
        .iter()
        .zip(actor_of)
        .flat_map(|(d, of)| {
            d.facts
                .actors
                .iter()
                .zip(of)
                .filter(|(a, _)| a.rule == crate::analysis::ActorRule::PlaceAndPluralName)
                .filter_map(|(_, x)| *x)
        })
        .collect();
    // and, like them, the organisations named everywhere
    teams.extend(widespread.iter().copied());
    let casts: Vec<Cast> = docs
        .par_iter()
        .zip(actor_of)
        .map(|(d, of)| Cast::of(d, of, &teams))
        .collect();
    // 1. chains within each article (articles in parallel, kept in document order)
    let per_doc: Vec<Chained> = docs
        .par_iter()
        .enumerate()
        .map(|(di, d)| chains_of(di, d, &dates[di], &actor_of[di], &casts[di]))
        .collect();
    let total: usize = per_doc.iter().map(|c| c.chains.len()).sum();
    // statements link to nothing: each is an event of its own, after the others
    let mut statements: Vec<Statement> = Vec::new();
    // how specific each mention is (for choosing definitions), kept from the one time features are made
    let mut specificity: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
    let mut chains_of_doc: Vec<Vec<Cluster>> = Vec::with_capacity(docs.len());
    for c in per_doc {
        chains_of_doc.push(c.chains);
        statements.extend(c.statements);
        specificity.push(c.specificity);
    }
    // 2. chains across articles, earliest articles first (each article's in order), through blocking keys
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_unstable_by_key(|&di| (dates[di].date.is_none(), dates[di].date, di));
    let mut clusters: Vec<Cluster> = Vec::with_capacity(total);
    let mut blocks: HashMap<BlockKey, Vec<usize>> = HashMap::default();
    // when each cluster's first article was published, and whether it names its day
    let mut whens: Vec<When> = Vec::with_capacity(total);
    // which clusters the current chain has seen (`seen[k] == stamp`)
    let mut seen: Vec<u32> = Vec::with_capacity(total);
    let mut stamp = 0u32;
    for chain in order
        .into_iter()
        .flat_map(|di| std::mem::take(&mut chains_of_doc[di]))
    {
        let f = &chain.features;
        let chain_keys = block_keys(f);
        let this_doc = chain.mentions[0].0;
        let mut best: Option<(f32, usize, Link)> = None;
        let when = When::of(f);
        // the most recent clusters of each block, each once; the best scored, the earliest among equals
        stamp += 1;
        let recent = chain_keys
            .iter()
            .filter_map(|key| blocks.get(key))
            .flat_map(|b| &b[b.len().saturating_sub(MAX_BLOCK_CANDIDATES)..]);
        for &k in recent {
            if seen[k] == stamp {
                continue;
            }
            seen[k] = stamp;
            // apart in time: cannot link (see `link_score`), told from a small table without reading the
            // cluster
            if when.apart(&whens[k]) || clusters[k].docs.contains(&this_doc) {
                continue;
            }
            if let Some(link) = link_score(f, &clusters[k].features, false)
                && best
                    .as_ref()
                    .is_none_or(|b| link.score > b.0 || (link.score == b.0 && k < b.1))
            {
                best = Some((link.score, k, link));
            }
        }
        // the keys the cluster gains (all of a new cluster's; those a merge adds to an old one's)
        let (k, new_keys) = match best {
            Some((_, k, link)) => {
                let c = &mut clusters[k];
                let old_keys = block_keys(&c.features);
                c.features.absorb(&chain.features);
                c.features.about.add(&chain.features.about);
                c.mentions.extend(chain.mentions);
                c.docs.insert(this_doc);
                c.evidence.extend(chain.evidence);
                c.evidence.push(Evidence::linked(this_doc, link));
                let mut keys = block_keys(&c.features);
                if old_keys.len() > 16 {
                    // a cluster with many participants: not a quadratic comparison
                    let old: rustc_hash::FxHashSet<BlockKey> = old_keys.into_iter().collect();
                    keys.retain(|key| !old.contains(key));
                } else {
                    keys.retain(|key| !old_keys.contains(key));
                }
                (k, keys)
            }
            None => {
                clusters.push(Cluster {
                    features: chain.features,
                    docs: [this_doc].into(),
                    mentions: chain.mentions,
                    evidence: chain.evidence,
                });
                (clusters.len() - 1, chain_keys)
            }
        };
        for key in new_keys {
            blocks.entry(key).or_default().push(k);
        }
        let w = When::of(&clusters[k].features);
        match whens.get_mut(k) {
            Some(slot) => *slot = w,
            None => {
                whens.push(w);
                seen.push(0);
            }
        }
    }
    // 3. within one story, the same word tells the same event
    let clusters = same_story(docs, &casts, clusters);
    // the parts of events: what was linked so far (see [`EventOf`])
    let mut part_of: Vec<Vec<u32>> = docs.iter().map(|d| vec![0; d.facts.events.len()]).collect();
    for (k, c) in clusters.iter().enumerate() {
        let particular = c.features.place.is_some() || c.features.date.is_some();
        let part = match u32::try_from(k) {
            Ok(k) if particular => k,
            _ => NO_PART,
        };
        for &(di, mi) in &c.mentions {
            part_of[di][mi] = part;
        }
    }
    let parts = clusters.len();
    // 3b. articles alike: the same word tells the same event
    let profiles = super::similar::Profiles::new(docs, actor_of);
    let clusters = alike_articles(&profiles, &casts, clusters);
    // 4. the registry over what was inferred
    let clusters = with_registry(docs, dates, actor_of, registry, clusters, &casts);
    // the articles typical of each cluster's, for its definition (the profiles are not kept beyond)
    let clusters = map_in_parallel_when_many(clusters, |(c, registered)| {
        let typical = typical_articles(&profiles, &c);
        (c, registered, typical)
    });
    drop(profiles);
    // 5. events, with their defining mention (clusters in parallel when there are many, numbered in order)
    let make = |(mut c, registered, typical): (Cluster, Option<usize>, Vec<usize>)| {
        c.mentions.sort();
        let definition = defining(docs, dates, &specificity, &c, &typical);
        let lemma = docs[definition.0].facts.events[definition.1].lemma.as_str();
        let base = id_base(lemma, c.features.place, c.features.date);
        let registered = registered.map(|k| registry[k].clone());
        // the registry's date and place over those inferred
        let date = registered
            .as_ref()
            .and_then(|r| r.date)
            .map(PartialDate::full)
            .or(c.features.date);
        let place = match registered.as_ref().and_then(|r| r.place.as_deref()) {
            Some(p) => Some(crate::analysis::intern::intern(p)),
            None => c.features.place,
        };
        // shown: everyone its mentions involve, teams too (which the linking leaves out, see [`Cast`])
        let mut participants: Vec<usize> = c
            .features
            .participants
            .iter()
            .map(|&a| a as usize)
            .collect();
        for &(di, mi) in &c.mentions {
            let d = &docs[di];
            for a in d.facts.participants(&d.facts.events[mi]) {
                if let Some(Some(x)) = actor_of[di].get(a)
                    && teams.contains(x)
                    && !participants.contains(x)
                {
                    participants.push(*x);
                }
            }
        }
        let event = Event {
            evidence: c.evidence.into(),
            registered,
            ..Event::new(
                c.features.class,
                date,
                place,
                participants,
                definition,
                c.mentions,
            )
        };
        (event, base)
    };
    let made = map_in_parallel_when_many(clusters, make);
    // statements link to nothing: each is an event of its own, after the others
    let state = |st: Statement| {
        let (di, mi) = st.mention;
        let lemma = docs[di].facts.events[mi].lemma.as_str();
        let base = id_base(lemma, st.place, st.date);
        let event = Event::new(
            EventClass::Statement,
            st.date,
            st.place,
            st.participants.iter().copied(),
            st.mention,
            vec![st.mention],
        );
        (event, base)
    };
    let statements_len = statements.len();
    let stated = map_in_parallel_when_many(statements, state);
    // numbered in order: the nth event of its lemma, place and date
    let mut event_of: Vec<Vec<EventOf>> = docs
        .iter()
        .map(|d| vec![EventOf::default(); d.facts.events.len()])
        .collect();
    let clustered = made.len();
    let mut events = Vec::with_capacity(made.len() + stated.len());
    let mut ids: HashMap<String, usize> = HashMap::default();
    let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    for (k, (mut event, base)) in made.into_iter().chain(stated).enumerate() {
        // a statement is a part of its own, and a registered event one part, as the registry says
        let particular = event.place().is_some() || event.date.is_some();
        let whole = match (k >= clustered, &event.registered) {
            (true, _) | (false, Some(_)) if !particular => Some(NO_PART),
            (true, _) => Some(narrow(parts + k - clustered)),
            (false, Some(_)) => Some(narrow(parts + statements_len + k)),
            (false, None) => None,
        };
        for (di, mi) in event.mentions() {
            event_of[di][mi] = EventOf {
                event: narrow(k),
                part: whole.unwrap_or(part_of[di][mi]),
            };
        }
        let n = ids.entry(base).or_insert(0);
        *n += 1;
        event.nth = *n as u32;
        events.push(event);
    }
    (events, event_of)
}

#[cfg(test)]
mod tests {
    use super::one_letter_apart;

    #[test]
    fn a_surname_spelled_with_one_letter_more_or_changed_is_the_same() {
        assert!(one_letter_apart("rait", "raite"));
        assert!(one_letter_apart("raite", "rait"));
        assert!(one_letter_apart("volden", "voldan"));
        assert!(!one_letter_apart("vold", "brekke"));
        assert!(!one_letter_apart("vold", "vo"), "too short to tell");
        assert!(!one_letter_apart("lee", "leo"), "too short to tell");
        assert!(!one_letter_apart("hansen", "hanson2"));
    }
}
