//! brat standoff annotations (`article.ann` beside `article.txt`): text-bound annotations (`T`, with
//! discontinuous spans), events (`E`), attributes and modifications (`A`, `M`), normalisations (`N`: the
//! shared id that links mentions across documents), relations (`R`), equivalences (`*`) and notes (`#`).
//! Read into plain data with byte offsets into the article's text (brat counts characters); a line that
//! cannot be read, a span outside the text or whose text differs from the article's, and a reference to
//! an id the file does not define are issues naming the line.

use std::collections::HashSet;

/// A text-bound annotation: an entity mention or an event trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    pub id: String,
    pub kind: String,
    /// Byte ranges in the article's text, in the file's order.
    pub spans: Vec<(usize, usize)>,
    /// The text the file gives for it.
    pub text: String,
}

/// An event: its type, its trigger (a `T` id) and its arguments (role, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub kind: String,
    pub trigger: String,
    pub args: Vec<(String, String)>,
}

/// An attribute (`A`) or modification (`M`) of an annotation: a flag ("Negation") or a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    pub target: String,
    pub value: Option<String>,
}

/// A normalisation: the annotation `target` refers to `key` in resource `resource` ("ECBplus:ACT123").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalization {
    pub id: String,
    pub kind: String,
    pub target: String,
    pub resource: String,
    pub key: String,
    pub text: String,
}

/// A relation between annotations (role, id pairs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    pub kind: String,
    pub args: Vec<(String, String)>,
}

/// A note on an annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub kind: String,
    pub target: String,
    pub text: String,
}

/// Everything an `.ann` file says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    pub text_bound: Vec<TextBound>,
    pub events: Vec<Event>,
    pub attributes: Vec<Attribute>,
    pub normalizations: Vec<Normalization>,
    pub relations: Vec<Relation>,
    /// Each set of equivalent annotations, with its type.
    pub equivalences: Vec<(String, Vec<String>)>,
    pub notes: Vec<Note>,
}

impl Annotations {
    /// What the analysis takes from them: text-bound annotations of people (a type with `PER`, as
    /// `Person` or ECB+'s `HUMAN_PART_PER`) and organisations (`ORG`), and event triggers (the trigger of
    /// an `E` line, or a type starting `ACTION` or `NEG_ACTION` as in ECB+), negated when their type starts
    /// `NEG_` or a `Negation` attribute is on them or on their event.
    pub fn for_analysis(&self) -> crate::analysis::annotated::Annotated {
        use crate::analysis::{ActorKind, Span};
        let hull = |t: &TextBound| -> Option<Span> {
            let start = t.spans.iter().map(|s| s.0).min()?;
            let end = t.spans.iter().map(|s| s.1).max()?;
            Some(Span::new(start, end))
        };
        let negated_ids: HashSet<&str> = self
            .attributes
            .iter()
            .filter(|a| a.name.eq_ignore_ascii_case("negation"))
            .map(|a| a.target.as_str())
            .collect();
        let mut triggers: HashSet<&str> = HashSet::new();
        let mut negated_triggers: HashSet<&str> = HashSet::new();
        for e in &self.events {
            triggers.insert(e.trigger.as_str());
            if negated_ids.contains(e.id.as_str()) {
                negated_triggers.insert(e.trigger.as_str());
            }
        }
        let mut out = crate::analysis::annotated::Annotated::default();
        for t in &self.text_bound {
            let Some(span) = hull(t) else { continue };
            let kind = t.kind.to_ascii_uppercase();
            let event = triggers.contains(t.id.as_str())
                || kind.starts_with("ACTION")
                || kind.starts_with("NEG_ACTION");
            if event {
                let negated = kind.starts_with("NEG_")
                    || negated_ids.contains(t.id.as_str())
                    || negated_triggers.contains(t.id.as_str());
                out.events.push((span, negated));
            } else if kind.contains("PER") && !kind.contains("PERCENT") {
                out.actors.push((span, ActorKind::Person));
            } else if kind.contains("ORG") {
                out.actors.push((span, ActorKind::Organization));
            }
        }
        // nested or overlapping annotations of actors: the first written stays
        let mut kept: Vec<(Span, ActorKind)> = Vec::new();
        for a in out.actors {
            if !kept
                .iter()
                .any(|k| k.0.start < a.0.end && a.0.start < k.0.end)
            {
                kept.push(a);
            }
        }
        out.actors = kept;
        out
    }

    /// These annotations after an edit of their text that made `new_text` (`start..old_end` of the old text
    /// became `start..new_end`): spans after the edit move with it, spans around it grow or shrink, a span
    /// that reached into it keeps the part outside, and a text-bound annotation left with no text is
    /// removed together with everything that refers to it. The texts the file gives are taken again from
    /// `new_text`.
    pub fn shifted(
        &self,
        (start, old_end, new_end): (usize, usize, usize),
        new_text: &str,
    ) -> Annotations {
        let delta = |x: usize| x + new_end - old_end;
        let moved = |(s, e): (usize, usize)| -> Option<(usize, usize)> {
            // an insertion where a span starts goes before it; a replacement that starts where it starts
            // becomes its beginning
            let s2 = if s < start || (s == start && start != old_end) {
                s
            } else if s >= old_end {
                delta(s)
            } else {
                new_end
            };
            let e2 = if e <= start {
                e
            } else if e >= old_end {
                delta(e)
            } else {
                start
            };
            (s2 < e2).then_some((s2, e2))
        };
        let mut out = self.clone();
        out.text_bound = self
            .text_bound
            .iter()
            .filter_map(|t| {
                let spans: Vec<(usize, usize)> = t.spans.iter().filter_map(|&x| moved(x)).collect();
                if spans.is_empty() {
                    return None;
                }
                let text = spans
                    .iter()
                    .filter_map(|&(s, e)| new_text.get(s..e))
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(TextBound {
                    spans,
                    text,
                    ..t.clone()
                })
            })
            .collect();
        out.without_dangling();
        out
    }

    /// Removes what refers to an annotation that is not there (after text-bound ones were removed), until
    /// nothing does.
    fn without_dangling(&mut self) {
        loop {
            let ids: HashSet<String> = self
                .text_bound
                .iter()
                .map(|t| t.id.clone())
                .chain(self.events.iter().map(|e| e.id.clone()))
                .chain(self.relations.iter().map(|r| r.id.clone()))
                .collect();
            let before = (
                self.events.len(),
                self.attributes.len(),
                self.normalizations.len(),
                self.relations.len(),
                self.notes.len(),
            );
            let has = |id: &String| ids.contains(id);
            self.events
                .retain(|e| has(&e.trigger) && e.args.iter().all(|(_, a)| has(a)));
            self.relations
                .retain(|r| r.args.iter().all(|(_, a)| has(a)));
            self.attributes.retain(|a| has(&a.target));
            self.normalizations.retain(|n| has(&n.target));
            // a note may be on any annotation, its own kinds included
            let all: HashSet<&String> = ids
                .iter()
                .chain(self.attributes.iter().map(|a| &a.id))
                .chain(self.normalizations.iter().map(|n| &n.id))
                .collect();
            self.notes.retain(|n| all.contains(&n.target));
            for (_, members) in &mut self.equivalences {
                members.retain(|m| ids.contains(m));
            }
            self.equivalences.retain(|(_, m)| m.len() > 1);
            let after = (
                self.events.len(),
                self.attributes.len(),
                self.normalizations.len(),
                self.relations.len(),
                self.notes.len(),
            );
            if before == after {
                return;
            }
        }
    }

    /// How many text-bound annotations differ from `other`'s (moved, changed or not there).
    pub fn moved_from(&self, other: &Annotations) -> usize {
        let gone = other.text_bound.len().saturating_sub(self.text_bound.len());
        let changed = self
            .text_bound
            .iter()
            .filter(|t| {
                other
                    .text_bound
                    .iter()
                    .find(|o| o.id == t.id)
                    .is_none_or(|o| o.spans != t.spans || o.text != t.text)
            })
            .count();
        gone + changed
    }
}

/// The types an `annotation.conf` declares, by section: what brat lets annotators use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub entities: HashSet<String>,
    pub events: HashSet<String>,
    pub relations: HashSet<String>,
    pub attributes: HashSet<String>,
}

/// Reads an `annotation.conf`: the first word of each line of each section (`!` and the indentation of a
/// hierarchy taken off); comments, macros (`<POG>=…`) and unknown sections left out.
pub fn parse_config(conf: &str) -> Config {
    let mut out = Config::default();
    let mut section: Option<&mut HashSet<String>> = None;
    for line in conf.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name.trim() {
                "entities" => Some(&mut out.entities),
                "events" => Some(&mut out.events),
                "relations" => Some(&mut out.relations),
                "attributes" => Some(&mut out.attributes),
                _ => None,
            };
            continue;
        }
        let Some(set) = section.as_deref_mut() else {
            continue;
        };
        if line.starts_with('<') {
            continue; // a macro
        }
        if let Some(word) = line.split_whitespace().next() {
            set.insert(word.trim_start_matches('!').to_string());
        }
    }
    out
}

/// The lines of `ann` whose type `conf` does not declare, as issues naming the line: a text-bound
/// annotation's among the entities and events, an event's among the events, a relation's among the
/// relations, an attribute's among the attributes. A section the file leaves empty allows nothing; brat's
/// special types (`Equiv`) pass.
pub fn check_types(ann: &str, conf: &Config) -> Vec<AnnIssue> {
    let mut issues = Vec::new();
    for (n, raw) in ann.lines().enumerate() {
        let mut fields = raw.trim_end_matches('\r').split('\t');
        let id = fields.next().unwrap_or("");
        let body = fields.next().unwrap_or("");
        let first = body.split_whitespace().next().unwrap_or("");
        let (kind, allowed, section) = match id.chars().next() {
            Some('T') => (
                first,
                conf.entities.contains(first) || conf.events.contains(first),
                "entities or events",
            ),
            Some('E') => {
                let kind = first.split(':').next().unwrap_or("");
                (kind, conf.events.contains(kind), "events")
            }
            Some('R') => (first, conf.relations.contains(first), "relations"),
            Some('A' | 'M') => (first, conf.attributes.contains(first), "attributes"),
            _ => continue,
        };
        if !kind.is_empty() && !allowed {
            issues.push(AnnIssue {
                line: n + 1,
                message: format!(
                    "{id}: type {kind:?} is not among the {section} of annotation.conf"
                ),
            });
        }
    }
    issues
}

/// A line of the file that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnIssue {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// `role:id` → (role, id).
fn pair(s: &str) -> Option<(String, String)> {
    let (a, b) = s.split_once(':')?;
    (!a.is_empty() && !b.is_empty()).then(|| (a.to_string(), b.to_string()))
}

/// Byte offset of each character offset, for the offsets brat writes (characters, not bytes).
struct CharOffsets(Vec<usize>);

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        v.push(text.len());
        CharOffsets(v)
    }

    fn byte(&self, chars: usize) -> Option<usize> {
        self.0.get(chars).copied()
    }
}

/// Reads the annotations of `text` from `ann`. Lines that cannot be read are left out, with an issue.
pub fn parse(ann: &str, text: &str) -> (Annotations, Vec<AnnIssue>) {
    let offsets = CharOffsets::new(text);
    let mut out = Annotations::default();
    let mut issues = Vec::new();
    for (n, raw) in ann.lines().enumerate() {
        let line = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let mut issue = |message: String| issues.push(AnnIssue { line, message });
        let fields: Vec<&str> = raw.split('\t').collect();
        let id = fields[0];
        let body = fields.get(1).copied().unwrap_or("");
        let rest = fields.get(2).copied();
        let words: Vec<&str> = body.split_whitespace().collect();
        match id.chars().next() {
            Some('T') => {
                let Some((kind, spans_text)) = body.split_once(' ') else {
                    issue(format!("{id}: expected TYPE START END, found {body:?}"));
                    continue;
                };
                let mut spans = Vec::new();
                let mut bad = None;
                for part in spans_text.split(';') {
                    let nums: Vec<&str> = part.split_whitespace().collect();
                    let parsed = match nums.as_slice() {
                        [a, b] => a.parse::<usize>().ok().zip(b.parse::<usize>().ok()),
                        _ => None,
                    };
                    match parsed {
                        Some((a, b)) if a <= b => match (offsets.byte(a), offsets.byte(b)) {
                            (Some(x), Some(y)) => spans.push((x, y)),
                            _ => {
                                bad = Some(format!(
                                    "{id}: span {a}–{b} ends past the text ({} characters)",
                                    offsets.0.len() - 1
                                ));
                                break;
                            }
                        },
                        _ => {
                            bad = Some(format!("{id}: expected START END offsets, found {part:?}"));
                            break;
                        }
                    }
                }
                if let Some(m) = bad {
                    issue(m);
                    continue;
                }
                let given = rest.unwrap_or("").to_string();
                let actual: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
                // a span across a line end reads with a space there: the file is one annotation a line
                let actual = one_line(&actual.join(" "));
                if rest.is_some() && actual != given {
                    issue(format!(
                        "{id}: the text at its offsets is {actual:?}, the file says {given:?}"
                    ));
                    continue;
                }
                out.text_bound.push(TextBound {
                    id: id.to_string(),
                    kind: kind.to_string(),
                    spans,
                    text: actual,
                });
            }
            Some('E') => {
                let Some((kind, trigger)) = words.first().and_then(|w| pair(w)) else {
                    issue(format!("{id}: expected TYPE:TRIGGER, found {body:?}"));
                    continue;
                };
                let mut args = Vec::new();
                for w in &words[1..] {
                    match pair(w) {
                        Some(p) => args.push(p),
                        None => {
                            issue(format!("{id}: expected ROLE:ID, found {w:?}"));
                        }
                    }
                }
                out.events.push(Event {
                    id: id.to_string(),
                    kind,
                    trigger,
                    args,
                });
            }
            Some('A' | 'M') => match words.as_slice() {
                [name, target] | [name, target, _] => out.attributes.push(Attribute {
                    id: id.to_string(),
                    name: name.to_string(),
                    target: target.to_string(),
                    value: words.get(2).map(|v| v.to_string()),
                }),
                _ => issue(format!("{id}: expected NAME ID [VALUE], found {body:?}")),
            },
            Some('N') => match words.as_slice() {
                [kind, target, reference] => match reference.split_once(':') {
                    Some((resource, key)) if !resource.is_empty() && !key.is_empty() => {
                        out.normalizations.push(Normalization {
                            id: id.to_string(),
                            kind: kind.to_string(),
                            target: target.to_string(),
                            resource: resource.to_string(),
                            key: key.to_string(),
                            text: rest.unwrap_or("").to_string(),
                        })
                    }
                    _ => issue(format!("{id}: expected RESOURCE:KEY, found {reference:?}")),
                },
                _ => issue(format!(
                    "{id}: expected TYPE ID RESOURCE:KEY, found {body:?}"
                )),
            },
            Some('R') => {
                let args: Option<Vec<(String, String)>> = words[1.min(words.len())..]
                    .iter()
                    .map(|w| pair(w))
                    .collect();
                match (words.first(), args) {
                    (Some(kind), Some(args)) if args.len() >= 2 => out.relations.push(Relation {
                        id: id.to_string(),
                        kind: kind.to_string(),
                        args,
                    }),
                    _ => issue(format!(
                        "{id}: expected TYPE ROLE:ID ROLE:ID, found {body:?}"
                    )),
                }
            }
            Some('*') => match words.split_first() {
                Some((kind, ids)) if ids.len() >= 2 => out.equivalences.push((
                    kind.to_string(),
                    ids.iter().map(|s| s.to_string()).collect(),
                )),
                _ => issue(format!("{id}: expected TYPE ID ID…, found {body:?}")),
            },
            Some('#') => match words.as_slice() {
                [kind, target] => out.notes.push(Note {
                    id: id.to_string(),
                    kind: kind.to_string(),
                    target: target.to_string(),
                    text: rest.unwrap_or("").to_string(),
                }),
                _ => issue(format!("{id}: expected TYPE ID, found {body:?}")),
            },
            _ => issue(format!(
                "{id:?}: not an annotation id (T, E, A, M, N, R, * or #)"
            )),
        }
    }
    check_references(ann, &out, &mut issues);
    (out, issues)
}

/// `s` with its line ends and tabs as spaces: a field of an `.ann` line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A text-bound annotation's line (no line end); `chars`: the character offset of a byte offset.
fn text_bound_line(t: &TextBound, chars: impl Fn(usize) -> usize) -> String {
    let spans: Vec<String> = t
        .spans
        .iter()
        .map(|&(s, e)| format!("{} {}", chars(s), chars(e)))
        .collect();
    format!(
        "{}\t{} {}\t{}",
        t.id,
        t.kind,
        spans.join(";"),
        one_line(&t.text)
    )
}

/// The lines of the `.ann` file `ann` (which says `read`) to change so that it says `now` (the same
/// annotations moved through edits of the article, whose text is now `text`; see
/// [`Annotations::shifted`]): by line index, the new line (no line end), or `None` to remove it. The
/// other lines, their order and comments stay as the file has them.
pub fn updated_lines(
    ann: &str,
    read: &Annotations,
    now: &Annotations,
    text: &str,
) -> Vec<(usize, Option<String>)> {
    let offsets = CharOffsets::new(text);
    let chars = |byte: usize| offsets.0.partition_point(|&b| b < byte);
    let kept: HashSet<&str> = every_id(now).collect();
    let known: HashSet<&str> = every_id(read).collect();
    let mut out = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let id = line.split('\t').next().unwrap_or("");
        if id == "*" {
            // an equivalence: its members that are gone leave it, and it goes with fewer than two
            let mut fields = line.splitn(2, '\t');
            let (_, rest) = (fields.next(), fields.next().unwrap_or(""));
            let mut words = rest.split(' ');
            let kind = words.next().unwrap_or("");
            let members: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
            let left: Vec<&str> = members
                .iter()
                .copied()
                .filter(|m| kept.contains(m))
                .collect();
            if left.len() != members.len() {
                out.push((
                    i,
                    (left.len() > 1).then(|| format!("*\t{kind} {}", left.join(" "))),
                ));
            }
            continue;
        }
        if !known.contains(id) {
            continue; // a line that was not read (a mistake, a blank line) stays as it is
        }
        if !kept.contains(id) {
            out.push((i, None));
            continue;
        }
        let (Some(t), Some(was)) = (
            now.text_bound.iter().find(|t| t.id == id),
            read.text_bound.iter().find(|t| t.id == id),
        ) else {
            continue;
        };
        if t != was {
            out.push((i, Some(text_bound_line(t, chars))));
        }
    }
    out
}

/// The annotations as an `.ann` file of `text` (offsets turned back into characters): every line
/// [`parse`] read, in the order T, E, A/M, N, R, *, #.
pub fn write(a: &Annotations, text: &str) -> String {
    use std::fmt::Write as _;
    let chars = |byte: usize| text.get(..byte).map_or(0, |t| t.chars().count());
    let mut out = String::new();
    for t in &a.text_bound {
        let _ = writeln!(out, "{}", text_bound_line(t, chars));
    }
    let pairs = |args: &[(String, String)]| {
        args.iter()
            .map(|(r, i)| format!("{r}:{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for e in &a.events {
        let args = pairs(&e.args);
        let sep = if args.is_empty() { "" } else { " " };
        let _ = writeln!(out, "{}\t{}:{}{sep}{args}", e.id, e.kind, e.trigger);
    }
    for x in &a.attributes {
        let value = x
            .value
            .as_deref()
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}\t{} {}{value}", x.id, x.name, x.target);
    }
    for n in &a.normalizations {
        let _ = writeln!(
            out,
            "{}\t{} {} {}:{}\t{}",
            n.id,
            n.kind,
            n.target,
            n.resource,
            n.key,
            one_line(&n.text)
        );
    }
    for r in &a.relations {
        let _ = writeln!(out, "{}\t{} {}", r.id, r.kind, pairs(&r.args));
    }
    for (kind, ids) in &a.equivalences {
        let _ = writeln!(out, "*\t{kind} {}", ids.join(" "));
    }
    for n in &a.notes {
        let _ = writeln!(out, "{}\t{} {}\t{}", n.id, n.kind, n.target, n.text);
    }
    out
}

/// An issue for each reference to an id the file does not define.
/// The ids of the annotations a line may refer to: text-bound annotations, events, relations, attributes
/// and normalisations.
fn ids_of(a: &Annotations) -> impl Iterator<Item = &str> {
    (a.text_bound.iter().map(|t| t.id.as_str()))
        .chain(a.events.iter().map(|e| e.id.as_str()))
        .chain(a.relations.iter().map(|r| r.id.as_str()))
        .chain(a.attributes.iter().map(|x| x.id.as_str()))
        .chain(a.normalizations.iter().map(|n| n.id.as_str()))
}

/// The ids of every annotation with one: those [`ids_of`] gives, and the notes'.
fn every_id(a: &Annotations) -> impl Iterator<Item = &str> {
    ids_of(a).chain(a.notes.iter().map(|n| n.id.as_str()))
}

fn check_references(ann: &str, a: &Annotations, issues: &mut Vec<AnnIssue>) {
    // notes and attributes may be on any annotation (a relation, say), events' arguments on entities and
    // events
    let defined: HashSet<&str> = ids_of(a).collect();
    let line_of = |id: &str| {
        ann.lines()
            .position(|l| l.split('\t').next() == Some(id))
            .map_or(0, |k| k + 1)
    };
    let mut missing = |from: &str, to: &str| {
        if !defined.contains(to) {
            issues.push(AnnIssue {
                line: line_of(from),
                message: format!("{from}: {to} is not defined in this file"),
            });
        }
    };
    for e in &a.events {
        missing(&e.id, &e.trigger);
        for (_, id) in &e.args {
            missing(&e.id, id);
        }
    }
    for x in &a.attributes {
        missing(&x.id, &x.target);
    }
    for n in &a.normalizations {
        missing(&n.id, &n.target);
    }
    for r in &a.relations {
        for (_, id) in &r.args {
            missing(&r.id, id);
        }
    }
    for n in &a.notes {
        missing(&n.id, &n.target);
    }
    issues.sort_by_key(|i| i.line);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Tara Reid checked herself into Promises Treatment Center, her rep told People.";

    #[test]
    fn every_kind_of_line_is_read_with_byte_offsets() {
        let ann = "T1\tPerson 0 9\tTara Reid\n\
                   T2\tCheckIn 10 17;26 30\tchecked into\n\
                   T3\tPerson 18 25\therself\n\
                   E1\tCheckIn:T2 Agent:T1 Place:T4\n\
                   T4\tFacility 31 56\tPromises Treatment Center\n\
                   A1\tNegation E1\n\
                   M2\tConfidence E1 High\n\
                   N1\tReference T1 ECBplus:HUM162\ttara_reid\n\
                   R1\tSameAs Arg1:T1 Arg2:T3\n\
                   *\tEquiv T1 T3\n\
                   #1\tAnnotatorNotes T2\tdiscontinuous\n";
        let (a, issues) = parse(ann, TEXT);
        assert_eq!(issues, vec![]);
        assert_eq!(a.text_bound[1].spans, vec![(10, 17), (26, 30)]);
        assert_eq!(a.text_bound[1].text, "checked into");
        assert_eq!(a.events[0].trigger, "T2");
        assert_eq!(
            a.events[0].args,
            vec![
                ("Agent".to_string(), "T1".to_string()),
                ("Place".to_string(), "T4".to_string())
            ]
        );
        assert_eq!(a.attributes[0].value, None);
        assert_eq!(a.attributes[1].value.as_deref(), Some("High"));
        assert_eq!(a.normalizations[0].resource, "ECBplus");
        assert_eq!(a.normalizations[0].key, "HUM162");
        assert_eq!(a.relations[0].args.len(), 2);
        assert_eq!(
            a.equivalences[0].1,
            vec!["T1".to_string(), "T3".to_string()]
        );
        assert_eq!(a.notes[0].text, "discontinuous");
    }

    #[test]
    fn what_is_read_is_written_back_the_same() {
        let text = "Señor Muñoz checked herself into Promises Treatment Center.";
        let ann = "T1\tPerson 0 11\tSeñor Muñoz\n\
                   T2\tCheckIn 12 19;28 32\tchecked into\n\
                   E1\tCheckIn:T2 Agent:T1\n\
                   A1\tNegation E1\n\
                   N1\tReference T1 Wikidata:Q1\tmuñoz\n\
                   R1\tSameAs Arg1:T1 Arg2:T2\n\
                   *\tEquiv T1 T2\n\
                   #1\tAnnotatorNotes T2\tnote\n";
        let (a, issues) = parse(ann, text);
        assert_eq!(issues, vec![]);
        assert_eq!(write(&a, text), ann);
        // a span across a line end reads (and is written) with a space there
        let text = "Tara\nReid went";
        let (a, issues) = parse("T1\tPER 0 9\tTara Reid\n", text);
        assert_eq!(issues, vec![]);
        assert_eq!(write(&a, text), "T1\tPER 0 9\tTara Reid\n");
    }

    #[test]
    fn annotations_move_with_an_edit_and_what_lost_its_text_goes() {
        let old = "Tara Reid checked into rehab in Malibu.";
        let ann = "T1\tPER 0 9\tTara Reid\nT2\tACT 10 17\tchecked\nT3\tLOC 32 38\tMalibu\nE1\tCheck:T2 Agent:T1 Place:T3\nN1\tReference T3 Wikidata:Q387047\tMalibu\nA1\tNegation E1\n#1\tNote T2\tthe verb\n";
        let (a, issues) = parse(ann, old);
        assert_eq!(issues, vec![]);
        let edit = |a: &Annotations, old: &str, new: &str| {
            let (s, oe, ne) = crate::index::edit_between(old, new);
            a.shifted((s, oe, ne), new)
        };
        // an insertion before everything moves everything
        let new = format!("Actress {old}");
        let b = edit(&a, old, &new);
        assert_eq!(parse(&write(&b, &new), &new), (b.clone(), vec![]));
        assert_eq!(b.text_bound[0].spans, vec![(8, 17)]);
        assert_eq!(b.moved_from(&a), 3);
        // a word inserted inside a span grows it; one after it leaves it
        let new = old.replace("Tara Reid", "Tara Jean Reid");
        let b = edit(&a, old, &new);
        assert_eq!(b.text_bound[0].text, "Tara Jean Reid");
        assert_eq!(b.text_bound[2].text, "Malibu");
        assert_eq!(parse(&write(&b, &new), &new).1, vec![]);
        // the place deleted: its annotation goes, with the event that has it as an argument, the
        // normalisation of it, and the attribute of that event; the note on the verb stays
        let new = old.replace(" in Malibu", "");
        let b = edit(&a, old, &new);
        let ids: Vec<&str> = b.text_bound.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["T1", "T2"]);
        assert!(b.events.is_empty() && b.normalizations.is_empty() && b.attributes.is_empty());
        assert_eq!(b.notes.len(), 1);
        assert_eq!(parse(&write(&b, &new), &new).1, vec![]);
        assert_eq!(b.moved_from(&a), 1);
        // the file changed line by line says the same as the annotations moved
        let mut lines: Vec<Option<String>> = ann.lines().map(|l| Some(l.to_string())).collect();
        for (i, l) in updated_lines(ann, &a, &b, &new) {
            lines[i] = l;
        }
        let updated: String = lines.into_iter().flatten().map(|l| l + "\n").collect();
        assert_eq!(
            updated,
            "T1\tPER 0 9\tTara Reid\nT2\tACT 10 17\tchecked\n#1\tNote T2\tthe verb\n"
        );
        assert_eq!(parse(&updated, &new), (b, vec![]));
    }

    #[test]
    fn types_annotation_conf_does_not_declare_are_issues() {
        let conf = parse_config(
            "# types\n[entities]\nPerson\n!Place\n\tCity\n[relations]\nLocated Arg1:Person, Arg2:City\n<POG>=Person\n[events]\nMeet Agent:Person\n[attributes]\nNegation Arg:<EVENT>\n",
        );
        assert!(conf.entities.contains("City") && conf.entities.contains("Place"));
        assert!(!conf.relations.contains("<POG>=Person"));
        let ann = "T1\tPerson 0 4\tAnna\nT2\tAnimal 5 8\tcat\nT3\tMeet 9 13\tmeet\nE1\tMeet:T3 Agent:T1\nE2\tParty:T3\nR1\tLocated Arg1:T1 Arg2:T2\nR2\tOwns Arg1:T1 Arg2:T2\nA1\tNegation E1\nA2\tSpeculation E1\n*\tEquiv T1 T2\n";
        let said: Vec<(usize, String)> = check_types(ann, &conf)
            .into_iter()
            .map(|i| (i.line, i.message))
            .collect();
        assert_eq!(
            said,
            vec![
                (
                    2,
                    "T2: type \"Animal\" is not among the entities or events of annotation.conf"
                        .into()
                ),
                (
                    5,
                    "E2: type \"Party\" is not among the events of annotation.conf".into()
                ),
                (
                    7,
                    "R2: type \"Owns\" is not among the relations of annotation.conf".into()
                ),
                (
                    9,
                    "A2: type \"Speculation\" is not among the attributes of annotation.conf"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "Señor Muñoz met Zoë.";
        let (a, issues) = parse("T1\tPerson 6 11\tMuñoz\nT2\tPerson 16 19\tZoë\n", text);
        assert_eq!(issues, vec![]);
        assert_eq!(
            &text[a.text_bound[0].spans[0].0..a.text_bound[0].spans[0].1],
            "Muñoz"
        );
        assert_eq!(
            &text[a.text_bound[1].spans[0].0..a.text_bound[1].spans[0].1],
            "Zoë"
        );
    }

    #[test]
    fn malformed_lines_wrong_offsets_and_unknown_ids_are_issues_naming_the_line() {
        let ann = "T1\tPerson 0 9\tTara Reid\n\
                   T2\tPerson 0 4\tTara Reid\n\
                   T3\tPerson 70 99\tfar\n\
                   T4\tPerson nine ten\tx\n\
                   E1\tCheckIn\n\
                   N1\tReference T9 ECBplus:HUM1\tx\n\
                   X1\twhat\n\
                   A1\tNegation\n";
        let (a, issues) = parse(ann, TEXT);
        assert_eq!(a.text_bound.len(), 1);
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8], "{issues:#?}");
        assert!(
            issues[0]
                .message
                .contains("the text at its offsets is \"Tara\"")
        );
        assert!(
            issues[4].message.contains("T9 is not defined"),
            "{issues:#?}"
        );
    }
}
