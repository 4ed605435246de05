//! Help while writing a corpus's `dateline.toml`: completion of its keys and tables, of actor and event
//! ids and names from the corpus (those not registered yet), of kinds and of the ids of the findings
//! shown; hover on a key says what it does, on an actor's or event's id shows that actor or event as the
//! articles tell it, on an ignored finding's id shows the finding. The file is read line by line around
//! the cursor, so that help works in a file being typed, mistakes and all.

use super::convert::{Encoding, TextRef};
use super::workspace::View;
use crate::corpus::LineIndex;
use crate::index::Item;
use crate::report;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind, Position,
};

/// A table the file may have: its name ("" for the top level), whether it is an array of tables
/// (`[[actors]]`), and its keys with what each does.
type Table = (&'static str, bool, &'static [(&'static str, &'static str)]);

/// Each table the file may have.
const TABLES: &[Table] = &[
    (
        "",
        false,
        &[
            (
                "include",
                "Only the files matching these globs (relative to the corpus root) are articles.",
            ),
            ("exclude", "Files matching these globs are never articles."),
        ],
    ),
    (
        "documents",
        true,
        &[
            (
                "path",
                "The documents this rule is for: a glob, relative to the corpus root.",
            ),
            (
                "date",
                "Their publication date (the front matter's comes first).",
            ),
            ("source", "The outlet that published them."),
        ],
    ),
    (
        "actors",
        true,
        &[
            ("id", "The actor's id in export, hovers and links; unique."),
            ("name", "The canonical name."),
            ("kind", "\"person\" (the default) or \"organization\"."),
            (
                "aliases",
                "Other names the articles write; a mention written so is this actor.",
            ),
            ("roles", "Roles, shown in the hover."),
            ("description", "Shown in the hover."),
            ("wikidata", "A Wikidata item id (\"Q42\")."),
        ],
    ),
    (
        "events",
        true,
        &[
            ("id", "The event's id in export, hovers and links; unique."),
            (
                "label",
                "What the event is called; written in an article, it names the event there.",
            ),
            ("date", "When it happened."),
            ("place", "Where it happened."),
            (
                "aliases",
                "Other words the articles name it by; a mention written so is this event.",
            ),
        ],
    ),
    (
        "cues",
        false,
        &[
            ("claims", "Phrases that make a sentence a reported claim."),
            (
                "denials",
                "Phrases that make a sentence deny what follows them.",
            ),
        ],
    ),
    (
        "ignore",
        true,
        &[
            (
                "finding",
                "The id of a finding not to report, as `dateline check` gives it.",
            ),
            ("reason", "Why it is not reported."),
        ],
    ),
];

/// How many ids or names are offered at most.
const MAX_OFFERED: usize = 200;

/// Where the cursor is in the file.
#[derive(Debug, PartialEq, Eq)]
struct Cursor<'a> {
    /// The table the line is in ("actors"; "" before any).
    table: &'a str,
    /// The key whose value the cursor is in, when it is after a `=`.
    key: Option<&'a str>,
    /// Inside a string value (after an opening quote).
    in_string: bool,
    /// The line starts a table header (`[`).
    header: bool,
}

/// The cursor at byte `offset` of `text`.
fn cursor_at(text: &str, offset: usize) -> Cursor<'_> {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    let line = &before[line_start..];
    let table = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map_or("", |l| {
            l.trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
        });
    match line.split_once('=') {
        Some((key, value)) => Cursor {
            table,
            key: Some(key.trim()),
            in_string: value.matches('"').count() % 2 == 1,
            header: false,
        },
        None => Cursor {
            table,
            key: None,
            in_string: false,
            header: line.trim_start().starts_with('['),
        },
    }
}

/// The byte offset of `pos` in `text`.
fn offset_of(text: &str, enc: Encoding, pos: Position) -> Option<usize> {
    let lines = LineIndex::new(text);
    TextRef {
        text,
        lines: &lines,
    }
    .offset(enc, pos)
}

fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

/// A value offered: its text (quoted unless the cursor is in a string), with what it is.
fn value_item(
    value: &str,
    detail: String,
    kind: CompletionItemKind,
    in_string: bool,
) -> CompletionItem {
    CompletionItem {
        label: value.to_string(),
        kind: Some(kind),
        detail: Some(detail),
        insert_text: Some(if in_string {
            value.to_string()
        } else {
            toml::Value::String(value.to_string()).to_string()
        }),
        ..CompletionItem::default()
    }
}

/// The completions at `pos` of the settings file `text` of the corpus `view` shows.
pub fn completion(view: &View, enc: Encoding, text: &str, pos: Position) -> Vec<CompletionItem> {
    let Some(offset) = offset_of(text, enc, pos) else {
        return Vec::new();
    };
    let c = cursor_at(text, offset);
    let Some(key) = c.key else {
        // a key of the table, or a table
        let mut out: Vec<CompletionItem> = Vec::new();
        if !c.header {
            let keys = TABLES
                .iter()
                .find(|(t, _, _)| *t == c.table)
                .map_or(&[][..], |t| t.2);
            out.extend(keys.iter().map(|(k, doc)| CompletionItem {
                label: k.to_string(),
                kind: Some(CompletionItemKind::PROPERTY),
                documentation: Some(markdown(doc.to_string())),
                insert_text: Some(format!("{k} = ")),
                ..CompletionItem::default()
            }));
        }
        out.extend(
            TABLES
                .iter()
                .filter(|(t, _, _)| !t.is_empty())
                .map(|(t, many, _)| {
                    let header = if *many {
                        format!("[[{t}]]")
                    } else {
                        format!("[{t}]")
                    };
                    CompletionItem {
                        label: header.clone(),
                        kind: Some(CompletionItemKind::MODULE),
                        // the brackets typed already are replaced by the client's word range; insert the
                        // name without those typed
                        insert_text: Some(header.trim_start_matches('[').to_string())
                            .filter(|_| c.header)
                            .or(Some(header)),
                        ..CompletionItem::default()
                    }
                }),
        );
        return out;
    };
    let model = &view.model;
    match (c.table, key) {
        ("actors", "kind") => ["person", "organization"]
            .iter()
            .map(|k| {
                value_item(
                    k,
                    "kind".into(),
                    CompletionItemKind::ENUM_MEMBER,
                    c.in_string,
                )
            })
            .collect(),
        ("actors", "id" | "name") => {
            let mut actors: Vec<&crate::index::Actor> = model
                .actors
                .iter()
                .filter(|a| a.registered.is_none())
                .collect();
            actors.sort_by_key(|a| std::cmp::Reverse(a.mentions.len()));
            actors
                .into_iter()
                .take(MAX_OFFERED)
                .map(|a| {
                    let (value, detail) = if key == "id" {
                        (a.id.as_str(), a.name.clone())
                    } else {
                        (a.name.as_str(), a.id.clone())
                    };
                    value_item(value, detail, CompletionItemKind::VALUE, c.in_string)
                })
                .collect()
        }
        ("events", "id" | "label") => {
            let mut events: Vec<&crate::index::Event> = model
                .events
                .iter()
                .filter(|e| {
                    e.registered.is_none() && e.class != crate::analysis::EventClass::Statement
                })
                .collect();
            events.sort_by_key(|e| std::cmp::Reverse(e.mentions().len()));
            events
                .into_iter()
                .take(MAX_OFFERED)
                .map(|e| {
                    let (id, label) = (e.id(&model.docs), e.label(&model.docs));
                    let (value, detail) = if key == "id" {
                        (id, label)
                    } else {
                        (label, id)
                    };
                    value_item(&value, detail, CompletionItemKind::VALUE, c.in_string)
                })
                .collect()
        }
        ("ignore", "finding") => model
            .findings
            .iter()
            .filter_map(|f| {
                let id = report::claim_finding_id(model, f.claim);
                if view.settings.ignored(&id).is_some() {
                    return None;
                }
                let (cd, ci) = f.claim;
                let d = &model.docs[cd];
                let span = d.facts.claims[ci].span.get();
                let line = d.lines.line_of(span.start) + 1;
                let claim = report::snippet(model.span_text(cd, span), 80);
                Some(value_item(
                    &id,
                    format!("{}:{line}: {claim}", d.article.path),
                    CompletionItemKind::VALUE,
                    c.in_string,
                ))
            })
            .take(MAX_OFFERED)
            .collect(),
        _ => Vec::new(),
    }
}

/// The string value at byte `offset` of `text` (the cursor inside its quotes), and its key and table.
fn value_at(text: &str, offset: usize) -> Option<(&str, &str, &str)> {
    let c = cursor_at(text, offset);
    let key = c.key?;
    let line_start = text[..offset].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |k| offset + k);
    let line = &text[line_start..line_end];
    let eq = line.find('=')?;
    let value = line[eq + 1..].trim();
    let value = value.strip_prefix('"')?.split('"').next()?;
    Some((c.table, key, value))
}

/// The hover at `pos` of the settings file `text`: what a key does, or the actor, event or finding an id
/// names.
pub fn hover(view: &View, enc: Encoding, text: &str, pos: Position) -> Option<String> {
    let offset = offset_of(text, enc, pos)?;
    let model = &view.model;
    if let Some((table, key, value)) = value_at(text, offset) {
        let found = match (table, key) {
            ("actors", "id") => {
                let k = model.registry.actors.iter().position(|r| r.id == value);
                model
                    .actors
                    .iter()
                    .position(|a| (k.is_some() && a.registered == k) || a.id == value)
                    .map(|actor| super::hover::actor_md(view, actor))
            }
            ("events", "id") => model
                .events
                .iter()
                .position(|e| e.id(&model.docs) == value)
                .map(|event| super::hover::event_md(view, event)),
            ("ignore", "finding") => model
                .findings
                .iter()
                .find(|f| report::claim_finding_id(model, f.claim) == value)
                .map(|f| super::hover::markdown(view, Item::Claim(f.claim))),
            _ => None,
        };
        return Some(
            found.unwrap_or_else(|| format!("`{value}`: nothing in the corpus has this id")),
        );
    }
    // a key: what it does
    let c = cursor_at(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |k| k + 1);
    let word: String = text[line_start..]
        .chars()
        .take_while(|ch| ch.is_alphanumeric() || *ch == '_' || ch.is_whitespace())
        .collect();
    let word = word.trim();
    TABLES
        .iter()
        .find(|(t, _, _)| *t == c.table)
        .and_then(|(_, _, keys)| keys.iter().find(|(k, _)| *k == word))
        .map(|(k, doc)| format!("**{k}**\n\n{doc}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_knows_its_table_key_and_string() {
        let text = "include = [\"a\"]\n[[actors]]\nid = \"jo\nki\n[[ignore]]\nfinding = ";
        let at = |needle: &str| text.find(needle).expect("needle") + needle.len();
        assert_eq!(
            cursor_at(text, at("id = \"jo")),
            Cursor {
                table: "actors",
                key: Some("id"),
                in_string: true,
                header: false
            }
        );
        assert_eq!(cursor_at(text, at("\nki")).key, None);
        assert_eq!(cursor_at(text, at("\nki")).table, "actors");
        let end = cursor_at(text, text.len());
        assert_eq!(
            (end.table, end.key, end.in_string),
            ("ignore", Some("finding"), false)
        );
        assert_eq!(cursor_at(text, 3).table, "");
        assert_eq!(
            value_at("[[events]]\nid = \"strike-2026\"\n", 20),
            Some(("events", "id", "strike-2026"))
        );
    }
}
