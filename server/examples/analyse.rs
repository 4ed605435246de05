//! The per-article analysis alone, on one core: generates the benchmark corpus (3,000 articles unless the
//! first argument says otherwise) and analyses every article seven times over, printing the best time.
//! Free of the joins, the reading of files and the second core, it is the steadiest figure for work on the
//! recognisers. Run with `cargo run --release --example analyse [ARTICLES]`.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;

/// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let articles = corpus_gen::corpus(n);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = std::time::Instant::now();
        let mut mentions = 0;
        for a in &articles {
            mentions += dateline::analysis::analyse(&a.text, a.body_start)
                .events
                .len();
        }
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(mentions);
    }
    println!(
        "analysed {n} articles ({:.1} MB) on one core in {:.1} ms at best of 7 ({:.1} MB/s)",
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
