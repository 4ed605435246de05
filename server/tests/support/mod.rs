//! Code shared by the integration tests.

pub mod lsp_client;
pub mod text_edit;

use std::path::{Path, PathBuf};

/// A copy of the server tests' fixture corpus (tests/fixtures/lsp: four invented articles about
/// Finnish–Estonian tunnel talks, a reported trip and its later denial) in a temporary folder, and its
/// canonical path (tests change it).
#[allow(dead_code)] // not every test binary uses it
pub fn fixture_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp");
    for e in std::fs::read_dir(&src).expect("fixture folder") {
        let e = e.expect("fixture entry");
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy fixture");
    }
    let root = dir.path().canonicalize().expect("canonical temp dir");
    (dir, root)
}
