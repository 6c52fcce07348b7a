//! The input of the scaling benchmark (and of `examples/stage_times.rs`): one BACKUP of `n`
//! objects and a catalog holding them all.

#![allow(dead_code)]

use starrocks_backup_sql::check::catalog::{Database, Function, Table, TableKind};
use starrocks_backup_sql::check::Catalog;

/// One BACKUP naming `n` objects, cycling through every item form.
pub fn big_backup(n: usize) -> String {
    let mut s = String::from("BACKUP DATABASE db1 SNAPSHOT snap_big TO repo1 ON (\n");
    for i in 0..n {
        if i > 0 {
            s.push_str(",\n");
        }
        let item = match i % 6 {
            0 => format!("    t{i}"),
            1 => format!("    TABLE t{i} PARTITION (p1, p2)"),
            2 => format!("    t{i} TEMPORARY PARTITION (tp1)"),
            3 => format!("    VIEW v{i}"),
            4 => format!("    MATERIALIZED VIEW mv{i}"),
            _ => format!("    FUNCTION db1.f{i}"),
        };
        s.push_str(&item);
    }
    s.push_str("\n) PROPERTIES (\"type\" = \"full\")");
    s
}

/// A catalog whose `db1` holds every object of [`big_backup`]`(n)`.
pub fn catalog(n: usize) -> Catalog {
    let mut db = Database { name: "db1".into(), ..Database::default() };
    for i in 0..n {
        let table = |name: String, kind: TableKind| Table {
            name,
            kind,
            partitions: vec!["p1".into(), "p2".into()],
            temporary_partitions: vec!["tp1".into()],
            ..Table::default()
        };
        match i % 6 {
            3 => db.tables.push(table(format!("v{i}"), TableKind::View)),
            4 => db.tables.push(table(format!("mv{i}"), TableKind::MaterializedView)),
            5 => db.functions.push(Function { name: format!("f{i}"), args: vec!["INT".into()] }),
            _ => db.tables.push(table(format!("t{i}"), TableKind::Table)),
        }
    }
    Catalog {
        current_database: Some("db1".into()),
        databases: vec![db],
        repositories: vec![starrocks_backup_sql::check::catalog::Repository {
            name: "repo1".into(),
            ..Default::default()
        }],
        ..Catalog::default()
    }
}
