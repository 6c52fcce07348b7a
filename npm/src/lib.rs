//! The JavaScript face of `starrocks-backup-sql`, built with wasm-bindgen into the npm package
//! `starrocks-backup-sql` (see `npm/package.json` and the hand-written `npm/types/*.d.ts`).
//!
//! This is the only crate that knows JS shapes. Everything here is a conversion: spans go
//! from byte offsets (what Rust uses everywhere) to UTF-16 code units (what JS strings and
//! editors use), exactly once, and field names become camelCase. No checking happens here.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use serde::Serialize;
use starrocks_backup_sql::{ast::Statement, Diagnostic, Fix, LineIndex, Script, Span};
use wasm_bindgen::prelude::*;

/// The heap of the wasm build: Talc instead of std's dlmalloc, which made the npm package
/// 1.7 KB (gzip) larger. Freed blocks are reused, so an editor that calls `parse` on every
/// keystroke stays in bounded memory (`npm/test/memory.test.mjs`). Threaded builds (`atomics`)
/// keep std's allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What `parse(text)` returns to JS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseOutput {
    /// Every finding, in source order of the core's report.
    pub diagnostics: Vec<JsDiagnostic>,
    /// One light entry per statement (the full tree stays in Rust).
    pub statements: Vec<JsStatement>,
}

/// A diagnostic with UTF-16 offsets and 1-based UTF-16 line/column positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsDiagnostic {
    /// Stable rule code, e.g. `SR100`.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// Which StarRocks stage it mirrors, e.g. `syntax`.
    pub kind: &'static str,
    /// One sentence saying what is wrong.
    pub message: String,
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in UTF-16 code units.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in UTF-16 code units.
    pub end_column: usize,
    /// What would have been accepted here.
    pub expected: Vec<String>,
    /// How to put it right, in words.
    pub help: Option<String>,
    /// A machine-applicable fix.
    pub fix: Option<JsFix>,
    /// What StarRocks itself prints for this, when known.
    pub starrocks_message: Option<String>,
}

/// A fix whose edits use UTF-16 offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsFix {
    /// What the fix does.
    pub message: String,
    /// Non-overlapping edits, in source order.
    pub edits: Vec<JsEdit>,
}

/// One replacement of `start..end` (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsEdit {
    /// UTF-16 offset of the first replaced code unit.
    pub start: usize,
    /// UTF-16 offset one past the last replaced code unit.
    pub end: usize,
    /// The new text.
    pub replacement: String,
}

/// A statement's kind and where it is (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsStatement {
    /// `backup`, `restore`, `show_backup`, …, `other` or `invalid`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
}

/// Converts byte spans of one text to UTF-16 offsets and positions.
struct Utf16<'a> {
    index: LineIndex<'a>,
}

impl Utf16<'_> {
    fn offsets(&self, span: Span) -> (usize, usize) {
        (self.index.utf16_offset(span.start), self.index.utf16_offset(span.end))
    }

    fn fix(&self, fix: &Fix) -> JsFix {
        JsFix {
            message: fix.message.clone(),
            edits: fix
                .edits
                .iter()
                .map(|e| {
                    let (start, end) = self.offsets(e.span);
                    JsEdit { start, end, replacement: e.replacement.clone() }
                })
                .collect(),
        }
    }

    fn diagnostic(&self, d: &Diagnostic) -> JsDiagnostic {
        let (start, end) = self.offsets(d.span);
        let from = self.index.line_col(d.span.start);
        let to = self.index.line_col(d.span.end);
        JsDiagnostic {
            code: d.code,
            severity: d.severity.as_str(),
            kind: d.kind.as_str(),
            message: d.message.clone(),
            start,
            end,
            line: from.line,
            column: from.column_utf16,
            end_line: to.line,
            end_column: to.column_utf16,
            expected: d.expected.clone(),
            help: d.help.clone(),
            fix: d.fix.as_ref().map(|f| self.fix(f)),
            starrocks_message: d.starrocks_message.clone(),
        }
    }
}

/// The serde tag of a statement, as the AST's own serialization spells it.
fn statement_kind(stmt: &Statement) -> &'static str {
    match stmt {
        Statement::Backup(_) => "backup",
        Statement::Restore(_) => "restore",
        Statement::ShowBackup(_) => "show_backup",
        Statement::ShowRestore(_) => "show_restore",
        Statement::CancelBackup(_) => "cancel_backup",
        Statement::CancelRestore(_) => "cancel_restore",
        Statement::ShowSnapshot(_) => "show_snapshot",
        Statement::DropSnapshot(_) => "drop_snapshot",
        Statement::CreateRepository(_) => "create_repository",
        Statement::DropRepository(_) => "drop_repository",
        Statement::ShowRepositories(_) => "show_repositories",
        Statement::Other(_) => "other",
        Statement::Invalid(_) => "invalid",
    }
}

/// Converts the core's result for `text` into the JS shape (byte spans → UTF-16).
pub fn to_js(text: &str, script: &Script, diagnostics: &[Diagnostic]) -> ParseOutput {
    let conv = Utf16 { index: LineIndex::new(text) };
    ParseOutput {
        diagnostics: diagnostics.iter().map(|d| conv.diagnostic(d)).collect(),
        statements: script
            .statements
            .iter()
            .map(|s| {
                let (start, end) = conv.offsets(s.span);
                JsStatement { kind: statement_kind(&s.stmt), start, end }
            })
            .collect(),
    }
}

/// Parses `text` and returns `{ diagnostics, statements }` as plain JS objects and arrays.
///
/// Never throws for any input string.
#[wasm_bindgen]
pub fn parse(text: &str) -> JsValue {
    let (script, diagnostics) = starrocks_backup_sql::parse(text);
    let out = to_js(text, &script, &diagnostics);
    // One JSON string parsed by the engine's `JSON.parse` gives plain objects, arrays and
    // `null` for `None`; it measured 1.3 KB (gzip) smaller than serde-wasm-bindgen
    // (docs/PERFORMANCE.md). Serializing these plain structs cannot fail.
    let json = serde_json::to_string(&out).unwrap_or_default();
    js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
}

/// Parses `text` and returns the canonical SQL of the statements it understood.
#[wasm_bindgen]
pub fn format(text: &str) -> String {
    let (script, _) = starrocks_backup_sql::parse(text);
    starrocks_backup_sql::format(&script)
}

#[cfg(test)]
mod tests {
    use super::*;
    use starrocks_backup_sql::{DiagnosticKind, Severity};

    #[test]
    fn diagnostic_byte_spans_become_utf16_offsets_and_columns() {
        // "😀" is 4 bytes and 2 UTF-16 units; "备" is 3 bytes and 1 unit.
        let text = "-- 😀\n备 BACKUP x";
        let start = text.find("BACKUP").unwrap();
        let span = Span::new(start, text.len());
        let d = Diagnostic::new("SR100", Severity::Error, DiagnosticKind::Syntax, "bad", span)
            .with_fix(Fix::single("drop it", span, ""));
        let out = to_js(text, &Script::default(), &[d]);
        let js_len = text.encode_utf16().count();
        let js_start = "-- 😀\n备 ".encode_utf16().count();
        let d = &out.diagnostics[0];
        assert_eq!((d.start, d.end), (js_start, js_len));
        assert_eq!((d.line, d.column), (2, 3));
        assert_eq!((d.end_line, d.end_column), (2, "备 BACKUP x".encode_utf16().count() + 1));
        assert_eq!((d.severity, d.kind), ("error", "syntax"));
        let edit = &d.fix.as_ref().unwrap().edits[0];
        assert_eq!((edit.start, edit.end), (js_start, js_len));
    }

    #[test]
    fn statement_spans_become_utf16_offsets() {
        let text = "/* 😀 */ SHOW BACKUP FROM 数据库;";
        let (script, diagnostics) = starrocks_backup_sql::parse(text);
        assert_eq!(diagnostics, []);
        let out = to_js(text, &script, &diagnostics);
        let start = "/* 😀 */ ".encode_utf16().count();
        let end = text.encode_utf16().count() - 1;
        assert_eq!(out.statements, [JsStatement { kind: "show_backup", start, end }]);
    }
}
