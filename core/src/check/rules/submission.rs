//! Checks StarRocks makes when a job is submitted, before the job exists (spec §5), and the
//! execution-time checks of CANCEL, DROP SNAPSHOT and the repository statements (spec §4.6,
//! §4.8, §4.9) — everything that needs to know the repositories, their snapshots and the
//! running jobs. Without a catalog every rule here is silent.

use super::catalog_rules::{backup_db, known_list, suggest, with_suggestion_text, BackupDb};
use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::catalog::{expand_backup, Catalog, JobKind, Origin, RunningJob, Snapshot, TableKind};
use crate::check::{Context, Version};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix};
use crate::lexer::{quote_identifier, quote_string};
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR501",
        "repository-missing-at-submission",
        DiagnosticKind::Submission,
        "A RESTORE or an external-catalog BACKUP naming a repository that does not exist (the analyzer does not check these; the job submission does).",
    )
    .starrocks("Repository <repo> does not exist"),
    RuleInfo::error(
        "SR502",
        "read-only-repository",
        DiagnosticKind::Submission,
        "A BACKUP into, or a DROP SNAPSHOT from, a repository created READ ONLY.",
    )
    .starrocks("Repository <repo> is read only"),
    RuleInfo::error(
        "SR503",
        "snapshot-name-taken",
        DiagnosticKind::Submission,
        "A BACKUP whose snapshot name the repository already holds (names are unique per repository).",
    )
    .starrocks("Snapshot with name '<label>' already exist in repository"),
    RuleInfo::error(
        "SR504",
        "job-already-running",
        DiagnosticKind::Submission,
        "A BACKUP or RESTORE on a database that already has an unfinished job (external-catalog jobs share one slot for the whole cluster).",
    )
    .starrocks("Can only run one backup or restore job of a database at same time"),
    RuleInfo::error(
        "SR505",
        "unsupported-table-type",
        DiagnosticKind::Submission,
        "A BACKUP of a table StarRocks cannot back up: an external table, or a view before 3.4.",
    )
    .starrocks("Table: <tbl> can not support backup restore, type: <TYPE>"),
    RuleInfo::error(
        "SR506",
        "table-has-temporary-partitions",
        DiagnosticKind::Submission,
        "A BACKUP of a table that has temporary partitions.",
    )
    .starrocks("Do not support backing up table with temp partitions"),
    RuleInfo::error(
        "SR507",
        "snapshot-not-found",
        DiagnosticKind::Submission,
        "A RESTORE of a snapshot the repository does not hold, or of a backup_timestamp the snapshot does not have.",
    )
    .starrocks("Failed to get info of snapshot '<label>' because: <err>. Maybe specified wrong backup timestamp"),
    RuleInfo::error(
        "SR508",
        "database-for-catalog-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE that names a database for a snapshot of external catalogs.",
    )
    .versions("3.4+")
    .starrocks("Can not specify database for external catalog snapshot"),
    RuleInfo::error(
        "SR509",
        "not-a-catalog-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE of external catalogs from a snapshot of a database.",
    )
    .versions("3.4+")
    .starrocks("This is not a snapshot for external catalog restore, snapshot: <label>"),
    RuleInfo::error(
        "SR512",
        "database-not-in-snapshot",
        DiagnosticKind::Submission,
        "RESTORE … DATABASE x where the snapshot holds another database (compared case-sensitively).",
    )
    .versions("3.4+")
    .starrocks("target database: <x> is not existed in snapshot"),
    RuleInfo::error(
        "SR513",
        "table-not-in-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE ON item the snapshot does not hold.",
    )
    .starrocks("Table <tbl> does not exist in snapshot <label>"),
    RuleInfo::error(
        "SR514",
        "partition-not-in-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE of a partition the snapshot does not hold.",
    )
    .starrocks("Partition <p> of table <tbl> does not exist in snapshot <label>"),
    RuleInfo::error(
        "SR515",
        "function-not-in-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE of a function the snapshot does not hold (case-insensitive).",
    )
    .versions("3.4+")
    .starrocks("Can not find restore function: <name>"),
    RuleInfo::error(
        "SR516",
        "catalog-not-in-snapshot",
        DiagnosticKind::Submission,
        "A RESTORE of an external catalog the snapshot does not hold (case-insensitive).",
    )
    .versions("3.4+")
    .starrocks("Can not find restore catalog: <name>"),
    RuleInfo::info(
        "SR517",
        "restore-creates-database",
        DiagnosticKind::Submission,
        "A RESTORE into a database that does not exist: StarRocks creates it.",
    ),
    RuleInfo::info(
        "SR518",
        "nothing-to-cancel",
        DiagnosticKind::Submission,
        "CANCEL BACKUP/RESTORE when no job of that kind is running there.",
    )
    .starrocks("No backup job is currently running"),
    RuleInfo::warning(
        "SR519",
        "drop-unknown-snapshot",
        DiagnosticKind::Submission,
        "DROP SNAPSHOT of a snapshot the catalog does not list in the repository.",
    )
    .versions("4.2+"),
    RuleInfo::error(
        "SR520",
        "snapshot-in-use",
        DiagnosticKind::Submission,
        "DROP SNAPSHOT of a snapshot that a running BACKUP is writing or a running RESTORE is reading.",
    )
    .versions("4.2+"),
    RuleInfo::error(
        "SR521",
        "repository-in-use",
        DiagnosticKind::Submission,
        "DROP REPOSITORY while a BACKUP or RESTORE job runs on it.",
    )
    .starrocks("Backup or restore job is running on this repository. Can not drop it"),
    RuleInfo::error(
        "SR522",
        "repository-exists",
        DiagnosticKind::Submission,
        "CREATE REPOSITORY with the name of an existing repository.",
    ),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(cat) = cx.catalog() else { return };
    match cx.stmt() {
        Statement::Backup(b) => backup(cx, cat, b, out),
        Statement::Restore(r) => restore(cx, cat, r, out),
        Statement::CancelBackup(c) => cancel(cx, cat, c, JobKind::Backup, out),
        Statement::CancelRestore(c) => cancel(cx, cat, c, JobKind::Restore, out),
        Statement::DropSnapshot(d) => drop_snapshot(cx, cat, d, out),
        Statement::DropRepository(d) => {
            let name = &d.name.value;
            if let Some(job) =
                cat.running_jobs.iter().find(|j| j.repository.as_deref() == Some(name.as_str()))
            {
                out.push(
                    cx.diag(
                        "SR521",
                        format!(
                            "{} is running on repository `{name}`, which cannot be dropped meanwhile",
                            describe_job(job)
                        ),
                        d.name.span,
                    )
                    .with_help(format!(
                        "wait for the job to finish, or cancel it ({})",
                        cancel_statement(job)
                    ))
                    .with_starrocks("Backup or restore job is running on this repository. Can not drop it"),
                );
            }
        }
        Statement::CreateRepository(c) => {
            let name = &c.name.value;
            if !name.is_empty() && cat.repository(name).is_some() {
                out.push(
                    cx.diag("SR522", format!("repository `{name}` already exists"), c.name.span).with_help(
                        "choose another name, or DROP REPOSITORY it first (its snapshots stay in storage)",
                    ),
                );
            }
        }
        _ => {}
    }
}

fn backup(cx: &Context<'_>, cat: &Catalog, b: &BackupStmt, out: &mut Vec<Diagnostic>) {
    let repo_name = &b.repository.value;
    let repo = if repo_name.is_empty() { None } else { cat.repository(repo_name) };
    if b.catalogs.is_some() && repo.is_none() && !repo_name.is_empty() {
        out.push(missing_repository(cx, cat, &b.repository));
    }
    if let Some(repo) = repo {
        if repo.read_only {
            out.push(
                cx.diag(
                    "SR502",
                    format!("repository `{repo_name}` is read-only: BACKUP cannot write to it"),
                    b.repository.span,
                )
                .with_help(
                    "back up to a repository created without READ ONLY (SHOW REPOSITORIES shows IsReadOnly)",
                )
                .with_starrocks(format!("Repository {repo_name} is read only")),
            );
        }
        let label = &b.snapshot.last().value;
        if !label.is_empty() && repo.snapshots.iter().any(|s| s.name == *label) {
            let incremental = b
                .properties
                .as_ref()
                .and_then(|p| p.get("type"))
                .is_some_and(|p| p.value.value.eq_ignore_ascii_case("incremental"));
            let sr = if incremental {
                "Currently does not support incremental backup".to_string()
            } else {
                format!("Snapshot with name '{label}' already exist in repository")
            };
            let free =
                (2..).map(|i| format!("{label}_{i}")).find(|n| !repo.snapshots.iter().any(|s| s.name == *n));
            let mut d = cx
                .diag("SR503", format!("repository `{repo_name}` already holds a snapshot named `{label}`"), b.snapshot.last().span)
                .with_help("snapshot names are unique within a repository; choose a new name (DROP SNAPSHOT removes the old one on 4.2+)")
                .with_starrocks(sr);
            if let Some(fix) = free.and_then(|n| quote_identifier(&n).map(|q| (n, q))) {
                d = d.with_fix(Fix::single(format!("name it `{}`", fix.0), b.snapshot.last().span, fix.1));
            }
            out.push(d);
        }
    }

    if b.catalogs.is_some() {
        if let Some(job) = running_job(cat, None) {
            out.push(job_conflict(cx, job, None, b.snapshot.span));
        }
        return;
    }
    let Some(db_ref) = backup_db(b, cat) else { return };
    let Some(db_name) = db_ref.name() else { return };
    if let Some(job) = running_job(cat, Some(db_name)) {
        let span = match db_ref {
            BackupDb::Written(id) => id.span,
            _ => b.snapshot.span,
        };
        out.push(job_conflict(cx, job, Some(db_name), span));
    }
    let Some(db) = cat.database(db_name) else { return };

    // Listed objects StarRocks cannot back up (an object with a partition clause that is
    // not a native table is the analyzer's SR405 already).
    let before_views = !cx.options.target.at_least(Version::V3_4);
    for obj in expand_backup(b, db, b.snapshot.span) {
        if obj.kind == ObjectKind::Function {
            continue;
        }
        let Some(table) = db.table(&obj.name) else { continue };
        let listed_with_partitions = obj.origin == Origin::Listed && !obj.partitions.is_empty();
        let unsupported = match table.kind {
            TableKind::Table if !table.is_native() && obj.origin != Origin::All => {
                Some(table.engine.to_ascii_uppercase())
            }
            TableKind::View if before_views && obj.origin != Origin::All => Some("VIEW".to_string()),
            _ => None,
        };
        if let Some(ty) = unsupported {
            if listed_with_partitions {
                continue;
            }
            let what = if ty == "VIEW" {
                format!(
                    "`{}` is a view, and StarRocks {} cannot back up views",
                    table.name, cx.options.target
                )
            } else {
                format!("`{}` is an external {} table, which BACKUP cannot include", table.name, table.engine)
            };
            let whole = obj.origin == Origin::WholeDatabase;
            let help = if whole {
                format!("a BACKUP without ON (…) includes every table of `{}`; list the tables to back up in ON (…) instead", db.name)
            } else if ty == "VIEW" {
                "StarRocks 3.4 and later back up views; on this version leave it out".to_string()
            } else {
                "only tables stored by StarRocks can be backed up; leave it out".to_string()
            };
            let mut d = cx
                .diag("SR505", what, obj.span)
                .with_help(help)
                .with_starrocks(format!("Table: {} can not support backup restore, type: {ty}", table.name));
            if let (Some(on), false) = (&b.on, whole) {
                if let Some(span) = item_removal(on, obj.span) {
                    d = d.with_fix(Fix::single(format!("leave `{}` out", table.name), span, ""));
                }
            }
            out.push(d);
        }
        if table.kind == TableKind::Table && table.is_native() && !table.temporary_partitions.is_empty() {
            let whole = if obj.origin == Origin::Listed {
                String::new()
            } else {
                format!(" (the BACKUP includes `{}`)", table.name)
            };
            out.push(
                cx.diag(
                    "SR506",
                    format!(
                        "table `{}` has temporary partitions ({}), and StarRocks cannot back up such a table{whole}",
                        table.name,
                        known_list(table.temporary_partitions.iter())
                    ),
                    obj.span,
                )
                .with_help(format!(
                    "first replace partitions with them (ALTER TABLE {0} REPLACE PARTITION … WITH TEMPORARY PARTITION …) or drop them (ALTER TABLE {0} DROP TEMPORARY PARTITION …)",
                    table.name
                ))
                .with_starrocks("Do not support backing up table with temp partitions"),
            );
        }
    }
}

fn restore(cx: &Context<'_>, cat: &Catalog, r: &RestoreStmt, out: &mut Vec<Diagnostic>) {
    let label_id = r.snapshot.last();
    let label = &label_id.value;
    if r.repository.value.is_empty() || label.is_empty() || r.snapshot.parts.len() > 2 {
        return;
    }
    let Some(repo) = cat.repository(&r.repository.value) else {
        out.push(missing_repository(cx, cat, &r.repository));
        return;
    };
    let Some(snap) = restore_snapshot(cx, r, &repo.snapshots, out) else { return };
    let prefix = (r.snapshot.parts.len() == 2).then(|| &r.snapshot.parts[0]);
    if !contents_known(snap) {
        // Only the name and timestamp are known: check the database's job slot, nothing more.
        let target = r.database.as_ref().map(|d| d.alias.as_ref().unwrap_or(&d.name)).or(prefix);
        if let Some(id) = target.filter(|_| r.catalogs.is_none()) {
            if let Some(job) = running_job(cat, Some(&id.value)) {
                out.push(job_conflict(cx, job, Some(&id.value), id.span));
            }
        }
        return;
    }

    let Some(snap_db) = &snap.database else {
        // A snapshot of external catalogs.
        let written = r.database.as_ref().map(|d| (d.name.value.as_str(), d.span)).or_else(|| {
            prefix.map(|p| (p.value.as_str(), Span::new(p.span.start, r.snapshot.parts[1].span.start)))
        });
        if let Some((db, span)) = written {
            let mut d = cx
                .diag(
                    "SR508",
                    format!("snapshot `{label}` holds external catalogs, not a database: `{db}` cannot be named here"),
                    span,
                )
                .with_help("restore the catalogs without a database: `RESTORE SNAPSHOT <name> FROM <repo> ALL EXTERNAL CATALOGS …`")
                .with_starrocks("Can not specify database for external catalog snapshot");
            let remove = match &r.database {
                Some(dc) => {
                    let before = r.catalogs.as_ref().map(|c| c.span().end).unwrap_or(r.repository.span.end);
                    Span::new(before, dc.span.end)
                }
                None => span,
            };
            d = d.with_fix(Fix::single("remove the database", remove, ""));
            out.push(d);
        }
        if let Some(CatalogClause::List { items, .. }) = &r.catalogs {
            for item in items {
                let name = &item.name.value;
                if name.is_empty() || snap.catalogs.iter().any(|c| c.eq_ignore_ascii_case(name)) {
                    continue;
                }
                let suggestion = suggest(name, snap.catalogs.iter().map(String::as_str));
                let d = cx
                    .diag(
                        "SR516",
                        format!("snapshot `{label}` holds no external catalog `{name}`"),
                        item.name.span,
                    )
                    .with_starrocks(format!("Can not find restore catalog: {name}"));
                let known = format!("it holds {}", known_list(snap.catalogs.iter()));
                out.push(with_suggestion_text(d, &item.name, suggestion, &known, ""));
            }
        }
        if let Some(job) = running_job(cat, None) {
            out.push(job_conflict(cx, job, None, r.snapshot.span));
        }
        return;
    };

    if let Some(clause) = &r.catalogs {
        out.push(
            cx.diag(
                "SR509",
                format!("snapshot `{label}` is a backup of database `{snap_db}`, not of external catalogs"),
                clause.span(),
            )
            .with_help("restore it as a database (leave out the external-catalog clause), or name a snapshot taken with BACKUP … EXTERNAL CATALOGS")
            .with_fix(Fix::single("remove the external-catalog clause", Span::new(r.repository.span.end, clause.span().end), ""))
            .with_starrocks(format!("This is not a snapshot for external catalog restore, snapshot: {label}")),
        );
        return;
    }
    if let Some(dc) = &r.database {
        if dc.name.value != *snap_db {
            let x = &dc.name.value;
            let mut d = cx
                .diag(
                    "SR512",
                    format!("snapshot `{label}` holds database `{snap_db}`, not `{x}`"),
                    dc.name.span,
                )
                .with_starrocks(format!("target database: {x} is not existed in snapshot"));
            let snap_q = quote_identifier(snap_db);
            if x.eq_ignore_ascii_case(snap_db) {
                d = d.with_help(format!("database names are compared case-sensitively: write `{snap_db}`"));
                if let Some(q) = snap_q {
                    d = d.with_fix(Fix::single(format!("write `{snap_db}`"), dc.name.span, q));
                }
            } else if dc.alias.is_none() {
                d = d.with_help(format!(
                    "DATABASE names the database inside the snapshot; to restore it into `{x}`, write `DATABASE {snap_db} AS {x}`"
                ));
                if let (Some(q), Some(xq)) = (snap_q, quote_identifier(x)) {
                    d = d.with_fix(Fix::single(
                        format!("restore `{snap_db}` as `{x}`"),
                        dc.name.span,
                        format!("{q} AS {xq}"),
                    ));
                }
            } else {
                d = d.with_help(format!(
                    "DATABASE names the database inside the snapshot: write `DATABASE {snap_db}`"
                ));
                if let Some(q) = snap_q {
                    d = d.with_fix(Fix::single(format!("write `{snap_db}`"), dc.name.span, q));
                }
            }
            out.push(d);
            return;
        }
    }

    // The database the job restores into.
    let (target, target_span) = match (&r.database, prefix) {
        (Some(dc), _) => {
            let id = dc.alias.as_ref().unwrap_or(&dc.name);
            (id.value.as_str(), id.span)
        }
        (None, Some(p)) => (p.value.as_str(), p.span),
        (None, None) => (snap_db.as_str(), r.snapshot.span),
    };
    if let Some(job) = running_job(cat, Some(target)) {
        out.push(job_conflict(cx, job, Some(target), target_span));
    }
    if !target.is_empty() && cat.database(target).is_none() {
        out.push(
            cx.diag("SR517", format!("database `{target}` does not exist: RESTORE creates it"), target_span)
                .with_help(format!(
                    "if you meant an existing database, check the name; otherwise `{target}` is created with the restored objects"
                )),
        );
    }

    let Some(on) = &r.on else { return };
    for item in &on.items {
        let ObjectItem::Named(n) = item else { continue };
        let name_id = n.name.last();
        let name = &name_id.value;
        if name.is_empty() {
            continue;
        }
        if n.kind == Some(ObjectKind::Function) {
            if !snap.functions.iter().any(|f| f.eq_ignore_ascii_case(name)) {
                let suggestion = suggest(name, snap.functions.iter().map(String::as_str));
                let d = cx
                    .diag("SR515", format!("snapshot `{label}` holds no function `{name}`"), name_id.span)
                    .with_starrocks(format!("Can not find restore function: {name}"));
                let known = if snap.functions.is_empty() {
                    "it holds no functions".to_string()
                } else {
                    format!("it holds {}", known_list(snap.functions.iter()))
                };
                out.push(with_suggestion_text(d, name_id, suggestion, &known, ""));
            }
            continue;
        }
        let Some(table) = snap.tables.iter().find(|t| t.name == *name) else {
            let suggestion = suggest(name, snap.tables.iter().map(|t| t.name.as_str()));
            let d = cx
                .diag(
                    "SR513",
                    format!("snapshot `{label}` holds no table, view or materialized view `{name}`"),
                    name_id.span,
                )
                .with_starrocks(format!("Table {name} does not exist in snapshot {label}"));
            let known = if snap.tables.is_empty() {
                "it holds no tables".to_string()
            } else {
                format!("it holds {}", known_list(snap.tables.iter().map(|t| &t.name)))
            };
            out.push(with_suggestion_text(d, name_id, suggestion, &known, "table names are case-sensitive"));
            continue;
        };
        let Some(PartitionSpec::Names { temporary: false, names, .. }) = &n.partitions else { continue };
        if table.partitions.is_empty() {
            continue;
        }
        for p in super::unknown_partitions(names, &table.partitions) {
            let value = p.value();
            let mut d = cx
                .diag(
                    "SR514",
                    format!("snapshot `{label}` holds no partition `{value}` of `{name}`"),
                    p.span(),
                )
                .with_starrocks(format!(
                    "Partition {value} of table {name} does not exist in snapshot {label}"
                ));
            match suggest(value, table.partitions.iter().map(String::as_str)) {
                Some(s) => {
                    d = d.with_help(format!("did you mean `{s}`?"));
                    if let Some(q) = quote_identifier(s) {
                        d = d.with_fix(Fix::single(format!("write `{s}`"), p.span(), q));
                    }
                }
                None => {
                    d = d.with_help(format!(
                        "the snapshot holds {} of `{name}`",
                        known_list(table.partitions.iter())
                    ))
                }
            }
            out.push(d);
        }
    }
}

/// The snapshot a RESTORE reads, or SR507 when the repository lacks it. With no
/// `backup_timestamp` (the analyzer's error) the snapshot is used when its name is unique.
fn restore_snapshot<'a>(
    cx: &Context<'_>,
    r: &RestoreStmt,
    snapshots: &'a [Snapshot],
    out: &mut Vec<Diagnostic>,
) -> Option<&'a Snapshot> {
    let label_id = r.snapshot.last();
    let label = &label_id.value;
    let repo = &r.repository.value;
    let sr_missing =
        format!("Failed to get info of snapshot '{label}' because: … Maybe specified wrong backup timestamp");
    let named: Vec<&Snapshot> = snapshots.iter().filter(|s| s.name == *label).collect();
    if named.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for s in snapshots {
            if !names.contains(&s.name.as_str()) {
                names.push(&s.name);
            }
        }
        let suggestion = suggest(label, names.iter().copied());
        let d = cx
            .diag("SR507", format!("repository `{repo}` holds no snapshot `{label}`"), label_id.span)
            .with_starrocks(sr_missing);
        let known = if names.is_empty() {
            format!("`{repo}` holds no snapshots")
        } else {
            format!("`{repo}` holds {} (SHOW SNAPSHOT ON {repo})", known_list(names.iter()))
        };
        out.push(with_suggestion_text(d, label_id, suggestion, &known, "snapshot names are case-sensitive"));
        return None;
    }
    let Some(ts) = r.properties.as_ref().and_then(|p| p.get("backup_timestamp")) else {
        return (named.len() == 1).then(|| named[0]);
    };
    if let Some(s) = named.iter().find(|s| s.timestamp == ts.value.value) {
        return Some(s);
    }
    let mut stamps: Vec<&str> = named.iter().map(|s| s.timestamp.as_str()).collect();
    crate::order::sort_by_cmp(&mut stamps, |a, b| a.cmp(b));
    let newest = *stamps.last().expect("at least one snapshot");
    let mut d = cx
        .diag(
            "SR507",
            format!(
                "snapshot `{label}` in `{repo}` has no backup taken at {}",
                quote_string(&ts.value.value)
            ),
            ts.value.span,
        )
        .with_starrocks(sr_missing);
    d = if stamps.len() == 1 {
        d.with_help(format!("its only backup_timestamp is \"{newest}\""))
    } else {
        d.with_help(format!(
            "its backup timestamps are {}; the newest is \"{newest}\"",
            known_list(stamps.iter())
        ))
    };
    let quote = match ts.value.quote {
        Quote::Single => '\'',
        Quote::Double => '"',
    };
    out.push(d.with_fix(Fix::single(
        format!("use the newest backup, \"{newest}\""),
        ts.value.span,
        crate::lexer::quote_string_with(newest, quote),
    )));
    None
}

fn cancel(cx: &Context<'_>, cat: &Catalog, c: &CancelStmt, kind: JobKind, out: &mut Vec<Diagnostic>) {
    let (db, span) = match &c.target {
        Some(CancelTarget::Database(from)) => {
            if cat.database(&from.db.value).is_none() {
                return; // SR401
            }
            (Some(from.db.value.as_str()), from.db.span)
        }
        Some(CancelTarget::ExternalCatalog { span }) => (None, *span),
        None => return,
    };
    let running = cat.running_jobs.iter().any(|j| j.kind == kind && job_database(j) == db);
    if running {
        return;
    }
    let (what, sr) = match kind {
        JobKind::Backup => ("BACKUP", "No backup job is currently running"),
        JobKind::Restore => ("RESTORE", "No restore is currently running"),
    };
    let place = match db {
        Some(db) => format!("on database `{db}`"),
        None => "for external catalogs".to_string(),
    };
    out.push(
        cx.diag("SR518", format!("no {what} job is running {place}: there is nothing to cancel"), span)
            .with_help(format!(
                "SHOW {what}{} shows the last job and its state",
                db.map(|d| format!(" FROM {d}")).unwrap_or_default()
            ))
            .with_starrocks(sr),
    );
}

fn drop_snapshot(cx: &Context<'_>, cat: &Catalog, d: &DropSnapshotStmt, out: &mut Vec<Diagnostic>) {
    let repo_name = &d.repository.value;
    let Some(repo) = cat.repository(repo_name) else { return }; // SR413
    if repo.read_only {
        out.push(
            cx.diag(
                "SR502",
                format!("repository `{repo_name}` is read-only: its snapshots cannot be dropped"),
                d.repository.span,
            )
            .with_help(
                "DROP SNAPSHOT deletes from the repository's storage, which a READ ONLY repository forbids",
            ),
        );
    }
    let name = &d.snapshot.value;
    if name.is_empty() {
        return;
    }
    let in_use = cat
        .running_jobs
        .iter()
        .find(|j| j.label == *name && j.repository.as_deref().is_none_or(|r| r == repo_name));
    if let Some(job) = in_use {
        let verb = match job.kind {
            JobKind::Backup => "writing",
            JobKind::Restore => "reading",
        };
        out.push(
            cx.diag(
                "SR520",
                format!(
                    "{} is {verb} snapshot `{name}`, which cannot be dropped meanwhile",
                    describe_job(job)
                ),
                d.snapshot.span,
            )
            .with_help(format!("wait for the job to finish, or cancel it ({})", cancel_statement(job))),
        );
        return; // A snapshot being written is not listed yet.
    }
    if !repo.snapshots.iter().any(|s| s.name == *name) {
        let mut names: Vec<&str> = Vec::new();
        for s in &repo.snapshots {
            if !names.contains(&s.name.as_str()) {
                names.push(&s.name);
            }
        }
        let suggestion = suggest(name, names.iter().copied());
        let diag =
            cx.diag("SR519", format!("repository `{repo_name}` holds no snapshot `{name}`"), d.snapshot.span);
        let known = if names.is_empty() {
            format!("`{repo_name}` holds no snapshots")
        } else {
            format!("`{repo_name}` holds {} (SHOW SNAPSHOT ON {repo_name})", known_list(names.iter()))
        };
        out.push(with_suggestion_text(
            diag,
            &d.snapshot,
            suggestion,
            &known,
            "snapshot names are case-sensitive",
        ));
    }
}

fn missing_repository(cx: &Context<'_>, cat: &Catalog, repo: &Ident) -> Diagnostic {
    let suggestion = suggest(&repo.value, cat.repositories.iter().map(|r| r.name.as_str()));
    let d = cx
        .diag("SR501", format!("repository `{}` does not exist", repo.value), repo.span)
        .with_starrocks(format!("Repository {} does not exist", repo.value));
    let known = if cat.repositories.is_empty() {
        "the cluster has no repositories; create one with CREATE REPOSITORY".to_string()
    } else {
        format!("the cluster has {}", known_list(cat.repositories.iter().map(|r| &r.name)))
    };
    with_suggestion_text(d, repo, suggestion, &known, "repository names are case-sensitive")
}

/// True when the catalog says what the snapshot holds. An entry with only a name and a
/// timestamp (SHOW SNAPSHOT without details) holds something unknown: a database snapshot
/// always has objects, a catalog snapshot always has catalogs.
pub(super) fn contents_known(s: &Snapshot) -> bool {
    s.database.is_some() || !s.tables.is_empty() || !s.functions.is_empty() || !s.catalogs.is_empty()
}

/// The database of a running job; `None` for an external-catalog job.
fn job_database(job: &RunningJob) -> Option<&str> {
    Some(job.database.as_str()).filter(|d| !d.is_empty())
}

/// The unfinished job on database `db` (`None`: the external-catalog slot).
pub(super) fn running_job<'a>(cat: &'a Catalog, db: Option<&str>) -> Option<&'a RunningJob> {
    cat.running_jobs.iter().find(|j| job_database(j) == db)
}

fn describe_job(job: &RunningJob) -> String {
    let kind = match job.kind {
        JobKind::Backup => "BACKUP",
        JobKind::Restore => "RESTORE",
    };
    let mut s = format!("the {kind} job `{}`", job.label);
    match (&job.job_id, &job.state) {
        (Some(id), Some(state)) => s.push_str(&format!(" (id {id}, {state})")),
        (Some(id), None) => s.push_str(&format!(" (id {id})")),
        (None, Some(state)) => s.push_str(&format!(" ({state})")),
        (None, None) => {}
    }
    s
}

fn show_statement(job: &RunningJob) -> String {
    let kind = match job.kind {
        JobKind::Backup => "BACKUP",
        JobKind::Restore => "RESTORE",
    };
    match job_database(job) {
        Some(db) => format!("SHOW {kind} FROM {}", quote_identifier(db).unwrap_or_else(|| db.to_string())),
        None => format!("SHOW {kind}"),
    }
}

fn cancel_statement(job: &RunningJob) -> String {
    let kind = match job.kind {
        JobKind::Backup => "BACKUP",
        JobKind::Restore => "RESTORE",
    };
    match job_database(job) {
        Some(db) => format!("CANCEL {kind} FROM {}", quote_identifier(db).unwrap_or_else(|| db.to_string())),
        None => format!("CANCEL {kind} FOR EXTERNAL CATALOG"),
    }
}

fn job_conflict(cx: &Context<'_>, job: &RunningJob, db: Option<&str>, span: Span) -> Diagnostic {
    let (message, sr) = match db {
        Some(db) => (
            format!("{} is still running on database `{db}`, and StarRocks runs one job per database at a time", describe_job(job)),
            "Can only run one backup or restore job of a database at same time",
        ),
        None => (
            format!("{} is still running on external catalogs, and StarRocks runs one external-catalog job at a time", describe_job(job)),
            "Can only run one backup or restore job of external catalog",
        ),
    };
    cx.diag("SR504", message, span)
        .with_help(format!(
            "wait until it is FINISHED ({}) or cancel it ({}); newer releases lift the limit when `enable_table_level_backup_concurrency` is set",
            show_statement(job),
            cancel_statement(job)
        ))
        .with_starrocks(sr)
}

/// The span that removes the item at `span` from the list, with one neighbouring comma.
fn item_removal(on: &ObjectList, span: Span) -> Option<Span> {
    let idx = on.items.iter().position(|i| i.span() == span)?;
    if let Some(next) = on.items.get(idx + 1) {
        return Some(Span::new(span.start, next.span().start));
    }
    let prev = on.items.get(idx.checked_sub(1)?)?;
    Some(Span::new(prev.span().end, span.end))
}
