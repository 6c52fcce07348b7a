//! The canonical formatter (placeholder until the real one lands).
use crate::ast::{Script, StatementNode};

/// Formats a whole script canonically.
pub fn format(script: &Script) -> String {
    let mut out = String::new();
    for s in &script.statements {
        out.push_str(&format_statement(s));
        out.push_str(";\n");
    }
    out
}

/// Formats one statement (without the trailing `;`).
pub fn format_statement(_stmt: &StatementNode) -> String {
    String::new()
}
