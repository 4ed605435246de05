//! Line index: converts byte offsets in an article to 1-based line and column (Unicode scalar values,
//! as the CLI and JSON outputs count them) and to UTF-16 code units (for the language server).

/// Start offsets of every line of a text, in 32 bits (an article is at most 64 MiB:
/// `corpus::MAX_ARTICLE_BYTES`; the lines of a longer text past 4 GiB would all start there).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

/// A 1-based line and column, the column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // LF, CRLF and a lone CR each end a line, as in LSP and in editors.
        starts.extend(
            line_end_bytes(bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        );
        starts.shrink_to_fit();
        LineIndex { starts }
    }

    /// 0-based line holding byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where 0-based `line` starts, if the line exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).map(|&s| s as usize)
    }

    /// The text of 0-based `line`, without its line end.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self.line_start(line + 1).unwrap_or(text.len());
        text.get(start..end.min(text.len()))
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// 1-based line and column of byte `offset`; an offset inside a character counts from its start.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = (self.starts[line] as usize).min(offset);
        let column = text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Offsets of every `\n` and `\r` byte.
fn line_end_bytes(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n' || b == b'\r')
        .map(|(i, _)| i)
}

/// The largest char boundary not after `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values_and_crlf_is_one_line_end() {
        let text = "ab\r\n“Zé” said\nlast";
        let idx = LineIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(idx.line_col(text, said), LineCol { line: 2, column: 6 });
        assert_eq!(idx.line_text(text, 0), "ab");
        assert_eq!(idx.line_text(text, 2), "last");
        assert_eq!(
            idx.line_col(text, text.len()),
            LineCol { line: 3, column: 5 }
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "one\rtwo\r\nthree";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_text(text, 1), "two");
        let three = text.find("three").unwrap();
        assert_eq!(idx.line_col(text, three), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn offset_inside_a_character_is_clamped() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1), LineCol { line: 1, column: 1 });
    }
}
