//! Every conversion between the engine's byte offsets and LSP positions, ranges, locations and URIs, in
//! the position encoding negotiated at `initialize` (UTF-8 when the client offers it, else UTF-16).

use crate::analysis::Span;
use crate::corpus::LineIndex;
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range, Uri};

/// How `Position::character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it, else UTF-16 (the protocol's default).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// Length of `s` in this encoding's code units.
    pub fn len(self, s: &str) -> usize {
        match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
        }
    }

    /// Byte offset within `line` of `units` code units, clamped to the line (a position inside a
    /// character or past the end of the line lands on the character's start or the line's end).
    pub fn byte_in_line(self, line: &str, units: usize) -> usize {
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            let w = match self {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if counted + w > units {
                return i;
            }
            counted += w;
        }
        line.len()
    }
}

/// An article's text with its line index: what positions are converted against.
#[derive(Clone, Copy)]
pub struct TextRef<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl<'a> TextRef<'a> {
    /// The LSP position of byte `offset` (clamped to the text).
    pub fn position(&self, enc: Encoding, offset: usize) -> Position {
        let offset = crate::corpus::lines::floor_char_boundary(self.text, offset);
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0).min(offset);
        let character = enc.len(self.text.get(start..offset).unwrap_or(""));
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of an LSP position; `None` when the line does not exist. A character past the end
    /// of its line means the end of the line, as the protocol says.
    pub fn offset(&self, enc: Encoding, pos: Position) -> Option<usize> {
        let line = pos.line as usize;
        let start = self.lines.line_start(line)?;
        let text = self.lines.line_text(self.text, line);
        Some(start + enc.byte_in_line(text, pos.character as usize))
    }

    pub fn range(&self, enc: Encoding, span: Span) -> Range {
        Range::new(self.position(enc, span.start), self.position(enc, span.end))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The file path of a `file:` URI.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn path_to_uri(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let text = "a😀b\nzé";
        let lines = LineIndex::new(text);
        let t = TextRef {
            text,
            lines: &lines,
        };
        let b = text.find('b').unwrap();
        assert_eq!(t.position(Encoding::Utf16, b), Position::new(0, 3));
        assert_eq!(t.position(Encoding::Utf8, b), Position::new(0, 5));
        assert_eq!(t.offset(Encoding::Utf16, Position::new(0, 3)), Some(b));
        assert_eq!(t.offset(Encoding::Utf8, Position::new(0, 5)), Some(b));
        // inside the surrogate pair: the emoji's start
        assert_eq!(t.offset(Encoding::Utf16, Position::new(0, 2)), Some(1));
        // past the end of a line: the line's end, not the next line
        assert_eq!(t.offset(Encoding::Utf16, Position::new(0, 99)), Some(b + 1));
        assert_eq!(t.offset(Encoding::Utf16, Position::new(7, 0)), None);
        let e = text.find('é').unwrap();
        assert_eq!(t.position(Encoding::Utf16, e + 2), Position::new(1, 2));
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let only16 = [PositionEncodingKind::UTF16];
        assert_eq!(Encoding::negotiate(Some(&only16)), Encoding::Utf16);
    }
}
