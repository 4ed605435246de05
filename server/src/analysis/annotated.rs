//! What an article's own annotations (its brat `.ann` file) tell the analysis, over what it infers for
//! that article: the people and organisations annotated are its actor mentions where they are (an
//! inferred mention overlapping one gives way, its roles kept), and the event triggers annotated are event
//! mentions, told as not having happened when annotated as negated. Plain data, made from the annotation
//! file by `corpus::brat`.

use super::{ActorKind, ActorMention, ArticleFacts, Span};

/// The annotations of one article, as the analysis takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Annotated {
    /// Actor mentions: where, and a person or an organisation.
    pub actors: Vec<(Span, ActorKind)>,
    /// Event triggers: where, and whether annotated as negated (it did not happen).
    pub events: Vec<(Span, bool)>,
}

impl Annotated {
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.events.is_empty()
    }

    /// A hash of what they say: facts made with them are kept under it.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut h = DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }
}

/// The actor mentions of `facts` with the annotated ones in place of those they overlap.
pub(crate) fn apply_actors(text: &str, facts: &mut ArticleFacts, annotated: &Annotated) {
    if annotated.actors.is_empty() {
        return;
    }
    let inferred = std::mem::take(&mut facts.actors);
    let mut out: Vec<ActorMention> = inferred
        .iter()
        .filter(|m| !annotated.actors.iter().any(|(s, _)| m.span.overlaps(*s)))
        .cloned()
        .collect();
    for &(span, kind) in &annotated.actors {
        let Some(name) = text.get(span.start..span.end) else {
            continue;
        };
        let roles: Vec<super::Role> = inferred
            .iter()
            .filter(|m| m.span.overlaps(span))
            .flat_map(|m| m.roles.iter().cloned())
            .collect();
        let sentence = facts
            .sentences
            .partition_point(|s| s.get().end <= span.start)
            .min(facts.sentences.len().saturating_sub(1));
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("’s"))
            .unwrap_or(&name);
        out.push(ActorMention {
            span,
            name: name.into(),
            kind,
            roles: roles.into(),
            sentence: sentence as u32,
            rule: super::ActorRule::Annotated,
        });
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    facts.actors = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Modality, analyse_annotated, phrases::CorpusPhrases};

    #[test]
    fn annotated_actors_and_events_come_before_what_is_inferred() {
        let text = "Port director Jonas Lind said Harbour Trust did not meet on Monday. \
                    The walkout went on.";
        let at = |w: &str| {
            let s = text.find(w).expect("word");
            Span::new(s, s + w.len())
        };
        let plain = crate::analysis::analyse(text, 0);
        // inferred: the trust is taken for a person
        assert!(
            plain
                .actors
                .iter()
                .any(|a| &*a.name == "Harbour Trust" && a.kind == ActorKind::Person),
            "{:?}",
            plain.actors
        );
        assert!(
            !plain
                .events
                .iter()
                .any(|e| e.trigger.get() == at("walkout"))
        );
        let annotated = Annotated {
            actors: vec![
                (at("Jonas Lind"), ActorKind::Person),
                (at("Harbour Trust"), ActorKind::Organization),
            ],
            events: vec![(at("meet"), true), (at("walkout"), false)],
        };
        let f = analyse_annotated(text, 0, CorpusPhrases::none(), Some(&annotated));
        let names: Vec<(&str, ActorKind, &str)> = f
            .actors
            .iter()
            .map(|a| (&*a.name, a.kind, a.rule.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Jonas Lind", ActorKind::Person, "annotated"),
                ("Harbour Trust", ActorKind::Organization, "annotated"),
            ]
        );
        assert_eq!(
            f.actors[0].roles.first().map(|r| r.text.as_str()),
            Some("Port director"),
            "the role found for the inferred mention stays"
        );
        let meet = f
            .events
            .iter()
            .find(|e| e.trigger.get() == at("meet"))
            .expect("meet is an event");
        assert_eq!(meet.modality, Modality::Irrealis, "annotated as negated");
        assert!(f.events.iter().any(|e| e.trigger.get() == at("walkout")));
    }
}
