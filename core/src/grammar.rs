//! The pest grammar of the statement family (`grammar/backup.pest`), written over token
//! symbols (`grammar/tokens.pest`, generated from [`crate::lexer::Tok`]).
//!
//! Use [`BackupGrammar`] with [`pest::Parser`] to run single rules, e.g. in rule-level tests:
//! lex the text, map each non-hidden token to [`crate::lexer::Tok::symbol`], parse.
#![allow(missing_docs)]

/// The pest parser; [`Rule`] has one variant per grammar rule.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/tokens.pest"]
#[grammar = "grammar/backup.pest"]
pub struct BackupGrammar;

/// Lexes `text` and writes its non-hidden tokens as the symbol string the grammar parses.
pub fn symbols(text: &str) -> String {
    crate::lexer::lex(text).tokens.iter().filter(|t| !t.kind.is_trivia()).map(|t| t.kind.symbol()).collect()
}
