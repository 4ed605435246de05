//! The workspace as the server sees it: each workspace folder is one corpus (as `dateline check FOLDER`
//! would read it), plus a corpus of loose documents opened from outside every folder. The writer owns the
//! [`Workspace`]; requests read an immutable [`Snapshot`] of resolved models.

use super::annotation_links::AnnotationLinks;
use super::convert::{Encoding, TextRef, path_to_uri, uri_to_path};
use crate::analysis::Span;
use crate::corpus::settings_file::CorpusSettings;
use crate::index::{Corpus, Model};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::ls_types::{Location, Uri};

/// Where a file belongs: a workspace folder (by index) and its path relative to the folder, or the loose
/// corpus under its absolute path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Index into the folders; `None` for the loose corpus.
    pub folder: Option<usize>,
    /// The article's key in its corpus.
    pub key: String,
}

/// One workspace folder and its corpus.
#[derive(Debug)]
pub struct Folder {
    pub root: PathBuf,
    pub corpus: Corpus,
    /// What its `dateline.toml` says (the defaults without one), as read at its last indexing.
    pub settings: Arc<CorpusSettings>,
    /// The cross-article links its brat annotations state.
    pub annotations: Arc<AnnotationLinks>,
    /// Bumped at every (re-)index, so that results of an outdated indexing run are dropped.
    pub generation: u64,
}

/// All corpora the server knows.
#[derive(Debug, Default)]
pub struct Workspace {
    pub folders: Vec<Folder>,
    pub loose: Corpus,
}

/// The folder among `roots` that holds `path` (the deepest one), with the path relative to it.
fn locate_in<'a>(roots: impl Iterator<Item = &'a Path>, path: &Path) -> Place {
    let best = roots
        .enumerate()
        .filter(|(_, r)| path.starts_with(r))
        .max_by_key(|(_, r)| r.components().count());
    match best {
        Some((i, root)) => Place {
            folder: Some(i),
            key: crate::corpus::relative_path(root, path),
        },
        None => Place {
            folder: None,
            key: path.to_string_lossy().into_owned(),
        },
    }
}

impl Workspace {
    pub fn locate(&self, path: &Path) -> Place {
        locate_in(self.folders.iter().map(|f| f.root.as_path()), path)
    }

    pub fn corpus_mut(&mut self, folder: Option<usize>) -> Option<&mut Corpus> {
        match folder {
            Some(i) => self.folders.get_mut(i).map(|f| &mut f.corpus),
            None => Some(&mut self.loose),
        }
    }
}

/// One corpus resolved: what requests read.
#[derive(Debug)]
pub struct View {
    /// The folder's root; `None` for loose documents (their keys are absolute paths).
    pub root: Option<PathBuf>,
    pub model: Arc<Model>,
    /// The corpus's `dateline.toml` (the defaults for loose documents).
    pub settings: Arc<CorpusSettings>,
    /// The cross-article links its brat annotations state (none for loose documents).
    pub annotations: Arc<AnnotationLinks>,
}

impl View {
    /// The absolute path of document `doc`.
    pub fn path(&self, doc: usize) -> PathBuf {
        let key = &self.model.docs[doc].article.path;
        match &self.root {
            Some(r) => r.join(key),
            None => PathBuf::from(key),
        }
    }

    /// The LSP location of a span of document `doc`.
    pub fn location(&self, enc: Encoding, doc: usize, span: Span) -> Option<Location> {
        Some(Location::new(
            path_to_uri(&self.path(doc))?,
            self.text(doc).range(enc, span),
        ))
    }

    pub fn text(&self, doc: usize) -> TextRef<'_> {
        let d = &self.model.docs[doc];
        TextRef {
            text: &d.article.text,
            lines: &d.lines,
        }
    }
}

/// The state requests are answered from: immutable, replaced whole by the writer.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub encoding: Encoding,
    /// The workspace folders' views, then the loose documents' view.
    pub views: Vec<View>,
}

impl Snapshot {
    /// The view of the folder whose `dateline.toml` is at `path`.
    pub fn settings_view(&self, path: &Path) -> Option<&View> {
        self.views.iter().find(|v| {
            v.root
                .as_ref()
                .is_some_and(|r| r.join(crate::corpus::settings_file::FILE_NAME) == path)
        })
    }

    /// The view and document index of a URI, if the document is known.
    pub fn locate(&self, uri: &Uri) -> Option<(&View, usize)> {
        let path = uri_to_path(uri)?;
        let folders = self.views.iter().filter_map(|v| v.root.as_deref());
        let place = locate_in(folders, &path);
        let view = match place.folder {
            Some(i) => self.views.iter().filter(|v| v.root.is_some()).nth(i)?,
            None => self.views.iter().find(|v| v.root.is_none())?,
        };
        let doc = view.model.doc_index(&place.key)?;
        Some((view, doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_folder_holds_a_file_and_others_are_loose() {
        let roots = [PathBuf::from("/w"), PathBuf::from("/w/inner")];
        let p = locate_in(
            roots.iter().map(|r| r.as_path()),
            Path::new("/w/inner/a/b.txt"),
        );
        assert_eq!(
            p,
            Place {
                folder: Some(1),
                key: "a/b.txt".into()
            }
        );
        let q = locate_in(
            roots.iter().map(|r| r.as_path()),
            Path::new("/elsewhere/c.md"),
        );
        assert_eq!(q.folder, None);
        assert_eq!(q.key, "/elsewhere/c.md");
    }
}
