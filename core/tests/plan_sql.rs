//! SQL → plan → SQL: every valid BACKUP and RESTORE of the test corpora loads into a plan
//! and is written back meaning the same (or with every difference reported); the `SR8xx`
//! diagnostics; and a 10 000-object plan.

mod support;

use serde_json::{json, Value};
use starrocks_backup_sql::ast::{ObjectItem, PartitionSpec, Statement, StatementNode};
use starrocks_backup_sql::plan::*;
use starrocks_backup_sql::{parse, Diagnostic, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn latest() -> PlanOptions {
    PlanOptions::default()
}

// ------------------------------------------------------------------------------------------
// The corpora.

/// `*.sql` files under `dir`, recursively; none when the directory does not exist (yet).
fn sql_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sql_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
}

/// Every text of the corpora, named: the builder's own fixtures, the grammar suite's valid
/// inputs, the check suite's valid inputs, and the statements StarRocks accepts in the
/// conformance table.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    for dir in ["plan/sql", "inputs/valid", "check/valid"] {
        sql_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mut out: Vec<(String, String)> =
        files.iter().map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap())).collect();
    if let Ok(table) = std::fs::read_to_string(root.join("conformance/verdicts.tsv")) {
        for (i, line) in table.lines().enumerate() {
            let mut cols = line.split('\t');
            if cols.next() == Some("OK") {
                out.push((
                    format!("verdicts.tsv:{}", i + 1),
                    support::unescape(cols.next().unwrap_or("")).expect("verdicts.tsv escapes"),
                ));
            }
        }
    }
    out
}

/// The BACKUP and RESTORE statements of `text` with no error diagnostic of their own.
fn valid_statements(text: &str) -> Vec<StatementNode> {
    let (script, diags) = parse(text);
    script
        .statements
        .into_iter()
        .filter(|n| matches!(n.stmt, Statement::Backup(_) | Statement::Restore(_)))
        .filter(|n| {
            !diags.iter().any(|d| d.is_error() && d.span.start >= n.span.start && d.span.end <= n.span.end)
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// A normal form of a statement's meaning, computed from the syntax tree alone (independently
// of the plan code): what StarRocks makes of it, whichever syntax it is written in.

fn normal_value(key: &str, value: &str) -> String {
    match key {
        "type" if matches!(value.to_uppercase().as_str(), "FULL" | "INCREMENTAL") => value.to_uppercase(),
        "timeout" | "replication_num" | "meta_version" | "starrocks_meta_version" => {
            value.parse::<i64>().map(|v| v.to_string()).unwrap_or_else(|_| value.to_string())
        }
        "allow_load" if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") => {
            value.to_lowercase()
        }
        _ => value.to_string(),
    }
}

fn meaning(stmt: &Statement) -> Value {
    let (snapshot, repository, catalogs, database, alias, on, properties) = match stmt {
        Statement::Backup(b) => {
            (&b.snapshot, &b.repository, &b.catalogs, b.database.as_ref(), None, &b.on, &b.properties)
        }
        Statement::Restore(r) => (
            &r.snapshot,
            &r.repository,
            &r.catalogs,
            r.database.as_ref().map(|d| &d.name),
            r.database.as_ref().and_then(|d| d.alias.as_ref()),
            &r.on,
            &r.properties,
        ),
        other => panic!("not a BACKUP or RESTORE: {other:?}"),
    };
    let prefix = (snapshot.parts.len() >= 2).then(|| snapshot.parts[snapshot.parts.len() - 2].value.clone());
    let catalogs = catalogs.as_ref().map(|c| match c {
        starrocks_backup_sql::ast::CatalogClause::All { .. } => json!("all"),
        starrocks_backup_sql::ast::CatalogClause::List { items, .. } => Value::Array(
            items.iter().map(|i| json!([i.name.value, i.alias.as_ref().map(|a| &a.value)])).collect(),
        ),
    });
    let on = on.as_ref().map(|on| {
        on.items
            .iter()
            .map(|i| match i {
                ObjectItem::All { kind, .. } => json!({ "all": kind }),
                ObjectItem::Named(n) => json!({
                    "kind": n.effective_kind(),
                    "name": n.name.dotted(),
                    "partitions": n.partitions.as_ref().map(|p| match p {
                        PartitionSpec::Names { temporary, names, .. } => {
                            json!({ "temporary": temporary, "names": names.iter().map(|n| n.value()).collect::<Vec<_>>() })
                        }
                        PartitionSpec::Keys { .. } => json!("keys"),
                    }),
                    "alias": n.alias.as_ref().map(|a| &a.value),
                }),
            })
            .collect::<Vec<_>>()
    });
    // StarRocks keeps properties in a map: the last value of a key wins, order is lost.
    let properties: BTreeMap<String, String> = properties
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| (e.key.value.clone(), normal_value(&e.key.value, &e.value.value)))
        .collect();
    json!({
        "statement": if matches!(stmt, Statement::Backup(_)) { "backup" } else { "restore" },
        "database": database.map(|d| d.value.clone()).or(prefix),
        "database_alias": alias.map(|a| &a.value),
        "snapshot": snapshot.last().value,
        "repository": repository.value,
        "catalogs": catalogs,
        "on": on,
        "properties": properties,
    })
}

/// True when the statement reads in the pre-3.4 grammar.
fn written_pre34(stmt: &Statement) -> bool {
    let (database, catalogs, on) = match stmt {
        Statement::Backup(b) => (b.database.is_some(), b.catalogs.is_some(), &b.on),
        Statement::Restore(r) => (r.database.is_some(), r.catalogs.is_some(), &r.on),
        _ => unreachable!(),
    };
    !database
        && !catalogs
        && on.iter().flat_map(|o| &o.items).all(|i| matches!(i, ObjectItem::Named(n) if n.kind.is_none()))
}

fn lossy(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity != Severity::Info)
}

fn from_node(node: &StatementNode) -> (AnyPlan, Vec<Diagnostic>) {
    match &node.stmt {
        Statement::Backup(b) => {
            let (p, d) = BackupPlan::from_ast(b, latest());
            (AnyPlan::Backup(p), d)
        }
        Statement::Restore(r) => {
            let (p, d) = RestorePlan::from_ast(r, latest());
            (AnyPlan::Restore(p), d)
        }
        _ => unreachable!(),
    }
}

fn syntax_of(plan: &AnyPlan) -> Syntax {
    match plan {
        AnyPlan::Backup(p) => p.syntax,
        AnyPlan::Restore(p) => p.syntax,
        AnyPlan::ClusterSnapshot(_) => Syntax::V34,
    }
}

/// Loads one statement, writes it back and checks the round trip; returns whether the load
/// was faithful (no warning or error).
fn round_trip(name: &str, text: &str, node: &StatementNode) -> Result<bool, String> {
    let original = node.span.slice(text);
    let (plan, diags) = from_node(node);
    let ctx = |what: &str| format!("{name}: {what}\n  statement: {original}");
    for d in &diags {
        if !PLAN_RULES.iter().any(|r| r.code == d.code) {
            return Err(ctx(&format!("{} is not in PLAN_RULES", d.code)));
        }
        if d.span.start < node.span.start || d.span.end > node.span.end {
            return Err(ctx(&format!("{} points outside the statement", d.code)));
        }
    }
    let expected_syntax = if written_pre34(&node.stmt) { Syntax::Pre34 } else { Syntax::V34 };
    if syntax_of(&plan) != expected_syntax {
        return Err(ctx(&format!("loaded as {:?}", syntax_of(&plan))));
    }
    let sql = plan.to_sql().map_err(|e| ctx(&format!("cannot be written back: {e}")))?;
    let (script, parse_diags) = parse(&sql);
    if let Some(e) = parse_diags.iter().find(|d| d.is_error()) {
        return Err(ctx(&format!("written back as\n{sql}which does not parse: {} {}", e.code, e.message)));
    }
    let [again] = script.statements.as_slice() else {
        return Err(ctx(&format!("written back as {} statements", script.statements.len())));
    };
    let (plan2, diags2) = from_node(again);
    if !diags2.is_empty() {
        return Err(ctx(&format!("the rewritten statement reports {:?}\n{sql}", diags2[0].message)));
    }
    if plan2 != plan {
        return Err(ctx(&format!("the plan changed through\n{sql}{plan:?}\n{plan2:?}")));
    }
    if plan2.to_sql().unwrap() != sql {
        return Err(ctx("writing is not stable"));
    }
    let faithful = !lossy(&diags);
    if faithful && meaning(&node.stmt) != meaning(&again.stmt) {
        return Err(ctx(&format!(
            "the meaning changed:\n  before {}\n  after  {}\n{sql}",
            meaning(&node.stmt),
            meaning(&again.stmt)
        )));
    }
    Ok(faithful)
}

#[test]
fn every_valid_backup_and_restore_round_trips() {
    let corpus = corpus();
    let (mut statements, mut faithful, mut own) = (0, 0, 0);
    let mut failures = Vec::new();
    for (name, text) in &corpus {
        for node in valid_statements(text) {
            statements += 1;
            if name.contains("plan/sql") {
                own += 1;
            }
            match round_trip(name, text, &node) {
                Ok(true) => faithful += 1,
                Ok(false) => {}
                Err(e) => failures.push(e),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {statements} statements failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // The builder's own fixtures are always there; the other corpora add to them.
    assert!(own >= 34, "only {own} statements in tests/plan/sql");
    assert!(faithful + 5 >= statements / 2, "{faithful} of {statements} loaded faithfully");
    eprintln!("{statements} statements round-tripped ({faithful} faithfully) from {} texts", corpus.len());
}

// ------------------------------------------------------------------------------------------
// The SR8xx diagnostics.

/// Loads `sql` and returns (code, severity, the text the diagnostic points at).
fn reported(sql: &str) -> Vec<(&'static str, Severity, String)> {
    load(sql, latest())
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity, d.span.slice(sql).to_string()))
        .collect()
}

#[test]
fn key_partitions_are_reported_and_the_table_is_kept_whole() {
    let sql = "BACKUP SNAPSHOT d.s TO r ON (t1 PARTITION (k = 1), t2)";
    assert_eq!(reported(sql), vec![("SR803", Severity::Error, "PARTITION (k = 1)".to_string())]);
    let plan = BackupPlan::from_sql(sql, latest()).plan.unwrap();
    assert_eq!(plan.objects, vec![PlanObject::table("t1"), PlanObject::table("t2")]);
}

#[test]
fn backup_aliases_are_reported_and_dropped() {
    let sql = "BACKUP DATABASE d SNAPSHOT s TO r ON (TABLE t1 AS t2, VIEW v AS w)";
    assert_eq!(
        reported(sql),
        vec![("SR804", Severity::Warning, "t2".to_string()), ("SR804", Severity::Warning, "w".to_string())]
    );
}

#[test]
fn qualified_object_names_are_reported_and_the_qualifier_dropped() {
    let sql = "BACKUP DATABASE d SNAPSHOT s TO r ON (TABLE d2.t1, FUNCTION x.y.f)";
    assert_eq!(
        reported(sql),
        vec![
            ("SR805", Severity::Warning, "d2.".to_string()),
            ("SR805", Severity::Warning, "x.y.".to_string())
        ]
    );
    let plan = BackupPlan::from_sql(sql, latest()).plan.unwrap();
    assert_eq!(plan.objects, vec![PlanObject::table("t1"), PlanObject::function("f")]);
}

#[test]
fn repeated_properties_keep_the_last_value() {
    let sql = "BACKUP SNAPSHOT d.s TO r PROPERTIES ('timeout' = '3600', 'x' = '1', 'timeout' = '7200')";
    assert_eq!(reported(sql), vec![("SR806", Severity::Warning, "'timeout' = '3600'".to_string())]);
    let plan = BackupPlan::from_sql(sql, latest()).plan.unwrap();
    assert_eq!(plan.properties.timeout, Some(7200));
    assert_eq!(plan.properties.extra, vec![Property { key: "x".into(), value: "1".into() }]);
}

#[test]
fn a_database_named_twice_keeps_the_database_clause() {
    let sql = "RESTORE SNAPSHOT d1.s FROM r DATABASE d2 AS d3 PROPERTIES ('backup_timestamp' = 't')";
    assert_eq!(reported(sql), vec![("SR807", Severity::Error, "d1.".to_string())]);
    let plan = RestorePlan::from_sql(sql, latest()).plan.unwrap();
    assert_eq!((plan.database.as_deref(), plan.database_alias.as_deref()), (Some("d2"), Some("d3")));
}

#[test]
fn three_part_snapshot_names_keep_the_last_two() {
    let sql = "BACKUP SNAPSHOT a.b.c TO r";
    assert_eq!(reported(sql), vec![("SR808", Severity::Error, "a.".to_string())]);
    let plan = BackupPlan::from_sql(sql, latest()).plan.unwrap();
    assert_eq!((plan.database.as_deref(), plan.snapshot.as_str()), (Some("b"), "c"));
}

#[test]
fn mixed_syntax_is_noted_and_written_in_the_3_4_form() {
    let sql = "BACKUP SNAPSHOT d.s TO r ON (VIEW v)";
    assert_eq!(reported(sql), vec![("SR809", Severity::Info, "d.s".to_string())]);
    let loaded = BackupPlan::from_sql(sql, latest());
    assert!(loaded.is_faithful());
    assert_eq!(loaded.plan.unwrap().to_sql().unwrap(), "BACKUP DATABASE d SNAPSHOT s\nTO r\nON (VIEW v);\n");
}

#[test]
fn nothing_to_load_and_extra_statements() {
    assert_eq!(reported("SHOW BACKUP"), vec![("SR801", Severity::Error, "SHOW BACKUP".to_string())]);
    assert_eq!(reported("-- nothing"), vec![("SR801", Severity::Error, "-- nothing".to_string())]);
    let d = load("BACKUP SNAPSHOT d.s TO", latest()).diagnostics;
    assert_eq!(
        (d[0].code, d[0].message.as_str()),
        ("SR801", "there is no BACKUP, RESTORE or cluster-snapshot statement to load: this statement does not parse")
    );
    let sql = "SHOW BACKUP; RESTORE SNAPSHOT d.s FROM r PROPERTIES ('backup_timestamp'='t'); BACKUP SNAPSHOT d.s TO r";
    assert_eq!(
        reported(sql),
        vec![
            ("SR802", Severity::Warning, "SHOW BACKUP".to_string()),
            ("SR802", Severity::Warning, "BACKUP SNAPSHOT d.s TO r".to_string())
        ]
    );
    assert!(matches!(load(sql, latest()).plan, Some(AnyPlan::Restore(_))));
    // The typed loaders skip statements of the other kind.
    let backup = BackupPlan::from_sql(sql, latest());
    assert_eq!(backup.plan.unwrap().to_sql().unwrap(), "BACKUP SNAPSHOT d.s\nTO r;\n");
    assert!(RestorePlan::from_sql("BACKUP SNAPSHOT d.s TO r", latest()).plan.is_none());
}

#[test]
fn plan_rules_are_well_formed_and_do_not_collide() {
    let codes: Vec<&str> = PLAN_RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "PLAN_RULES codes are sorted and unique");
    for r in PLAN_RULES {
        assert!(r.code.starts_with("SR8") && r.code.len() == 5, "{}", r.code);
        assert!(r.name.starts_with("plan-"), "{}", r.name);
        assert_eq!(r.kind, starrocks_backup_sql::DiagnosticKind::Statement);
        assert!(
            starrocks_backup_sql::catalogue::rule(r.code).is_none_or(|g| g.name == r.name),
            "{} collides",
            r.code
        );
        assert!(!starrocks_backup_sql::check::RULES.iter().any(|g| g.code == r.code), "{} collides", r.code);
    }
}

// ------------------------------------------------------------------------------------------
// Size: building, writing and loading stay linear.

#[test]
fn ten_thousand_objects() {
    let mut plan = BackupPlan::new("big", "s", "r", latest()).unwrap();
    let objects = (0..10_000).map(|i| match i % 4 {
        0 => PlanObject::table(format!("t{i}")).with_partitions([format!("p{i}"), format!("q{i}")]),
        1 => PlanObject::view(format!("v{i}")),
        2 => PlanObject::materialized_view(format!("m{i}")),
        _ => PlanObject::function(format!("f{i}")),
    });
    plan.add_objects(objects).unwrap();
    // A duplicate at the end is still found.
    assert_eq!(
        plan.add_object(PlanObject::view("t0")).unwrap_err(),
        PlanError::DuplicateObject { name: "t0".into(), existing: ObjectKind::Table }
    );
    assert!(plan.validate().is_empty());
    let sql = plan.to_sql().unwrap();
    assert_eq!(sql.lines().count(), 10_000 + 4);
    let loaded = BackupPlan::from_sql(&sql, latest());
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(loaded.plan.as_ref(), Some(&plan));

    let restore = plan.restore_plan().unwrap();
    let sql = restore.to_sql().unwrap();
    assert_eq!(RestorePlan::from_sql(&sql, latest()).plan.as_ref(), Some(&restore));

    plan.set_syntax(Syntax::V34).unwrap();
    let reasons = plan.convert(Syntax::Pre34).unwrap_err();
    assert_eq!(reasons.len(), 7_500);
}
