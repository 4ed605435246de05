//! Where the time of a resolve goes: builds the benchmark corpus (5,000 articles unless the first argument
//! says otherwise), then times each stage of the cross-article joins five times.
//! Run with `cargo run --release --example stages [ARTICLES]`.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;
use dateline::index::*;
use std::time::Instant;

/// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let c = Corpus::from_articles(corpus_gen::corpus(n));
    let docs = c.entries();
    for _ in 0..5 {
        let t = Instant::now();
        let cy = dates::corpus_year(&docs);
        let d = dates::resolve(&docs, cy);
        let t1 = t.elapsed();
        let (a, ao) = actors::resolve(&docs, &[]);
        let t2 = t.elapsed();
        let wide = events::widespread_organisations(&docs, &ao);
        let (e, eo) = events::resolve(&docs, &d, (&ao, &wide), &[]);
        let t3 = t.elapsed();
        let words = WordDocs::new(&docs);
        let m = findings::match_claims(&docs, &d, (&a, &ao), &wide, &eo, &words, None);
        let t4 = t.elapsed();
        let f = findings::findings(&d, &m);
        let t5 = t.elapsed();
        let l = Links::build(&docs, a.len(), &e, &eo, &m, &f);
        let t6 = t.elapsed();
        println!(
            "dates {:?} actors {:?} events {:?} match {:?} findings {:?} links {:?}; {} events {} matches {} findings",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            t6 - t5,
            e.len(),
            m.len(),
            f.len()
        );
        drop(l);
    }
}
