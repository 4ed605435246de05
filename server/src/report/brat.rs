//! `export --format brat`: the corpus as brat standoff files that brat can open — each article's text,
//! its `.ann`, and an `annotation.conf` naming every type used. An article with its own annotations is
//! written with them (they come before inference); the others with Dateline's analysis: each actor
//! mention (`PERSON`, `ORGANIZATION`) and event mention (`EVENT_MEETING`, …) as a text-bound annotation,
//! with a normalisation to the corpus-wide id of its actor or event (`Dateline:jonas-lindqvist`), which
//! links the mentions across articles as brat's `N` lines do.

use crate::analysis::ActorKind;
use crate::corpus::brat::{self, Annotations, Normalization, TextBound};
use crate::index::Model;
use std::collections::BTreeSet;

/// One article's files: its path (relative to the corpus), its text and its `.ann`.
pub struct BratFile {
    pub path: String,
    pub text: String,
    pub ann: String,
}

/// The type of an event class in brat ("EVENT_MEETING").
fn event_type(class: crate::analysis::lexicon::EventClass) -> String {
    let name = serde_json::to_value(class)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "other".into());
    format!("EVENT_{}", name.to_uppercase().replace('-', "_"))
}

/// Dateline's analysis of document `doc` as annotations.
fn inferred(model: &Model, doc: usize) -> Annotations {
    let mut a = Annotations::default();
    let text = &model.docs[doc].article.text;
    let mut add = |kind: String, span: crate::analysis::Span, key: String, name: String| {
        let n = a.text_bound.len() + 1;
        a.text_bound.push(TextBound {
            id: format!("T{n}"),
            kind,
            spans: vec![(span.start, span.end)],
            text: text.get(span.start..span.end).unwrap_or("").to_string(),
        });
        a.normalizations.push(Normalization {
            id: format!("N{n}"),
            kind: "Reference".into(),
            target: format!("T{n}"),
            resource: "Dateline".into(),
            key,
            text: name,
        });
    };
    for (mi, m) in model.docs[doc].facts.actors.iter().enumerate() {
        let Some(actor) = model.actor_of[doc][mi] else {
            continue;
        };
        let x = &model.actors[actor];
        let kind = match x.kind {
            ActorKind::Organization => "ORGANIZATION",
            _ => "PERSON",
        };
        add(kind.into(), m.span, x.id.clone(), x.name.clone());
    }
    for (mi, m) in model.docs[doc].facts.events.iter().enumerate() {
        let Some(event) = model.event_of[doc].get(mi) else {
            continue;
        };
        let e = &model.events[event.event()];
        add(
            event_type(m.class),
            m.trigger.get(),
            e.id(&model.docs),
            e.label(&model.docs),
        );
    }
    a
}

/// Every article's brat files, and the `annotation.conf` for them; `own(doc)` gives the annotations an
/// article has of its own, if any.
pub fn render(
    model: &Model,
    own: impl Fn(usize) -> Option<Annotations>,
) -> (Vec<BratFile>, String) {
    let mut types: BTreeSet<String> = BTreeSet::new();
    let mut events: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    let mut attributes: BTreeSet<(String, String)> = BTreeSet::new();
    let mut relations: BTreeSet<String> = BTreeSet::new();
    let files = (0..model.docs.len())
        .map(|d| {
            let a = own(d).unwrap_or_else(|| inferred(model, d));
            types.extend(a.text_bound.iter().map(|t| t.kind.clone()));
            for e in &a.events {
                // "Theme2" is a second Theme
                let roles = e
                    .args
                    .iter()
                    .map(|(r, _)| r.trim_end_matches(|c: char| c.is_ascii_digit()).to_string());
                events.entry(e.kind.clone()).or_default().extend(roles);
            }
            for x in &a.attributes {
                let on = a
                    .text_bound
                    .iter()
                    .find(|t| t.id == x.target)
                    .map(|t| t.kind.clone())
                    .or_else(|| {
                        a.events
                            .iter()
                            .find(|e| e.id == x.target)
                            .map(|e| e.kind.clone())
                    })
                    .unwrap_or_default();
                attributes.insert((x.name.clone(), on));
            }
            relations.extend(a.relations.iter().map(|r| r.kind.clone()));
            let article = &model.docs[d].article;
            BratFile {
                path: article.path.clone(),
                text: article.text.clone(),
                ann: brat::write(&a, &article.text),
            }
        })
        .collect();
    // entity types are those of text-bound annotations that are no event's trigger type
    let entities: Vec<&String> = types.iter().filter(|t| !events.contains_key(*t)).collect();
    let mut conf = String::from("[entities]\n");
    for t in entities {
        conf.push_str(t);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n");
    for r in &relations {
        conf.push_str(&format!("{r}\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
    }
    conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    conf.push_str("\n[events]\n");
    for (e, roles) in &events {
        let args: Vec<String> = roles.iter().map(|r| format!("{r}*:<ENTITY>")).collect();
        if args.is_empty() {
            conf.push_str(&format!("{e}\n"));
        } else {
            conf.push_str(&format!("{e}\t{}\n", args.join(", ")));
        }
    }
    conf.push_str("\n[attributes]\n");
    let mut names: BTreeSet<&String> = BTreeSet::new();
    for (name, _) in &attributes {
        if names.insert(name) {
            let on: Vec<&str> = attributes
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, t)| t.as_str())
                .filter(|t| !t.is_empty())
                .collect();
            conf.push_str(&format!("{name}\tArg:{}\n", on.join("|")));
        }
    }
    (files, conf)
}
