//! The diagnostics published in the last session, kept so that a restart on an unchanged corpus shows them
//! at once, before its articles are analysed and the corpus resolved (which then publishes only what
//! differs). One JSON file per corpus folder beside the facts cache (`index/cache.rs`), used only when the
//! engine, the severity settings and the position encoding are the same, and either every file's path,
//! size and modification time ([`stamp`]: known before any article is read) or every article's path and
//! text are.

use super::config::Settings;
use super::convert::Encoding;
use crate::index::cache;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::Diagnostic;

/// What a file is valid for: the engine, the settings and encoding the diagnostics were made under, and
/// the corpus's fingerprint ([`cache::corpus_fingerprint`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    engine: String,
    settings: String,
    fingerprint: u64,
}

impl Key {
    /// `corpus_settings` is the fingerprint of the folder's `dateline.toml` (0 without one).
    pub fn new(
        settings: &Settings,
        corpus_settings: u64,
        encoding: Encoding,
        fingerprint: u64,
    ) -> Key {
        Key {
            engine: cache::ENGINE.to_string(),
            settings: format!(
                "{}|{corpus_settings:016x}|{encoding:?}",
                settings.diagnostics_key()
            ),
            fingerprint,
        }
    }

    /// Whether the diagnostics were made by this engine under these settings (whatever the corpus).
    fn same_engine_and_settings(&self, other: &Key) -> bool {
        self.engine == other.engine && self.settings == other.settings
    }
}

/// What the files of a folder look like from outside: their paths, sizes and modification times, in the
/// order given (discovery's, sorted). Taken before the files are read, so that a file changed while they
/// are read has another stamp at the next start.
pub fn stamp(files: &[PathBuf]) -> u64 {
    let each: Vec<(u64, u128)> = files
        .par_iter()
        .map(|f| {
            let meta = std::fs::metadata(f).ok();
            let size = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            (size, modified)
        })
        .collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (f, e) in files.iter().zip(each) {
        (f, e).hash(&mut h);
    }
    h.finish()
}

#[derive(Serialize, Deserialize)]
struct File {
    key: Key,
    /// The [`stamp`] of the files the diagnostics were made from, when known.
    stamp: Option<u64>,
    /// Each article with diagnostics, by its path in the folder.
    articles: Vec<(String, Vec<Diagnostic>)>,
}

/// What is kept for the folder at `root`, read while its articles are (see [`Kept::under`]).
pub struct Kept(File);

/// Reads what is kept for the folder at `root`, if anything.
pub fn read(root: &Path) -> Option<Kept> {
    let file = cache::file_for(root, "diagnostics", "json")?;
    let bytes = std::fs::read(file).ok()?;
    serde_json::from_slice(&bytes).ok().map(Kept)
}

impl Kept {
    /// Whether they were kept, by this engine under the settings of `key`, for files of this [`stamp`]:
    /// then they hold before any article is read.
    pub fn stamped(&self, key: &Key, stamp: u64) -> bool {
        self.0.stamp == Some(stamp) && self.0.key.same_engine_and_settings(key)
    }

    /// Whether they were kept under `key` (the same engine, settings and articles).
    pub fn keyed(&self, key: &Key) -> bool {
        self.0.key == *key
    }

    /// The diagnostics, by absolute path under `root`.
    pub fn articles(self, root: &Path) -> Vec<(PathBuf, Vec<Diagnostic>)> {
        self.0
            .articles
            .into_iter()
            .map(|(p, d)| (root.join(p), d))
            .collect()
    }
}

/// Keeps `articles` (paths in the folder, with their diagnostics) for the folder at `root` under `key`
/// and, when known, the [`stamp`] of the files they were made from; written on a thread of its own.
pub fn save(
    root: &Path,
    key: Key,
    stamp: Option<u64>,
    articles: Vec<(String, Vec<Diagnostic>)>,
    failed: impl Fn(std::io::Error) + Send + Sync + 'static,
) {
    let Some(file) = cache::file_for(root, "diagnostics", "json") else {
        return;
    };
    cache::spawn_write(
        move || {
            let bytes = serde_json::to_vec(&File {
                key,
                stamp,
                articles,
            })
            .map_err(std::io::Error::other)?;
            cache::write_whole(&file, &bytes)
        },
        failed,
    );
}
