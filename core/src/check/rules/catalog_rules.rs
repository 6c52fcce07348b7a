//! Existence rules that need a catalog of the cluster (spec §4.1, §4.5–§4.9): the database,
//! repository, tables, views, materialized views, partitions, functions and external
//! catalogs a statement names must exist, as StarRocks's analyzer checks before any job is
//! created. Without a catalog every rule here is silent.
//!
//! The helpers at the end (database resolution, near-match suggestions, fixes) are shared
//! with `submission.rs` and `notes.rs`.

use super::is_valid_db_name;
use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::catalog::{expand_backup, Catalog, Database, Origin, Table, TableKind};
use crate::check::{Context, Version};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Edit, Fix};
use crate::lexer::quote_identifier;
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::warning(
        "SR415",
        "replicas-beyond-backends",
        DiagnosticKind::Catalog,
        "A RESTORE whose tables get more replicas (`replication_num`, 3 when it is not set) than the catalog's cluster has alive backends: the job fails when it creates the tables.",
    )
    .starrocks("failed to find <n> different hosts to create table"),
    RuleInfo::error(
        "SR401",
        "unknown-database",
        DiagnosticKind::Catalog,
        "A database that does not exist: the one a BACKUP works on (`db.` prefix, DATABASE clause or the session's current database), or the one SHOW BACKUP/RESTORE or CANCEL names.",
    )
    .starrocks("Unknown database '<db>'"),
    RuleInfo::error(
        "SR402",
        "no-database",
        DiagnosticKind::Catalog,
        "A BACKUP that names no database while the session has no current database.",
    )
    .starrocks("Unknown database 'null'"),
    RuleInfo::error(
        "SR403",
        "unknown-object",
        DiagnosticKind::Catalog,
        "A table, view or materialized view in a BACKUP's ON list that is not in the database (a function written without `FUNCTION` is looked up as a table).",
    )
    .starrocks("Incorrect table name '<tbl>'"),
    RuleInfo::warning(
        "SR404",
        "object-kind-mismatch",
        DiagnosticKind::Catalog,
        "A typed ON item whose keyword does not match the object (`VIEW t` where `t` is a table); StarRocks looks the name up whatever the keyword.",
    )
    .versions("3.4+"),
    RuleInfo::error(
        "SR405",
        "partitions-of-non-native-object",
        DiagnosticKind::Catalog,
        "A PARTITION clause on a view or an external table: only native tables and materialized views have partitions.",
    )
    .starrocks("Incorrect table name '<tbl>'"),
    RuleInfo::error(
        "SR406",
        "unknown-partition",
        DiagnosticKind::Catalog,
        "A partition the table does not have (partition names are compared case-insensitively).",
    )
    .starrocks("partition[<p>] does not exist  in table<tbl>"),
    RuleInfo::error(
        "SR407",
        "unknown-function",
        DiagnosticKind::Catalog,
        "A `FUNCTION name` in a BACKUP that matches no user-defined function of the database (case-insensitive; global functions never match).",
    )
    .versions("3.4+")
    .starrocks("Invalid backup function(s), function name: <name>"),
    RuleInfo::error(
        "SR408",
        "unknown-external-catalog",
        DiagnosticKind::Catalog,
        "An external catalog in a BACKUP that does not exist (case-insensitive).",
    )
    .versions("3.4+")
    .starrocks("external catalog <name> does not existed."),
    RuleInfo::error(
        "SR409",
        "no-external-catalogs",
        DiagnosticKind::Catalog,
        "BACKUP ALL EXTERNAL CATALOGS on a cluster that has none.",
    )
    .versions("3.4+")
    .starrocks("No external catalog can be backed up"),
    RuleInfo::error(
        "SR410",
        "mv-base-table-missing",
        DiagnosticKind::Catalog,
        "A materialized view in the backup whose base table does not exist.",
    )
    .starrocks("Base table <t> doest not existed in materialized view <mv> when backup/restore"),
    RuleInfo::warning(
        "SR411",
        "mv-base-table-elsewhere",
        DiagnosticKind::Catalog,
        "A materialized view in the backup whose base table is in another database or catalog: that table is not backed up with it.",
    ),
    RuleInfo::error(
        "SR412",
        "empty-database",
        DiagnosticKind::Catalog,
        "A BACKUP that selects nothing: the database (or the `ALL …` items) holds no table, view, materialized view or function.",
    )
    .starrocks("Database: <db> is empty"),
    RuleInfo::error(
        "SR413",
        "unknown-repository",
        DiagnosticKind::Catalog,
        "A repository that does not exist, named by a database BACKUP, SHOW SNAPSHOT, DROP SNAPSHOT or DROP REPOSITORY.",
    )
    .starrocks("Repository [<repo>] does not exist"),
    RuleInfo::error(
        "SR414",
        "list-partition-before-3-4",
        DiagnosticKind::Catalog,
        "A list-partitioned table in a BACKUP on a target before 3.4.",
    )
    .versions("<3.4")
    .starrocks("List partition table does not support backup/restore job"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalog() else { return };
    match cx.stmt() {
        Statement::Backup(b) => backup(cx, cat, b, out),
        Statement::ShowBackup(s) | Statement::ShowRestore(s) => {
            if let Some(from) = &s.from {
                database_exists(cx, cat, &from.db, out);
            }
        }
        Statement::CancelBackup(c) | Statement::CancelRestore(c) => {
            if let Some(CancelTarget::Database(from)) = &c.target {
                if is_valid_db_name(&from.db.value) {
                    database_exists(cx, cat, &from.db, out);
                }
            }
        }
        Statement::Restore(r) => replicas(cx, cat, r, out),
        Statement::ShowSnapshot(s) => repository_exists(cx, cat, &s.repository, true, out),
        Statement::DropSnapshot(d) => repository_exists(cx, cat, &d.repository, true, out),
        Statement::DropRepository(d) if super::is_valid_common_name(&d.name.value) => {
            repository_exists(cx, cat, &d.name, false, out);
        }
        _ => {}
    }
}

fn backup(cx: &Context<'_>, cat: &Catalog, b: &BackupStmt, out: &mut Vec<Diagnostic>) {
    if let Some(clause) = &b.catalogs {
        external_catalogs(cx, cat, clause, out);
        return;
    }
    let db = match backup_db(b, cat) {
        None => None,
        Some(BackupDb::Missing) => {
            out.push(
                cx.diag(
                    "SR402",
                    "this BACKUP names no database, and the session has no current database",
                    b.snapshot.span,
                )
                .with_help(format!(
                    "write the database before the snapshot name (`<db>.{}`), add `DATABASE <db>` before SNAPSHOT (3.4+), or run `USE <db>` first",
                    b.snapshot.last().value
                ))
                .with_starrocks("Unknown database 'null'"),
            );
            None
        }
        Some(BackupDb::Written(id)) if !is_valid_db_name(&id.value) => None,
        Some(BackupDb::Written(id)) => {
            database_exists(cx, cat, id, out);
            cat.database(&id.value)
        }
        Some(BackupDb::Current(name)) => {
            let found = cat.database(name);
            if found.is_none() {
                out.push(
                    cx.diag(
                        "SR401",
                        format!("the session's current database `{name}` does not exist"),
                        b.snapshot.span,
                    )
                    .with_help("name the database to back up: `DATABASE <db>` before SNAPSHOT, or `<db>.` before the snapshot name")
                    .with_starrocks(format!("Unknown database '{name}'")),
                );
            }
            found
        }
    };
    if !b.repository.value.is_empty() {
        repository_exists(cx, cat, &b.repository, true, out);
    }
    let Some(db) = db else { return };

    if let Some(on) = &b.on {
        for item in &on.items {
            let ObjectItem::Named(n) = item else { continue };
            if n.kind == Some(ObjectKind::Function) {
                function_exists(cx, db, n, out);
            } else {
                listed_object(cx, db, n, out);
            }
        }
    }

    let expanded = expand_backup(b, db, b.snapshot.span);
    if expanded.is_empty() {
        empty_database(cx, db, b, out);
    }
    for obj in expanded.iter().filter(|o| o.kind != ObjectKind::Function) {
        let Some(table) = db.table(&obj.name) else { continue };
        if table.kind == TableKind::MaterializedView {
            mv_base_tables(cx, cat, db, table, obj.span, out);
        }
        if table.kind == TableKind::Table
            && !cx.options.target.at_least(Version::V3_4)
            && table.partition_type.as_deref().is_some_and(|p| p.eq_ignore_ascii_case("list"))
        {
            let whole = if obj.origin == Origin::WholeDatabase {
                format!(" (the BACKUP includes every table of `{}`)", db.name)
            } else {
                String::new()
            };
            out.push(
                cx.diag(
                    "SR414",
                    format!(
                        "`{}` is list-partitioned, and StarRocks {} cannot back up list-partitioned tables{whole}",
                        table.name, cx.options.target
                    ),
                    obj.span,
                )
                .with_help("StarRocks 3.4 and later back them up; on this version list the other tables in ON (…) and leave this one out")
                .with_starrocks("List partition table does not support backup/restore job"),
            );
        }
    }
}

/// SR401 for a database named in the statement.
fn database_exists(cx: &Context<'_>, cat: &Catalog, db: &Ident, out: &mut Vec<Diagnostic>) {
    if db.value.is_empty() || cat.database(&db.value).is_some() {
        return;
    }
    let suggestion = suggest(&db.value, cat.databases.iter().map(|d| d.name.as_str()));
    let mut d = cx
        .diag("SR401", format!("database `{}` does not exist", db.value), db.span)
        .with_starrocks(format!("Unknown database '{}'", db.value));
    d = with_suggestion(d, "database", db, suggestion, &known_list(cat.databases.iter().map(|d| &d.name)));
    out.push(d);
}

/// SR413 for a repository named in the statement. `named` selects StarRocks's message:
/// `Repository [r] does not exist` (BACKUP, SHOW/DROP SNAPSHOT) or `Repository does not
/// exist` (DROP REPOSITORY).
fn repository_exists(cx: &Context<'_>, cat: &Catalog, repo: &Ident, named: bool, out: &mut Vec<Diagnostic>) {
    if repo.value.is_empty() || cat.repository(&repo.value).is_some() {
        return;
    }
    let suggestion = suggest(&repo.value, cat.repositories.iter().map(|r| r.name.as_str()));
    let sr = if named {
        format!("Repository [{}] does not exist", repo.value)
    } else {
        "Repository does not exist".to_string()
    };
    let d =
        cx.diag("SR413", format!("repository `{}` does not exist", repo.value), repo.span).with_starrocks(sr);
    let known = known_list(cat.repositories.iter().map(|r| &r.name));
    out.push(with_suggestion(d, "repository", repo, suggestion, &known));
}

/// A table, view or materialized view named in a BACKUP's ON list.
fn listed_object(cx: &Context<'_>, db: &Database, n: &NamedObject, out: &mut Vec<Diagnostic>) {
    let name = &n.name.last().value;
    let Some(table) = db.table(name) else {
        unknown_object(cx, db, n, out);
        return;
    };
    if let Some(kind) = n.kind {
        let actual = table.object_kind();
        if kind != actual {
            let keyword_span = Span::new(n.span.start, n.name.span.start);
            out.push(
                cx.diag(
                    "SR404",
                    format!("`{name}` is a {}, not a {}", actual.noun(), kind.noun()),
                    n.name.span,
                )
                .with_help(format!(
                    "StarRocks backs up `{name}` whatever the keyword says; write `{} {name}` so the statement says what it backs up",
                    actual.keyword()
                ))
                .with_fix(Fix::single(format!("write `{}`", actual.keyword()), keyword_span, format!("{} ", actual.keyword()))),
            );
        }
    }
    let Some(spec) = &n.partitions else { return };
    let partitioned =
        table.kind == TableKind::MaterializedView || (table.kind == TableKind::Table && table.is_native());
    if !partitioned {
        let what = describe_table(table);
        out.push(
            cx.diag(
                "SR405",
                format!("`{name}` is {what}: only native tables and materialized views have partitions"),
                spec.span(),
            )
            .with_help(format!("back up `{name}` whole: remove the partition clause"))
            .with_fix(Fix::single(
                "remove the partition clause",
                Span::new(n.name.span.end, spec.span().end),
                "",
            ))
            .with_starrocks(format!("Incorrect table name '{name}'")),
        );
        return;
    }
    let PartitionSpec::Names { temporary: false, names, .. } = spec else { return };
    if table.partitions.is_empty() {
        // The catalog does not list this table's partitions: nothing to compare with.
        return;
    }
    for p in super::unknown_partitions(names, &table.partitions) {
        let value = p.value();
        let mut d = cx
            .diag(
                "SR406",
                format!("{} `{name}` has no partition `{value}`", table.object_kind().noun()),
                p.span(),
            )
            .with_starrocks(format!("partition[{value}] does not exist  in table{name}"));
        if table.temporary_partitions.iter().any(|q| q.eq_ignore_ascii_case(value)) {
            d = d.with_help(format!(
                "`{value}` is a temporary partition, and StarRocks cannot back those up; replace the partition with it first (ALTER TABLE {name} REPLACE PARTITION … WITH TEMPORARY PARTITION {value})"
            ));
        } else if let Some(s) = suggest(value, table.partitions.iter().map(String::as_str)) {
            d = d.with_help(format!("did you mean `{s}`?"));
            if let Some(fix) = rename_fix(p.span(), s) {
                d = d.with_fix(fix);
            }
        } else {
            d = d.with_help(format!("`{name}` has {}", known_list(table.partitions.iter())));
        }
        out.push(d);
    }
}

fn unknown_object(cx: &Context<'_>, db: &Database, n: &NamedObject, out: &mut Vec<Diagnostic>) {
    let name = &n.name.last().value;
    let kind = n.effective_kind();
    let sr = format!("Incorrect table name '{name}'");
    // A bare name that is a function: StarRocks looks it up as a table.
    if n.kind.is_none() && db.functions_named(name).next().is_some() {
        out.push(
            cx.diag("SR403", format!("`{name}` is a function, not a table"), n.name.span)
                .with_help(format!(
                    "a bare name in ON (…) is a table; write `FUNCTION {name}` to back up the function"
                ))
                .with_fix(Fix::single(
                    "write `FUNCTION` before the name",
                    Span::empty(n.span.start),
                    "FUNCTION ",
                ))
                .with_starrocks(sr),
        );
        return;
    }
    let candidates: Vec<&str> = db.tables.iter().filter(|t| !t.temporary).map(|t| t.name.as_str()).collect();
    let suggestion = suggest(name, candidates.iter().copied());
    let d = cx
        .diag(
            "SR403",
            format!("{} `{name}` does not exist in database `{}`", kind.noun(), db.name),
            n.name.last().span,
        )
        .with_starrocks(sr);
    let known = if candidates.is_empty() {
        format!("`{}` holds no tables, views or materialized views", db.name)
    } else {
        format!("`{}` has {}", db.name, known_list(candidates.iter()))
    };
    out.push(with_suggestion_text(d, n.name.last(), suggestion, &known, "table names are case-sensitive"));
}

fn function_exists(cx: &Context<'_>, db: &Database, n: &NamedObject, out: &mut Vec<Diagnostic>) {
    let name = &n.name.last().value;
    if name.is_empty() || db.functions_named(name).next().is_some() {
        return;
    }
    let mut names: Vec<&str> = Vec::new();
    for f in &db.functions {
        if !names.iter().any(|s| s.eq_ignore_ascii_case(&f.name)) {
            names.push(&f.name);
        }
    }
    let suggestion = suggest(name, names.iter().copied());
    let d = cx
        .diag("SR407", format!("database `{}` has no function `{name}`", db.name), n.name.last().span)
        .with_starrocks(format!("Invalid backup function(s), function name: {}", n.name.dotted()));
    let known = if names.is_empty() {
        format!("`{}` has no user-defined functions (global functions cannot be backed up)", db.name)
    } else {
        format!("`{}` has {}", db.name, known_list(names.iter()))
    };
    out.push(with_suggestion_text(d, n.name.last(), suggestion, &known, ""));
}

fn external_catalogs(cx: &Context<'_>, cat: &Catalog, clause: &CatalogClause, out: &mut Vec<Diagnostic>) {
    let external: Vec<&str> = cat
        .external_catalogs
        .iter()
        .filter(|c| !c.eq_ignore_ascii_case("default_catalog"))
        .map(String::as_str)
        .collect();
    match clause {
        CatalogClause::All { span } => {
            if external.is_empty() {
                out.push(
                    cx.diag("SR409", "the cluster has no external catalogs to back up", *span)
                        .with_help("SHOW CATALOGS lists only `default_catalog`; back up databases with `BACKUP DATABASE <db> SNAPSHOT …` instead")
                        .with_starrocks("No external catalog can be backed up"),
                );
            }
        }
        CatalogClause::List { items, .. } => {
            for item in items {
                let name = &item.name.value;
                if name.is_empty()
                    || name.eq_ignore_ascii_case("default_catalog")
                    || cat.external_catalog(name).is_some()
                {
                    continue;
                }
                let suggestion = suggest(name, external.iter().copied());
                let d = cx
                    .diag("SR408", format!("external catalog `{name}` does not exist"), item.name.span)
                    .with_starrocks(format!("external catalog {name} does not existed."));
                let known = if external.is_empty() {
                    "the cluster has no external catalogs".to_string()
                } else {
                    format!("the cluster has {}", known_list(external.iter()))
                };
                out.push(with_suggestion_text(d, &item.name, suggestion, &known, ""));
            }
        }
    }
}

fn empty_database(cx: &Context<'_>, db: &Database, b: &BackupStmt, out: &mut Vec<Diagnostic>) {
    let sr = format!("Database: {} is empty", db.name);
    let d = match &b.on {
        None => cx
            .diag(
                "SR412",
                format!(
                    "database `{}` is empty: it has no tables, views, materialized views or functions",
                    db.name
                ),
                b.snapshot.span,
            )
            .with_help("there is nothing to back up; check the database name"),
        Some(on) => {
            let kinds: Vec<&str> = on
                .items
                .iter()
                .filter_map(|i| match i {
                    ObjectItem::All { kind, .. } => Some(kind.plural_keyword()),
                    ObjectItem::Named(_) => None,
                })
                .collect();
            cx.diag(
                "SR412",
                format!(
                    "`ALL {}` {} nothing: database `{}` has none",
                    kinds.join("`, `ALL "),
                    if kinds.len() == 1 { "selects" } else { "select" },
                    db.name
                ),
                on.span,
            )
            .with_help("list objects the database has, or leave out ON (…) to back up the whole database")
        }
    };
    out.push(d.with_starrocks(sr));
}

fn mv_base_tables(
    cx: &Context<'_>,
    cat: &Catalog,
    db: &Database,
    mv: &Table,
    span: Span,
    out: &mut Vec<Diagnostic>,
) {
    for base in &mv.base_tables {
        let parts: Vec<&str> = base.split('.').collect();
        let (catalog, base_db, table) = match parts.as_slice() {
            [t] => (None, db.name.as_str(), *t),
            [d, t] => (None, *d, *t),
            [c, d, t] => (Some(*c).filter(|c| !c.eq_ignore_ascii_case("default_catalog")), *d, *t),
            _ => continue,
        };
        if let Some(c) = catalog {
            out.push(
                cx.diag(
                    "SR411",
                    format!("materialized view `{}` reads `{base}` from external catalog `{c}`, which is not backed up", mv.name),
                    span,
                )
                .with_help("only the view's definition and data are in the snapshot; the restored view refreshes from the external table if the catalog exists where you restore it"),
            );
            continue;
        }
        let exists = cat.database(base_db).is_some_and(|d| d.table(table).is_some());
        if !exists {
            out.push(
                cx.diag(
                    "SR410",
                    format!("materialized view `{}` is built on `{base}`, which does not exist", mv.name),
                    span,
                )
                .with_help(format!(
                    "recreate `{base}` or drop the materialized view `{}`; StarRocks refuses to back up a materialized view whose base table is gone",
                    mv.name
                ))
                .with_starrocks(format!(
                    "Base table {table} doest not existed in materialized view {} when backup/restore",
                    mv.name
                )),
            );
        } else if base_db != db.name {
            out.push(
                cx.diag(
                    "SR411",
                    format!(
                        "materialized view `{}` is built on `{base_db}.{table}`, in another database: that table is not backed up with it",
                        mv.name
                    ),
                    span,
                )
                .with_help(format!(
                    "back up `{base_db}` too and restore it before `{}`, or the restored view has no base table to refresh from",
                    db.name
                )),
            );
        }
    }
}

/// A short description of a table entry for messages: "a view", "an external MySQL table".
fn describe_table(t: &Table) -> String {
    match t.kind {
        TableKind::View => "a view".into(),
        TableKind::MaterializedView => "a materialized view".into(),
        TableKind::Table if t.is_native() => "a table".into(),
        TableKind::Table => format!("an external {} table", t.engine),
    }
}

// ----------------------------------------------------------------------------------------
// Shared helpers (also used by submission.rs and notes.rs).

/// The database a database BACKUP works on, as StarRocks resolves it (spec §4.1 B.1).
pub(super) enum BackupDb<'a> {
    /// Named in the statement: the `db.` prefix or `DATABASE db`.
    Written(&'a Ident),
    /// Not named: the session's current database, from the catalog.
    Current(&'a str),
    /// Not named, and the session has no current database.
    Missing,
}

impl BackupDb<'_> {
    /// The database's name, if there is one.
    pub(super) fn name(&self) -> Option<&str> {
        match self {
            BackupDb::Written(id) => Some(&id.value),
            BackupDb::Current(name) => Some(name),
            BackupDb::Missing => None,
        }
    }
}

/// The database of a BACKUP; `None` for external-catalog backups and for statements the
/// AST builder already rejects (three-part names, prefix and DATABASE together).
pub(super) fn backup_db<'a>(b: &'a BackupStmt, cat: &'a Catalog) -> Option<BackupDb<'a>> {
    if b.catalogs.is_some() || b.snapshot.parts.len() > 2 {
        return None;
    }
    match (&b.database, b.snapshot.parts.len()) {
        (Some(_), 2) => None,
        (Some(db), _) => Some(BackupDb::Written(db)),
        (None, 2) => Some(BackupDb::Written(&b.snapshot.parts[0])),
        (None, _) => match cat.current_database.as_deref().filter(|s| !s.is_empty()) {
            Some(name) => Some(BackupDb::Current(name)),
            None => Some(BackupDb::Missing),
        },
    }
}

/// The closest name to `name` among `candidates`: an exact match ignoring case first, then
/// the nearest by edit distance (at most a third of the name's length, at least 1).
pub(super) fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = crate::lexer::fold_case(name);
    let limit = (name.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let folded = crate::lexer::fold_case(c);
        let dist = if folded == lower { 0 } else { edit_distance(&lower, &folded) };
        if dist <= limit && best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance over characters, an adjacent transposition counting as one edit
/// (optimal string alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// A fix replacing the name at `span` with `to` (backquoted when it must be).
pub(super) fn rename_fix(span: Span, to: &str) -> Option<Fix> {
    quote_identifier(to).map(|q| Fix::single(format!("write `{to}`"), span, q))
}

/// "`a`, `b` and `c`" (at most eight names, then "and N more").
pub(super) fn known_list<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match names.len() {
        0 => "none".to_string(),
        1 => names[0].clone(),
        n if n <= 8 => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!("{} and {} more", names[..8].join(", "), n - 8),
    }
}

/// Adds "did you mean" help and a rename fix, or else the list of known names.
fn with_suggestion(
    d: Diagnostic,
    what: &str,
    id: &Ident,
    suggestion: Option<&str>,
    known: &str,
) -> Diagnostic {
    let case_note = format!("{what} names are case-sensitive");
    let known =
        if known == "none" { format!("there is no {what}") } else { format!("the cluster has {known}") };
    with_suggestion_text(d, id, suggestion, &known, &case_note)
}

/// Like [`with_suggestion`], with the fallback help text given whole. `case_note` is added
/// when the suggestion differs from the name only in case.
pub(super) fn with_suggestion_text(
    d: Diagnostic,
    id: &Ident,
    suggestion: Option<&str>,
    known: &str,
    case_note: &str,
) -> Diagnostic {
    match suggestion {
        Some(s) => {
            let same_but_case = s.eq_ignore_ascii_case(&id.value) && !case_note.is_empty();
            let help = if same_but_case {
                format!("did you mean `{s}`? {}.", upper_first(case_note))
            } else {
                format!("did you mean `{s}`?")
            };
            let d = d.with_help(help);
            match rename_fix(id.span, s) {
                Some(fix) => d.with_fix(fix),
                None => d,
            }
        }
        None => d.with_help(known.to_string()),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// The replicas a RESTORE asks for against the backends the catalog counts.
fn replicas(cx: &Context<'_>, cat: &Catalog, r: &RestoreStmt, out: &mut Vec<Diagnostic>) {
    let Some(backends) = cat.backends else { return };
    let written = r.properties.as_ref().and_then(|p| p.get("replication_num"));
    let wanted = match written {
        Some(p) => match p.value.value.trim().parse::<u32>() {
            Ok(n) => n,
            Err(_) => return, // SR326 reports a value that is not a number.
        },
        None => 3,
    };
    if wanted <= backends.max(1) || backends == 0 {
        return;
    }
    let (message, span) = match written {
        Some(p) => (format!("\"replication_num\" = \"{wanted}\", and the cluster has {backends} alive backend{}", plural(backends)), p.value.span),
        None => (
            format!("RESTORE creates each table with 3 replicas when \"replication_num\" is not set, and the cluster has {backends} alive backend{}", plural(backends)),
            cx.span(),
        ),
    };
    let entry = format!("\"replication_num\" = \"{backends}\"");
    let fix = match (written, &r.properties) {
        (Some(p), _) => {
            Fix::single(format!("set replication_num to {backends}"), p.value.span, format!("\"{backends}\""))
        }
        (None, Some(props)) => {
            let at = props.entries.last().map(|e| e.span.end).unwrap_or(props.span.end);
            Fix {
                message: format!("add {entry}"),
                edits: vec![Edit { span: Span::empty(at), replacement: format!(", {entry}") }],
            }
        }
        (None, None) => {
            let end =
                r.on.as_ref()
                    .map(|o| o.span.end)
                    .or(r.database.as_ref().map(|d| d.span.end))
                    .unwrap_or(cx.span().end);
            Fix::single(format!("add {entry}"), Span::empty(end), format!(" PROPERTIES ({entry})"))
        }
    };
    out.push(
        cx.diag("SR415", message, span)
            .with_help(format!(
                "each replica needs a different backend: set \"replication_num\" to at most {backends}"
            ))
            .with_fix(fix)
            .with_starrocks(format!("failed to find {wanted} different hosts to create table")),
    );
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("Sales", ["sales", "orders"]), Some("sales"));
        assert_eq!(suggest("ordrs", ["sales", "orders"]), Some("orders"));
        assert_eq!(suggest("zzz", ["sales", "orders"]), None);
        assert_eq!(suggest("orders", ["orders"]), None);
        assert_eq!(suggest("salse", ["sales", "ref"]), Some("sales"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("salse", "sales"), 1);
    }

    #[test]
    fn lists() {
        assert_eq!(known_list(["a"]), "`a`");
        assert_eq!(known_list(["a", "b", "c"]), "`a`, `b` and `c`");
        assert_eq!(known_list(Vec::<String>::new()), "none");
        assert!(known_list((0..10).map(|i| i.to_string())).ends_with("and 2 more"));
    }
}
