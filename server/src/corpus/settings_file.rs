//! The corpus's own settings file, `dateline.toml` at its root: which files are articles (include and
//! exclude globs), the date and source of documents by path, a registry of actors that takes precedence
//! over what is inferred, and findings to ignore with a reason. Read
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
//! [[ignore]]                          # a finding not to report, by the id `check` gives it
//! finding = "f-3a9c0d125e7b41f2"
//! reason = "Satire; not a claim"
//! ```

use crate::analysis::ActorKind;
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
    /// The actor registry, in the file's order.
    pub actors: std::sync::Arc<Vec<RegisteredActor>>,
    /// A hash of the file's text (0 without a file): caches of results depend on it.
    pub fingerprint: u64,
}

/// A document's date and source, as the settings give them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentSettings {
    pub date: Option<Date>,
    pub source: Option<String>,
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
    ignore: Vec<RawIgnored>,
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
        for g in globs {
            match Glob::new(g.get_ref()) {
                Ok(glob) => {
                    b.add(glob);
                }
                Err(e) => issues.push(SettingsIssue {
                    message: format!("glob {:?}: {}", g.get_ref(), e.kind()),
                    range: g.span(),
                }),
            }
        }
        b.build().unwrap_or_else(|_| GlobSet::empty())
    };
    // an empty include list selects nothing, which nobody means: it is the default
    let include = raw.include.filter(|g| !g.is_empty()).map(|g| glob_set(&g));
    let exclude = glob_set(&raw.exclude);
    let mut documents = Vec::new();
    for d in raw.documents {
        let glob = match Glob::new(d.path.get_ref()) {
            Ok(g) => g.compile_matcher(),
            Err(e) => {
                issues.push(SettingsIssue {
                    message: format!("glob {:?}: {}", d.path.get_ref(), e.kind()),
                    range: d.path.span(),
                });
                continue;
            }
        };
        let date = match &d.date {
            None => None,
            Some(v) => match date_of(v.get_ref()) {
                Some(date) => Some(date),
                None => {
                    issues.push(SettingsIssue {
                        message: format!(
                            "date {}: expected a date such as 2026-03-05",
                            v.get_ref()
                        ),
                        range: v.span(),
                    });
                    None
                }
            },
        };
        documents.push((
            glob,
            DocumentSettings {
                date,
                source: d.source,
            },
        ));
    }
    let actors = registry(raw.actors, &mut issues);
    let ignore = raw
        .ignore
        .into_iter()
        .map(|i| Ignored {
            finding: i.finding,
            reason: i.reason,
        })
        .collect();
    let settings = CorpusSettings {
        include,
        exclude,
        documents,
        ignore,
        actors: std::sync::Arc::new(actors),
        fingerprint,
    };
    (settings, issues)
}

/// The actor registry: each entry checked (a kind it knows, an id and name not empty, an id, name or
/// alias not given twice, a Wikidata id of the form Q123); an entry with a mistake is left out.
fn registry(raw: Vec<RawActor>, issues: &mut Vec<SettingsIssue>) -> Vec<RegisteredActor> {
    let mut out: Vec<RegisteredActor> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut names: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for a in raw {
        let mut problem = |message: String, range: Range<usize>| {
            issues.push(SettingsIssue { message, range });
        };
        let kind = match a.kind.as_ref().map(|k| k.get_ref().to_ascii_lowercase()) {
            None => ActorKind::Person,
            Some(k) if k == "person" => ActorKind::Person,
            Some(k) if matches!(k.as_str(), "organization" | "organisation" | "org") => {
                ActorKind::Organization
            }
            Some(k) => {
                let span = a.kind.as_ref().map_or(0..0, Spanned::span);
                problem(
                    format!("kind {k:?}: expected \"person\" or \"organization\""),
                    span,
                );
                continue;
            }
        };
        let id = a.id.get_ref().trim().to_string();
        if id.is_empty() || a.name.get_ref().trim().is_empty() {
            let which = if id.is_empty() { &a.id } else { &a.name };
            problem("must not be empty".into(), which.span());
            continue;
        }
        if !ids.insert(id.clone()) {
            problem(format!("actor id {id:?} is given twice"), a.id.span());
            continue;
        }
        if let Some(w) = &a.wikidata {
            let q = w.get_ref();
            let valid =
                q.len() > 1 && q.starts_with('Q') && q[1..].chars().all(|c| c.is_ascii_digit());
            if !valid {
                problem(
                    format!("wikidata {q:?}: expected an item id such as \"Q42\""),
                    w.span(),
                );
                continue;
            }
        }
        // a name or alias says who it is: two actors may not share one
        let mut clash = false;
        for form in std::iter::once(&a.name).chain(&a.aliases) {
            let key = crate::analysis::lexicon::phrase_key(form.get_ref());
            match names.get(&key) {
                Some(other) if *other != id => {
                    problem(
                        format!("{:?} already names actor {other:?}", form.get_ref()),
                        form.span(),
                    );
                    clash = true;
                }
                _ => {
                    names.insert(key, id.clone());
                }
            }
        }
        if clash {
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
        let mut out = DocumentSettings::default();
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
        assert_eq!(s.document("news/a.md"), DocumentSettings::default());
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
        let ids: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["jonas-lindqvist", "port-authority"]);
        let lind = &s.actors[0];
        assert_eq!(lind.kind, ActorKind::Person);
        assert_eq!(lind.aliases, vec!["Jonas Lind".to_string()]);
        assert_eq!(lind.wikidata.as_deref(), Some("Q123456"));
        assert_eq!(s.actors[1].kind, ActorKind::Organization);
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
