//! The corpus's own settings file, `dateline.toml` at its root: which files are articles (include and
//! exclude globs), the date and source of documents by path, registries of actors and of events that take
//! precedence over what is inferred, extra claim and denial phrases, and findings to ignore with a reason. Read
//! into plain data; every mistake is an issue with the byte range of the file it concerns, so that the
//! language server can show it in the file and `check` can say where it is.
//!
//! ```toml
//! include = ["news/**/*.md"]          # optional: only these files (default: every *.txt and *.md)
//! exclude = ["drafts/**"]             # never these
//!
//! [[documents]]                       # documents by path (a glob); front matter, when present, wins
//! path = "wire/*.txt"
//! date = 2026-03-05                   # a TOML date, or a string "2026-03-05"
//! source = "Baltic Wire"
//!
//! [[actors]]                          # who is who, over what the analysis infers
//! id = "jonas-lindqvist"
//! name = "Jonas Lindqvist"            # the canonical name
//! kind = "person"                     # or "organization"
//! aliases = ["Jonas Lind", "J. Lindqvist"]
//! roles = ["port director"]
//! description = "Director of the port of Visby since 2024"
//! wikidata = "Q123456"
//!
//! [[events]]                          # which mentions are one event, over what the analysis infers
//! id = "visby-ferry-strike"
//! label = "Visby ferry strike"
//! date = 2026-03-04
//! place = "Visby"
//! aliases = ["ferry strike", "the stoppage"]  # a mention in one of these words is this event
//!
//! [cues]                              # phrases that make a sentence a claim or a denial, besides the built-in ones
//! claims = ["sources close to"]
//! denials = ["set the record straight on"]
//!
//! [[ignore]]                          # a finding not to report, by the id `check` gives it
//! finding = "f-3a9c0d125e7b41f2"
//! reason = "Satire; not a claim"
//! ```

use crate::analysis::ActorKind;
use crate::analysis::phrases::CorpusPhrases;
use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// The file's name, at the corpus root.
pub const FILE_NAME: &str = "dateline.toml";

/// What the file says, compiled.
#[derive(Debug, Clone, Default)]
pub struct CorpusSettings {
    include: Option<GlobSet>,
    exclude: GlobSet,
    documents: Vec<(GlobMatcher, DocumentSettings)>,
    /// Findings not to report, by id.
    pub ignore: Vec<Ignored>,
    /// The actor and event registries, in the file's order.
    pub registry: std::sync::Arc<Registry>,
    /// Extra claim and denial phrases.
    pub cues: std::sync::Arc<Cues>,
    /// The registered events' words and the cues, compiled for the analysis of every article.
    pub phrases: std::sync::Arc<CorpusPhrases>,
    /// A hash of the file's text (0 without a file): caches of results depend on it.
    pub fingerprint: u64,
}

/// A document's date and source, as the settings give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentSettings {
    pub date: Option<Date>,
    pub source: Option<String>,
    /// The phrases the corpus adds to the analysis (the same for every document).
    pub phrases: std::sync::Arc<CorpusPhrases>,
}

/// An actor as the registry gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredActor {
    pub id: String,
    /// The canonical name.
    pub name: String,
    pub kind: ActorKind,
    /// Other names the actor goes by, in the articles.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub description: Option<String>,
    /// A Wikidata item ("Q123456").
    pub wikidata: Option<String>,
}

/// The registries of a corpus: who is who and which mentions are one event, as the user states them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registry {
    pub actors: Vec<RegisteredActor>,
    pub events: Vec<std::sync::Arc<RegisteredEvent>>,
}

/// An event as the registry gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisteredEvent {
    pub id: String,
    pub label: String,
    pub date: Option<Date>,
    pub place: Option<String>,
    /// Words that name the event in the articles: a mention within them (or within the label) is this
    /// event.
    pub aliases: Vec<String>,
}

impl RegisteredEvent {
    /// The label and the aliases: every phrase that names the event.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Phrases that make a sentence a claim or a denial, besides those the analysis knows. Matched as whole
/// words, in any case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    pub claims: Vec<String>,
    pub denials: Vec<String>,
}

/// A finding the user chose not to see, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub finding: String,
    pub reason: String,
}

/// A mistake in the file: what, and the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsIssue {
    pub message: String,
    pub range: Range<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    include: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    documents: Vec<RawDocument>,
    #[serde(default)]
    actors: Vec<RawActor>,
    #[serde(default)]
    events: Vec<RawEvent>,
    cues: Option<RawCues>,
    #[serde(default)]
    ignore: Vec<RawIgnored>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: Spanned<String>,
    label: Spanned<String>,
    date: Option<Spanned<toml::Value>>,
    place: Option<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    #[serde(default)]
    claims: Vec<Spanned<String>>,
    #[serde(default)]
    denials: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<String>,
    description: Option<String>,
    wikidata: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    path: Spanned<String>,
    date: Option<Spanned<toml::Value>>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnored {
    finding: String,
    reason: String,
}

/// Reads the settings from the file's text. With issues, what could be read still applies (a bad glob
/// or date is left out); a file that is not valid TOML, or has an unknown key, gives the defaults.
pub fn parse(text: &str) -> (CorpusSettings, Vec<SettingsIssue>) {
    let fingerprint = {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut h = DefaultHasher::new();
        text.hash(&mut h);
        h.finish().max(1)
    };
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let range = e.span().unwrap_or(0..0);
            let message = e.message().trim_end().to_string();
            let settings = CorpusSettings {
                fingerprint,
                ..CorpusSettings::default()
            };
            return (settings, vec![SettingsIssue { message, range }]);
        }
    };
    let mut issues = Vec::new();
    let mut glob_set = |globs: &[Spanned<String>]| {
        let mut b = GlobSetBuilder::new();
        for glob in globs.iter().filter_map(|g| glob_of(g, &mut issues)) {
            b.add(glob);
        }
        b.build().unwrap_or_else(|_| GlobSet::empty())
    };
    // an empty include list selects nothing, which nobody means: it is the default
    let include = raw.include.filter(|g| !g.is_empty()).map(|g| glob_set(&g));
    let exclude = glob_set(&raw.exclude);
    let mut documents = Vec::new();
    for d in raw.documents {
        let Some(glob) = glob_of(&d.path, &mut issues).map(|g| g.compile_matcher()) else {
            continue;
        };
        let date = checked_date(d.date.as_ref(), &mut issues);
        documents.push((
            glob,
            DocumentSettings {
                date,
                source: d.source,
                phrases: std::sync::Arc::default(),
            },
        ));
    }
    let actors = actor_registry(raw.actors, &mut issues);
    let events = event_registry(raw.events, &mut issues);
    let cues = raw
        .cues
        .map(|c| cues_of(c, &mut issues))
        .unwrap_or_default();
    let ignore = raw
        .ignore
        .into_iter()
        .map(|i| Ignored {
            finding: i.finding,
            reason: i.reason,
        })
        .collect();
    let phrases = CorpusPhrases::new(
        events
            .iter()
            .enumerate()
            .flat_map(|(k, e)| e.phrases().map(move |p| (p, k))),
        cues.claims.iter().map(String::as_str),
        cues.denials.iter().map(String::as_str),
    );
    let settings = CorpusSettings {
        include,
        exclude,
        documents,
        ignore,
        phrases: std::sync::Arc::new(phrases),
        registry: std::sync::Arc::new(Registry { actors, events }),
        cues: std::sync::Arc::new(cues),
        fingerprint,
    };
    (settings, issues)
}

/// The actor registry: each entry checked (a kind it knows, an id and name not empty, an id, name or
/// alias not given twice, a Wikidata id of the form Q123); an entry with a mistake is left out.
fn actor_registry(raw: Vec<RawActor>, issues: &mut Vec<SettingsIssue>) -> Vec<RegisteredActor> {
    let mut out: Vec<RegisteredActor> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut names: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for a in raw {
        let kind = match a.kind.as_ref().map(|k| k.get_ref().to_ascii_lowercase()) {
            None => ActorKind::Person,
            Some(k) if k == "person" => ActorKind::Person,
            Some(k) if matches!(k.as_str(), "organization" | "organisation" | "org") => {
                ActorKind::Organization
            }
            Some(k) => {
                issues.push(SettingsIssue {
                    message: format!("kind {k:?}: expected \"person\" or \"organization\""),
                    range: a.kind.as_ref().map_or(0..0, Spanned::span),
                });
                continue;
            }
        };
        let Some(id) = entry_id(&a.id, &a.name, &mut ids, "actor", issues) else {
            continue;
        };
        if let Some(w) = &a.wikidata {
            let q = w.get_ref();
            let valid =
                q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit());
            if !valid {
                issues.push(SettingsIssue {
                    message: format!("wikidata {q:?}: expected an item id such as \"Q42\""),
                    range: w.span(),
                });
                continue;
            }
        }
        // a name or alias says who it is: two actors may not share one
        let forms = std::iter::once(&a.name).chain(&a.aliases);
        if !claim_names(&mut names, &id, forms, "actor", false, issues) {
            continue;
        }
        out.push(RegisteredActor {
            id,
            name: a.name.get_ref().trim().to_string(),
            kind,
            aliases: a
                .aliases
                .iter()
                .map(|s| s.get_ref().trim().to_string())
                .collect(),
            roles: a.roles,
            description: a.description,
            wikidata: a.wikidata.map(Spanned::into_inner),
        });
    }
    out
}

/// The event registry: each entry checked (an id and label not empty, an id not given twice, a date that
/// is one, a phrase naming one event only); an entry with a mistake is left out.
fn event_registry(
    raw: Vec<RawEvent>,
    issues: &mut Vec<SettingsIssue>,
) -> Vec<std::sync::Arc<RegisteredEvent>> {
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut phrases: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for e in raw {
        let Some(id) = entry_id(&e.id, &e.label, &mut ids, "event", issues) else {
            continue;
        };
        let n = issues.len();
        let date = checked_date(e.date.as_ref(), issues);
        // words that name it: two events may not share them, and each must have a word
        let forms = std::iter::once(&e.label).chain(&e.aliases);
        if !claim_names(&mut phrases, &id, forms, "event", true, issues) || issues.len() > n {
            continue;
        }
        out.push(std::sync::Arc::new(RegisteredEvent {
            id,
            label: e.label.get_ref().trim().to_string(),
            date,
            place: e
                .place
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            aliases: e
                .aliases
                .iter()
                .map(|s| s.get_ref().trim().to_string())
                .collect(),
        }));
    }
    out
}

/// The glob `g` says, when it is one; else an issue.
fn glob_of(g: &Spanned<String>, issues: &mut Vec<SettingsIssue>) -> Option<Glob> {
    match Glob::new(g.get_ref()) {
        Ok(glob) => Some(glob),
        Err(e) => {
            issues.push(SettingsIssue {
                message: format!("glob {:?}: {}", g.get_ref(), e.kind()),
                range: g.span(),
            });
            None
        }
    }
}

/// The id of a registry entry (an "actor" or an "event", `what`), when neither it nor the entry's name is
/// empty and no entry before has it (`ids`, which it joins); else an issue.
fn entry_id(
    id: &Spanned<String>,
    name: &Spanned<String>,
    ids: &mut std::collections::HashSet<String>,
    what: &str,
    issues: &mut Vec<SettingsIssue>,
) -> Option<String> {
    let trimmed = id.get_ref().trim().to_string();
    if trimmed.is_empty() || name.get_ref().trim().is_empty() {
        let which = if trimmed.is_empty() { id } else { name };
        issues.push(SettingsIssue {
            message: "must not be empty".into(),
            range: which.span(),
        });
        return None;
    }
    if !ids.insert(trimmed.clone()) {
        issues.push(SettingsIssue {
            message: format!("{what} id {trimmed:?} is given twice"),
            range: id.span(),
        });
        return None;
    }
    Some(trimmed)
}

/// Gives entry `id` the names it is written with (`forms`, keyed as phrases in `names`): a name another
/// entry has is an issue, and so, when `words_needed`, is one without a word. False when any was refused.
fn claim_names<'a>(
    names: &mut std::collections::HashMap<String, String>,
    id: &str,
    forms: impl Iterator<Item = &'a Spanned<String>>,
    what: &str,
    words_needed: bool,
    issues: &mut Vec<SettingsIssue>,
) -> bool {
    let mut ok = true;
    for form in forms {
        let key = crate::analysis::lexicon::phrase_key(form.get_ref());
        if words_needed && key.is_empty() {
            issues.push(SettingsIssue {
                message: "must not be empty".into(),
                range: form.span(),
            });
            ok = false;
            continue;
        }
        match names.get(&key) {
            Some(other) if other != id => {
                issues.push(SettingsIssue {
                    message: format!("{:?} already names {what} {other:?}", form.get_ref()),
                    range: form.span(),
                });
                ok = false;
            }
            _ => {
                names.insert(key, id.to_string());
            }
        }
    }
    ok
}

/// The extra cues, each a phrase with at least one word.
fn cues_of(raw: RawCues, issues: &mut Vec<SettingsIssue>) -> Cues {
    let mut phrases = |list: Vec<Spanned<String>>| -> Vec<String> {
        list.into_iter()
            .filter_map(|p| {
                let key = crate::analysis::lexicon::phrase_key(p.get_ref());
                if key.is_empty() {
                    issues.push(SettingsIssue {
                        message: "a cue must have a word".into(),
                        range: p.span(),
                    });
                    return None;
                }
                Some(key)
            })
            .collect()
    };
    Cues {
        claims: phrases(raw.claims),
        denials: phrases(raw.denials),
    }
}

/// The date a setting gives, when it gives one that is a date; an issue when it is not.
fn checked_date(v: Option<&Spanned<toml::Value>>, issues: &mut Vec<SettingsIssue>) -> Option<Date> {
    let v = v?;
    let date = date_of(v.get_ref());
    if date.is_none() {
        issues.push(SettingsIssue {
            message: format!("date {}: expected a date such as 2026-03-05", v.get_ref()),
            range: v.span(),
        });
    }
    date
}

/// A date from a TOML date (or date-time) or a string starting with one.
fn date_of(v: &toml::Value) -> Option<Date> {
    match v {
        toml::Value::Datetime(dt) => {
            let d = dt.date?;
            Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok()
        }
        toml::Value::String(s) => super::front_matter::parse_date(s),
        _ => None,
    }
}

/// The settings file of the corpus at `root`, when there is one: its text, what it says, and its issues.
pub fn read(root: &Path) -> std::io::Result<Option<(String, CorpusSettings, Vec<SettingsIssue>)>> {
    let file = root.join(FILE_NAME);
    match std::fs::symlink_metadata(&file) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let text = std::fs::read_to_string(&file)?;
    let (settings, issues) = parse(&text);
    Ok(Some((text, settings, issues)))
}

impl CorpusSettings {
    /// Whether a file, by its path relative to the corpus root, is an article under these settings.
    pub fn is_article(&self, relative: &str) -> bool {
        if self.exclude.is_match(relative) {
            return false;
        }
        match &self.include {
            Some(set) => set.is_match(relative),
            None => super::discover::is_article_path(Path::new(relative)),
        }
    }

    /// The date and source the settings give the document at `relative` (the first rule that gives
    /// each, in the file's order).
    pub fn document(&self, relative: &str) -> DocumentSettings {
        let mut out = DocumentSettings {
            phrases: self.phrases.clone(),
            ..DocumentSettings::default()
        };
        for (glob, d) in &self.documents {
            if glob.is_match(relative) {
                if out.date.is_none() {
                    out.date = d.date;
                }
                if out.source.is_none() {
                    out.source.clone_from(&d.source);
                }
            }
        }
        out
    }

    /// Why the finding with id `id` is ignored, when it is.
    pub fn ignored(&self, id: &str) -> Option<&Ignored> {
        self.ignore.iter().find(|i| i.finding == id)
    }
}

/// Where the registries' entries are written in the file: for edits to them (code actions) and for
/// completion and hover in the file. Read leniently (unknown keys and bad values kept out of the way), so
/// that a file with mistakes elsewhere still shows where its entries are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    pub actors: Vec<EntryPlace>,
    pub events: Vec<EntryPlace>,
}

/// Where one registry entry is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryPlace {
    pub id: String,
    /// The id's value, quotes included.
    pub id_span: Range<usize>,
    /// The name's (actor) or label's (event) value, quotes included, when written.
    pub name_span: Option<Range<usize>>,
    /// The `aliases` array, brackets included, when written.
    pub aliases: Option<Range<usize>>,
}

#[derive(Deserialize)]
struct RawOutline {
    #[serde(default)]
    actors: Vec<RawPlace>,
    #[serde(default)]
    events: Vec<RawPlace>,
}

#[derive(Deserialize)]
struct RawPlace {
    id: Option<Spanned<toml::Value>>,
    name: Option<Spanned<toml::Value>>,
    label: Option<Spanned<toml::Value>>,
    aliases: Option<Spanned<toml::Value>>,
}

/// Where the registries' entries are in `text`; `None` when it is not TOML.
pub fn outline(text: &str) -> Option<Outline> {
    let raw: RawOutline = toml::from_str(text).ok()?;
    let places = |list: Vec<RawPlace>| -> Vec<EntryPlace> {
        list.into_iter()
            .filter_map(|p| {
                let id = p.id?;
                let name = p.name.or(p.label);
                Some(EntryPlace {
                    id: id.get_ref().as_str()?.trim().to_string(),
                    id_span: id.span(),
                    name_span: name.map(|n| n.span()),
                    aliases: p
                        .aliases
                        .filter(|a| a.get_ref().is_array())
                        .map(|a| a.span()),
                })
            })
            .collect()
    };
    Some(Outline {
        actors: places(raw.actors),
        events: places(raw.events),
    })
}

/// The edit (a byte range of `text` and what replaces it) that adds `alias` to the entry at `place`: into
/// its `aliases` array, or as a new `aliases` line after its name.
pub fn alias_edit(text: &str, place: &EntryPlace, alias: &str) -> Option<(Range<usize>, String)> {
    let quoted = toml::Value::String(alias.to_string()).to_string();
    match &place.aliases {
        Some(r) => {
            let inside = text.get(r.start + 1..r.end - 1)?;
            let end = r.end - 1;
            let body = inside.trim_end();
            if body.trim().is_empty() {
                Some((r.start + 1..end, quoted))
            } else if body.contains('#') {
                // a comment in the array may run to its end: the alias goes first, where none can be
                Some((r.start + 1..r.start + 1, format!("{quoted}, ")))
            } else if body.ends_with(',') {
                let at = r.start + 1 + body.len();
                Some((at..at, format!(" {quoted}")))
            } else {
                let at = r.start + 1 + body.len();
                Some((at..at, format!(", {quoted}")))
            }
        }
        None => {
            let after = place.name_span.as_ref().unwrap_or(&place.id_span).end;
            let line_end = text[after..].find('\n').map_or(text.len(), |k| after + k);
            let (at, text) = if line_end == text.len() {
                (line_end, format!("\naliases = [{quoted}]"))
            } else {
                (line_end + 1, format!("aliases = [{quoted}]\n"))
            };
            Some((at..at, text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_documents_and_ignored_findings_are_read() {
        let (s, issues) = parse(
            r#"
include = ["news/**/*.md", "wire/*.txt"]
exclude = ["news/drafts/**"]

[[documents]]
path = "wire/*.txt"
date = 2026-03-05
source = "Baltic Wire"

[[documents]]
path = "wire/late-*.txt"
date = "2026-03-09"

[[ignore]]
finding = "f-0123456789abcdef"
reason = "Satire"
"#,
        );
        assert_eq!(issues, vec![]);
        assert!(s.is_article("news/a/b.md"));
        assert!(!s.is_article("news/drafts/b.md"));
        assert!(!s.is_article("other/c.md"));
        let d = s.document("wire/late-1.txt");
        assert_eq!(
            d.date,
            Some(jiff::civil::date(2026, 3, 5)),
            "the first rule wins"
        );
        assert_eq!(d.source.as_deref(), Some("Baltic Wire"));
        assert_eq!(s.document("news/a.md").date, None);
        assert_eq!(s.document("news/a.md").source, None);
        assert_eq!(
            s.ignored("f-0123456789abcdef").map(|i| i.reason.as_str()),
            Some("Satire")
        );
        assert!(s.ignored("f-1").is_none());
    }

    #[test]
    fn the_actor_registry_is_read_and_its_mistakes_named() {
        let text = r#"
[[actors]]
id = "jonas-lindqvist"
name = "Jonas Lindqvist"
aliases = ["Jonas Lind"]
roles = ["port director"]
description = "Director of the port of Visby"
wikidata = "Q123456"

[[actors]]
id = "port-authority"
name = "Visby Port Authority"
kind = "organisation"

[[actors]]
id = "jonas-lindqvist"
name = "Another"

[[actors]]
id = "someone"
name = "Someone"
aliases = ["jonas  lind"]

[[actors]]
id = "x"
name = "X"
kind = "animal"
wikidata = "42"
"#;
        let (s, issues) = parse(text);
        let ids: Vec<&str> = s.registry.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["jonas-lindqvist", "port-authority"]);
        let lind = &s.registry.actors[0];
        assert_eq!(lind.kind, ActorKind::Person);
        assert_eq!(lind.aliases, vec!["Jonas Lind".to_string()]);
        assert_eq!(lind.wikidata.as_deref(), Some("Q123456"));
        assert_eq!(s.registry.actors[1].kind, ActorKind::Organization);
        let said: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.message.as_str(), &text[i.range.clone()]))
            .collect();
        assert_eq!(
            said,
            vec![
                (
                    "actor id \"jonas-lindqvist\" is given twice",
                    "\"jonas-lindqvist\""
                ),
                (
                    "\"jonas  lind\" already names actor \"jonas-lindqvist\"",
                    "\"jonas  lind\""
                ),
                (
                    "kind \"animal\": expected \"person\" or \"organization\"",
                    "\"animal\""
                ),
            ]
        );
    }

    #[test]
    fn the_event_registry_and_cues_are_read_and_their_mistakes_named() {
        let text = r#"
[[events]]
id = "ferry-strike"
label = "Visby ferry strike"
date = 2026-03-04
place = "Visby"
aliases = ["ferry strike", "the  Stoppage"]

[[events]]
id = "ferry-strike"
label = "Another"

[[events]]
id = "walkout"
label = "Walkout"
aliases = ["Ferry strike"]

[[events]]
id = "summit"
label = "Harbour summit"
date = "next week"

[cues]
claims = ["Sources close to"]
denials = ["set the record straight on", "  "]
"#;
        let (s, issues) = parse(text);
        let ids: Vec<&str> = s.registry.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, vec!["ferry-strike"]);
        let e = &s.registry.events[0];
        assert_eq!(e.date, Some(jiff::civil::date(2026, 3, 4)));
        assert_eq!(e.place.as_deref(), Some("Visby"));
        assert_eq!(
            e.phrases().collect::<Vec<_>>(),
            vec!["Visby ferry strike", "ferry strike", "the  Stoppage"]
        );
        assert_eq!(s.cues.claims, vec!["sources close to".to_string()]);
        assert_eq!(
            s.cues.denials,
            vec!["set the record straight on".to_string()]
        );
        // facts made with them are kept under their fingerprint
        assert_ne!(s.phrases.fingerprint(), 0);
        let said: Vec<(&str, &str)> = issues
            .iter()
            .map(|i| (i.message.as_str(), &text[i.range.clone()]))
            .collect();
        assert_eq!(
            said,
            vec![
                (
                    "event id \"ferry-strike\" is given twice",
                    "\"ferry-strike\""
                ),
                (
                    "\"Ferry strike\" already names event \"ferry-strike\"",
                    "\"Ferry strike\""
                ),
                (
                    "date \"next week\": expected a date such as 2026-03-05",
                    "\"next week\""
                ),
                ("a cue must have a word", "\"  \""),
            ]
        );
    }

    #[test]
    fn an_alias_is_added_where_the_entry_is_written() {
        let text = "[[actors]]\nid = \"a\"\nname = \"Anna Berg\"\n\n[[actors]]\nid = \"b\"\nname = \"Bo Ek\"\naliases = [\"B. Ek\"]\n\n[[events]]\nid = \"s\"\nlabel = \"Strike\"\naliases = []\nunknown = 1\n\n[[events]]\nid = \"t\"\nlabel = \"T\"";
        let o = outline(text).expect("an outline");
        let ids: Vec<&str> = o
            .actors
            .iter()
            .chain(&o.events)
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, vec!["a", "b", "s", "t"]);
        let with = |place: &EntryPlace, alias: &str| {
            let (r, new) = alias_edit(text, place, alias).expect("an edit");
            let mut t = text.to_string();
            t.replace_range(r, &new);
            let (s, issues) = parse(&t.replace("unknown = 1\n", ""));
            assert_eq!(issues, vec![], "{t}");
            s
        };
        let s = with(&o.actors[0], "Anna \"Annie\" Berg");
        assert_eq!(s.registry.actors[0].aliases, vec!["Anna \"Annie\" Berg"]);
        let s = with(&o.actors[1], "Bo Eck");
        assert_eq!(s.registry.actors[1].aliases, vec!["B. Ek", "Bo Eck"]);
        let s = with(&o.events[0], "walkout");
        assert_eq!(s.registry.events[0].aliases, vec!["walkout"]);
        let s = with(&o.events[1], "the T");
        assert_eq!(s.registry.events[1].aliases, vec!["the T"]);
        // an array with a comment in it: the alias goes first
        let text = "[[actors]]\nid = \"a\"\nname = \"Anna Berg\"\naliases = [\n  \"A. Berg\", # her byline\n]\n";
        let o = outline(text).expect("an outline");
        let (r, new) = alias_edit(text, &o.actors[0], "Annie Berg").expect("an edit");
        let mut t = text.to_string();
        t.replace_range(r, &new);
        let (s, issues) = parse(&t);
        assert_eq!(issues, vec![], "{t}");
        assert_eq!(s.registry.actors[0].aliases, vec!["Annie Berg", "A. Berg"]);
        assert_eq!(outline("[[actors]\n"), None);
    }

    #[test]
    fn mistakes_are_issues_with_the_range_they_concern() {
        let text = "exclude = [\"a/{b\"]\n[[documents]]\npath = \"x/*.txt\"\ndate = \"soon\"\n";
        let (s, issues) = parse(text);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(&text[issues[0].range.clone()], "\"a/{b\"");
        assert_eq!(&text[issues[1].range.clone()], "\"soon\"");
        // the rest still applies
        assert!(s.is_article("x/a.txt"));

        let text = "include = [\"*.md\"]\n[[actor]]\nname = \"Anna Berg\"\n";
        let (s, issues) = parse(text);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].message.contains("unknown field `actor`"),
            "{issues:?}"
        );
        assert_eq!(&text[issues[0].range.clone()], "actor");
        assert!(s.is_article("a.txt"), "the defaults apply");

        let (_, issues) = parse("include = [\n");
        assert_eq!(issues.len(), 1);
        let (_, issues) = parse("[[ignore]]\nfinding = \"f-1\"\n");
        assert!(issues[0].message.contains("reason"), "{issues:?}");
    }
}
