//! Diagnostics: what every check reports, and how it is rendered for humans.

use crate::span::{LineIndex, Span};
use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Severity {
    /// StarRocks will reject the statement.
    Error,
    /// StarRocks accepts it, but probably not as the user meant.
    Warning,
    /// Something worth knowing at this point.
    Info,
}

impl Severity {
    /// Lower-case name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which stage of StarRocks (or of this tool) the diagnostic mirrors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum DiagnosticKind {
    /// StarRocks's lexer: characters and tokens.
    Lexical,
    /// StarRocks's grammar.
    Syntax,
    /// StarRocks's AST builder: rules checked right after the grammar.
    Statement,
    /// StarRocks's analyzer.
    Semantic,
    /// Facts that need a catalog of the cluster.
    Catalog,
    /// Checks made when the job is submitted.
    Submission,
    /// What the target version or cluster mode cannot run.
    Compat,
}

impl DiagnosticKind {
    /// Lower-case name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::Lexical => "lexical",
            DiagnosticKind::Syntax => "syntax",
            DiagnosticKind::Statement => "statement",
            DiagnosticKind::Semantic => "semantic",
            DiagnosticKind::Catalog => "catalog",
            DiagnosticKind::Submission => "submission",
            DiagnosticKind::Compat => "compat",
        }
    }
}

/// One text replacement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Edit {
    /// The bytes to replace (empty for an insertion).
    pub span: Span,
    /// What to put there.
    pub replacement: String,
}

/// A machine-applicable fix: a description plus the edits that carry it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Fix {
    /// What the fix does, e.g. "insert `TO`".
    pub message: String,
    /// Non-overlapping edits, in source order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn single(message: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix { message: message.into(), edits: vec![Edit { span, replacement: replacement.into() }] }
    }

    /// Applies the edits to `source` and returns the new text.
    pub fn apply(&self, source: &str) -> String {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        crate::order::sort_stable_by(&mut edits, |e| (e.span.start, e.span.end));
        let mut out = String::with_capacity(source.len() + 16);
        let mut pos = 0;
        for e in edits {
            if e.span.start < pos || e.span.end > source.len() {
                continue;
            }
            out.push_str(&source[pos..e.span.start]);
            out.push_str(&e.replacement);
            pos = e.span.end;
        }
        out.push_str(&source[pos..]);
        out
    }
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Diagnostic {
    /// Stable code from the rule catalogue, e.g. `SR100`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Which stage it mirrors.
    pub kind: DiagnosticKind,
    /// One sentence saying what is wrong.
    pub message: String,
    /// Where: byte offsets into the whole input in Rust; serialised inside
    /// [`crate::span::with_positions`], a [`crate::span::Range`] in the front end's encoding.
    pub span: Span,
    /// For syntax errors: what would have been accepted here, in words.
    pub expected: Vec<String>,
    /// How to put it right, in words.
    pub help: Option<String>,
    /// A machine-applicable fix, when one is obvious.
    pub fix: Option<Fix>,
    /// The message StarRocks itself prints for this, when known.
    pub starrocks_message: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the given identity; add details with the builder methods.
    pub fn new(
        code: &'static str,
        severity: Severity,
        kind: DiagnosticKind,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            kind,
            message: message.into(),
            span,
            expected: Vec::new(),
            help: None,
            fix: None,
            starrocks_message: None,
        }
    }

    /// Sets the help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Sets the message StarRocks prints.
    pub fn with_starrocks(mut self, message: impl Into<String>) -> Self {
        self.starrocks_message = Some(message.into());
        self
    }

    /// Sets the expected alternatives.
    pub fn with_expected(mut self, expected: Vec<String>) -> Self {
        self.expected = expected;
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Renders diagnostics rustc-style: header, `--> file:line:col`, the source line, a caret
/// underline, then notes. Plain text, no colours (the CLI adds those if it wants).
pub fn render(diagnostic: &Diagnostic, source: &str, file_name: &str) -> String {
    render_with(diagnostic, &LineIndex::new(source), file_name)
}

/// Like [`render`], reusing a [`LineIndex`] built once for the whole source.
pub fn render_with(d: &Diagnostic, index: &LineIndex<'_>, file_name: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let start = index.line_col(d.span.start);
    let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    let line_no = start.line.to_string();
    let pad = " ".repeat(line_no.len());
    let _ = writeln!(out, "{pad}--> {file_name}:{}:{}", start.line, start.column);
    let _ = writeln!(out, "{pad} |");
    let line_text = index.line_text(start.line - 1);
    let shown = line_text.replace('\t', " ");
    let _ = writeln!(out, "{line_no} | {shown}");
    // Underline from the start column to the span end (clipped to this line).
    let line_start = index.line_start(start.line - 1);
    let line_end = line_start + line_text.len();
    let end = d.span.end.clamp(d.span.start, line_end.max(d.span.start));
    let under_start = display_width(&line_text[..d.span.start.min(line_end) - line_start]);
    let under_len = if end > d.span.start {
        display_width(&index_text(index, d.span.start, end.min(line_end))).max(1)
    } else {
        1
    };
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(under_start), "^".repeat(under_len));
    if !d.expected.is_empty() {
        let _ = writeln!(out, "{pad} = expected: {}", d.expected.join(", "));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} = help: {help}");
    }
    if let Some(fix) = &d.fix {
        let _ = writeln!(out, "{pad} = fix: {}", fix.message);
    }
    if let Some(sr) = &d.starrocks_message {
        let _ = writeln!(out, "{pad} = StarRocks says: {sr}");
    }
    out
}

fn index_text(index: &LineIndex<'_>, start: usize, end: usize) -> String {
    let line = index.line_of(start);
    let ls = index.line_start(line);
    let text = index.line_text(line);
    text.get(start - ls..(end - ls).min(text.len())).unwrap_or("").to_string()
}

/// Width in terminal columns, counting every character as one column.
fn display_width(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fix_applies_edits_in_order() {
        let fix = Fix {
            message: "m".into(),
            edits: vec![
                Edit { span: Span::new(5, 6), replacement: String::new() },
                Edit { span: Span::empty(0), replacement: "X".into() },
            ],
        };
        assert_eq!(fix.apply("abc(d,)"), "Xabc(d)");
    }

    #[test]
    fn render_points_at_the_span() {
        let src = "SHOW BACKUP FROM";
        let d = Diagnostic::new("SR100", Severity::Error, DiagnosticKind::Syntax, "oops", Span::new(12, 16));
        let text = render(&d, src, "x.sql");
        assert!(text.contains("--> x.sql:1:13"), "{text}");
        assert!(text.contains("|             ^^^^"), "{text}");
    }
}
