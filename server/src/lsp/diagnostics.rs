//! Diagnostics of a resolved corpus, per article: a `denied-claim` (or `repeats-denied-claim`) on each claim
//! another article denies, related to each denial; a `denial` on each denial, related to what it denies;
//! front-matter errors. Messages come from the same code as `check`, so editor and CI say the same thing.

use super::config::Settings;
use super::convert::{Encoding, location};
use super::workspace::View;
use crate::index::findings::Order;
use crate::report::{self, snippet};
use std::collections::BTreeMap;
use std::path::PathBuf;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
};

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

fn dated(model: &crate::index::Model, doc: usize) -> String {
    let d = &model.dates[doc];
    match d.date {
        Some(date) if d.inferred() => format!("{date} (inferred)"),
        Some(date) => date.to_string(),
        None => "date unknown".into(),
    }
}

/// Every diagnostic of a view, by the absolute path of the article it belongs to. Articles without any
/// are absent.
pub fn of_view(
    view: &View,
    settings: &Settings,
    enc: Encoding,
) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let model = &view.model;
    let mut out: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for f in &model.findings {
        let Some(severity) = settings.level(f.code).severity() else {
            continue;
        };
        let (cd, ci) = f.claim;
        let claim = &model.docs[cd].facts.claims[ci];
        let fo = report::finding_out(model, f);
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
                let text = &model.docs[dd].article.text;
                Some(DiagnosticRelatedInformation {
                    location: location(&view.path(dd), view.text(dd), enc, x.span)?,
                    message: format!(
                        "{who}, {} ({when}): “{}” — why: {}",
                        dated(model, dd),
                        snippet(text.get(x.span.start..x.span.end).unwrap_or(""), 160),
                        model.matches[k].why
                    ),
                })
            })
            .collect();
        out.entry(view.path(cd)).or_default().push(diagnostic(
            view.text(cd).range(enc, claim.span),
            severity,
            f.code,
            fo.message,
            related,
        ));
    }
    if let Some(severity) = settings.level("denial").severity() {
        for (&(dd, di), ks) in &model.links.denial_matches {
            let x = &model.docs[dd].facts.denials[di];
            let related: Vec<_> = ks
                .iter()
                .filter_map(|&k| {
                    let (cd, ci) = model.matches[k].claim;
                    let c = &model.docs[cd].facts.claims[ci];
                    let text = &model.docs[cd].article.text;
                    Some(DiagnosticRelatedInformation {
                        location: location(&view.path(cd), view.text(cd), enc, c.span)?,
                        message: format!(
                            "Claim, {}: “{}”",
                            dated(model, cd),
                            snippet(text.get(c.span.start..c.span.end).unwrap_or(""), 160)
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
                        .line_col(&d.article.text, d.facts.claims[ci].span.start);
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
            out.entry(view.path(dd)).or_default().push(diagnostic(
                view.text(dd).range(enc, x.span),
                severity,
                "denial",
                message,
                related,
            ));
        }
    }
    for (di, d) in model.docs.iter().enumerate() {
        for issue in &d.article.issues {
            let Some(severity) = settings.level(issue.code).severity() else {
                continue;
            };
            out.entry(view.path(di)).or_default().push(diagnostic(
                view.text(di)
                    .range(enc, crate::analysis::Span::new(issue.start, issue.end)),
                severity,
                issue.code,
                issue.message.clone(),
                Vec::new(),
            ));
        }
    }
    for diags in out.values_mut() {
        diags.sort_by_key(|d| (d.range.start.line, d.range.start.character));
    }
    out
}
