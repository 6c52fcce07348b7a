//! The privilege explainer: snapshot fixtures (each `privileges/cases/*.sql` × StarRocks 2.5,
//! 3.3 and latest × without and with `privileges/catalog.json` × scopes auto, exact and broad),
//! and a proof that every GRANT and REVOKE printed parses with the GRANT grammar.
//!
//! Snapshots: `cargo insta review`, or `INSTA_UPDATE=always cargo test --test privileges`.

use starrocks_backup_sql::check::{Catalog, Options, Version};
use starrocks_backup_sql::privileges::*;
use starrocks_backup_sql::{parse, Span};
use std::fmt::Write as _;

fn catalog() -> Catalog {
    serde_json::from_str(include_str!("privileges/catalog.json")).expect("the catalog fixture parses")
}

fn options(version: Version, with_catalog: bool) -> Options {
    Options {
        target: version,
        catalog: with_catalog.then(|| std::sync::Arc::new(catalog())),
        ..Options::default()
    }
}

fn plans(sql: &str, options: &Options) -> Vec<PrivilegePlan> {
    let (script, _) = parse(sql);
    explain_script(&script, options)
}

fn grants(plans: &[PrivilegePlan], scope: Scope) -> GrantScript {
    render_grants(plans, &GrantOptions { grantee: Grantee::role("backup_op"), scope })
}

fn show_span(sql: &str, span: Span) -> String {
    let text = span.slice(sql);
    let short: String = text.chars().take(40).collect();
    let more = if text.chars().count() > 40 { "…" } else { "" };
    format!("{}..{} `{}{more}`", span.start, span.end, short.replace('\n', " "))
}

/// A plan as readable text.
fn render_plan(sql: &str, n: usize, plan: &PrivilegePlan, out: &mut String) {
    let model = match plan.model {
        PrivilegeModel::Rbac => "RBAC",
        PrivilegeModel::AdminPriv => "admin_priv (before 3.0)",
        PrivilegeModel::None => "none",
    };
    writeln!(out, "statement {n}: {} — {model} — {}", plan.statement, show_span(sql, plan.span)).unwrap();
    for r in &plan.requirements {
        let certainty = match r.certainty {
            Certainty::Checked => "",
            Certainty::Documented => " [documented]",
            Certainty::Uncertain => " [uncertain]",
        };
        writeln!(
            out,
            "  - {} on {} {}{certainty}",
            r.privilege,
            r.object_type.keyword(),
            r.object.describe()
        )
        .unwrap();
        writeln!(out, "      why: {}", r.reason).unwrap();
        for nb in &r.needed_by {
            writeln!(out, "      needed by: {} at {}", nb.what, show_span(sql, nb.span)).unwrap();
        }
        if let Some(c) = &r.condition {
            writeln!(out, "      only if: {c}").unwrap();
        }
        if let Some(d) = &r.denial {
            let m = if d.mislabelled { " (MISLABELLED)" } else { "" };
            writeln!(out, "      denied as{m}: {}", d.message).unwrap();
        }
    }
    for note in &plan.notes {
        writeln!(out, "  note [{:?}]: {}", note.kind, note.text).unwrap();
    }
}

fn grant_lines(g: &GrantScript) -> String {
    let mut out = String::new();
    for x in &g.grants {
        writeln!(out, "{};", x.grant).unwrap();
    }
    for r in &g.refused {
        writeln!(out, "-- not granted: {} on {}: {}", r.privilege, r.object, r.reason).unwrap();
    }
    if out.is_empty() {
        out.push_str("(no grant)\n");
    }
    out
}

/// Everything a fixture shows for one version.
fn render_case(sql: &str, version: Version) -> String {
    let mut out = String::new();
    for with_catalog in [false, true] {
        let o = options(version, with_catalog);
        let ps = plans(sql, &o);
        writeln!(
            out,
            "=== StarRocks {version}, {} ===",
            if with_catalog { "with catalog.json" } else { "no catalog" }
        )
        .unwrap();
        for (i, p) in ps.iter().enumerate() {
            render_plan(sql, i + 1, p, &mut out);
        }
        let auto = grants(&ps, Scope::Auto);
        writeln!(out, "--- grants, scope auto (the SQL script) ---").unwrap();
        out.push_str(&auto.to_sql(&version.to_string()));
        let auto_lines = grant_lines(&auto);
        for scope in [Scope::Exact, Scope::Broad] {
            let lines = grant_lines(&grants(&ps, scope));
            writeln!(out, "--- grants, scope {scope:?} ---").unwrap();
            if lines == auto_lines {
                writeln!(out, "(same as auto)").unwrap();
            } else {
                out.push_str(&lines);
            }
        }
        out.push('\n');
    }
    out
}

/// Snapshots live next to the fixtures, in `privileges/snapshots/`.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("privileges/snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn fixtures() {
    settings().bind(|| {
        insta::glob!("privileges/cases/*.sql", |path| {
            let sql = std::fs::read_to_string(path).expect("fixture");
            for (name, version) in
                [("v2_5", Version::V2_5), ("v3_3", Version::new(3, 3)), ("latest", Version::LATEST)]
            {
                insta::assert_snapshot!(name, render_case(&sql, version), &sql);
            }
        });
    });
}

/// Every GRANT and REVOKE any fixture prints parses, in every version, catalog and scope.
#[test]
fn every_printed_grant_parses() {
    let mut count = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/privileges/cases")).unwrap() {
        let sql = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for version in [Version::V2_5, Version::new(3, 3), Version::LATEST] {
            for with_catalog in [false, true] {
                let ps = plans(&sql, &options(version, with_catalog));
                for scope in [Scope::Auto, Scope::Exact, Scope::Broad] {
                    for g in grants(&ps, scope).grants {
                        for stmt in [&g.grant, &g.revoke] {
                            let parsed = parse_grant(stmt).unwrap_or_else(|e| panic!("{stmt}: {e}"));
                            assert_eq!(parsed.revoke, stmt.starts_with("REVOKE"));
                            count += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(count > 300, "only {count} statements checked");
}
