//! The language server's edit path: a document opened with any text, then any sequence of incremental
//! and whole-text changes in either position encoding, positions anywhere (past the end of a line or of
//! the text included). Nothing may panic; afterwards every byte offset that is not inside a CRLF line
//! break converts to a position and back to itself.
#![no_main]

use arbitrary::Arbitrary;
use dateline::corpus::lines::LineIndex;
use dateline::lsp::convert::{Encoding, TextRef};
use dateline::lsp::documents::Documents;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

#[derive(Arbitrary, Debug)]
struct Change {
    /// `None`: the whole text replaced.
    range: Option<((u32, u32), (u32, u32))>,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    utf16: bool,
    text: String,
    changes: Vec<Vec<Change>>,
}

fuzz_target!(|input: Input| {
    let enc = if input.utf16 { Encoding::Utf16 } else { Encoding::Utf8 };
    let path = Path::new("/corpus/a.md");
    let mut docs = Documents::default();
    docs.open(path.to_path_buf(), &input.text, 1);
    for (version, batch) in input.changes.iter().enumerate() {
        let events: Vec<TextDocumentContentChangeEvent> = batch
            .iter()
            .map(|c| TextDocumentContentChangeEvent {
                range: c.range.map(|((l0, c0), (l1, c1))| {
                    Range::new(Position::new(l0, c0), Position::new(l1, c1))
                }),
                range_length: None,
                text: c.text.clone(),
            })
            .collect();
        let applied = docs.change(path, version as i32 + 2, &events, enc);
        assert!(applied.is_ok());
    }
    let Some(doc) = docs.get(path) else {
        panic!("the open document is gone");
    };
    let text = doc.text.to_string();
    let lines = LineIndex::new(&text);
    let at = TextRef {
        text: &text,
        lines: &lines,
    };
    for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
        if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
            continue;
        }
        let pos = at.position(enc, offset);
        assert_eq!(at.offset(enc, pos), Some(offset), "{pos:?}");
    }
});
