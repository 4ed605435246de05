//! Finding the article files of a corpus: `*.txt` and `*.md` under a folder, honouring `.gitignore`,
//! skipping hidden folders, `target/` and `node_modules/`.

use std::path::{Path, PathBuf};

/// True when the file name has an article extension.
pub fn is_article_path(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()),
        Some(ref e) if e == "txt" || e == "md"
    )
}

/// The article files under `root`, sorted.
pub fn article_files(root: &Path) -> Vec<PathBuf> {
    files_where(root, is_article_path)
}

/// The files under `root` (with the same exclusions) that `keep` accepts, sorted.
pub fn files_where(root: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(e.file_type().is_some_and(|t| t.is_dir())
                && (name == "target" || name == "node_modules"))
        })
        .build();
    for entry in walker {
        // An unreadable directory entry is left out; the files that can be read are still analysed.
        let Ok(entry) = entry else { continue };
        if entry.file_type().is_some_and(|t| t.is_file()) && keep(entry.path()) {
            out.push(entry.into_path());
        }
    }
    out.sort();
    out
}
