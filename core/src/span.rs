//! Byte-offset spans and a line index for turning them into line/column positions.
//!
//! Inside Rust every position is a byte offset into the original text. Surfaces that need
//! other units (JS editors want UTF-16 code units, humans want 1-based line/column) convert
//! once, at their boundary, with [`LineIndex`].

use serde::Serialize;

/// A half-open byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `offset`.
    pub const fn empty(offset: usize) -> Self {
        Span { start: offset, end: offset }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source` (empty when out of range).
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// A position as editors and humans count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values (characters).
    pub column: usize,
    /// 1-based column counted in UTF-16 code units (what JS editors use).
    pub column_utf16: usize,
}

/// Maps byte offsets to lines, columns and UTF-16 offsets.
///
/// Lines end at `\n`; a `\r\n` pair counts as one line break.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// UTF-16 offset of each line's start, so that converting an offset costs the length of
    /// its line, not of the text before it (JS asks for every span of a large script).
    line_starts_utf16: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Builds the index for `text` (one pass over its bytes).
    pub fn new(text: &'a str) -> Self {
        let (mut line_starts, mut line_starts_utf16) = (vec![0], vec![0]);
        let mut units = 0;
        for (i, b) in text.bytes().enumerate() {
            // One UTF-16 unit per character (counted at its first byte), two for those
            // beyond U+FFFF (four-byte UTF-8, first byte 0xF0 or more).
            if b & 0xC0 != 0x80 {
                units += 1 + usize::from(b >= 0xF0);
            }
            if b == b'\n' {
                line_starts.push(i + 1);
                line_starts_utf16.push(units);
            }
        }
        LineIndex { text, line_starts, line_starts_utf16 }
    }

    /// Clamps `offset` into the text and back onto a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let o = self.clamp(offset);
        match self.line_starts.binary_search(&o) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Line and column (1-based) of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let prefix = &self.text[self.line_starts[line]..o];
        LineCol {
            line: line + 1,
            column: prefix.chars().count() + 1,
            column_utf16: prefix.encode_utf16().count() + 1,
        }
    }

    /// Offset of `offset` counted in UTF-16 code units from the start of the text.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        self.line_starts_utf16[line] + self.text[self.line_starts[line]..o].encode_utf16().count()
    }

    /// The text of a 0-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches('\n').trim_end_matches('\r')
    }

    /// Byte offset where a 0-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// Number of lines (a text without line breaks has one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_utf16_units() {
        let text = "ab\n😀x\r\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), LineCol { line: 1, column: 1, column_utf16: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(x), LineCol { line: 2, column: 2, column_utf16: 3 });
        let z = text.find('z').unwrap();
        assert_eq!(idx.line_col(z).line, 3);
        assert_eq!(idx.line_text(1), "😀x");
        assert_eq!(idx.utf16_offset(x), 5);
        // An offset inside a multi-byte character snaps back to its start.
        assert_eq!(idx.line_col(4).column, 1);
    }

    #[test]
    fn utf16_offsets_match_counting_from_the_start_at_every_byte() {
        for text in ["", "\n", "-- 😀\r\n备份 BACKUP x\n\n\u{10FFFF}é;\nlast", "😀😀\n\n\n", "备\n😀"]
        {
            let idx = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                let mut o = offset.min(text.len());
                while !text.is_char_boundary(o) {
                    o -= 1;
                }
                let want = text[..o].encode_utf16().count();
                assert_eq!(idx.utf16_offset(offset), want, "{text:?} at byte {offset}");
            }
        }
    }
}
