//! Cross-article links that brat annotations state: every text-bound annotation with a normalisation
//! (`N`: `ECBplus:ACT123`, `Wikidata:Q42`) is a mention of what that key names, in whichever article.
//! Go to definition and find references on such a mention answer from these links, over what the
//! analysis infers (the annotators' work comes first).
//!
//! Each article's annotations are kept as read and as they stand after the edits made to the article in
//! the editor since ([`AnnotatedFile`]): the links follow the edits, and the moved annotations are offered
//! to the user to write back (a code action), never written by the server.

use super::convert::Encoding;
use super::workspace::View;
use crate::analysis::Span;
use crate::corpus::brat::Annotations;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp_server::ls_types::Location;

/// A mention: (article key, byte start, byte end).
pub type Mention = (String, usize, usize);

/// The normalised mentions of a folder's articles, by article and by key, and each article's annotations.
#[derive(Debug, Clone, Default)]
pub struct AnnotationLinks {
    by_article: BTreeMap<String, Vec<(usize, usize, String)>>,
    by_key: BTreeMap<String, BTreeSet<Mention>>,
    files: BTreeMap<String, AnnotatedFile>,
}

/// An article's annotation file: what it says, and where its annotations stand in the article's text now.
#[derive(Debug, Clone)]
pub struct AnnotatedFile {
    /// The `.ann` file.
    pub path: PathBuf,
    /// As read from the file.
    pub read: Arc<Annotations>,
    /// Moved with the edits made to the article since.
    pub now: Arc<Annotations>,
}

impl AnnotatedFile {
    /// How many text-bound annotations the edits moved (0: the file is true to the text).
    pub fn moved(&self) -> usize {
        if Arc::ptr_eq(&self.read, &self.now) {
            0
        } else {
            self.now.moved_from(&self.read)
        }
    }
}

impl AnnotationLinks {
    /// Replaces the annotations of `article` with those read from the file at `path` (none: the article
    /// has no annotations now).
    pub fn set(&mut self, article: &str, read: Option<(PathBuf, Annotations)>) {
        match read {
            Some((path, a)) => {
                let a = Arc::new(a);
                self.link(article, Some(&a));
                self.files.insert(
                    article.to_string(),
                    AnnotatedFile {
                        path,
                        read: a.clone(),
                        now: a,
                    },
                );
            }
            None => {
                self.link(article, None);
                self.files.remove(article);
            }
        }
    }

    /// The annotation files of the articles that have one.
    pub fn files(&self) -> impl Iterator<Item = &AnnotatedFile> {
        self.files.values()
    }

    /// The annotation file of `article`, when it has one.
    pub fn file(&self, article: &str) -> Option<&AnnotatedFile> {
        self.files.get(article)
    }

    /// Moves the annotations of `article` through an edit of its text (see [`Annotations::shifted`]) that
    /// made `new_text`; false when it has none.
    pub fn shift(&mut self, article: &str, edit: (usize, usize, usize), new_text: &str) -> bool {
        let Some(f) = self.files.get_mut(article) else {
            return false;
        };
        f.now = Arc::new(f.now.shifted(edit, new_text));
        let now = f.now.clone();
        self.link(article, Some(&now));
        true
    }

    /// Replaces the links the annotations of `article` state.
    fn link(&mut self, article: &str, annotations: Option<&Annotations>) {
        for (start, end, key) in self.by_article.remove(article).unwrap_or_default() {
            if let Some(set) = self.by_key.get_mut(&key) {
                set.remove(&(article.to_string(), start, end));
                if set.is_empty() {
                    self.by_key.remove(&key);
                }
            }
        }
        let Some(a) = annotations else { return };
        let mut spans = Vec::new();
        for n in &a.normalizations {
            let Some(t) = a.text_bound.iter().find(|t| t.id == n.target) else {
                continue;
            };
            // from its first character to its last, whatever order its fragments are written in
            let (Some(start), Some(end)) = (
                t.spans.iter().map(|s| s.0).min(),
                t.spans.iter().map(|s| s.1).max(),
            ) else {
                continue;
            };
            let key = format!("{}:{}", n.resource, n.key);
            spans.push((start, end, key.clone()));
            self.by_key
                .entry(key)
                .or_default()
                .insert((article.to_string(), start, end));
        }
        if !spans.is_empty() {
            spans.sort();
            self.by_article.insert(article.to_string(), spans);
        }
    }

    /// The key of the normalised mention at byte `offset` of `article`, and every mention of that key
    /// (its own included), when there is one. The narrowest span wins where spans nest.
    pub fn at(&self, article: &str, offset: usize) -> Option<(&str, &BTreeSet<Mention>)> {
        let (_, _, key) = self
            .by_article
            .get(article)?
            .iter()
            .filter(|(s, e, _)| *s <= offset && offset <= *e)
            .min_by_key(|(s, e, _)| e - s)?;
        Some((key.as_str(), self.by_key.get(key)?))
    }

    pub fn is_empty(&self) -> bool {
        self.by_article.is_empty()
    }
}

/// Every mention of what the normalised mention at `offset` of document `doc` names, earliest article
/// first (by date, then path), as locations; `None` when no normalised mention is there.
pub fn mentions_at(view: &View, enc: Encoding, doc: usize, offset: usize) -> Option<Vec<Location>> {
    let model = &view.model;
    let (_, all) = view.annotations.at(&model.docs[doc].article.path, offset)?;
    let mut found: Vec<(usize, usize, usize)> = all
        .iter()
        .filter_map(|(article, start, end)| Some((model.doc_index(article)?, *start, *end)))
        .collect();
    found.sort_by_key(|&(d, start, _)| {
        let date = model.dates[d].date;
        (date.is_none(), date, d, start)
    });
    Some(
        found
            .into_iter()
            .filter_map(|(d, start, end)| view.location(enc, d, Span { start, end }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::brat::parse;

    #[test]
    fn mentions_of_one_key_are_linked_across_articles_and_follow_changes() {
        let a = "Tara Reid checked into rehab.";
        let b = "Reid went to Promises.";
        // fragments written last first
        let (ann_c, _) = parse(
            "T1\tPER 5 9;0 4\twent Reid\nN1\tReference T1 ECB:HUM1\tx\n",
            b,
        );
        let mut reversed = AnnotationLinks::default();
        reversed.set("c.txt", Some(("c.ann".into(), ann_c)));
        let (_, all) = reversed.at("c.txt", 6).expect("inside the hull");
        assert_eq!(all.iter().next(), Some(&("c.txt".to_string(), 0, 9)));
        let (ann_a, _) = parse(
            "T1\tPER 0 9\tTara Reid\nN1\tReference T1 ECB:HUM1\tx\nT2\tACT 10 17\tchecked\nN2\tReference T2 ECB:ACT1\tx\n",
            a,
        );
        let (ann_b, _) = parse(
            "T1\tPER 0 4\tReid\nN1\tReference T1 ECB:HUM1\tx\nT2\tACT 5 9\twent\n",
            b,
        );
        let mut links = AnnotationLinks::default();
        links.set("a.txt", Some(("a.ann".into(), ann_a)));
        links.set("b.txt", Some(("b.ann".into(), ann_b)));
        let (key, all) = links.at("b.txt", 2).expect("Reid is normalised");
        assert_eq!(key, "ECB:HUM1");
        assert_eq!(
            all.iter().cloned().collect::<Vec<_>>(),
            vec![("a.txt".to_string(), 0, 9), ("b.txt".to_string(), 0, 4)]
        );
        assert!(links.at("b.txt", 6).is_none(), "went has no normalisation");
        links.set("a.txt", None);
        let (_, all) = links.at("b.txt", 2).expect("still there");
        assert_eq!(all.len(), 1);
        assert!(links.at("a.txt", 2).is_none());
        // an edit before Reid moves the link with it
        let edited = format!("Then {b}");
        let edit = crate::index::edit_between(b, &edited);
        assert!(links.shift("b.txt", edit, &edited));
        assert!(links.at("b.txt", 2).is_none());
        let (_, all) = links.at("b.txt", 7).expect("moved");
        assert_eq!(all.iter().next(), Some(&("b.txt".to_string(), 5, 9)));
        assert_eq!(links.file("b.txt").map(AnnotatedFile::moved), Some(2));
    }
}
