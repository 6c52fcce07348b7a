//! Fixtures for the catalog-dependent checks: existence (`SR4xx`), submission (`SR501`–`SR509`,
//! `SR512`+) and notes (`SR7xx`).
//!
//! Each `tests/check/catalog/{valid,invalid}/*.sql` fixture is checked against a catalog
//! (`catalog.json` in that directory unless a `-- catalog: FILE` line at the top names
//! another, or `none`) and the rendered diagnostics of these rules are snapshotted next to
//! it, in `snapshots/`. A `-- target: 3.3` line sets the target version.
//!
//! * An `invalid/` fixture must raise every code its file name starts with
//!   (`SR401_SR402_….sql`); a `valid/` one must raise none of them.
//! * Every fixture checked *without* a catalog raises none of the catalog and submission
//!   rules: nothing pretends to know.
//! * Every rule of these files is raised by some invalid fixture, and every StarRocks message
//!   they quote appears in some snapshot.

use starrocks_backup_sql::check::{check, Catalog, ClusterMode, Options, Version, RULES};
use starrocks_backup_sql::{parse, render, Diagnostic, DiagnosticKind, Severity};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/check/catalog");

/// The codes this suite covers: SR4xx, SR501–SR509, SR512–SR599 and SR7xx (SR510 and SR511
/// are catalog-independent rules of `partitions.rs`).
fn ours(code: &str) -> bool {
    let n: u32 = code[2..].parse().unwrap_or(0);
    (400..500).contains(&n) || (501..=509).contains(&n) || (512..600).contains(&n) || (700..800).contains(&n)
}

struct Fixture {
    path: PathBuf,
    name: String,
    valid: bool,
    text: String,
    catalog: Option<Catalog>,
    target: Version,
    cluster: ClusterMode,
}

fn load_catalog(file: &str) -> Catalog {
    let path = Path::new(DIR).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not a catalog: {e}", path.display()))
}

fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    for sub in ["valid", "invalid"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(DIR).join(sub))
            .expect("fixture directory")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("fixture text");
            let mut catalog = Some("catalog.json".to_string());
            let mut target = Version::LATEST;
            let mut cluster = ClusterMode::SharedNothing;
            for line in text.lines().take_while(|l| l.starts_with("--")) {
                let line = line.trim_start_matches('-').trim();
                if let Some(v) = line.strip_prefix("catalog:") {
                    let v = v.trim();
                    catalog = (v != "none").then(|| v.to_string());
                } else if let Some(v) = line.strip_prefix("target:") {
                    target = Version::parse(v.trim()).expect("target version");
                } else if line == "cluster: shared-data" {
                    cluster = ClusterMode::SharedData;
                }
            }
            let name = format!("{sub}/{}", path.file_name().unwrap().to_string_lossy());
            out.push(Fixture {
                catalog: catalog.map(|c| load_catalog(&c)),
                path,
                name,
                valid: sub == "valid",
                text,
                target,
                cluster,
            });
        }
    }
    assert!(out.len() >= 20, "fixtures are missing");
    out
}

/// The codes a fixture's file name starts with.
fn named_codes(f: &Fixture) -> Vec<String> {
    let stem = f.path.file_stem().unwrap().to_string_lossy().to_string();
    stem.split('_').take_while(|p| p.starts_with("SR") && p.len() == 5).map(str::to_string).collect()
}

fn run(f: &Fixture, with_catalog: bool) -> Vec<Diagnostic> {
    let (script, parse_diags) = parse(&f.text);
    let errors: Vec<_> = parse_diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{}: fixtures must parse: {:?}", f.name, errors);
    let options = Options {
        target: f.target,
        cluster: f.cluster,
        catalog: if with_catalog { f.catalog.clone().map(std::sync::Arc::new) } else { None },
    };
    check(&script, &options).into_iter().filter(|d| ours(d.code)).collect()
}

/// The diagnostics a snapshot shows. Notes (`SR7xx`) are left out of fixtures about other
/// rules, where they would repeat on every statement.
fn displayed<'a>(f: &Fixture, diags: &'a [Diagnostic]) -> Vec<&'a Diagnostic> {
    let about_notes = named_codes(f).iter().any(|c| c.starts_with("SR7"));
    diags.iter().filter(|d| about_notes || !d.code.starts_with("SR7")).collect()
}

fn rendered(f: &Fixture, diags: &[Diagnostic]) -> String {
    let diags = displayed(f, diags);
    if diags.is_empty() {
        return "(no diagnostics)\n".to_string();
    }
    diags.iter().map(|d| render(d, &f.text, &f.name)).collect::<Vec<_>>().join("\n")
}

#[test]
fn fixtures_with_catalog() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(DIR).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let _guard = settings.bind_to_scope();
    for f in fixtures() {
        let diags = run(&f, true);
        let codes: BTreeSet<&str> = diags.iter().map(|d| d.code).collect();
        let named = named_codes(&f);
        assert!(!named.is_empty(), "{}: the file name must start with the codes it is about", f.name);
        for code in &named {
            if f.valid {
                assert!(
                    !codes.contains(code.as_str()),
                    "{}: valid fixture raised {code}:\n{}",
                    f.name,
                    rendered(&f, &diags)
                );
            } else {
                assert!(
                    codes.contains(code.as_str()),
                    "{}: {code} was not raised:\n{}",
                    f.name,
                    rendered(&f, &diags)
                );
            }
        }
        let snap_name = f.name.trim_end_matches(".sql").replace('/', "__");
        insta::assert_snapshot!(snap_name, rendered(&f, &diags));
    }
}

#[test]
fn without_a_catalog_nothing_pretends_to_know() {
    for f in fixtures() {
        let diags = run(&f, false);
        let knowing: Vec<_> = diags
            .iter()
            .filter(|d| matches!(d.kind, DiagnosticKind::Catalog | DiagnosticKind::Submission))
            .collect();
        assert!(knowing.is_empty(), "{}: raised without a catalog: {knowing:?}", f.name);
    }
}

#[test]
fn every_rule_is_raised_and_every_starrocks_message_is_shown() {
    let mut raised = BTreeSet::new();
    let mut shown = String::new();
    for f in fixtures().iter().filter(|f| !f.valid) {
        let diags = run(f, true);
        raised.extend(displayed(f, &diags).iter().map(|d| d.code));
        shown.push_str(&rendered(f, &diags));
    }
    let mut missing = Vec::new();
    for rule in RULES.iter().filter(|r| ours(r.code)) {
        if !raised.contains(rule.code) {
            missing.push(format!("{} is never raised", rule.code));
        }
        if let Some(sr) = rule.starrocks_message {
            // The fixed text before the first placeholder.
            let fixed = sr.split('<').next().unwrap_or(sr).trim_end();
            if !shown.contains(&format!("StarRocks says: {fixed}")) {
                missing.push(format!("{}: no snapshot shows `{fixed}`", rule.code));
            }
        }
    }
    // StarRocks's second wording of some rules.
    for (code, sr) in [
        ("SR413", "Repository does not exist"),
        ("SR503", "Currently does not support incremental backup"),
        ("SR504", "Can only run one backup or restore job of external catalog"),
        ("SR518", "No restore is currently running"),
        ("SR417", "Automated snapshot has not been turn on"),
        ("SR418", "Manual Snapshot: Before_Upgrade doest not exist"),
    ] {
        if !shown.contains(&format!("StarRocks says: {sr}")) {
            missing.push(format!("{code}: no snapshot shows `{sr}`"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn catalog_rules_are_of_their_kinds() {
    for rule in RULES.iter().filter(|r| ours(r.code)) {
        let n: u32 = rule.code[2..].parse().unwrap();
        let expected: &[DiagnosticKind] = match n {
            400..=499 => &[DiagnosticKind::Catalog],
            500..=599 => &[DiagnosticKind::Submission],
            _ => &[DiagnosticKind::Semantic, DiagnosticKind::Catalog],
        };
        assert!(expected.contains(&rule.kind), "{} has kind {:?}", rule.code, rule.kind);
        if n >= 700 {
            assert_eq!(rule.severity, Severity::Info, "{} is a note", rule.code);
        }
    }
}

#[test]
fn fixes_remove_the_diagnostic_they_fix() {
    let mut applied = 0;
    for f in fixtures().iter().filter(|f| !f.valid) {
        let diags = run(f, true);
        let count = |ds: &[Diagnostic], code: &str| ds.iter().filter(|x| x.code == code).count();
        for d in diags.iter().filter(|d| d.fix.is_some()) {
            let fixed = d.fix.as_ref().unwrap().apply(&f.text);
            let (script, parse_diags) = parse(&fixed);
            assert!(
                !parse_diags.iter().any(Diagnostic::is_error),
                "{}: the fix of {} ({}) breaks the statement:\n{fixed}",
                f.name,
                d.code,
                d.message
            );
            let options = Options {
                target: f.target,
                catalog: f.catalog.clone().map(std::sync::Arc::new),
                ..Options::default()
            };
            let after = check(&script, &options);
            assert!(
                count(&after, d.code) < count(&diags, d.code),
                "{}: applying the fix of {} ({}) left it in place:\n{fixed}",
                f.name,
                d.code,
                d.message
            );
            applied += 1;
        }
    }
    assert!(applied >= 20, "only {applied} fixes were tried");
}
