//! One article through everything `dateline check` and `export` do: read from text, analysed, resolved
//! with a second copy of itself and a fixed companion report (so that the joins have something to join),
//! and rendered in every output format, which slices the text at every span found. Nothing may panic.
#![no_main]

use dateline::corpus::Article;
use dateline::index::Corpus;
use dateline::report;
use libfuzzer_sys::fuzz_target;

const COMPANION: &str = "---\ntitle: Minister denies trip\ndate: 2025-03-04\n---\n\
Foreign Minister Anna Kovar denied on Tuesday that she had travelled to Riga, calling the report false.\n";

fuzz_target!(|text: &str| {
    let mut corpus = Corpus::default();
    corpus.upsert(Article::from_text("a.md", text));
    corpus.upsert(Article::from_text("b.md", text));
    corpus.upsert(Article::from_text("c.md", COMPANION));
    let model = corpus.resolve();
    let findings = report::findings_out(&model);
    let _ = report::json::render("corpus", 3, &findings, Vec::new(), Vec::new());
    let _ = report::sarif::render("corpus/", &findings);
    let _ = report::github::render("corpus/", &findings);
    let _ = report::human::render(&model, "corpus/", &findings, false, 80);
    let _ = report::export::render(&model, "corpus", &findings);
});
