//! Reading the model from a place in an article: which actor mention, event mention, claim or denial lies
//! at a byte offset, the mention that introduces an actor, and the tables from each claim and denial to
//! its matches and finding. Built once per resolved model so that editor requests cost no scan of the corpus.

use super::{MentionRef, Model};
use crate::analysis::Span;
use rustc_hash::FxHashMap as HashMap;

/// What lies at an offset, most specific first: a name or an event before the clause around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Actor { actor: usize, mention: MentionRef },
    Event { event: usize, mention: MentionRef },
    Claim(MentionRef),
    Denial(MentionRef),
}

/// Claims and denials to the matches and findings that concern them.
#[derive(Debug, Default, Clone)]
pub struct Links {
    /// (doc, claim) → indexes into `Model::matches`.
    pub claim_matches: HashMap<MentionRef, Vec<usize>>,
    /// (doc, denial) → indexes into `Model::matches`.
    pub denial_matches: HashMap<MentionRef, Vec<usize>>,
    /// Per document: indexes into `Model::findings` whose claim is in it.
    pub findings_in_doc: Vec<Vec<usize>>,
    /// Per actor: the events it takes part in.
    pub actor_events: Vec<Vec<usize>>,
    /// Per event: the findings whose claim is about it.
    pub event_findings: Vec<Vec<usize>>,
}

impl Links {
    /// The matches (indexes into `Model::matches`) of a claim; empty when nothing denies it.
    pub fn of_claim(&self, claim: MentionRef) -> &[usize] {
        self.claim_matches.get(&claim).map_or(&[], Vec::as_slice)
    }

    /// The matches (indexes into `Model::matches`) of a denial; empty when it denies nothing found.
    pub fn of_denial(&self, denial: MentionRef) -> &[usize] {
        self.denial_matches.get(&denial).map_or(&[], Vec::as_slice)
    }

    pub fn build(
        docs: &[std::sync::Arc<super::DocEntry>],
        actors: usize,
        events: &[super::Event],
        event_of: &[Vec<super::events::EventOf>],
        matches: &[super::Match],
        findings: &[super::Finding],
    ) -> Links {
        let mut l = Links {
            findings_in_doc: vec![Vec::new(); docs.len()],
            actor_events: vec![Vec::new(); actors],
            event_findings: vec![Vec::new(); events.len()],
            ..Links::default()
        };
        for (e, ev) in events.iter().enumerate() {
            for a in ev.participants() {
                if let Some(v) = l.actor_events.get_mut(a) {
                    v.push(e);
                }
            }
        }
        for (k, m) in matches.iter().enumerate() {
            l.claim_matches.entry(m.claim).or_default().push(k);
            l.denial_matches.entry(m.denial).or_default().push(k);
        }
        for (k, f) in findings.iter().enumerate() {
            let (cd, ci) = f.claim;
            if let Some(v) = l.findings_in_doc.get_mut(cd) {
                v.push(k);
            }
            let mut about: Vec<usize> = docs[cd].facts.claims[ci]
                .content
                .events()
                .iter()
                .filter_map(|&m| event_of[cd].get(m as usize).map(|e| e.event()))
                .collect();
            about.sort_unstable();
            about.dedup();
            for e in about {
                if let Some(v) = l.event_findings.get_mut(e) {
                    v.push(k);
                }
            }
        }
        l
    }
}

fn hit(span: Span, offset: usize, inclusive_end: bool) -> bool {
    span.start <= offset && (offset < span.end || (inclusive_end && offset == span.end))
}

impl Model {
    /// The item at byte `offset` of document `doc`. An offset just after a name or an event word counts
    /// as on it (the cursor after the last letter), when nothing starts there.
    pub fn item_at(&self, doc: usize, offset: usize) -> Option<Item> {
        let d = self.docs.get(doc)?;
        let f = &d.facts;
        for inclusive in [false, true] {
            for (mi, m) in f.actors.iter().enumerate() {
                if hit(m.span, offset, inclusive)
                    && let Some(actor) = self.actor_of[doc].get(mi).copied().flatten()
                {
                    return Some(Item::Actor {
                        actor,
                        mention: (doc, mi),
                    });
                }
            }
            for (mi, m) in f.events.iter().enumerate() {
                if hit(m.span.get(), offset, inclusive)
                    && let Some(event) = self.event_of[doc].get(mi)
                {
                    return Some(Item::Event {
                        event: event.event(),
                        mention: (doc, mi),
                    });
                }
            }
        }
        if let Some(xi) = f.denials.iter().position(|x| hit(x.span, offset, false)) {
            return Some(Item::Denial((doc, xi)));
        }
        f.claims
            .iter()
            .position(|c| hit(c.span.get(), offset, false))
            .map(|ci| Item::Claim((doc, ci)))
    }

    /// The mention that introduces an actor: the earliest one (by article date, then path and offset)
    /// that gives the full name with a role, else the full name, else the earliest mention.
    pub fn actor_definition(&self, actor: usize) -> Option<MentionRef> {
        let a = self.actors.get(actor)?;
        let key = |&(di, mi): &MentionRef| {
            let m = &self.docs[di].facts.actors[mi];
            let full = *m.name == *a.name;
            (
                !full || m.roles.is_empty(),
                !full,
                self.dates[di].date.is_none(),
                self.dates[di].date,
                di,
                m.span.start,
            )
        };
        a.mentions.iter().copied().min_by_key(key)
    }

    /// Document `doc` and the documents whose claims or denials are matched with its own: those whose
    /// diagnostics point into it.
    pub fn related_docs(&self, doc: usize) -> std::collections::BTreeSet<usize> {
        let mut out = std::collections::BTreeSet::from([doc]);
        let Some(d) = self.docs.get(doc) else {
            return out;
        };
        for ci in 0..d.facts.claims.len() {
            for &k in self.links.of_claim((doc, ci)) {
                out.insert(self.matches[k].denial.0);
            }
        }
        for xi in 0..d.facts.denials.len() {
            for &k in self.links.of_denial((doc, xi)) {
                out.insert(self.matches[k].claim.0);
            }
        }
        out
    }

    /// The quotes attributed to an actor, with the document each is in.
    pub fn actor_quotes(&self, actor: usize) -> Vec<(usize, &crate::analysis::Quote)> {
        let Some(a) = self.actors.get(actor) else {
            return Vec::new();
        };
        a.mentions
            .iter()
            .flat_map(|&(di, mi)| {
                self.docs[di]
                    .facts
                    .quotes
                    .iter()
                    .filter(move |q| q.speaker == Some(mi))
                    .map(move |q| (di, q))
            })
            .collect()
    }

    /// The text of a span of document `doc` (empty when the span is not in it).
    pub fn span_text(&self, doc: usize, span: Span) -> &str {
        self.docs
            .get(doc)
            .and_then(|d| d.article.text.get(span.start..span.end))
            .unwrap_or("")
    }

    /// A document's date as users read it: "2025-02-22", "2025-02-22 (inferred)" or "date unknown".
    pub fn date_label(&self, doc: usize) -> String {
        match self.dates.get(doc) {
            Some(d) => match d.date {
                Some(date) if d.inferred() => format!("{date} (inferred)"),
                Some(date) => date.to_string(),
                None => "date unknown".into(),
            },
            None => "date unknown".into(),
        }
    }

    /// Where a role of an actor was stated.
    pub fn role_span(&self, r: &super::actors::RoleRef) -> Span {
        self.docs[r.doc].facts.actors[r.mention].roles[r.role].span
    }

    /// The span of a mention of an actor.
    pub fn actor_span(&self, (di, mi): MentionRef) -> Span {
        self.docs[di].facts.actors[mi].span
    }

    /// The span of a claim.
    pub fn claim_span(&self, (di, ci): MentionRef) -> Span {
        self.docs[di].facts.claims[ci].span.get()
    }

    /// The span of a denial.
    pub fn denial_span(&self, (di, xi): MentionRef) -> Span {
        self.docs[di].facts.denials[xi].span
    }

    /// The span of a mention of an event.
    pub fn event_span(&self, (di, mi): MentionRef) -> Span {
        self.docs[di].facts.events[mi].span.get()
    }
}
