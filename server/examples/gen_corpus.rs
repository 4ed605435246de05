//! Writes the benchmark corpus to a folder, for timing `dateline check` and the language server on it, or
//! comparing with other tools: `cargo run --release --example gen_corpus -- ARTICLES DIR [SEED]`.
//! The corpus is deterministic: the same count and seed always give the same files (seed 42 by default, the
//! benchmarks' corpus).

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;

use anyhow::{Context, bail};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (args.first(), args.get(1)) else {
        bail!("usage: gen_corpus ARTICLES DIR [SEED]");
    };
    let n: usize = n.parse().with_context(|| format!("article count {n:?}"))?;
    let seed: u64 = match args.get(2) {
        Some(s) => s.parse().with_context(|| format!("seed {s:?}"))?,
        None => 42,
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut bytes = 0;
    for a in corpus_gen::corpus_seeded(n, seed) {
        let path = dir.join(&a.path);
        std::fs::write(&path, &a.text).with_context(|| format!("writing {}", path.display()))?;
        bytes += a.text.len();
    }
    println!(
        "{n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
