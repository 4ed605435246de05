//! Document symbols (an outline of an article: its actors, events, claims and denials) and workspace
//! symbols (any actor or event in the corpus, found by a fuzzy match of the query against its names).

use super::convert::Encoding;
use super::workspace::View;
use crate::analysis::lexicon::EventClass;
use crate::analysis::{ActorKind, Span};
use std::collections::BTreeMap;
use tower_lsp_server::ls_types::{DocumentSymbol, SymbolInformation, SymbolKind};

/// The most workspace symbols answered for one query.
const MAX_WORKSPACE_SYMBOLS: usize = 200;

fn actor_kind(k: ActorKind) -> SymbolKind {
    match k {
        ActorKind::Organization => SymbolKind::NAMESPACE,
        _ => SymbolKind::OBJECT,
    }
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol type
fn symbol(
    view: &View,
    enc: Encoding,
    doc: usize,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
) -> DocumentSymbol {
    let range = view.text(doc).range(enc, span);
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: None,
    }
}

/// A group node ("Actors", "Events", …) spanning its children.
fn group(name: &str, kind: SymbolKind, children: Vec<DocumentSymbol>) -> Option<DocumentSymbol> {
    let first = children.first()?.range;
    let end = children
        .iter()
        .map(|c| c.range.end)
        .max_by_key(|p| (p.line, p.character))?;
    #[allow(deprecated)]
    Some(DocumentSymbol {
        name: name.into(),
        detail: Some(children.len().to_string()),
        kind,
        tags: None,
        deprecated: None,
        range: tower_lsp_server::ls_types::Range::new(first.start, end),
        selection_range: first,
        children: Some(children),
    })
}

/// The outline of document `doc`: one entry per actor and event (at its first mention in the article),
/// then each claim and denial.
pub fn outline(view: &View, enc: Encoding, doc: usize) -> Vec<DocumentSymbol> {
    let model = &view.model;
    let facts = &model.docs[doc].facts;
    let mut actors: BTreeMap<usize, (usize, usize)> = BTreeMap::new(); // actor → (first mention, count)
    for (mi, a) in model.actor_of[doc].iter().enumerate() {
        if let Some(a) = *a {
            actors.entry(a).or_insert((mi, 0)).1 += 1;
        }
    }
    let mut actor_syms: Vec<(usize, DocumentSymbol)> = actors
        .iter()
        .map(|(&a, &(mi, n))| {
            let actor = &model.actors[a];
            let role = actor.roles.first().map(|r| r.text.clone());
            let detail = match role {
                Some(r) => format!("{r} · {n}×"),
                None => format!("{n}×"),
            };
            let span = facts.actors[mi].span;
            (
                span.start,
                symbol(
                    view,
                    enc,
                    doc,
                    actor.name.clone(),
                    Some(detail),
                    actor_kind(actor.kind),
                    span,
                ),
            )
        })
        .collect();
    actor_syms.sort_by_key(|(s, _)| *s);
    let mut events: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (mi, e) in model.event_of[doc].iter().enumerate() {
        events.entry(e.event()).or_insert((mi, 0)).1 += 1;
    }
    // statements ("said") are in every paragraph: the outline lists what happened
    let mut event_syms: Vec<(usize, DocumentSymbol)> = events
        .iter()
        .filter(|&(&e, _)| model.events[e].class != EventClass::Statement)
        .map(|(&e, &(mi, n))| {
            let ev = &model.events[e];
            let detail = [
                ev.date.map(|d| d.display()),
                ev.place().map(String::from),
                Some(format!("{n}×")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let span = facts.events[mi].span.get();
            (
                span.start,
                symbol(
                    view,
                    enc,
                    doc,
                    ev.label(&view.model.docs),
                    Some(detail),
                    SymbolKind::EVENT,
                    span,
                ),
            )
        })
        .collect();
    event_syms.sort_by_key(|(s, _)| *s);
    let claim_syms: Vec<DocumentSymbol> = facts
        .claims
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let denied = model.links.of_claim((doc, ci)).len();
            let detail = if denied > 0 {
                format!("{:?} · denied ({denied})", c.kind).to_lowercase()
            } else {
                format!("{:?}", c.kind).to_lowercase()
            };
            let name = crate::report::snippet(model.span_text(doc, c.span.get()), 80);
            symbol(
                view,
                enc,
                doc,
                name,
                Some(detail),
                SymbolKind::STRING,
                c.span.get(),
            )
        })
        .collect();
    let denial_syms: Vec<DocumentSymbol> = facts
        .denials
        .iter()
        .enumerate()
        .map(|(xi, x)| {
            let n = model.links.of_denial((doc, xi)).len();
            let name = crate::report::snippet(model.span_text(doc, x.span), 80);
            let detail = format!("“{}” · denies {n}", x.cue);
            symbol(
                view,
                enc,
                doc,
                name,
                Some(detail),
                SymbolKind::BOOLEAN,
                x.span,
            )
        })
        .collect();
    [
        group(
            "Actors",
            SymbolKind::MODULE,
            actor_syms.into_iter().map(|(_, s)| s).collect(),
        ),
        group(
            "Events",
            SymbolKind::MODULE,
            event_syms.into_iter().map(|(_, s)| s).collect(),
        ),
        group("Claims", SymbolKind::MODULE, claim_syms),
        group("Denials", SymbolKind::MODULE, denial_syms),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// How well `query` matches `name`: all query characters in order (case-insensitive), scored higher for a
/// prefix and for consecutive characters; `None` when they are not all there.
pub fn fuzzy_score(query: &str, name: &str) -> Option<u32> {
    let q: Vec<char> = query
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect();
    if q.is_empty() {
        return Some(1);
    }
    let n: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    let mut score = 0u32;
    let mut qi = 0;
    let mut prev: Option<usize> = None;
    for (i, &c) in n.iter().enumerate() {
        if qi < q.len() && c == q[qi] {
            score += 1;
            if prev == Some(i.wrapping_sub(1)) {
                score += 3;
            }
            if i == 0 || !n[i - 1].is_alphanumeric() {
                score += 2;
            }
            prev = Some(i);
            qi += 1;
        }
    }
    (qi == q.len()).then_some(score)
}

/// Actors and events of all views whose names match `query`, best first.
#[allow(deprecated)] // `deprecated` is a required field of the protocol type
pub fn workspace(views: &[View], enc: Encoding, query: &str) -> Vec<SymbolInformation> {
    let mut found: Vec<(u32, SymbolInformation)> = Vec::new();
    for view in views {
        let model = &view.model;
        for (ai, a) in model.actors.iter().enumerate() {
            let Some(score) = std::iter::once(&a.name)
                .chain(&a.aliases)
                .filter_map(|n| fuzzy_score(query, n))
                .max()
            else {
                continue;
            };
            let Some(m) = model.actor_definition(ai) else {
                continue;
            };
            let Some(location) = view.location(enc, m.0, model.actor_span(m)) else {
                continue;
            };
            found.push((
                score,
                SymbolInformation {
                    name: a.name.clone(),
                    kind: actor_kind(a.kind),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: a.roles.first().map(|r| r.text.clone()),
                },
            ));
        }
        for e in model.events.iter() {
            if e.class == EventClass::Statement {
                continue;
            }
            let Some(score) = fuzzy_score(query, &e.label(&model.docs)) else {
                continue;
            };
            let def = e.definition();
            let Some(location) = view.location(enc, def.0, model.event_span(def)) else {
                continue;
            };
            found.push((
                score,
                SymbolInformation {
                    name: e.label(&model.docs),
                    kind: SymbolKind::EVENT,
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: e.date.map(|d| d.display()),
                },
            ));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    found.truncate(MAX_WORKSPACE_SYMBOLS);
    found.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::fuzzy_score;

    #[test]
    fn fuzzy_matching_needs_every_letter_in_order_and_prefers_prefixes() {
        assert!(fuzzy_score("pes", "Dmitry Peskov").is_some());
        assert!(fuzzy_score("dpeskov", "Dmitry Peskov").is_some());
        assert!(fuzzy_score("xq", "Dmitry Peskov").is_none());
        assert!(fuzzy_score("pes", "Peskov") > fuzzy_score("pes", "Pieter Esk"));
    }
}
