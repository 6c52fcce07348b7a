//! RESTORE: REPOSITORY on SYSTEM, then CREATE EXTERNAL CATALOG (catalogs), CREATE DATABASE
//! (no ON), or CREATE TABLE and INSERT (ON, into an existing database) — spec §7.1. StarRocks's
//! English RESTORE page gets this wrong (it copies BACKUP's EXPORT).

use super::explain::{denial, table_requirement, view_uncertainty_note, Cx};
use super::model::*;
use crate::ast::{ObjectItem, ObjectKind, RestoreStmt};
use crate::check::Feature;

pub(super) fn explain(cx: &mut Cx<'_>, stmt: &RestoreStmt) {
    cx.repository(
        format!("repository `{}`", stmt.repository.value),
        stmt.repository.span,
        "Every RESTORE reads from a repository, which needs the REPOSITORY privilege on SYSTEM.",
        Certainty::Checked,
    );
    cx.note(Note::new(
        NoteKind::Docs,
        "StarRocks's English RESTORE page lists BACKUP's privileges (EXPORT); the code checks REPOSITORY, then \
         CREATE DATABASE (no ON) or CREATE TABLE and INSERT (ON, existing database), as listed here. The Chinese \
         page is right. Two documented GRANT examples are syntax errors too: `GRANT INSERT ON ALL TABLES ALL \
         DATABASES` (no IN) and `GRANT CREATE TABLE ON ALL DATABASE` (singular).",
    ));
    if let Some(catalogs) = &stmt.catalogs {
        cx.require(Requirement {
            privilege: Privilege::CreateExternalCatalog,
            object_type: ObjectType::System,
            object: Target::System,
            needed_by: vec![NeededBy { what: "the external catalogs".into(), span: catalogs.span() }],
            reason:
                "A RESTORE of external catalogs creates them, which needs CREATE EXTERNAL CATALOG on SYSTEM."
                    .into(),
            source: Source::Statement,
            condition: None,
            certainty: Certainty::Checked,
            denial: Some(denial("CREATE EXTERNAL CATALOG", "SYSTEM")),
        });
        return;
    }
    let target = stmt
        .database
        .as_ref()
        .map(|d| d.alias.as_ref().unwrap_or(&d.name).clone())
        .or_else(|| (stmt.snapshot.parts.len() == 2).then(|| stmt.snapshot.parts[0].clone()));
    let Some(on) = &stmt.on else {
        whole_database(cx, target.as_ref().map(|t| t.value.as_str()));
        return;
    };
    let Some(target) = target else {
        cx.note(Note::at(
            NoteKind::Info,
            "RESTORE with ON and no database is a syntax error (`ON` clause is forbidden if no Database explicitly \
             specified in Restore stmt); privileges are never checked.",
            on.span,
        ));
        return;
    };
    let db = target.value.clone();
    let catalog_db = cx.catalog().map(|c| c.database(&db));
    if let Some(None) = catalog_db {
        cx.note(Note::at(
            NoteKind::Info,
            format!(
                "The catalog has no database `{db}`: StarRocks checks nothing beyond REPOSITORY, and creates the \
                 database when the job is submitted."
            ),
            target.span,
        ));
        return;
    }
    let known = catalog_db.is_some();
    if !known {
        cx.note(Note::at(
            NoteKind::Assumption,
            format!(
                "Without a catalog it is not known whether `{db}` exists. If it does not, StarRocks checks nothing \
                 beyond REPOSITORY (it creates the database at submission); if it does, it checks CREATE TABLE on it \
                 and INSERT on every listed object whose name already exists there. Both cases are listed, with \
                 their conditions."
            ),
            target.span,
        ));
    }
    cx.require(Requirement {
        privilege: Privilege::CreateTable,
        object_type: ObjectType::Database,
        object: Target::Database { name: Some(db.clone()) },
        needed_by: vec![NeededBy { what: format!("target database `{db}`"), span: target.span }],
        reason: "A RESTORE with ON into an existing database is checked for CREATE TABLE on that database."
            .into(),
        source: Source::Statement,
        condition: (!known).then(|| format!("only if database `{db}` already exists")),
        certainty: Certainty::Checked,
        denial: Some(denial("CREATE TABLE", &format!("DATABASE {db}"))),
    });
    let found = catalog_db.flatten();
    let mut any_all = false;
    for item in &on.items {
        let n = match item {
            ObjectItem::All { .. } => {
                any_all = true;
                continue;
            }
            ObjectItem::Named(n) => n,
        };
        if n.kind == Some(ObjectKind::Function) {
            continue;
        }
        let original = n.name.last().value.clone();
        let (kind, kind_known, condition) = match found {
            Some(d) => match d.table(&original) {
                Some(t) => (t.object_kind(), true, None),
                None => {
                    if let Some(alias) = n.alias.as_ref().filter(|a| d.table(&a.value).is_some()) {
                        cx.note(Note::at(
                            NoteKind::Info,
                            format!(
                                "`{db}` already holds `{}`, the alias, but StarRocks checks INSERT on the original \
                                 name `{original}`, which it does not hold: no INSERT is checked for this item.",
                                alias.value
                            ),
                            n.span,
                        ));
                    }
                    continue;
                }
            },
            None => (
                n.effective_kind(),
                false,
                Some(format!("only if `{db}` exists and already holds an object named `{original}`")),
            ),
        };
        let mut reason = "RESTORE checks INSERT on a listed object whose name already exists in the target \
                          database, because the restore writes into it."
            .to_string();
        if let Some(alias) = &n.alias {
            reason = format!(
                "RESTORE checks INSERT on a listed object whose original name already exists in the target \
                 database: StarRocks looks up `{original}`, not the alias `{}`.",
                alias.value
            );
        }
        let what = match &n.alias {
            Some(a) => format!("{} `{original}` AS `{}`", kind.noun(), a.value),
            None => format!("{} `{original}`", kind.noun()),
        };
        let object = Target::Table { database: Some(db.clone()), name: original, kind, kind_known };
        let req = table_requirement(
            Privilege::Insert,
            object,
            NeededBy { what, span: n.span },
            Source::Listed,
            reason,
        );
        cx.require(Requirement { condition, ..req });
    }
    if any_all {
        cx.note(Note::new(
            NoteKind::Info,
            "`ALL …` items are expanded from the snapshot when the job is submitted, after the privilege check: \
             StarRocks checks no INSERT for the objects they bring in.",
        ));
    }
    if on.items.iter().any(|i| matches!(i, ObjectItem::Named(n) if n.kind == Some(ObjectKind::Function))) {
        cx.note(Note::new(
            NoteKind::Info,
            "RESTORE checks nothing for FUNCTION items beyond REPOSITORY and the database's CREATE TABLE.",
        ));
    }
    let has_view = cx.plan.requirements.iter().any(|r| {
        matches!(r.object, Target::Table { kind: ObjectKind::View | ObjectKind::MaterializedView, .. })
    });
    if has_view {
        cx.note(view_uncertainty_note(Privilege::Insert));
    }
}

/// Notes about syntax the target version lacks.
pub(super) fn version_notes(cx: &mut Cx<'_>, stmt: &RestoreStmt) {
    if !cx.options.has(Feature::NewSyntax) {
        let new_syntax = stmt.catalogs.is_some()
            || stmt.database.is_some()
            || stmt.on.as_ref().is_some_and(|on| {
                on.items.iter().any(|i| match i {
                    ObjectItem::All { .. } => true,
                    ObjectItem::Named(n) => n.kind.is_some(),
                })
            });
        if new_syntax {
            cx.note(Note::at(
                NoteKind::Version,
                format!(
                    "This RESTORE uses syntax from StarRocks {} (DATABASE, typed or ALL items, external catalogs); \
                     on {} it is a syntax error before any privilege is checked.",
                    Feature::NewSyntax.since(),
                    cx.options.target
                ),
                cx.span,
            ));
        }
    }
}

fn whole_database(cx: &mut Cx<'_>, target: Option<&str>) {
    let (catalog, assumed) = match cx.catalog() {
        Some(c) => (c.current_catalog().to_string(), c.current_catalog.is_none()),
        None => ("default_catalog".to_string(), true),
    };
    let what = match target {
        Some(t) => format!("the whole database `{t}`"),
        None => "the whole snapshot".into(),
    };
    cx.require(Requirement {
        privilege: Privilege::CreateDatabase,
        object_type: ObjectType::Catalog,
        object: Target::Catalog { name: catalog.clone() },
        needed_by: vec![NeededBy { what, span: cx.span }],
        reason:
            "A RESTORE without ON is checked for CREATE DATABASE on the current catalog, whether the target \
                 database exists or not."
                .into(),
        source: Source::Statement,
        condition: None,
        certainty: Certainty::Checked,
        denial: Some(denial("CREATE DATABASE", &format!("CATALOG {catalog}"))),
    });
    if assumed {
        cx.note(Note::new(
            NoteKind::Assumption,
            "The current catalog is assumed to be default_catalog (the session's catalog is checked).",
        ));
    }
    cx.note(Note::new(
        NoteKind::Info,
        "StarRocks checks neither CREATE TABLE nor INSERT for a RESTORE without ON; its privilege guide still \
         recommends granting them to restore roles.",
    ));
}
