//! The facts cache: each article's analysis kept on disk between runs, so that a run on a corpus whose
//! articles did not change skips analysing them. One file per corpus folder, under the user's cache folder
//! (`$DATELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`) — never inside the
//! corpus. An article's facts are used only when the hash of its text is the one stored with them, and a
//! file is read only when it names this engine (a hash of this build's source, `build.rs`). A file that
//! cannot be read or decoded is ignored and replaced; a new file is written beside the old one and renamed
//! over it, so concurrent runs and interrupted writes leave one whole file or the other.

use super::DocEntry;
use crate::analysis::ArticleFacts;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The engine that writes and reads cache files: a file of another is never read.
pub const ENGINE: &str = env!("DATELINE_ENGINE");

/// The first bytes of every cache file.
const MAGIC: &str = "dateline facts cache";

/// An article's facts as stored, with the hash of the text they were made from.
#[derive(Serialize)]
struct Stored<'a> {
    path: &'a str,
    hash: u64,
    facts: &'a ArticleFacts,
}

#[derive(Deserialize)]
struct Loaded {
    path: String,
    hash: u64,
    facts: ArticleFacts,
}

/// The hash an article's text is stored under (SipHash with fixed keys: the same in every run).
pub fn text_hash(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The facts read from a corpus's cache file, by article path.
#[derive(Default)]
pub struct FactsCache {
    file: Option<PathBuf>,
    known: rustc_hash::FxHashMap<String, (u64, ArticleFacts)>,
}

/// The fingerprint of a whole corpus: its articles' paths and text hashes, in path order.
pub fn corpus_fingerprint<'a>(articles: impl Iterator<Item = (&'a str, u64)>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in articles {
        a.hash(&mut h);
    }
    h.finish()
}

/// The cache file of kind `kind` for the corpus at `root` (`facts-….bin`), when there is a cache folder.
pub fn file_for(root: &Path, kind: &str, ext: &str) -> Option<PathBuf> {
    let dir = cache_dir()?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut h);
    Some(dir.join(format!("{kind}-{:016x}.{ext}", h.finish())))
}

/// Writes `bytes` as `file`: beside it first, then renamed over it.
pub fn write_whole(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // the error says where: the cache folder is the user's to fix
    let at = |path: &Path, e: std::io::Error| {
        std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
    }
    let tmp = file.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| at(&tmp, e))?;
    std::fs::rename(&tmp, file).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        at(file, e)
    })
}

/// Runs `write` on a thread of its own, telling `failed` of an error; [`wait_for_writes`] waits for it.
pub fn spawn_write(
    write: impl FnOnce() -> std::io::Result<()> + Send + 'static,
    failed: impl Fn(std::io::Error) + Send + Sync + 'static,
) {
    let failed = Arc::new(failed);
    let told = Arc::clone(&failed);
    let spawned = std::thread::Builder::new()
        .name("dateline-cache".into())
        .spawn(move || {
            if let Err(e) = write() {
                told(e);
            }
        });
    match spawned {
        Ok(handle) => match WRITING.lock() {
            Ok(mut w) => w.push(handle),
            Err(poisoned) => poisoned.into_inner().push(handle),
        },
        Err(e) => failed(e),
    }
}

/// The folder cache files live in, when there is one.
fn cache_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("DATELINE_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("dateline")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("dateline")))
}

impl FactsCache {
    /// The cache of the corpus at `root` (empty when there is no cache folder, no file, or the file is
    /// another engine's or damaged).
    pub fn open(root: &Path) -> FactsCache {
        let Some(file) = file_for(root, "facts", "bin") else {
            return FactsCache::default();
        };
        let known = std::fs::read(&file)
            .ok()
            .and_then(|bytes| decode(&bytes))
            .unwrap_or_default();
        FactsCache {
            file: Some(file),
            known,
        }
    }

    /// Whether it has a file to write (there is a cache folder).
    pub fn has_file(&self) -> bool {
        self.file.is_some()
    }

    /// Whether no facts are left in it (none were read, or all were taken).
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The stored facts of the article at `path`, when they were made from a text with hash `hash`.
    pub fn take(&mut self, path: &str, hash: u64) -> Option<ArticleFacts> {
        let (h, _) = self.known.get(path)?;
        if *h != hash {
            return None;
        }
        self.known.remove(path).map(|(_, f)| f)
    }

    /// Writes the facts of `entries` as the corpus's cache.
    pub fn save(&self, entries: &[Arc<DocEntry>]) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let stored: Vec<Stored> = entries
            .iter()
            .map(|e| Stored {
                path: e.path(),
                hash: e.hash,
                facts: &e.facts,
            })
            .collect();
        let bytes = postcard::to_stdvec(&(MAGIC, ENGINE, stored)).map_err(std::io::Error::other)?;
        write_whole(file, &bytes)
    }
}

/// A cache file to write: the articles' facts (each entry knows its text's hash).
pub struct Save {
    pub(super) cache: FactsCache,
    pub(super) docs: Vec<Arc<DocEntry>>,
}

impl Save {
    pub fn run(self) -> std::io::Result<()> {
        self.cache.save(&self.docs)
    }

    /// Writes the file on a thread of its own (see [`spawn_write`]).
    pub fn spawn(self, failed: impl Fn(std::io::Error) + Send + Sync + 'static) {
        spawn_write(move || self.run(), failed);
    }
}

/// The cache files being written on threads of their own.
static WRITING: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
    std::sync::Mutex::new(Vec::new());

/// Waits until every cache file being written is written.
pub fn wait_for_writes() {
    let handles = match WRITING.lock() {
        Ok(mut w) => std::mem::take(&mut *w),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for h in handles {
        let _ = h.join();
    }
}

/// The facts in a cache file's bytes, when it is a whole file of this engine.
fn decode(bytes: &[u8]) -> Option<rustc_hash::FxHashMap<String, (u64, ArticleFacts)>> {
    let (magic, rest): (&str, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    let (engine, rest): (&str, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    if magic != MAGIC || engine != ENGINE {
        return None;
    }
    let (loaded, rest): (Vec<Loaded>, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    if !rest.is_empty() {
        return None;
    }
    Some(
        loaded
            .into_iter()
            .map(|l| (l.path, (l.hash, l.facts)))
            .collect(),
    )
}
