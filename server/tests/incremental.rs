//! Property: after any sequence of incremental edits (as `didChange` sends them, in UTF-16 or UTF-8
//! positions), the corpus model kept up to date one article at a time equals the model rebuilt from
//! scratch from the final texts — in everything `export` shows (actors, events, claims, denials, findings),
//! whether a step kept the joins (the edit only moved the facts), re-resolved only the stages the edit
//! reached (`Model::update`), or resolved the corpus again.

mod support;

use dateline::corpus::Article;
use dateline::index::{Corpus, Model};
use dateline::lsp::convert::Encoding;
use dateline::lsp::documents::Documents;
use proptest::prelude::*;
use std::path::PathBuf;
use support::text_edit::offset;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// Three invented articles to edit.
const START: [&str; 3] = [
    "---\ndate: 2026-05-04\n---\nEstonian Prime Minister Liis Kask is reportedly set to travel to Helsinki on June 5 to sign the tunnel agreement.\n\nThe trip would follow the Helsinki talks between Lehtinen and Tamm.\n",
    "Government spokeswoman Maria Saar said on May 8 that no date had been set.\r\n\r\nSaar denied reports that Kask plans to visit Helsinki on June 5 to sign the tunnel agreement.\r\n",
    "Finnish Foreign Minister Aino Lehtinen met Estonian Foreign Minister Kristjan Tamm in Helsinki on May 2. 😀 Lehtinen said: “The tunnel is a plan.”\n",
];

/// Text an edit may insert.
const PIECES: [&str; 12] = [
    "",
    " ",
    "\n",
    "\r\n",
    "Kask",
    " denied reports that Kask will travel to Helsinki on June 5.",
    "Foreign Minister Aino Lehtinen ",
    "😀",
    "é",
    "reportedly set to visit Tallinn on June 9",
    "\n\nSaar denied that.\n",
    "Tamm",
];

#[derive(Debug, Clone)]
struct Edit {
    doc: usize,
    start: (u32, u32),
    len: (u32, u32),
    piece: usize,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        0..3usize,
        (0..8u32, 0..140u32),
        (0..2u32, 0..30u32),
        0..PIECES.len(),
    )
        .prop_map(|(doc, start, len, piece)| Edit {
            doc,
            start,
            len,
            piece,
        })
}

fn export(model: &Model) -> String {
    let findings = dateline::report::findings_out(model);
    dateline::report::export::render(model, "corpus", &findings)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn incremental_model_equals_the_model_rebuilt_from_scratch(
        edits in proptest::collection::vec(edit(), 1..25),
        utf8 in any::<bool>(),
    ) {
        let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let paths: Vec<PathBuf> = (0..3).map(|i| PathBuf::from(format!("/c/{i}.txt"))).collect();
        let mut docs = Documents::default();
        let mut expected: Vec<String> = START.iter().map(|s| s.to_string()).collect();
        let mut corpus = Corpus::from_articles(
            START.iter().enumerate().map(|(i, t)| Article::from_text(format!("{i}.txt"), t)).collect(),
        );
        for (i, p) in paths.iter().enumerate() {
            docs.open(p.clone(), START[i], 1);
        }
        let mut model = corpus.resolve();
        for (v, e) in edits.iter().enumerate() {
            let start = Position::new(e.start.0, e.start.1);
            let end = Position::new(e.start.0 + e.len.0, e.start.1 + e.len.1);
            let change = TextDocumentContentChangeEvent {
                range: Some(Range::new(start, end)),
                range_length: None,
                text: PIECES[e.piece].to_string(),
            };
            docs.change(&paths[e.doc], v as i32 + 2, &[change], enc).expect("open document");
            // the same edit on a plain string
            let t = &mut expected[e.doc];
            let a = offset(t, start, enc);
            let b = offset(t, end, enc).max(a);
            t.replace_range(a..b, PIECES[e.piece]);
            let now = docs.get(&paths[e.doc]).expect("open").text.to_string();
            prop_assert_eq!(&now, t);
            // the incremental step, as the server takes it: only the edited article is analysed again,
            // and the joins are kept when its facts merely moved
            let key = format!("{}.txt", e.doc);
            corpus.upsert(Article::from_text(key.clone(), &now));
            let entry = corpus.get(&key).expect("just inserted").clone();
            let i = model.doc_index(&key).expect("an article of the corpus");
            model = model
                .moved(&entry)
                .or_else(|| model.update(corpus.entries(), &[i]))
                .unwrap_or_else(|| corpus.resolve());
        }
        let fresh = Corpus::from_articles(
            expected.iter().enumerate().map(|(i, t)| Article::from_text(format!("{i}.txt"), t)).collect(),
        );
        prop_assert_eq!(export(&model), export(&fresh.resolve()));
    }
}
