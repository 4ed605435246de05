//! Go to definition, find references and document highlight. An event mention leads to its defining
//! mention (the earliest, most specific report), an actor to the mention that introduces them; a claim to
//! the denials of it and a denial to the claims it denies. References list every mention in the corpus.

use super::convert::Encoding;
use super::workspace::View;
use crate::analysis::Span;
use crate::index::Item;
use tower_lsp_server::ls_types::{DocumentHighlight, DocumentHighlightKind, Location};

/// Where the item is defined.
pub fn definition(view: &View, enc: Encoding, item: Item) -> Vec<Location> {
    let model = &view.model;
    match item {
        Item::Actor { actor, .. } => model
            .actor_definition(actor)
            .and_then(|m| view.location(enc, m.0, model.actor_span(m)))
            .into_iter()
            .collect(),
        Item::Event { event, .. } => {
            let def = model.events[event].definition();
            view.location(enc, def.0, model.event_span(def))
                .into_iter()
                .collect()
        }
        Item::Claim(c) => model
            .links
            .of_claim(c)
            .iter()
            .filter_map(|&k| {
                let x = model.matches[k].denial;
                view.location(enc, x.0, model.denial_span(x))
            })
            .collect(),
        Item::Denial(x) => model
            .links
            .of_denial(x)
            .iter()
            .filter_map(|&k| {
                let c = model.matches[k].claim;
                view.location(enc, c.0, model.claim_span(c))
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
            let all = e.mentions().map(|m| (m.0, model.event_span(m))).collect();
            let def = e.definition();
            (all, Some((def.0, model.event_span(def))))
        }
        Item::Claim(c) => {
            let own = (c.0, model.claim_span(c));
            let mut all = vec![own];
            all.extend(model.links.of_claim(c).iter().map(|&k| {
                let x = model.matches[k].denial;
                (x.0, model.denial_span(x))
            }));
            (all, Some(own))
        }
        Item::Denial(x) => {
            let own = (x.0, model.denial_span(x));
            let mut all = vec![own];
            all.extend(model.links.of_denial(x).iter().map(|&k| {
                let c = model.matches[k].claim;
                (c.0, model.claim_span(c))
            }));
            (all, Some(own))
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
        .filter_map(|(d, s)| view.location(enc, d, s))
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
