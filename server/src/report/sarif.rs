//! `check --format sarif`: SARIF 2.1.0, one result per finding with the denials as related locations, in
//! the shape GitHub code scanning accepts.

use super::{FindingOut, prefixed};
use crate::index::findings::Severity;
use serde_json::{Value, json};

fn location(
    root_prefix: &str,
    s: &super::SpanOut,
    id: Option<usize>,
    message: Option<String>,
) -> Value {
    let uri = prefixed(root_prefix, &s.path);
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": {
                "startLine": s.line,
                "startColumn": s.column,
                "endLine": s.end_line,
                "endColumn": s.end_column,
                "snippet": { "text": s.text }
            }
        }
    });
    if let Some(id) = id {
        loc["id"] = json!(id);
    }
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    loc
}

pub fn render(root_prefix: &str, findings: &[FindingOut]) -> String {
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let level = match f.severity {
                Severity::Info => "note",
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            let related: Vec<Value> = f
                .denials
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let who = d.by.clone().unwrap_or_else(|| "another article".into());
                    location(
                        root_prefix,
                        &d.span,
                        Some(i + 1),
                        Some(format!("denied by {who}: {}", d.span.text)),
                    )
                })
                .collect();
            json!({
                "ruleId": f.code,
                "level": level,
                "message": { "text": f.message },
                "locations": [location(root_prefix, &f.claim.span, None, None)],
                "relatedLocations": related,
                "fingerprints": { "dateline/finding/v1": f.id },
                "partialFingerprints": {
                    "claimText/v1": format!("{:016x}", fingerprint(&f.claim.span.text))
                }
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "dateline",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": [
                        {
                            "id": "denied-claim",
                            "name": "DeniedClaim",
                            "shortDescription": { "text": "A claim denied in a later article" },
                            "fullDescription": { "text": "A claim made in one article is denied in another article published later (or whose order is unknown)." },
                            "defaultConfiguration": { "level": "warning" }
                        },
                        {
                            "id": "repeats-denied-claim",
                            "name": "RepeatsDeniedClaim",
                            "shortDescription": { "text": "A claim that repeats a report denied earlier" },
                            "fullDescription": { "text": "A claim made in an article published after another article denied it." },
                            "defaultConfiguration": { "level": "note" }
                        }
                    ]
                }
            },
            "results": results
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// FNV-1a, stable across runs, to let code scanning follow a finding when lines move.
fn fingerprint(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
