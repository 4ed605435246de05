//! The documents open in the editor: their text as a rope, edited in place by incremental `didChange`
//! events in the negotiated position encoding. While a document is open its text wins over the file on disk.

use super::convert::Encoding;
use ropey::Rope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent};

/// One open document.
#[derive(Debug, Clone)]
pub struct OpenDoc {
    pub text: Rope,
    pub version: i32,
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0}: edit to a document that is not open")]
    NotOpen(String),
}

/// The open documents, by absolute path.
#[derive(Debug, Default)]
pub struct Documents {
    docs: HashMap<PathBuf, OpenDoc>,
}

impl Documents {
    pub fn open(&mut self, path: PathBuf, text: &str, version: i32) {
        self.docs.insert(
            path,
            OpenDoc {
                text: Rope::from_str(text),
                version,
            },
        );
    }

    pub fn close(&mut self, path: &Path) -> bool {
        self.docs.remove(path).is_some()
    }

    pub fn get(&self, path: &Path) -> Option<&OpenDoc> {
        self.docs.get(path)
    }

    pub fn is_open(&self, path: &Path) -> bool {
        self.docs.contains_key(path)
    }

    pub fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.docs.keys()
    }

    /// Applies the changes of one `didChange`, in order.
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        enc: Encoding,
    ) -> Result<(), EditError> {
        let doc = self
            .docs
            .get_mut(path)
            .ok_or_else(|| EditError::NotOpen(path.display().to_string()))?;
        for change in changes {
            match change.range {
                None => doc.text = Rope::from_str(&change.text),
                Some(range) => {
                    let a = char_index(&doc.text, range.start, enc);
                    let b = char_index(&doc.text, range.end, enc).max(a);
                    doc.text.remove(a..b);
                    doc.text.insert(a, &change.text);
                }
            }
        }
        doc.version = version;
        Ok(())
    }
}

/// The char index of an LSP position in a rope: a line past the end means the end of the text, a
/// character past the end of its line the end of that line (before its line break).
pub fn char_index(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut content = slice.len_chars();
    // the line's break (LF, CRLF or CR) is not part of its columns
    if content > 0 && slice.char(content - 1) == '\n' {
        content -= 1;
    }
    if content > 0 && slice.char(content - 1) == '\r' {
        content -= 1;
    }
    let body = slice.slice(..content);
    let units = pos.character as usize;
    let within = match enc {
        Encoding::Utf8 => {
            let b = units.min(body.len_bytes());
            // a byte inside a character counts from the character's start
            body.byte_to_char(b)
        }
        Encoding::Utf16 => {
            let u = units.min(body.len_utf16_cu());
            body.utf16_cu_to_char(u)
        }
    };
    start + within
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn edit(range: ((u32, u32), (u32, u32)), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(range.0.0, range.0.1),
                Position::new(range.1.0, range.1.1),
            )),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_in_utf16_and_utf8() {
        let mut docs = Documents::default();
        let p = PathBuf::from("/c/a.txt");
        docs.open(p.clone(), "Zé 😀 met Putin\r\nin Riyadh.\n", 1);
        // UTF-16: "😀" is two units; replace "met" (units 5..8)
        docs.change(&p, 2, &[edit(((0, 6), (0, 9)), "saw")], Encoding::Utf16)
            .unwrap();
        assert_eq!(
            docs.get(&p).unwrap().text.to_string(),
            "Zé 😀 saw Putin\r\nin Riyadh.\n"
        );
        // UTF-8: "Riyadh" starts at byte 3 of line 1; past-the-end character clamps before the CRLF
        docs.change(
            &p,
            3,
            &[
                edit(((1, 3), (1, 9)), "Geneva"),
                edit(((0, 99), (0, 99)), "!"),
            ],
            Encoding::Utf8,
        )
        .unwrap();
        let d = docs.get(&p).unwrap();
        assert_eq!(d.text.to_string(), "Zé 😀 saw Putin!\r\nin Geneva.\n");
        assert_eq!(d.version, 3);
    }

    #[test]
    fn edits_to_unopened_documents_are_errors_and_positions_past_the_end_clamp() {
        let mut docs = Documents::default();
        let p = PathBuf::from("/c/a.txt");
        assert!(docs.change(&p, 1, &[], Encoding::Utf16).is_err());
        docs.open(p.clone(), "ab", 1);
        docs.change(&p, 2, &[edit(((5, 0), (9, 9)), "c")], Encoding::Utf16)
            .unwrap();
        assert_eq!(docs.get(&p).unwrap().text.to_string(), "abc");
    }
}
