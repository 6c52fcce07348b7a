//! The builder model of the cluster-snapshot statements: SQL → plan → SQL, what a plan cannot
//! hold, and the edits the builder sends.

use starrocks_backup_sql::ast::IntervalUnit;
use starrocks_backup_sql::plan::{
    apply_edit, load, AnyPlan, ClusterSnapshotAction, ClusterSnapshotPlan, PlanEdit, PlanError, PlanOptions,
    Property, SnapshotInterval, TableName,
};
use starrocks_backup_sql::{format, parse};

fn cluster(sql: &str) -> (ClusterSnapshotPlan, Vec<&'static str>) {
    let loaded = load(sql, PlanOptions::default());
    let codes = loaded.diagnostics.iter().map(|d| d.code).collect();
    match loaded.plan {
        Some(AnyPlan::ClusterSnapshot(p)) => (p, codes),
        other => panic!("{sql}: not a cluster-snapshot plan: {other:?}"),
    }
}

/// Every statement the builder holds comes back as the formatter writes it.
#[test]
fn statements_round_trip_through_the_plan() {
    let statements = [
        "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT",
        "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON",
        "admin set automated cluster snapshot on interval 30 minute storage volume `my sv` properties ('snapshot_scope' = 'local')",
        "ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF",
        "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 1 WEEK",
        "CREATE CLUSTER SNAPSHOT IF NOT EXISTS s1 COMMENT 'before the upgrade' STORAGE VOLUME sv1",
        "CREATE CLUSTER SNAPSHOT `snap 1`",
        "DROP CLUSTER SNAPSHOT s1 IF EXISTS",
        "DROP CLUSTER SNAPSHOT automated_cluster_snapshot_1739864377140",
        "RESTORE TABLE sales.orders FROM SNAPSHOT s1 TO TABLE sales.orders_copy WITH PROPERTIES (\"copy_mode\" = \"logical\")",
        "RESTORE TABLE orders FROM SNAPSHOT s1 TO TABLE orders_copy",
    ];
    for sql in statements {
        let (plan, codes) = cluster(sql);
        assert!(codes.is_empty(), "{sql}: {codes:?}");
        let expected = format!("{};\n", format(&parse(sql).0).trim_end().trim_end_matches(';'));
        assert_eq!(plan.to_sql().unwrap(), expected, "{sql}");
    }
}

#[test]
fn what_the_plan_cannot_hold_is_reported() {
    let (_, codes) = cluster("ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL '10' MINUTE");
    assert_eq!(codes, ["SR810"]);
    let (p, codes) = cluster("RESTORE TABLE cat.sales.orders FROM SNAPSHOT a.b TO TABLE sales.o2");
    assert_eq!(codes, ["SR810", "SR810"]);
    assert_eq!(p.source, TableName { database: Some("sales".into()), table: "orders".into() });
    assert_eq!(p.snapshot, "b");
    let (p, codes) = cluster("ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON PROPERTIES ('k' = 'a', 'k' = 'b')");
    assert_eq!(codes, ["SR806"]);
    assert_eq!(p.properties, [Property { key: "k".into(), value: "b".into() }]);
}

#[test]
fn a_form_writes_the_fields_of_its_action() {
    let mut plan = ClusterSnapshotPlan::new(ClusterSnapshotAction::AutomatedOn, PlanOptions::default());
    plan.interval = Some(SnapshotInterval { value: 2, unit: IntervalUnit::Hour });
    plan.storage_volume = Some("sv1".into());
    plan.snapshot = "kept".into();
    assert_eq!(
        plan.to_sql().unwrap(),
        "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON\nINTERVAL 2 HOUR\nSTORAGE VOLUME sv1;\n"
    );
    plan.action = ClusterSnapshotAction::Create;
    assert_eq!(plan.to_sql().unwrap(), "CREATE CLUSTER SNAPSHOT kept\nSTORAGE VOLUME sv1;\n");
    plan.action = ClusterSnapshotAction::AlterInterval;
    assert_eq!(plan.to_sql().unwrap(), "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 2 HOUR;\n");
    plan.interval = None;
    assert_eq!(plan.to_sql(), Err(PlanError::MissingInterval));
    plan.action = ClusterSnapshotAction::RestoreTable;
    // An empty name is written as StarRocks's grammar takes it (its analyzer refuses it: SR364).
    assert_eq!(plan.to_sql().unwrap(), "RESTORE TABLE ``\nFROM SNAPSHOT kept\nTO TABLE ``;\n");
    plan.source.table = "a`b".into();
    assert!(matches!(plan.to_sql(), Err(PlanError::UnrepresentableName { .. })));
    plan.source.table = "orders".into();
    plan.target = TableName { database: Some("sales".into()), table: "orders_2".into() };
    assert_eq!(
        plan.to_sql().unwrap(),
        "RESTORE TABLE orders\nFROM SNAPSHOT kept\nTO TABLE sales.orders_2;\n"
    );
    // Every action writes SQL that parses back to the same plan's statement.
    for action in ClusterSnapshotAction::ALL {
        let mut p = plan.clone();
        p.action = action;
        p.interval = Some(SnapshotInterval { value: 5, unit: IntervalUnit::Minute });
        let sql = p.to_sql().unwrap();
        let (back, codes) = cluster(&sql);
        assert!(codes.is_empty(), "{sql}");
        assert_eq!(back.to_sql().unwrap(), sql);
    }
}

#[test]
fn edits_replace_the_form_and_refuse_other_plans() {
    let (plan, _) = cluster("ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF");
    let mut next = plan.clone();
    next.action = ClusterSnapshotAction::Drop;
    next.snapshot = "s1".into();
    let edited =
        apply_edit(&AnyPlan::ClusterSnapshot(plan.clone()), &PlanEdit::ClusterSnapshot { plan: next })
            .unwrap();
    assert_eq!(edited.to_sql().unwrap(), "DROP CLUSTER SNAPSHOT s1;\n");
    // A name SQL cannot hold is refused.
    let mut bad = plan.clone();
    bad.action = ClusterSnapshotAction::Drop;
    bad.snapshot = "a`b".into();
    assert!(apply_edit(&AnyPlan::ClusterSnapshot(plan.clone()), &PlanEdit::ClusterSnapshot { plan: bad })
        .is_err());
    // BACKUP edits do not apply to it, nor it to a BACKUP.
    let e = PlanEdit::Snapshot { name: "x".into() };
    assert_eq!(apply_edit(&AnyPlan::ClusterSnapshot(plan.clone()), &e), Err(PlanError::WrongPlan));
    let backup = load("BACKUP DATABASE d SNAPSHOT s TO r", PlanOptions::default()).plan.unwrap();
    assert_eq!(apply_edit(&backup, &PlanEdit::ClusterSnapshot { plan }), Err(PlanError::WrongPlan));
}
