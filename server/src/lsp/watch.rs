//! The server's own file watcher (`notify`), used when the client cannot watch files for it
//! (no dynamic registration of `workspace/didChangeWatchedFiles`). Every create, change, delete or
//! rename under a workspace folder reaches the writer as the paths it touched.

use super::outbox::Outbox;
use super::state::Msg;
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};
use std::path::Path;
use std::sync::mpsc::Sender;
use tower_lsp_server::ls_types::MessageType;

/// A recursive watcher over the workspace folders.
pub struct Watcher {
    inner: RecommendedWatcher,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

impl Watcher {
    /// A watcher that sends what changed to the writer; `None` (with a log line) when the platform
    /// refuses one.
    pub fn new(tx: Sender<Msg>, out: &Outbox) -> Option<Watcher> {
        let handler = move |res: notify::Result<notify::Event>| {
            if let Ok(ev) = res
                && !ev.kind.is_access()
                && !ev.paths.is_empty()
            {
                let _ = tx.send(Msg::Disk(ev.paths));
            }
        };
        // a link to a folder outside the workspace is not watched through: nothing outside is read
        let config = notify::Config::default().with_follow_symlinks(false);
        match RecommendedWatcher::new(handler, config) {
            Ok(inner) => Some(Watcher { inner }),
            Err(e) => {
                out.log(
                    MessageType::WARNING,
                    format!(
                        "cannot watch files ({e}); changes on disk are seen when files are opened"
                    ),
                );
                None
            }
        }
    }

    pub fn watch(&mut self, root: &Path, out: &Outbox) {
        if let Err(e) = self.inner.watch(root, RecursiveMode::Recursive) {
            out.log(
                MessageType::WARNING,
                format!("cannot watch {}: {e}", root.display()),
            );
        }
    }

    pub fn unwatch(&mut self, root: &Path) {
        let _ = self.inner.unwatch(root);
    }
}
