//! Informational notes: facts about BACKUP and RESTORE that users learn the hard way,
//! attached once per statement to the part of the statement they concern. They are never
//! errors. The overwrite note is precise with a catalog (SR704, only for tables that exist)
//! and general without one (SR703).

use super::catalog_rules::{backup_db, known_list, BackupDb};
use super::submission::{contents_known, running_job};
use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::catalog::{Catalog, Snapshot};
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::info(
        "SR701",
        "one-job-per-database",
        DiagnosticKind::Semantic,
        "BACKUP and RESTORE run in the background, one job per database at a time (one external-catalog job per cluster).",
    ),
    RuleInfo::info(
        "SR702",
        "data-after-snapshot",
        DiagnosticKind::Semantic,
        "A snapshot holds the data as of when the job snapshots it; data loaded later is not in it.",
    ),
    RuleInfo::info(
        "SR703",
        "restore-overwrites",
        DiagnosticKind::Semantic,
        "RESTORE replaces tables that already exist in the target database, and cannot be undone once the job commits.",
    ),
    RuleInfo::info(
        "SR704",
        "restore-overwrites-existing-table",
        DiagnosticKind::Catalog,
        "RESTORE of an object that exists in the target database (per the catalog): it is replaced, irreversibly once the job commits.",
    ),
    RuleInfo::info(
        "SR705",
        "not-in-snapshot",
        DiagnosticKind::Semantic,
        "A whole-database BACKUP does not include colocation groups, users, roles, privileges or resource groups.",
    ),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match cx.stmt() {
        Statement::Backup(b) => backup(cx, b, out),
        Statement::Restore(r) => restore(cx, r, out),
        _ => {}
    }
}

fn backup(cx: &Context<'_>, b: &BackupStmt, out: &mut Vec<Diagnostic>) {
    if b.snapshot.parts.len() > 2 {
        return;
    }
    if b.catalogs.is_some() {
        one_job(cx, Slot::Catalogs, b.snapshot.last().span, "BACKUP", out);
        return;
    }
    // The database and where it is written.
    let written = b.database.as_ref().or_else(|| (b.snapshot.parts.len() == 2).then(|| &b.snapshot.parts[0]));
    let (db, db_span) = match (written, cx.catalog()) {
        (Some(id), _) => (Some(id.value.as_str()), id.span),
        (None, Some(cat)) => match backup_db(b, cat) {
            Some(BackupDb::Current(name)) => (Some(name), b.snapshot.span),
            _ => (None, b.snapshot.span),
        },
        (None, None) => (None, b.snapshot.span),
    };
    if let Some(cat) = cx.catalog() {
        // The statement fails on its database (SR401, SR402): no notes about it.
        if db.is_none_or(|db| cat.database(db).is_none()) {
            return;
        }
    }
    let slot = db.map(Slot::Database).unwrap_or(Slot::SomeDatabase);
    one_job(cx, slot, db_span, "BACKUP", out);
    out.push(
        cx.diag(
            "SR702",
            "the snapshot holds the data as of when the job snapshots each table: rows loaded after that are not in it",
            b.snapshot.last().span,
        )
        .with_help("pause or finish loads first if the backup must include them; SHOW BACKUP shows SnapshotFinishedTime"),
    );
    if b.on.is_none() {
        let what = match db {
            Some(db) => format!("the whole database `{db}`"),
            None => "the whole database".to_string(),
        };
        out.push(
            cx.diag(
                "SR705",
                format!("this backs up {what}, but not its colocation groups, users, roles, privileges or resource groups"),
                b.snapshot.span,
            )
            .with_help("recreate those on the cluster you restore to; restored tables do not keep their colocation group"),
        );
    }
}

fn restore(cx: &Context<'_>, r: &RestoreStmt, out: &mut Vec<Diagnostic>) {
    if r.snapshot.parts.len() > 2 {
        return;
    }
    let snapshot = cx.catalog().and_then(|cat| find_snapshot(cat, r)).filter(|s| contents_known(s));
    let catalog_job = r.catalogs.is_some() || snapshot.is_some_and(|s| s.database.is_none());
    let prefix = (r.snapshot.parts.len() == 2).then(|| &r.snapshot.parts[0]);
    let target: Option<(&str, Span)> = match (&r.database, prefix) {
        (Some(dc), _) => {
            let id = dc.alias.as_ref().unwrap_or(&dc.name);
            Some((id.value.as_str(), id.span))
        }
        (None, Some(p)) => Some((p.value.as_str(), p.span)),
        (None, None) => snapshot.and_then(|s| s.database.as_deref()).map(|d| (d, r.snapshot.span)),
    };
    if catalog_job {
        one_job(cx, Slot::Catalogs, r.snapshot.last().span, "RESTORE", out);
        return;
    }
    match target {
        Some((db, span)) => one_job(cx, Slot::Database(db), span, "RESTORE", out),
        None => one_job(cx, Slot::SomeDatabase, r.snapshot.span, "RESTORE", out),
    }

    let general_span = r.on.as_ref().map(|o| o.span).unwrap_or(r.snapshot.span);
    let Some(cat) = cx.catalog() else {
        out.push(general_overwrite(cx, general_span));
        return;
    };
    let Some((db_name, _)) = target else {
        out.push(general_overwrite(cx, general_span));
        return;
    };
    let Some(db) = cat.database(db_name) else { return }; // RESTORE creates it (SR517).

    // What the job restores, under the names it restores them as.
    let mut listed: Vec<String> = Vec::new();
    let mut groups: Vec<(Vec<String>, Span)> = Vec::new();
    match &r.on {
        Some(on) => {
            for item in &on.items {
                match item {
                    ObjectItem::Named(n) if n.kind != Some(ObjectKind::Function) => {
                        listed.push(n.name.last().value.clone());
                        let restored = n.alias.as_ref().unwrap_or(n.name.last());
                        if db.table(&restored.value).is_some() {
                            let renamed = n.alias.is_some();
                            out.push(overwrite(
                                cx,
                                &db.name,
                                std::slice::from_ref(&restored.value),
                                n.span,
                                renamed,
                            ));
                        }
                    }
                    ObjectItem::All { kind, span } if *kind != ObjectKind::Function => {
                        let Some(snap) = snapshot else {
                            out.push(general_overwrite(cx, *span));
                            continue;
                        };
                        let names = snap
                            .tables
                            .iter()
                            .filter(|t| t.kind_matches(*kind) && !listed.contains(&t.name))
                            .map(|t| t.name.clone())
                            .collect();
                        groups.push((names, *span));
                    }
                    _ => {}
                }
            }
        }
        None => match snapshot {
            Some(snap) => {
                groups.push((snap.tables.iter().map(|t| t.name.clone()).collect(), r.snapshot.span))
            }
            None => {
                if !db.tables.is_empty() {
                    out.push(general_overwrite(cx, r.snapshot.span));
                }
            }
        },
    }
    for (names, span) in groups {
        let existing: Vec<String> = names.into_iter().filter(|n| db.table(n).is_some()).collect();
        if !existing.is_empty() {
            out.push(overwrite(cx, &db.name, &existing, span, false));
        }
    }
}

/// Which job slot a statement takes.
#[derive(Clone, Copy)]
enum Slot<'a> {
    /// The cluster's single external-catalog slot.
    Catalogs,
    /// A database's slot.
    Database(&'a str),
    /// A database's slot, the database not known.
    SomeDatabase,
}

/// SR701, unless SR504 already reports a running job in that slot.
fn one_job(cx: &Context<'_>, slot: Slot<'_>, span: Span, verb: &str, out: &mut Vec<Diagnostic>) {
    if let Some(cat) = cx.catalog() {
        let busy = match slot {
            Slot::Catalogs => running_job(cat, None).is_some(),
            Slot::Database(db) => running_job(cat, Some(db)).is_some(),
            Slot::SomeDatabase => false,
        };
        if busy {
            return;
        }
    }
    let (message, help) = match slot {
        Slot::Catalogs => (
            format!("{verb} runs in the background, and only one external-catalog BACKUP or RESTORE can run in the cluster at a time"),
            format!("follow its progress with SHOW {verb}; the next external-catalog job fails until this one finishes"),
        ),
        Slot::Database(db) => (
            format!("{verb} runs in the background, and only one BACKUP or RESTORE can run on database `{db}` at a time"),
            format!("follow its progress with SHOW {verb} FROM {db}; another BACKUP or RESTORE on `{db}` fails until this one finishes"),
        ),
        Slot::SomeDatabase => (
            format!("{verb} runs in the background, and only one BACKUP or RESTORE can run per database at a time"),
            format!("follow its progress with SHOW {verb}; another job on the same database fails until this one finishes"),
        ),
    };
    out.push(cx.diag("SR701", message, span).with_help(help));
}

fn general_overwrite(cx: &Context<'_>, span: Span) -> Diagnostic {
    cx.diag(
        "SR703",
        "restoring a table that already exists in the target database replaces it, and once the job reaches COMMIT this cannot be undone",
        span,
    )
    .with_help("to keep the existing table, restore under another name (`ON (t AS t_restored)`, 3.4+) or back it up first")
}

fn overwrite(cx: &Context<'_>, db: &str, names: &[String], span: Span, renamed: bool) -> Diagnostic {
    let (subject, verb) = match names {
        [one] => (format!("`{one}`"), "exists"),
        many => (known_list(many.iter()), "exist"),
    };
    let message = format!(
        "{subject} already {verb} in database `{db}`: RESTORE replaces {}, and once the job reaches COMMIT this cannot be undone",
        if names.len() == 1 { "it" } else { "them" }
    );
    let help = if renamed {
        "the alias names an existing table; choose a name that is free to keep that table".to_string()
    } else {
        "to keep the existing data, restore under another name with `AS` (3.4+), or back it up first"
            .to_string()
    };
    cx.diag("SR704", message, span).with_help(help)
}

/// The snapshot a RESTORE reads, when the catalog decides it: by name and backup_timestamp,
/// or by name alone when only one backup has that name.
fn find_snapshot<'a>(cat: &'a Catalog, r: &RestoreStmt) -> Option<&'a Snapshot> {
    let repo = cat.repository(&r.repository.value)?;
    let label = &r.snapshot.last().value;
    let named: Vec<&Snapshot> = repo.snapshots.iter().filter(|s| s.name == *label).collect();
    match r.properties.as_ref().and_then(|p| p.get("backup_timestamp")) {
        Some(ts) => named.into_iter().find(|s| s.timestamp == ts.value.value),
        None => (named.len() == 1).then(|| named[0]),
    }
}

trait KindMatches {
    fn kind_matches(&self, kind: ObjectKind) -> bool;
}

impl KindMatches for crate::check::catalog::SnapshotTable {
    fn kind_matches(&self, kind: ObjectKind) -> bool {
        use crate::check::catalog::TableKind;
        matches!(
            (self.kind, kind),
            (TableKind::Table, ObjectKind::Table)
                | (TableKind::View, ObjectKind::View)
                | (TableKind::MaterializedView, ObjectKind::MaterializedView)
        )
    }
}
