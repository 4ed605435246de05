//! All articles → the corpus model: document dates, one actor per real person or organisation, events
//! clustered across articles with their defining mention, claims matched with the denials in other
//! articles, and the findings. Pure: articles in, plain data out.
//!
//! Each article's facts are computed once from its text ([`Corpus::upsert`]); the cross-article joins are
//! made through inverted indexes (name key → mentions, blocking key → event clusters, keyword → claims), so
//! resolving costs time linear in the number of mentions and no article is analysed again.

pub mod actors;
pub mod cache;
pub mod dates;
pub mod events;
pub mod findings;
pub mod lookup;
pub mod provisional;
pub mod similar;
pub mod small_set;

use crate::analysis::{self, ArticleFacts, Span};
use crate::corpus::{Article, LineIndex};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use actors::Actor;
pub use dates::DocDate;
pub use events::{Event, EventOf};
pub use findings::{Finding, Match, WordDocs};
pub use lookup::{Item, Links};

/// One article with its analysis.
#[derive(Debug)]
pub struct DocEntry {
    pub article: Article,
    pub facts: ArticleFacts,
    pub lines: LineIndex,
    /// The hash of the text and of the phrases its corpus adds to the analysis ([`facts_key`]): facts
    /// are kept under it.
    pub hash: u64,
}

impl DocEntry {
    pub fn new(article: Article) -> DocEntry {
        let facts = analyse(&article);
        let hash = facts_key(&article);
        DocEntry::with_facts(article, facts, hash)
    }

    /// An article with facts already made from its text (by [`cache::FactsCache`]), whose hash is `hash`.
    pub fn with_facts(article: Article, facts: ArticleFacts, hash: u64) -> DocEntry {
        let lines = LineIndex::new(&article.text);
        DocEntry {
            article,
            facts,
            lines,
            hash,
        }
    }

    pub fn path(&self) -> &str {
        &self.article.path
    }
}

/// An article's facts, made with the phrases its corpus adds.
fn analyse(a: &Article) -> ArticleFacts {
    analysis::analyse_annotated(
        &a.text,
        a.body_start,
        &a.settings.phrases,
        a.annotated.as_deref(),
    )
}

/// What an article's facts are kept under: the hash of its text ([`cache::text_hash`]), and of the phrases
/// its corpus adds to the analysis and its own annotations when there are any.
pub fn facts_key(a: &Article) -> u64 {
    let text = cache::text_hash(&a.text);
    let with_phrases = match a.settings.phrases.fingerprint() {
        0 => text,
        p => text ^ p.rotate_left(17),
    };
    match &a.annotated {
        None => with_phrases,
        Some(x) => with_phrases ^ x.fingerprint().rotate_left(41),
    }
}

/// [`facts_key`] of each article, made in parallel.
pub fn text_hashes(articles: &[Article]) -> Vec<u64> {
    articles.par_iter().map(facts_key).collect()
}

/// The set of analysed articles, keyed by path. Updating one article re-analyses only that article.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    docs: BTreeMap<String, Arc<DocEntry>>,
}

impl Corpus {
    /// Analyses all articles in parallel.
    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        Corpus::from_articles_with(articles, || {})
    }

    /// Analyses all articles in parallel, calling `done` after each one (for progress bars).
    pub fn from_articles_with(articles: Vec<Article>, done: impl Fn() + Sync) -> Corpus {
        let hashes = text_hashes(&articles);
        Corpus::from_articles_cached(articles, hashes, cache::FactsCache::default(), done).0
    }

    /// Like [`Corpus::from_articles_with`], with the facts of each article whose text is unchanged taken
    /// from `cache` (`hashes`: [`text_hashes`] of the articles). Returns the corpus, how many articles were
    /// analysed, and, when anything changed, the writing of the cache again, left to the caller to run when
    /// it suits (after the output, on another thread).
    pub fn from_articles_cached(
        articles: Vec<Article>,
        hashes: Vec<u64>,
        mut cache: cache::FactsCache,
        done: impl Fn() + Sync,
    ) -> (Corpus, usize, Option<cache::Save>) {
        let with_facts: Vec<(Article, Option<ArticleFacts>)> = articles
            .into_iter()
            .zip(&hashes)
            .map(|(a, &h)| {
                let f = cache.take(&a.path, h);
                (a, f)
            })
            .collect();
        let analysed = with_facts.iter().filter(|(_, f)| f.is_none()).count();
        let entries: Vec<Arc<DocEntry>> = with_facts
            .into_par_iter()
            .zip(hashes)
            .map(|((a, f), h)| {
                let facts = f.unwrap_or_else(|| compact(analyse(&a)));
                let e = Arc::new(DocEntry::with_facts(a, facts, h));
                done();
                e
            })
            .collect();
        // what is left in the cache is of articles gone or changed
        let save = (cache.has_file() && (analysed > 0 || !cache.is_empty())).then(|| cache::Save {
            cache,
            docs: entries.clone(),
        });
        let corpus = Corpus {
            docs: entries
                .into_iter()
                .map(|e| (e.article.path.clone(), e))
                .collect(),
        };
        (corpus, analysed, save)
    }

    /// Adds or replaces one article.
    pub fn upsert(&mut self, article: Article) {
        self.insert(Arc::new(DocEntry::new(article)));
    }

    /// Adds or replaces one article already analysed.
    pub fn insert(&mut self, entry: Arc<DocEntry>) {
        self.docs.insert(entry.article.path.clone(), entry);
    }

    /// The article at `path`, if there is one.
    pub fn get(&self, path: &str) -> Option<&Arc<DocEntry>> {
        self.docs.get(path)
    }

    /// The paths of all articles, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.docs.keys().map(String::as_str)
    }

    /// Removes one article; true when it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.docs.remove(path).is_some()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every article, in path order (the order of a model's documents).
    pub fn entries(&self) -> Vec<Arc<DocEntry>> {
        self.docs.values().cloned().collect()
    }

    /// Resolves the cross-article model.
    pub fn resolve(&self) -> Model {
        Model::build(self.entries())
    }

    /// Resolves the cross-article model with the corpus's actor registry.
    pub fn resolve_registered(&self, registry: Registry) -> Model {
        Model::build_registered(self.entries(), registry)
    }
}

/// Reference to a mention: (document index, index within that document's list).
pub type MentionRef = (usize, usize);

/// The resolved corpus model: the articles, and the cross-article joins made from them.
#[derive(Debug)]
pub struct Model {
    pub docs: Vec<Arc<DocEntry>>,
    /// Shared between models that differ only in where an article's facts lie (see [`Model::moved`]);
    /// its fields read as the model's own (`model.actors`).
    joins: Arc<Joins>,
}

/// Everything resolved across articles.
#[derive(Debug)]
pub struct Joins {
    pub dates: Vec<DocDate>,
    /// The latest year written in the corpus (completes inferred dates).
    pub corpus_year: Option<i16>,
    /// Actor identity and event coreference are shared with the models they were kept for (see
    /// [`Model::update`]).
    pub actors: Arc<Vec<Actor>>,
    /// Actor index of each actor mention, per document (`None`: not an actor after all).
    pub actor_of: Arc<Vec<Vec<Option<usize>>>>,
    pub events: Arc<Vec<Event>>,
    /// Event index of each event mention, per document.
    pub event_of: Arc<Vec<Vec<EventOf>>>,
    pub matches: Vec<Match>,
    pub findings: Vec<Finding>,
    /// Claims and denials to their matches and findings.
    pub links: Links,
    /// The documents that use each claim and denial keyword.
    pub words: WordDocs,
    /// The corpus's actor registry the actors were resolved with.
    pub registry: Registry,
}

/// The actor and event registries of a corpus (`dateline.toml`), shared by its models.
pub type Registry = Arc<crate::corpus::settings_file::Registry>;

impl std::ops::Deref for Model {
    type Target = Joins;
    fn deref(&self) -> &Joins {
        &self.joins
    }
}

/// `a` and `b` on both cores when `both`, else one after the other on this thread. The provisional part an
/// edit is resolved with is small: handing its work to the thread pool, while a whole-corpus resolve keeps
/// the cores busy, only makes the keystroke wait for a thread.
pub(crate) fn join_when<A: Send, B: Send>(
    both: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if both { rayon::join(a, b) } else { (a(), b()) }
}

/// `x` copied into memory allocated now, the original freed: for an article's facts, which are made among
/// many short-lived allocations. Copied once these are freed, they fill their holes instead of pinning
/// half-empty allocator pages for as long as the article is in the corpus (on 5,000 articles, the server
/// holds 4 MB more without the copy). The copy costs little beside the analysis (`check` on 10,000
/// articles took as long). For the joins, see [`Model::copied`].
fn compact<T: Clone>(x: T) -> T {
    x.clone()
}

/// The byte offsets of an edit between two texts: the old text's `start..old_end` became `start..new_end`
/// (the longest common prefix and suffix are unchanged).
pub fn edit_between(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, a.len() - suffix, b.len() - suffix)
}

/// An edited article against its previous version: the old facts moved through the edit, and whether
/// everything else the joins read outside the facts is unchanged.
struct Compared {
    /// The old facts with every span moved through the edit ([`Span::UNMOVABLE`] where it went through it).
    moved: ArticleFacts,
    /// Front matter, where the body starts, the issues, and the event triggers' words are unchanged.
    same_outside_facts: bool,
}

impl Compared {
    fn new(old: &DocEntry, new: &DocEntry) -> Compared {
        let (start, old_end, new_end) = edit_between(&old.article.text, &new.article.text);
        let shift = |x: usize| x + new_end - old_end;
        // a span may start at an insertion point (the insertion goes before it) and end at one (after it)
        let map_start = |x: usize| match x {
            x if x < start => Some(x),
            x if x >= old_end => Some(shift(x)),
            _ => None,
        };
        let map_end = |x: usize| match x {
            x if x <= start => Some(x),
            x if x > old_end || (x == old_end && start == old_end) => Some(shift(x)),
            _ => None,
        };
        let issues: Option<Vec<_>> = old
            .article
            .issues
            .iter()
            .map(|x| {
                Some(crate::corpus::ArticleIssue {
                    start: map_start(x.start)?,
                    end: map_end(x.end)?,
                    ..x.clone()
                })
            })
            .collect();
        // event labels are made of the trigger's words: an edit inside a trigger that keeps its lemma
        // ("analyse" / "analyze") still changes them
        let trigger =
            |d: &DocEntry, s: Span| d.article.text.get(s.start..s.end).map(str::to_lowercase);
        let same_triggers = old.facts.events.len() == new.facts.events.len()
            && old
                .facts
                .events
                .iter()
                .zip(&new.facts.events)
                .all(|(a, b)| trigger(old, a.trigger.get()) == trigger(new, b.trigger.get()));
        Compared {
            moved: old.facts.moved(map_start, map_end),
            same_outside_facts: old.article.front_matter == new.article.front_matter
                && map_start(old.article.body_start) == Some(new.article.body_start)
                && issues.as_ref() == Some(&new.article.issues)
                && same_triggers,
        }
    }

    /// What actor identity reads is unchanged.
    fn same_actors(&self, new: &DocEntry) -> bool {
        self.moved.actors == new.facts.actors
    }

    /// What event coreference reads of this article is unchanged (besides actors and document dates; each
    /// event mention carries its sentence, which tells whether it is in the lead; the lead's words tell
    /// which articles are alike).
    fn same_events(&self, new: &DocEntry) -> bool {
        self.same_outside_facts
            && self.moved.events == new.facts.events
            && self.moved.event_participants == new.facts.event_participants
            && self.moved.event_parties == new.facts.event_parties
            && self.moved.dates == new.facts.dates
            && self.moved.places == new.facts.places
            && self.moved.lead_words == new.facts.lead_words
    }
}

impl Model {
    pub fn build(docs: Vec<Arc<DocEntry>>) -> Model {
        Model::build_registered(docs, Registry::default())
    }

    /// The model of `docs` with the corpus's actor registry.
    pub fn build_registered(docs: Vec<Arc<DocEntry>>, registry: Registry) -> Model {
        Model::build_within(docs, None, registry)
    }

    /// The model of `docs`, a part of the corpus that `whole` was resolved from when given: dates are
    /// completed with the whole corpus's year and words weighed as in the whole corpus.
    fn build_within(docs: Vec<Arc<DocEntry>>, whole: Option<&Joins>, registry: Registry) -> Model {
        let corpus_year = match whole {
            Some(w) => w.corpus_year,
            None => dates::corpus_year(&docs),
        };
        // actor identity is the longest of these and partly sequential: the other core does the rest (for
        // the whole corpus; a part is small)
        let ((actors, actor_of), (dates, words)) = join_when(
            whole.is_none(),
            || actors::resolve(&docs, &registry.actors),
            || (dates::resolve(&docs, corpus_year), WordDocs::new(&docs)),
        );
        let widespread = events::widespread_organisations(&docs, &actor_of);
        let (events, event_of) =
            events::resolve(&docs, &dates, (&actor_of, &widespread), &registry.events);
        Model::finish(
            docs,
            (dates, corpus_year),
            (Arc::new(actors), Arc::new(actor_of), registry),
            (Arc::new(events), Arc::new(event_of)),
            (words, whole.map(|w| &w.words)),
            &widespread,
        )
    }

    /// Matching, findings and links over the resolved dates (with the corpus year), actors (with each
    /// mention's actor), events (with each mention's event), the documents of each keyword (with those
    /// of the whole corpus when `docs` is a part of it) and the organisations named everywhere
    /// ([`events::widespread_organisations`]).
    #[allow(clippy::type_complexity)]
    fn finish(
        docs: Vec<Arc<DocEntry>>,
        (dates, corpus_year): (Vec<DocDate>, Option<i16>),
        (actors, actor_of, registry): (Arc<Vec<Actor>>, Arc<Vec<Vec<Option<usize>>>>, Registry),
        (events, event_of): (Arc<Vec<Event>>, Arc<Vec<Vec<EventOf>>>),
        (words, whole_words): (WordDocs, Option<&WordDocs>),
        widespread: &[usize],
    ) -> Model {
        let matches = findings::match_claims(
            &docs,
            &dates,
            (&actors, &actor_of),
            widespread,
            &event_of,
            &words,
            whole_words,
        );
        let findings = findings::findings(&dates, &matches);
        let links = Links::build(&docs, actors.len(), &events, &event_of, &matches, &findings);
        Model {
            docs,
            joins: Arc::new(Joins {
                dates,
                corpus_year,
                actors,
                actor_of,
                events,
                event_of,
                matches,
                findings,
                links,
                words,
                registry,
            }),
        }
    }

    /// The model after an article was edited, without resolving the corpus again, when the edit only
    /// moved the article's facts (early cutoff): every fact the joins read — names, roles, dates, events,
    /// claims, denials, keywords, front matter, the article's date and its evidence — is unchanged once
    /// its span is moved through the edit. `None` when the edit changed a fact (see [`Model::update`]).
    pub fn moved(&self, entry: &Arc<DocEntry>) -> Option<Model> {
        let i = self.doc_index(entry.path())?;
        let c = Compared::new(&self.docs[i], entry);
        if !c.same_outside_facts
            || c.moved != entry.facts
            || dates::of_doc(entry, self.corpus_year) != self.dates[i]
        {
            return None;
        }
        let mut docs = self.docs.clone();
        docs[i] = entry.clone();
        Some(Model {
            docs,
            joins: self.joins.clone(),
        })
    }

    /// The model of `docs` — the same articles as this model's, in the same order, those at `changed`
    /// edited — resolving again only what the edits reach: actor identity is kept when the edited
    /// articles' names and roles only moved, event coreference too when their events, dates and places
    /// only moved and no article's date changed; claim matching always runs again (its word weights are
    /// corpus-wide). `None` when the articles are not the same.
    pub fn update(&self, docs: Vec<Arc<DocEntry>>, changed: &[usize]) -> Option<Model> {
        if docs.len() != self.docs.len()
            || docs
                .iter()
                .zip(&self.docs)
                .any(|(a, b)| a.path() != b.path())
            || changed.iter().any(|&i| i >= docs.len())
        {
            return None;
        }
        let compared: Vec<(usize, Compared)> = changed
            .iter()
            .map(|&i| (i, Compared::new(&self.docs[i], &docs[i])))
            .collect();
        let corpus_year = dates::corpus_year(&docs);
        let same_actors = compared.iter().all(|(i, c)| c.same_actors(&docs[*i]));
        let ((actors, actor_of), (dates, words)) = rayon::join(
            || {
                if same_actors {
                    (self.actors.clone(), self.actor_of.clone())
                } else {
                    let (a, o) = actors::resolve(&docs, &self.registry.actors);
                    (Arc::new(a), Arc::new(o))
                }
            },
            || (dates::resolve(&docs, corpus_year), WordDocs::new(&docs)),
        );
        let same_events = same_actors
            && dates == self.dates
            && compared.iter().all(|(i, c)| c.same_events(&docs[*i]));
        let widespread = events::widespread_organisations(&docs, &actor_of);
        let (events, event_of) = if same_events {
            (self.events.clone(), self.event_of.clone())
        } else {
            let (e, o) = events::resolve(
                &docs,
                &dates,
                (&actor_of, &widespread),
                &self.registry.events,
            );
            (Arc::new(e), Arc::new(o))
        };
        Some(Model::finish(
            docs,
            (dates, corpus_year),
            (actors, actor_of, self.registry.clone()),
            (events, event_of),
            (words, None),
            &widespread,
        ))
    }

    /// The model of `docs` with actor registry `registry`, from `old` when there is one: when they are the
    /// same articles under the same registry, only what the changed ones reach is resolved again
    /// ([`Model::update`]); otherwise everything is.
    pub fn rebuild(old: Option<&Model>, docs: Vec<Arc<DocEntry>>, registry: Registry) -> Model {
        if let Some(old) = old
            && (Arc::ptr_eq(&old.registry, &registry) || old.registry == registry)
        {
            let changed: Vec<usize> = docs
                .iter()
                .zip(&old.docs)
                .enumerate()
                .filter(|(_, (a, b))| !Arc::ptr_eq(a, b))
                .map(|(i, _)| i)
                .collect();
            if let Some(m) = old.update(docs.clone(), &changed) {
                return m;
            }
        }
        Model::build_registered(docs, registry)
    }

    /// The model with its joins copied into memory allocated now, none of them shared with other models.
    /// The language server makes the copy on a thread of its own after each resolve: in that thread's
    /// fresh allocator pages the joins lie packed, and the resolve's pages, once freed whole, go back to
    /// the system; made among the resolve's short-lived allocations, the joins had kept those pages half
    /// empty for as long as the model lived (5,000 articles: 93 MB once indexed and 105 MB after edits,
    /// 84 and 87 MB with the copy).
    pub fn copied(&self) -> Model {
        let j = &self.joins;
        Model {
            docs: self.docs.clone(),
            joins: Arc::new(Joins {
                dates: j.dates.clone(),
                corpus_year: j.corpus_year,
                actors: Arc::new(j.actors.as_ref().clone()),
                actor_of: Arc::new(j.actor_of.as_ref().clone()),
                events: Arc::new(j.events.as_ref().clone()),
                event_of: Arc::new(j.event_of.as_ref().clone()),
                matches: j.matches.clone(),
                findings: j.findings.clone(),
                links: j.links.clone(),
                words: j.words.clone(),
                registry: j.registry.clone(),
            }),
        }
    }

    pub fn doc_index(&self, path: &str) -> Option<usize> {
        self.docs
            .binary_search_by(|d| d.article.path.as_str().cmp(path))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::EventClass;

    fn model_of(texts: &[&str]) -> (Corpus, Model) {
        let c = Corpus::from_articles(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article::from_text(format!("{i}.txt"), t))
                .collect(),
        );
        let m = c.resolve();
        (c, m)
    }

    const CLAIM: &str = "Polish Prime Minister Tomasz Wierzbicki is reportedly set to travel to Oslo on April 2.\n\nThe weather was mild.\n";
    /// Five sentences that make a lead telling nothing, so that the claim after them is not in the lead
    /// (whose words tell which articles are alike, and so may change events).
    const QUIET_LEAD: &str = "The harbour was quiet.\n\nGulls sat on the pier.\n\nThe fog was thick.\n\nTea was cold.\n\nNobody hurried.\n\n";
    const DENIAL: &str = "Spokesman Piotr Zielinski said on March 9 that Wierzbicki denied reports he plans to visit Oslo on April 2.\n";

    /// The event of the first mention with this trigger in document `doc`.
    fn event_with(m: &Model, doc: usize, trigger: &str) -> usize {
        let d = &m.docs[doc];
        let k = d
            .facts
            .events
            .iter()
            .position(|e| &d.article.text[e.trigger.get().start..e.trigger.get().end] == trigger)
            .unwrap_or_else(|| panic!("no {trigger:?} in document {doc}"));
        m.event_of[doc][k].event()
    }

    /// The events of every mention with this trigger in document `doc`, in text order.
    fn events_with(m: &Model, doc: usize, trigger: &str) -> Vec<usize> {
        let d = &m.docs[doc];
        (0..d.facts.events.len())
            .filter(|&k| {
                let e = &d.facts.events[k];
                &d.article.text[e.trigger.get().start..e.trigger.get().end] == trigger
            })
            .map(|k| m.event_of[doc][k].event())
            .collect()
    }

    /// A team placing a player on injured reserve, and another report of it.
    const BERG_PLACED: &str = "The Oslo Falcons placed running back Jonas Berg on injured reserve. Berg \
        hurt his knee against the Fjord Rams. Coach Lars Moe said the Falcons would miss Berg for the rest \
        of the season.\n";
    const BERG_RETOLD: &str = "Running back Jonas Berg was placed on injured reserve by the Oslo Falcons. \
        Coach Lars Moe said Berg hurt his knee against the Fjord Rams.\n";
    /// Other news, so that the names and words of the reports are rare enough to make them alike.
    const OTHER_NEWS: [&str; 3] = [
        "The Tromso council voted to close the old bridge on Friday.\n",
        "Heavy snow shut the airport in Bodo for a day.\n",
        "The singer Kari Lunde sold out her concert at the Oslo opera.\n",
    ];

    #[test]
    fn alike_reports_about_different_people_tell_different_events_with_one_word() {
        let vik = "The Oslo Falcons placed running back Nils Vik on injured reserve. Vik hurt his ankle \
             against the Fjord Rams. Coach Lars Moe said the Falcons would miss Vik for the rest of the \
             season.\n";
        let (_, m) = model_of(&[&[BERG_PLACED, vik, BERG_RETOLD][..], &OTHER_NEWS].concat());
        let berg = event_with(&m, 0, "placed");
        assert_eq!(
            berg,
            event_with(&m, 2, "placed"),
            "Berg's placing in two reports"
        );
        assert_ne!(berg, event_with(&m, 1, "placed"), "Vik's is another");
    }

    #[test]
    fn a_story_is_about_whom_most_of_its_reports_are_about() {
        // two players placed on injured reserve, a year apart; one report of the second recalls the
        // first as much as it tells its own news, but the story is still Vik's
        let vik = [
            "The Oslo Falcons placed running back Nils Vik on injured reserve. Vik hurt his ankle \
             against the Fjord Rams, a year after Jonas Berg hurt his knee against them. Berg never \
             played again.\n",
            "Running back Nils Vik was placed on injured reserve by the Oslo Falcons. Coach Lars Moe \
             said Vik hurt his ankle against the Fjord Rams.\n",
            "The Oslo Falcons have placed Nils Vik on injured reserve. Vik hurt his ankle against the \
             Fjord Rams, coach Lars Moe said.\n",
        ];
        let (_, m) = model_of(&[&[BERG_PLACED, BERG_RETOLD][..], &vik, &OTHER_NEWS].concat());
        let berg = event_with(&m, 0, "placed");
        let vik = event_with(&m, 2, "placed");
        assert_eq!(berg, event_with(&m, 1, "placed"), "Berg's placing twice");
        assert_eq!(vik, event_with(&m, 3, "placed"), "Vik's in his story");
        assert_eq!(vik, event_with(&m, 4, "placed"), "Vik's in his story");
        assert_ne!(berg, vik, "two placings");
    }

    #[test]
    fn an_organisation_named_everywhere_tells_no_event_from_another() {
        // a year of news on one armed group: it takes part in everything its reports tell
        let mut texts: Vec<String> = vec![
            "Varn Liberation Front fighters killed a shopkeeper in Tarsk, witnesses said.\n".into(),
            "The mayor of Ordel said a teacher was killed there by the Varn Liberation Front.\n"
                .into(),
        ];
        texts.extend((0..101).map(|i| {
            format!(
                "The Varn Liberation Front said {i} of its fighters were killed in the hills.\n"
            )
        }));
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (_, m) = model_of(&texts);
        assert_ne!(
            event_with(&m, 0, "killed"),
            event_with(&m, 1, "killed"),
            "two killings, whoever they are blamed on"
        );
    }

    #[test]
    fn a_charge_of_murder_is_neither_the_killing_nor_the_charging() {
        let (_, m) = model_of(&[
            "Erik Dahl, 52, has been charged with first-degree murder after a stabbing at a ferry \
             terminal in Tromso killed Lars Moen on Friday, police said.\n",
            "Police in Tromso said Erik Dahl was charged with first-degree murder, a day after the \
             stabbing at the ferry terminal killed Lars Moen.\n",
        ]);
        let murder = event_with(&m, 0, "murder");
        assert_eq!(
            murder,
            event_with(&m, 1, "murder"),
            "one charge in both reports"
        );
        assert_ne!(
            murder,
            event_with(&m, 0, "killed"),
            "the charge is not the killing"
        );
        assert_ne!(
            murder,
            event_with(&m, 0, "charged"),
            "nor the act of charging"
        );
        assert_eq!(event_with(&m, 0, "killed"), event_with(&m, 1, "killed"));
        assert_eq!(event_with(&m, 0, "charged"), event_with(&m, 1, "charged"));
        let id = m.events[murder].id(&m.docs);
        assert!(id.starts_with("murder-charge"), "one word in the id: {id}");
    }

    #[test]
    fn a_bare_word_before_the_event_is_told_is_no_reference_to_it() {
        let (_, m) = model_of(&[
            "The ferry strike has sparked talks about the future of the port.\n\n\
             Union leader Ada Holm and port chief Lars Moe held talks in Bergen on May 3.\n\n\
             After the talks, Holm said the strike would end.\n",
        ]);
        let talks = events_with(&m, 0, "talks");
        assert_eq!(talks.len(), 3);
        assert_ne!(
            talks[0], talks[1],
            "the debate the strike sparked is not the meeting"
        );
        assert_eq!(talks[1], talks[2], "a bare repeat after it is");
    }

    #[test]
    fn a_bare_repeat_of_a_verb_in_one_article_is_the_same_event_but_conflicting_ones_are_not() {
        let (_, m) = model_of(&[
            "The painter Jan Kowal died in Paris on Monday. Friends said he died after a long illness.\n",
            "A fire destroyed a barn in Oslo on May 1. Another fire destroyed a school in Paris on May 3.\n",
        ]);
        let died = events_with(&m, 0, "died");
        assert_eq!(died.len(), 2);
        assert_eq!(died[0], died[1]);
        let destroyed = events_with(&m, 1, "destroyed");
        assert_eq!(destroyed.len(), 2);
        assert_ne!(destroyed[0], destroyed[1]);
    }

    #[test]
    fn a_shared_event_matches_a_denial_to_a_claim_only_when_it_is_a_particular_one() {
        // the same man killing, in two headlines about different victims, nowhere and at no time
        let vague = [
            "Rebel commander Ivo Marek killed a village chief, witnesses say.\n",
            "The army denied reports that Ivo Marek killed a tribal elder during the raids.\n",
        ];
        let (_, m) = model_of(&vague);
        assert!(m.findings.is_empty(), "two killings, no shared story");
        let placed = [
            "Rebel commander Ivo Marek killed a village chief in Oslo on May 3, witnesses say.\n",
            "The army denied reports that Ivo Marek killed a village chief in Oslo on May 3.\n",
        ];
        let (_, m) = model_of(&placed);
        assert_eq!(m.findings.len(), 1, "one killing in Oslo on May 3");
    }

    #[test]
    fn an_event_is_defined_in_the_lead_of_the_earliest_report_not_in_a_later_paragraph() {
        let first = "---\ndate: 2026-05-03\n---\nFire destroys timber warehouse in Oslo\n\n\
            A fire destroyed a timber warehouse in Oslo on May 3, the police said.\n\n\
            Neighbours watched the smoke for hours.\n\nThe owner was abroad.\n\nTraffic was diverted.\n\n\
            Police chief Anna Berg said the fire in Oslo on May 3 started near the loading bay, \
            fire chief Olav Dahl said.\n";
        let later = "---\ndate: 2026-05-05\n---\nInsurers count the cost of the warehouse fire in Oslo on May 3, \
            police chief Anna Berg and fire chief Olav Dahl said.\n";
        let (_, m) = model_of(&[first, later]);
        let e = &m.events[event_with(&m, 1, "fire")];
        assert_eq!(event_with(&m, 0, "fire"), event_with(&m, 1, "fire"));
        let (doc, k) = e.definition();
        let d = &m.docs[doc];
        let line = d.lines.line_of(d.facts.events[k].trigger.get().start);
        assert_eq!(
            (doc, line),
            (0, 5),
            "the lead of the earliest report: {e:?}"
        );
    }

    #[test]
    fn a_later_paragraph_telling_the_whole_event_does_not_define_it_over_a_reports_lead() {
        let recalls = "Ferry service to resume in Oslo\n\nFerries will sail again from the ferry terminal in \
            Oslo next week, the operator said.\n\nTickets will cost more.\n\nTimetables change in June.\n\n\
            Repairs took a month.\n\nLars Moe and Ole Dahl were hurt in the fire at the ferry terminal in \
            Oslo on May 3.\n";
        let report = "Fire destroys ferry terminal in Oslo\n\nA fire destroyed the ferry terminal in Oslo on \
            May 3, firefighter Lars Moe said.\n";
        let (_, m) = model_of(&[recalls, report]);
        let fire = event_with(&m, 1, "Fire");
        assert_eq!(fire, event_with(&m, 0, "fire"));
        let (doc, _) = m.events[fire].definition();
        assert_eq!(doc, 1, "the report's lead: {:?}", m.events[fire]);
    }

    #[test]
    fn within_one_story_a_bare_repeat_of_a_word_is_the_same_event_and_across_stories_it_is_not() {
        let oslo_a = "Fire destroys warehouse in Oslo on May 3\n\nThe roof collapsed. \
            Neighbours watched for hours. Police later arrested a teenager.\n";
        let oslo_b = "Warehouse fire in Oslo on May 3 leaves dozens homeless\n\n\
            Officers arrested a teenager, a spokesman said.\n";
        let bergen = "Fire guts school in Bergen on June 9\n\nPolice arrested two men.\n";
        let (_, m) = model_of(&[oslo_a, oslo_b, bergen]);
        assert_eq!(event_with(&m, 0, "Fire"), event_with(&m, 1, "fire"));
        assert_eq!(
            event_with(&m, 0, "arrested"),
            event_with(&m, 1, "arrested"),
            "one story, one arrest"
        );
        assert_ne!(event_with(&m, 0, "Fire"), event_with(&m, 2, "Fire"));
        assert_ne!(
            event_with(&m, 0, "arrested"),
            event_with(&m, 2, "arrested"),
            "another story's arrest"
        );
        let e = &m.events[event_with(&m, 0, "arrested")];
        assert!(
            e.evidence_lines(&m.docs, &m.actors)
                .any(|w| w.contains("same story")),
            "{:?}",
            e.evidence
        );
    }

    #[test]
    fn a_game_is_not_the_playoffs_and_an_overdose_is_not_surgery() {
        let text = "Colts edge Chiefs in Kansas City\n\nThe Colts beat the Chiefs in a game in Kansas City \
            on Sunday.\n\nThe win sends the Colts to the playoffs in Kansas City.\n\nThe singer Mara Holt had \
            surgery in Oslo on Monday after an overdose in Oslo on Monday.\n";
        let (_, m) = model_of(&[text]);
        assert_ne!(event_with(&m, 0, "game"), event_with(&m, 0, "playoffs"));
        assert_ne!(event_with(&m, 0, "surgery"), event_with(&m, 0, "overdose"));
    }

    #[test]
    fn firing_a_coach_and_hiring_his_successor_are_two_events() {
        let a = "Hawks change coaches\n\nThe Tromsø Hawks fired coach Ole Dahl on Monday and hired Per \
            Vik, the club said.\n\nPer Vik was appointed by the Tromsø Hawks on Monday.\n";
        let b = "New coach for Hawks\n\nThe Tromsø Hawks named Per Vik as coach on Monday.\n";
        let (_, m) = model_of(&[a, b]);
        let hired = event_with(&m, 0, "hired");
        assert_ne!(event_with(&m, 0, "fired"), hired);
        assert_eq!(
            event_with(&m, 0, "appointed"),
            hired,
            "the same act in other words"
        );
        assert_eq!(event_with(&m, 1, "named"), hired);
        // "the appointment" is the hiring, though the firing was told last
        let c = "The Tromsø Hawks hired Per Vik on Monday and fired Ole Dahl.\n\nThe appointment \
            surprised fans.\n";
        let (_, m) = model_of(&[c]);
        assert_eq!(event_with(&m, 0, "appointment"), event_with(&m, 0, "hired"));
        assert_ne!(event_with(&m, 0, "appointment"), event_with(&m, 0, "fired"));
    }

    #[test]
    fn the_game_does_not_refer_back_to_a_throw() {
        // "the game" is a definite reference of the catch-all class, as "threw" is: not the throw
        let a = "Brekke throws ball at referee\n\nGoalkeeper Ola Brekke threw the ball at the referee in \
            Tromsø on Sunday.\n\nThe game ended in a draw before 4,000 fans.\n";
        let b = "Referee hit by ball\n\nOla Brekke threw the ball at a referee in Tromsø on Sunday, the \
            league said.\n";
        let (_, m) = model_of(&[a, b]);
        assert_eq!(event_with(&m, 0, "threw"), event_with(&m, 1, "threw"));
        assert_ne!(event_with(&m, 0, "game"), event_with(&m, 0, "threw"));
    }

    #[test]
    fn a_link_by_participants_names_the_one_both_reports_share() {
        let a = "Striker Tomas Aaland signs for Vardø United\n\nTomas Aaland signed a three-year \
            contract with Vardø United on Tuesday, the club said.\n";
        let b = "Aaland deal done\n\nTomas Aaland signed with Vardø United after a medical, his agent \
            Pia Lund said.\n";
        let (_, m) = model_of(&[a, b]);
        let e = &m.events[event_with(&m, 0, "signed")];
        assert_eq!(event_with(&m, 1, "signed"), event_with(&m, 0, "signed"));
        let lines: Vec<String> = e.evidence_lines(&m.docs, &m.actors).collect();
        assert!(
            lines
                .iter()
                .any(|w| w.contains("linked: shared participant Vardø United")),
            "{lines:?}"
        );
    }

    #[test]
    fn in_alike_articles_a_bare_word_is_the_same_event_but_not_evidence_for_a_denial() {
        // two reports of one grounding, naming the same captain and ship in the same words, each with a
        // bare "the blaze" that no lead links; and two other stories with a blaze of their own
        let ferry_a = "Ferry Nordlys runs aground off Varnholm\n\nCaptain Ida Strand said the Nordlys \
            struck rocks near the Varnholm lighthouse.\n\nThe blaze in the engine room was put out.\n";
        let ferry_b = "Nordlys refloated after grounding near Varnholm lighthouse\n\nCaptain Ida Strand \
            thanked the crews who freed the Nordlys from the rocks.\n\nThe blaze had scared passengers.\n";
        let school = "Council approves school budget\n\nMayor Karl Holm said teachers would get new \
            laptops.\n\nThe blaze at the old gym was not mentioned.\n";
        let market = "Fish prices climb at winter market\n\nTrader Lise Berg blamed the cold.\n\n\
            The blaze at the pier was small.\n";
        let (_, m) = model_of(&[ferry_a, ferry_b, school, market]);
        let blaze = |doc| event_with(&m, doc, "blaze");
        assert_eq!(blaze(0), blaze(1), "one story, one blaze");
        assert_ne!(blaze(0), blaze(2), "another story's blaze");
        assert_ne!(blaze(2), blaze(3));
        let e = &m.events[blaze(0)];
        assert!(
            e.evidence_lines(&m.docs, &m.actors)
                .any(|w| w.contains("alike")),
            "{:?}",
            e.evidence_lines(&m.docs, &m.actors).collect::<Vec<_>>()
        );
        // no place, no date: no part a denial could be matched to a claim through
        let part = |doc: usize| {
            let k = m.docs[doc]
                .facts
                .events
                .iter()
                .position(|e| e.lemma.as_str() == "fire")
                .expect("the blaze");
            m.event_of[doc][k].particular_part()
        };
        assert_eq!((part(0), part(1)), (None, None));
    }

    #[test]
    fn obituaries_of_two_people_recalling_a_third_tell_two_deaths() {
        let molin = "Actor Peter Molin dies at 80\n\nPeter Molin, who starred in films made with director \
            Olof Berg, died at his home.\n\nMolin was born in Tromso.\n\nMolin leaves two sons.\n";
        let dahl = "Singer Eva Dahl dies at 75\n\nEva Dahl, who sang in films made by director Olof \
            Berg, died in hospital.\n\nDahl recorded twelve albums.\n\nDahl leaves a daughter.\n";
        let (_, m) = model_of(&[molin, dahl]);
        assert_ne!(event_with(&m, 0, "died"), event_with(&m, 1, "died"));
        // named most as speaking for another, an agent does not make an obituary about someone else
        let agent = "Agent Tom Lind mourns client\n\nAgent Tom Lind said Peter Molin, who starred in films \
            made with director Olof Berg, died at his home.\n\nTom Lind spoke to reporters.\n\n\
            Lind said Molin was kind.\n";
        let (_, m) = model_of(&[molin, agent]);
        assert_eq!(event_with(&m, 0, "died"), event_with(&m, 1, "died"));
    }

    #[test]
    fn deaths_of_two_people_told_alike_are_two_events() {
        // two reports of a weekend on one mountain, each telling both deaths in the same words
        let first = "Two climbers die on Skarvatind\n\nPer Vold, 36, died after slipping from a ridge on \
            Skarvatind. Rescuers said Ola Brekke, 32, died near the hut a day later.\n";
        let second = "Skarvatind claims two climbers\n\nRescuers said Ola Brekke, 32, died near the hut on \
            Skarvatind. Per Vold, 36, died after slipping from a ridge the day before.\n";
        let (_, m) = model_of(&[&[first, second][..], &OTHER_NEWS].concat());
        let (vold, brekke) = (events_with(&m, 0, "died"), events_with(&m, 1, "died"));
        assert_ne!(vold[0], vold[1], "two deaths in the first report");
        assert_eq!(vold[0], brekke[1], "Vold's death in both");
        assert_eq!(vold[1], brekke[0], "Brekke's death in both");
    }

    #[test]
    fn two_deaths_on_one_day_in_places_named_apart_are_two_events() {
        let oslo = "---\ndate: 2026-03-14\n---\nA cyclist was killed in Oslo on March 13.\n\nPolice closed \
            the road for the night.\n";
        let peak = "---\ndate: 2026-03-14\n---\nA climber was killed near Skarvatind on March 13.\n\n\
            Rescuers reached the body at dawn.\n";
        let (_, m) = model_of(&[oslo, peak]);
        assert_ne!(event_with(&m, 0, "killed"), event_with(&m, 1, "killed"));
        // the same day and the same person still tell one death
        let named = "---\ndate: 2026-03-14\n---\nCyclist Jon Berg was killed in Oslo on March 13.\n\n\
            Police closed the road.\n";
        let family = "---\ndate: 2026-03-15\n---\nThe family of Jon Berg, killed on March 13, asked for \
            privacy.\n\nA service is planned.\n";
        let (_, m) = model_of(&[named, family]);
        assert_eq!(event_with(&m, 0, "killed"), event_with(&m, 1, "killed"));
    }

    #[test]
    fn a_date_guessed_from_the_text_does_not_make_a_report_the_defining_one() {
        // no front matter: the first article's date is guessed from a founding it recalls (1931)
        let recalling =
            "A fire broke out at the museum in Bergen.\n\nThe museum opened on June 2, 1931.\n";
        let telling = "A fire at the museum in Bergen on March 5 leaves two guards hurt.\n\nThe roof is gone.\n";
        let (_, m) = model_of(&[recalling, telling]);
        let fire = event_with(&m, 0, "fire");
        assert_eq!(fire, event_with(&m, 1, "fire"));
        assert!(m.dates[0].inferred() && m.dates[1].date.is_none());
        assert_eq!(
            m.events[fire].definition().0,
            1,
            "the report that tells the day"
        );
        // a date the article states still makes it the earliest report
        let dated = format!("---\ndate: 2026-03-06\n---\n{recalling}");
        let (_, m) = model_of(&[&dated, telling]);
        assert_eq!(m.events[event_with(&m, 0, "fire")].definition().0, 0);
    }

    #[test]
    fn an_event_is_defined_in_a_report_alike_the_others_not_in_one_telling_a_like_event() {
        // three reports of a jeweller robbed in Lyon, and an older robbery of a bank there that joins them
        // by the place and the word, told more specifically (a day); and articles of other stories
        let bank = "Robbery in Lyon on March 3 nets forty gold bars from bank vault\n\n\
            The gang robbed the vault before dawn, investigators said.\n";
        let reports = [
            "Masked thieves rob jeweller in Lyon\n\nMasked thieves on motorbikes robbed the jeweller \
             Margot Ferrand in Lyon, commander Luc Brassard said.\n",
            "Jeweller robbed in Lyon by masked thieves on motorbikes\n\nMargot Ferrand said the masked \
             thieves took rings and watches. Commander Luc Brassard appealed for witnesses.\n",
            "Lyon jeweller Margot Ferrand robbed by masked thieves\n\nCommander Luc Brassard said the \
             motorbikes were found burned.\n",
        ];
        let others = [
            "Oslo council votes to widen harbour road\n\nMayor Ingrid Sand said the work starts soon.\n",
            "Bergen choir wins national prize\n\nConductor Per Lunde thanked the singers.\n",
            "Storm closes ferry routes in Tromsø\n\nSkipper Kari Holm said the waves were high.\n",
        ];
        let texts: Vec<&str> = std::iter::once(bank).chain(reports).chain(others).collect();
        let (_, m) = model_of(&texts);
        let robbery = event_with(&m, 1, "robbed");
        for doc in 2..=3 {
            assert_eq!(event_with(&m, doc, "robbed"), robbery, "report {doc} links");
        }
        assert_eq!(
            event_with(&m, 0, "Robbery"),
            robbery,
            "the case: the bank robbery joins by the place and the word"
        );
        let defined_in = m.events[robbery].definition().0;
        assert!(
            (1..=3).contains(&defined_in),
            "defined in one of the jeweller's reports, not in the bank's: {defined_in}"
        );
    }

    #[test]
    fn the_defining_mention_names_the_events_place() {
        // two leads as specific (two guards; a guard and a town): the one naming the town defines
        let guards = "Guards Ola Berg and Kari Lunde were hurt in a fire at the museum.\n\n\
            The roof is gone.\n";
        let town =
            "Guard Ola Berg was hurt in a fire at the museum in Bergen.\n\nThe roof is gone.\n";
        let (_, m) = model_of(&[guards, town]);
        let fire = event_with(&m, 0, "fire");
        assert_eq!(fire, event_with(&m, 1, "fire"));
        assert_eq!(m.events[fire].place(), Some("Bergen"));
        assert_eq!(
            m.events[fire].definition().0,
            1,
            "the report that names Bergen"
        );
    }

    #[test]
    fn the_defining_mention_names_the_place_most_reports_name_not_the_first_named() {
        // the first report puts the fire in a village the gazetteer does not know, two later ones in Bergen
        let lead = |place: &str| {
            format!(
                "Guard Ola Berg was hurt in a fire at the museum in {place}.\n\nThe roof is gone.\n"
            )
        };
        let docs = [lead("Fjordvik"), lead("Bergen"), lead("Bergen")];
        let (_, m) = model_of(&docs.iter().map(String::as_str).collect::<Vec<_>>());
        let fire = event_with(&m, 0, "fire");
        assert_eq!(fire, event_with(&m, 1, "fire"));
        assert_eq!(fire, event_with(&m, 2, "fire"));
        assert_eq!(
            m.events[fire].definition().0,
            1,
            "the first report that names Bergen: {:?}",
            m.events[fire]
        );
    }

    #[test]
    fn a_report_that_tells_the_event_in_passing_does_not_define_it() {
        // both leads name the place and the day; the first article tells the killing only in passing
        let vigil =
            "Oslo mourns\n\nCrowds mourned the teenager killed by police in Oslo on May 3.\n";
        let report =
            "Unrest in Oslo\n\nPolice killed a teenager in Oslo on May 3, witnesses said.\n";
        let (_, m) = model_of(&[vigil, report]);
        let killed = event_with(&m, 0, "killed");
        assert_eq!(killed, event_with(&m, 1, "killed"));
        assert_eq!(
            m.events[killed].definition().0,
            1,
            "the report that tells it as its news: {:?}",
            m.events[killed]
        );
    }

    #[test]
    fn a_report_defines_an_event_over_a_question_about_it() {
        // both headlines name the place and the day; the first asks
        let column = "Arson in Oslo on May 3?\n\nNeighbours still wonder who lit the fire.\n";
        let report = "Arson in Oslo on May 3\n\nPolice said the fire was lit on purpose.\n";
        let (_, m) = model_of(&[column, report]);
        let arson = event_with(&m, 0, "Arson");
        assert_eq!(arson, event_with(&m, 1, "Arson"));
        assert_eq!(
            m.events[arson].definition().0,
            1,
            "the report, not the question: {:?}",
            m.events[arson]
        );
    }

    #[test]
    fn a_team_is_known_by_its_plural_name_and_tells_no_game_from_another() {
        let opener = "---\ndate: 2026-03-01\n---\nThe Denver Owls won the opening game.\n\n\
            The Owls travel next week.\n";
        let second = "---\ndate: 2026-03-09\n---\nThe Denver Owls won a second game.\n";
        let (_, m) = model_of(&[opener, second]);
        let owls: Vec<&actors::Actor> = m
            .actors
            .iter()
            .filter(|a| a.name.contains("Owls"))
            .collect();
        assert_eq!(owls.len(), 1, "one team: {owls:?}");
        assert_eq!(owls[0].name, "Denver Owls");
        assert_eq!(owls[0].kind, crate::analysis::ActorKind::Organization);
        assert_eq!(owls[0].mentions.len(), 3, "the Owls too");
        // the team plays every game: sharing it makes no two games one; each game still names it
        assert_ne!(event_with(&m, 0, "won"), event_with(&m, 1, "won"));
        for doc in [0, 1] {
            let game = &m.events[event_with(&m, doc, "won")];
            let names: Vec<&str> = game
                .participants()
                .map(|a| m.actors[a].name.as_str())
                .collect();
            assert_eq!(names, vec!["Denver Owls"]);
        }
    }

    #[test]
    fn a_ship_is_no_person_is_known_by_its_name_alone_and_tells_its_interception_apart() {
        let first = "---\ndate: 2026-02-03\n---\nThe navy warship INS Kalvari intercepted a pirate \
            skiff near Mombasa on Monday.\nKalvari then escorted the freighter to port.\n";
        // the same day, the same port: only the ships tell the two apart
        let second = "---\ndate: 2026-02-04\n---\nThe navy warship INS Tarang intercepted a pirate \
            skiff near Mombasa on Monday.\n";
        let (_, m) = model_of(&[first, second]);
        let kalvari: Vec<&actors::Actor> = m
            .actors
            .iter()
            .filter(|a| a.name.contains("Kalvari"))
            .collect();
        assert_eq!(kalvari.len(), 1, "one ship: {kalvari:?}");
        assert_eq!(kalvari[0].name, "INS Kalvari");
        assert_eq!(kalvari[0].kind, crate::analysis::ActorKind::Organization);
        assert_eq!(kalvari[0].mentions.len(), 2, "Kalvari alone too");
        assert_ne!(
            event_with(&m, 0, "intercepted"),
            event_with(&m, 1, "intercepted"),
            "two ships, two interceptions"
        );
    }

    #[test]
    fn a_team_named_only_by_its_plural_name_ties_no_two_arrests_together() {
        let season = "---\ndate: 2026-01-02\n---\nThe Denver Owls opened their season at home.\n";
        let marsh = "---\ndate: 2026-01-10\n---\nOwls forward Dale Marsh arrested\nOwls forward Dale Marsh \
            was arrested on suspicion of drunken driving, police said.\nThe Owls said they were aware of \
            the arrest.\n";
        let pike = "---\ndate: 2026-01-24\n---\nOwls guard Ken Pike arrested\nOwls guard Ken Pike was \
            arrested after a bar fight, police said.\nThe Owls declined to comment.\n";
        let (_, m) = model_of(&[season, marsh, pike]);
        assert_ne!(
            event_with(&m, 1, "arrested"),
            event_with(&m, 2, "arrested"),
            "two players, two arrests"
        );
        // the team is still shown among each arrest's participants
        let arrest = &m.events[event_with(&m, 2, "arrested")];
        let names: Vec<&str> = arrest
            .participants()
            .map(|a| m.actors[a].name.as_str())
            .collect();
        assert!(names.contains(&"Denver Owls"), "{names:?}");
    }

    #[test]
    fn a_country_and_a_word_link_reports_of_the_same_weeks_only() {
        let climber = "A climber died in Norway after falling from a ridge.\n";
        let fisherman = "A fisherman died in Norway when his boat capsized.\n";
        let skier = "---\ndate: 2026-02-02\n---\nA skier died in Norway after an avalanche.\n";
        let rescuers =
            "---\ndate: 2026-02-09\n---\nRescuers said a skier died in Norway in the avalanche.\n";
        let (_, m) = model_of(&[climber, fisherman, skier, rescuers]);
        let died = |doc| event_with(&m, doc, "died");
        // undated: many die in one country
        assert_ne!(died(0), died(1));
        assert_ne!(died(0), died(2));
        // a week apart: the same death
        assert_eq!(died(2), died(3));
    }

    #[test]
    fn checking_into_another_clinic_is_another_event() {
        let grove = "Singer Mara Holt checked into the Alder Grove Center for treatment.\n";
        let ridge = "Singer Mara Holt checked into the Pine Ridge Clinic for treatment.\n";
        let grove_again =
            "Singer Mara Holt checked into the Alder Grove Clinic, her publicist said.\n";
        let grove_in_full =
            "Singer Mara Holt checked into the Alder Grove Treatment Centre, fans said.\n";
        let (_, m) = model_of(&[grove, ridge, grove_again, grove_in_full]);
        let [g, r, a] = [0, 1, 2].map(|d| m.events[event_with(&m, d, "checked into")].definition());
        assert_ne!(
            event_with(&m, 0, "checked into"),
            event_with(&m, 1, "checked into"),
            "two clinics: {g:?} {r:?}"
        );
        assert_eq!(
            event_with(&m, 0, "checked into"),
            event_with(&m, 2, "checked into"),
            "one clinic, named two ways: {a:?}"
        );
        assert_eq!(
            event_with(&m, 0, "checked into"),
            event_with(&m, 3, "checked into"),
            "and a third way"
        );
    }

    #[test]
    fn a_weekday_is_not_counted_from_a_date_the_article_only_recalls() {
        // no publication date: the latest date in the text is a founding in 1931, not the day of writing
        let recalled =
            "The museum fire broke out on Thursday.\n\nThe museum opened on June 2, 1931.\n";
        let (_, m) = model_of(&[recalled]);
        assert_eq!(m.events[event_with(&m, 0, "fire")].date, None);
        let dated = format!("---\ndate: 2026-05-08\n---\n{recalled}");
        let (_, m) = model_of(&[&dated]);
        assert_eq!(
            m.events[event_with(&m, 0, "fire")]
                .date
                .map(|d| d.display()),
            Some("2026-05-07".to_string())
        );
    }

    #[test]
    fn an_edit_that_moves_an_event_out_of_the_lead_resolves_events_again() {
        let one_sentence = "---\ndate: 2026-05-04\n---\nThe crews worked; the roof fell; the smoke rose; \
            the roads closed; a fire destroyed a warehouse in Oslo on May 3.\n";
        let later = "---\ndate: 2026-05-05\n---\nA fire destroyed a warehouse in Oslo on May 3.\n";
        let (mut c, m) = model_of(&[one_sentence, later]);
        let definition_doc = |m: &Model| m.events[event_with(m, 1, "fire")].definition().0;
        assert_eq!(definition_doc(&m), 0, "the earliest report's lead");
        // the same words, now five sentences: the fire is out of the first article's lead
        c.upsert(Article::from_text(
            "0.txt",
            &one_sentence.replace("; t", ". T").replace("; a", ". A"),
        ));
        let u = m.update(c.entries(), &[0]).expect("same articles");
        assert_eq!(definition_doc(&u), 1, "the other article's lead");
        assert!(same_output(&u, &c.resolve()));
    }

    /// Headlines about other things, so that the words of one story are rare in the corpus.
    const ELSEWHERE: [&str; 4] = [
        "---\ndate: 2026-02-01\n---\nCouncil approves new cycle lanes for the town centre\n",
        "---\ndate: 2026-02-01\n---\nLocal bakery wins national award for its sourdough\n",
        "---\ndate: 2026-02-01\n---\nTrain strike set to disrupt commuters next week\n",
        "---\ndate: 2026-02-01\n---\nSchool reopens after summer repairs to its roof\n",
    ];

    /// The documents whose claims are denied.
    fn denied_docs(m: &Model) -> std::collections::BTreeSet<usize> {
        m.findings.iter().map(|f| f.claim.0).collect()
    }

    /// The given headlines, then [`ELSEWHERE`].
    fn with_elsewhere(texts: &[&'static str]) -> Vec<&'static str> {
        texts.iter().chain(&ELSEWHERE).copied().collect()
    }

    #[test]
    fn a_denial_reaches_the_reports_that_tell_what_the_denied_claim_tells() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nViral video shows giant squid washed up on Brighton beach\n",
            "---\ndate: 2026-02-01\n---\nViral video shows giant squid washed up, stunning walkers and surfers on a winter morning by the old pier\n",
            "---\ndate: 2026-02-03\n---\nNo, a giant squid did not wash up on Brighton beach: the video is a hoax\n",
        ]);
        let (_, m) = model_of(&texts);
        let denied: std::collections::BTreeSet<usize> =
            m.findings.iter().map(|f| f.claim.0).collect();
        assert_eq!(
            denied,
            [0, 1].into(),
            "both reports of the squid: {:?}",
            m.matches
        );
        assert!(
            m.findings
                .iter()
                .all(|f| f.denials.iter().all(|d| d.0.0 == 2))
        );
        assert!(
            m.matches
                .iter()
                .any(|x| x.claim.0 == 1 && x.why.contains("tells what 0.txt")),
            "the second report through the first: {:?}",
            m.matches
        );
    }

    #[test]
    fn a_headline_denial_matches_a_report_by_its_words_alone() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nWoman says surgeons gave her a third breast\n",
            "---\ndate: 2026-02-03\n---\nThird breast woman story is a hoax, records show\n",
        ]);
        let (_, m) = model_of(&texts);
        let denied: Vec<(usize, usize)> = m.findings.iter().map(|f| f.claim).collect();
        assert_eq!(denied, vec![(0, 0)], "{:?}", m.matches);
        assert!(m.matches[0].why.contains("words"), "{:?}", m.matches);
    }

    #[test]
    fn a_denial_finds_its_claim_by_the_name_they_share_not_by_rarer_words_no_claim_uses() {
        // "gossips", "spreading", "Facebook" and "Instagram" are rarer than "Lindqvist" here, but only
        // the two denials use them
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nSinger Tova Lindqvist is a robot\n",
            "---\ndate: 2026-02-01\n---\nTova Lindqvist to tour Norway in the spring\n",
            "---\ndate: 2026-02-03\n---\nTova Lindqvist is not a robot, whatever gossips keep spreading on Facebook and Instagram\n",
            "---\ndate: 2026-02-03\n---\nWhatever gossips keep spreading on Facebook and Instagram, the Varsa bridge is not closing\n",
        ]);
        let (_, m) = model_of(&texts);
        let denied: Vec<(usize, usize)> = m.findings.iter().map(|f| f.claim).collect();
        assert_eq!(denied, vec![(0, 0)], "{:?}", m.matches);
    }

    #[test]
    fn a_denied_arrest_does_not_deny_the_death_of_the_same_man() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nRebel commander Ivo Marek killed in airstrike\n",
            "---\ndate: 2026-02-03\n---\nRebel commander Ivo Marek was not arrested at the border\n",
        ]);
        let (_, m) = model_of(&texts);
        assert!(m.findings.is_empty(), "{:?}", m.matches);
    }

    #[test]
    fn a_denied_threat_does_not_reach_a_report_of_the_killing_near_it_in_words() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nOfficials threatened the family of aid worker Ivo Varga\n",
            "---\ndate: 2026-02-02\n---\nOfficials: rebels beheaded the family of aid worker Ivo Varga\n",
            "---\ndate: 2026-02-03\n---\nMinistry denies it threatened the family of aid worker Ivo Varga\n",
        ]);
        let (_, m) = model_of(&texts);
        assert_eq!(
            denied_docs(&m),
            [0].into(),
            "the threat only: {:?}",
            m.matches
        );
    }

    #[test]
    fn a_denied_trip_does_not_deny_talks_with_the_same_words() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nEnergy ministers hold talks on the Varsa pipeline\n",
            "---\ndate: 2026-02-03\n---\nOfficials denied reports that energy ministers will travel to see the Varsa pipeline.\n",
        ]);
        let (_, m) = model_of(&texts);
        assert!(m.findings.is_empty(), "{:?}", m.matches);
    }

    #[test]
    fn a_denial_does_not_reach_a_report_alike_in_words_about_another_place() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nViral video shows giant squid washed up on a beach in Oslo\n",
            "---\ndate: 2026-02-01\n---\nViral video shows giant squid washed up on a beach in Helsinki, stunning walkers\n",
            "---\ndate: 2026-02-03\n---\nNo, a giant squid did not wash up on a beach in Oslo: the viral video is a hoax\n",
        ]);
        let (_, m) = model_of(&texts);
        assert_eq!(
            denied_docs(&m),
            [0].into(),
            "only Oslo's squid: {:?}",
            m.matches
        );
    }

    #[test]
    fn a_denial_naming_a_city_reaches_a_report_naming_its_state() {
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nViral video shows giant squid washed up on a beach in Florida\n",
            "---\ndate: 2026-02-03\n---\nNo, a giant squid did not wash up on a beach in Tampa: the viral video is a hoax\n",
        ]);
        let (_, m) = model_of(&texts);
        assert_eq!(
            denied_docs(&m),
            [0].into(),
            "Tampa is in Florida: {:?}",
            m.matches
        );
    }

    #[test]
    fn a_denied_trip_on_another_day_is_another_trip_of_the_same_person() {
        // two reports of one trip, one of another trip of the same minister; the denial names the second
        let texts = with_elsewhere(&[
            "---\ndate: 2026-02-01\n---\nAccording to officials, Energy Minister Marta Kessel is reportedly set to travel to Varnholm on February 9 to sign the agreement.\n",
            "---\ndate: 2026-02-02\n---\nEnergy Minister Marta Kessel is reportedly set to travel to Varnholm on February 9 to sign the agreement, officials said.\n",
            "---\ndate: 2026-03-01\n---\nAccording to officials, Energy Minister Marta Kessel is reportedly set to travel to Ostrava on March 20 to sign the agreement.\n",
            "---\ndate: 2026-03-04\n---\nThe spokesman denied reports that Marta Kessel plans to travel to Ostrava on March 20 to sign the agreement.\n",
        ]);
        let (_, m) = model_of(&texts);
        assert_eq!(
            denied_docs(&m),
            [2].into(),
            "only the March trip: {:?}",
            m.matches
        );
    }

    #[test]
    fn reports_years_apart_tell_different_events_unless_they_name_the_day() {
        let (_, m) = model_of(&[
            "---\ndate: 2024-03-02\n---\nPort workers met in Tampere.\n\nUnions in Tampere threatened a strike over the plan.\n",
            "---\ndate: 2024-03-09\n---\nTalks went on.\n\nUnions in Tampere threatened a strike over the plan.\n",
            "---\ndate: 2026-05-20\n---\nA new plan was shown.\n\nUnions in Tampere threatened a strike over the plan.\n",
        ]);
        let strike = |d| event_with(&m, d, "strike");
        assert_eq!(strike(0), strike(1), "a week apart: one threat");
        assert_ne!(strike(0), strike(2), "two years apart: another threat");
        // a date inferred from the text is no publication date to keep reports apart by
        let (_, m) = model_of(&[
            "Port workers met in Tampere on March 2, 2024.\n\nUnions in Tampere threatened a strike over the plan.\n",
            "The talks were held on May 20, 2026.\n\nUnions in Tampere threatened a strike over the plan.\n",
        ]);
        assert_eq!(
            event_with(&m, 0, "strike"),
            event_with(&m, 1, "strike"),
            "inferred dates"
        );
    }

    #[test]
    fn statements_are_events_of_their_own_never_linked() {
        let (_, m) = model_of(&[
            "Fire destroys warehouse in Oslo on May 3\n\nPolice chief Anna Berg said the roof collapsed.\n",
            "Warehouse fire in Oslo on May 3\n\nPolice chief Anna Berg said two men were questioned. \
             Berg said more would follow.\n",
        ]);
        assert_eq!(
            event_with(&m, 0, "Fire"),
            event_with(&m, 1, "fire"),
            "one story"
        );
        let said = [
            event_with(&m, 0, "said"),
            events_with(&m, 1, "said")[0],
            events_with(&m, 1, "said")[1],
        ];
        assert!(
            said.iter()
                .all(|&e| m.events[e].class == EventClass::Statement)
        );
        assert!(said[0] != said[1] && said[1] != said[2] && said[0] != said[2]);
    }

    #[test]
    fn the_same_action_links_across_articles_and_different_actions_do_not() {
        let (_, m) = model_of(&[
            "A storm damaged the harbour in Oslo on March 4.\n",
            "Gales damaged fishing boats in Oslo on March 4. Crews restored power in Oslo on March 4.\n",
        ]);
        assert_eq!(event_with(&m, 0, "damaged"), event_with(&m, 1, "damaged"));
        assert_ne!(event_with(&m, 0, "damaged"), event_with(&m, 1, "restored"));
    }

    #[test]
    fn an_edit_that_only_moves_the_facts_keeps_the_joins() {
        let claim = format!("{QUIET_LEAD}{CLAIM}");
        let (mut c, m) = model_of(&[&claim, DENIAL]);
        assert_eq!(m.findings.len(), 1);
        let edited = claim.replace(
            "The weather was mild.",
            "The weather, by all accounts, was very mild.",
        );
        let more_space = claim.replace("\n\nThe weather", "\n\n\nThe weather");
        let appended = format!("{claim}\n");
        for text in [edited, more_space, appended] {
            c.upsert(Article::from_text("0.txt", &text));
            let e = c.get("0.txt").unwrap().clone();
            let moved = m.moved(&e).expect("facts only moved");
            assert!(Arc::ptr_eq(&moved.joins, &m.joins));
            let (fresh_findings, moved_findings) = (
                crate::report::findings_out(&c.resolve()),
                crate::report::findings_out(&moved),
            );
            assert_eq!(format!("{fresh_findings:?}"), format!("{moved_findings:?}"));
        }
    }

    #[test]
    fn an_edit_that_changes_a_fact_needs_a_new_resolve() {
        let (mut c, m) = model_of(&[CLAIM, DENIAL]);
        for text in [
            CLAIM.replace("Wierzbicki", "Wierzbicky"),
            CLAIM.replace("April 2", "April 3"),
            CLAIM.replace("The weather was mild.", "Officials met in Oslo."),
            format!("---\ndate: 2026-03-01\n---\n{CLAIM}"),
        ] {
            c.upsert(Article::from_text("0.txt", &text));
            let e = c.get("0.txt").unwrap().clone();
            assert!(m.moved(&e).is_none(), "{text}");
        }
    }

    #[test]
    fn an_edit_inside_a_trigger_that_keeps_its_lemma_changes_the_event_label() {
        let before =
            "Ministers gather in Oslo\n\nMinister Anna Berg travelled to Oslo on March 3.\n";
        let after = before.replace("travelled", "traveled");
        let (mut c, m) = model_of(&[before]);
        c.upsert(Article::from_text("0.txt", &after));
        let rebuilt = c.resolve();
        let labels = |m: &Model| {
            m.events
                .iter()
                .map(|e| e.label(&m.docs))
                .collect::<Vec<_>>()
        };
        assert_ne!(labels(&m), labels(&rebuilt));
        // the facts themselves only moved: only the trigger's words tell the edit apart
        let (old, new) = (&m.docs[0], c.get("0.txt").unwrap());
        let (start, old_end, new_end) = edit_between(&old.article.text, &new.article.text);
        let map = |x: usize| {
            Some(if x < old_end {
                x
            } else {
                x + new_end - old_end
            })
        };
        assert!(start < old_end);
        assert_eq!(old.facts.moved(map, map), new.facts);
        assert!(m.moved(c.get("0.txt").unwrap()).is_none());
    }

    fn same_output(a: &Model, b: &Model) -> bool {
        let out = |m: &Model| {
            let f = crate::report::findings_out(m);
            crate::report::export::render(m, "c", &f)
        };
        out(a) == out(b)
    }

    #[test]
    fn a_copied_model_says_what_the_original_says_and_shares_none_of_its_joins() {
        let (_, m) = model_of(&[CLAIM, DENIAL]);
        assert!(!m.findings.is_empty());
        let copy = m.copied();
        assert!(same_output(&copy, &m));
        assert!(!Arc::ptr_eq(&copy.joins, &m.joins));
        assert!(!Arc::ptr_eq(&copy.actors, &m.actors));
        assert!(!Arc::ptr_eq(&copy.events, &m.events));
        assert!(
            Arc::ptr_eq(&copy.docs[0], &m.docs[0]),
            "the articles are shared"
        );
    }

    #[test]
    fn an_edit_to_a_claims_words_keeps_actors_and_events_and_resolves_only_the_matching() {
        let claim = format!("{QUIET_LEAD}{CLAIM}");
        let (mut c, m) = model_of(&[&claim, DENIAL]);
        let edited = claim.replace("is reportedly set", "is reportedly very likely set");
        c.upsert(Article::from_text("0.txt", &edited));
        assert!(
            m.moved(c.get("0.txt").unwrap()).is_none(),
            "the claim's words changed"
        );
        let u = m.update(c.entries(), &[0]).expect("same articles");
        assert!(Arc::ptr_eq(&u.actors, &m.actors));
        assert!(Arc::ptr_eq(&u.events, &m.events));
        assert!(same_output(&u, &c.resolve()));
    }

    #[test]
    fn an_edit_to_a_name_resolves_actors_and_events_again() {
        let (mut c, m) = model_of(&[CLAIM, DENIAL]);
        c.upsert(Article::from_text("0.txt", &CLAIM.replace("Tomasz", "Jan")));
        let u = m.update(c.entries(), &[0]).expect("same articles");
        assert!(!Arc::ptr_eq(&u.actors, &m.actors));
        assert!(!Arc::ptr_eq(&u.events, &m.events));
        assert!(same_output(&u, &c.resolve()));
        // a new article is not the same articles
        c.upsert(Article::from_text("2.txt", "Nothing happened.\n"));
        assert!(m.update(c.entries(), &[0]).is_none());
    }
}
