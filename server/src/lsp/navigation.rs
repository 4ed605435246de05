//! Go to definition, find references and document highlight. An event mention leads to its defining
//! mention (the earliest, most specific report), an actor to the mention that introduces them; a claim to
//! the denials of it and a denial to the claims it denies. References list every mention in the corpus.

use super::convert::{Encoding, location};
use super::workspace::View;
use crate::analysis::Span;
use crate::index::{Item, MentionRef};
use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, Location};

fn loc(view: &View, enc: Encoding, doc: usize, span: Span) -> Option<Location> {
    location(&view.path(doc), view.text(doc), enc, span)
}

fn claim_span(view: &View, (d, c): MentionRef) -> Span {
    view.model.docs[d].facts.claims[c].span
}

fn denial_span(view: &View, (d, x): MentionRef) -> Span {
    view.model.docs[d].facts.denials[x].span
}

/// Where the item is defined.
pub fn definition(view: &View, enc: Encoding, item: Item) -> Vec<Location> {
    let model = &view.model;
    match item {
        Item::Actor { actor, .. } => model
            .actor_definition(actor)
            .and_then(|m| loc(view, enc, m.0, model.actor_span(m)))
            .into_iter()
            .collect(),
        Item::Event { event, .. } => {
            let def = model.events[event].definition;
            loc(view, enc, def.0, model.event_span(def))
                .into_iter()
                .collect()
        }
        Item::Claim(c) => model
            .links
            .claim_matches
            .get(&c)
            .into_iter()
            .flatten()
            .filter_map(|&k| {
                let x = model.matches[k].denial;
                loc(view, enc, x.0, denial_span(view, x))
            })
            .collect(),
        Item::Denial(x) => model
            .links
            .denial_matches
            .get(&x)
            .into_iter()
            .flatten()
            .filter_map(|&k| {
                let c = model.matches[k].claim;
                loc(view, enc, c.0, claim_span(view, c))
            })
            .collect(),
    }
}

/// A span in a document.
type At = (usize, Span);

/// Every mention of the item across the corpus, as (document, span), and the defining one.
fn mentions(view: &View, item: Item) -> (Vec<At>, Option<At>) {
    let model = &view.model;
    match item {
        Item::Actor { actor, .. } => {
            let all = model.actors[actor]
                .mentions
                .iter()
                .map(|&m| (m.0, model.actor_span(m)))
                .collect();
            let def = model
                .actor_definition(actor)
                .map(|m| (m.0, model.actor_span(m)));
            (all, def)
        }
        Item::Event { event, .. } => {
            let e = &model.events[event];
            let all = e
                .mentions
                .iter()
                .map(|&m| (m.0, model.event_span(m)))
                .collect();
            (all, Some((e.definition.0, model.event_span(e.definition))))
        }
        Item::Claim(c) => {
            let mut all = vec![(c.0, claim_span(view, c))];
            if let Some(ks) = model.links.claim_matches.get(&c) {
                all.extend(ks.iter().map(|&k| {
                    let x = model.matches[k].denial;
                    (x.0, denial_span(view, x))
                }));
            }
            (all, Some((c.0, claim_span(view, c))))
        }
        Item::Denial(x) => {
            let mut all = vec![(x.0, denial_span(view, x))];
            if let Some(ks) = model.links.denial_matches.get(&x) {
                all.extend(ks.iter().map(|&k| {
                    let c = model.matches[k].claim;
                    (c.0, claim_span(view, c))
                }));
            }
            (all, Some((x.0, denial_span(view, x))))
        }
    }
}

/// Every mention of the item; the defining one only when `include_declaration`.
pub fn references(
    view: &View,
    enc: Encoding,
    item: Item,
    include_declaration: bool,
) -> Vec<Location> {
    let (all, def) = mentions(view, item);
    all.into_iter()
        .filter(|m| include_declaration || Some(*m) != def)
        .filter_map(|(d, s)| loc(view, enc, d, s))
        .collect()
}

/// The item's mentions within document `doc`.
pub fn highlights(view: &View, enc: Encoding, doc: usize, item: Item) -> Vec<DocumentHighlight> {
    let (all, _) = mentions(view, item);
    let text = view.text(doc);
    all.into_iter()
        .filter(|&(d, _)| d == doc)
        .map(|(_, s)| DocumentHighlight {
            range: text.range(enc, s),
            kind: Some(DocumentHighlightKind::TEXT),
        })
        .collect()
}
