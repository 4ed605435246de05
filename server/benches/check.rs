//! Benchmark: analyse and resolve a generated corpus of a few thousand news-like articles, as `check` does.
//! Run with `cargo bench --bench check`; the corpus is made here, deterministically, so no data is needed.

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::index::Corpus;
use std::hint::black_box;

#[path = "support/corpus_gen.rs"]
mod corpus_gen;
use corpus_gen::corpus;

fn bench(c: &mut Criterion) {
    let n = std::env::var("DATELINE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let articles = corpus(n);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "corpus: {} articles, {:.1} MB",
        articles.len(),
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.throughput(criterion::Throughput::Bytes(bytes as u64));
    g.bench_function(format!("analyse+resolve {n} articles"), |b| {
        b.iter(|| {
            let corpus = Corpus::from_articles(black_box(articles.clone()));
            black_box(corpus.resolve().findings.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
