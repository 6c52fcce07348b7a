//! Conformance with StarRocks's own parser, line by line: `tests/conformance/verdicts.tsv` holds
//! statements with the verdict StarRocks's grammar plus AST builder gives them (derived from
//! the spec's grammar rules and its observed behaviours). The parser must agree on every line.
//!
//! A statement is `ERR` for this crate when it gets any error of kind lexical, syntax or
//! statement; warnings and infos do not count.

mod support;

use starrocks_backup_sql::{parse, Diagnostic, DiagnosticKind, Severity};

const TABLE: &str = include_str!("conformance/verdicts.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Ok,
    Err,
}

struct Case {
    line: usize,
    verdict: Verdict,
    /// StarRocks's grammar's verdict alone (the oracle's label).
    grammar: Verdict,
    /// The statement as written in the table (escaped).
    raw: &'static str,
    text: String,
    source: &'static str,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for (i, line) in TABLE.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "line {}: expected 4 TAB-separated columns: {line:?}", i + 1);
        let label = |v: &str| match v {
            "OK" => Verdict::Ok,
            "ERR" => Verdict::Err,
            v => panic!("line {}: a verdict must be OK or ERR, not {v:?}", i + 1),
        };
        let (verdict, grammar) = (label(cols[0]), label(cols[3]));
        let text = support::unescape(cols[1]).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        assert!(!cols[2].is_empty(), "line {}: the source column is empty", i + 1);
        out.push(Case { line: i + 1, verdict, grammar, raw: cols[1], text, source: cols[2] });
    }
    out
}

fn blocking(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
        && matches!(d.kind, DiagnosticKind::Lexical | DiagnosticKind::Syntax | DiagnosticKind::Statement)
}

fn our_verdict(text: &str) -> (Verdict, Vec<Diagnostic>) {
    let (_, diags) = parse(text);
    let v = if diags.iter().any(blocking) { Verdict::Err } else { Verdict::Ok };
    (v, diags)
}

#[test]
fn every_verdict_matches_starrocks() {
    let cases = cases();
    let mut mismatches = Vec::new();
    for c in &cases {
        let (got, diags) = our_verdict(&c.text);
        if got != c.verdict {
            let why = if diags.is_empty() {
                "no diagnostics".to_string()
            } else {
                diags
                    .iter()
                    .map(|d| format!("{}[{}] {}", d.severity.as_str(), d.code, d.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            mismatches.push(format!(
                "line {:>4} [{}] expected {:?}, got {:?}: {}\n           {}",
                c.line, c.source, c.verdict, got, c.raw, why
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} conformance lines disagree with StarRocks:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
}

/// Against StarRocks's grammar alone: our lexer and grammar (errors of kind lexical or syntax)
/// reject exactly the lines it rejects, and where only the AST builder rejects a line, one of
/// our statement rules (its counterpart) does.
#[test]
fn the_grammar_agrees_with_starrocks_s_grammar() {
    let cases = cases();
    let mut mismatches = Vec::new();
    let mut ast_builder = 0;
    for c in &cases {
        let (_, diags) = parse(&c.text);
        let error = |kinds: &[DiagnosticKind]| {
            diags.iter().any(|d| d.severity == Severity::Error && kinds.contains(&d.kind))
        };
        let grammar = if error(&[DiagnosticKind::Lexical, DiagnosticKind::Syntax]) {
            Verdict::Err
        } else {
            Verdict::Ok
        };
        if grammar != c.grammar {
            mismatches.push(format!(
                "line {} [{}] StarRocks's grammar says {:?}, ours {:?}: {}",
                c.line, c.source, c.grammar, grammar, c.raw
            ));
        }
        if c.grammar == Verdict::Ok && c.verdict == Verdict::Err {
            ast_builder += 1;
            if !error(&[DiagnosticKind::Statement]) {
                mismatches.push(format!(
                    "line {} [{}] only the AST builder rejects it, and no statement rule does: {}",
                    c.line, c.source, c.raw
                ));
            }
        }
    }
    assert!(ast_builder >= 40, "only {ast_builder} AST-builder lines");
    assert!(mismatches.is_empty(), "{} lines:\n{}", mismatches.len(), mismatches.join("\n"));
}

#[test]
fn the_table_covers_every_behaviour_and_rule() {
    let cases = cases();
    assert!(cases.len() >= 800, "only {} lines", cases.len());
    let sources: Vec<&str> = cases.iter().map(|c| c.source).collect();
    let mut missing: Vec<String> =
        (1..=28).map(|n| format!("B{n}")).filter(|b| !sources.contains(&b.as_str())).collect();
    for rule in ["A3.2", "A3.3", "A3.4", "A3.5", "A3.6", "A3.7", "A3.8", "A3.C"] {
        if !sources.contains(&rule) {
            missing.push(rule.to_string());
        }
    }
    assert!(missing.is_empty(), "no conformance line for {missing:?}");
    // Every behaviour with both outcomes in the spec has both here.
    for b in [1, 3, 5, 6, 7, 9, 11, 12, 14, 17, 18, 20, 21, 22, 23, 24, 25, 26, 28] {
        let tag = format!("B{b}");
        for v in [Verdict::Ok, Verdict::Err] {
            assert!(cases.iter().any(|c| c.source == tag && c.verdict == v), "{tag} has no {v:?} line");
        }
    }
    // No statement is listed twice (possibly with contradicting verdicts).
    let mut seen = std::collections::HashMap::new();
    for c in &cases {
        if let Some(prev) = seen.insert(c.text.clone(), c.line) {
            panic!("line {} repeats line {prev}: {}", c.line, c.raw);
        }
    }
}

#[test]
fn every_diagnostic_has_a_valid_span() {
    for c in cases() {
        let (_, diags) = our_verdict(&c.text);
        for d in diags {
            assert!(
                d.span.start <= d.span.end && d.span.end <= c.text.len(),
                "line {}: span {:?} out of range for {:?}",
                c.line,
                d.span,
                c.raw
            );
            assert!(
                c.text.is_char_boundary(d.span.start) && c.text.is_char_boundary(d.span.end),
                "line {}: span {:?} splits a character in {:?}",
                c.line,
                d.span,
                c.raw
            );
            if let Some(fix) = &d.fix {
                for e in &fix.edits {
                    assert!(
                        e.span.end <= c.text.len()
                            && c.text.is_char_boundary(e.span.start)
                            && c.text.is_char_boundary(e.span.end),
                        "line {}: fix edit {:?} is not a valid span of {:?}",
                        c.line,
                        e.span,
                        c.raw
                    );
                }
            }
        }
    }
}

#[test]
fn unescape_decodes_the_table_escapes() {
    assert_eq!(support::unescape(r"a\tb\nc\\d\u{a0}\v\f\r").unwrap(), "a\tb\nc\\d\u{a0}\u{b}\u{c}\r");
    assert!(support::unescape(r"\q").is_err());
}
