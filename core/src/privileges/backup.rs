//! BACKUP: REPOSITORY on SYSTEM, then EXPORT on every table, view and materialized view it
//! copies, USAGE on every function, or USAGE on every external catalog (spec §7.1).

use super::explain::{denial, table_requirement, view_uncertainty_note, Cx};
use super::model::*;
use crate::ast::{BackupStmt, CatalogClause, ObjectItem, ObjectKind, PartitionSpec};
use crate::check::catalog::{expand_backup, Database, Origin, TableKind};
use crate::check::Feature;
use crate::span::Span;

pub(super) fn explain(cx: &mut Cx<'_>, stmt: &BackupStmt) {
    cx.repository(
        format!("repository `{}`", stmt.repository.value),
        stmt.repository.span,
        "Every BACKUP writes to a repository, which needs the REPOSITORY privilege on SYSTEM.",
        Certainty::Checked,
    );
    if let Some(catalogs) = &stmt.catalogs {
        explain_catalogs(cx, catalogs);
        return;
    }
    let (db, db_span) = database(cx, stmt);
    let catalog_db = match (cx.catalog(), &db) {
        (Some(cat), Some(name)) => {
            let found = cat.database(name);
            if found.is_none() {
                cx.note(Note::at(
                    NoteKind::Info,
                    format!(
                        "The catalog has no database `{name}`: StarRocks answers Unknown database '{name}' before \
                         checking privileges. What follows assumes it exists."
                    ),
                    db_span,
                ));
            }
            found
        }
        _ => None,
    };
    match catalog_db {
        Some(found) => with_catalog(cx, stmt, &db, found),
        None => without_catalog(cx, stmt, &db),
    }
    let has_view = cx.plan.requirements.iter().any(|r| {
        matches!(r.object, Target::Table { kind: ObjectKind::View | ObjectKind::MaterializedView, .. })
    });
    if has_view {
        cx.note(view_uncertainty_note(Privilege::Export));
    }
    if cx.plan.requirements.iter().any(|r| r.object_type == ObjectType::Function) {
        cx.note(Note::new(
            NoteKind::Mislabelled,
            "When USAGE on a function is missing, StarRocks's message says `the DROP privilege(s) on FUNCTION …` \
             although it checks USAGE: grant USAGE, not DROP.",
        ));
        cx.note(Note::new(
            NoteKind::Info,
            "Only the database's own functions can be backed up; global functions are never candidates.",
        ));
    }
}

/// Notes about syntax the target version lacks.
pub(super) fn version_notes(cx: &mut Cx<'_>, stmt: &BackupStmt) {
    if cx.options.has(Feature::NewSyntax) {
        return;
    }
    let new_items = stmt.on.as_ref().is_some_and(|on| {
        on.items.iter().any(|i| match i {
            ObjectItem::All { .. } => true,
            ObjectItem::Named(n) => n.kind.is_some(),
        })
    });
    if stmt.catalogs.is_some() || stmt.database.is_some() || new_items {
        cx.note(Note::at(
            NoteKind::Version,
            format!(
                "This BACKUP uses syntax from StarRocks {} (DATABASE, typed or ALL items, external catalogs); on {} \
                 it is a syntax error before any privilege is checked.",
                Feature::NewSyntax.since(),
                cx.options.target
            ),
            cx.span,
        ));
    }
}

/// The database a BACKUP reads: `DATABASE db`, the `db.` prefix of the snapshot, or the session's.
fn database(cx: &mut Cx<'_>, stmt: &BackupStmt) -> (Option<String>, Span) {
    if let Some(d) = &stmt.database {
        return (Some(d.value.clone()), d.span);
    }
    if stmt.snapshot.parts.len() == 2 {
        let p = &stmt.snapshot.parts[0];
        return (Some(p.value.clone()), p.span);
    }
    let span = cx.span;
    match cx.catalog().and_then(|c| c.current_database.clone()) {
        Some(db) => {
            cx.note(Note::at(
                NoteKind::Assumption,
                format!(
                    "The statement names no database; StarRocks uses the session's, `{db}` per the catalog."
                ),
                span,
            ));
            (Some(db), span)
        }
        None => {
            cx.note(Note::at(
                NoteKind::Assumption,
                "The statement names no database, so StarRocks uses the session's current database, which is not \
                 known here: GRANTs on its objects cannot be written. Name it (`BACKUP DATABASE db SNAPSHOT …` or \
                 `db.snapshot`), or give a catalog with `current_database`.",
                span,
            ));
            (None, span)
        }
    }
}

fn explain_catalogs(cx: &mut Cx<'_>, clause: &CatalogClause) {
    let mut names: Vec<(String, Span, Source)> = Vec::new();
    match clause {
        CatalogClause::All { span } => match cx.catalog() {
            Some(cat) => {
                for c in cat.external_catalogs.iter().filter(|c| !c.eq_ignore_ascii_case("default_catalog")) {
                    names.push((c.clone(), *span, Source::All));
                }
                if names.is_empty() {
                    cx.note(Note::at(
                        NoteKind::Info,
                        "The catalog lists no external catalog: StarRocks answers No external catalog can be backed \
                         up.",
                        *span,
                    ));
                }
            }
            None => {
                cx.require(catalog_usage(
                    Target::EveryExternalCatalog,
                    NeededBy { what: "ALL EXTERNAL CATALOGS".into(), span: *span },
                    Source::All,
                    "<catalog>",
                ));
                cx.note(Note::at(
                    NoteKind::Assumption,
                    "Without a catalog the external catalogs are not known: USAGE on every catalog is listed \
                     (`ON ALL CATALOGS`).",
                    *span,
                ));
            }
        },
        CatalogClause::List { items, .. } => {
            for item in items {
                if item.name.value.eq_ignore_ascii_case("default_catalog") {
                    cx.note(Note::at(
                        NoteKind::Info,
                        "default_catalog cannot be backed up as an external catalog (Do not support Backup/Restore \
                         the entire default catalog).",
                        item.span,
                    ));
                    continue;
                }
                if let Some(cat) = cx.catalog() {
                    if cat.external_catalog(&item.name.value).is_none() {
                        cx.note(Note::at(
                            NoteKind::Info,
                            format!(
                                "The catalog has no external catalog `{}`: StarRocks answers external catalog {} \
                                 does not existed.",
                                item.name.value, item.name.value
                            ),
                            item.span,
                        ));
                    }
                }
                names.push((item.name.value.clone(), item.span, Source::Listed));
            }
        }
    }
    for (name, span, source) in names {
        let what = format!("external catalog `{name}`");
        cx.require(catalog_usage(
            Target::Catalog { name: name.clone() },
            NeededBy { what, span },
            source,
            &name,
        ));
    }
    cx.note(Note::new(
        NoteKind::Mislabelled,
        "When USAGE on a catalog is missing, StarRocks's message says `the CREATE DATABASE privilege(s) on CATALOG \
         …` although it checks USAGE: grant USAGE, not CREATE DATABASE.",
    ));
}

fn catalog_usage(object: Target, needed_by: NeededBy, source: Source, message_name: &str) -> Requirement {
    Requirement {
        privilege: Privilege::Usage,
        object_type: ObjectType::Catalog,
        object,
        needed_by: vec![needed_by],
        reason: "BACKUP of an external catalog checks USAGE on each catalog it copies.".into(),
        source,
        condition: None,
        certainty: Certainty::Checked,
        denial: Some(Denial {
            mislabelled: true,
            ..denial("CREATE DATABASE", &format!("CATALOG {message_name}"))
        }),
    }
}

fn export_reason(kind: ObjectKind, source: Source, partitions: bool, db: &Option<String>) -> String {
    let db = match db {
        Some(d) => format!("`{d}`"),
        None => "the database".into(),
    };
    match (kind, source) {
        (ObjectKind::Table, _) if partitions => {
            "BACKUP of partitions checks EXPORT on the whole table; there is no partition-level privilege.".into()
        }
        (ObjectKind::Table, Source::Listed) => "BACKUP checks EXPORT on each table it copies.".into(),
        (ObjectKind::View, Source::Listed) => {
            "BACKUP checks a view with the table check, so the view needs EXPORT as if it were a table.".into()
        }
        (ObjectKind::MaterializedView, Source::Listed) => {
            "BACKUP checks an asynchronous materialized view with the table check, so it needs EXPORT as if it \
             were a table."
                .into()
        }
        (_, Source::WholeDatabase) => format!(
            "A BACKUP without ON copies every table, view and materialized view of {db}, and checks EXPORT on each."
        ),
        (k, _) => format!(
            "`ALL {}` copies every {} of {db}, and BACKUP checks EXPORT on each.",
            k.plural_keyword(),
            k.noun()
        ),
    }
}

fn function_requirement(
    db: &Option<String>,
    object: Target,
    needed_by: NeededBy,
    source: Source,
) -> Requirement {
    let signature = match &object {
        Target::Function { name, args: Some(a), .. } => {
            format!("{}({})", super::explain::dotted(db, name), a.join(", "))
        }
        Target::Function { name, args: None, .. } => format!("{}(…)", super::explain::dotted(db, name)),
        _ => "<signature>".to_string(),
    };
    let reason = match source {
        Source::WholeDatabase => {
            "A BACKUP without ON copies every function of the database, and checks USAGE on \
                                  each."
                .to_string()
        }
        Source::All => {
            "`ALL FUNCTIONS` copies every function of the database, and BACKUP checks USAGE on each."
                .to_string()
        }
        _ => "BACKUP checks USAGE on each function it copies (every overload of the name).".to_string(),
    };
    Requirement {
        privilege: Privilege::Usage,
        object_type: ObjectType::Function,
        object,
        needed_by: vec![needed_by],
        reason,
        source,
        condition: None,
        certainty: Certainty::Checked,
        denial: Some(Denial { mislabelled: true, ..denial("DROP", &format!("FUNCTION {signature}")) }),
    }
}

fn one_function(db: &Option<String>, name: String, args: Option<Vec<String>>) -> Target {
    Target::Function { database: db.clone(), name, args }
}

fn source_of(origin: Origin) -> Source {
    match origin {
        Origin::Listed => Source::Listed,
        Origin::All => Source::All,
        Origin::WholeDatabase => Source::WholeDatabase,
    }
}

/// With the database in the catalog: expand ALL items and the whole database as StarRocks does.
fn with_catalog(cx: &mut Cx<'_>, stmt: &BackupStmt, db: &Option<String>, found: &Database) {
    let objects = expand_backup(stmt, found, cx.span);
    if objects.is_empty() {
        cx.note(Note::at(
            NoteKind::Info,
            format!(
                "The catalog's database `{}` holds nothing to back up: StarRocks answers Database: {} is empty.",
                found.name, found.name
            ),
            cx.span,
        ));
    }
    qualifier_notes(cx, stmt, db);
    for o in objects {
        let source = source_of(o.origin);
        let what = match source {
            Source::Listed => format!("{} `{}`", o.kind.noun(), o.name),
            Source::WholeDatabase => format!("{} `{}` (whole database)", o.kind.noun(), o.name),
            _ => format!("{} `{}` (from ALL {})", o.kind.noun(), o.name, o.kind.plural_keyword()),
        };
        let needed_by = NeededBy { what, span: o.span };
        if o.kind == ObjectKind::Function {
            let overloads: Vec<Vec<String>> =
                found.functions_named(&o.name).map(|f| f.args.clone()).collect();
            if overloads.is_empty() {
                cx.note(Note::at(
                    NoteKind::Info,
                    format!(
                        "The catalog has no function `{}` in `{}`: StarRocks answers Invalid backup function(s), \
                         function name: {}.",
                        o.name, found.name, o.name
                    ),
                    o.span,
                ));
                cx.require(function_requirement(
                    db,
                    one_function(db, o.name.clone(), None),
                    needed_by.clone(),
                    source,
                ));
            }
            for args in overloads {
                // The catalog's spelling of the name: StarRocks matches function names case-insensitively.
                let name = found
                    .functions_named(&o.name)
                    .find(|f| f.args == args)
                    .map(|f| f.name.clone())
                    .unwrap_or_else(|| o.name.clone());
                cx.require(function_requirement(
                    db,
                    one_function(db, name, Some(args)),
                    needed_by.clone(),
                    source,
                ));
            }
            continue;
        }
        let (kind, known) = match found.table(&o.name) {
            Some(t) => {
                if t.kind == TableKind::MaterializedView {
                    mv_note(cx, o.span);
                }
                if !t.is_native() && t.kind == TableKind::Table {
                    cx.note(Note::at(
                        NoteKind::Info,
                        format!(
                            "`{}` is an external table ({}), which BACKUP cannot copy (Table: {} can not support \
                             backup restore).",
                            o.name, t.engine, o.name
                        ),
                        o.span,
                    ));
                }
                (t.object_kind(), true)
            }
            None => {
                cx.note(Note::at(
                    NoteKind::Info,
                    format!(
                        "The catalog has no table, view or materialized view `{}` in `{}`: StarRocks answers \
                         Incorrect table name '{}'.",
                        o.name, found.name, o.name
                    ),
                    o.span,
                ));
                if o.kind == ObjectKind::MaterializedView {
                    sync_mv_note(cx, &o.name, o.span);
                }
                (o.kind, false)
            }
        };
        let reason = export_reason(kind, source, !o.partitions.is_empty(), db);
        let object = Target::Table { database: db.clone(), name: o.name.clone(), kind, kind_known: known };
        cx.require(table_requirement(Privilege::Export, object, needed_by, source, reason));
    }
    if stmt.on.is_none() {
        cx.note(Note::new(
            NoteKind::Info,
            "Synchronous materialized views are indexes of their base tables: they are backed up with them and \
             need nothing beyond the tables' EXPORT.",
        ));
    }
}

fn mv_note(cx: &mut Cx<'_>, span: Span) {
    cx.note(Note::at(
        NoteKind::Info,
        "Asynchronous materialized views are backed up only when the FE config enable_backup_materialized_view is \
         true; otherwise StarRocks skips them.",
        span,
    ));
}

fn sync_mv_note(cx: &mut Cx<'_>, name: &str, span: Span) {
    cx.note(Note::at(
        NoteKind::Info,
        format!(
            "If `{name}` is a synchronous materialized view, it cannot be named: it is an index of its base table, \
             backed up with it and covered by the base table's EXPORT. The requirement below assumes an \
             asynchronous materialized view."
        ),
        span,
    ));
}

/// A database qualifier on a BACKUP item is ignored: StarRocks uses the statement's database.
fn qualifier_notes(cx: &mut Cx<'_>, stmt: &BackupStmt, db: &Option<String>) {
    let Some(on) = &stmt.on else { return };
    for item in &on.items {
        if let ObjectItem::Named(n) = item {
            if n.kind != Some(ObjectKind::Function) && n.name.parts.len() >= 2 {
                let written = n.name.parts[n.name.parts.len() - 2].value.clone();
                if db.as_deref() != Some(written.as_str()) {
                    cx.note(Note::at(
                        NoteKind::Info,
                        format!(
                            "StarRocks ignores the database qualifier `{written}` on a BACKUP item: it backs up `{}` \
                             from the statement's database.",
                            n.name.last().value
                        ),
                        n.name.span,
                    ));
                }
            }
        }
    }
}

/// Without a catalog (or without the database in it): what the statement names, and
/// whole-database grants for everything else.
fn without_catalog(cx: &mut Cx<'_>, stmt: &BackupStmt, db: &Option<String>) {
    let span = cx.span;
    qualifier_notes(cx, stmt, db);
    let Some(on) = &stmt.on else {
        let dbname = db.clone().unwrap_or_else(|| "the session database".into());
        cx.require(Requirement {
            privilege: Privilege::Export,
            object_type: ObjectType::Table,
            object: Target::EveryTableIn { database: db.clone() },
            needed_by: vec![NeededBy { what: format!("the whole database `{dbname}`"), span }],
            reason: export_reason(ObjectKind::Table, Source::WholeDatabase, false, db),
            source: Source::WholeDatabase,
            condition: None,
            certainty: Certainty::Uncertain,
            denial: Some(denial("EXPORT", "TABLE <each table>")),
        });
        cx.require(Requirement {
            condition: Some("only if the database has user-defined functions".into()),
            ..function_requirement(
                db,
                Target::EveryFunctionIn { database: db.clone() },
                NeededBy { what: format!("the whole database `{dbname}`"), span },
                Source::WholeDatabase,
            )
        });
        cx.note(Note::at(
            NoteKind::Assumption,
            "Without a catalog the database's contents are not known: StarRocks checks EXPORT on each table, view \
             and materialized view it finds and USAGE on each of its functions, so the grants name all of them. \
             Give a catalog to list them one by one.",
            span,
        ));
        cx.note(Note::new(
            NoteKind::Info,
            "Synchronous materialized views are indexes of their base tables: they are backed up with them and \
             need nothing beyond the tables' EXPORT.",
        ));
        return;
    };
    for item in &on.items {
        match item {
            ObjectItem::All { kind, span } => {
                let what = format!("ALL {}", kind.plural_keyword());
                let needed_by = NeededBy { what, span: *span };
                if *kind == ObjectKind::Function {
                    cx.require(function_requirement(
                        db,
                        Target::EveryFunctionIn { database: db.clone() },
                        needed_by,
                        Source::All,
                    ));
                } else {
                    cx.require(Requirement {
                        privilege: Privilege::Export,
                        object_type: ObjectType::Table,
                        object: Target::EveryTableIn { database: db.clone() },
                        needed_by: vec![needed_by],
                        reason: export_reason(*kind, Source::All, false, db),
                        source: Source::All,
                        condition: None,
                        certainty: if *kind == ObjectKind::Table {
                            Certainty::Checked
                        } else {
                            Certainty::Uncertain
                        },
                        denial: Some(denial("EXPORT", "TABLE <each table>")),
                    });
                    if *kind == ObjectKind::MaterializedView {
                        mv_note(cx, *span);
                    }
                }
                cx.note(Note::at(
                    NoteKind::Assumption,
                    format!(
                        "Without a catalog the objects `ALL {}` brings in are not known: the grant names every {} of \
                         the database.",
                        kind.plural_keyword(),
                        if *kind == ObjectKind::Function { "function" } else { "table" }
                    ),
                    *span,
                ));
            }
            ObjectItem::Named(n) => {
                let name = n.name.last().value.clone();
                let kind = n.effective_kind();
                let needed_by = NeededBy { what: format!("{} `{name}`", kind.noun()), span: n.span };
                match kind {
                    ObjectKind::Function => {
                        cx.require(function_requirement(
                            db,
                            one_function(db, name, None),
                            needed_by,
                            Source::Listed,
                        ));
                        cx.note(Note::at(
                            NoteKind::Assumption,
                            "BACKUP names functions without argument types, and GRANT needs them \
                             (`ON FUNCTION db.fn(INT, STRING)`); without a catalog the grant falls back to \
                             `ON ALL FUNCTIONS IN DATABASE`.",
                            n.span,
                        ));
                    }
                    _ => {
                        if n.kind.is_none() {
                            cx.note(Note::at(
                                NoteKind::Assumption,
                                format!(
                                    "`{name}` is written without a kind; it is assumed to be a table (StarRocks also \
                                     accepts a view or materialized view here). Give a catalog to know."
                                ),
                                n.span,
                            ));
                        }
                        if kind == ObjectKind::MaterializedView {
                            sync_mv_note(cx, &name, n.span);
                            mv_note(cx, n.span);
                        }
                        let partitions = matches!(
                            &n.partitions,
                            Some(PartitionSpec::Names { .. } | PartitionSpec::Keys { .. })
                        );
                        let reason = export_reason(kind, Source::Listed, partitions, db);
                        let object = Target::Table { database: db.clone(), name, kind, kind_known: false };
                        cx.require(table_requirement(
                            Privilege::Export,
                            object,
                            needed_by,
                            Source::Listed,
                            reason,
                        ));
                    }
                }
            }
        }
    }
}
