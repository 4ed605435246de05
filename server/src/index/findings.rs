//! Claims matched with the denials in other articles, and the findings reported from those matches.
//! A denial matches a claim when they are about the same event (the event clusters of their content meet)
//! and share something more (an actor, a place, a date, rare words), or — when one side names no event —
//! when their words and names overlap strongly. A finding is a claim denied in a later article (or where
//! either date is unknown); a claim made after its denial "repeats a denied report".

use super::dates::DocDate;
use super::{DocEntry, MentionRef};
use crate::analysis::Content;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A claim and a denial found to be about the same thing.
#[derive(Debug, Clone)]
pub struct Match {
    /// (document, claim index)
    pub claim: MentionRef,
    /// (document, denial index)
    pub denial: MentionRef,
    pub score: f32,
    /// Which cue and which shared content produced the match.
    pub why: String,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// When the denial came relative to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    Later,
    Unknown,
    Earlier,
}

/// A claim in one article denied in others.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub claim: MentionRef,
    /// The denials with when each came, and the index into the model's matches.
    pub denials: Vec<(MentionRef, Order, usize)>,
}

struct Side<'a> {
    events: BTreeSet<usize>,
    actors: BTreeSet<usize>,
    places: BTreeSet<&'static str>,
    days: BTreeSet<(u8, u8)>,
    keywords: &'a [String],
}

fn side<'a>(d: &'a DocEntry, c: &'a Content, actor_of: &[Option<usize>], event_of: &[usize]) -> Side<'a> {
    Side {
        events: c.events.iter().filter_map(|&e| event_of.get(e).copied()).collect(),
        actors: c.actors.iter().filter_map(|&a| actor_of.get(a).copied().flatten()).collect(),
        places: c.places.iter().map(|&p| d.facts.places[p].name).collect(),
        days: c
            .dates
            .iter()
            .filter_map(|&i| match d.facts.dates[i].expr {
                crate::analysis::DateExpr::Calendar { month: Some(m), day: Some(dd), .. } => Some((m, dd)),
                _ => None,
            })
            .collect(),
        keywords: &c.keywords,
    }
}

/// Finds every claim–denial pair across documents.
pub fn match_claims(docs: &[Arc<DocEntry>], _dates: &[DocDate], actor_of: &[Vec<Option<usize>>], event_of: &[Vec<usize>]) -> Vec<Match> {
    // document frequency of keywords over claims and denials
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut n_docs = 0usize;
    for d in docs {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for c in &d.facts.claims {
            seen.extend(c.content.keywords.iter().map(String::as_str));
        }
        for x in &d.facts.denials {
            seen.extend(x.content.keywords.iter().map(String::as_str));
        }
        n_docs += 1;
        for w in seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let idf = |w: &str| ((n_docs as f32 + 1.0) / (*df.get(w).unwrap_or(&0) as f32 + 1.0)).ln();
    // inverted indexes over claims
    let mut by_event: HashMap<usize, Vec<MentionRef>> = HashMap::new();
    let mut by_word: HashMap<&str, Vec<MentionRef>> = HashMap::new();
    let common = (n_docs / 20).max(50);
    for (di, d) in docs.iter().enumerate() {
        for (ci, c) in d.facts.claims.iter().enumerate() {
            for &e in &c.content.events {
                by_event.entry(event_of[di][e]).or_default().push((di, ci));
            }
            for w in &c.content.keywords {
                if df.get(w.as_str()).is_some_and(|&n| n <= common) {
                    by_word.entry(w.as_str()).or_default().push((di, ci));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (dj, d) in docs.iter().enumerate() {
        for (xi, x) in d.facts.denials.iter().enumerate() {
            let ds = side(d, &x.content, &actor_of[dj], &event_of[dj]);
            let mut cands: BTreeSet<MentionRef> = BTreeSet::new();
            for e in &ds.events {
                cands.extend(by_event.get(e).into_iter().flatten().copied());
            }
            for w in ds.keywords {
                cands.extend(by_word.get(w.as_str()).into_iter().flatten().copied());
            }
            for (di, ci) in cands {
                if di == dj {
                    continue;
                }
                let cd = &docs[di];
                let claim = &cd.facts.claims[ci];
                let cs = side(cd, &claim.content, &actor_of[di], &event_of[di]);
                if let Some((score, why)) = score(&cs, &ds, &idf) {
                    out.push(Match {
                        claim: (di, ci),
                        denial: (dj, xi),
                        score,
                        why: format!("denial cue {:?}; {why}", x.cue),
                    });
                }
            }
        }
    }
    out
}

fn score(c: &Side, d: &Side, idf: &dyn Fn(&str) -> f32) -> Option<(f32, String)> {
    let shared_events = c.events.intersection(&d.events).count();
    let shared_actors = c.actors.intersection(&d.actors).count();
    let shared_places: Vec<&str> = c.places.intersection(&d.places).copied().collect();
    let shared_days = c.days.intersection(&d.days).count();
    let ck: BTreeSet<&str> = c.keywords.iter().map(String::as_str).collect();
    let dk: BTreeSet<&str> = d.keywords.iter().map(String::as_str).collect();
    let shared_words: Vec<&str> = ck.intersection(&dk).copied().collect();
    let num: f32 = shared_words.iter().map(|w| idf(w)).sum();
    let norm = |s: &BTreeSet<&str>| s.iter().map(|w| idf(w)).sum::<f32>().max(1e-6);
    let overlap = num / (norm(&ck) * norm(&dk)).sqrt();
    let mut why = Vec::new();
    if shared_events > 0 {
        why.push(format!("same event ({shared_events})"));
    }
    if shared_actors > 0 {
        why.push(format!("{shared_actors} shared actor(s)"));
    }
    if !shared_places.is_empty() {
        why.push(format!("place {}", shared_places.join(", ")));
    }
    if shared_days > 0 {
        why.push("same date".into());
    }
    if !shared_words.is_empty() {
        why.push(format!("words {} (overlap {overlap:.2})", shared_words.iter().take(6).copied().collect::<Vec<_>>().join(", ")));
    }
    let entities = shared_actors + shared_places.len() + shared_days;
    let ok = if !c.events.is_empty() && !d.events.is_empty() {
        shared_events > 0 && (entities > 0 || overlap >= 0.2)
    } else {
        overlap >= 0.3 && (entities > 0 || overlap >= 0.45)
    };
    ok.then(|| (shared_events as f32 * 3.0 + entities as f32 + overlap * 3.0, why.join("; ")))
}

/// Findings from the matches: one per claim.
pub fn findings(docs: &[Arc<DocEntry>], dates: &[DocDate], matches: &[Match]) -> Vec<Finding> {
    let _ = docs;
    let mut by_claim: BTreeMap<MentionRef, Vec<(MentionRef, Order, usize)>> = BTreeMap::new();
    for (k, m) in matches.iter().enumerate() {
        let (cd, dd) = (dates[m.claim.0].date, dates[m.denial.0].date);
        let order = match (cd, dd) {
            (Some(c), Some(d)) if d > c => Order::Later,
            (Some(c), Some(d)) if d < c => Order::Earlier,
            (Some(_), Some(_)) => continue,
            _ => Order::Unknown,
        };
        by_claim.entry(m.claim).or_default().push((m.denial, order, k));
    }
    let mut out = Vec::new();
    for (claim, denials) in by_claim {
        let later: Vec<_> = denials.iter().copied().filter(|d| d.1 != Order::Earlier).collect();
        if !later.is_empty() {
            out.push(Finding { code: "denied-claim", severity: Severity::Warning, claim, denials: later });
        } else {
            out.push(Finding { code: "repeats-denied-claim", severity: Severity::Info, claim, denials });
        }
    }
    out
}
