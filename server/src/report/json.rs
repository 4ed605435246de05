//! `check --format json`: the findings, versioned, as product.md fixes them.

use super::{FORMAT_VERSION, FindingOut};
use serde::Serialize;

/// A file left out of the analysis and why.
#[derive(Debug, Serialize)]
pub struct SkippedOut {
    pub path: String,
    pub reason: String,
}

/// A finding not reported because `dateline.toml` ignores it, and why.
#[derive(Debug, Serialize)]
pub struct IgnoredOut {
    pub id: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct CheckJson<'a> {
    pub version: u32,
    pub root: String,
    pub documents: usize,
    pub findings: &'a [FindingOut],
    pub skipped: Vec<SkippedOut>,
    pub ignored: Vec<IgnoredOut>,
}

pub fn render(
    root: &str,
    documents: usize,
    findings: &[FindingOut],
    skipped: Vec<SkippedOut>,
    ignored: Vec<IgnoredOut>,
) -> String {
    let out = CheckJson {
        version: FORMAT_VERSION,
        root: root.to_string(),
        documents,
        findings,
        skipped,
        ignored,
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
