//! The JavaScript face of `starrocks-backup-sql`, built with wasm-bindgen into the npm package
//! `starrocks-backup-sql` (see `npm/package.json` and the hand-written `npm/types/*.d.ts`).
//!
//! This is the only crate that knows JS shapes. Everything here is a conversion: spans go
//! from byte offsets (what Rust uses everywhere) to UTF-16 code units (what JS strings and
//! editors use), exactly once, and field names become camelCase. No checking happens here.
//!
//! The result crosses into JS as one JSON string written by hand ([`ParseOutput::to_json`]):
//! serde and serde_json made the package larger for a shape this small.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ParseOutput<'a> {
    /// Every finding, in source order of the core's report.
    pub diagnostics: Vec<JsDiagnostic<'a>>,
    /// One light entry per statement (the full tree stays in Rust).
    pub statements: Vec<JsStatement>,
}

/// A diagnostic with UTF-16 offsets and 1-based UTF-16 line/column positions.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize), serde(rename_all = "camelCase"))]
pub struct JsDiagnostic<'a> {
    /// Stable rule code, e.g. `SR100`.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// Which StarRocks stage it mirrors, e.g. `syntax`.
    pub kind: &'static str,
    /// One sentence saying what is wrong.
    pub message: &'a str,
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
    pub expected: &'a [String],
    /// How to put it right, in words.
    pub help: Option<&'a str>,
    /// A machine-applicable fix.
    pub fix: Option<JsFix<'a>>,
    /// What StarRocks itself prints for this, when known.
    pub starrocks_message: Option<&'a str>,
}

/// A fix whose edits use UTF-16 offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct JsFix<'a> {
    /// What the fix does.
    pub message: &'a str,
    /// Non-overlapping edits, in source order.
    pub edits: Vec<JsEdit<'a>>,
}

/// One replacement of `start..end` (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct JsEdit<'a> {
    /// UTF-16 offset of the first replaced code unit.
    pub start: usize,
    /// UTF-16 offset one past the last replaced code unit.
    pub end: usize,
    /// The new text.
    pub replacement: &'a str,
}

/// A statement's kind and where it is (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct JsStatement {
    /// `backup`, `restore`, `show_backup`, …, `other` or `invalid`.
    #[cfg_attr(test, serde(rename = "type"))]
    pub kind: &'static str,
    /// UTF-16 offset of the first code unit.
    pub start: usize,
    /// UTF-16 offset one past the last code unit.
    pub end: usize,
}

/// Appends `s` to `out` as a JSON string (RFC 8259): `"` and `\\` are escaped with a
/// backslash, control characters (U+0000–U+001F) as `\\u00XX`; everything else, non-ASCII
/// included, is copied as it is.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0'..='\x1f' => {
                let hex = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(hex[c as usize >> 4] as char);
                out.push(hex[c as usize & 15] as char);
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `n` to `out` as a JSON number (decimal digits).
fn json_number(out: &mut String, n: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

/// Appends `s` to `out` as a JSON string, or `null` for `None`.
fn json_option(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_string(out, s),
        None => out.push_str("null"),
    }
}

/// Appends `items` to `out` as a JSON array, each item written by `item`.
fn json_array<T>(out: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, x);
    }
    out.push(']');
}

/// Appends the key of an object member: `"name":`, after a `,` unless it is the first.
fn json_key(out: &mut String, name: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push('"');
    out.push_str(name);
    out.push_str("\":");
}

impl ParseOutput<'_> {
    /// The JSON text JS receives: objects with the fields in declaration order and the
    /// camelCase names of `npm/types/index.d.ts`, `null` for `None`, no whitespace.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        out.push_str("{\"diagnostics\":");
        json_array(&mut out, &self.diagnostics, |out, d| d.write_json(out));
        out.push_str(",\"statements\":");
        json_array(&mut out, &self.statements, |out, s| {
            out.push('{');
            json_key(out, "type");
            json_string(out, s.kind);
            json_key(out, "start");
            json_number(out, s.start);
            json_key(out, "end");
            json_number(out, s.end);
            out.push('}');
        });
        out.push('}');
        out
    }
}

impl JsDiagnostic<'_> {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (key, value) in [("code", self.code), ("severity", self.severity), ("kind", self.kind)] {
            json_key(out, key);
            json_string(out, value);
        }
        json_key(out, "message");
        json_string(out, self.message);
        for (key, value) in [
            ("start", self.start),
            ("end", self.end),
            ("line", self.line),
            ("column", self.column),
            ("endLine", self.end_line),
            ("endColumn", self.end_column),
        ] {
            json_key(out, key);
            json_number(out, value);
        }
        json_key(out, "expected");
        json_array(out, self.expected, |out, e| json_string(out, e));
        json_key(out, "help");
        json_option(out, self.help);
        json_key(out, "fix");
        match &self.fix {
            Some(fix) => {
                out.push('{');
                json_key(out, "message");
                json_string(out, fix.message);
                json_key(out, "edits");
                json_array(out, &fix.edits, |out, e| {
                    out.push('{');
                    json_key(out, "start");
                    json_number(out, e.start);
                    json_key(out, "end");
                    json_number(out, e.end);
                    json_key(out, "replacement");
                    json_string(out, e.replacement);
                    out.push('}');
                });
                out.push('}');
            }
            None => out.push_str("null"),
        }
        json_key(out, "starrocksMessage");
        json_option(out, self.starrocks_message);
        out.push('}');
    }
}

/// Converts byte spans of one text to UTF-16 offsets and positions.
struct Utf16<'a> {
    index: LineIndex<'a>,
}

impl Utf16<'_> {
    fn offsets(&self, span: Span) -> (usize, usize) {
        (self.index.utf16_offset(span.start), self.index.utf16_offset(span.end))
    }

    fn fix<'d>(&self, fix: &'d Fix) -> JsFix<'d> {
        JsFix {
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|e| {
                    let (start, end) = self.offsets(e.span);
                    JsEdit { start, end, replacement: &e.replacement }
                })
                .collect(),
        }
    }

    fn diagnostic<'d>(&self, d: &'d Diagnostic) -> JsDiagnostic<'d> {
        let (start, end) = self.offsets(d.span);
        let (from, to) = (self.index.line_col(d.span.start), self.index.line_col(d.span.end));
        JsDiagnostic {
            code: d.code,
            severity: d.severity.as_str(),
            kind: d.kind.as_str(),
            message: &d.message,
            start,
            end,
            line: from.line,
            column: from.column_utf16,
            end_line: to.line,
            end_column: to.column_utf16,
            expected: &d.expected,
            help: d.help.as_deref(),
            fix: d.fix.as_ref().map(|f| self.fix(f)),
            starrocks_message: d.starrocks_message.as_deref(),
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
pub fn to_js<'a>(text: &str, script: &Script, diagnostics: &'a [Diagnostic]) -> ParseOutput<'a> {
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

#[wasm_bindgen]
extern "C" {
    /// The engine's `JSON.parse`, bound without `catch`: the text is always valid JSON, and
    /// js-sys's binding (which catches) cost glue for an exception that cannot happen.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// The functions JS calls. They are documented for JS users in `npm/types/index.d.ts`; here
/// they carry plain comments only, because wasm-bindgen copies doc comments (and its own
/// `@param` / `@returns` lines, hence `skip_jsdoc`) into the JS glue: 142 B gzip that no
/// editor reads, since the package's `types` point at the hand-written declarations.
mod exports {
    use super::{json_parse, to_js};
    use wasm_bindgen::prelude::*;

    // JS `parse(text)`: `{ diagnostics, statements }` as plain JS objects and arrays. Never
    // throws for any input string.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn parse(text: &str) -> JsValue {
        let (script, diagnostics) = starrocks_backup_sql::parse(text);
        let out = to_js(text, &script, &diagnostics);
        // One JSON string parsed by the engine's `JSON.parse` gives plain objects, arrays and
        // `null` for `None`; it measured 1.3 KB (gzip) smaller than serde-wasm-bindgen
        // (docs/PERFORMANCE.md), and writing it by hand is smaller again than serde_json.
        json_parse(&out.to_json())
    }

    // JS `format(text)`: the canonical SQL of the statements the parser understood.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn format(text: &str) -> String {
        let (script, _) = starrocks_backup_sql::parse(text);
        starrocks_backup_sql::format(&script)
    }
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
        let diagnostics = [d];
        let out = to_js(text, &Script::default(), &diagnostics);
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

    /// `json_string` of `s`, as a fresh string.
    fn string(s: &str) -> String {
        let mut out = String::new();
        json_string(&mut out, s);
        out
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        assert_eq!(string(""), r#""""#);
        assert_eq!(string(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(string(r"C:\dir\"), r#""C:\\dir\\""#);
        assert_eq!(string("a\nb\tc\rd"), r#""a\u000ab\u0009c\u000dd""#);
        assert_eq!(string("\0\x01\x08\x0c\x1f"), r#""\u0000\u0001\u0008\u000c\u001f""#);
        // Only U+0000–U+001F must be escaped: space and DEL are copied.
        assert_eq!(string(" \x7f"), "\" \x7f\"");
    }

    #[test]
    fn json_strings_copy_non_ascii_as_it_is() {
        assert_eq!(string("备份 😀 é"), "\"备份 😀 é\"");
        assert_eq!(string("\u{2028}\u{fffd}"), "\"\u{2028}\u{fffd}\"");
    }

    #[test]
    fn json_strings_read_back_as_the_same_text() {
        let all_ascii: String = (0u8..128).map(char::from).collect();
        for s in ["", "\"", "\\", "\\\"", "\0", "\u{1f}x", "x\u{7f}", "数据😀库", &all_ascii] {
            let back: String = serde_json::from_str(&string(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn lone_json_values() {
        let mut out = String::new();
        json_number(&mut out, 0);
        out.push(' ');
        json_number(&mut out, 1_000_000_007);
        out.push(' ');
        json_number(&mut out, usize::MAX);
        assert_eq!(out, format!("0 1000000007 {}", usize::MAX));

        let mut out = String::new();
        json_option(&mut out, None);
        json_option(&mut out, Some("x"));
        json_array(&mut out, &[] as &[usize], |out, &n| json_number(out, n));
        json_array(&mut out, &[1, 22], |out, &n| json_number(out, n));
        assert_eq!(out, r#"null"x"[][1,22]"#);

        let empty = ParseOutput { diagnostics: vec![], statements: vec![] };
        assert_eq!(empty.to_json(), r#"{"diagnostics":[],"statements":[]}"#);
    }

    #[test]
    fn json_text_has_the_documented_keys_in_order() {
        let expected = ["SR100".to_string(), "`)`".to_string()];
        let full = JsDiagnostic {
            code: "SR100",
            severity: "error",
            kind: "syntax",
            message: "bad \"x\"\n",
            start: 1,
            end: 2,
            line: 3,
            column: 4,
            end_line: 5,
            end_column: 6,
            expected: &expected,
            help: Some("add it"),
            fix: Some(JsFix {
                message: "insert `)`",
                edits: vec![
                    JsEdit { start: 7, end: 8, replacement: ")" },
                    JsEdit { start: 9, end: 9, replacement: "" },
                ],
            }),
            starrocks_message: Some("Getting syntax error"),
        };
        let bare = JsDiagnostic {
            expected: &[],
            help: None,
            fix: None,
            starrocks_message: None,
            message: "",
            ..full.clone()
        };
        let out = ParseOutput {
            diagnostics: vec![full, bare],
            statements: vec![JsStatement { kind: "backup", start: 0, end: 10 }],
        };
        let want = concat!(
            r#"{"diagnostics":[{"code":"SR100","severity":"error","kind":"syntax","#,
            r#""message":"bad \"x\"\u000a","start":1,"end":2,"line":3,"column":4,"endLine":5,"#,
            r#""endColumn":6,"expected":["SR100","`)`"],"help":"add it","#,
            r#""fix":{"message":"insert `)`","edits":[{"start":7,"end":8,"replacement":")"},"#,
            r#"{"start":9,"end":9,"replacement":""}]},"starrocksMessage":"Getting syntax error"},"#,
            r#"{"code":"SR100","severity":"error","kind":"syntax","message":"","start":1,"end":2,"#,
            r#""line":3,"column":4,"endLine":5,"endColumn":6,"expected":[],"help":null,"fix":null,"#,
            r#""starrocksMessage":null}],"statements":[{"type":"backup","start":0,"end":10}]}"#,
        );
        assert_eq!(out.to_json(), want);
        // Byte for byte what serde_json printed for the same structs, but for the one
        // escape: serde_json writes a newline as `\n`, this writer as `\u000a`.
        let serde = serde_json::to_string(&out).unwrap();
        assert_eq!(serde.replace(r"\n", r"\u000a"), want);
    }

    /// Every `.sql` file under `dir`, recursively.
    fn sql_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sql_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "sql") {
                found.push(path);
            }
        }
    }

    #[test]
    fn json_text_reads_back_as_what_serde_writes_for_the_core_corpus() {
        let mut files = Vec::new();
        sql_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/inputs"), &mut files);
        let mut texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
        assert!(texts.len() > 20, "the core's input corpus is there");
        texts.extend(
            [
                "",
                "BACKUP SNAPSHOT db.s TO",
                "BACKUP SNAPSHOT `a\"b\\c`.s TO r PROPERTIES (\"k\\\" = \"v\u{1}\")",
                "BACKUP\0SNAPSHOT\x1f db.s\tTO\r\n`数据😀库`",
                "\u{2028}SHOW BACKUP FROM '\\'",
            ]
            .map(String::from),
        );
        let mut diagnostics_seen = 0;
        for text in &texts {
            let (script, diagnostics) = starrocks_backup_sql::parse(text);
            let out = to_js(text, &script, &diagnostics);
            let ours: serde_json::Value = serde_json::from_str(&out.to_json()).unwrap();
            assert_eq!(ours, serde_json::to_value(&out).unwrap(), "{text:?}");
            diagnostics_seen += out.diagnostics.len();
        }
        assert!(diagnostics_seen > 20, "the corpus has diagnostics ({diagnostics_seen})");
    }
}
