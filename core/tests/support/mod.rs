//! Shared by the round-trip tests (`tests/roundtrip.rs`), the fuzz regressions
//! (`tests/fuzz_regressions.rs`) and the cargo-fuzz target (`fuzz/fuzz_targets/parse_format.rs`,
//! which includes this file with `#[path]`): AST normalisers and the parse → format → parse
//! check run on arbitrary text; also the decoder of `conformance/verdicts.tsv` escapes
//! (conformance and plan tests).
#![allow(dead_code)]

use serde_json::Value;
use starrocks_backup_sql::ast::{Statement, StatementNode};
use starrocks_backup_sql::{format, format_statement, parse, Diagnostic, Script};

/// What a comparison ignores besides spans.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ignore {
    /// How things were written that the formatter writes its own way: `Ident::quoted` (names
    /// are backquoted only when needed), `StringLit::quote` (the formatter picks the quote),
    /// `FromDb::in_keyword` (`IN db` becomes `FROM db`).
    pub spelling: bool,
    /// Comments (`format_statement` drops them; `format` moves inner ones above the statement).
    pub comments: bool,
    /// Parentheses: `ExprKind::Paren` nodes are replaced by what they hold.
    pub parens: bool,
}

/// The tree as JSON, with every `span` removed and the parts `ignore` names erased.
pub fn normalise<T: serde::Serialize>(tree: &T, ignore: Ignore) -> Value {
    let mut v = serde_json::to_value(tree).expect("the AST serialises");
    scrub(&mut v, ignore);
    v
}

fn scrub(v: &mut Value, ignore: Ignore) {
    match v {
        Value::Object(map) => {
            map.remove("span");
            map.remove("unit_span");
            if ignore.spelling {
                map.remove("quoted");
                map.remove("quote");
                map.remove("in_keyword");
            }
            if ignore.comments {
                map.remove("leading_comments");
                map.remove("inner_comments");
                map.remove("trailing_comments");
            }
            for child in map.values_mut() {
                scrub(child, ignore);
            }
            if ignore.parens {
                // An `Expr` is `{kind, span}`; a paren's kind is `{node: "paren", kind, span}`.
                while let Some(Value::Object(kind)) = map.get("kind") {
                    if kind.get("node").and_then(Value::as_str) != Some("paren") {
                        break;
                    }
                    let inner = kind.get("kind").cloned().expect("a paren holds an expression");
                    map.insert("kind".into(), inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| scrub(i, ignore)),
        _ => {}
    }
}

/// Error diagnostics only.
pub fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags.iter().filter(|d| d.is_error()).collect()
}

/// A short description of diagnostics for assertion messages.
pub fn describe(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| format!("{} {}: {}", d.code, d.severity.as_str(), d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// True for the statements the formatter rebuilds from the AST (not kept verbatim).
pub fn is_family(node: &StatementNode) -> bool {
    !matches!(node.stmt, Statement::Other(_) | Statement::Invalid(_))
}

/// True when no error diagnostic lies within the statement (from its first token to its last).
pub fn statement_is_clean(node: &StatementNode, diags: &[Diagnostic]) -> bool {
    !diags.iter().any(|d| d.is_error() && d.span.start <= node.span.end && d.span.end >= node.span.start)
}

/// The check the fuzz target runs on any input (and the string properties run on random text).
///
/// Parsing never panics; every family statement that parsed without errors formats to a
/// statement that parses without errors, to the same tree (modulo spans, spelling and
/// comments), and formats identically the second time; and the whole formatted script has
/// no more errors than the input.
pub fn check_text(text: &str) {
    let (script, diags) = parse(text);
    for node in script.statements.iter().filter(|n| is_family(n) && statement_is_clean(n, &diags)) {
        let once = format_statement(node);
        let (again, again_diags) = parse(&once);
        assert!(
            errors(&again_diags).is_empty(),
            "a clean statement formats to one with errors\ninput: {text:?}\nformatted: {once:?}\n{}",
            describe(&again_diags)
        );
        assert_eq!(
            again.statements.len(),
            1,
            "formatted statement splits\ninput: {text:?}\nformatted: {once:?}"
        );
        let ignore = Ignore { spelling: true, comments: true, parens: false };
        assert_eq!(
            normalise(&again.statements[0].stmt, ignore),
            normalise(&node.stmt, ignore),
            "the formatted statement means something else\ninput: {text:?}\nformatted: {once:?}"
        );
        let twice = format_statement(&again.statements[0]);
        assert_eq!(twice, once, "formatting is not idempotent\ninput: {text:?}");
    }
    let formatted = format(&script);
    let (reparsed, rediags) = parse(&formatted);
    // SR101 ("the input holds no statement") is about the whole input: the AST does not
    // record empty statements, so `;` alone formats to an empty script. Not counted.
    let count = |ds: &[Diagnostic]| ds.iter().filter(|d| d.is_error() && d.code != "SR101").count();
    let (before, after) = (count(&diags), count(&rediags));
    assert!(
        after <= before,
        "formatting added errors ({before} -> {after})\ninput: {text:?}\nformatted: {formatted:?}\n{}",
        describe(&rediags)
    );
    if before == 0 {
        assert_eq!(format(&reparsed), formatted, "script formatting is not idempotent\ninput: {text:?}");
    }
}

/// Parses `text` and asserts it has no error diagnostics.
pub fn parse_clean(text: &str) -> Script {
    let (script, diags) = parse(text);
    assert!(errors(&diags).is_empty(), "errors in {text:?}:\n{}", describe(&diags));
    script
}

/// Decodes `\t \n \r \v \f \\ \u{XXXX}`; any other backslash is an error in the table.
pub fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('v') => out.push('\u{b}'),
            Some('f') => out.push('\u{c}'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                if chars.next() != Some('{') {
                    return Err("expected `{` after \\u".into());
                }
                let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).map_err(|e| format!("bad \\u{{{hex}}}: {e}"))?;
                out.push(char::from_u32(cp).ok_or_else(|| format!("not a scalar value: {hex}"))?);
            }
            other => return Err(format!("unknown escape \\{}", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}
