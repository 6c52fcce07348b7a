//! Byte-offset spans and a line index for turning them into line/column positions.
//!
//! Inside Rust every position is a byte offset into the original text. Surfaces that need
//! other units (JS editors want UTF-16 code units, humans want 1-based line/column) convert
//! once, at their boundary, with [`LineIndex`].

use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;
use std::rc::Rc;

/// A half-open byte range `start..end` into the source text.
///
/// It serialises as `{start, end}` in bytes, or, inside [`with_positions`], as a [`Range`]
/// in the encoding asked for: that is how a front end converts every span of a report at
/// once, however deeply it is nested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
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

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match SCOPE.with(|scope| scope.borrow().as_ref().map(|s| s.range(*self))) {
            Some(range) => range.serialize(serializer),
            None => Bytes { start: self.start, end: self.end }.serialize(serializer),
        }
    }
}

/// In TypeScript a span is always a [`Range`]: front ends serialise inside [`with_positions`].
#[cfg(feature = "typescript")]
impl ts_rs::TS for Span {
    type WithoutGenerics = Span;
    type OptionInnerType = Span;

    fn name(cfg: &ts_rs::Config) -> String {
        Range::name(cfg)
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        Range::inline(cfg)
    }

    fn visit_dependencies(v: &mut impl ts_rs::TypeVisitor) {
        v.visit::<Range>();
    }
}

/// A span's plain serialised form: byte offsets.
#[derive(Serialize)]
struct Bytes {
    start: usize,
    end: usize,
}

/// The unit in which a front end counts offsets and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PositionEncoding {
    /// UTF-8 bytes: Rust's `str` indices.
    #[default]
    Utf8,
    /// UTF-16 code units: JavaScript string indices, the DOM, LSP's default.
    Utf16,
    /// Unicode scalar values (characters): Python string indices.
    Utf32,
}

/// A span as a front end shows it: offsets and 1-based line/column, offsets and columns
/// counted in one [`PositionEncoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Range {
    /// Offset of the first unit.
    pub start: usize,
    /// Offset one past the last unit (equal to `start` for a point).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`.
    pub end_column: usize,
}

/// The text and encoding spans are serialised against, inside [`with_positions`].
struct Scope {
    text: String,
    lines: Lines,
    encoding: PositionEncoding,
}

impl Scope {
    fn range(&self, span: Span) -> Range {
        LineIndex { text: &self.text, lines: self.lines.clone() }.range(span, self.encoding)
    }
}

thread_local! {
    static SCOPE: RefCell<Option<Scope>> = const { RefCell::new(None) };
}

/// Runs `f` (typically a serialisation) with every [`Span`] serialising as a [`Range`] of
/// `text` in `encoding`. Scopes nest: the previous one is restored afterwards.
pub fn with_positions<R>(text: &str, encoding: PositionEncoding, f: impl FnOnce() -> R) -> R {
    let lines = Lines::new(text);
    let scope = Scope { text: text.to_owned(), lines, encoding };
    let previous = SCOPE.with(|s| s.replace(Some(scope)));
    let result = f();
    SCOPE.with(|s| s.replace(previous));
    result
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
    lines: Lines,
}

/// Where each line starts, counted in bytes, UTF-16 code units and characters, so that
/// converting an offset costs the length of its line, not of the text before it (a front
/// end asks for every span of a large script).
#[derive(Debug, Clone)]
struct Lines {
    bytes: Rc<[usize]>,
    utf16: Rc<[usize]>,
    chars: Rc<[usize]>,
    /// UTF-16 units and characters before each [`BLOCK`]-byte block, so that converting an
    /// offset on a very long line costs at most one block, not the line (a whole script on one
    /// line would otherwise be quadratic).
    block_utf16: Rc<[usize]>,
    block_chars: Rc<[usize]>,
}

/// The size of the blocks [`Lines`] keeps counts for.
const BLOCK: usize = 256;

/// UTF-16 units and characters of the characters that start in `bytes` (a character is
/// counted at its first byte: one unit, two for those beyond U+FFFF, whose UTF-8 starts with
/// 0xF0 or more). Continuation bytes count nothing, so any byte range may be given.
fn count(bytes: &[u8]) -> (usize, usize) {
    let (mut units, mut scalars) = (0, 0);
    for &b in bytes {
        if b & 0xC0 != 0x80 {
            units += 1 + usize::from(b >= 0xF0);
            scalars += 1;
        }
    }
    (units, scalars)
}

impl Lines {
    /// One pass over the bytes of `text`.
    fn new(text: &str) -> Self {
        let (mut bytes, mut utf16, mut chars) = (vec![0], vec![0], vec![0]);
        let (mut block_utf16, mut block_chars) = (vec![0], vec![0]);
        let (mut units, mut scalars) = (0, 0);
        for (i, b) in text.bytes().enumerate() {
            if i > 0 && i % BLOCK == 0 {
                block_utf16.push(units);
                block_chars.push(scalars);
            }
            if b & 0xC0 != 0x80 {
                units += 1 + usize::from(b >= 0xF0);
                scalars += 1;
            }
            if b == b'\n' {
                bytes.push(i + 1);
                utf16.push(units);
                chars.push(scalars);
            }
        }
        Lines {
            bytes: bytes.into(),
            utf16: utf16.into(),
            chars: chars.into(),
            block_utf16: block_utf16.into(),
            block_chars: block_chars.into(),
        }
    }

    /// UTF-16 units and characters before byte `offset` of `text` (a character boundary).
    fn units_before(&self, text: &str, offset: usize) -> (usize, usize) {
        // The table has an entry for every block that starts before the end of the text; an
        // offset at the very end of a text of whole blocks uses the last one.
        let block = (offset / BLOCK).min(self.block_utf16.len() - 1);
        let (units, scalars) = count(&text.as_bytes()[block * BLOCK..offset]);
        (self.block_utf16[block] + units, self.block_chars[block] + scalars)
    }
}

impl<'a> LineIndex<'a> {
    /// Builds the index for `text` (one pass over its bytes).
    pub fn new(text: &'a str) -> Self {
        LineIndex { text, lines: Lines::new(text) }
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
        match self.lines.bytes.binary_search(&o) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Line and column (1-based) of a byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let (units, chars) = self.lines.units_before(self.text, o);
        LineCol {
            line: line + 1,
            column: chars - self.lines.chars[line] + 1,
            column_utf16: units - self.lines.utf16[line] + 1,
        }
    }

    /// The [`Range`] of `span` in `encoding`.
    pub fn range(&self, span: Span, encoding: PositionEncoding) -> Range {
        let (start, line, column) = self.locate(span.start, encoding);
        let (end, end_line, end_column) = self.locate(span.end.max(span.start), encoding);
        Range { start, end, line, column, end_line, end_column }
    }

    /// Offset in `encoding` of a byte offset: the inverse of [`Self::byte_offset`].
    pub fn offset(&self, offset: usize, encoding: PositionEncoding) -> usize {
        self.locate(offset, encoding).0
    }

    /// The byte offset of an offset counted in `encoding`, clamped into the text. An offset
    /// inside a character (between the halves of a UTF-16 surrogate pair, or inside a UTF-8
    /// sequence) maps to the character's start.
    pub fn byte_offset(&self, offset: usize, encoding: PositionEncoding) -> usize {
        let table = match encoding {
            PositionEncoding::Utf8 => return self.clamp(offset),
            PositionEncoding::Utf16 => &self.lines.utf16,
            PositionEncoding::Utf32 => &self.lines.chars,
        };
        // The last line starting at or before `offset`, then count within it.
        let line = table.partition_point(|&u| u <= offset).saturating_sub(1);
        let mut units = table[line];
        let start = self.lines.bytes[line];
        for (i, c) in self.text[start..].char_indices() {
            let width = if encoding == PositionEncoding::Utf16 { c.len_utf16() } else { 1 };
            if units + width > offset {
                return start + i;
            }
            units += width;
        }
        self.text.len()
    }

    /// `(offset, line, column)` of a byte offset in `encoding`; line and column 1-based.
    fn locate(&self, offset: usize, encoding: PositionEncoding) -> (usize, usize, usize) {
        let o = self.clamp(offset);
        let line = self.line_of(o);
        let (offset, line_start) = match encoding {
            PositionEncoding::Utf8 => (o, self.lines.bytes[line]),
            PositionEncoding::Utf16 => (self.lines.units_before(self.text, o).0, self.lines.utf16[line]),
            PositionEncoding::Utf32 => (self.lines.units_before(self.text, o).1, self.lines.chars[line]),
        };
        (offset, line + 1, offset - line_start + 1)
    }

    /// Offset of `offset` counted in UTF-16 code units from the start of the text.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        self.lines.units_before(self.text, self.clamp(offset)).0
    }

    /// The text of a 0-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.lines.bytes.get(line).copied().unwrap_or(self.text.len());
        let end = self.lines.bytes.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches('\n').trim_end_matches('\r')
    }

    /// Byte offset where a 0-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.lines.bytes.get(line).copied().unwrap_or(self.text.len())
    }

    /// Number of lines (a text without line breaks has one).
    pub fn line_count(&self) -> usize {
        self.lines.bytes.len()
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
    fn ranges_and_offsets_agree_in_every_encoding() {
        for text in ["", "a\n", "-- 😀\r\n备份 BACKUP x\n\n\u{10FFFF}é;\nlast", "😀😀\n\n\n"] {
            let idx = LineIndex::new(text);
            let mut checked = 0;
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let want16 = text[..b].encode_utf16().count();
                let want32 = text[..b].chars().count();
                assert_eq!(idx.offset(b, PositionEncoding::Utf8), b);
                assert_eq!(idx.offset(b, PositionEncoding::Utf16), want16);
                assert_eq!(idx.offset(b, PositionEncoding::Utf32), want32);
                assert_eq!(idx.byte_offset(want16, PositionEncoding::Utf16), b);
                assert_eq!(idx.byte_offset(want32, PositionEncoding::Utf32), b);
                let lc = idx.line_col(b);
                let r = idx.range(Span::empty(b), PositionEncoding::Utf16);
                assert_eq!((r.line, r.column, r.end_column), (lc.line, lc.column_utf16, lc.column_utf16));
                let r = idx.range(Span::empty(b), PositionEncoding::Utf32);
                assert_eq!((r.line, r.column), (lc.line, lc.column));
                checked += 1;
            }
            assert!(checked > 0);
            // Past the end and inside a surrogate pair.
            assert_eq!(idx.byte_offset(usize::MAX, PositionEncoding::Utf16), text.len());
        }
        let idx = LineIndex::new("😀x");
        assert_eq!(idx.byte_offset(1, PositionEncoding::Utf16), 0);
        assert_eq!(idx.byte_offset(2, PositionEncoding::Utf16), 4);
    }

    #[test]
    fn long_lines_convert_across_blocks() {
        // Several blocks on one line and on later lines, with 2-, 3- and 4-byte characters
        // falling across block boundaries.
        let line: String = (0..700).map(|i| ["a", "é", "备", "😀"][i % 4]).collect();
        let text = format!("{line}\n{line}x\n\n{line}");
        // Texts of whole blocks end exactly where a block would start.
        for len in [BLOCK, 2 * BLOCK, 3 * BLOCK] {
            let whole = "x".repeat(len);
            let idx = LineIndex::new(&whole);
            assert_eq!(idx.range(Span::empty(len), PositionEncoding::Utf16).start, len);
            assert_eq!(idx.line_col(len).column, len + 1);
        }
        let idx = LineIndex::new(&text);
        let mut checked = 0;
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let line_start = text[..b].rfind('\n').map_or(0, |n| n + 1);
            let want16 = text[..b].encode_utf16().count();
            let want32 = text[..b].chars().count();
            let col16 = text[line_start..b].encode_utf16().count() + 1;
            let col32 = text[line_start..b].chars().count() + 1;
            let r = idx.range(Span::empty(b), PositionEncoding::Utf16);
            assert_eq!((r.start, r.column), (want16, col16), "at byte {b}");
            let r = idx.range(Span::empty(b), PositionEncoding::Utf32);
            assert_eq!((r.start, r.column), (want32, col32), "at byte {b}");
            let lc = idx.line_col(b);
            assert_eq!((lc.column, lc.column_utf16), (col32, col16));
            assert_eq!(idx.utf16_offset(b), want16);
            assert_eq!(idx.byte_offset(want16, PositionEncoding::Utf16), b);
            checked += 1;
        }
        assert!(checked > 2000);
    }

    #[test]
    fn spans_serialise_as_ranges_inside_with_positions() {
        let span = Span::new(4, 7);
        let text = "😀\nabcdef";
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, r#"{"start":4,"end":7}"#);
        let json = with_positions(text, PositionEncoding::Utf16, || serde_json::to_string(&[span]).unwrap());
        assert_eq!(json, r#"[{"start":2,"end":5,"line":1,"column":3,"endLine":2,"endColumn":3}]"#);
        // The scope ends with the call.
        assert_eq!(serde_json::to_string(&span).unwrap(), r#"{"start":4,"end":7}"#);
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
