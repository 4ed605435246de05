//! The `dateline` command line: `check`, `export` and `lsp` over the shared engine.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use dateline::corpus;
use dateline::corpus::settings_file::{self, CorpusSettings};
use dateline::index::Corpus;
use dateline::index::cache::{FactsCache, Save};
use dateline::index::findings::Severity;
use dateline::report;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc: the language server replaces its corpus model at every edit from several threads; with it a
/// full re-resolve of 5,000 articles takes ~950 ms instead of ~1,400 ms (`cargo bench --bench lsp`), and
/// the memory a resolve frees does not stay fragmented (with the system allocator the server grew to 57×
/// its corpus after edits). Built without transparent huge pages (`no_thp`), and see [`release_freed_memory_at_once`].
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t` of mimalloc v3's `mimalloc.h`; the
/// bindings name only some options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// mimalloc's `mi_option_page_full_retain`, likewise.
const MI_OPTION_PAGE_FULL_RETAIN: libmimalloc_sys::mi_option_t = 36;

/// Makes mimalloc give memory back to the system as soon as a page of it is free, not a second later (in
/// the language server only): the threads that resolve a corpus then sit idle, and what they freed stayed
/// resident (on 5,000 articles, 285 MB after edits instead of 212 MB; `cargo bench --bench lsp`). Nor does
/// a thread keep empty pages aside for later (2 MB less at 5,000 articles).
#[allow(unsafe_code)]
fn release_freed_memory_at_once() {
    // SAFETY: `mi_option_set` stores a value in mimalloc's option table, which mimalloc reads at each use;
    // it takes any option and value at any time, from any thread.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PAGE_FULL_RETAIN, 0);
    }
}

/// Dateline reads a folder of news articles (*.txt, *.md), recognises the actors, events, claims and
/// denials in them, links them across articles, and reports claims that another article denies.
#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Each article's analysis is kept between runs in a facts cache outside the corpus \
                  ($DATELINE_CACHE_DIR, else $XDG_CACHE_HOME/dateline, else ~/.cache/dateline), used \
                  while the article's text is unchanged; --no-cache bypasses it."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report claims denied in other articles; exit 1 when there are findings at or above --fail-on.
    ///
    /// Exit status: 0 no findings (at or above --fail-on), 1 findings, 2 usage or I/O error.
    #[command(
        after_help = "Examples:\n  dateline check examples/corpus\n  dateline check --format sarif corpus > dateline.sarif\n  dateline check --format github --fail-on warning ."
    )]
    Check {
        /// The corpus folder (or one article file).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output format: human (snippets, colour on a terminal), json (stable, versioned), sarif (SARIF
        /// 2.1.0 for code scanning), github (workflow annotations).
        #[arg(long, short, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Lowest severity that makes the exit status 1 (never: always 0 unless an error occurs).
        #[arg(long, value_enum, default_value_t = FailOn::Warning)]
        fail_on: FailOn,
        /// Print findings only: no summary, no progress, no warnings about skipped files.
        #[arg(long, short)]
        quiet: bool,
        /// Analyse every article, without reading or writing the facts cache (see `dateline --help`).
        #[arg(long)]
        no_cache: bool,
    },
    /// Write the whole analysis as JSON: documents (with dates and how they were found), actors, events,
    /// claims, denials and findings.
    Export {
        /// The corpus folder (or one article file).
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output format: json (to standard output or --output), or brat (into the folder --output).
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of standard output (json), or into this folder (brat).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Analyse every article, without reading or writing the facts cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Run the language server over standard input and output (LSP 3.17).
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    /// brat standoff: each article's text and .ann, and an annotation.conf, in the folder --output names.
    Brat,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            path,
            format,
            fail_on,
            quiet,
            no_cache,
        } => check(&path, format, fail_on, quiet, no_cache),
        Command::Export {
            path,
            format: ExportFormat::Json,
            output,
            no_cache,
        } => export(&path, output.as_deref(), no_cache),
        Command::Export {
            path,
            format: ExportFormat::Brat,
            output,
            no_cache,
        } => match output {
            Some(out) => export_brat(&path, &out, no_cache),
            None => Err(anyhow::anyhow!(
                "--format brat writes a folder of files: name it with --output FOLDER"
            )),
        },
        Command::Lsp => {
            // only the long-running server: `check` and `export` free their memory by exiting, and giving
            // pages back at once costs them a tenth of their time in system calls and page faults
            release_freed_memory_at_once();
            dateline::lsp::run()
                .context("running the language server")
                .map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dateline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// How the corpus root is written in front of article paths in human, SARIF and GitHub output.
fn root_prefix(path: &Path) -> String {
    let base = if path.is_file() {
        path.parent().unwrap_or(Path::new(""))
    } else {
        path
    };
    let s = base.to_string_lossy().replace('\\', "/");
    let s = s.trim_end_matches('/');
    if s == "." {
        String::new()
    } else {
        s.trim_start_matches("./").to_string()
    }
}

/// Where a run's time went, printed to standard error when `DATELINE_TIMINGS` is set (the benchmark script
/// reads it): the time of each stage.
struct Timings(Option<(std::time::Instant, Vec<(&'static str, std::time::Duration)>)>);

impl Timings {
    fn start() -> Timings {
        Timings(
            std::env::var_os("DATELINE_TIMINGS").map(|_| (std::time::Instant::now(), Vec::new())),
        )
    }

    fn mark(&mut self, stage: &'static str) {
        if let Some((t0, marks)) = &mut self.0 {
            marks.push((stage, t0.elapsed()));
        }
    }

    fn print(&self) {
        if let Some((_, marks)) = &self.0 {
            let mut prev = std::time::Duration::ZERO;
            let parts: Vec<String> = marks
                .iter()
                .map(|&(stage, at)| {
                    let part = format!("{stage} {:.0} ms", (at - prev).as_secs_f64() * 1e3);
                    prev = at;
                    part
                })
                .collect();
            eprintln!("dateline: timings: {}", parts.join(", "));
        }
    }
}

/// The settings in the corpus's `dateline.toml` (the defaults when `path` is a file or has none); a
/// mistake in it is an error naming the line and column of each.
fn corpus_settings(path: &Path) -> anyhow::Result<CorpusSettings> {
    if !path.is_dir() {
        return Ok(CorpusSettings::default());
    }
    let file = path.join(settings_file::FILE_NAME);
    let read = settings_file::read(path).with_context(|| format!("reading {}", file.display()))?;
    let Some((text, settings, issues)) = read else {
        return Ok(CorpusSettings::default());
    };
    if issues.is_empty() {
        return Ok(settings);
    }
    let lines = corpus::LineIndex::new(&text);
    let said: Vec<String> = issues
        .iter()
        .map(|i| {
            let at = lines.line_col(&text, i.range.start);
            format!(
                "{}:{}:{}: {}",
                file.display(),
                at.line,
                at.column,
                i.message
            )
        })
        .collect();
    anyhow::bail!("{}", said.join("\n"))
}

/// Warns of each issue of the articles' brat annotation files (`x.ann` beside `x.txt`), as `load` read
/// them (by article path).
fn warn_of_annotations(
    path: &Path,
    annotations: &std::collections::BTreeMap<String, corpus::AnnotationsRead>,
) {
    let base = corpus::base_folder(path);
    for (article, read) in annotations {
        let shown = corpus::relative_path(base, &corpus::annotation_file(&base.join(article)));
        match read {
            Err(e) => eprintln!("dateline: warning: {shown}: {e}"),
            Ok((_, issues)) => {
                for i in issues {
                    eprintln!("dateline: warning: {shown}:{}: {}", i.line, i.message);
                }
            }
        }
    }
}

/// What `load` read: the corpus, its article count, the files skipped, the facts cache to write, the
/// corpus's settings, and the articles' own brat annotations (by article path).
type Loaded = (
    Corpus,
    usize,
    Vec<corpus::SkippedFile>,
    Option<Save>,
    CorpusSettings,
    std::collections::BTreeMap<String, corpus::brat::Annotations>,
);

fn load(path: &Path, quiet: bool, no_cache: bool, timings: &mut Timings) -> anyhow::Result<Loaded> {
    let settings = corpus_settings(path)?;
    let loaded = corpus::load(path, &settings)?;
    timings.mark("read");
    if !quiet {
        for s in &loaded.skipped {
            eprintln!("dateline: warning: skipped {}: {}", s.path, s.reason);
        }
    }
    if loaded.articles.is_empty() {
        anyhow::bail!(
            "{}: no articles found (looked for *.txt and *.md files)",
            path.display()
        );
    }
    if !quiet {
        warn_of_annotations(path, &loaded.annotations);
    }
    let own = loaded
        .annotations
        .into_iter()
        .filter_map(|(article, read)| Some((article, read.ok()?.0)))
        .collect();
    let n = loaded.articles.len();
    let bar = if !quiet && std::io::stderr().is_terminal() && n > 200 {
        let pb = indicatif::ProgressBar::new(n as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} analysing {pos}/{len} articles [{bar:30}] {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let cache = if no_cache {
        FactsCache::default()
    } else {
        FactsCache::open(path)
    };
    let hashes = dateline::index::text_hashes(&loaded.articles);
    let (corpus, _, save) =
        Corpus::from_articles_cached(loaded.articles, hashes, cache, || bar.inc(1));
    bar.finish_and_clear();
    timings.mark("analyse");
    Ok((corpus, n, loaded.skipped, save, settings, own))
}

fn write_stdout(s: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // a closed pipe (`| head`) is not an error worth reporting
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

fn check(
    path: &Path,
    format: CheckFormat,
    fail_on: FailOn,
    quiet: bool,
    no_cache: bool,
) -> anyhow::Result<ExitCode> {
    let mut timings = Timings::start();
    let (corpus, n, skipped, save, settings, _) = load(path, quiet, no_cache, &mut timings)?;
    let model = corpus.resolve_registered(settings.registry.clone());
    timings.mark("resolve");
    let (findings, ignored) = report::findings_out(&model)
        .into_iter()
        .partition::<Vec<_>, _>(|f| settings.ignored(&f.id).is_none());
    let prefix = root_prefix(path);
    let root = path.to_string_lossy().to_string();
    let text = match format {
        CheckFormat::Json => {
            let skipped = skipped
                .iter()
                .map(|s| report::json::SkippedOut {
                    path: s.path.clone(),
                    reason: s.reason.clone(),
                })
                .collect();
            let ignored = ignored
                .iter()
                .filter_map(|f| {
                    let i = settings.ignored(&f.id)?;
                    Some(report::json::IgnoredOut {
                        id: f.id.clone(),
                        reason: i.reason.clone(),
                    })
                })
                .collect();
            report::json::render(&root, n, &findings, skipped, ignored) + "\n"
        }
        CheckFormat::Sarif => report::sarif::render(&prefix, &findings) + "\n",
        CheckFormat::Github => report::github::render(&prefix, &findings),
        CheckFormat::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(140);
            report::human::render(&model, &prefix, &findings, color, width)
        }
    };
    write_stdout(&text)?;
    timings.mark("write");
    timings.print();
    leave_to_exit((corpus, model));
    write_cache(save, quiet);
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    if !quiet && matches!(format, CheckFormat::Human) {
        eprintln!(
            "dateline: {n} article{}, {} finding{} ({} warning{}, {} info){}",
            if n == 1 { "" } else { "s" },
            findings.len(),
            if findings.len() == 1 { "" } else { "s" },
            count(Severity::Warning),
            if count(Severity::Warning) == 1 {
                ""
            } else {
                "s"
            },
            count(Severity::Info),
            match ignored.len() {
                0 => String::new(),
                k => format!("; {k} ignored by {}", settings_file::FILE_NAME),
            }
        );
    }
    let failing = fail_on
        .threshold()
        .is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn export(path: &Path, output: Option<&Path>, no_cache: bool) -> anyhow::Result<ExitCode> {
    let (corpus, _, _, save, settings, _) = load(path, false, no_cache, &mut Timings(None))?;
    let model = corpus.resolve_registered(settings.registry.clone());
    let mut findings = report::findings_out(&model);
    findings.retain(|f| settings.ignored(&f.id).is_none());
    let text = report::export::render(&model, &path.to_string_lossy(), &findings) + "\n";
    leave_to_exit((corpus, model, findings));
    match output {
        Some(p) => std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?,
        None => write_stdout(&text)?,
    }
    write_cache(save, false);
    Ok(ExitCode::SUCCESS)
}

/// `export --format brat`: the corpus as brat files in `out` (made when missing), each article's own
/// annotations kept.
fn export_brat(path: &Path, out: &Path, no_cache: bool) -> anyhow::Result<ExitCode> {
    let (corpus, _, _, save, settings, annotations) =
        load(path, false, no_cache, &mut Timings(None))?;
    let model = corpus.resolve_registered(settings.registry.clone());
    let own = |d: usize| annotations.get(&model.docs[d].article.path).cloned();
    let (files, conf) = report::brat::render(&model, own);
    let write = |rel: &Path, text: &str| -> anyhow::Result<()> {
        let file = out.join(rel);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("making {}", dir.display()))?;
        }
        std::fs::write(&file, text).with_context(|| format!("writing {}", file.display()))
    };
    for f in &files {
        // brat opens `x.txt` beside `x.ann`: an article of another kind (`x.md`) is written as `x.md.txt`
        let rel = if f.path.ends_with(".txt") {
            PathBuf::from(&f.path)
        } else {
            PathBuf::from(format!("{}.txt", f.path))
        };
        write(&rel, &f.text)?;
        write(&rel.with_extension("ann"), &f.ann)?;
    }
    write(Path::new("annotation.conf"), &conf)?;
    eprintln!(
        "dateline: wrote {} articles as brat files to {}",
        files.len(),
        out.display()
    );
    write_cache(save, false);
    Ok(ExitCode::SUCCESS)
}

/// Writes the facts cache after the output (the user has the results first); a failure is a warning.
fn write_cache(save: Option<Save>, quiet: bool) {
    if let Some(Err(e)) = save.map(Save::run)
        && !quiet
    {
        eprintln!("dateline: warning: cannot write the facts cache: {e}");
    }
}

/// Leaves the corpus and its model to the end of the process, which returns their memory to the system at
/// once: freeing them piece by piece took a third of a `check` of 10,000 articles.
fn leave_to_exit<T>(big: T) {
    std::mem::forget(big);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option set at start is mimalloc's purge delay: its default in mimalloc v3 is 1,000 ms, and after
    /// [`release_freed_memory_at_once`] it is 0. Fails if a new mimalloc renumbers its options.
    #[test]
    #[allow(unsafe_code)]
    fn the_allocator_option_set_is_the_purge_delay() {
        // SAFETY: reading an option value has no precondition.
        let get = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(), 1000);
        }
        release_freed_memory_at_once();
        assert_eq!(get(), 0);
    }
}
