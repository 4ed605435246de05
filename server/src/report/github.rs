//! `check --format github`: GitHub Actions workflow commands, one annotation per finding.

use super::{FindingOut, prefixed};
use crate::index::findings::Severity;

/// Escapes a workflow-command message (`%`, CR, LF) or property (also `:` and `,`).
fn escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn render(root_prefix: &str, findings: &[FindingOut]) -> String {
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Info => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let c = &f.claim.span;
        let file = prefixed(root_prefix, &c.path);
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape(&file, true),
            c.line,
            c.column,
            c.end_line,
            c.end_column,
            escape(&format!("dateline {}", f.code), true),
            escape(&format!("{} — claim: {}", f.message, c.text), false)
        ));
    }
    out
}
