//! Snapshot fixtures: every file under `tests/inputs/valid/**` and `tests/inputs/invalid/**`
//! is parsed; its rendered diagnostics, what each fix turns the text into, the canonical
//! formatting and a compact AST are snapshotted (`tests/snapshots/snapshots__*.snap`).
//!
//! On top of the snapshots:
//! * valid files have no error, and their formatting is idempotent and parses without errors;
//! * invalid files have at least one error, and every statement in them has one;
//! * every fix removes the problem it is attached to (and adds no error before it);
//! * every rule of the catalogue appears in some snapshot, and every code a fixture raises is
//!   in the catalogue.
//!
//! Accept new snapshots with `INSTA_UPDATE=always cargo test -p starrocks-backup-sql --test snapshots`
//! (or `cargo insta review`).

use serde_json::Value;
use starrocks_backup_sql::catalogue::RULES;
use starrocks_backup_sql::{format, parse, render, Diagnostic, Fix};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn inputs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/inputs")
}

/// The path as shown in rendered diagnostics: relative to `tests/inputs`, with `/`.
fn display_name(path: &Path) -> String {
    path.strip_prefix(inputs_dir()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ------------------------------------------------------------------ the snapshot text

/// A one-line, span-free rendering of a serialised AST node: objects as `{key: value}`,
/// leaving out nulls, `false` and empty lists.
fn compact(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!("[{}]", items.iter().map(compact).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .filter(|(k, v)| {
                    k.as_str() != "span"
                        && !v.is_null()
                        && *v != &Value::Bool(false)
                        && !matches!(v, Value::Array(a) if a.is_empty())
                })
                .map(|(k, v)| format!("{k}: {}", compact(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}

fn snapshot_text(name: &str, text: &str) -> String {
    let (script, diags) = parse(text);
    let mut out = String::new();
    out.push_str("--- diagnostics\n");
    if diags.is_empty() {
        out.push_str("(none)\n");
    }
    for d in &diags {
        out.push_str(&render(d, text, name));
        if let Some(fix) = &d.fix {
            out.push_str(&format!("  fixed: {}\n", fixed_lines(text, fix).replace('\n', "\n         ")));
        }
    }
    out.push_str("--- formatted\n");
    out.push_str(&format(&script));
    out.push_str("--- ast\n");
    for node in &script.statements {
        let v = serde_json::to_value(&node.stmt).expect("the AST serialises");
        out.push_str(&compact(&v));
        out.push('\n');
    }
    out
}

/// The lines of the fixed text that the fix touched.
fn fixed_lines(text: &str, fix: &Fix) -> String {
    let fixed = fix.apply(text);
    let first = fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
    let delta: isize = fix.edits.iter().map(|e| e.replacement.len() as isize - e.span.len() as isize).sum();
    let last_old = fix.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
    let last = ((last_old as isize + delta).max(first as isize) as usize).min(fixed.len());
    let start = fixed[..first].rfind('\n').map_or(0, |i| i + 1);
    let end = fixed[last..].find('\n').map_or(fixed.len(), |i| last + i);
    fixed[start..end].to_string()
}

// ------------------------------------------------------------------ checks

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags.iter().filter(|d| d.is_error()).collect()
}

/// Maps an offset in the fixed text back into the original, or `None` inside an edit.
fn back_to_original(fix: &Fix, offset: usize) -> Option<usize> {
    let mut shift: isize = 0;
    let mut edits: Vec<_> = fix.edits.iter().collect();
    edits.sort_by_key(|e| e.span.start);
    for e in edits {
        let start_new = (e.span.start as isize + shift) as usize;
        let end_new = start_new + e.replacement.len();
        if offset < start_new {
            break;
        }
        if offset < end_new || (offset == end_new && e.span.is_empty() && e.replacement.is_empty()) {
            return if offset == start_new { Some(e.span.start) } else { None };
        }
        shift += e.replacement.len() as isize - e.span.len() as isize;
    }
    Some((offset as isize - shift) as usize)
}

/// The fix removes its diagnostic: after applying it, the same code is not raised at the same
/// place, and no new error appears at or before that place.
fn check_fix(name: &str, text: &str, before: &[Diagnostic], d: &Diagnostic, fix: &Fix) {
    let fixed = fix.apply(text);
    assert_ne!(fixed, text, "{name}: the fix for {} changes nothing", d.code);
    let (_, after) = parse(&fixed);
    let spot = d.span.start;
    for a in &after {
        let Some(at) = back_to_original(fix, a.span.start) else { continue };
        assert!(
            !(a.code == d.code && at == spot),
            "{name}: after `{}` the text still has {} at {spot}:\n{fixed}",
            fix.message,
            d.code
        );
        if a.is_error() && at <= spot {
            assert!(
                before.iter().any(|b| b.code == a.code && b.span.start == at),
                "{name}: `{}` for {} introduces {} at {at} (`{}`):\n{fixed}",
                fix.message,
                d.code,
                a.code,
                a.message
            );
        }
    }
}

fn check_valid(name: &str, text: &str) {
    let (script, diags) = parse(text);
    let errs = errors(&diags);
    assert!(errs.is_empty(), "{name} has errors: {:#?}", errs);
    let once = format(&script);
    let (again, diags2) = parse(&once);
    assert!(errors(&diags2).is_empty(), "{name}: the formatted text has errors:\n{once}\n{diags2:#?}");
    assert_eq!(format(&again), once, "{name}: formatting is not idempotent");
}

fn check_invalid(name: &str, text: &str) {
    let (script, diags) = parse(text);
    let errs = errors(&diags);
    assert!(!errs.is_empty(), "{name} has no error");
    // Every statement has its own error (between its start and the next statement).
    let starts: Vec<usize> = script.statements.iter().map(|s| s.span.start).collect();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(usize::MAX);
        assert!(
            errs.iter().any(|d| d.span.start >= *start && d.span.start < end),
            "{name}: statement {} has no error: {:?}",
            i + 1,
            script.statements[i].span.slice(text)
        );
    }
}

fn check_fixes(name: &str, text: &str) {
    let (_, diags) = parse(text);
    for d in &diags {
        if let Some(fix) = &d.fix {
            check_fix(name, text, &diags, d, fix);
        }
    }
}

// ------------------------------------------------------------------ the tests

#[test]
fn valid_inputs() {
    insta::glob!("inputs/valid/**/*.sql", |path| {
        let name = display_name(path);
        let text = read(path);
        check_valid(&name, &text);
        check_fixes(&name, &text);
        insta::assert_snapshot!(snapshot_text(&name, &text));
    });
}

#[test]
fn invalid_inputs() {
    insta::glob!("inputs/invalid/**/*.sql", |path| {
        let name = display_name(path);
        let text = read(path);
        check_invalid(&name, &text);
        check_fixes(&name, &text);
        insta::assert_snapshot!(snapshot_text(&name, &text));
    });
}

fn all_fixtures() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("inputs directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "sql") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&inputs_dir(), &mut out);
    out.sort();
    out
}

#[test]
fn every_rule_is_raised_by_a_fixture_and_shown_in_a_snapshot() {
    let known: BTreeSet<&str> = RULES.iter().map(|r| r.code).collect();
    let mut raised = BTreeSet::new();
    for path in all_fixtures() {
        let (_, diags) = parse(&read(&path));
        for d in diags {
            assert!(
                known.contains(d.code),
                "{} raises {}, which is not in the catalogue",
                display_name(&path),
                d.code
            );
            let rule = RULES.iter().find(|r| r.code == d.code).expect("known");
            assert_eq!(
                (rule.kind, rule.severity),
                (d.kind, d.severity),
                "{}: kind/severity of {}",
                display_name(&path),
                d.code
            );
            raised.insert(d.code);
        }
    }
    let missing: Vec<_> = known.difference(&raised).collect();
    assert!(missing.is_empty(), "no fixture raises {missing:?}");

    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut shown = BTreeSet::new();
    for entry in std::fs::read_dir(snapshots).expect("snapshots directory") {
        let path = entry.expect("entry").path();
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if !file.starts_with("snapshots__") {
            continue;
        }
        let text = read(&path);
        for code in &known {
            if text.contains(&format!("[{code}]")) {
                shown.insert(*code);
            }
        }
    }
    let unshown: Vec<_> = known.difference(&shown).collect();
    assert!(unshown.is_empty(), "no committed snapshot shows {unshown:?}");
}

#[test]
fn every_behaviour_has_a_fixture() {
    let names: Vec<String> = all_fixtures().iter().map(|p| display_name(p)).collect();
    for item in 1..=28 {
        let prefix = format!("{item:02}_");
        assert!(
            names
                .iter()
                .any(|n| n.contains("/behaviours/") && n.rsplit('/').next().unwrap().starts_with(&prefix)),
            "grammar-behaviours item {item} has no fixture"
        );
    }
    for rule in RULES {
        assert!(
            names.iter().any(|n| n.rsplit('/').next().unwrap().starts_with(rule.code)),
            "rule {} has no fixture named after it",
            rule.code
        );
    }
}

#[test]
fn the_fix_checker_catches_a_useless_fix() {
    // A fix that leaves the problem where it was must fail the check.
    let text = "BACKUP SNAPSHOT db1.s TO r ON (t1,)";
    let (_, diags) = parse(text);
    let d = diags.iter().find(|d| d.code == "SR102").expect("a stray comma");
    let useless = Fix::single("touch nothing useful", starrocks_backup_sql::Span::empty(0), "  ");
    let caught = std::panic::catch_unwind(|| check_fix("t", text, &diags, d, &useless));
    assert!(caught.is_err());
    check_fix("t", text, &diags, d, d.fix.as_ref().expect("a fix"));
}
