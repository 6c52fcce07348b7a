//! Privileges of the cluster-snapshot statements (shared-data clusters).
//!
//! What is known comes from StarRocks's `ClusterSnapshotAuthorizationTest`: ADMIN SET … ON
//! checks OPERATE on SYSTEM, then USAGE on the storage volume it names
//! (`builtin_storage_volume` when none is named); ADMIN SET … OFF and ADMIN ALTER … SET
//! INTERVAL check OPERATE on SYSTEM. The analyzer code making those checks, and any rule for
//! ADMIN SHOW, CREATE/DROP CLUSTER SNAPSHOT and RESTORE TABLE … FROM SNAPSHOT, were not found:
//! the plans say so instead of guessing.

use super::explain::{denial, Cx};
use super::model::*;
use crate::ast::{Ident, Statement};
use crate::check::ClusterMode;

/// The storage volume StarRocks names when a statement names none.
pub(crate) const BUILTIN_STORAGE_VOLUME: &str = "builtin_storage_volume";

/// Explains one cluster-snapshot statement; false for any other statement.
pub(super) fn explain(cx: &mut Cx<'_>, stmt: &Statement) -> bool {
    let span = cx.span;
    let kind = cx.plan.statement;
    if cx.options.cluster == ClusterMode::SharedNothing && stmt.is_cluster_snapshot() {
        cx.note(Note::at(
            NoteKind::Info,
            format!(
                "{kind} runs only on shared-data clusters; on a shared-nothing cluster StarRocks rejects it before \
                 checking any privilege."
            ),
            span,
        ));
    }
    match stmt {
        Statement::SetAutomatedSnapshotOn(s) => {
            operate(cx, "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON");
            volume_usage(cx, s.storage_volume.as_ref());
        }
        Statement::SetAutomatedSnapshotOff => operate(cx, "ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF"),
        Statement::AlterAutomatedSnapshot(_) => operate(cx, "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT"),
        Statement::ShowAutomatedSnapshot
        | Statement::CreateClusterSnapshot(_)
        | Statement::DropClusterSnapshot(_)
        | Statement::RestoreTable(_) => {
            cx.note(Note::at(
                NoteKind::NotFound,
                format!(
                    "No privilege rule for {kind} was found in the StarRocks code and tests read, so nothing is \
                     listed and no GRANT is printed. A rule may still exist (the statement is run by classes of \
                     StarRocks's enterprise edition that were not read). If it is denied, the message names the \
                     privilege it wants."
                ),
                span,
            ));
        }
        _ => return false,
    }
    if matches!(
        stmt,
        Statement::SetAutomatedSnapshotOn(_)
            | Statement::SetAutomatedSnapshotOff
            | Statement::AlterAutomatedSnapshot(_)
    ) {
        cx.note(Note::new(
            NoteKind::Uncertain,
            "These requirements come from StarRocks's authorization test for cluster snapshots (newest code); \
             the analyzer code that makes the checks was not read, and older releases (3.4, 3.5) were found to \
             check no privilege for these statements at all.",
        ));
    }
    true
}

fn operate(cx: &mut Cx<'_>, what: &str) {
    let span = cx.span;
    cx.require(Requirement {
        privilege: Privilege::Operate,
        object_type: ObjectType::System,
        object: Target::System,
        needed_by: vec![NeededBy { what: what.to_string(), span }],
        reason: format!("{what} is checked for the OPERATE privilege on SYSTEM."),
        source: Source::Statement,
        condition: None,
        certainty: Certainty::Checked,
        denial: Some(denial("OPERATE", "SYSTEM")),
    });
}

fn volume_usage(cx: &mut Cx<'_>, volume: Option<&Ident>) {
    let (name, span, named) = match volume {
        Some(v) => (v.value.clone(), v.span, true),
        None => (BUILTIN_STORAGE_VOLUME.to_string(), cx.span, false),
    };
    cx.require(Requirement {
        privilege: Privilege::Usage,
        object_type: ObjectType::StorageVolume,
        object: Target::StorageVolume { name: name.clone() },
        needed_by: vec![NeededBy { what: format!("storage volume `{name}`"), span }],
        reason: if named {
            "The snapshots are written to this storage volume, which needs USAGE on it.".to_string()
        } else {
            format!(
                "Without STORAGE VOLUME the snapshots go to `{BUILTIN_STORAGE_VOLUME}` (not the cluster's default \
                 storage volume, whatever the docs say), which needs USAGE on it."
            )
        },
        source: Source::Statement,
        condition: None,
        certainty: Certainty::Checked,
        denial: Some(denial("USAGE", &format!("STORAGE VOLUME {name}"))),
    });
}
