//! What `srbackup` prints: JSON documents and coloured rustc-style text.

use serde::Serialize;
use starrocks_backup_sql::{ast::Script, Diagnostic, LineIndex, Severity};

/// A text edit in JSON: byte offsets plus the replacement.
#[derive(Serialize)]
pub struct JsonEdit {
    start: usize,
    end: usize,
    replacement: String,
}

/// A fix in JSON.
#[derive(Serialize)]
pub struct JsonFix {
    message: String,
    edits: Vec<JsonEdit>,
}

/// One diagnostic in JSON. Offsets are bytes into the checked text; line and column are
/// 1-based, the column counted in characters.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    code: &'static str,
    severity: &'static str,
    kind: &'static str,
    message: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    expected: Vec<String>,
    help: Option<String>,
    fix: Option<JsonFix>,
    starrocks_message: Option<String>,
}

fn json_diagnostic(d: &Diagnostic, index: &LineIndex<'_>, line_offset: usize) -> JsonDiagnostic {
    let start = index.line_col(d.span.start);
    let end = index.line_col(d.span.end);
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        kind: d.kind.as_str(),
        message: d.message.clone(),
        start: d.span.start,
        end: d.span.end,
        line: start.line + line_offset,
        column: start.column,
        end_line: end.line + line_offset,
        end_column: end.column,
        expected: d.expected.clone(),
        help: d.help.clone(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            message: f.message.clone(),
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit {
                    start: e.span.start,
                    end: e.span.end,
                    replacement: e.replacement.clone(),
                })
                .collect(),
        }),
        starrocks_message: d.starrocks_message.clone(),
    }
}

/// `check --lines --format json`: one object per input line.
#[derive(Serialize)]
pub struct LineReport {
    path: String,
    /// 1-based line number in the input.
    line: usize,
    /// True when the line has no error.
    ok: bool,
    /// Offsets are bytes into this line; `line` fields are line numbers of the input.
    diagnostics: Vec<JsonDiagnostic>,
}

/// Builds the report for one line checked as its own script.
pub fn line_report(path: &str, line_no: usize, text: &str, diags: &[Diagnostic]) -> LineReport {
    let index = LineIndex::new(text);
    LineReport {
        path: path.to_string(),
        line: line_no,
        ok: !diags.iter().any(Diagnostic::is_error),
        diagnostics: diags.iter().map(|d| json_diagnostic(d, &index, line_no - 1)).collect(),
    }
}

/// One file in the `check --format json` document.
#[derive(Serialize)]
pub struct FileReport {
    path: String,
    statements: usize,
    ok: bool,
    diagnostics: Vec<JsonDiagnostic>,
}

/// Builds the report for one file.
pub fn file_report(path: &str, text: &str, script: &Script, diags: &[Diagnostic]) -> FileReport {
    let index = LineIndex::new(text);
    FileReport {
        path: path.to_string(),
        statements: script.statements.len(),
        ok: !diags.iter().any(Diagnostic::is_error),
        diagnostics: diags.iter().map(|d| json_diagnostic(d, &index, 0)).collect(),
    }
}

/// Counts by severity.
#[derive(Serialize, Default)]
pub struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// The whole `check --format json` output.
#[derive(Serialize)]
pub struct Document {
    files: Vec<FileReport>,
    summary: Summary,
}

impl Document {
    /// Wraps file reports and totals them.
    pub fn new(files: Vec<FileReport>) -> Self {
        let mut summary = Summary::default();
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                "error" => summary.errors += 1,
                "warning" => summary.warnings += 1,
                _ => summary.infos += 1,
            }
        }
        Document { files, summary }
    }
}

/// rustc-style text, with the header coloured when `color` is set.
pub fn human(d: &Diagnostic, text: &str, name: &str, color: bool) -> String {
    let plain = starrocks_backup_sql::render(d, text, name);
    if !color {
        return plain;
    }
    let paint = match d.severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Info => "\x1b[1;36m",
    };
    let mut lines = plain.lines();
    let mut out = String::new();
    if let Some(first) = lines.next() {
        let (head, rest) = first.split_once(':').unwrap_or((first, ""));
        out.push_str(&format!("{paint}{head}\x1b[0m\x1b[1m:{rest}\x1b[0m\n"));
    }
    for l in lines {
        if l.trim_start().starts_with('|') && l.contains('^') {
            out.push_str(&format!("{paint}{l}\x1b[0m\n"));
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}
