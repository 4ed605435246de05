//! All articles → the corpus model: document dates, one actor per real person or organisation, events
//! clustered across articles with their defining mention, claims matched with the denials in other
//! articles, and the findings. Pure: articles in, plain data out.
//!
//! Each article's facts are computed once from its text ([`Corpus::upsert`]); the cross-article joins are
//! made through inverted indexes (name key → mentions, blocking key → event clusters, keyword → claims), so
//! resolving costs time linear in the number of mentions and no article is analysed again.

pub mod actors;
pub mod dates;
pub mod events;
pub mod findings;
pub mod lookup;

use crate::analysis::{self, ArticleFacts};
use crate::corpus::{Article, LineIndex};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use actors::Actor;
pub use dates::DocDate;
pub use events::Event;
pub use findings::{Finding, Match};
pub use lookup::{Item, Links};

/// One article with its analysis.
#[derive(Debug)]
pub struct DocEntry {
    pub article: Article,
    pub facts: ArticleFacts,
    pub lines: LineIndex,
}

impl DocEntry {
    pub fn new(article: Article) -> DocEntry {
        let facts = analysis::analyse(&article.text, article.body_start);
        let lines = LineIndex::new(&article.text);
        DocEntry {
            article,
            facts,
            lines,
        }
    }

    pub fn path(&self) -> &str {
        &self.article.path
    }
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
        let entries: Vec<Arc<DocEntry>> = articles
            .into_par_iter()
            .map(|a| {
                let e = Arc::new(DocEntry::new(a));
                done();
                e
            })
            .collect();
        Corpus {
            docs: entries
                .into_iter()
                .map(|e| (e.article.path.clone(), e))
                .collect(),
        }
    }

    /// Adds or replaces one article.
    pub fn upsert(&mut self, article: Article) {
        let e = Arc::new(DocEntry::new(article));
        self.docs.insert(e.article.path.clone(), e);
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

    /// Resolves the cross-article model.
    pub fn resolve(&self) -> Model {
        let docs: Vec<Arc<DocEntry>> = self.docs.values().cloned().collect();
        Model::build(docs)
    }
}

/// Reference to a mention: (document index, index within that document's list).
pub type MentionRef = (usize, usize);

/// The resolved corpus model.
#[derive(Debug)]
pub struct Model {
    pub docs: Vec<Arc<DocEntry>>,
    pub dates: Vec<DocDate>,
    pub actors: Vec<Actor>,
    /// Actor index of each actor mention, per document (`None`: not an actor after all).
    pub actor_of: Vec<Vec<Option<usize>>>,
    pub events: Vec<Event>,
    /// Event index of each event mention, per document.
    pub event_of: Vec<Vec<usize>>,
    pub matches: Vec<Match>,
    pub findings: Vec<Finding>,
    /// Claims and denials to their matches and findings.
    pub links: Links,
}

impl Model {
    pub fn build(docs: Vec<Arc<DocEntry>>) -> Model {
        let dates = dates::resolve(&docs);
        let (actors, actor_of) = actors::resolve(&docs);
        let (events, event_of) = events::resolve(&docs, &dates, &actor_of);
        let matches = findings::match_claims(&docs, &actor_of, &event_of);
        let findings = findings::findings(&dates, &matches);
        let links = Links::build(&docs, actors.len(), &events, &event_of, &matches, &findings);
        Model {
            docs,
            dates,
            actors,
            actor_of,
            events,
            event_of,
            matches,
            findings,
            links,
        }
    }

    pub fn doc_index(&self, path: &str) -> Option<usize> {
        self.docs
            .binary_search_by(|d| d.article.path.as_str().cmp(path))
            .ok()
    }
}
