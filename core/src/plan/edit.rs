//! The edits a visual builder makes to a plan, one value each, and how they are applied.
//!
//! The builder's rule is that an invalid state is *shown*, never silently prevented: an edit
//! is applied as long as SQL can hold the result (an empty name is written ``` `` ```,
//! which StarRocks's grammar accepts and its analyzer rejects), so StarRocks's own checks (run on that
//! SQL) report what is wrong, beside the control that caused it. An edit is refused only when
//! no SQL text could carry the result (a name with a backquote, partitions on
//! a view, a view in the pre-3.4 syntax, …); the [`PlanError`] says why, and the front end
//! keeps what the user typed next to that reason.

use super::backup::{BackupCatalogs, BackupPlan};
use super::cluster::ClusterSnapshotPlan;
use super::from_sql::AnyPlan;
use super::model::{NamedObject, ObjectKind, Partitions, PlanError, PlanObject, Syntax, TypedProperties};
use super::restore::{RestoreCatalogs, RestorePlan, RestoreProperties};
use serde::{Deserialize, Serialize};

/// One change a builder makes. Object positions are 0-based indexes into the plan's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PlanEdit {
    /// Turns a BACKUP into the matching RESTORE or back (`restore: true` for RESTORE).
    Statement {
        /// The statement wanted.
        restore: bool,
    },
    /// Rewrites the plan in the other syntax (refused with every reason when it cannot).
    Syntax {
        /// The syntax wanted.
        syntax: Syntax,
    },
    /// Sets the database; `None` (or an empty name) uses the session's current database.
    Database {
        /// The database.
        name: Option<String>,
    },
    /// Sets the RESTORE's `DATABASE … AS` name; `None` or empty removes it.
    DatabaseAlias {
        /// The new name.
        alias: Option<String>,
    },
    /// Sets the snapshot's name.
    Snapshot {
        /// The name.
        name: String,
    },
    /// Sets the repository.
    Repository {
        /// The name.
        name: String,
    },
    /// Appends an object to the `ON (…)` list.
    AddObject {
        /// The object.
        object: PlanObject,
    },
    /// Removes the object at `index`.
    RemoveObject {
        /// Its position.
        index: usize,
    },
    /// Moves the object at `from` to position `to`.
    MoveObject {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Renames the named object at `index`.
    ObjectName {
        /// Its position.
        index: usize,
        /// The new name.
        name: String,
    },
    /// Changes the kind of the object at `index` (a named object keeps its name).
    ObjectKind {
        /// Its position.
        index: usize,
        /// The new kind.
        kind: ObjectKind,
    },
    /// Sets (or, with `None`, removes) the partitions of the table at `index`.
    Partitions {
        /// Its position.
        index: usize,
        /// The partitions.
        partitions: Option<Partitions>,
    },
    /// Sets (or removes) the RESTORE rename (`AS`) of the object at `index`.
    Alias {
        /// Its position.
        index: usize,
        /// The new name.
        alias: Option<String>,
    },
    /// Adds (`on`) or removes `ALL <kind>S`.
    All {
        /// The kind.
        kind: ObjectKind,
        /// Wanted or not.
        on: bool,
    },
    /// Sets the external catalogs of a BACKUP (`None`: back up a database instead).
    BackupCatalogs {
        /// The catalogs.
        catalogs: Option<BackupCatalogs>,
    },
    /// Sets the external catalogs of a RESTORE (`None`: restore a database instead).
    RestoreCatalogs {
        /// The catalogs.
        catalogs: Option<RestoreCatalogs>,
    },
    /// Sets a property (`None` removes it). A value StarRocks cannot parse is kept verbatim.
    Property {
        /// The key.
        key: String,
        /// The value.
        value: Option<String>,
    },
    /// Replaces a cluster-snapshot plan's fields (its options are kept).
    ClusterSnapshot {
        /// The new fields.
        plan: ClusterSnapshotPlan,
    },
}

/// Applies `edit` to a copy of `plan`. The result is returned when SQL can hold it, whether
/// or not StarRocks would accept it (its checks say so); otherwise the reason.
pub fn apply_edit(plan: &AnyPlan, edit: &PlanEdit) -> Result<AnyPlan, PlanError> {
    let mut next = plan.clone();
    match (&mut next, edit) {
        (AnyPlan::ClusterSnapshot(_), PlanEdit::Statement { .. }) => return Err(PlanError::WrongPlan),
        (_, PlanEdit::Statement { restore }) => next = switch_statement(plan, *restore),
        (AnyPlan::Backup(p), PlanEdit::Syntax { syntax }) => {
            p.set_syntax(*syntax).map_err(first)?;
        }
        (AnyPlan::Restore(p), PlanEdit::Syntax { syntax }) => {
            p.set_syntax(*syntax).map_err(first)?;
        }
        (AnyPlan::Backup(p), PlanEdit::Database { name }) => p.database = non_empty(name),
        (AnyPlan::Restore(p), PlanEdit::Database { name }) => p.database = non_empty(name),
        (AnyPlan::Restore(p), PlanEdit::DatabaseAlias { alias }) => p.database_alias = non_empty(alias),
        (AnyPlan::Backup(_), PlanEdit::DatabaseAlias { .. }) => return Err(PlanError::AliasInBackup),
        (AnyPlan::Backup(p), PlanEdit::Snapshot { name }) => p.snapshot = name.clone(),
        (AnyPlan::Restore(p), PlanEdit::Snapshot { name }) => p.snapshot = name.clone(),
        (AnyPlan::Backup(p), PlanEdit::Repository { name }) => p.repository = name.clone(),
        (AnyPlan::Restore(p), PlanEdit::Repository { name }) => p.repository = name.clone(),
        (_, PlanEdit::BackupCatalogs { catalogs }) => match &mut next {
            AnyPlan::Backup(p) => p.catalogs = catalogs.clone(),
            AnyPlan::Restore(_) => return Err(PlanError::NeedsNewSyntax { what: "BACKUP catalogs".into() }),
            AnyPlan::ClusterSnapshot(_) => return Err(PlanError::WrongPlan),
        },
        (_, PlanEdit::RestoreCatalogs { catalogs }) => match &mut next {
            AnyPlan::Restore(p) => p.catalogs = catalogs.clone(),
            AnyPlan::Backup(_) => return Err(PlanError::NeedsNewSyntax { what: "RESTORE catalogs".into() }),
            AnyPlan::ClusterSnapshot(_) => return Err(PlanError::WrongPlan),
        },
        (AnyPlan::Backup(p), PlanEdit::Property { key, value }) => {
            p.properties.remove(key);
            if let Some(v) = value {
                p.properties.load(key, v);
            }
        }
        (AnyPlan::Restore(p), PlanEdit::Property { key, value }) => {
            p.properties.remove(key);
            if let Some(v) = value {
                p.properties.load(key, v);
            }
        }
        (AnyPlan::ClusterSnapshot(p), PlanEdit::ClusterSnapshot { plan: new }) => {
            *p = ClusterSnapshotPlan { options: p.options.clone(), ..new.clone() };
        }
        (AnyPlan::ClusterSnapshot(_), _) | (_, PlanEdit::ClusterSnapshot { .. }) => {
            return Err(PlanError::WrongPlan)
        }
        (AnyPlan::Backup(p), e) => edit_objects(&mut p.objects, e, false)?,
        (AnyPlan::Restore(p), e) => edit_objects(&mut p.objects, e, true)?,
    }
    next.to_sql()?;
    Ok(next)
}

/// The first reason of a refused conversion.
fn first(mut errors: Vec<PlanError>) -> PlanError {
    errors.swap_remove(0)
}

fn non_empty(name: &Option<String>) -> Option<String> {
    name.as_ref().filter(|n| !n.is_empty()).cloned()
}

fn edit_objects(objects: &mut Vec<PlanObject>, edit: &PlanEdit, restore: bool) -> Result<(), PlanError> {
    let len = objects.len();
    let out_of_range = |index: usize| PlanError::IndexOutOfRange { index, len };
    fn named(objects: &mut [PlanObject], index: usize) -> Result<&mut NamedObject, PlanError> {
        let len = objects.len();
        match objects.get_mut(index) {
            Some(PlanObject::Named(n)) => Ok(n),
            Some(PlanObject::All { .. }) => Err(PlanError::NotNamed { index }),
            None => Err(PlanError::IndexOutOfRange { index, len }),
        }
    }
    match edit {
        PlanEdit::AddObject { object } => objects.push(object.clone()),
        PlanEdit::RemoveObject { index } => {
            if *index >= len {
                return Err(out_of_range(*index));
            }
            objects.remove(*index);
        }
        PlanEdit::MoveObject { from, to } => {
            if *from >= len || *to >= len {
                return Err(out_of_range((*from).max(*to)));
            }
            let item = objects.remove(*from);
            objects.insert(*to, item);
        }
        PlanEdit::ObjectName { index, name } => named(objects, *index)?.name = name.clone(),
        PlanEdit::ObjectKind { index, kind } => match objects.get_mut(*index) {
            Some(PlanObject::Named(n)) => n.kind = *kind,
            Some(PlanObject::All { kind: k }) => *k = *kind,
            None => return Err(out_of_range(*index)),
        },
        PlanEdit::Partitions { index, partitions } => named(objects, *index)?.partitions = partitions.clone(),
        PlanEdit::Alias { index, alias } => {
            if !restore {
                return Err(PlanError::AliasInBackup);
            }
            named(objects, *index)?.alias = non_empty(alias);
        }
        PlanEdit::All { kind, on } => {
            let at = objects.iter().position(|o| matches!(o, PlanObject::All { kind: k } if k == kind));
            match (at, on) {
                (None, true) => objects.push(PlanObject::All { kind: *kind }),
                (Some(i), false) => {
                    objects.remove(i);
                }
                _ => {}
            }
        }
        // Every other edit is handled by `apply_edit` before it reaches the object list.
        _ => {}
    }
    Ok(())
}

/// The RESTORE of a BACKUP plan (same names, objects and catalogs; `backup_timestamp` to be
/// filled in) or the BACKUP of a RESTORE plan (renames and RESTORE-only properties left out).
fn switch_statement(plan: &AnyPlan, restore: bool) -> AnyPlan {
    match (plan, restore) {
        (AnyPlan::Backup(b), true) => AnyPlan::Restore(RestorePlan {
            snapshot: b.snapshot.clone(),
            repository: b.repository.clone(),
            syntax: b.syntax,
            database: b.database.clone(),
            database_alias: None,
            catalogs: b.catalogs.as_ref().map(|c| match c {
                BackupCatalogs::All => RestoreCatalogs::All,
                BackupCatalogs::List { names } => RestoreCatalogs::List {
                    catalogs: names
                        .iter()
                        .map(|n| super::restore::CatalogRename { name: n.clone(), alias: None })
                        .collect(),
                },
            }),
            objects: b.objects.clone(),
            properties: RestoreProperties {
                backup_timestamp: Some(super::BACKUP_TIMESTAMP_PLACEHOLDER.to_string()),
                timeout: b.properties.timeout,
                ..RestoreProperties::default()
            },
            options: b.options.clone(),
        }),
        (AnyPlan::Restore(r), false) => {
            let objects = r
                .objects
                .iter()
                .map(|o| match o {
                    PlanObject::Named(n) => PlanObject::Named(NamedObject { alias: None, ..n.clone() }),
                    all => all.clone(),
                })
                .collect();
            let mut backup = BackupPlan {
                database: r.database.clone(),
                snapshot: r.snapshot.clone(),
                repository: r.repository.clone(),
                syntax: r.syntax,
                catalogs: r.catalogs.as_ref().map(|c| match c {
                    RestoreCatalogs::All => BackupCatalogs::All,
                    RestoreCatalogs::List { catalogs } => {
                        BackupCatalogs::List { names: catalogs.iter().map(|c| c.name.clone()).collect() }
                    }
                }),
                objects,
                properties: Default::default(),
                options: r.options.clone(),
            };
            backup.properties.timeout = r.properties.timeout;
            AnyPlan::Backup(backup)
        }
        (same, _) => same.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::PlanOptions;

    fn backup() -> AnyPlan {
        AnyPlan::Backup(BackupPlan::new("sales", "snap", "repo", PlanOptions::default()).unwrap())
    }

    fn sql(plan: &AnyPlan) -> String {
        plan.to_sql().unwrap()
    }

    #[test]
    fn an_invalid_but_writable_state_is_applied_for_the_checks_to_report() {
        let p = apply_edit(&backup(), &PlanEdit::Database { name: Some("my-db".into()) }).unwrap();
        assert_eq!(sql(&p), "BACKUP DATABASE `my-db` SNAPSHOT snap\nTO repo;\n");
        let p =
            apply_edit(&p, &PlanEdit::Property { key: "timeout".into(), value: Some("ten".into()) }).unwrap();
        assert!(sql(&p).contains("\"timeout\" = \"ten\""), "{}", sql(&p));
    }

    #[test]
    fn a_state_no_sql_can_hold_is_refused_with_its_reason() {
        // An empty name is written as `` (StarRocks's grammar takes it; its analyzer does not).
        let p = apply_edit(&backup(), &PlanEdit::Snapshot { name: String::new() }).unwrap();
        assert_eq!(sql(&p), "BACKUP DATABASE sales SNAPSHOT ``\nTO repo;\n");
        let e = apply_edit(&backup(), &PlanEdit::Repository { name: "a`b".into() }).unwrap_err();
        assert!(matches!(e, PlanError::UnrepresentableName { .. }), "{e:?}");
        let p = apply_edit(&backup(), &PlanEdit::AddObject { object: PlanObject::view("v") }).unwrap();
        let e = apply_edit(&p, &PlanEdit::Partitions { index: 0, partitions: Some(Partitions::new(["p1"])) })
            .unwrap_err();
        assert!(matches!(e, PlanError::PartitionsNotAllowed { .. }), "{e:?}");
    }

    #[test]
    fn objects_are_added_moved_renamed_and_removed() {
        let mut p = backup();
        for name in ["a", "b", "c"] {
            p = apply_edit(&p, &PlanEdit::AddObject { object: PlanObject::table(name) }).unwrap();
        }
        p = apply_edit(&p, &PlanEdit::MoveObject { from: 2, to: 0 }).unwrap();
        p = apply_edit(&p, &PlanEdit::ObjectName { index: 1, name: "a2".into() }).unwrap();
        p = apply_edit(&p, &PlanEdit::RemoveObject { index: 2 }).unwrap();
        p = apply_edit(&p, &PlanEdit::All { kind: ObjectKind::View, on: true }).unwrap();
        assert_eq!(
            sql(&p),
            "BACKUP DATABASE sales SNAPSHOT snap\nTO repo\nON (TABLE c, TABLE a2, ALL VIEWS);\n"
        );
        assert!(apply_edit(&p, &PlanEdit::RemoveObject { index: 9 }).is_err());
    }

    #[test]
    fn a_backup_becomes_its_restore_and_back() {
        let p = apply_edit(&backup(), &PlanEdit::AddObject { object: PlanObject::table("t") }).unwrap();
        let r = apply_edit(&p, &PlanEdit::Statement { restore: true }).unwrap();
        assert!(
            sql(&r).starts_with("RESTORE SNAPSHOT snap\nFROM repo\nDATABASE sales\nON (TABLE t)"),
            "{}",
            sql(&r)
        );
        let r = apply_edit(&r, &PlanEdit::Alias { index: 0, alias: Some("t2".into()) }).unwrap();
        let b = apply_edit(&r, &PlanEdit::Statement { restore: false }).unwrap();
        assert_eq!(b, p);
    }
}
