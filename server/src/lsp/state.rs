//! The writer: one thread that owns the workspace and the open documents. Every edit, file event, folder
//! change and setting goes through it, in order; after each burst (typing is debounced) it re-analyses the
//! articles that changed, swaps in a new immutable [`Snapshot`] for requests, and publishes the diagnostics
//! that changed. An edit that only moved an article's facts is carried into the model at once; a corpus
//! whose facts changed is resolved again on another thread (one at a time per corpus; edits made meanwhile
//! are resolved after it), and the result comes back as a message, as indexing's does — so the writer never
//! waits for a resolve, and open documents are served before the index is complete.

use super::annotation_links::AnnotationLinks;
use super::config::Settings;
use super::convert::{Encoding, path_to_uri};
use super::diag_cache;
use super::diagnostics;
use super::documents::Documents;
use super::outbox::{Out, Outbox};
use super::workspace::{Folder, Place, Snapshot, View, Workspace};
use crate::corpus::settings_file::{self, CorpusSettings, SettingsIssue};
use crate::corpus::{self, Article, SkippedFile};
use crate::index::cache::{self, FactsCache};
use crate::index::{Corpus, DocEntry, Model};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tower_lsp_server::ls_types::{Diagnostic, MessageType, TextDocumentContentChangeEvent};

/// The snapshot requests read; the writer replaces it whole.
pub type Shared = Arc<RwLock<Arc<Snapshot>>>;

/// What the writer is told.
#[derive(Debug)]
pub enum Msg {
    /// After `initialized`: the negotiated encoding, the folders, the settings, and whether the server
    /// must watch the files itself (the client does not).
    Start {
        encoding: Encoding,
        folders: Vec<PathBuf>,
        settings: Settings,
        watch_files: bool,
    },
    Open {
        path: PathBuf,
        text: String,
        version: i32,
    },
    Change {
        path: PathBuf,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    },
    Close {
        path: PathBuf,
    },
    /// A document saved by the editor.
    Saved {
        path: PathBuf,
    },
    /// Files or folders created, changed, deleted or renamed on disk.
    Disk(Vec<PathBuf>),
    Folders {
        added: Vec<PathBuf>,
        removed: Vec<PathBuf>,
    },
    Settings(Settings),
    Indexed(Indexed),
    /// The diagnostics of the last session for a folder being indexed, its articles unchanged.
    Cached(Cached),
    Resolved(Resolved),
    /// A resolve ended in a panic (a bug): the corpus keeps its model until the next edit.
    ResolveFailed(CorpusId),
}

/// A corpus resolved on another thread, with the diagnostics of all its articles under the settings and
/// encoding it was resolved with.
#[derive(Debug)]
pub struct Resolved {
    id: CorpusId,
    model: Arc<Model>,
    diagnostics: BTreeMap<PathBuf, diagnostics::Fingerprinted>,
    settings: Arc<Settings>,
    encoding: Encoding,
}

/// A folder's diagnostics from the last session ([`diag_cache`]): its root, the indexing run, the
/// diagnostics by absolute path.
#[derive(Debug)]
pub struct Cached {
    root: PathBuf,
    generation: u64,
    articles: Vec<(PathBuf, Vec<Diagnostic>)>,
    /// Why they hold: "its files" (unchanged from outside) or "its texts" (read, and the same).
    unchanged: &'static str,
}

/// The result of indexing one folder.
#[derive(Debug)]
pub struct Indexed {
    root: PathBuf,
    generation: u64,
    token: String,
    entries: Vec<Arc<DocEntry>>,
    skipped: Vec<SkippedFile>,
    /// How many articles were analysed (the others' facts came from the facts cache).
    analysed: usize,
    /// The stamp of the files before they were read ([`diag_cache::stamp`]).
    stamp: u64,
    /// What the folder's `dateline.toml` says.
    corpus_settings: Arc<CorpusSettings>,
    /// The file, its text and its mistakes, when there is one.
    settings_file: Option<(String, Vec<SettingsIssue>)>,
    /// The diagnostics of the articles' brat annotation files that have any.
    annotations: Vec<(PathBuf, Vec<Diagnostic>)>,
    /// The cross-article links those files state.
    annotation_links: AnnotationLinks,
}

/// Which corpus: a folder by its root, or the loose documents.
type CorpusId = Option<PathBuf>;

struct Writer {
    rx: Receiver<Msg>,
    tx: Sender<Msg>,
    out: Outbox,
    shared: Shared,
    encoding: Encoding,
    settings: Arc<Settings>,
    ws: Workspace,
    /// The resolved model of each corpus.
    models: HashMap<CorpusId, Arc<Model>>,
    docs: Documents,
    /// Open documents whose text changed since the last flush.
    dirty_text: BTreeSet<PathBuf>,
    /// Corpora to resolve again.
    dirty_models: BTreeSet<CorpusId>,
    /// Corpora being resolved on another thread.
    resolving: BTreeSet<CorpusId>,
    /// Corpora whose diagnostics must be computed again (settings changed, or resolved again).
    dirty_diags: BTreeSet<CorpusId>,
    /// Articles (by index in their corpus's model) whose facts only moved: their diagnostics, and those
    /// pointing into them, must be computed again.
    partial_diags: HashMap<CorpusId, BTreeSet<usize>>,
    /// Diagnostics of every article, computed with a resolve, for corpora whose model is that resolve's.
    resolved_diags: HashMap<CorpusId, BTreeMap<PathBuf, diagnostics::Fingerprinted>>,
    /// Articles whose facts changed since their corpus's model was resolved: their published diagnostics
    /// (from [`Model::provisional`]) stand until a resolve includes them.
    stale: HashMap<CorpusId, BTreeSet<PathBuf>>,
    /// What was last published, per corpus and article with diagnostics (their
    /// [`diagnostics::fingerprint`]).
    published: HashMap<CorpusId, BTreeMap<PathBuf, u64>>,
    /// Indexing runs to report finished once their corpus is resolved and published: the corpus, the
    /// progress token, its last message, the log line.
    ending: Vec<(CorpusId, String, String, String)>,
    /// Folders just indexed, whose diagnostics, once published, are kept for the next session, with the
    /// stamp of their files as read ([`diag_cache::stamp`]).
    diag_cache_due: BTreeMap<CorpusId, u64>,
    jobs: usize,
    watcher: Option<super::watch::Watcher>,
}

/// Starts the writer thread; returns the channel to it.
pub fn start(out: Outbox, shared: Shared) -> Sender<Msg> {
    let (tx, rx) = std::sync::mpsc::channel();
    let w = Writer {
        rx,
        tx: tx.clone(),
        out,
        shared,
        encoding: Encoding::default(),
        settings: Arc::new(Settings::default()),
        ws: Workspace::default(),
        models: HashMap::new(),
        docs: Documents::default(),
        dirty_text: BTreeSet::new(),
        dirty_models: BTreeSet::new(),
        resolving: BTreeSet::new(),
        dirty_diags: BTreeSet::new(),
        partial_diags: HashMap::new(),
        resolved_diags: HashMap::new(),
        stale: HashMap::new(),
        published: HashMap::new(),
        diag_cache_due: BTreeMap::new(),
        ending: Vec::new(),
        jobs: 0,
        watcher: None,
    };
    let spawned = std::thread::Builder::new()
        .name("dateline-writer".into())
        .spawn(move || w.run());
    if let Err(e) = spawned {
        eprintln!("dateline: cannot start the writer thread: {e}");
    }
    tx
}

/// True when a path relative to a corpus root passes through a hidden folder, `target/` or
/// `node_modules/` (which discovery skips too).
fn skipped_dir(relative: &str) -> bool {
    let mut parts: Vec<&str> = relative.split('/').collect();
    parts.pop();
    parts
        .iter()
        .any(|p| p.starts_with('.') || *p == "target" || *p == "node_modules")
}

impl Writer {
    fn run(mut self) {
        while let Ok(msg) = self.rx.recv() {
            let typing = matches!(msg, Msg::Change { .. });
            self.apply(msg);
            if typing {
                // debounce: wait until typing pauses (other messages, such as a resolve ending, do not
                // count as typing), but never longer than a few pauses in all
                let start = Instant::now();
                let quiet = Duration::from_millis(self.settings.debounce_ms);
                let cap = quiet * 4;
                let mut last_change = start;
                loop {
                    let wait = (quiet.saturating_sub(last_change.elapsed()))
                        .min(cap.saturating_sub(start.elapsed()));
                    if wait.is_zero() {
                        break;
                    }
                    match self.rx.recv_timeout(wait) {
                        Ok(m) => {
                            if matches!(m, Msg::Change { .. }) {
                                last_change = Instant::now();
                            }
                            self.apply(m);
                        }
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            }
            while let Ok(m) = self.rx.try_recv() {
                self.apply(m);
            }
            self.flush();
        }
    }

    fn id_of(&self, place: &Place) -> CorpusId {
        place
            .folder
            .and_then(|i| self.ws.folders.get(i))
            .map(|f| f.root.clone())
    }

    fn apply(&mut self, msg: Msg) {
        match msg {
            Msg::Start {
                encoding,
                folders,
                settings,
                watch_files,
            } => {
                self.encoding = encoding;
                self.settings = Arc::new(settings);
                if watch_files {
                    self.watcher = super::watch::Watcher::new(self.tx.clone(), &self.out);
                }
                self.add_folders(folders);
            }
            Msg::Open {
                path,
                text,
                version,
            } => {
                self.docs.open(path.clone(), &text, version);
                self.dirty_text.insert(path);
            }
            Msg::Change {
                path,
                version,
                changes,
            } => match self.docs.change(&path, version, &changes, self.encoding) {
                Ok(()) => {
                    self.dirty_text.insert(path);
                }
                Err(e) => self.out.log(MessageType::WARNING, e.to_string()),
            },
            Msg::Close { path } => {
                if self.docs.close(&path) {
                    self.dirty_text.remove(&path);
                    // the file on disk speaks again (or the article goes, if it is gone)
                    self.reload(vec![path]);
                }
            }
            Msg::Saved { path } => {
                // a folder's settings file: the folder is read again with it (articles need nothing: the
                // editor's text is already theirs, but their annotation files may now be behind it)
                let place = self.ws.locate(&path);
                if place.key == settings_file::FILE_NAME
                    && let Some(i) = place.folder
                {
                    self.index(i);
                } else {
                    self.annotations_behind(&place);
                }
            }
            Msg::Disk(paths) => {
                let paths = paths
                    .into_iter()
                    .filter(|p| !self.docs.is_open(p))
                    .collect();
                self.reload(paths);
            }
            Msg::Folders { added, removed } => {
                for root in removed {
                    self.remove_folder(&root);
                }
                self.add_folders(added);
            }
            Msg::Settings(settings) => {
                let reindex = settings.files_differ(&self.settings);
                self.settings = Arc::new(settings);
                self.resolved_diags.clear();
                self.dirty_diags.extend(self.models.keys().cloned());
                if reindex {
                    for i in 0..self.ws.folders.len() {
                        self.index(i);
                    }
                }
            }
            Msg::Indexed(ix) => self.indexed(ix),
            Msg::Cached(c) => self.cached(c),
            Msg::Resolved(r) => self.resolved(r),
            Msg::ResolveFailed(id) => {
                self.resolving.remove(&id);
                self.out.log(
                    MessageType::ERROR,
                    format!(
                        "resolving {} failed (a bug; please report it); its findings are those before the last edits",
                        id.as_deref().map_or("the open documents".into(), |r| r.display().to_string())
                    ),
                );
            }
        }
    }

    /// Installs a model resolved on another thread. Edits made since it began are carried into it when
    /// they only moved facts; otherwise the corpus is resolved again.
    fn resolved(&mut self, r: Resolved) {
        self.resolving.remove(&r.id);
        let Some(corpus) = self.corpus(&r.id) else {
            return; // the folder went away
        };
        let entries = corpus.entries();
        let mut model = r.model;
        let same_articles = entries.len() == model.docs.len()
            && entries
                .iter()
                .zip(&model.docs)
                .all(|(a, b)| a.path() == b.path());
        if !same_articles {
            // articles came or went meanwhile: serve the newer model, publish after the next resolve
            self.models.insert(r.id.clone(), model);
            self.dirty_models.insert(r.id);
            return;
        }
        let mut stale = BTreeSet::new();
        for (i, e) in entries.iter().enumerate() {
            if Arc::ptr_eq(e, &model.docs[i]) {
                continue;
            }
            match model.moved(e) {
                Some(m) => {
                    model = Arc::new(m);
                    self.partial_diags
                        .entry(r.id.clone())
                        .or_default()
                        .insert(i);
                }
                None => {
                    stale.insert(abs_path(&r.id, e.path()));
                }
            }
        }
        if !stale.is_empty() {
            self.dirty_models.insert(r.id.clone());
        }
        // the diagnostics made with the model hold, but for the articles moved since (made again when
        // published) and those changed since (which keep theirs)
        if Arc::ptr_eq(&r.settings, &self.settings) && r.encoding == self.encoding {
            self.resolved_diags.insert(r.id.clone(), r.diagnostics);
        }
        self.stale.insert(r.id.clone(), stale);
        self.models.insert(r.id.clone(), model);
        self.dirty_diags.insert(r.id);
    }

    /// Starts resolving, each on a thread of its own, the corpora that changed and are not being resolved
    /// already (those wait for the resolve under way to end).
    fn start_resolves(&mut self) {
        let ids: Vec<CorpusId> = self
            .dirty_models
            .iter()
            .filter(|id| !self.resolving.contains(*id))
            .cloned()
            .collect();
        for id in ids {
            self.dirty_models.remove(&id);
            let Some(corpus) = self.corpus(&id) else {
                continue;
            };
            let entries = corpus.entries();
            let old = self.models.get(&id).cloned();
            let tx = self.tx.clone();
            let (settings, encoding) = (self.settings.clone(), self.encoding);
            let corpus_settings = self.corpus_settings(&id);
            let registry = corpus_settings.registry.clone();
            let thread_id = id.clone();
            let id_for_failure = id.clone();
            let spawned = std::thread::Builder::new()
                .name("dateline-resolve".into())
                .spawn(move || {
                    // after an edit, one core is left to the writer (the next keystroke's diagnostics
                    // come first), and the resolve's threads yield to it where the system lets them; the
                    // first resolve of a corpus takes them all
                    let again = old.is_some();
                    if again {
                        background_priority();
                    }
                    let pool = again
                        .then(|| {
                            rayon::ThreadPoolBuilder::new()
                                .num_threads(1)
                                .start_handler(|_| background_priority())
                                .build()
                                .ok()
                        })
                        .flatten();
                    let work = || {
                        let model = Model::rebuild(old.as_deref(), entries, registry);
                        // kept packed, apart from what the resolve freed (see `Model::copied`)
                        let copied = std::thread::scope(|s| {
                            std::thread::Builder::new()
                                .name("dateline-copy".into())
                                .spawn_scoped(s, || {
                                    if again {
                                        background_priority();
                                    }
                                    model.copied()
                                })
                                .ok()
                                .and_then(|h| h.join().ok())
                        });
                        let model = copied.unwrap_or(model);
                        let view = View {
                            root: thread_id,
                            model: Arc::new(model),
                            settings: corpus_settings,
                            annotations: Arc::default(),
                        };
                        let diagnostics = diagnostics::of_docs(&view, &settings, encoding, None);
                        (view, diagnostics)
                    };
                    let failed = id_for_failure.clone();
                    let run = || match &pool {
                        Some(p) => p.install(work),
                        None => work(),
                    };
                    // a panic here is a bug: the writer is told, and serves on
                    let msg = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                        Ok((view, diagnostics)) => Msg::Resolved(Resolved {
                            id: view.root,
                            model: view.model,
                            diagnostics,
                            settings,
                            encoding,
                        }),
                        Err(_) => Msg::ResolveFailed(failed),
                    };
                    let _ = tx.send(msg);
                });
            match spawned {
                Ok(_) => {
                    self.resolving.insert(id);
                }
                Err(e) => {
                    self.out
                        .log(MessageType::ERROR, format!("cannot start resolving: {e}"));
                    let old = self.models.get(&id).cloned();
                    let registry = self.corpus_settings(&id).registry.clone();
                    let model =
                        Model::rebuild(old.as_deref(), corpus_entries(self.corpus(&id)), registry);
                    self.models.insert(id.clone(), Arc::new(model));
                    self.dirty_diags.insert(id);
                }
            }
        }
    }

    fn add_folders(&mut self, roots: Vec<PathBuf>) {
        for root in roots {
            if self.ws.folders.iter().any(|f| f.root == root) {
                continue;
            }
            // loose documents under the new folder move into it
            let moved: Vec<String> = self
                .ws
                .loose
                .paths()
                .filter(|k| Path::new(k).starts_with(&root))
                .map(String::from)
                .collect();
            for k in &moved {
                self.ws.loose.remove(k);
                self.dirty_text.insert(PathBuf::from(k));
            }
            if !moved.is_empty() {
                self.dirty_models.insert(None);
            }
            if let Some(w) = &mut self.watcher {
                w.watch(&root, &self.out);
            }
            self.ws.folders.push(Folder {
                root: root.clone(),
                corpus: Corpus::default(),
                settings: Arc::default(),
                annotations: Arc::default(),
                generation: 0,
            });
            self.dirty_models.insert(Some(root));
            self.index(self.ws.folders.len() - 1);
        }
    }

    fn remove_folder(&mut self, root: &Path) {
        let Some(i) = self.ws.folders.iter().position(|f| f.root == root) else {
            return;
        };
        self.ws.folders.remove(i);
        if let Some(w) = &mut self.watcher {
            w.unwatch(root);
        }
        let id = Some(root.to_path_buf());
        self.models.remove(&id);
        self.dirty_models.remove(&id);
        self.dirty_diags.remove(&id);
        if let Some(old) = self.published.remove(&id) {
            for path in old.into_keys() {
                self.send_diagnostics(&path, Vec::new());
            }
        }
        // open documents of the removed folder stay served, as loose documents
        let open: Vec<PathBuf> = self
            .docs
            .paths()
            .filter(|p| p.starts_with(root))
            .cloned()
            .collect();
        self.dirty_text.extend(open);
    }

    /// Starts indexing folder `i` on another thread.
    fn index(&mut self, i: usize) {
        let Some(f) = self.ws.folders.get_mut(i) else {
            return;
        };
        f.generation += 1;
        let (root, generation) = (f.root.clone(), f.generation);
        let settings = self.settings.clone();
        let (tx, out, encoding) = (self.tx.clone(), self.out.clone(), self.encoding);
        self.jobs += 1;
        let token = format!("dateline/index/{}", self.jobs);
        let spawned = std::thread::Builder::new()
            .name("dateline-index".into())
            .spawn(move || {
                let run = IndexRun {
                    root,
                    generation,
                    token,
                    settings: &settings,
                    encoding,
                };
                let ix = index_folder(run, &out, &tx);
                let _ = tx.send(Msg::Indexed(ix));
            });
        if let Err(e) = spawned {
            self.out
                .log(MessageType::ERROR, format!("cannot start indexing: {e}"));
        }
    }

    fn indexed(&mut self, mut ix: Indexed) {
        let n = ix.entries.len();
        let articles = format!("{n} article{}", if n == 1 { "" } else { "s" });
        let log = format!(
            "indexed {}: {articles} ({} analysed, the others' facts from the cache), {} skipped",
            ix.root.display(),
            ix.analysed,
            ix.skipped.len()
        );
        self.ending
            .push((Some(ix.root.clone()), ix.token, articles, log));
        let Some(folder) = self
            .ws
            .folders
            .iter_mut()
            .find(|f| f.root == ix.root && f.generation == ix.generation)
        else {
            return; // the folder went away or was indexed again since
        };
        for s in &ix.skipped {
            self.out.log(
                MessageType::WARNING,
                format!("skipped {}: {}", s.path, s.reason),
            );
        }
        folder.settings = ix.corpus_settings;
        folder.annotations = Arc::new(std::mem::take(&mut ix.annotation_links));
        let mut corpus = Corpus::default();
        for e in ix.entries {
            if !self.docs.is_open(&folder.root.join(e.path())) {
                corpus.insert(e);
            }
        }
        // open documents keep their editor text
        for key in folder.corpus.paths() {
            if self.docs.is_open(&folder.root.join(key))
                && let Some(e) = folder.corpus.get(key)
            {
                corpus.insert(e.clone());
            }
        }
        folder.corpus = corpus;
        for (path, diags) in std::mem::take(&mut ix.annotations) {
            self.send_diagnostics(&path, diags);
        }
        // the settings file's mistakes, shown in it (from the editor's text while it is open there)
        let file = ix.root.join(settings_file::FILE_NAME);
        if !self.docs.is_open(&file) {
            let diags = match &ix.settings_file {
                Some((text, issues)) => diagnostics::of_settings_file(text, issues, self.encoding),
                None => Vec::new(),
            };
            self.send_diagnostics(&file, diags);
        }
        self.diag_cache_due.insert(Some(ix.root.clone()), ix.stamp);
        self.dirty_models.insert(Some(ix.root));
    }

    /// Publishes a folder's diagnostics from the last session while it is indexed (its articles are the
    /// same), and notes them as published: the resolve then sends only what differs. Open documents are
    /// left out (the editor's text may differ from the file's).
    fn cached(&mut self, c: Cached) {
        let current = self
            .ws
            .folders
            .iter()
            .any(|f| f.root == c.root && f.generation == c.generation);
        let id = Some(c.root.clone());
        // a folder already resolved (not the empty model it starts with) has its own diagnostics
        if !current || self.models.get(&id).is_some_and(|m| !m.docs.is_empty()) {
            return;
        }
        let published = self.published.entry(id).or_default();
        let mut n = 0;
        for (path, diags) in c.articles {
            if self.docs.is_open(&path) || diags.is_empty() {
                continue;
            }
            published.insert(path.clone(), diagnostics::fingerprint(&diags));
            let Some(uri) = path_to_uri(&path) else {
                continue;
            };
            self.out.send(Out::Diagnostics {
                uri,
                diagnostics: diags,
                version: None,
            });
            n += 1;
        }
        self.out.log(
            MessageType::INFO,
            format!(
                "published the diagnostics of {n} articles of {} from the last session ({} unchanged)",
                c.root.display(),
                c.unchanged
            ),
        );
    }

    /// Reads files (or whole folders) from disk again after they changed; what is gone is removed.
    fn reload(&mut self, paths: Vec<PathBuf>) {
        // (where it goes, the folder's root, the file, the folder's settings)
        let mut read: Vec<(Place, PathBuf, PathBuf, Arc<CorpusSettings>)> = Vec::new();
        for path in paths {
            let place = self.ws.locate(&path);
            if place.folder.is_none() {
                // a loose document only lives while it is open
                if self.ws.loose.remove(&place.key) {
                    self.dirty_models.insert(None);
                }
                continue;
            }
            if skipped_dir(&place.key) {
                continue;
            }
            // the folder's settings file changed (or came, or went): the folder is read again with it
            if place.key == settings_file::FILE_NAME
                && let Some(i) = place.folder
            {
                self.index(i);
                continue;
            }
            // a folder's corpus is known by its root
            let Some(root) = self.id_of(&place) else {
                continue;
            };
            let folder_settings = self.corpus_settings(&Some(root.clone()));
            // the brat configuration: every annotation file of the folder checked again with it
            if place.key.rsplit('/').next() == Some("annotation.conf") {
                let anns: Vec<PathBuf> = place
                    .folder
                    .and_then(|i| self.ws.folders.get(i))
                    .map(|f| f.annotations.files().map(|a| a.path.clone()).collect())
                    .unwrap_or_default();
                for ann in anns {
                    self.republish_annotations(place.folder, &root, &ann);
                }
                continue;
            }
            // an article's brat annotation file: its issues shown again
            if place.key.ends_with(".ann") {
                self.republish_annotations(place.folder, &root, &path);
                continue;
            }
            let id = Some(root.clone());
            // what is there, looked at without following a link (nor through a linked folder)
            let meta = corpus::reached_without_links(&root, &path)
                .then(|| std::fs::symlink_metadata(&path).ok())
                .flatten();
            let is_file = meta.as_ref().is_some_and(|m| m.is_file());
            if meta.as_ref().is_some_and(|m| m.is_dir()) {
                let settings = self.settings.clone();
                let found = corpus::discover::files_where(&path, |p| {
                    let key = corpus::relative_path(&root, p);
                    settings.is_article(&key) && folder_settings.is_article(&key)
                });
                for skip in corpus::skipped_unreadable(&root, found.unreadable) {
                    self.out.log(
                        MessageType::WARNING,
                        format!("skipped {}: {}", skip.path, skip.reason),
                    );
                }
                for f in found.files {
                    let p = self.ws.locate(&f);
                    if !self.docs.is_open(&f) {
                        read.push((p, root.clone(), f, folder_settings.clone()));
                    }
                }
            } else if is_file
                && self.settings.is_article(&place.key)
                && folder_settings.is_article(&place.key)
            {
                read.push((place, root, path, folder_settings));
                continue;
            }
            // gone (or not an article): remove it, and everything under it when it was a folder
            let docs = &self.docs;
            let Some(corpus) = self.ws.corpus_mut(place.folder) else {
                continue;
            };
            // the folder's root itself (key "") holds every article of it
            let prefix = if place.key.is_empty() {
                String::new()
            } else {
                format!("{}/", place.key)
            };
            let gone: Vec<String> = corpus
                .paths()
                .filter(|k| *k == place.key || k.starts_with(&prefix))
                .filter(|k| is_file || !root.join(k).is_file())
                // an open document's text stays served until it is closed
                .filter(|k| !docs.is_open(&root.join(k)))
                .map(String::from)
                .collect();
            for k in gone {
                corpus.remove(&k);
                self.dirty_models.insert(id.clone());
            }
        }
        // each article with its annotation file read once, against the text read
        type Read = Result<(Arc<DocEntry>, AnnotationsRead), SkippedFile>;
        let analysed: Vec<(Place, Read)> = read
            .into_par_iter()
            .map(|(place, root, file, settings)| {
                let e = corpus::read_article(&root, &file).map(|a| {
                    let a = a.with_settings(&settings);
                    let read = annotations_of(&file, &a);
                    let a = a.with_annotations(read.as_ref().and_then(|r| r.2.as_ref()));
                    (Arc::new(DocEntry::new(a)), read)
                });
                (place, e)
            })
            .collect();
        for (place, e) in analysed {
            let id = self.id_of(&place);
            let Some(corpus) = self.ws.corpus_mut(place.folder) else {
                continue;
            };
            match e {
                Ok((entry, read)) => {
                    corpus.insert(entry);
                    let had = place
                        .folder
                        .and_then(|i| self.ws.folders.get(i)?.annotations.file(&place.key))
                        .map(|f| f.path.clone());
                    let gone = read.is_none();
                    self.record_annotations(place.folder, &place.key, read);
                    // a file it had is gone: its diagnostics go
                    if let (true, Some(ann)) = (gone, had) {
                        self.send_diagnostics(&ann, Vec::new());
                    }
                }
                Err(skip) => {
                    corpus.remove(&place.key);
                    self.out.log(
                        MessageType::WARNING,
                        format!("skipped {}: {}", skip.path, skip.reason),
                    );
                }
            }
            self.dirty_models.insert(id);
        }
    }

    /// Moves the annotations of the article at `place`, if it has any, through the edit from the text the
    /// corpus has to `text`; returns them as they are now.
    fn shift_annotations(
        &mut self,
        place: &Place,
        text: &str,
    ) -> Option<Arc<corpus::brat::Annotations>> {
        let i = place.folder?;
        let old = self.ws.folders.get(i)?.corpus.get(&place.key)?.clone();
        let f = self.ws.folders.get_mut(i)?;
        f.annotations.file(&place.key)?;
        if old.article.text != text {
            let edit = crate::index::edit_between(&old.article.text, text);
            Arc::make_mut(&mut f.annotations).shift(&place.key, edit, text);
        }
        f.annotations.file(&place.key).map(|a| a.now.clone())
    }

    /// When the saved article at `place` has an annotation file its edits moved annotations in: says so in
    /// that file (the code action on the article writes them; the server never does).
    fn annotations_behind(&mut self, place: &Place) {
        let Some(f) = place.folder.and_then(|i| self.ws.folders.get(i)) else {
            return;
        };
        let Some(file) = f.annotations.file(&place.key) else {
            return;
        };
        let moved = file.moved();
        if moved > 0 {
            let d = diagnostics::annotations_moved(moved, &place.key, &file.path);
            self.send_diagnostics(&file.path.clone(), vec![d]);
        }
    }

    /// Publishes the diagnostics of the annotation file `ann` again (none when it or its article is gone).
    fn republish_annotations(&mut self, folder: Option<usize>, root: &Path, ann: &Path) {
        let Some(corpus) = self.ws.corpus_mut(folder) else {
            return;
        };
        let found = ["txt", "md"].iter().find_map(|ext| {
            let file = ann.with_extension(ext);
            let entry = corpus.get(&corpus::relative_path(root, &file))?;
            Some((file, entry.clone()))
        });
        let Some((file, entry)) = found else {
            self.send_diagnostics(ann, Vec::new());
            return;
        };
        let read = annotations_of(&file, &entry.article);
        // the article analysed again with what the file says now
        let own = read.as_ref().and_then(|r| r.2.as_ref());
        let article = entry.article.clone().with_annotations(own);
        if article.annotated != entry.article.annotated
            && let Some(corpus) = self.ws.corpus_mut(folder)
        {
            corpus.insert(Arc::new(DocEntry::new(article)));
            self.dirty_models.insert(Some(root.to_path_buf()));
        }
        let gone = read.is_none();
        self.record_annotations(folder, &corpus::relative_path(root, &file), read);
        if gone {
            self.send_diagnostics(ann, Vec::new());
        }
    }

    /// Keeps what the annotation file of the article at `key` says (`read`, from [`annotations_of`];
    /// none: it has none) as the folder's links, and shows the file's diagnostics when there is one (a
    /// new snapshot is published after each message).
    fn record_annotations(&mut self, folder: Option<usize>, key: &str, read: AnnotationsRead) {
        let Some(f) = folder.and_then(|i| self.ws.folders.get_mut(i)) else {
            return;
        };
        match read {
            Some((path, diags, own)) => {
                Arc::make_mut(&mut f.annotations).set(key, own.map(|a| (path.clone(), a)));
                self.send_diagnostics(&path, diags);
            }
            None => {
                if f.annotations.file(key).is_some() {
                    Arc::make_mut(&mut f.annotations).set(key, None);
                }
            }
        }
    }

    /// Re-analyses the open documents that changed, resolves the corpora that changed, publishes a new
    /// snapshot and the diagnostics that changed.
    fn flush(&mut self) {
        let dirty: Vec<PathBuf> = std::mem::take(&mut self.dirty_text).into_iter().collect();
        let mut fresh: Vec<(Place, String, Arc<CorpusSettings>)> = Vec::new();
        for path in dirty {
            let place = self.ws.locate(&path);
            if let Some(doc) = self.docs.get(&path) {
                let in_folder = place.folder.is_some();
                // a folder's settings file open in the editor: its mistakes as they are typed (the folder
                // is read again with it once it is saved)
                if in_folder && place.key == settings_file::FILE_NAME {
                    let text = doc.text.to_string();
                    let (_, issues) = settings_file::parse(&text);
                    let diags = diagnostics::of_settings_file(&text, &issues, self.encoding);
                    self.send_diagnostics(&path, diags);
                    continue;
                }
                let id = self.id_of(&place);
                let settings = self.corpus_settings(&id);
                if in_folder
                    && (skipped_dir(&place.key)
                        || !self.settings.is_article(&place.key)
                        || !settings.is_article(&place.key))
                {
                    continue;
                }
                fresh.push((place, doc.text.to_string(), settings));
            } else if place.folder.is_some() {
                // moved between corpora while closed: read it from disk
                self.reload(vec![path]);
            }
        }
        // an article's annotations move with its edit, and it is analysed with them where they are now
        let fresh: Vec<_> = fresh
            .into_iter()
            .map(|(place, text, settings)| {
                let own = self.shift_annotations(&place, &text);
                (place, text, settings, own)
            })
            .collect();
        let analysed: Vec<(Place, DocEntry)> = fresh
            .into_par_iter()
            .map(|(place, text, settings, own)| {
                let article = Article::from_text(place.key.clone(), &text)
                    .with_settings(&settings)
                    .with_annotations(own.as_deref());
                (place, DocEntry::new(article))
            })
            .collect();
        // early cutoff: an edit that only moved an article's facts keeps its corpus's joins
        let mut moved: HashMap<CorpusId, Vec<Arc<DocEntry>>> = HashMap::new();
        for (place, e) in analysed {
            let id = self.id_of(&place);
            let e = Arc::new(e);
            let Some(c) = self.ws.corpus_mut(place.folder) else {
                continue;
            };
            c.insert(e.clone());
            moved.entry(id).or_default().push(e);
        }
        for (id, entries) in moved {
            let Some(old) = self.models.get(&id).cloned() else {
                self.dirty_models.insert(id);
                continue;
            };
            let mut model = old.clone();
            let mut touched = BTreeSet::new();
            let mut all_moved = true;
            for e in &entries {
                match model.moved(e) {
                    Some(m) => {
                        touched.extend(m.doc_index(e.path()));
                        model = Arc::new(m);
                    }
                    None => {
                        all_moved = false;
                        break;
                    }
                }
            }
            if all_moved {
                // the model holds these articles' facts now, even those it was resolved without
                if let Some(stale) = self.stale.get_mut(&id) {
                    for e in &entries {
                        stale.remove(&abs_path(&id, e.path()));
                    }
                }
                self.models.insert(id.clone(), model);
                self.partial_diags.entry(id).or_default().extend(touched);
                continue;
            }
            // facts changed: each edited article's own diagnostics at once, from it resolved with the
            // articles it can be matched with; the whole corpus again on another thread
            for e in &entries {
                self.publish_provisional(&id, &old, e);
                self.stale
                    .entry(id.clone())
                    .or_default()
                    .insert(abs_path(&id, e.path()));
            }
            self.dirty_models.insert(id);
        }
        self.start_resolves();
        self.publish_snapshot();
        self.publish_diagnostics();
        // indexing ends (for the client) once its corpus is resolved and its diagnostics are out
        let (done, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.ending)
            .into_iter()
            .partition(|(id, ..)| !self.resolving.contains(id) && !self.dirty_models.contains(id));
        self.ending = waiting;
        for (_, token, message, log) in done {
            self.out.send(Out::ProgressEnd { token, message });
            self.out.log(MessageType::INFO, log);
        }
    }

    /// Whether the corpus's model is of its articles as they are (the same paths; their facts may have
    /// changed since, see `stale`).
    fn model_is_current(&self, id: &CorpusId) -> bool {
        let (Some(model), Some(corpus)) = (self.models.get(id), self.corpus(id)) else {
            return false;
        };
        corpus.len() == model.docs.len()
            && corpus.paths().zip(&model.docs).all(|(p, d)| p == d.path())
    }

    fn corpus(&self, id: &CorpusId) -> Option<&Corpus> {
        match id {
            Some(root) => self
                .ws
                .folders
                .iter()
                .find(|f| &f.root == root)
                .map(|f| &f.corpus),
            None => Some(&self.ws.loose),
        }
    }

    /// The annotation links of corpus `id` (none for the loose documents).
    fn annotation_links(&self, id: &CorpusId) -> Arc<AnnotationLinks> {
        id.as_ref()
            .and_then(|root| self.ws.folders.iter().find(|f| &f.root == root))
            .map(|f| f.annotations.clone())
            .unwrap_or_default()
    }

    /// What the `dateline.toml` of corpus `id` says (the defaults for the loose documents).
    fn corpus_settings(&self, id: &CorpusId) -> Arc<CorpusSettings> {
        id.as_ref()
            .and_then(|root| self.ws.folders.iter().find(|f| &f.root == root))
            .map(|f| f.settings.clone())
            .unwrap_or_default()
    }

    fn view(&self, id: &CorpusId) -> View {
        View {
            settings: self.corpus_settings(id),
            annotations: self.annotation_links(id),
            root: id.clone(),
            model: self
                .models
                .get(id)
                .cloned()
                .unwrap_or_else(|| Arc::new(Model::build(Vec::new()))),
        }
    }

    fn publish_snapshot(&self) {
        let mut views: Vec<View> = self
            .ws
            .folders
            .iter()
            .map(|f| self.view(&Some(f.root.clone())))
            .collect();
        views.push(self.view(&None));
        let snap = Snapshot {
            encoding: self.encoding,
            views,
        };
        match self.shared.write() {
            Ok(mut s) => *s = Arc::new(snap),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snap),
        }
    }

    /// Sends an article's diagnostics when they differ from what was published for it (`published`, its
    /// corpus's fingerprints), and notes them there.
    fn publish_changed(
        &self,
        published: &mut BTreeMap<PathBuf, u64>,
        path: PathBuf,
        (f, diags): diagnostics::Fingerprinted,
    ) {
        let f = (!diags.is_empty()).then_some(f);
        if published.get(&path).copied() != f {
            self.send_diagnostics(&path, diags);
        }
        match f {
            Some(f) => published.insert(path, f),
            None => published.remove(&path),
        };
    }

    fn send_diagnostics(&self, path: &Path, diagnostics: Vec<Diagnostic>) {
        let Some(uri) = path_to_uri(path) else {
            return;
        };
        let version = self.docs.get(path).map(|d| d.version);
        self.out.send(Out::Diagnostics {
            uri,
            diagnostics,
            version,
        });
    }

    /// Publishes the diagnostics of an edited article from its provisional model (see
    /// [`Model::provisional`]); the whole corpus's, when resolved, replace them.
    fn publish_provisional(&mut self, id: &CorpusId, model: &Model, entry: &Arc<DocEntry>) {
        let part = Arc::new(model.provisional(entry));
        let Some(k) = part.doc_index(entry.path()) else {
            return;
        };
        let view = View {
            root: id.clone(),
            model: part,
            settings: self.corpus_settings(id),
            annotations: Arc::default(),
        };
        let only = BTreeSet::from([k]);
        let new = diagnostics::of_docs(&view, &self.settings, self.encoding, Some(&only));
        let mut published = self.published.remove(id).unwrap_or_default();
        for (path, diags) in new {
            self.publish_changed(&mut published, path, diags);
        }
        self.published.insert(id.clone(), published);
    }

    /// After the first publish of a folder just indexed, keeps its diagnostics for the next session
    /// ([`diag_cache`]), when they are the files' (no document open in the editor, none stale).
    fn keep_for_next_session(
        &mut self,
        id: &CorpusId,
        new: &BTreeMap<PathBuf, diagnostics::Fingerprinted>,
        none_stale: bool,
    ) {
        let Some(root) = id else { return };
        let Some(stamp) = self.diag_cache_due.remove(id) else {
            return;
        };
        if !none_stale {
            return;
        }
        let Some(model) = self.models.get(id) else {
            return;
        };
        if model
            .docs
            .iter()
            .any(|d| self.docs.is_open(&root.join(d.path())))
        {
            return;
        }
        let fingerprint = cache::corpus_fingerprint(model.docs.iter().map(|d| (d.path(), d.hash)));
        let corpus_settings = self.corpus_settings(id).fingerprint;
        let key = diag_cache::Key::new(&self.settings, corpus_settings, self.encoding, fingerprint);
        let articles: Vec<(String, Vec<Diagnostic>)> = new
            .iter()
            .filter(|(_, (_, diags))| !diags.is_empty())
            .filter_map(|(path, (_, diags))| {
                let rel = path.strip_prefix(root).ok()?;
                Some((
                    crate::corpus::relative_path(Path::new(""), rel),
                    diags.clone(),
                ))
            })
            .collect();
        let out = self.out.clone();
        diag_cache::save(root, key, Some(stamp), articles, move |e| {
            out.log(
                MessageType::WARNING,
                format!("cannot keep the diagnostics for the next session: {e}"),
            )
        });
    }

    fn publish_diagnostics(&mut self) {
        let full: Vec<CorpusId> = std::mem::take(&mut self.dirty_diags).into_iter().collect();
        let mut partial = std::mem::take(&mut self.partial_diags);
        for id in full.iter() {
            if !self.model_is_current(id) {
                // a model of other articles (a folder just indexed, before its resolve ends): its
                // diagnostics would take back those of the last session, and be kept for the next one
                continue;
            }
            let mut new = match self.resolved_diags.remove(id) {
                Some(mut ready) => {
                    // articles moved since the resolve, and those whose diagnostics point into them
                    if let Some(docs) = partial.remove(id) {
                        let view = self.view(id);
                        let affected: BTreeSet<usize> = docs
                            .iter()
                            .flat_map(|&d| view.model.related_docs(d))
                            .collect();
                        let redone = diagnostics::of_docs(
                            &view,
                            &self.settings,
                            self.encoding,
                            Some(&affected),
                        );
                        for (path, diags) in redone {
                            if diags.1.is_empty() {
                                ready.remove(&path);
                            } else {
                                ready.insert(path, diags);
                            }
                        }
                    }
                    ready
                }
                None => diagnostics::of_docs(&self.view(id), &self.settings, self.encoding, None),
            };
            let old = self.published.remove(id).unwrap_or_default();
            // articles edited since the model was resolved keep what was published for them
            let stale = self.stale.get(id).cloned().unwrap_or_default();
            for path in &stale {
                new.remove(path);
            }
            self.keep_for_next_session(id, &new, stale.is_empty());
            // old and new walked side by side in path order: comparing paths is the cost here, with
            // thousands of articles
            let mut published: Vec<(PathBuf, u64)> = Vec::with_capacity(new.len());
            let mut unchanged = Vec::new();
            let mut old = old.into_iter().peekable();
            for (path, (f, diags)) in new {
                let mut before = None;
                while let Some((op, of)) = old.next_if(|(op, _)| *op <= path) {
                    if op == path {
                        before = Some(of);
                    } else if stale.contains(&op) {
                        published.push((op, of));
                    } else {
                        self.send_diagnostics(&op, Vec::new());
                    }
                }
                let f = (!diags.is_empty()).then_some(f);
                if before != f {
                    self.send_diagnostics(&path, diags);
                } else {
                    unchanged.push(diags);
                }
                if let Some(f) = f {
                    published.push((path, f));
                }
            }
            for (op, of) in old {
                if stale.contains(&op) {
                    published.push((op, of));
                } else {
                    self.send_diagnostics(&op, Vec::new());
                }
            }
            // freeing thousands of unchanged diagnostics is left to another thread
            rayon::spawn(move || drop(unchanged));
            self.published
                .insert(id.clone(), published.into_iter().collect());
        }
        for (id, docs) in partial {
            if full.contains(&id) {
                continue;
            }
            let view = self.view(&id);
            // the edited articles and those whose diagnostics point into them
            let affected: BTreeSet<usize> = docs
                .iter()
                .flat_map(|&d| view.model.related_docs(d))
                .collect();
            let new = diagnostics::of_docs(&view, &self.settings, self.encoding, Some(&affected));
            let mut published = self.published.remove(&id).unwrap_or_default();
            for (path, diags) in new {
                self.publish_changed(&mut published, path, diags);
            }
            self.published.insert(id, published);
        }
    }
}

/// Where an article of a corpus is: under the folder's root, or its own path for a loose document.
fn abs_path(id: &CorpusId, key: &str) -> PathBuf {
    match id {
        Some(root) => root.join(key),
        None => PathBuf::from(key),
    }
}

fn corpus_entries(corpus: Option<&Corpus>) -> Vec<Arc<DocEntry>> {
    corpus.map(Corpus::entries).unwrap_or_default()
}

/// Reads and analyses every article of a folder, in parallel, reporting progress.
/// What an indexing run is: the folder, which run, its progress token, and the settings and encoding
/// diagnostics are made under.
struct IndexRun<'a> {
    root: PathBuf,
    generation: u64,
    token: String,
    settings: &'a Settings,
    encoding: Encoding,
}

fn index_folder(run: IndexRun, out: &Outbox, tx: &Sender<Msg>) -> Indexed {
    let IndexRun {
        root,
        generation,
        token,
        settings,
        encoding,
    } = run;
    let name = root.file_name().map_or_else(
        || root.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    out.send(Out::ProgressBegin {
        token: token.clone(),
        title: "Dateline: indexing".into(),
        message: name.clone(),
    });
    // the folder's dateline.toml: which files are articles, and what they are given
    let (corpus_settings, settings_file) = match settings_file::read(&root) {
        Ok(Some((text, s, issues))) => (s, Some((text, issues))),
        Ok(None) => (CorpusSettings::default(), None),
        Err(e) => {
            out.log(
                MessageType::WARNING,
                format!(
                    "cannot read {}: {e}",
                    root.join(settings_file::FILE_NAME).display()
                ),
            );
            (CorpusSettings::default(), None)
        }
    };
    let found = corpus::discover::files_where(&root, |p| {
        let key = corpus::relative_path(&root, p);
        settings.is_article(&key) && corpus_settings.is_article(&key)
    });
    let files = found.files;
    let mut skipped = corpus::skipped_unreadable(&root, found.unreadable);
    let total = files.len().max(1);
    let done = AtomicUsize::new(0);
    let last = Mutex::new(Instant::now());
    let progress = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Ok(mut t) = last.try_lock()
            && t.elapsed() > Duration::from_millis(100)
        {
            *t = Instant::now();
            out.send(Out::ProgressReport {
                token: token.clone(),
                message: format!("{name}: {n}/{total} articles"),
                percentage: u32::try_from(n * 100 / total).unwrap_or(100),
            });
        }
    };
    // the last session's diagnostics, read while the files are stamped, are shown at once when the files
    // look as they did (the same paths, sizes and modification times); otherwise once the articles are
    // read, if their texts are the same
    let (stamp, mut kept) = rayon::join(|| diag_cache::stamp(&files), || diag_cache::read(&root));
    let key = |fingerprint| {
        diag_cache::Key::new(settings, corpus_settings.fingerprint, encoding, fingerprint)
    };
    if let Some(k) = kept.take_if(|k| k.stamped(&key(0), stamp)) {
        let _ = tx.send(Msg::Cached(Cached {
            root: root.clone(),
            generation,
            articles: k.articles(&root),
            unchanged: "its files",
        }));
    }
    let read: Vec<Result<Article, SkippedFile>> = files
        .par_iter()
        .map(|f| corpus::read_article(&root, f).map(|a| a.with_settings(&corpus_settings)))
        .collect();
    let mut articles = Vec::new();
    for r in read {
        match r {
            Ok(a) => articles.push(a),
            Err(s) => {
                progress();
                skipped.push(s);
            }
        }
    }
    let (annotations, annotation_links) = read_annotations(&root, &articles);
    // each article analysed with what its own annotations say
    let articles: Vec<Article> = articles
        .into_iter()
        .map(|a| {
            let own = annotation_links.file(&a.path).map(|f| f.now.clone());
            a.with_annotations(own.as_deref())
        })
        .collect();
    let hashes = crate::index::text_hashes(&articles);
    if let Some(kept) = kept {
        let mut by_path: Vec<(&str, u64)> = articles
            .iter()
            .map(|a| a.path.as_str())
            .zip(hashes.iter().copied())
            .collect();
        by_path.sort_unstable();
        if kept.keyed(&key(cache::corpus_fingerprint(by_path.into_iter()))) {
            let _ = tx.send(Msg::Cached(Cached {
                root: root.clone(),
                generation,
                articles: kept.articles(&root),
                unchanged: "its texts",
            }));
        }
    }
    // the articles unchanged since the last run keep the facts the cache holds for them
    let (corpus, analysed, save) =
        Corpus::from_articles_cached(articles, hashes, FactsCache::open(&root), progress);
    // written on a thread of its own: the diagnostics do not wait for it
    if let Some(save) = save {
        let out = out.clone();
        save.spawn(move |e| {
            out.log(
                MessageType::WARNING,
                format!("cannot write the facts cache: {e}"),
            )
        });
    }
    let entries = corpus.entries();
    Indexed {
        root,
        generation,
        token,
        entries,
        skipped,
        analysed,
        stamp,
        corpus_settings: Arc::new(corpus_settings),
        settings_file,
        annotations,
        annotation_links,
    }
}

/// Diagnostics of an annotation file, read or not.
type AnnotationsRead = Option<(PathBuf, Vec<Diagnostic>, Option<corpus::brat::Annotations>)>;

/// The brat annotation file (`x.ann` beside `x.txt`) of the article at `file`: where it is, its
/// diagnostics and what it says; `None` when there is none.
fn annotations_of(file: &Path, a: &Article) -> AnnotationsRead {
    let (diags, read) = match corpus::read_annotations(file, a)? {
        Ok((ann, issues)) => (diagnostics::of_annotations(&issues, None), Some(ann)),
        Err(e) => (diagnostics::of_annotations(&[], Some(&e)), None),
    };
    Some((corpus::annotation_file(file), diags, read))
}

/// The diagnostics of each article's annotation file that has issues, and the links they all state.
fn read_annotations(
    root: &Path,
    articles: &[Article],
) -> (Vec<(PathBuf, Vec<Diagnostic>)>, AnnotationLinks) {
    let read: Vec<(String, AnnotationsRead)> = articles
        .par_iter()
        .map(|a| (a.path.clone(), annotations_of(&root.join(&a.path), a)))
        .collect();
    let mut links = AnnotationLinks::default();
    let mut diags = Vec::new();
    for (key, r) in read {
        let Some((path, d, ann)) = r else { continue };
        links.set(&key, ann.map(|a| (path.clone(), a)));
        if !d.is_empty() {
            diags.push((path, d));
        }
    }
    (diags, links)
}

/// Lowers the calling thread's scheduling priority (nice 10, on Linux, which keeps one per thread), so that
/// a corpus resolved again in the background yields the processor to the writer's next keystroke; elsewhere
/// it does nothing.
fn background_priority() {
    #[cfg(target_os = "linux")]
    #[allow(unsafe_code)]
    // SAFETY: `gettid` takes no argument and returns the caller's thread id; `setpriority` with
    // `PRIO_PROCESS` and that id changes only this thread's nice value. Neither reads or writes our memory,
    // and a failure (an error return) leaves the priority as it was, which is harmless.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid);
        if let Ok(tid) = libc::id_t::try_from(tid) {
            libc::setpriority(libc::PRIO_PROCESS, tid, 10);
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The nice value of the calling thread.
    #[allow(unsafe_code)]
    fn nice() -> i32 {
        // SAFETY: as in `background_priority`: two system calls about the caller's own thread.
        unsafe {
            let tid = libc::syscall(libc::SYS_gettid);
            libc::getpriority(libc::PRIO_PROCESS, libc::id_t::try_from(tid).unwrap_or(0))
        }
    }

    #[test]
    fn a_background_thread_yields_and_the_others_keep_their_priority() {
        let before = nice();
        let inside = std::thread::spawn(|| {
            super::background_priority();
            nice()
        })
        .join()
        .expect("the thread ran");
        assert!(inside >= 10, "nice {inside}");
        assert_eq!(nice(), before, "the calling thread's priority changed");
    }
}
