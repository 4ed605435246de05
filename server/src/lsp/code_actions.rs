//! Code actions: edits offered to the user, who applies them (the server never writes a file itself).
//! "Ignore this finding" adds an `[[ignore]]` entry for the finding on a claim in the selection to the
//! corpus's `dateline.toml` (creating the file when the client can create files); "Add the date … to
//! the front matter" writes an article's inferred publication date into its front matter (making the
//! block when there is none); "Register … in dateline.toml" adds an actor the analysis inferred to the
//! registry, with its name, kind, other full names and roles, for the user to complete; "Add … as an
//! alias of …" writes a mention's words into a registered actor's aliases; "Link … to event …" writes an
//! event mention's words into a registered event's aliases, and "Register event …" adds the inferred
//! event to the registry; "Update x.ann" writes the annotations of an article's brat file where the
//! edits made to the article moved them.

use super::convert::{Encoding, TextRef, path_to_uri};
use super::workspace::View;
use crate::analysis::Span;
use crate::corpus::settings_file;
use crate::index::dates::DateSource;
use crate::report;
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, Range, ResourceOp, TextDocumentEdit, TextEdit, WorkspaceEdit,
};

/// The reason an ignore entry is written with, for the user to replace with theirs.
pub const DEFAULT_REASON: &str = "checked: not denied (replace with the reason)";

/// Whether two ranges share a position (a cursor at either end counts).
fn touches(a: Range, b: Range) -> bool {
    let before = |x: Position, y: Position| (x.line, x.character) < (y.line, y.character);
    !before(a.end, b.start) && !before(b.end, a.start)
}

/// The code actions for the selection `range` in document `doc`; `create_files`: the client can
/// create a file in a workspace edit.
pub fn actions(
    view: &View,
    enc: Encoding,
    doc: usize,
    range: Range,
    create_files: bool,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    out.extend(ignore_findings(view, enc, doc, range, create_files));
    out.extend(register_actor(view, enc, doc, range, create_files));
    out.extend(add_actor_alias(view, enc, doc, range));
    out.extend(link_event(view, enc, doc, range, create_files));
    out.extend(add_date(view, enc, doc));
    out.extend(update_annotations(view, doc));
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// The corpus's `dateline.toml` as an edit target: its text on disk, when it exists.
struct SettingsFile {
    uri: tower_lsp_server::ls_types::Uri,
    existing: Option<String>,
}

impl SettingsFile {
    /// The file of the corpus at `root`; `None` when it does not exist and the client cannot create it.
    fn of(root: &std::path::Path, create_files: bool) -> Option<SettingsFile> {
        let file = root.join(settings_file::FILE_NAME);
        let uri = path_to_uri(&file)?;
        let existing = std::fs::read_to_string(&file).ok();
        (existing.is_some() || create_files).then_some(SettingsFile { uri, existing })
    }

    /// The edit that adds `entry` (a TOML table, ending in a line end) at the end of the file, after a
    /// blank line; or that creates the file with it.
    fn append(&self, enc: Encoding, entry: &str) -> Option<WorkspaceEdit> {
        let uri = self.uri.clone();
        Some(match &self.existing {
            Some(text) => {
                let sep = match text.as_str() {
                    "" => "",
                    t if t.ends_with('\n') => "\n",
                    _ => "\n\n",
                };
                file_edit(
                    &uri,
                    text,
                    enc,
                    text.len()..text.len(),
                    format!("{sep}{entry}"),
                )
            }
            None => WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: uri.clone(),
                        options: Some(CreateFileOptions {
                            overwrite: Some(false),
                            ignore_if_exists: Some(true),
                        }),
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri,
                            version: None,
                        },
                        edits: vec![OneOf::Left(TextEdit::new(
                            Range::new(Position::new(0, 0), Position::new(0, 0)),
                            entry.to_string(),
                        ))],
                    }),
                ])),
                ..WorkspaceEdit::default()
            },
        })
    }
}

/// `s` as a TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `base`, or `base-2`, `base-3`… : the first id that is not `taken`.
fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

/// How many registered actors or events an alias is offered to, at most.
const ALIAS_TARGETS: usize = 3;

/// The edit of `file` (its text on disk) that replaces byte range `r` with `new`.
fn file_edit(
    uri: &tower_lsp_server::ls_types::Uri,
    text: &str,
    enc: Encoding,
    r: std::ops::Range<usize>,
    new: String,
) -> WorkspaceEdit {
    let lines = crate::corpus::LineIndex::new(text);
    let at = TextRef {
        text,
        lines: &lines,
    };
    let range = Range::new(at.position(enc, r.start), at.position(enc, r.end));
    WorkspaceEdit {
        changes: Some(HashMap::from([(
            uri.clone(),
            vec![TextEdit::new(range, new)],
        )])),
        ..WorkspaceEdit::default()
    }
}

/// The edit that adds `alias` to the registry entry with id `id` (an actor when `actor`, else an event)
/// in the corpus's `dateline.toml`, as written on disk.
fn alias_in_file(
    file: &SettingsFile,
    enc: Encoding,
    actor: bool,
    id: &str,
    alias: &str,
) -> Option<WorkspaceEdit> {
    let text = file.existing.as_deref()?;
    let outline = settings_file::outline(text)?;
    let places = if actor {
        &outline.actors
    } else {
        &outline.events
    };
    let place = places.iter().find(|p| p.id == id)?;
    let (r, new) = settings_file::alias_edit(text, place, alias)?;
    Some(file_edit(&file.uri, text, enc, r, new))
}

/// "Add “…” as an alias of …": on an actor mention whose words no registered actor is given, for the
/// registered actor it was read as and those sharing a word with it.
fn add_actor_alias(view: &View, enc: Encoding, doc: usize, range: Range) -> Vec<CodeAction> {
    let model = &view.model;
    let found = || -> Option<(usize, String, SettingsFile)> {
        let offset = view.text(doc).offset(enc, range.start)?;
        let crate::index::Item::Actor { actor, mention } = model.item_at(doc, offset)? else {
            return None;
        };
        let span = model.docs[mention.0].facts.actors[mention.1].span;
        let words = report::one_line(model.span_text(mention.0, span));
        let file = SettingsFile::of(view.root.as_ref()?, false)?;
        Some((actor, words, file))
    };
    let Some((actor, words, file)) = found() else {
        return Vec::new();
    };
    let key = crate::analysis::lexicon::phrase_key(&words);
    let registry = &model.registry.actors;
    // a registered name or alias already says who this is
    let named = registry.iter().any(|r| {
        std::iter::once(&r.name)
            .chain(&r.aliases)
            .any(|n| crate::analysis::lexicon::phrase_key(n) == key)
    });
    if named || key.is_empty() {
        return Vec::new();
    }
    let a = &model.actors[actor];
    let word_set = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.len() > 1)
            .collect()
    };
    let mine: Vec<String> = word_set(&words)
        .into_iter()
        .chain(word_set(&a.name))
        .collect();
    let mut targets: Vec<usize> = a.registered.into_iter().collect();
    targets.extend((0..registry.len()).filter(|&k| {
        Some(k) != a.registered
            && registry[k].kind == a.kind
            && std::iter::once(&registry[k].name)
                .chain(&registry[k].aliases)
                .flat_map(|n| word_set(n))
                .any(|w| mine.contains(&w))
    }));
    targets
        .into_iter()
        .take(ALIAS_TARGETS)
        .filter_map(|k| {
            let r = &registry[k];
            let edit = alias_in_file(&file, enc, true, &r.id, &words)?;
            Some(CodeAction {
                title: format!("Add “{words}” as an alias of “{}” ({})", r.name, r.id),
                kind: Some(CodeActionKind::REFACTOR_REWRITE),
                edit: Some(edit),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// "Link “…” to event …" on an event mention no registered event has, for the registered events nearest
/// in time (its words become an alias, so this mention and every other written so are that event); and
/// "Register event …" to add the event it was read as to the registry.
fn link_event(
    view: &View,
    enc: Encoding,
    doc: usize,
    range: Range,
    create_files: bool,
) -> Vec<CodeAction> {
    let model = &view.model;
    let found = || -> Option<(usize, String, SettingsFile)> {
        let offset = view.text(doc).offset(enc, range.start)?;
        let crate::index::Item::Event { event, mention } = model.item_at(doc, offset)? else {
            return None;
        };
        let m = &model.docs[mention.0].facts.events[mention.1];
        if m.class == crate::analysis::EventClass::Statement
            || model.events[event].registered.is_some()
        {
            return None;
        }
        // the words that name it, unless they run long: then its trigger
        let span = report::one_line(model.span_text(mention.0, m.span.get()));
        let words = if span.split(' ').count() <= 5 {
            span
        } else {
            report::one_line(model.span_text(mention.0, m.trigger.get()))
        };
        let file = SettingsFile::of(view.root.as_ref()?, create_files)?;
        Some((event, words, file))
    };
    let Some((event, words, file)) = found() else {
        return Vec::new();
    };
    let e = &model.events[event];
    let when = e.date.and_then(|d| d.to_date()).or(model.dates[doc].date);
    let mut registered: Vec<&std::sync::Arc<settings_file::RegisteredEvent>> =
        model.registry.events.iter().collect();
    // nearest in time first, undated last, then in the file's order
    registered.sort_by_key(|r| match (r.date, when) {
        (Some(a), Some(b)) => (0, (a - b).get_days().unsigned_abs()),
        _ => (1, 0),
    });
    let mut out: Vec<CodeAction> = registered
        .into_iter()
        .take(ALIAS_TARGETS)
        .filter_map(|r| {
            let edit = alias_in_file(&file, enc, false, &r.id, &words)?;
            Some(CodeAction {
                title: format!("Link “{words}” to event “{}” ({})", r.label, r.id),
                kind: Some(CodeActionKind::REFACTOR_REWRITE),
                edit: Some(edit),
                ..CodeAction::default()
            })
        })
        .collect();
    let id = free_id(&e.id(&model.docs), |id| {
        model.registry.events.iter().any(|r| r.id == id)
    });
    let label = e.label(&model.docs);
    let mut entry = format!(
        "[[events]]\nid = {}\nlabel = {}\n",
        quoted(&id),
        quoted(&label)
    );
    if let Some(d) = e.date.and_then(|d| d.to_date()) {
        entry.push_str(&format!("date = {d}\n"));
    }
    if let Some(p) = e.place() {
        entry.push_str(&format!("place = {}\n", quoted(p)));
    }
    // the label names the event too: an alias equal to it would be refused as given twice
    if crate::analysis::lexicon::phrase_key(&words) != crate::analysis::lexicon::phrase_key(&label)
    {
        entry.push_str(&format!("aliases = [{}]\n", quoted(&words)));
    }
    if let Some(edit) = file.append(enc, &entry) {
        out.push(CodeAction {
            title: format!("Register event “{label}” in dateline.toml"),
            kind: Some(CodeActionKind::REFACTOR_REWRITE),
            edit: Some(edit),
            ..CodeAction::default()
        });
    }
    out
}

/// "Update x.ann …": when edits to the article moved annotations of its brat file, the lines of the file
/// to change (as on disk) so that it is true to the text again.
fn update_annotations(view: &View, doc: usize) -> Option<CodeAction> {
    let article = &view.model.docs[doc].article;
    let file = view.annotations.file(&article.path)?;
    let moved = file.moved();
    if moved == 0 {
        return None;
    }
    let on_disk = std::fs::read_to_string(&file.path).ok()?;
    let uri = path_to_uri(&file.path)?;
    let lines = crate::corpus::brat::updated_lines(&on_disk, &file.read, &file.now, &article.text);
    if lines.is_empty() {
        return None;
    }
    // whole lines: their positions are the same in every encoding
    let edits: Vec<TextEdit> = lines
        .into_iter()
        .map(|(i, line)| {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let range = Range::new(Position::new(i, 0), Position::new(i.saturating_add(1), 0));
            TextEdit::new(range, line.map(|l| l + "\n").unwrap_or_default())
        })
        .collect();
    let name = file
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Some(CodeAction {
        title: format!(
            "Update {name} to the edited text ({moved} annotation{} moved)",
            if moved == 1 { "" } else { "s" }
        ),
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// "Ignore this finding": for each finding on a claim of `doc` the selection touches.
fn ignore_findings(
    view: &View,
    enc: Encoding,
    doc: usize,
    range: Range,
    create_files: bool,
) -> Vec<CodeAction> {
    let model = &view.model;
    let Some(root) = &view.root else {
        return Vec::new(); // a loose document has no corpus settings
    };
    let Some(settings) = SettingsFile::of(root, create_files) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &fi in &model.links.findings_in_doc[doc] {
        let f = &model.findings[fi];
        let (cd, ci) = f.claim;
        if cd != doc {
            continue;
        }
        let span = model.docs[cd].facts.claims[ci].span.get();
        if !touches(view.text(cd).range(enc, span), range) {
            continue;
        }
        let id = report::claim_finding_id(model, f.claim);
        if view.settings.ignored(&id).is_some() {
            continue;
        }
        let entry = format!("[[ignore]]\nfinding = \"{id}\"\nreason = \"{DEFAULT_REASON}\"\n");
        let Some(edit) = settings.append(enc, &entry) else {
            continue;
        };
        out.push(CodeAction {
            title: format!("Ignore this finding in dateline.toml ({id})"),
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(edit),
            ..CodeAction::default()
        });
    }
    out
}

/// "Register … in dateline.toml": on a mention of an actor the registry does not have.
fn register_actor(
    view: &View,
    enc: Encoding,
    doc: usize,
    range: Range,
    create_files: bool,
) -> Option<CodeAction> {
    let model = &view.model;
    let offset = view.text(doc).offset(enc, range.start)?;
    let crate::index::Item::Actor { actor, .. } = model.item_at(doc, offset)? else {
        return None;
    };
    let a = &model.actors[actor];
    if a.registered.is_some() {
        return None;
    }
    let file = SettingsFile::of(view.root.as_ref()?, create_files)?;
    let person = a.kind != crate::analysis::ActorKind::Organization;
    // a person's surname alone is no alias to register: it would be this person wherever it is written
    let aliases: Vec<String> = a
        .aliases
        .iter()
        .filter(|x| **x != a.name && (!person || x.split_whitespace().count() > 1))
        .map(|x| quoted(x))
        .collect();
    let mut roles: Vec<String> = Vec::new();
    for r in &a.roles {
        let q = quoted(&r.text);
        if !roles.iter().any(|x| x.eq_ignore_ascii_case(&q)) {
            roles.push(q);
        }
    }
    // the actor's id, unless the registry has it for another
    let id = free_id(&a.id, |id| model.registry.actors.iter().any(|r| r.id == id));
    let entry = format!(
        "[[actors]]\nid = {}\nname = {}\nkind = \"{}\"\naliases = [{}]\nroles = [{}]\n",
        quoted(&id),
        quoted(&a.name),
        if person { "person" } else { "organization" },
        aliases.join(", "),
        roles.join(", "),
    );
    Some(CodeAction {
        title: format!("Register “{}” in dateline.toml", a.name),
        kind: Some(CodeActionKind::REFACTOR_REWRITE),
        edit: Some(file.append(enc, &entry)?),
        ..CodeAction::default()
    })
}

/// "Add the date … to the front matter": when the article's date was inferred.
fn add_date(view: &View, enc: Encoding, doc: usize) -> Option<CodeAction> {
    let model = &view.model;
    let d = &model.dates[doc];
    let date = d.date?;
    if d.source != Some(DateSource::Inferred) {
        return None;
    }
    let a = &model.docs[doc].article;
    // a date the front matter gives but that cannot be read is the user's to fix, not to write twice
    if a.front_matter.extra.contains_key("date") {
        return None;
    }
    let uri = path_to_uri(&view.path(doc))?;
    // in the block there is (after its opening line), else a new block at the top
    let (at, text) = match a.front_matter.block {
        Some((start, _)) => {
            let open_end = a.text[start..]
                .find('\n')
                .map_or(a.text.len(), |k| start + k + 1);
            let toml = a.text[start..].starts_with("+++");
            let line = if toml {
                format!("date = {date}\n")
            } else {
                format!("date: {date}\n")
            };
            (open_end, line)
        }
        None => (0, format!("---\ndate: {date}\n---\n\n")),
    };
    let pos = view.text(doc).range(enc, Span { start: at, end: at });
    let evidence = d
        .evidence
        .as_deref()
        .map(|e| format!(" (inferred from “{e}”)"))
        .unwrap_or_default();
    Some(CodeAction {
        title: format!("Add the date {date} to the front matter{evidence}"),
        kind: Some(CodeActionKind::REFACTOR_REWRITE),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, vec![TextEdit::new(pos, text)])])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}
