//! Diagnostics of a resolved corpus, per article: a `denied-claim` (or `repeats-denied-claim`) on each claim
//! another article denies, related to each denial; a `denial` on each denial, related to what it denies;
//! front-matter errors. Messages come from the same code as `check`, so editor and CI say the same thing.

use super::config::Settings;
use super::convert::Encoding;
use super::workspace::View;
use crate::index::findings::Order;
use crate::report::{self, snippet};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
};

/// A fingerprint of an article's diagnostics: equal lists give equal fingerprints, so the server keeps
/// these (8 bytes an article) to tell what changed, not the lists themselves (about 2 KB an article with
/// findings). Covers every field [`diagnostic`] sets.
pub fn fingerprint(diags: &[Diagnostic]) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let range = |r: &tower_lsp_server::ls_types::Range, h: &mut DefaultHasher| {
        (r.start.line, r.start.character, r.end.line, r.end.character).hash(h);
    };
    let mut h = DefaultHasher::new();
    diags.len().hash(&mut h);
    for d in diags {
        range(&d.range, &mut h);
        let severity = match d.severity {
            Some(DiagnosticSeverity::ERROR) => 1u8,
            Some(DiagnosticSeverity::WARNING) => 2,
            Some(DiagnosticSeverity::INFORMATION) => 3,
            Some(DiagnosticSeverity::HINT) => 4,
            _ => 0,
        };
        severity.hash(&mut h);
        match &d.code {
            Some(NumberOrString::String(c)) => c.hash(&mut h),
            Some(NumberOrString::Number(n)) => n.hash(&mut h),
            None => 0u8.hash(&mut h),
        }
        d.source.hash(&mut h);
        d.message.hash(&mut h);
        for r in d.related_information.iter().flatten() {
            r.location.uri.as_str().hash(&mut h);
            range(&r.location.range, &mut h);
            r.message.hash(&mut h);
        }
    }
    h.finish()
}

fn diagnostic(
    range: tower_lsp_server::ls_types::Range,
    severity: DiagnosticSeverity,
    code: &str,
    message: String,
    related: Vec<DiagnosticRelatedInformation>,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some("dateline".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// The diagnostics of a `dateline.toml` with text `text`: an error on each mistake.
pub fn of_settings_file(
    text: &str,
    issues: &[crate::corpus::settings_file::SettingsIssue],
    enc: Encoding,
) -> Vec<Diagnostic> {
    let lines = crate::corpus::LineIndex::new(text);
    let at = super::convert::TextRef {
        text,
        lines: &lines,
    };
    issues
        .iter()
        .map(|i| {
            let span = crate::analysis::Span {
                start: i.range.start,
                end: i.range.end.max(i.range.start),
            };
            diagnostic(
                at.range(enc, span),
                DiagnosticSeverity::ERROR,
                "settings",
                i.message.clone(),
                Vec::new(),
            )
        })
        .collect()
}

/// The diagnostics of a brat annotation file: a warning on each line that could not be used (the whole
/// line), or on its first line when the file cannot be read (`unreadable`).
/// On an annotation file whose article was edited and saved: `moved` of its annotations now stand
/// elsewhere in the text, and how to write them.
pub fn annotations_moved(moved: usize, article: &str, ann: &std::path::Path) -> Diagnostic {
    let name = ann.file_name().map_or_else(
        || ann.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let start = tower_lsp_server::ls_types::Position::new(0, 0);
    diagnostic(
        tower_lsp_server::ls_types::Range::new(start, start),
        DiagnosticSeverity::INFORMATION,
        "annotations-moved",
        format!(
            "{moved} annotation{} moved with the edits to {article}; this file still has the old offsets. \
             To write them, use the code action “Update {name}” in {article}.",
            if moved == 1 { "" } else { "s" }
        ),
        Vec::new(),
    )
}

pub fn of_annotations(
    issues: &[crate::corpus::brat::AnnIssue],
    unreadable: Option<&str>,
) -> Vec<Diagnostic> {
    let line = |n: usize| {
        let l = u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
        tower_lsp_server::ls_types::Range::new(
            tower_lsp_server::ls_types::Position::new(l, 0),
            tower_lsp_server::ls_types::Position::new(l.saturating_add(1), 0),
        )
    };
    let mut out: Vec<Diagnostic> = issues
        .iter()
        .map(|i| {
            diagnostic(
                line(i.line),
                DiagnosticSeverity::WARNING,
                "annotation",
                i.message.clone(),
                Vec::new(),
            )
        })
        .collect();
    if let Some(e) = unreadable {
        out.push(diagnostic(
            line(1),
            DiagnosticSeverity::WARNING,
            "annotation",
            format!("cannot be read: {e}"),
            Vec::new(),
        ));
    }
    out
}

/// The diagnostics of document `doc`.
pub fn of_doc(view: &View, settings: &Settings, enc: Encoding, doc: usize) -> Vec<Diagnostic> {
    let model = &view.model;
    let mut out = Vec::new();
    for &fi in &model.links.findings_in_doc[doc] {
        let f = &model.findings[fi];
        let Some(severity) = settings.level(f.code).severity() else {
            continue;
        };
        let (cd, ci) = f.claim;
        let claim = &model.docs[cd].facts.claims[ci];
        let fo = report::finding_out(model, f);
        // the corpus's dateline.toml ignores it
        if view.settings.ignored(&fo.id).is_some() {
            continue;
        }
        let related = f
            .denials
            .iter()
            .filter_map(|&((dd, di), order, k)| {
                let x = &model.docs[dd].facts.denials[di];
                let who = report::denier(model, dd, di)
                    .map_or_else(|| "Denial".to_string(), |b| format!("Denied by {b}"));
                let when = match order {
                    Order::Earlier => "before the claim",
                    Order::Later => "after the claim",
                    Order::Unknown => "order unknown",
                };
                Some(DiagnosticRelatedInformation {
                    location: view.location(enc, dd, x.span)?,
                    message: format!(
                        "{who}, {} ({when}): “{}” — why: {}",
                        model.date_label(dd),
                        snippet(model.span_text(dd, x.span), 160),
                        model.matches[k].why
                    ),
                })
            })
            .collect();
        out.push(diagnostic(
            view.text(cd).range(enc, claim.span.get()),
            severity,
            f.code,
            fo.message,
            related,
        ));
    }
    if let Some(severity) = settings.level("denial").severity() {
        for (xi, x) in model.docs[doc].facts.denials.iter().enumerate() {
            let Some(ks) = model.links.denial_matches.get(&(doc, xi)) else {
                continue;
            };
            let related: Vec<_> = ks
                .iter()
                .filter_map(|&k| {
                    let (cd, ci) = model.matches[k].claim;
                    let c = &model.docs[cd].facts.claims[ci];
                    Some(DiagnosticRelatedInformation {
                        location: view.location(enc, cd, c.span.get())?,
                        message: format!(
                            "Claim, {}: “{}”",
                            model.date_label(cd),
                            snippet(model.span_text(cd, c.span.get()), 160)
                        ),
                    })
                })
                .collect();
            let places: Vec<String> = ks
                .iter()
                .map(|&k| {
                    let (cd, ci) = model.matches[k].claim;
                    let d = &model.docs[cd];
                    let line = d
                        .lines
                        .line_col(&d.article.text, d.facts.claims[ci].span.get().start);
                    format!("{}:{}", d.article.path, line.line)
                })
                .collect();
            let n = ks.len();
            let message = format!(
                "Denial ({}) of {n} claim{} in other articles: {}",
                x.cue,
                if n == 1 { "" } else { "s" },
                places.join(", ")
            );
            out.push(diagnostic(
                view.text(doc).range(enc, x.span),
                severity,
                "denial",
                message,
                related,
            ));
        }
    }
    for issue in &model.docs[doc].article.issues {
        let Some(severity) = settings.level(issue.code).severity() else {
            continue;
        };
        out.push(diagnostic(
            view.text(doc)
                .range(enc, crate::analysis::Span::new(issue.start, issue.end)),
            severity,
            issue.code,
            issue.message.clone(),
            Vec::new(),
        ));
    }
    out.sort_by_key(|d| (d.range.start.line, d.range.start.character));
    out
}

/// An article's diagnostics with their [`fingerprint`] (computed where they are made, in parallel).
pub type Fingerprinted = (u64, Vec<Diagnostic>);

/// The diagnostics of the documents `docs` (all of them when `None`), by absolute path; a document
/// without diagnostics is present with an empty list only when it was asked for by index.
pub fn of_docs(
    view: &View,
    settings: &Settings,
    enc: Encoding,
    docs: Option<&std::collections::BTreeSet<usize>>,
) -> BTreeMap<PathBuf, Fingerprinted> {
    let all: Vec<usize> = match docs {
        Some(set) => set.iter().copied().collect(),
        None => (0..view.model.docs.len()).collect(),
    };
    all.into_par_iter()
        .filter(|&d| d < view.model.docs.len())
        .map(|d| (d, of_doc(view, settings, enc, d)))
        .filter(|(_, diags)| docs.is_some() || !diags.is_empty())
        .map(|(d, diags)| (view.path(d), (fingerprint(&diags), diags)))
        .collect()
}
