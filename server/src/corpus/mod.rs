//! The corpus: finding article files, reading them safely, splitting off front matter and web-page
//! furniture, and converting byte offsets to the line/column positions users see.

pub mod brat;
pub mod discover;
pub mod front_matter;
pub mod furniture;
pub mod lines;
pub mod settings_file;

use std::path::{Path, PathBuf};

pub use front_matter::FrontMatter;
pub use lines::LineIndex;

/// One article as read from disk: its text (BOM removed, line ends kept) and what was found around it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the corpus root, with `/` separators.
    pub path: String,
    pub text: String,
    pub front_matter: FrontMatter,
    /// Byte offset where the article body starts (after any front-matter block).
    pub body_start: usize,
    /// Problems in the file that do not stop its analysis (malformed front matter).
    pub issues: Vec<ArticleIssue>,
    /// The date and source the corpus's `dateline.toml` gives it (its front matter, when it has them,
    /// comes first).
    pub settings: settings_file::DocumentSettings,
    /// What its brat annotation file says, for the analysis (over what it infers).
    pub annotated: Option<std::sync::Arc<crate::analysis::annotated::Annotated>>,
}

/// A problem found in an article's file, with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleIssue {
    pub code: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

impl Article {
    /// Builds an article from text already decoded; `path` is relative to the corpus root.
    pub fn from_text(path: impl Into<String>, text: &str) -> Article {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        let parsed = front_matter::parse(&text);
        Article {
            path: path.into(),
            body_start: parsed.body_start,
            front_matter: parsed.front_matter,
            issues: parsed.issues,
            text,
            settings: settings_file::DocumentSettings::default(),
            annotated: None,
        }
    }

    /// The article with what `settings` give it by its path.
    pub fn with_settings(mut self, settings: &settings_file::CorpusSettings) -> Article {
        self.settings = settings.document(&self.path);
        self
    }

    /// The article with what its annotations say for the analysis (none: none, or nothing it takes).
    pub fn with_annotations(mut self, annotations: Option<&brat::Annotations>) -> Article {
        self.annotated = annotations
            .map(brat::Annotations::for_analysis)
            .filter(|a| !a.is_empty())
            .map(std::sync::Arc::new);
        self
    }
}

/// A file that was not read as an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

/// Everything read from a corpus folder.
#[derive(Debug, Default)]
pub struct LoadedCorpus {
    pub root: PathBuf,
    pub articles: Vec<Article>,
    pub skipped: Vec<SkippedFile>,
    /// The brat annotation files found beside the articles, by article path, as read once (the articles
    /// were analysed with what they say).
    pub annotations: std::collections::BTreeMap<String, AnnotationsRead>,
}

/// What an article's brat annotation file says and its issues, or why it cannot be read.
pub type AnnotationsRead = Result<(brat::Annotations, Vec<brat::AnnIssue>), String>;

/// Errors that stop a corpus from being read at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },
}

/// Largest file read as an article; larger files are skipped with a warning.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads one file as an article, or says why it is skipped.
pub fn read_article(root: &Path, file: &Path) -> Result<Article, SkippedFile> {
    let rel = relative_path(root, file);
    let skip = |reason: String| SkippedFile {
        path: rel.clone(),
        reason,
    };
    let bytes = read_plain_file(file, MAX_ARTICLE_BYTES).map_err(skip)?;
    if bytes.contains(&0) {
        return Err(skip("binary file (contains NUL bytes)".into()));
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Article::from_text(rel, text)),
        Err(e) => Err(skip(format!(
            "not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))),
    }
}

/// The bytes of `file` when it is a plain file of at most `limit` bytes, else why it is not read. The
/// file is opened once, without following a link (a link may lead outside the corpus, or to itself) and
/// without waiting (a named pipe would wait for a writer that never comes), and is read up to one byte
/// past `limit` whatever its size said (it may grow while it is read).
fn read_plain_file(file: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let cannot = |e: std::io::Error| format!("cannot read: {e}");
    let link = || "a symbolic link, not followed".to_string();
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if std::fs::symlink_metadata(file)
        .map_err(cannot)?
        .file_type()
        .is_symlink()
    {
        return Err(link());
    }
    let f = match options.open(file) {
        Ok(f) => f,
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(link()),
        Err(e) => return Err(cannot(e)),
    };
    let meta = f.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let too_large = |len: u64| {
        format!(
            "{len} bytes is larger than the {} MiB limit",
            limit / 1024 / 1024
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    f.take(limit + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads every article under `root` (or the single file `root`) that `settings` select, with what they
/// give each.
pub fn load(
    root: &Path,
    settings: &settings_file::CorpusSettings,
) -> Result<LoadedCorpus, CorpusError> {
    if !root.exists() {
        return Err(CorpusError::NotFound {
            path: root.to_path_buf(),
        });
    }
    let mut unreadable = Vec::new();
    let (base, files) = if root.is_file() {
        (base_folder(root).to_path_buf(), vec![root.to_path_buf()])
    } else {
        let found = discover::files_where(root, |f| settings.is_article(&relative_path(root, f)));
        unreadable = skipped_unreadable(root, found.unreadable);
        (root.to_path_buf(), found.files)
    };
    use rayon::prelude::*;
    let results: Vec<Result<(Article, Option<AnnotationsRead>), SkippedFile>> = files
        .par_iter()
        .map(|f| {
            read_article(&base, f).map(|a| {
                let a = a.with_settings(settings);
                let read = read_annotations(f, &a);
                let own = read.as_ref().and_then(|r| r.as_ref().ok()).map(|(x, _)| x);
                (a.with_annotations(own), read)
            })
        })
        .collect();
    let mut corpus = LoadedCorpus {
        root: root.to_path_buf(),
        skipped: unreadable,
        ..Default::default()
    };
    for r in results {
        match r {
            Ok((a, read)) => {
                if let Some(read) = read {
                    corpus.annotations.insert(a.path.clone(), read);
                }
                corpus.articles.push(a);
            }
            Err(s) => corpus.skipped.push(s),
        }
    }
    corpus.articles.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(corpus)
}

/// The folder the articles' paths are relative to when the corpus at `root` is read: `root` itself, or
/// the folder holding it when it is a single file.
pub fn base_folder(root: &Path) -> &Path {
    if root.is_file() {
        root.parent().unwrap_or(Path::new("."))
    } else {
        root
    }
}

/// The brat annotation file of the article at `file` (`x.ann` beside `x.txt`).
pub fn annotation_file(file: &Path) -> PathBuf {
    file.with_extension("ann")
}

/// What the brat annotation file of `article` (at `file`) says and its issues, when there is one; why it
/// cannot be read, when it cannot.
pub fn read_annotations(file: &Path, article: &Article) -> Option<AnnotationsRead> {
    let ann = annotation_file(file);
    if ann == file || !std::fs::symlink_metadata(&ann).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let read = read_plain_file(&ann, MAX_ARTICLE_BYTES).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })
    });
    Some(read.map(|text| {
        let (annotations, mut issues) = brat::parse(&text, &article.text);
        if let Some(conf) = annotation_config(file, article) {
            issues.extend(brat::check_types(&text, &conf));
            issues.sort_by_key(|i| i.line);
        }
        (annotations, issues)
    }))
}

/// The `annotation.conf` that applies to the article at `file`, as brat finds it: in the article's folder,
/// else the nearest folder above it, up to the corpus root (never above it). Read once per file while it
/// is unchanged (a corpus has one or a few, for many articles).
fn annotation_config(file: &Path, article: &Article) -> Option<std::sync::Arc<brat::Config>> {
    type Known = std::collections::HashMap<
        PathBuf,
        (std::time::SystemTime, u64, std::sync::Arc<brat::Config>),
    >;
    static KNOWN: std::sync::Mutex<Option<Known>> = std::sync::Mutex::new(None);
    let depth = Path::new(&article.path).components().count();
    let root = file.ancestors().nth(depth)?;
    let conf = file
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(root))
        .map(|dir| dir.join("annotation.conf"))
        .find(|c| std::fs::symlink_metadata(c).is_ok_and(|m| m.is_file()))?;
    let meta = std::fs::metadata(&conf).ok()?;
    let stamp = (meta.modified().ok()?, meta.len());
    let mut known = KNOWN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let known = known.get_or_insert_with(Known::new);
    if let Some((m, len, c)) = known.get(&conf)
        && (*m, *len) == stamp
    {
        return Some(c.clone());
    }
    let text = read_plain_file(&conf, MAX_ARTICLE_BYTES).ok()?;
    let parsed = std::sync::Arc::new(brat::parse_config(&String::from_utf8_lossy(&text)));
    known.insert(conf, (stamp.0, stamp.1, parsed.clone()));
    Some(parsed)
}

/// Whether `path`, under `root`, is reached from `root` without passing a symbolic link (a linked folder
/// may lead outside the corpus); a part that does not exist ends the look, as there is nothing to read.
pub fn reached_without_links(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return false,
            Ok(_) => {}
            Err(_) => return true,
        }
    }
    true
}

/// The paths a walk under `root` could not read, as skipped files (the root itself as `.`).
pub fn skipped_unreadable(root: &Path, unreadable: Vec<(PathBuf, String)>) -> Vec<SkippedFile> {
    unreadable
        .into_iter()
        .map(|(path, reason)| {
            let rel = relative_path(root, &path);
            SkippedFile {
                path: if rel.is_empty() { ".".into() } else { rel },
                reason: format!("cannot read: {reason}"),
            }
        })
        .collect()
}

/// `file` relative to `root`, with `/` separators.
pub fn relative_path(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(all(test, unix))]
mod tests {
    use super::read_article;

    /// The server reads a file it is told of (a watched-file event) with the same function: a link out of
    /// the corpus is not read through.
    #[test]
    fn a_symbolic_link_is_skipped_not_read_through() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("private.txt"), "Not for the corpus.\n").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(outside.path().join("private.txt"), &link).expect("link");
        let skipped = read_article(dir.path(), &link).expect_err("a link is no article");
        assert_eq!(skipped.path, "link.txt");
        assert!(
            skipped.reason.contains("symbolic link"),
            "{}",
            skipped.reason
        );
    }

    /// A file told of by a watched-file event may lie in a linked folder, which may lead anywhere.
    #[test]
    fn a_path_through_a_linked_folder_is_not_reached_without_links() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("notes.txt"), "Private.\n").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir(root.join("desk")).expect("mkdir");
        std::fs::write(root.join("desk/story.txt"), "A story.\n").expect("write");
        std::os::unix::fs::symlink(outside.path(), root.join("desk/linked")).expect("link");
        assert!(super::reached_without_links(
            root,
            &root.join("desk/story.txt")
        ));
        assert!(super::reached_without_links(root, &root.join("desk")));
        assert!(super::reached_without_links(
            root,
            &root.join("desk/gone.txt")
        ));
        assert!(!super::reached_without_links(
            root,
            &root.join("desk/linked")
        ));
        assert!(!super::reached_without_links(
            root,
            &root.join("desk/linked/notes.txt")
        ));
        assert!(!super::reached_without_links(root, outside.path()));
    }

    /// A named pipe is told of by a watched-file event like any file: reading it would wait for a writer
    /// that never comes.
    #[test]
    fn a_named_pipe_is_skipped_not_waited_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pipe = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(read_article(&root, &pipe));
        });
        let read = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the read returns at once");
        let skipped = read.expect_err("a pipe is no article");
        assert_eq!(skipped.reason, "not a regular file");
    }
}
