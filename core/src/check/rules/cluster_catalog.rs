//! What a shared-data cluster's catalog says about its cluster-snapshot statements: storage
//! volumes that do not exist, the automated snapshot already on (or off), snapshot names taken
//! or unknown, and RESTORE TABLE's snapshot and new table. Silent for what the catalog does not
//! list.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::catalog::Catalog;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::privileges::BUILTIN_STORAGE_VOLUME;
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR416",
        "unknown-storage-volume",
        DiagnosticKind::Catalog,
        "A cluster snapshot's storage volume the catalog does not list (`builtin_storage_volume` when the statement names none).",
    )
    .starrocks("Unknown storage volume: <name>"),
    RuleInfo::error(
        "SR417",
        "automated-snapshot-state",
        DiagnosticKind::Catalog,
        "Automated cluster snapshots turned on when the catalog says they are on, or turned off or altered when it says they are off.",
    )
    .starrocks("Automated snapshot has been turn on"),
    RuleInfo::error(
        "SR418",
        "cluster-snapshot-name",
        DiagnosticKind::Catalog,
        "CREATE CLUSTER SNAPSHOT of a name the catalog lists, or DROP CLUSTER SNAPSHOT of one it does not, without IF [NOT] EXISTS.",
    )
    .starrocks("Manual Cluster Snapshot Job has existed, snapshot name: {}"),
    RuleInfo::error(
        "SR419",
        "cluster-snapshot-not-restorable",
        DiagnosticKind::Catalog,
        "RESTORE TABLE … FROM SNAPSHOT from a snapshot the catalog does not list, or whose job has not finished.",
    )
    .starrocks("Cluster snapshot '<name>' is not available for restore"),
    RuleInfo::error(
        "SR420",
        "restore-table-target-exists",
        DiagnosticKind::Catalog,
        "RESTORE TABLE … TO TABLE naming a table that exists (per the catalog): the new table must not exist.",
    )
    .starrocks("Table '<table>' already exists in database '<db>'"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalog() else { return };
    match cx.stmt() {
        Statement::SetAutomatedSnapshotOn(s) => {
            if cat.automated_snapshot == Some(true) {
                out.push(
                    cx.diag("SR417", "automated cluster snapshots are already on (per the catalog)", cx.span())
                        .with_help("to change the interval write ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …; to change the storage volume turn them OFF (which deletes the automated snapshots) and ON again")
                        .with_starrocks("Automated snapshot has been turn on"),
                );
            }
            volume(cx, cat, s.storage_volume.as_ref(), out);
        }
        Statement::SetAutomatedSnapshotOff | Statement::AlterAutomatedSnapshot(_)
            if cat.automated_snapshot == Some(false) =>
        {
            out.push(
                cx.diag("SR417", "automated cluster snapshots are off (per the catalog)", cx.span())
                    .with_help("turn them on first: ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [INTERVAL …] [STORAGE VOLUME …]")
                    .with_starrocks("Automated snapshot has not been turn on"),
            );
        }
        Statement::CreateClusterSnapshot(c) => {
            if !c.if_not_exists && cat.cluster_snapshot(&c.name.value).is_some() {
                out.push(
                    cx.diag(
                        "SR418",
                        format!("the cluster already has a snapshot named `{}`", c.name.value),
                        c.name.span,
                    )
                    .with_help("choose another name, or write IF NOT EXISTS to do nothing when it exists")
                    .with_starrocks("Manual Cluster Snapshot Job has existed, snapshot name: {}"),
                );
            }
            volume(cx, cat, c.storage_volume.as_ref(), out);
        }
        Statement::DropClusterSnapshot(d)
            if !d.if_exists
                && cat.cluster_snapshots.is_some()
                && cat.cluster_snapshot(&d.name.value).is_none() =>
        {
            out.push(
                cx.diag("SR418", format!("the catalog lists no cluster snapshot named `{}`", d.name.value), d.name.span)
                    .with_help("names are compared exactly; SELECT SNAPSHOT_NAME FROM information_schema.cluster_snapshots lists them; IF EXISTS (after the name) does nothing when it is gone")
                    .with_starrocks(format!("Manual Snapshot: {} doest not exist", d.name.value)),
            );
        }
        Statement::RestoreTable(r) => restore_table(cx, cat, r, out),
        _ => {}
    }
}

fn volume(cx: &Context<'_>, cat: &Catalog, named: Option<&Ident>, out: &mut Vec<Diagnostic>) {
    let Some(volumes) = &cat.storage_volumes else { return };
    let (name, span) = match named {
        Some(v) => (v.value.as_str(), v.span),
        None => (BUILTIN_STORAGE_VOLUME, Span::empty(cx.span().end)),
    };
    if volumes.iter().any(|v| v == name) {
        return;
    }
    let listed: Vec<&str> = volumes.iter().take(5).map(String::as_str).collect();
    let help = match (named, listed.is_empty()) {
        (_, true) => "the catalog lists no storage volume".to_string(),
        (None, false) => format!(
            "without STORAGE VOLUME StarRocks uses builtin_storage_volume, which the catalog does not list; name one of: {}",
            listed.join(", ")
        ),
        (Some(_), false) => format!("the catalog lists: {}", listed.join(", ")),
    };
    out.push(
        cx.diag("SR416", format!("the cluster has no storage volume `{name}` (per the catalog)"), span)
            .with_help(help)
            .with_starrocks(format!("Unknown storage volume: {name}")),
    );
}

fn restore_table(cx: &Context<'_>, cat: &Catalog, r: &RestoreTableStmt, out: &mut Vec<Diagnostic>) {
    let snapshot = r.snapshot.last();
    if cat.cluster_snapshots.is_some() && !snapshot.value.is_empty() {
        let reason = match cat.cluster_snapshot(&snapshot.value) {
            None => Some("the catalog lists no cluster snapshot of that name".to_string()),
            Some(s) => s
                .state
                .as_deref()
                .filter(|st| !st.eq_ignore_ascii_case("FINISHED"))
                .map(|st| format!("its job is {st}, not FINISHED")),
        };
        if let Some(reason) = reason {
            out.push(
                cx.diag("SR419", format!("cluster snapshot `{}` cannot be restored from: {reason}", snapshot.value), r.snapshot.span)
                    .with_help("a table is restored from a finished cluster snapshot; information_schema.cluster_snapshot_jobs shows their states")
                    .with_starrocks(format!("Cluster snapshot '{}' is not available for restore", snapshot.value)),
            );
        }
    }
    // The new table must not exist (catalog-qualified names are other catalogs: not known here).
    let target = &r.target;
    let db = match target.parts.len() {
        1 => cat.current_database.clone(),
        2 => Some(target.parts[0].value.clone()),
        _ => None,
    };
    let table = &target.last().value;
    if let Some(db) = db {
        if cat.database(&db).and_then(|d| d.table(table)).is_some() {
            out.push(
                cx.diag("SR420", format!("table `{db}`.`{table}` already exists: RESTORE TABLE creates the new table"), target.span)
                    .with_help("name a table that does not exist; to replace a table, restore it under a new name and swap them (ALTER TABLE … SWAP WITH …)")
                    .with_starrocks(format!("Table '{table}' already exists in database '{db}'")),
            );
        }
    }
}
