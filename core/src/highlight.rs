//! Token classes for syntax highlighting, from StarRocks's own lexer.

use crate::lexer::{lex, Tok};
use crate::span::Span;
use serde::Serialize;

/// How a token is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum TokenClass {
    /// A keyword (`BACKUP`, `SNAPSHOT`, `ON`, …).
    Keyword,
    /// A name, bare or backquoted.
    Name,
    /// A string literal.
    String,
    /// A number.
    Number,
    /// A comment or an optimizer hint.
    Comment,
    /// An operator or punctuation.
    Punctuation,
}

/// The class of every token of `text` but whitespace, in order. Linear in the text.
pub fn highlight(text: &str) -> Vec<(Span, TokenClass)> {
    lex(text)
        .tokens
        .into_iter()
        .filter_map(|t| {
            let class = match t.kind {
                Tok::Whitespace => return None,
                Tok::Comment | Tok::Hint => TokenClass::Comment,
                Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent | Tok::DotIdent => TokenClass::Name,
                Tok::IntegerValue | Tok::DecimalValue | Tok::DoubleValue => TokenClass::Number,
                Tok::SingleQuoted | Tok::DoubleQuoted | Tok::BinarySingle | Tok::BinaryDouble => {
                    TokenClass::String
                }
                k if Tok::GRAMMAR_KEYWORDS.iter().any(|(g, _)| *g == k)
                    || matches!(k, Tok::KwReserved | Tok::KwNonReserved) =>
                {
                    TokenClass::Keyword
                }
                _ => TokenClass::Punctuation,
            };
            Some((t.span, class))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_lexer() {
        let text = "BACKUP SNAPSHOT `db`.s1 -- c\nTO r PROPERTIES (\"timeout\" = \"600\")";
        let got: Vec<(&str, TokenClass)> =
            highlight(text).into_iter().map(|(s, c)| (s.slice(text), c)).collect();
        assert_eq!(got[0], ("BACKUP", TokenClass::Keyword));
        assert_eq!(got[2], ("`db`", TokenClass::Name));
        assert!(
            got.contains(&("-- c\n", TokenClass::Comment)) || got.contains(&("-- c", TokenClass::Comment)),
            "{got:?}"
        );
        assert!(got.contains(&("\"600\"", TokenClass::String)));
        assert!(got.contains(&("(", TokenClass::Punctuation)));
    }
}
