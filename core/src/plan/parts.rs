//! Where each part of a BACKUP or RESTORE is written, so that a builder can show every
//! diagnostic beside the control that edits the part it points at.

use crate::ast::{CatalogClause, ObjectList, Properties, QualifiedName, Statement};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use serde::Serialize;

/// A part of a BACKUP or RESTORE that a builder has a control for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "part", content = "at", rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Part {
    /// The statement as a whole (what no narrower part holds).
    Statement,
    /// The database (`DATABASE db`, or `db.` before the snapshot name).
    Database,
    /// The RESTORE's `DATABASE … AS new`.
    DatabaseAlias,
    /// The snapshot's name.
    Snapshot,
    /// The repository.
    Repository,
    /// The external-catalog clause.
    Catalogs,
    /// The object at this position of the `ON (…)` list.
    Object(usize),
    /// The `PROPERTIES (…)` clause as a whole.
    Properties,
    /// One property, by key.
    Property(String),
    /// A cluster snapshot's `INTERVAL n unit`.
    Interval,
    /// A cluster snapshot's `STORAGE VOLUME name`.
    StorageVolume,
    /// RESTORE TABLE's table in the snapshot.
    SourceTable,
    /// RESTORE TABLE's new table.
    TargetTable,
    /// CREATE CLUSTER SNAPSHOT's `COMMENT '…'`.
    Comment,
}

/// The parts of `stmt` (a BACKUP or RESTORE) with where each is written, narrow parts in
/// source order after the containers. Empty for other statements.
pub fn parts_of(stmt: &Statement) -> Vec<(Part, Span)> {
    let mut leaves = Vec::new();
    let mut containers = Vec::new();
    match stmt {
        Statement::Backup(b) => {
            if let Some(c) = &b.catalogs {
                containers.push((Part::Catalogs, catalog_span(c)));
            }
            if let Some(db) = &b.database {
                leaves.push((Part::Database, db.span));
            }
            snapshot_parts(&b.snapshot, &mut leaves);
            leaves.push((Part::Repository, b.repository.span));
            object_parts(b.on.as_ref(), &mut leaves);
            property_parts(b.properties.as_ref(), &mut containers, &mut leaves);
        }
        Statement::Restore(r) => {
            snapshot_parts(&r.snapshot, &mut leaves);
            leaves.push((Part::Repository, r.repository.span));
            if let Some(c) = &r.catalogs {
                containers.push((Part::Catalogs, catalog_span(c)));
            }
            if let Some(db) = &r.database {
                leaves.push((Part::Database, db.name.span));
                if let Some(a) = &db.alias {
                    leaves.push((Part::DatabaseAlias, a.span));
                }
            }
            object_parts(r.on.as_ref(), &mut leaves);
            property_parts(r.properties.as_ref(), &mut containers, &mut leaves);
        }
        Statement::SetAutomatedSnapshotOn(s) => {
            leaves.extend(s.interval.as_ref().map(|i| (Part::Interval, i.span)));
            leaves.extend(s.storage_volume.as_ref().map(|v| (Part::StorageVolume, v.span)));
            property_parts(s.properties.as_ref(), &mut containers, &mut leaves);
        }
        Statement::AlterAutomatedSnapshot(a) => leaves.push((Part::Interval, a.interval.span)),
        Statement::CreateClusterSnapshot(c) => {
            leaves.push((Part::Snapshot, c.name.span));
            leaves.extend(c.comment.as_ref().map(|s| (Part::Comment, s.span)));
            leaves.extend(c.storage_volume.as_ref().map(|v| (Part::StorageVolume, v.span)));
        }
        Statement::DropClusterSnapshot(d) => leaves.push((Part::Snapshot, d.name.span)),
        Statement::RestoreTable(r) => {
            leaves.push((Part::SourceTable, r.source.span));
            leaves.push((Part::Snapshot, r.snapshot.span));
            leaves.push((Part::TargetTable, r.target.span));
            property_parts(r.properties.as_ref(), &mut containers, &mut leaves);
        }
        _ => return Vec::new(),
    }
    crate::order::sort_stable_by(&mut leaves, |(_, s)| (s.start, 0));
    containers.extend(leaves);
    containers
}

fn catalog_span(c: &CatalogClause) -> Span {
    match c {
        CatalogClause::All { span } | CatalogClause::List { span, .. } => *span,
    }
}

fn snapshot_parts(name: &QualifiedName, out: &mut Vec<(Part, Span)>) {
    if name.parts.len() >= 2 {
        out.push((Part::Database, name.parts[name.parts.len() - 2].span));
    }
    out.push((Part::Snapshot, name.last().span));
}

fn object_parts(on: Option<&ObjectList>, out: &mut Vec<(Part, Span)>) {
    if let Some(on) = on {
        out.extend(on.items.iter().enumerate().map(|(i, item)| (Part::Object(i), item.span())));
    }
}

fn property_parts(
    props: Option<&Properties>,
    containers: &mut Vec<(Part, Span)>,
    out: &mut Vec<(Part, Span)>,
) {
    if let Some(props) = props {
        containers.push((Part::Properties, props.span));
        out.extend(props.entries.iter().map(|p| (Part::Property(p.key.value.clone()), p.span)));
    }
}

/// For each diagnostic, the narrowest part of `parts` (from [`parts_of`] on the statement
/// written at `statement`) that holds its start: [`Part::Statement`] when only the statement
/// does, `None` when the diagnostic is outside the statement. `O((d + p) log p)`.
pub fn attach(diagnostics: &[Diagnostic], parts: &[(Part, Span)], statement: Span) -> Vec<Option<Part>> {
    let split = parts.iter().position(|(p, _)| !matches!(p, Part::Catalogs | Part::Properties));
    let (containers, leaves) = parts.split_at(split.unwrap_or(parts.len()));
    let holds = |s: Span, at: usize| s.start <= at && (at < s.end || s.start == s.end);
    diagnostics
        .iter()
        .map(|d| {
            let at = d.span.start;
            if !(statement.start <= at && at <= statement.end) {
                return None;
            }
            // The last leaf starting at or before `at`; leaves do not overlap.
            let i = leaves.partition_point(|(_, s)| s.start <= at);
            if let Some((part, span)) = i.checked_sub(1).map(|i| &leaves[i]) {
                if holds(*span, at) {
                    return Some(part.clone());
                }
            }
            let container = containers.iter().find(|(_, s)| holds(*s, at));
            Some(container.map_or(Part::Statement, |(p, _)| p.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attached(sql: &str) -> Vec<(String, Option<Part>)> {
        let ws = crate::Workspace::new(sql, crate::Settings::default());
        let node = &ws.script().statements[0];
        let parts = parts_of(&node.stmt);
        let d = ws.diagnostics();
        attach(d, &parts, node.span).into_iter().zip(d).map(|(p, d)| (d.code.to_string(), p)).collect()
    }

    #[test]
    fn diagnostics_land_on_the_part_they_point_at() {
        let got = attached("BACKUP DATABASE `my-db` SNAPSHOT s TO repo ON (TABLE t, TABLE t) PROPERTIES (\"timeout\" = \"5\")");
        assert!(got.iter().any(|(_, p)| *p == Some(Part::Database)), "{got:?}");
        assert!(got.iter().any(|(_, p)| *p == Some(Part::Object(1))), "{got:?}");
        assert!(got.iter().any(|(_, p)| *p == Some(Part::Property("timeout".into()))), "{got:?}");
    }

    #[test]
    fn the_pre_34_form_splits_database_and_snapshot() {
        let ws = crate::Workspace::new("BACKUP SNAPSHOT db1.s1 TO r", crate::Settings::default());
        let parts = parts_of(&ws.script().statements[0].stmt);
        let names: Vec<&Part> = parts.iter().map(|(p, _)| p).collect();
        assert_eq!(names, [&Part::Database, &Part::Snapshot, &Part::Repository]);
        assert_eq!(parts[0].1.slice("BACKUP SNAPSHOT db1.s1 TO r"), "db1");
    }
}
