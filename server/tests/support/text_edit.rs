//! Applying an LSP edit to a plain string, independently of the server's rope, to check it against.

#![allow(dead_code)] // not every test binary applies edits

use dateline::lsp::convert::Encoding;
use tower_lsp_server::ls_types::Position;

/// The byte offset of a position in `text`, by a plain walk over its characters: lines end at LF, CRLF
/// or CR; a column past the end of its line is the line's end; a line past the end is the text's end.
pub fn offset(text: &str, pos: Position, enc: Encoding) -> usize {
    let mut line = 0;
    let mut i = 0;
    let b = text.as_bytes();
    while line < pos.line {
        match text[i..].find(['\n', '\r']) {
            None => return text.len(),
            Some(k) => {
                i += k;
                i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                line += 1;
            }
        }
    }
    let end = text[i..].find(['\n', '\r']).map_or(text.len(), |k| i + k);
    let mut units = 0;
    for (k, c) in text[i..end].char_indices() {
        let w = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        if units + w > pos.character as usize {
            return i + k;
        }
        units += w;
    }
    end
}
