//! Fixtures for the catalog-independent check rules (semantic and compat).
//!
//! `check/invalid/SRxxx_*.sql` must raise SRxxx; `check/valid/*.sql` must raise no error and
//! none of the codes its name lists (`SR302-SR303_x.sql` names a range). A first line
//! `-- srbackup: target=3.3 shared-data` sets the options. Every file's rendered diagnostics
//! are snapshotted.

use starrocks_backup_sql::check::{ClusterMode, Options, Version, RULES};
use starrocks_backup_sql::{parse_and_check, render, Diagnostic};
use std::path::Path;

fn options_for(text: &str) -> Options {
    let mut o = Options::default();
    if let Some(rest) = text.lines().next().and_then(|l| l.strip_prefix("-- srbackup:")) {
        for word in rest.split_whitespace() {
            match word.split_once('=') {
                Some(("target", v)) => o.target = Version::parse(v).expect("valid version in fixture"),
                None if word == "shared-data" => o.cluster = ClusterMode::SharedData,
                _ => panic!("unknown directive {word}"),
            }
        }
    }
    o
}

fn run(path: &Path) -> (String, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).expect("fixture");
    let (_, diags) = parse_and_check(&text, &options_for(&text));
    let name = path.file_name().unwrap().to_string_lossy();
    let rendered: String = diags.iter().map(|d| render(d, &text, &name) + "\n").collect();
    (rendered, diags)
}

/// Codes a file name lists: `SR301`, or ranges `SR320-SR329`.
fn codes_in_name(name: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for part in name.trim_end_matches(".sql").split('_') {
        match part.split_once('-') {
            Some((a, b)) if a.starts_with("SR") && b.starts_with("SR") => {
                let (a, b): (u32, u32) = (a[2..].parse().unwrap(), b[2..].parse().unwrap());
                codes.extend((a..=b).map(|n| format!("SR{n}")));
            }
            _ if part.len() == 5
                && part.starts_with("SR")
                && part[2..].chars().all(|c| c.is_ascii_digit()) =>
            {
                codes.push(part.to_string())
            }
            _ => {}
        }
    }
    codes
}

#[test]
fn invalid_fixtures_raise_their_rule() {
    insta::glob!("check/invalid/*.sql", |path| {
        let (rendered, diags) = run(path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let code = &codes_in_name(&name)[0];
        assert!(diags.iter().any(|d| d.code == code), "{name} should raise {code}:\n{rendered}");
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn valid_fixtures_raise_no_error() {
    insta::glob!("check/valid/*.sql", |path| {
        let (rendered, diags) = run(path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(!diags.iter().any(Diagnostic::is_error), "{name} has errors:\n{rendered}");
        for code in codes_in_name(&name) {
            assert!(!diags.iter().any(|d| d.code == code), "{name} raises {code}:\n{rendered}");
        }
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn every_rule_has_valid_and_invalid_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check");
    let names = |sub: &str| -> Vec<String> {
        std::fs::read_dir(dir.join(sub))
            .unwrap()
            .flat_map(|e| codes_in_name(&e.unwrap().file_name().to_string_lossy()))
            .collect()
    };
    let (invalid, valid) = (names("invalid"), names("valid"));
    // Catalog-dependent rules and the notes have their own fixtures (check_catalog tests);
    // SR331, SR510 and SR511 are submission checks decidable from the statement alone.
    use starrocks_backup_sql::DiagnosticKind::{Catalog, Submission};
    let statement_only = |code: &str, kind| {
        !code.starts_with("SR7")
            && (kind != Catalog && kind != Submission || ["SR331", "SR510", "SR511"].contains(&code))
    };
    for rule in RULES.iter().filter(|r| statement_only(r.code, r.kind)) {
        assert!(invalid.iter().any(|c| c == rule.code), "no invalid fixture for {}", rule.code);
        assert!(valid.iter().any(|c| c == rule.code), "no valid fixture for {}", rule.code);
    }
}

#[test]
fn fixes_remove_the_diagnostic_they_fix() {
    insta::glob!("check/invalid/*.sql", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let options = options_for(&text);
        let (_, diags) = parse_and_check(&text, &options);
        for d in diags.iter().filter(|d| d.fix.is_some()) {
            let fixed = d.fix.as_ref().unwrap().apply(&text);
            let (_, after) = parse_and_check(&fixed, &options);
            let count = |ds: &[Diagnostic]| ds.iter().filter(|x| x.code == d.code).count();
            assert!(
                count(&after) < count(&diags),
                "applying the fix of {} ({}) in {} left it in place:\n{fixed}",
                d.code,
                d.message,
                path.display()
            );
            assert!(
                !after.iter().any(|x| x.is_error() && x.kind == starrocks_backup_sql::DiagnosticKind::Syntax),
                "the fix of {} in {} broke the syntax:\n{fixed}",
                d.code,
                path.display()
            );
        }
    });
}
