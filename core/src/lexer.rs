//! StarRocks's lexer, mirrored exactly.
//!
//! StarRocks lexes with ANTLR (`StarRocksLex.g4`) over a case-insensitive character stream:
//! longest match wins, and on a tie the rule written first wins (keywords before identifiers,
//! `INTEGER_VALUE` before `DIGIT_IDENTIFIER`, `LETTER_IDENTIFIER` before `WS`). Characters no
//! rule matches are reported on StarRocks's console and silently skipped; an unterminated
//! string or backquoted name swallows the rest of the input. This module reproduces all of
//! that and turns the silent cases into diagnostics.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix, Severity};
use crate::span::Span;

macro_rules! token_kinds {
    ( keywords { $( $kw:ident ),* $(,)? } others { $( $other:ident ),* $(,)? } ) => {
        /// The kind of a token. Grammar keywords have a kind each; every other StarRocks keyword
        /// is [`Tok::KwReserved`] or [`Tok::KwNonReserved`].
        #[allow(missing_docs, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Tok {
            $( $kw, )*
            $( $other, )*
        }

        impl Tok {
            /// Every kind, in declaration order.
            pub const KINDS: &'static [Tok] = &[ $( Tok::$kw, )* $( Tok::$other, )* ];

            /// The grammar keywords and their upper-case spelling.
            pub const GRAMMAR_KEYWORDS: &'static [(Tok, &'static str)] =
                &[ $( (Tok::$kw, stringify!($kw)), )* ];

            /// The token's name as the pest grammar spells it.
            pub fn name(self) -> &'static str {
                match self {
                    $( Tok::$kw => stringify!($kw), )*
                    $( Tok::$other => stringify!($other), )*
                }
            }
        }
    };
}

token_kinds! {
    keywords {
        ADMIN, ALL, ALTER, AND, AS, ASC, AUTOMATED, BACKUP, BETWEEN, BROKER, BY, CANCEL, CASE,
        CATALOG, CATALOGS, CHAR, CLUSTER, COMMENT, CREATE, DATABASE, DATE, DATETIME, DAY, DESC,
        DISTINCT, DIV, DROP, ELSE, END, EXTERNAL, FALSE, FIRST, FOR, FORCE, FROM, FUNCTION,
        EXISTS, FUNCTIONS, HOUR, IF, IN, INTERVAL, IS, LAST, LEFT, LIKE, LIMIT, LOCATION, MATERIALIZED,
        MICROSECOND, MILLISECOND, MINUTE, MOD, MONTH, NOT, NULL, NULLS, OFF, OFFSET, ON, ONLY, OR,
        ORDER, PARTITION, PARTITIONS, PROPERTIES, QUARTER, READ, REGEXP, REPOSITORIES, REPOSITORY,
        RESTORE, RIGHT, RLIKE, SECOND, SET, SHOW, SNAPSHOT, STORAGE, TABLE, TABLES, TEMPORARY, THEN,
        TO, TRUE, VIEW, VIEWS, VOLUME, WEEK, WHEN, WHERE, WITH, YEAR,
    }
    others {
        // Any other StarRocks keyword.
        KwReserved, KwNonReserved,
        // Names.
        LetterIdent, DigitIdent, BackquotedIdent, DotIdent,
        // Literals.
        IntegerValue, DecimalValue, DoubleValue, SingleQuoted, DoubleQuoted, BinarySingle,
        BinaryDouble, Attachment,
        // Operators and punctuation.
        Eq, NotEq, Lt, LtEq, Gt, GtEq, NullSafeEq, ArrayElement, Plus, Minus, Star, Slash,
        Percent, LogicalOr, LogicalAnd, LogicalNot, BitAnd, BitOr, BitXor, BitNot, Arrow, At,
        DoubleColon, Colon, Parameter, DotDotDot, DoubleDollar, LParen, RParen, Comma, Dot,
        LBracket, RBracket, LBrace, RBrace, Semicolon,
        // Hidden channel.
        Whitespace, Comment, Hint,
    }
}

impl Tok {
    /// The private-use character that stands for this kind in the token string the pest
    /// grammar parses.
    pub fn symbol(self) -> char {
        char::from_u32(0xE000 + self as u32).expect("private-use range")
    }

    /// The kind a symbol stands for.
    pub fn from_symbol(c: char) -> Option<Tok> {
        let i = (c as u32).checked_sub(0xE000)? as usize;
        Tok::KINDS.get(i).copied()
    }

    /// Hidden-channel tokens: whitespace, comments and optimizer hints.
    pub fn is_trivia(self) -> bool {
        matches!(self, Tok::Whitespace | Tok::Comment | Tok::Hint)
    }

    /// Keywords the grammar's `nonReserved` rule lets stand as identifiers.
    pub fn is_non_reserved_keyword(self) -> bool {
        self == Tok::KwNonReserved
            || Tok::GRAMMAR_KEYWORDS.iter().any(|(t, name)| *t == self && keyword_lookup(name) == Some(true))
    }
}

/// One token: its kind and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The kind.
    pub kind: Tok,
    /// Byte range in the source.
    pub span: Span,
}

/// The output of [`lex`].
#[derive(Debug, Clone, Default)]
pub struct Lexed {
    /// Every token, hidden-channel ones included, in order.
    pub tokens: Vec<Token>,
    /// Lexical diagnostics (dropped characters, unterminated strings, …).
    pub diagnostics: Vec<Diagnostic>,
}

/// The length of StarRocks's longest keyword (`BITSHIFTRIGHTLOGICAL`), in characters.
const LONGEST_KEYWORD: usize = 20;

/// Looks up an upper-case word in StarRocks's keyword table: `Some(true)` for a
/// non-reserved keyword, `Some(false)` for a reserved one, `None` for a plain word.
pub fn keyword_lookup(upper: &str) -> Option<bool> {
    crate::keywords::lookup(upper)
}

/// The token kind of a word once it is known to be a keyword.
fn keyword_kind(upper: &str, non_reserved: bool) -> Tok {
    Tok::GRAMMAR_KEYWORDS
        .iter()
        .find(|(_, name)| *name == upper)
        .map(|(t, _)| *t)
        .unwrap_or(if non_reserved { Tok::KwNonReserved } else { Tok::KwReserved })
}

/// Java's `Character.toUpperCase` where it matters for lexing: ASCII letters, plus the two
/// non-ASCII characters whose upper case is ASCII (dotless `ı` → `I`, long `ſ` → `S`). Every
/// other non-ASCII character stays non-ASCII, which is all the lexer needs to know.
pub fn java_upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'ı' => 'I',
        'ſ' => 'S',
        _ => c,
    }
}

/// `value.toUpperCase()` as Java computes it, exact wherever the result is compared with an
/// ASCII word (`FULL`, `INCREMENTAL`, …): every character whose upper case is a single ASCII
/// character is mapped by [`java_upper`]; the multi-character upper cases (`ß` → `SS`, the
/// `ﬀ`-style ligatures) never spell one of the words the checks compare with. Kept apart
/// from `str::to_uppercase` so the app and the npm package do not carry Unicode's upper-case
/// tables (about 8 KB gzip).
pub fn java_upper_str(value: &str) -> String {
    value.chars().map(java_upper).collect()
}

/// Lower case for comparing names case-insensitively (`String.CASE_INSENSITIVE_ORDER`,
/// `toLowerCase()` in StarRocks): ASCII, Latin-1, basic Greek and basic Cyrillic capitals
/// are lowered, plus the Kelvin sign (`K` → `k`, the one other character whose lower case
/// is ASCII); every other character is kept. Measured reason for not using
/// `str::to_lowercase`: Unicode's lower-case tables are 8.1 KB gzip of the app's first load
/// (`trunk build --release`, 306,286 → 298,182 B), which is over its 300 KB budget with
/// them. Names with letters of other scripts that have case (Latin Extended, Armenian,
/// Georgian, …) are therefore compared exactly; `fold_case_agrees_with_unicode` pins the
/// covered ranges to Rust's own mapping.
pub fn fold_case(value: &str) -> String {
    value.chars().map(fold_char).collect()
}

/// One character of [`fold_case`].
pub fn fold_char(c: char) -> char {
    let shifted = |by: u32| char::from_u32(c as u32 + by).unwrap_or(c);
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => shifted(0x20),
        '\u{391}'..='\u{3ab}' if c != '\u{3a2}' => shifted(0x20),
        '\u{400}'..='\u{40f}' => shifted(0x50),
        '\u{410}'..='\u{42f}' => shifted(0x20),
        '\u{212a}' => 'k',
        _ => c,
    }
}

/// `LETTER : [a-zA-Z_$\u0080-\uffff]` (after upper-casing).
pub fn is_letter(c: char) -> bool {
    let u = java_upper(c);
    u.is_ascii_uppercase() || u == '_' || u == '$' || ('\u{80}'..='\u{ffff}').contains(&u)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// `(LETTER | DIGIT | '_')`
fn is_ident_continue(c: char) -> bool {
    is_letter(c) || is_digit(c)
}

/// `WS : [ \r\n\t\u3000]+`
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\r' | '\n' | '\t' | '\u{3000}')
}

struct Cursor<'a> {
    text: &'a str,
}

impl<'a> Cursor<'a> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// Length in bytes of the longest run from `i` of characters satisfying `f`.
    fn run(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while let Some(c) = self.char_at(j) {
            if !f(c) {
                break;
            }
            j += c.len_utf8();
        }
        j - i
    }

    fn starts_with(&self, i: usize, s: &str) -> bool {
        self.text.get(i..).is_some_and(|t| t.starts_with(s))
    }
}

/// A candidate match: token kind, length in bytes, rule priority (lower wins ties).
type Candidate = (Tok, usize, u8);

// Rule priorities, in the order StarRocksLex.g4 declares them (implicit parser literals and
// keywords first).
const P_LITERAL: u8 = 0;
const P_KEYWORD: u8 = 1;
const P_OPERATOR: u8 = 2;
const P_INTEGER: u8 = 3;
const P_DECIMAL: u8 = 4;
const P_DOUBLE: u8 = 5;
const P_STRING: u8 = 6;
const P_BINARY: u8 = 7;
const P_LETTER_IDENT: u8 = 8;
const P_DIGIT_IDENT: u8 = 9;
const P_BACKQUOTED: u8 = 10;
const P_DOT_IDENT: u8 = 11;
const P_COMMENT: u8 = 12;
const P_DOTDOTDOT: u8 = 13;
const P_WS: u8 = 14;
const P_ATTACHMENT: u8 = 15;

/// Lexes `text` exactly as StarRocks does. Never panics.
pub fn lex(text: &str) -> Lexed {
    let cur = Cursor { text };
    let mut out = Lexed::default();
    let mut i = 0;
    let mut cands: Vec<Candidate> = Vec::with_capacity(8);
    while i < text.len() {
        let c = cur.char_at(i).expect("in bounds, on a boundary");
        cands.clear();
        collect_candidates(&cur, i, c, &mut cands);
        // Longest match; on a tie the rule declared first.
        let best = cands.iter().copied().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        match best {
            Some((kind, len, _)) if len > 0 => {
                if kind == Tok::Slash && cur.starts_with(i, "/*") {
                    out.diagnostics.push(unterminated_comment_diagnostic(text, i));
                }
                if kind == Tok::BackquotedIdent && len > 2 && text[i + 1..i + len - 1].contains("``") {
                    out.diagnostics.push(doubled_backquote_diagnostic(text, Span::new(i, i + len)));
                }
                out.tokens.push(Token { kind, span: Span::new(i, i + len) });
                i += len;
            }
            _ => {
                if let Some((kind, len)) = unterminated(&cur, i, c) {
                    out.diagnostics.push(unterminated_diagnostic(text, kind, Span::new(i, i + len)));
                    i += len;
                } else {
                    out.diagnostics.push(dropped_char_diagnostic(text, i, c));
                    i += c.len_utf8();
                }
            }
        }
    }
    out
}

fn collect_candidates(cur: &Cursor<'_>, i: usize, c: char, cands: &mut Vec<Candidate>) {
    let u = java_upper(c);
    // Operators and punctuation (the longest spelling of each family).
    const OPS: &[(&str, Tok, u8)] = &[
        ("<=>", Tok::NullSafeEq, P_OPERATOR),
        ("[*]", Tok::ArrayElement, P_OPERATOR),
        ("...", Tok::DotDotDot, P_DOTDOTDOT),
        ("<=", Tok::LtEq, P_OPERATOR),
        ("<>", Tok::NotEq, P_OPERATOR),
        ("!=", Tok::NotEq, P_OPERATOR),
        (">=", Tok::GtEq, P_OPERATOR),
        ("||", Tok::LogicalOr, P_OPERATOR),
        ("&&", Tok::LogicalAnd, P_OPERATOR),
        ("->", Tok::Arrow, P_OPERATOR),
        ("::", Tok::DoubleColon, P_OPERATOR),
        ("$$", Tok::DoubleDollar, P_KEYWORD),
        ("=", Tok::Eq, P_OPERATOR),
        ("<", Tok::Lt, P_OPERATOR),
        (">", Tok::Gt, P_OPERATOR),
        ("+", Tok::Plus, P_OPERATOR),
        ("-", Tok::Minus, P_OPERATOR),
        ("*", Tok::Star, P_OPERATOR),
        ("/", Tok::Slash, P_OPERATOR),
        ("%", Tok::Percent, P_OPERATOR),
        ("!", Tok::LogicalNot, P_OPERATOR),
        ("&", Tok::BitAnd, P_OPERATOR),
        ("|", Tok::BitOr, P_OPERATOR),
        ("^", Tok::BitXor, P_OPERATOR),
        ("~", Tok::BitNot, P_OPERATOR),
        ("@", Tok::At, P_OPERATOR),
        ("?", Tok::Parameter, P_OPERATOR),
        ("(", Tok::LParen, P_LITERAL),
        (")", Tok::RParen, P_LITERAL),
        (",", Tok::Comma, P_LITERAL),
        (".", Tok::Dot, P_LITERAL),
        ("[", Tok::LBracket, P_LITERAL),
        ("]", Tok::RBracket, P_LITERAL),
        ("{", Tok::LBrace, P_LITERAL),
        ("}", Tok::RBrace, P_LITERAL),
        (":", Tok::Colon, P_LITERAL),
        (";", Tok::Semicolon, P_OPERATOR),
    ];
    if c.is_ascii_punctuation() {
        for (s, tok, p) in OPS {
            if cur.starts_with(i, s) {
                cands.push((*tok, s.len(), *p));
            }
        }
    }

    // Numbers and digit identifiers.
    if is_digit(c) {
        let int_len = cur.run(i, is_digit);
        cands.push((Tok::IntegerValue, int_len, P_INTEGER));
        let mut frac_end = i + int_len;
        if cur.char_at(frac_end) == Some('.') {
            frac_end += 1 + cur.run(frac_end + 1, is_digit);
            cands.push((Tok::DecimalValue, frac_end - i, P_DECIMAL));
        }
        for mantissa_end in [i + int_len, frac_end] {
            if let Some(n) = exponent_len(cur, mantissa_end) {
                cands.push((Tok::DoubleValue, mantissa_end + n - i, P_DOUBLE));
            }
        }
        let ident_len = cur.run(i, is_ident_continue);
        if ident_len > 1 {
            cands.push((Tok::DigitIdent, ident_len, P_DIGIT_IDENT));
        }
    }
    if c == '.' {
        if let Some(d) = cur.char_at(i + 1).filter(|d| is_digit(*d)) {
            let _ = d;
            let digits = cur.run(i + 1, is_digit);
            cands.push((Tok::DecimalValue, 1 + digits, P_DECIMAL));
            if let Some(n) = exponent_len(cur, i + 1 + digits) {
                cands.push((Tok::DoubleValue, 1 + digits + n, P_DOUBLE));
            }
            let ident_len = cur.run(i + 1, is_ident_continue);
            if ident_len > 1 {
                cands.push((Tok::DotIdent, 1 + ident_len, P_DOT_IDENT));
            }
        }
    }

    // Strings, binary strings, backquoted names.
    match c {
        '\'' | '"' => {
            if let Some(n) = quoted_len(cur, i, c, true) {
                let kind = if c == '\'' { Tok::SingleQuoted } else { Tok::DoubleQuoted };
                cands.push((kind, n, P_STRING));
            }
        }
        '`' => {
            if let Some(n) = backquoted_len(cur, i) {
                cands.push((Tok::BackquotedIdent, n, P_BACKQUOTED));
            }
        }
        _ => {}
    }
    if u == 'X' {
        if let Some(q @ ('\'' | '"')) = cur.char_at(i + c.len_utf8()) {
            if let Some(n) = quoted_len(cur, i + c.len_utf8(), q, false) {
                let kind = if q == '\'' { Tok::BinarySingle } else { Tok::BinaryDouble };
                cands.push((kind, c.len_utf8() + n, P_BINARY));
            }
        }
    }

    // Words: keywords and letter identifiers.
    if is_letter(c) {
        let len = cur.run(i, is_ident_continue);
        cands.push((Tok::LetterIdent, len, P_LETTER_IDENT));
        let word = &cur.text[i..i + len];
        // A word whose upper case is a keyword has at most LONGEST_KEYWORD characters, each at
        // most two bytes long (`ı` and `ſ` upper-case to ASCII).
        if word.len() <= 2 * LONGEST_KEYWORD {
            let upper: String = word.chars().map(java_upper).collect();
            if let Some(non_reserved) = keyword_lookup(&upper) {
                cands.push((keyword_kind(&upper, non_reserved), len, P_KEYWORD));
            }
        }
    }
    if c == '$' && cur.starts_with(i, "$$") {
        if let Some(end) = cur.text[i + 2..].find("$$") {
            cands.push((Tok::Attachment, end + 4, P_ATTACHMENT));
        }
    }

    // Hidden channel.
    if is_ws(c) {
        cands.push((Tok::Whitespace, cur.run(i, is_ws), P_WS));
    }
    if cur.starts_with(i, "--") {
        // SIMPLE_COMMENT : '--' ~[\r\n]* '\r'? '\n'? ; a lone `\r` ends the comment too.
        let rest = &cur.text[i..];
        let mut len = rest.find(['\r', '\n']).unwrap_or(rest.len());
        if rest[len..].starts_with('\r') {
            len += 1;
        }
        if rest[len..].starts_with('\n') {
            len += 1;
        }
        cands.push((Tok::Comment, len, P_COMMENT));
    }
    if cur.starts_with(i, "/*") {
        if let Some(len) = bracketed_comment_len(cur, i) {
            let kind = if cur.starts_with(i, "/*+") { Tok::Hint } else { Tok::Comment };
            cands.push((kind, len, P_COMMENT));
        }
    }
}

/// `EXPONENT : 'E' [+-]? DIGIT+` starting at `i`.
fn exponent_len(cur: &Cursor<'_>, i: usize) -> Option<usize> {
    let e = cur.char_at(i)?;
    if java_upper(e) != 'E' {
        return None;
    }
    let mut j = i + 1;
    if matches!(cur.char_at(j), Some('+' | '-')) {
        j += 1;
    }
    let digits = cur.run(j, is_digit);
    (digits > 0).then_some(j + digits - i)
}

/// A quoted string starting at `i` with quote `q`: `q ('\\'. | qq | ~(q|'\\'))* q`, or for
/// binary strings `q (~(q|'\\'))* q`. Returns the length including both quotes.
fn quoted_len(cur: &Cursor<'_>, i: usize, q: char, escapes: bool) -> Option<usize> {
    let bytes = cur.text.as_bytes();
    let qb = q as u8;
    let mut j = i + 1;
    // Unclosed, the longest prefix that is a whole string wins (see `backquoted_len`).
    let mut whole = None;
    while j < bytes.len() {
        let b = bytes[j];
        if escapes && b == b'\\' {
            // `'\\' .` : the escaped character may be multi-byte.
            let next = cur.char_at(j + 1)?;
            j += 1 + next.len_utf8();
        } else if b == qb {
            if escapes && bytes.get(j + 1) == Some(&qb) {
                whole = Some(j + 1 - i);
                j += 2;
            } else {
                return Some(j + 1 - i);
            }
        } else if !escapes && b == b'\\' {
            return None;
        } else {
            j += 1;
        }
    }
    whole
}

/// `` '`' ( ~'`' | '``' )* '`' ``. Unclosed, the longest prefix that is a whole name wins,
/// as in ANTLR's lexer: in ``` ``` ``` the first two backquotes are the empty name `` `` ``
/// (the backquote of a `` `` `` pair could have closed the name), and the third is left over.
fn backquoted_len(cur: &Cursor<'_>, i: usize) -> Option<usize> {
    let bytes = cur.text.as_bytes();
    let mut j = i + 1;
    let mut whole = None;
    while j < bytes.len() {
        if bytes[j] == b'`' {
            if bytes.get(j + 1) == Some(&b'`') {
                whole = Some(j + 1 - i);
                j += 2;
            } else {
                return Some(j + 1 - i);
            }
        } else {
            j += 1;
        }
    }
    whole
}

/// `'/*' ([ \r\n\t\u3000]* | ~'+' .*?) '*/'` or `'/*+' .*? '*/'`.
fn bracketed_comment_len(cur: &Cursor<'_>, i: usize) -> Option<usize> {
    cur.text[i + 2..].find("*/").map(|n| n + 4)
}

/// When nothing matched at `i`: a string, backquoted name or comment that never closes.
/// StarRocks's lexer then consumes everything to the end of the input.
fn unterminated(cur: &Cursor<'_>, i: usize, c: char) -> Option<(Tok, usize)> {
    let rest = cur.text.len() - i;
    match c {
        '\'' => Some((Tok::SingleQuoted, rest)),
        '"' => Some((Tok::DoubleQuoted, rest)),
        '`' => Some((Tok::BackquotedIdent, rest)),
        _ => None,
    }
}

fn unterminated_diagnostic(text: &str, kind: Tok, span: Span) -> Diagnostic {
    let (what, close) = match kind {
        Tok::BackquotedIdent => ("quoted name", "`"),
        Tok::DoubleQuoted => ("string", "\""),
        _ => ("string", "'"),
    };
    let code = if kind == Tok::BackquotedIdent { "SR002" } else { "SR001" };
    // A warning: StarRocks's lexer drops the text without failing; the grammar then fails
    // where the text was needed (an error of its own here too), or accepts what is left
    // (`SHOW BACKUP 'x` runs as `SHOW BACKUP`), which is what this warns about.
    let mut d = Diagnostic::new(
        code,
        Severity::Warning,
        DiagnosticKind::Lexical,
        format!("unterminated {what}: no closing {close} before the end of the input"),
        Span::new(span.start, span.start + close.len()),
    )
    .with_help(format!(
        "StarRocks drops everything from this {close} to the end of the input without a word, so the rest is lost; add the closing {close}"
    ))
    .with_starrocks({
        // StarRocks reports the end of the input, where the swallowed text stops.
        let end = crate::span::LineIndex::new(text).line_col(text.len());
        format!(
            "Getting syntax error at line {}, column {}. Detail message: Unexpected input '<EOF>'.",
            end.line,
            end.column - 1
        )
    });
    // Suggest closing at the end of the line where it started.
    let line_end = text[span.start..].find('\n').map(|n| span.start + n).unwrap_or(text.len());
    let line_end = if text[..line_end].ends_with('\r') { line_end - 1 } else { line_end };
    let mut close_at = text[span.start..line_end]
        .rfind(';')
        .map(|n| span.start + n)
        .filter(|p| *p > span.start)
        .unwrap_or(line_end);
    // Leave closing parentheses that the swallowed text does not open outside the string:
    // `('a' = 'b)` closes as `'b')`.
    let swallowed = &text[span.start + close.len()..close_at];
    let mut excess = swallowed.matches(')').count().saturating_sub(swallowed.matches('(').count());
    while excess > 0 {
        let trimmed = text[span.start + close.len()..close_at].trim_end_matches([' ', '\t']);
        match trimmed.strip_suffix(')') {
            Some(t) => {
                close_at = span.start + close.len() + t.len();
                excess -= 1;
            }
            None => break,
        }
    }
    d.fix = Some(Fix::single(format!("insert {close} to close it"), Span::empty(close_at), close));
    d
}

fn unterminated_comment_diagnostic(text: &str, i: usize) -> Diagnostic {
    let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
    let line_end = if text[..line_end].ends_with('\r') { line_end - 1 } else { line_end };
    let close = if text[..line_end].ends_with(' ') { "*/" } else { " */" };
    Diagnostic::new(
        "SR004",
        Severity::Error,
        DiagnosticKind::Lexical,
        "unterminated comment: `/*` is never closed by `*/`",
        Span::new(i, i + 2),
    )
    .with_help("StarRocks then reads `/` and `*` as operators and rejects the statement; close the comment with `*/`")
    .with_fix(Fix::single("close the comment at the end of the line", Span::empty(line_end), close))
}

fn dropped_char_diagnostic(text: &str, i: usize, c: char) -> Diagnostic {
    let span = Span::new(i, i + c.len_utf8());
    let shown = match c {
        '\u{b}' => "\\v (vertical tab)".to_string(),
        '\u{c}' => "\\f (form feed)".to_string(),
        c if c.is_control() => format!("U+{:04X} (control character)", c as u32),
        c if (c as u32) > 0xFFFF => format!("{c} (U+{:X})", c as u32),
        c => format!("{c}"),
    };
    // What the neighbouring name becomes, when the character sits inside or at the end of one.
    let before_word: String = text[..i].chars().rev().take_while(|c| is_ident_continue(*c)).collect();
    let before_word: String = before_word.chars().rev().collect();
    let after_word: String = text[span.end..].chars().take_while(|c| is_ident_continue(*c)).collect();
    let blank_like = c.is_control() || c.is_whitespace();
    let word_span = Span::new(i - before_word.len(), span.end + after_word.len());
    let (effect, fix) = match (before_word.is_empty(), after_word.is_empty()) {
        (false, false) if blank_like => (
            format!("; it still separates `{before_word}` and `{after_word}`, like a space"),
            Fix::single("replace it with a space", span, " "),
        ),
        (false, false) => (
            format!(
                "; `{before_word}{c}{after_word}` becomes two separate words, `{before_word}` and `{after_word}`"
            ),
            Fix::single(
                "put the name in backquotes to keep the character",
                word_span,
                format!("`{before_word}{c}{after_word}`"),
            ),
        ),
        (false, true) if !blank_like => {
            (format!("; the name becomes `{before_word}`"), Fix::single("remove the character", span, ""))
        }
        _ => (String::new(), Fix::single("remove the character", span, "")),
    };
    let hint = if c == '#' {
        "`#` does not start a comment in StarRocks; use `--` or `/* */`, or put the character in backquotes if it is part of a name"
    } else if blank_like {
        "StarRocks's lexer skips this character; use a plain space or line break instead"
    } else {
        "remove it, or put the name in backquotes to keep the character"
    };
    Diagnostic::new(
        "SR003",
        Severity::Warning,
        DiagnosticKind::Lexical,
        format!("StarRocks ignores the character {shown}{effect}"),
        span,
    )
    .with_help(hint)
    .with_fix(fix)
    .with_starrocks(format!(
        "token recognition error at: '{}' (printed on the server console only)",
        antlr_display(c)
    ))
}

/// A doubled backquote inside a quoted name: it does not escape a backquote in StarRocks, whose
/// `visitBackQuotedIdentifier` removes every backquote, so `` `a``b` `` is the name `ab`. The
/// lexer sees it, but the rule mirrors the AST builder (a statement rule, which does not stop
/// formatting as text the lexer drops does).
fn doubled_backquote_diagnostic(text: &str, span: Span) -> Diagnostic {
    let written = &text[span.start..span.end];
    let value = backquoted_value(written);
    Diagnostic::new(
        "SR213",
        Severity::Warning,
        DiagnosticKind::Statement,
        format!("StarRocks reads {written} as the name `{value}`: it removes every backquote inside a quoted name"),
        span,
    )
    .with_help("a doubled backquote does not stand for a backquote in StarRocks, and no name can hold one")
    .with_fix(Fix::single(format!("write `{value}`"), span, format!("`{value}`")))
}

/// How ANTLR's `Lexer.getErrorDisplay` prints a character: line feed, carriage return and
/// tab escaped, every other character as itself. Other control characters, which ANTLR
/// prints raw (invisible on a console), are written `\u{b}` here so that they can be seen.
fn antlr_display(c: char) -> String {
    match c {
        '\n' => "\\n".to_string(),
        '\r' => "\\r".to_string(),
        '\t' => "\\t".to_string(),
        c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
        c => c.to_string(),
    }
}

/// True when `value` can be written as a bare identifier: it lexes as exactly one
/// `LETTER_IDENTIFIER` or `DIGIT_IDENTIFIER` token that is not a reserved keyword, or as a
/// non-reserved keyword.
pub fn is_bare_identifier(value: &str) -> bool {
    // A plain ASCII word (a letter or `_`, then letters, digits and `_`) that is no keyword
    // lexes as one LETTER_IDENTIFIER: decided without lexing, which keeps writing 100,000
    // catalog names (completion, GRANTs) fast. Anything else is lexed.
    let b = value.as_bytes();
    let plain = b.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
    if plain && keyword_lookup(&value.to_ascii_uppercase()).is_none() {
        return true;
    }
    lexes_as_bare_identifier(value)
}

/// [`is_bare_identifier`] by lexing `value`.
fn lexes_as_bare_identifier(value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let lexed = lex(value);
    if !lexed.diagnostics.is_empty() || lexed.tokens.len() != 1 {
        return false;
    }
    let t = lexed.tokens[0];
    t.span.len() == value.len()
        && (matches!(t.kind, Tok::LetterIdent | Tok::DigitIdent) || t.kind.is_non_reserved_keyword())
}

/// Writes a name the way StarRocks reads it back wherever it stands: bare when possible,
/// otherwise in backquotes. StarRocks deletes every backquote from a quoted name, so a name
/// that contains one cannot be written at all; such names come back as `None`.
///
/// Stricter than [`is_bare_identifier`], which judges a name on its own: a name that starts
/// with U+3000 lexes as one identifier alone, but after a blank the U+3000 joins the
/// whitespace; and one that starts with `$$` opens a `$$…$$` attachment when a later `$$`
/// follows. Both are backquoted.
pub fn quote_identifier(value: &str) -> Option<String> {
    if value.contains('`') {
        return None;
    }
    let context_safe = !value.starts_with('\u{3000}') && !value.starts_with("$$");
    if context_safe && is_bare_identifier(value) {
        Some(value.to_string())
    } else {
        Some(format!("`{value}`"))
    }
}

/// The value of a backquoted identifier token: StarRocks removes every backquote.
pub fn backquoted_value(token_text: &str) -> String {
    token_text.replace('`', "")
}

/// The value of a string literal token, decoded as StarRocks's `visitString` does: strip the
/// quotes, collapse doubled quotes, then apply backslash escapes (`\n \t \r \b \0 \Z`; `\_`
/// and `\%` keep their backslash; any other `\x` becomes `x`).
pub fn string_value(token_text: &str) -> String {
    let q = token_text.chars().next().unwrap_or('\'');
    let inner = token_text.get(1..token_text.len().saturating_sub(1)).unwrap_or("");
    let doubled: String = match q {
        '\'' => inner.replace("''", "'"),
        '"' => inner.replace("\"\"", "\""),
        _ => inner.to_string(),
    };
    let mut out = String::with_capacity(doubled.len());
    let mut chars = doubled.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('0') => out.push('\0'),
            Some('Z') => out.push('\u{1a}'),
            Some(e @ ('_' | '%')) => {
                out.push('\\');
                out.push(e);
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Writes `value` as a double-quoted StarRocks string literal that decodes back to exactly
/// `value`.
pub fn quote_string(value: &str) -> String {
    quote_string_with(value, '"')
}

/// Writes `value` as a StarRocks string literal in the given quote (`'` or `"`) that decodes
/// back to exactly `value`.
pub fn quote_string_with(value: &str, quote: char) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(quote);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\0' => out.push_str("\\0"),
            '\u{1a}' => out.push_str("\\Z"),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Tok, &str)> {
        lex(text)
            .tokens
            .into_iter()
            .filter(|t| !t.kind.is_trivia())
            .map(|t| (t.kind, t.span.slice(text)))
            .collect()
    }

    #[test]
    fn the_plain_word_shortcut_agrees_with_lexing() {
        let names = [
            "t1", "order", "ORDER", "select", "snapshot", "Snapshot", "my-table", "1a", "123", "1e5", "_x",
            "_", "数据", "a`b", "$$x", "x$", "", "a b", "BACKUP", "backups", "tables", "x'1'",
        ];
        for name in names {
            assert_eq!(is_bare_identifier(name), lexes_as_bare_identifier(name), "{name:?}");
        }
    }

    #[test]
    fn keywords_are_case_insensitive_with_java_upper_case() {
        assert_eq!(kinds("backup ſnapſhot"), vec![(Tok::BACKUP, "backup"), (Tok::SNAPSHOT, "ſnapſhot")]);
        assert_eq!(kinds("REPOSıTORIES"), vec![(Tok::REPOSITORIES, "REPOSıTORIES")]);
        // ß is not SS; fullwidth letters are identifier letters, not keywords.
        assert_eq!(kinds("ＢＡＣＫＵＰ"), vec![(Tok::LetterIdent, "ＢＡＣＫＵＰ")]);
    }

    #[test]
    fn longest_keyword_is_right_and_long_spellings_still_match() {
        assert_eq!(crate::keywords::all().map(|(k, _)| k.len()).max(), Some(LONGEST_KEYWORD));
        // 20 characters, 25 bytes: four dotless i and one long s.
        assert_eq!(kinds("bıtſhıftrıghtlogıcal")[0].0, Tok::KwReserved);
    }

    #[test]
    fn numbers_versus_digit_identifiers() {
        assert_eq!(kinds("123")[0].0, Tok::IntegerValue);
        assert_eq!(kinds("1e5")[0].0, Tok::DoubleValue);
        assert_eq!(kinds("1e5x")[0].0, Tok::DigitIdent);
        assert_eq!(kinds("0x1F")[0].0, Tok::DigitIdent);
        assert_eq!(kinds("2024_01_01")[0].0, Tok::DigitIdent);
        assert_eq!(kinds("db1.123"), vec![(Tok::LetterIdent, "db1"), (Tok::DecimalValue, ".123")]);
        assert_eq!(kinds("db1.1a"), vec![(Tok::LetterIdent, "db1"), (Tok::DotIdent, ".1a")]);
        assert_eq!(kinds("1.5")[0].0, Tok::DecimalValue);
    }

    #[test]
    fn dropped_characters_separate_tokens_and_warn() {
        let l = lex("snap😀x # y");
        let toks: Vec<_> = l.tokens.iter().filter(|t| !t.kind.is_trivia()).collect();
        assert_eq!(toks.len(), 3);
        assert_eq!(l.diagnostics.len(), 2);
        assert!(l.diagnostics.iter().all(|d| d.code == "SR003"));
        assert!(lex("a\u{b}b\u{c}").diagnostics.len() == 2);
    }

    #[test]
    fn nbsp_is_a_letter_and_ideographic_space_follows_antlr() {
        assert_eq!(kinds("BACKUP\u{a0}SNAPSHOT").len(), 1);
        assert_eq!(kinds("repo1\u{a0}"), vec![(Tok::LetterIdent, "repo1\u{a0}")]);
        // After ASCII whitespace, U+3000 is whitespace; on its own it starts a name.
        assert_eq!(kinds("a \u{3000}b").len(), 2);
    }

    #[test]
    fn strings_and_unterminated_input() {
        assert_eq!(string_value(r"'it''s'"), "it's");
        assert_eq!(string_value(r"'it\'s'"), "it's");
        assert_eq!(string_value(r#""say ""hi""""#), r#"say "hi""#);
        assert_eq!(string_value(r"'a\nb\_c\%d\qe'"), "a\nb\\_c\\%dqe");
        let l = lex("DROP REPOSITORY `repo1");
        assert_eq!(l.diagnostics[0].code, "SR002");
        assert_eq!(kinds("DROP REPOSITORY `repo1").len(), 2);
    }

    #[test]
    fn comments_and_hints() {
        assert_eq!(kinds("a--b\nc"), vec![(Tok::LetterIdent, "a"), (Tok::LetterIdent, "c")]);
        // A carriage return alone ends a `--` comment, as in ANTLR.
        assert_eq!(kinds("a--b\rc"), vec![(Tok::LetterIdent, "a"), (Tok::LetterIdent, "c")]);
        assert_eq!(lex("a--b\r\nc").tokens[1].span.len(), 5);
        assert_eq!(kinds("a/**/b/*+ hint */c").len(), 3);
        // Unterminated: `/` and `*` are tokens, as in ANTLR.
        assert_eq!(kinds("/* x")[0].0, Tok::Slash);
    }

    #[test]
    fn quoting_round_trips() {
        for v in ["t1", "select", "1a", "123", "", "a b", "snapshot", "1e5", "😀", "x'1'", "a.b"] {
            let q = quote_identifier(v).unwrap();
            let l = lex(&q);
            assert_eq!(l.tokens.len(), 1, "{v} -> {q}");
            let t = l.tokens[0];
            let back = if t.kind == Tok::BackquotedIdent { backquoted_value(&q) } else { q.clone() };
            assert_eq!(back, v);
        }
        assert_eq!(quote_identifier("select").unwrap(), "`select`");
        assert_eq!(quote_identifier("snapshot").unwrap(), "snapshot");
        assert!(quote_identifier("a`b").is_none());
        for v in ["", "it's", "say \"hi\"", "a\\b", "\\_", "x\n\t\r\0\u{1a}\u{8}", "--;/*", "😀"] {
            assert_eq!(string_value(&quote_string(v)), v);
        }
    }

    #[test]
    fn dropped_characters_print_as_antlr_prints_them() {
        assert_eq!(antlr_display('\\'), "\\");
        assert_eq!(antlr_display('\''), "'");
        assert_eq!(antlr_display('🚀'), "🚀");
        assert_eq!(antlr_display('\n'), "\\n");
        assert_eq!(antlr_display('\u{b}'), "\\u{b}");
        let d = &lex("SHOW BACKUP \\ FROM db").diagnostics[0];
        assert_eq!(
            d.starrocks_message.as_deref(),
            Some("token recognition error at: '\\' (printed on the server console only)")
        );
    }

    #[test]
    fn fold_case_agrees_with_unicode() {
        // Inside the covered ranges, `fold_char` is Rust's (Unicode's) lower case; outside
        // them it keeps the character. Counts what it compared so the test cannot pass empty.
        let covered = |c: char| {
            c.is_ascii()
                || ('\u{c0}'..='\u{de}').contains(&c)
                || ('\u{391}'..='\u{3ab}').contains(&c)
                || ('\u{400}'..='\u{42f}').contains(&c)
                || c == '\u{212a}'
        };
        let mut compared = 0;
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            if covered(c) {
                let mut lower = c.to_lowercase();
                let expected = match (lower.next(), lower.next()) {
                    (Some(l), None) => l,
                    _ => unreachable!("no covered character has a multi-character lower case"),
                };
                assert_eq!(fold_char(c), expected, "U+{:04X}", c as u32);
                compared += 1;
            } else {
                assert_eq!(fold_char(c), c, "U+{:04X}", c as u32);
            }
        }
        assert_eq!(compared, 128 + 31 + 27 + 48 + 1);
        assert_eq!(fold_case("Ärger_ΣΟΦΙΑ_Москва_T1_Ί"), "ärger_σοφια_москва_t1_Ί");
    }

    #[test]
    fn only_two_non_ascii_characters_upper_case_to_ascii() {
        // Justifies `java_upper`: scan every scalar value with Rust's (full) mapping.
        let mut found = vec![];
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            let mut up = c.to_uppercase();
            if let (Some(u), None) = (up.next(), up.next()) {
                if u.is_ascii() {
                    found.push(c);
                }
            }
        }
        assert_eq!(found, vec!['ı', 'ſ']);
    }
}
