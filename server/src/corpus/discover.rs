//! Finding the article files of a corpus: `*.txt` and `*.md` under a folder, honouring the `.gitignore`
//! files inside it (not those of the folders above it: nothing outside the corpus is read), skipping
//! hidden folders, `target/` and `node_modules/`.

use std::path::{Path, PathBuf};

/// True when the file name has an article extension.
pub fn is_article_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()),
        Some(ref e) if e == "txt" || e == "md"
    )
}

/// What a walk over a folder found: the files kept, and the folders or files it could not read.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The files kept, sorted.
    pub files: Vec<PathBuf>,
    /// Each path that could not be read (a folder without permission, say), with why.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// The article files under `root`.
pub fn article_files(root: &Path) -> Discovered {
    files_where(root, is_article_path)
}

/// The files under `root` (with the same exclusions) that `keep` accepts.
pub fn files_where(root: &Path, keep: impl Fn(&Path) -> bool) -> Discovered {
    let mut out = Discovered::default();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        // nothing outside the corpus is read, so not the ignore files of the folders above it: `ignore`'s
        // own `.gitignore` support reads those of every folder up to the repository's root, so the
        // corpus's `.gitignore` files are read as custom ignore files (the same syntax), in the corpus only
        .parents(false)
        .git_ignore(false)
        .git_global(false)
        .git_exclude(false)
        .add_custom_ignore_filename(".gitignore")
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.file_type().is_some_and(|t| t.is_dir())
                && (name == "target" || name == "node_modules"))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && keep(entry.path()) {
                    out.files.push(entry.into_path());
                }
            }
            // what cannot be read is left out and named; the files that can be read are still analysed
            Err(e) => out.unreadable.push(unreadable(root, &e)),
        }
    }
    out.files.sort();
    out.unreadable.sort();
    out
}

/// The path an error of the walk concerns (`root` when it names none), and the error without it.
fn unreadable(root: &Path, e: &ignore::Error) -> (PathBuf, String) {
    match e {
        ignore::Error::WithPath { path, err } => (path.clone(), unreadable(root, err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            unreadable(root, err)
        }
        ignore::Error::Io(io) => (root.to_path_buf(), io.to_string()),
        other => (root.to_path_buf(), other.to_string()),
    }
}
