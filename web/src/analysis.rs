//! What the views show for one input: the core's result in display form.

use starrocks_backup_sql::{Diagnostic, LineIndex, Settings, Severity, Workspace};

/// The result of checking and formatting the editor's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// Errors and warnings, in the core's order.
    pub diagnostics: Vec<DiagnosticRow>,
    /// Informational notes (what to know before running a statement that is fine).
    pub notes: Vec<DiagnosticRow>,
    /// Canonical SQL of the statements the parser understood.
    pub formatted: String,
    /// How many statements the parser found.
    pub statements: usize,
}

/// One diagnostic as listed: identity, message and a human position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosticRow {
    /// Rule code, e.g. `SR100`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to put it right, when the rule knows.
    pub help: Option<String>,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column (in characters) of the span's start.
    pub column: usize,
    /// The rule's fix, when it has one: what it does, and the whole text with it applied.
    pub fix: Option<(String, String)>,
}

impl Analysis {
    /// Parses, checks (latest StarRocks, shared-nothing, no catalog) and formats `text`,
    /// through the core's façade.
    pub fn of(text: &str) -> Self {
        let ws = Workspace::new(text, Settings::default());
        let diagnostics = ws.diagnostics();
        let index = LineIndex::new(text);
        let (notes, problems): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
            diagnostics.iter().partition(|d| d.severity == Severity::Info);
        Analysis {
            diagnostics: problems.into_iter().map(|d| DiagnosticRow::new(d, text, &index)).collect(),
            notes: notes.into_iter().map(|d| DiagnosticRow::new(d, text, &index)).collect(),
            formatted: ws.formatted().text.clone(),
            statements: ws.script().statements.len(),
        }
    }
}

impl DiagnosticRow {
    fn new(d: &Diagnostic, text: &str, index: &LineIndex<'_>) -> Self {
        let at = index.line_col(d.span.start);
        DiagnosticRow {
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            help: d.help.clone(),
            line: at.line,
            column: at.column,
            fix: d.fix.as_ref().map(|f| (f.message.clone(), f.apply(text))),
        }
    }
}
