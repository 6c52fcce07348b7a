//! [`explain_privileges`]: the entry point, the statements that need only REPOSITORY, and the
//! helpers BACKUP and RESTORE share. StarRocks's rules are in spec §7.1 (AuthorizerStmtVisitor).

use super::model::*;
use super::{backup, cluster, restore};
use crate::ast::{CancelTarget, ObjectKind, Script, Statement, StatementNode};
use crate::check::catalog::{Catalog, JobKind};
use crate::check::{Feature, Options, Version};
use crate::span::Span;

/// Explains which privileges `stmt` needs on the target version of `options`, using its
/// catalog when given. Spans come from the statement's parts; use [`explain_node`] to have the
/// whole statement's span for implicit objects.
pub fn explain_privileges(stmt: &Statement, options: &Options) -> PrivilegePlan {
    explain_with_span(stmt, statement_span(stmt), options)
}

/// [`explain_privileges`] for a parsed statement, with its span.
pub fn explain_node(node: &StatementNode, options: &Options) -> PrivilegePlan {
    explain_with_span(&node.stmt, node.span, options)
}

/// One plan per statement of `script`, in order (statements outside the family and statements
/// that do not parse get a plan with a note and no requirement).
pub fn explain_script(script: &Script, options: &Options) -> Vec<PrivilegePlan> {
    script.statements.iter().map(|n| explain_node(n, options)).collect()
}

/// The statement's kind as a heading.
pub fn statement_kind(stmt: &Statement) -> &'static str {
    match stmt {
        Statement::Backup(_) => "BACKUP",
        Statement::Restore(_) => "RESTORE",
        Statement::ShowBackup(_) => "SHOW BACKUP",
        Statement::ShowRestore(_) => "SHOW RESTORE",
        Statement::CancelBackup(_) => "CANCEL BACKUP",
        Statement::CancelRestore(_) => "CANCEL RESTORE",
        Statement::ShowSnapshot(_) => "SHOW SNAPSHOT",
        Statement::DropSnapshot(_) => "DROP SNAPSHOT",
        Statement::CreateRepository(_) => "CREATE REPOSITORY",
        Statement::DropRepository(_) => "DROP REPOSITORY",
        Statement::ShowRepositories(_) => "SHOW REPOSITORIES",
        Statement::ShowAutomatedSnapshot => "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT",
        Statement::SetAutomatedSnapshotOn(_) => "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON",
        Statement::SetAutomatedSnapshotOff => "ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF",
        Statement::AlterAutomatedSnapshot(_) => "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT",
        Statement::CreateClusterSnapshot(_) => "CREATE CLUSTER SNAPSHOT",
        Statement::DropClusterSnapshot(_) => "DROP CLUSTER SNAPSHOT",
        Statement::RestoreTable(_) => "RESTORE TABLE … FROM SNAPSHOT",
        Statement::Other(_) => "other statement",
        Statement::Invalid(_) => "invalid statement",
    }
}

/// The span covering the parts of a statement that carry spans.
fn statement_span(stmt: &Statement) -> Span {
    let mut spans: Vec<Span> = Vec::new();
    match stmt {
        Statement::Backup(b) => {
            spans.push(b.snapshot.span);
            spans.push(b.repository.span);
            spans.extend(b.catalogs.as_ref().map(|c| c.span()));
            spans.extend(b.database.as_ref().map(|d| d.span));
            spans.extend(b.on.as_ref().map(|o| o.span));
            spans.extend(b.properties.as_ref().map(|p| p.span));
        }
        Statement::Restore(r) => {
            spans.push(r.snapshot.span);
            spans.push(r.repository.span);
            spans.extend(r.catalogs.as_ref().map(|c| c.span()));
            spans.extend(r.database.as_ref().map(|d| d.span));
            spans.extend(r.on.as_ref().map(|o| o.span));
            spans.extend(r.properties.as_ref().map(|p| p.span));
        }
        Statement::ShowBackup(s) | Statement::ShowRestore(s) => {
            spans.extend(s.from.as_ref().map(|f| f.db.span));
        }
        Statement::CancelBackup(c) | Statement::CancelRestore(c) => match &c.target {
            Some(CancelTarget::Database(f)) => spans.push(f.db.span),
            Some(CancelTarget::ExternalCatalog { span }) => spans.push(*span),
            None => {}
        },
        Statement::ShowSnapshot(s) => spans.push(s.repository.span),
        Statement::DropSnapshot(d) => {
            spans.push(d.snapshot.span);
            spans.push(d.repository.span);
        }
        Statement::CreateRepository(c) => {
            spans.push(c.name.span);
            spans.push(c.location.span);
        }
        Statement::DropRepository(d) => spans.push(d.name.span),
        Statement::SetAutomatedSnapshotOn(s) => {
            spans.extend(s.interval.as_ref().map(|i| i.span));
            spans.extend(s.storage_volume.as_ref().map(|v| v.span));
            spans.extend(s.properties.as_ref().map(|p| p.span));
        }
        Statement::AlterAutomatedSnapshot(a) => spans.push(a.interval.span),
        Statement::CreateClusterSnapshot(c) => {
            spans.push(c.name.span);
            spans.extend(c.storage_volume.as_ref().map(|v| v.span));
        }
        Statement::DropClusterSnapshot(d) => spans.push(d.name.span),
        Statement::RestoreTable(r) => {
            spans.push(r.source.span);
            spans.push(r.target.span);
        }
        Statement::ShowRepositories(_)
        | Statement::ShowAutomatedSnapshot
        | Statement::SetAutomatedSnapshotOff
        | Statement::Other(_)
        | Statement::Invalid(_) => {}
    }
    let mut it = spans.into_iter().filter(|s| *s != Span::default());
    match it.next() {
        Some(first) => it.fold(first, Span::cover),
        None => Span::default(),
    }
}

/// What the explainers share: the options, the statement span and the plan being built.
pub(crate) struct Cx<'a> {
    pub options: &'a Options,
    pub span: Span,
    pub plan: PrivilegePlan,
    /// Where each (privilege, object) is in `plan.requirements` (every requirement goes
    /// through [`Cx::require`]): merging is a look-up, not a scan (a BACKUP of N tables used
    /// to cost O(N²) here: 100,000 tables took minutes).
    index: std::collections::HashMap<(Privilege, Target), usize>,
    /// The notes already in `plan.notes` (kind, span and text as one key).
    notes_seen: std::collections::HashMap<String, usize>,
}

impl<'a> Cx<'a> {
    pub fn catalog(&self) -> Option<&'a Catalog> {
        self.options.catalog.as_deref()
    }

    /// Adds a note once (a set beside the list: a plan can gather one note per object).
    pub fn note(&mut self, note: Note) {
        let span = note.span.map_or((usize::MAX, 0), |s| (s.start, s.end));
        let key = format!("{}\u{0}{}\u{0}{}\u{0}{}", note.kind as u8, span.0, span.1, note.text);
        if self.notes_seen.insert(key, 0).is_none() {
            self.plan.notes.push(note);
        }
    }

    /// Adds a requirement, or merges it into an equal one (same privilege and object):
    /// the parts of the statement that need it are added to the first.
    pub fn require(&mut self, req: Requirement) {
        let key = (req.privilege, req.object.clone());
        if let Some(old) = self.index.get(&key).map(|&i| &mut self.plan.requirements[i]) {
            for n in req.needed_by {
                if !old.needed_by.contains(&n) {
                    old.needed_by.push(n);
                }
            }
            if old.condition.is_some() && req.condition.is_none() {
                old.condition = None;
            }
            return;
        }
        self.index.insert(key, self.plan.requirements.len());
        self.plan.requirements.push(req);
    }

    /// REPOSITORY on SYSTEM, needed by `what` at `span`.
    pub fn repository(&mut self, what: String, span: Span, reason: &str, certainty: Certainty) {
        self.require(Requirement {
            privilege: Privilege::Repository,
            object_type: ObjectType::System,
            object: Target::System,
            needed_by: vec![NeededBy { what, span }],
            reason: reason.to_string(),
            source: Source::Statement,
            condition: None,
            certainty,
            denial: Some(denial("REPOSITORY", "SYSTEM")),
        });
    }
}

/// StarRocks's access-denied message up to "for this operation".
pub(crate) fn denial(privilege: &str, on: &str) -> Denial {
    Denial {
        message: format!(
            "Access denied; you need (at least one of) the {privilege} privilege(s) on {on} for this operation"
        ),
        mislabelled: false,
    }
}

/// `db.name` for messages (StarRocks prints names unquoted).
pub(crate) fn dotted(db: &Option<String>, name: &str) -> String {
    match db {
        Some(d) => format!("{d}.{name}"),
        None => name.to_string(),
    }
}

/// The EXPORT (BACKUP) or INSERT (RESTORE) requirement on one table, view or materialized
/// view (`object` is a [`Target::Table`]). Views and materialized views are checked with the
/// table check, which makes the requirement uncertain (spec §7.1).
pub(crate) fn table_requirement(
    privilege: Privilege,
    object: Target,
    needed_by: NeededBy,
    source: Source,
    reason: String,
) -> Requirement {
    let (message_name, kind) = match &object {
        Target::Table { database, name, kind, .. } => (dotted(database, name), *kind),
        other => (other.describe(), ObjectKind::Table),
    };
    let certainty = if kind == ObjectKind::Table { Certainty::Checked } else { Certainty::Uncertain };
    Requirement {
        privilege,
        object_type: ObjectType::Table,
        object,
        needed_by: vec![needed_by],
        reason,
        source,
        condition: None,
        certainty,
        denial: Some(denial(privilege.sql(), &format!("TABLE {message_name}"))),
    }
}

/// The note every plan with a view or materialized view requirement carries.
pub(crate) fn view_uncertainty_note(privilege: Privilege) -> Note {
    Note::new(
        NoteKind::Uncertain,
        format!(
            "StarRocks checks views and materialized views with its table check (`checkTableAction`, {p}), \
             but {p} is not a VIEW or MATERIALIZED VIEW privilege, so `GRANT {p} ON VIEW …` is rejected and \
             whether `GRANT {p} ON TABLE <view>` is accepted is not known. A wildcard table grant \
             (`{p} ON ALL TABLES IN DATABASE db`) probably covers them, if the wildcard entry matches view and \
             materialized-view ids; no StarRocks test exercises this. The grants printed use that wildcard form.",
            p = privilege.sql()
        ),
    )
}

/// Explains `stmt` with `span` as the statement's span.
fn explain_with_span(stmt: &Statement, span: Span, options: &Options) -> PrivilegePlan {
    let plan = PrivilegePlan {
        statement: statement_kind(stmt),
        span,
        location: None,
        target_version: options.target.to_string(),
        model: PrivilegeModel::Rbac,
        requirements: Vec::new(),
        notes: Vec::new(),
    };
    let mut cx = Cx { options, span, plan, index: Default::default(), notes_seen: Default::default() };
    match stmt {
        Statement::Other(_) => {
            cx.plan.model = PrivilegeModel::None;
            cx.note(Note::at(
                NoteKind::Info,
                "not a statement of the BACKUP family: its privileges are not explained here",
                span,
            ));
            return cx.plan;
        }
        Statement::Invalid(_) => {
            cx.plan.model = PrivilegeModel::None;
            cx.note(Note::at(
                NoteKind::Info,
                "the statement does not parse, so StarRocks rejects it before checking any privilege; fix it first",
                span,
            ));
            return cx.plan;
        }
        Statement::ShowRepositories(_) => {
            show_repositories(&mut cx);
            return cx.plan;
        }
        _ => {}
    }
    if cluster::explain(&mut cx, stmt) {
        return cx.plan;
    }
    match stmt {
        Statement::Backup(b) => backup::version_notes(&mut cx, b),
        Statement::Restore(r) => restore::version_notes(&mut cx, r),
        Statement::DropSnapshot(_) if !options.has(Feature::DropSnapshot) => cx.note(Note::at(
            NoteKind::Version,
            format!(
                "DROP SNAPSHOT arrived in StarRocks {}; on {} it is a syntax error whatever the privileges.",
                Feature::DropSnapshot.since(),
                options.target
            ),
            span,
        )),
        _ => {}
    }
    if !options.has(Feature::Rbac) {
        legacy(&mut cx, stmt);
        return cx.plan;
    }
    match stmt {
        Statement::Backup(b) => backup::explain(&mut cx, b),
        Statement::Restore(r) => restore::explain(&mut cx, r),
        Statement::ShowBackup(s) => show_backup(&mut cx, s),
        Statement::ShowRestore(s) => {
            let what = match &s.from {
                Some(f) => format!("SHOW RESTORE FROM `{}`", f.db.value),
                None => "SHOW RESTORE".to_string(),
            };
            cx.repository(
                what,
                span,
                "SHOW RESTORE is checked for the REPOSITORY privilege on SYSTEM.",
                Certainty::Checked,
            );
        }
        Statement::CancelBackup(c) => cancel(&mut cx, c.target.as_ref(), JobKind::Backup),
        Statement::CancelRestore(c) => cancel(&mut cx, c.target.as_ref(), JobKind::Restore),
        Statement::ShowSnapshot(s) => cx.repository(
            format!("repository `{}`", s.repository.value),
            s.repository.span,
            "SHOW SNAPSHOT reads a repository, which needs the REPOSITORY privilege on SYSTEM.",
            Certainty::Checked,
        ),
        Statement::DropSnapshot(d) => {
            cx.repository(
                format!("snapshot `{}` in repository `{}`", d.snapshot.value, d.repository.value),
                span,
                "DROP SNAPSHOT deletes from a repository, which needs the REPOSITORY privilege on SYSTEM.",
                Certainty::Documented,
            );
            cx.note(Note::new(
                NoteKind::Info,
                "DROP SNAPSHOT's REPOSITORY requirement comes from its documentation (v4.2.0); its authorizer \
                 code was not read.",
            ));
        }
        Statement::CreateRepository(c) => {
            cx.repository(
                format!("repository `{}`", c.name.value),
                c.name.span,
                "CREATE REPOSITORY is checked for the REPOSITORY privilege on SYSTEM.",
                Certainty::Checked,
            );
            cx.note(Note::new(
                NoteKind::Docs,
                "The CREATE REPOSITORY page says only users with the ADMIN privilege can create a repository; \
                 since 3.0 the code checks the REPOSITORY privilege on SYSTEM, which is enough.",
            ));
        }
        Statement::DropRepository(d) => cx.repository(
            format!("repository `{}`", d.name.value),
            d.name.span,
            "DROP REPOSITORY is checked for the REPOSITORY privilege on SYSTEM.",
            Certainty::Checked,
        ),
        _ => unreachable!("handled above"),
    }
    cx.plan
}

fn show_repositories(cx: &mut Cx<'_>) {
    cx.plan.model =
        if cx.options.has(Feature::Rbac) { PrivilegeModel::Rbac } else { PrivilegeModel::AdminPriv };
    cx.note(Note::at(
        NoteKind::NotFound,
        "No privilege rule for SHOW REPOSITORIES was found in StarRocks's code (neither an analyzer nor an \
         authorizer rule), so nothing is listed and no GRANT is printed. If it is denied, the message names the \
         privilege it wants.",
        cx.span,
    ));
}

/// Before 3.0: `admin_priv`, no RBAC.
fn legacy(cx: &mut Cx<'_>, stmt: &Statement) {
    cx.plan.model = PrivilegeModel::AdminPriv;
    let documented =
        matches!(stmt, Statement::Backup(_) | Statement::Restore(_) | Statement::CreateRepository(_));
    let kind = cx.plan.statement;
    cx.require(Requirement {
        privilege: Privilege::AdminPriv,
        object_type: ObjectType::System,
        object: Target::System,
        needed_by: vec![NeededBy { what: format!("the {kind} statement"), span: cx.span }],
        reason: format!(
            "Before 3.0 StarRocks has no role-based privileges, and {kind} needs the legacy admin_priv."
        ),
        source: Source::Statement,
        condition: None,
        certainty: if documented { Certainty::Documented } else { Certainty::Uncertain },
        denial: None,
    });
    cx.note(Note::new(
        NoteKind::Version,
        format!(
            "StarRocks {} predates the role-based privilege system of {}: no `GRANT … ON SYSTEM/TABLE/…` exists, \
             so no GRANT is printed. Give the user the legacy admin_priv (on 2.x, `GRANT ADMIN_PRIV ON *.* TO …`), \
             or target {} or later.",
            cx.options.target,
            Version::V3_0,
            Version::V3_0
        ),
    ));
    if !documented {
        cx.note(Note::new(
            NoteKind::Assumption,
            format!(
                "The 2.x documentation names admin_priv for BACKUP, RESTORE and CREATE REPOSITORY; the same is \
                 assumed for {kind}."
            ),
        ));
    }
    if matches!(stmt, Statement::Backup(_)) {
        cx.note(Note::new(
            NoteKind::Info,
            "The legacy privilege checker also checks LOAD on the database for BACKUP.",
        ));
    }
}

fn show_backup(cx: &mut Cx<'_>, s: &crate::ast::ShowJobsStmt) {
    let (what, object, in_what) = match &s.from {
        Some(f) => (
            format!("SHOW BACKUP FROM `{}`", f.db.value),
            Target::EveryTableIn { database: Some(f.db.value.clone()) },
            format!("database `{}`", f.db.value),
        ),
        None => ("SHOW BACKUP".to_string(), Target::EveryTableEverywhere, "every database".to_string()),
    };
    let span = cx.span;
    cx.repository(
        what.clone(),
        span,
        "SHOW BACKUP is checked for the REPOSITORY privilege on SYSTEM.",
        Certainty::Checked,
    );
    cx.require(Requirement {
        privilege: Privilege::Export,
        object_type: ObjectType::Table,
        object,
        needed_by: vec![NeededBy { what, span }],
        reason: "SHOW BACKUP lists only the jobs whose tables you can EXPORT; without EXPORT it succeeds and \
                 shows no rows."
            .to_string(),
        source: Source::All,
        condition: Some(format!(
            "only to see the jobs: the statement runs without it, but hides every BACKUP job on tables of {in_what} \
             you cannot EXPORT"
        )),
        certainty: Certainty::Checked,
        denial: None,
    });
}

fn cancel(cx: &mut Cx<'_>, target: Option<&CancelTarget>, kind: JobKind) {
    let word = if kind == JobKind::Backup { "BACKUP" } else { "RESTORE" };
    let span = cx.span;
    let Some(target) = target else {
        cx.repository(
            format!("CANCEL {word}"),
            span,
            &format!("CANCEL {word} is checked for the REPOSITORY privilege on SYSTEM."),
            Certainty::Checked,
        );
        cx.note(Note::at(
            NoteKind::Info,
            format!(
                "CANCEL {word} without `FROM db` or `FOR EXTERNAL CATALOG` is a syntax error (No selected database \
                 for cancel BACKUP/RESTORE); privileges are never checked."
            ),
            span,
        ));
        return;
    };
    let db = match target {
        CancelTarget::Database(f) => Some(f.db.clone()),
        CancelTarget::ExternalCatalog { .. } => None,
    };
    let what = match &db {
        Some(d) => format!("CANCEL {word} FROM `{}`", d.value),
        None => format!("CANCEL {word} FOR EXTERNAL CATALOG"),
    };
    cx.repository(
        what.clone(),
        span,
        &format!("CANCEL {word} is checked for the REPOSITORY privilege on SYSTEM."),
        Certainty::Checked,
    );
    if kind == JobKind::Restore {
        return;
    }
    let Some(db) = db else {
        cx.note(Note::new(
            NoteKind::Assumption,
            "CANCEL BACKUP also checks EXPORT on every table of the running BACKUP job; an external-catalog job \
             has no tables, so nothing more is assumed to be checked.",
        ));
        return;
    };
    let mut condition = Some(format!(
        "only while a BACKUP job runs on `{}`: StarRocks checks EXPORT on each table of that job",
        db.value
    ));
    if let Some(cat) = cx.catalog() {
        if cat.database(&db.value).is_none() {
            cx.note(Note::at(
                NoteKind::Info,
                format!(
                    "The catalog has no database `{}`: the privilege check answers Unknown database '{}'.",
                    db.value, db.value
                ),
                db.span,
            ));
        }
        match cat.running_jobs.iter().find(|j| j.kind == JobKind::Backup && j.database == db.value) {
            None => {
                cx.note(Note::at(
                    NoteKind::Info,
                    format!(
                        "The catalog shows no running BACKUP job on `{}`: only REPOSITORY is checked, and the \
                         statement fails with No backup job is currently running.",
                        db.value
                    ),
                    db.span,
                ));
                return;
            }
            Some(job) => {
                condition = Some(format!(
                    "for the tables of the running BACKUP job `{}`; the catalog does not list them, so every \
                     table of `{}` is named",
                    job.label, db.value
                ));
            }
        }
    } else {
        cx.note(Note::new(
            NoteKind::Assumption,
            format!(
                "Without a catalog it is not known whether a BACKUP job runs on `{}`, nor which tables it holds: \
                 EXPORT on every table of the database is listed.",
                db.value
            ),
        ));
    }
    cx.require(Requirement {
        privilege: Privilege::Export,
        object_type: ObjectType::Table,
        object: Target::EveryTableIn { database: Some(db.value.clone()) },
        needed_by: vec![NeededBy { what, span }],
        reason: "CANCEL BACKUP checks EXPORT on every table of the running BACKUP job, as if it were backing them \
                 up."
        .to_string(),
        source: Source::All,
        condition,
        certainty: Certainty::Checked,
        denial: Some(denial("EXPORT", "TABLE <table of the job>")),
    });
}
