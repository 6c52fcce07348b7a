//! What `srbackup` prints: JSON documents (the façade's reports, with every span counted in
//! the `--position-encoding` asked for) and coloured rustc-style text.

use serde::Serialize;
use starrocks_backup_sql::workspace::CheckReport;
use starrocks_backup_sql::{Diagnostic, PositionEncoding, Severity};

/// `check --lines --format json`: one object per input line.
#[derive(Serialize)]
pub struct LineReport {
    /// The input's name.
    pub path: String,
    /// 1-based line number in the input.
    pub line: usize,
    /// True when the line has no error.
    pub ok: bool,
    /// The façade's report on the line, checked as its own script (positions within the line).
    #[serde(flatten)]
    pub report: CheckReport,
}

/// One input in the `check --format json` document.
#[derive(Serialize)]
pub struct FileReport {
    /// The input's name.
    pub path: String,
    /// True when it has no error.
    pub ok: bool,
    /// The façade's report on it.
    #[serde(flatten)]
    pub report: CheckReport,
}

/// Counts by severity.
#[derive(Serialize, Default)]
pub struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Summary {
    /// Adds a report's counts.
    pub fn add(&mut self, report: &CheckReport) {
        self.errors += report.errors;
        self.warnings += report.warnings;
        self.infos += report.infos;
    }
}

/// The whole `check --format json` output.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// How offsets and columns are counted.
    pub position_encoding: PositionEncoding,
    /// One [`FileReport`] per input, its spans already converted against the input's text.
    pub files: Vec<serde_json::Value>,
    /// Totals over every input.
    pub summary: Summary,
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
