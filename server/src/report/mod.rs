//! Renderers for `check` (human, json, sarif, github) and the `export` JSON. They read the resolved model
//! and convert byte offsets to 1-based line and column (Unicode scalar values) here, at the edge.

pub mod brat;
pub mod export;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::analysis::Span;
use crate::index::findings::{Order, Severity};
use crate::index::{Finding, Model};
use serde::Serialize;

/// The version of the JSON formats; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// A span as users see it: path relative to the corpus root, 1-based line and column, exclusive end.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanOut {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
}

pub fn span_out(model: &Model, doc: usize, span: Span) -> SpanOut {
    let d = &model.docs[doc];
    let text = &d.article.text;
    let a = d.lines.line_col(text, span.start);
    let b = d.lines.line_col(text, span.end);
    SpanOut {
        path: d.article.path.clone(),
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
        text: text.get(span.start..span.end).unwrap_or("").to_string(),
    }
}

/// The claim side of a finding.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimOut {
    #[serde(flatten)]
    pub span: SpanOut,
    pub date: Option<String>,
    pub date_inferred: bool,
    pub cue: String,
}

/// One denial of a finding.
#[derive(Debug, Clone, Serialize)]
pub struct DenialOut {
    #[serde(flatten)]
    pub span: SpanOut,
    pub date: Option<String>,
    pub date_inferred: bool,
    /// Canonical name of who denies, when known.
    pub by: Option<String>,
    pub order: Order,
    /// Which cue and which shared content produced the match.
    pub why: String,
}

/// A finding as the JSON formats write it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingOut {
    /// Stable across runs, versions and edits elsewhere (see [`finding_id`]): what `dateline.toml`'s
    /// `[[ignore]]` names.
    pub id: String,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub claim: ClaimOut,
    pub denials: Vec<DenialOut>,
}

fn doc_date(model: &Model, doc: usize) -> (Option<String>, bool) {
    let d = &model.dates[doc];
    (d.date.map(|x| x.to_string()), d.inferred())
}

/// Canonical name of the actor who made a denial.
pub fn denier(model: &Model, doc: usize, denial: usize) -> Option<String> {
    let x = &model.docs[doc].facts.denials[denial];
    let a = model.actor_of[doc][x.by?]?;
    Some(model.actors[a].name.clone())
}

pub fn finding_out(model: &Model, f: &Finding) -> FindingOut {
    let (cd, ci) = f.claim;
    let claim = &model.docs[cd].facts.claims[ci];
    let (date, date_inferred) = doc_date(model, cd);
    let denials: Vec<DenialOut> = f
        .denials
        .iter()
        .map(|&((dd, di), order, k)| {
            let x = &model.docs[dd].facts.denials[di];
            let (date, date_inferred) = doc_date(model, dd);
            DenialOut {
                span: span_out(model, dd, x.span),
                date,
                date_inferred,
                by: denier(model, dd, di),
                order,
                why: model.matches[k].why.clone(),
            }
        })
        .collect();
    let message = message(f, &denials);
    let claim_span = span_out(model, cd, claim.span.get());
    FindingOut {
        id: finding_id(&claim_span.path, &claim_span.text),
        code: f.code,
        severity: f.severity,
        message,
        claim: ClaimOut {
            span: claim_span,
            date,
            date_inferred,
            cue: claim.cue.as_str().to_string(),
        },
        denials,
    }
}

/// The id ([`finding_id`]) of the finding on claim `claim` (document, claim index) of `model`.
pub fn claim_finding_id(model: &Model, (doc, ci): crate::index::MentionRef) -> String {
    let d = &model.docs[doc];
    finding_id(
        &d.article.path,
        model.span_text(doc, d.facts.claims[ci].span.get()),
    )
}

/// `text` on one line: whitespace runs folded into one space ("Jonas\nLind" → "Jonas Lind").
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the finding on the claim with text `claim_text` in the article at `path`: `f-` and 16 hex
/// digits of a 64-bit FNV-1a hash of the path and the claim's words (spacing aside). It stays the same
/// when the article is edited elsewhere, the claim moves, or its denials change, and across versions of
/// Dateline (FNV-1a is fixed, unlike the standard library's hasher).
pub fn finding_id(path: &str, claim_text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    eat(path.as_bytes());
    for word in claim_text.split_whitespace() {
        eat(b"\0");
        eat(word.as_bytes());
    }
    format!("f-{h:016x}")
}

fn message(f: &Finding, denials: &[DenialOut]) -> String {
    let parts: Vec<String> = denials
        .iter()
        .map(|d| {
            let who =
                d.by.clone()
                    .map_or_else(|| "Denied".to_string(), |b| format!("{b} denied this"));
            let when = match (&d.date, d.order) {
                (Some(date), Order::Unknown) => format!(
                    " on {date}{} (order unknown: the claim's date is unknown)",
                    if d.date_inferred { ", inferred" } else { "" }
                ),
                (Some(date), _) => format!(
                    " on {date}{}",
                    if d.date_inferred { " (inferred)" } else { "" }
                ),
                (None, _) => " (date unknown, so the order is unknown)".to_string(),
            };
            format!("{who}{when} ({}:{})", d.span.path, d.span.line)
        })
        .collect();
    let head = if f.code == "denied-claim" {
        "Claim denied later"
    } else {
        "Repeats a report denied earlier"
    };
    format!("{head}: {}", parts.join("; "))
}

/// The findings to report, in path and line order.
pub fn findings_out(model: &Model) -> Vec<FindingOut> {
    let mut out: Vec<FindingOut> = model
        .findings
        .iter()
        .map(|f| finding_out(model, f))
        .collect();
    out.sort_by(|a, b| {
        (&a.claim.span.path, a.claim.span.line, a.claim.span.column).cmp(&(
            &b.claim.span.path,
            b.claim.span.line,
            b.claim.span.column,
        ))
    });
    out
}

/// An article path as printed by the human, SARIF and GitHub formats: behind the corpus root as given.
pub fn prefixed(root_prefix: &str, path: &str) -> String {
    if root_prefix.is_empty() {
        path.to_string()
    } else {
        format!("{root_prefix}/{path}")
    }
}

/// `text` on one line, whitespace runs folded, cut at `max` characters with an ellipsis.
pub fn snippet(text: &str, max: usize) -> String {
    let folded = one_line(text);
    if folded.chars().count() <= max {
        return folded;
    }
    let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
