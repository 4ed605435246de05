//! `check --format human`: each finding with source snippets of the claim and its denials
//! (file:line:column, the line, a caret under the span), in colour only when asked for.

use super::{FindingOut, SpanOut, prefixed};
use crate::index::Model;
use crate::index::findings::Severity;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

fn line_of<'a>(model: &'a Model, s: &SpanOut) -> Option<(&'a str, usize)> {
    let di = model.doc_index(&s.path)?;
    let d = &model.docs[di];
    Some((d.lines.line_text(&d.article.text, s.line - 1), s.line))
}

/// Byte range within the line of a span given in scalar-value columns (clamped to the line).
fn byte_range(line: &str, s: &SpanOut) -> std::ops::Range<usize> {
    let col_to_byte = |col: usize| {
        line.char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
    };
    let start = col_to_byte(s.column);
    let end = if s.end_line == s.line {
        col_to_byte(s.end_column)
    } else {
        line.len()
    };
    start..end.max(start)
}

/// Title, path, label, line text, line number and byte range of one denial's snippet.
type DenialSnippet<'a> = (
    String,
    String,
    String,
    &'a str,
    usize,
    std::ops::Range<usize>,
);

/// Renders the findings; `color` for a terminal.
pub fn render(
    model: &Model,
    root_prefix: &str,
    findings: &[FindingOut],
    color: bool,
    width: usize,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(width);
    let path = |p: &str| prefixed(root_prefix, p);
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Info => Level::INFO,
            Severity::Warning => Level::WARNING,
            Severity::Error => Level::ERROR,
        };
        let c = &f.claim.span;
        let Some((cline, cno)) = line_of(model, c) else {
            continue;
        };
        let claim_path = path(&c.path);
        let claim_label = match &f.claim.date {
            Some(d) => format!(
                "claim ({}, published {d}{})",
                f.claim.cue,
                if f.claim.date_inferred {
                    ", inferred"
                } else {
                    ""
                }
            ),
            None => format!("claim ({}, publication date unknown)", f.claim.cue),
        };
        let ignore_help = format!(
            "finding {}; to stop reporting it, add to dateline.toml: [[ignore]] finding = \"{}\" reason = \"…\"",
            f.id, f.id
        );
        let mut groups = vec![
            level.primary_title(f.message.as_str()).id(f.code).element(
                Snippet::source(cline)
                    .line_start(cno)
                    .path(claim_path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(byte_range(cline, c))
                            .label(claim_label.as_str()),
                    ),
            ),
        ];
        let mut owned: Vec<DenialSnippet> = Vec::new();
        for d in &f.denials {
            let Some((dline, dno)) = line_of(model, &d.span) else {
                continue;
            };
            let who = d.by.clone().unwrap_or_else(|| "another article".into());
            let when = d.date.clone().map_or_else(
                || "date unknown".into(),
                |x| {
                    if d.date_inferred {
                        format!("{x}, inferred")
                    } else {
                        x
                    }
                },
            );
            owned.push((
                format!("denied by {who} ({when})"),
                path(&d.span.path),
                format!("why: {}", d.why),
                dline,
                dno,
                byte_range(dline, &d.span),
            ));
        }
        for (title, p, why, dline, dno, range) in &owned {
            groups.push(
                Group::with_title(Level::NOTE.secondary_title(title.as_str())).element(
                    Snippet::source(*dline)
                        .line_start(*dno)
                        .path(p.as_str())
                        .annotation(
                            AnnotationKind::Primary
                                .span(range.clone())
                                .label(why.as_str()),
                        ),
                ),
            );
        }
        groups.push(Group::with_title(
            Level::HELP.secondary_title(ignore_help.as_str()),
        ));
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}
