//! The parser.
use crate::ast::Script;
use crate::diagnostic::Diagnostic;

/// Parses a script. Never fails, never panics.
pub fn parse(_text: &str) -> (Script, Vec<Diagnostic>) {
    (Script::default(), Vec::new())
}
