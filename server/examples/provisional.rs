//! How often an article's provisional findings (the article resolved with the few articles it can be
//! matched with, as the language server does right after an edit) equal the whole corpus's: builds the
//! benchmark corpus (5,000 articles unless the first argument says otherwise), resolves it, then resolves
//! each article with findings or denials provisionally and compares what a reader sees of it — each denied
//! claim with its deniers, each denial with the articles it denies. Prints the count of articles that agree,
//! the first differences, and the time a provisional resolve takes.
//! Run with `cargo run --release --example provisional [ARTICLES]`.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;
use dateline::index::*;
use std::sync::Arc;
use std::time::Instant;

/// The binary's allocator, so that the times are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a reader sees of one article's findings.
fn seen_in(m: &Model, path: &str) -> Vec<(String, Vec<String>)> {
    let Some(i) = m.doc_index(path) else {
        return Vec::new();
    };
    let d = &m.docs[i];
    let text = |s: dateline::analysis::Span| d.article.text[s.start..s.end].to_string();
    let mut out = Vec::new();
    for f in m.findings.iter().filter(|f| f.claim.0 == i) {
        let mut by: Vec<String> = f
            .denials
            .iter()
            .map(|x| m.docs[x.0.0].path().to_string())
            .collect();
        by.sort();
        out.push((text(d.facts.claims[f.claim.1].span.get()), by));
    }
    for (xi, x) in d.facts.denials.iter().enumerate() {
        let mut of: Vec<String> = m
            .links
            .of_denial((i, xi))
            .iter()
            .map(|&k| m.docs[m.matches[k].claim.0].path().to_string())
            .collect();
        of.sort();
        of.dedup();
        out.push((text(x.span), of));
    }
    out
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let c = Corpus::from_articles(corpus_gen::corpus(n));
    let m = c.resolve();
    let (mut same, mut differ) = (0, 0);
    let mut times = Vec::new();
    for (i, d) in m.docs.iter().enumerate() {
        if d.facts.denials.is_empty() && !m.findings.iter().any(|f| f.claim.0 == i) {
            continue;
        }
        let e = Arc::new(DocEntry::new(d.article.clone()));
        let t = Instant::now();
        let part = m.provisional(&e);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let (got, want) = (seen_in(&part, d.path()), seen_in(&m, d.path()));
        if got == want {
            same += 1;
        } else {
            differ += 1;
            if differ <= 3 {
                println!(
                    "{}:\n  provisional {got:?}\n  whole       {want:?}",
                    d.path()
                );
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| {
        times
            .get(((times.len().max(1) - 1) as f64 * q) as usize)
            .copied()
            .unwrap_or(0.0)
    };
    println!(
        "{same} of {} articles with findings agree; a provisional resolve takes {:.2} ms median, {:.2} ms p99",
        same + differ,
        at(0.5),
        at(0.99)
    );
}
