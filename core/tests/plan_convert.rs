//! Syntax conversion fixtures (`tests/plan/convert/*.sql`, both directions) and the
//! companion statements, as insta snapshots under `tests/plan/snapshots/`. Every statement
//! produced parses without errors, and every companion passes the checks.

use starrocks_backup_sql::check::Version;
use starrocks_backup_sql::plan::*;
use starrocks_backup_sql::{parse, parse_and_check};
use std::fmt::Write;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("plan/snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Asserts that `sql` parses without an error diagnostic.
fn parses(sql: &str) {
    let (_, diags) = parse(sql);
    let errors: Vec<_> =
        diags.iter().filter(|d| d.is_error()).map(|d| format!("{} {}", d.code, d.message)).collect();
    assert!(errors.is_empty(), "{sql}\n{errors:#?}");
}

/// Asserts that `sql` parses and passes every check for `options` without an error.
fn checks(sql: &str, options: &PlanOptions) {
    let (_, diags) = parse_and_check(sql, &options.check_options());
    let errors: Vec<_> =
        diags.iter().filter(|d| d.is_error()).map(|d| format!("{} {}", d.code, d.message)).collect();
    assert!(errors.is_empty(), "target {}:\n{sql}\n{errors:#?}", options.target);
}

fn describe_conversion(out: &mut String, label: &str, result: &ConvertedSql) {
    let _ = writeln!(out, "-- to {label}");
    match &result.sql {
        Some(sql) => {
            parses(sql);
            out.push_str(sql);
            for n in &result.notes {
                let _ = writeln!(out, "-- note: {n}");
            }
        }
        None => {
            for r in &result.reasons {
                let _ = writeln!(out, "-- cannot: {r}");
            }
        }
    }
}

#[test]
fn conversion_fixtures() {
    let mut seen = 0;
    insta::glob!("plan/convert/*.sql", |path| {
        seen += 1;
        let input = std::fs::read_to_string(path).unwrap();
        let options = PlanOptions::default();
        let mut out = String::new();
        let _ = writeln!(out, "-- input\n{}", input.trim_end());
        let loaded = load(&input, options.clone());
        for d in &loaded.diagnostics {
            let _ = writeln!(out, "-- loaded with {} {}: {}", d.code, d.severity.as_str(), d.message);
        }
        let down = convert_sql(&input, Syntax::Pre34, options.clone());
        let up = convert_sql(&input, Syntax::V34, options.clone());
        describe_conversion(&mut out, "pre-3.4", &down);
        describe_conversion(&mut out, "3.4+", &up);
        assert!(down.sql.is_some() || !down.reasons.is_empty());
        assert!(up.sql.is_some(), "3.4+ can write everything");

        // Converting back restores the statement (RESTORE's DATABASE … AS is the one
        // conversion that loses something, and says so in a note).
        if let (Some(d), Some(u)) = (&down.sql, &up.sql) {
            let back_up = convert_sql(d, Syntax::V34, options.clone()).sql.unwrap();
            let back_down = convert_sql(u, Syntax::Pre34, options.clone()).sql.unwrap();
            assert_eq!(&back_down, d);
            if !input.contains(" AS sr_hub_new") {
                assert_eq!(&back_up, u);
            }
        }
        settings().bind(|| insta::assert_snapshot!(out));
    });
    assert_eq!(seen, 11, "every conversion fixture ran");
}

#[test]
fn a_target_before_3_4_cannot_take_the_new_syntax() {
    let old = PlanOptions::for_target(Version::new(3, 3));
    let result = convert_sql("BACKUP SNAPSHOT d.s TO r ON (t1)", Syntax::V34, old);
    assert_eq!(result.sql, None);
    assert_eq!(
        result.reasons,
        vec![PlanError::NeedsVersion {
            feature: "the 3.4 syntax".into(),
            since: Version::V3_4,
            target: Version::new(3, 3)
        }]
    );
    let nothing = convert_sql("SHOW BACKUP", Syntax::V34, PlanOptions::default());
    assert_eq!((nothing.sql, nothing.diagnostics[0].code), (None, "SR801"));
}

/// The plans whose companions are snapshotted.
fn companion_plans() -> Vec<(&'static str, BackupPlan)> {
    let mut out = Vec::new();

    let whole = BackupPlan::new("sr_hub", "sr_hub_backup", "test_repo", PlanOptions::default()).unwrap();
    out.push(("whole_database", whole));

    let mut tables =
        BackupPlan::new("sales", "orders_2024", "s3_repo", PlanOptions::for_target(Version::new(3, 3)))
            .unwrap();
    tables.add_object(PlanObject::table("orders").with_partitions(["p2024", "p2025"])).unwrap();
    tables.add_object(PlanObject::table("customers")).unwrap();
    tables.set_timeout(Some(7200)).unwrap();
    out.push(("tables_pre34", tables));

    let mut mixed =
        BackupPlan::new("app", "nightly", "repo", PlanOptions::for_target(Version::V3_4)).unwrap();
    mixed
        .add_objects([
            PlanObject::table("events"),
            PlanObject::view("v_events"),
            PlanObject::materialized_view("mv_daily"),
            PlanObject::function("my_udf"),
        ])
        .unwrap();
    mixed.set_all(ObjectKind::View, true).unwrap();
    out.push(("views_functions_v34", mixed));

    let catalogs = BackupPlan::for_catalogs(
        BackupCatalogs::List { names: vec!["iceberg".into(), "hive".into()] },
        "catalogs_backup",
        "repo",
        PlanOptions::default(),
    )
    .unwrap();
    out.push(("external_catalogs", catalogs));

    // Names that need backquotes: a reserved word, and a snapshot (whose name StarRocks only
    // requires to be non-empty) with a blank and a hyphen.
    let quoted = BackupPlan::new("select", "snap-1 ü", "repo", PlanOptions::default()).unwrap();
    out.push(("quoted_names", quoted));
    out
}

#[test]
fn companions() {
    for (name, plan) in companion_plans() {
        assert!(plan.validate().is_empty(), "{name}: {:?}", plan.validate());
        let c = plan.companions().unwrap();
        let mut out = String::new();
        let _ = writeln!(out, "-- backup\n{}", plan.to_sql().unwrap());
        for comp in [&c.restore, &c.show_backup, &c.cancel_backup, &c.show_snapshot] {
            let _ =
                writeln!(out, "-- {:?}: {}\n-- {}\n{}", comp.kind, comp.title, comp.explanation, comp.sql);
        }
        for r in &c.repositories {
            let _ = writeln!(out, "-- repository, {}: {}\n{}", r.style.label(), r.explanation, r.sql);
        }
        settings().bind(|| insta::assert_snapshot!(format!("companions_{name}"), out));

        // The RESTORE holds what the BACKUP saves, and its plan is the one written.
        assert_eq!(c.restore_plan.objects, plan.objects);
        assert_eq!(c.restore.sql, c.restore_plan.to_sql().unwrap());
        assert_eq!(c.restore_plan.properties.backup_timestamp.as_deref(), Some(BACKUP_TIMESTAMP_PLACEHOLDER));
        assert_eq!(
            RestorePlan::from_sql(&c.restore.sql, plan.options.clone()).plan.as_ref(),
            Some(&c.restore_plan)
        );
        assert!(c.restore_plan.validate().is_empty(), "{name}: {:?}", c.restore_plan.validate());
        assert_eq!(c.repositories.len(), RepositoryStyle::ALL.len());
    }
}

#[test]
fn every_companion_passes_the_checks_on_every_target() {
    for (name, plan) in companion_plans() {
        for target in [Version::new(3, 3), Version::V3_4, Version::V4_2] {
            let mut plan = plan.clone();
            let options = PlanOptions::for_target(target);
            if plan.set_target(target).is_err() {
                continue;
            }
            if target >= Version::V3_4 && plan.convert(Syntax::V34).is_ok() {
                plan.set_syntax(Syntax::V34).unwrap();
            }
            let c = plan.companions().unwrap();
            let mut all = vec![
                plan.to_sql().unwrap(),
                c.restore.sql,
                c.show_backup.sql,
                c.cancel_backup.sql,
                c.show_snapshot.sql,
            ];
            all.extend(c.repositories.into_iter().map(|r| r.sql));
            for sql in all {
                checks(&sql, &options);
            }
            let _ = name;
        }
    }
}

#[test]
fn companions_need_a_named_database() {
    let plan = BackupPlan::from_sql("BACKUP SNAPSHOT s TO r", PlanOptions::default()).plan.unwrap();
    assert_eq!(
        plan.companions().unwrap_err(),
        PlanError::DatabaseRequired { needed_for: "the companion statements".into() }
    );
    // The snapshot query does not need the database.
    assert_eq!(plan.show_snapshot_sql().unwrap(), "SHOW SNAPSHOT ON r WHERE SNAPSHOT = 's';\n");
    let quoted = BackupPlan::new("d", "it's", "r", PlanOptions::default()).unwrap();
    assert_eq!(quoted.show_snapshot_sql().unwrap(), "SHOW SNAPSHOT ON r WHERE SNAPSHOT = 'it\\'s';\n");
}
