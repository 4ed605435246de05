//! The diagnostics published in the last session, kept so that a restart on an unchanged corpus shows them
//! at once, before its articles are analysed and the corpus resolved (which then publishes only what
//! differs). One JSON file per corpus folder beside the facts cache (`index/cache.rs`), used only when the
//! engine, the severity settings, the position encoding and every article's path and text are the same.

use super::config::Settings;
use super::convert::Encoding;
use crate::index::cache;
use serde::{Deserialize, Serialize};
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
    pub fn new(settings: &Settings, encoding: Encoding, fingerprint: u64) -> Key {
        Key {
            engine: cache::ENGINE.to_string(),
            settings: format!("{}|{encoding:?}", settings.diagnostics_key()),
            fingerprint,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    key: Key,
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
    /// The diagnostics, by absolute path under `root`, when they were kept under `key`.
    pub fn under(self, root: &Path, key: &Key) -> Option<Vec<(PathBuf, Vec<Diagnostic>)>> {
        (self.0.key == *key).then(|| {
            self.0
                .articles
                .into_iter()
                .map(|(p, d)| (root.join(p), d))
                .collect()
        })
    }
}

/// Keeps `articles` (paths in the folder, with their diagnostics) for the folder at `root` under `key`,
/// written on a thread of its own.
pub fn save(
    root: &Path,
    key: Key,
    articles: Vec<(String, Vec<Diagnostic>)>,
    failed: impl Fn(std::io::Error) + Send + Sync + 'static,
) {
    let Some(file) = cache::file_for(root, "diagnostics", "json") else {
        return;
    };
    cache::spawn_write(
        move || {
            let bytes =
                serde_json::to_vec(&File { key, articles }).map_err(std::io::Error::other)?;
            cache::write_whole(&file, &bytes)
        },
        failed,
    );
}
