//! What the target version or cluster mode cannot run (kind `compat`). Where a 3.4+
//! statement has a pre-3.4 equivalent, the fix rewrites it.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::{ClusterMode, Context, Feature, Version};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix};
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR601",
        "new-syntax-before-3-4",
        DiagnosticKind::Compat,
        "`DATABASE db` or typed ON items (`TABLE t`) on a target before 3.4; the fix writes the pre-3.4 form.",
    )
    .versions("<3.4"),
    RuleInfo::error(
        "SR602",
        "feature-needs-3-4",
        DiagnosticKind::Compat,
        "Views, functions, `ALL …` items and external catalogs on a target before 3.4 (no older equivalent).",
    )
    .versions("<3.4"),
    RuleInfo::error(
        "SR603",
        "drop-snapshot-before-4-2",
        DiagnosticKind::Compat,
        "DROP SNAPSHOT on a target before 4.2.",
    )
    .versions("<4.2"),
    RuleInfo::warning(
        "SR605",
        "show-predicates-before-4-1",
        DiagnosticKind::Compat,
        "WHERE/ORDER BY/LIMIT on SHOW statements, which StarRocks accepts since 4.1.0.",
    )
    .versions("<4.1"),
    RuleInfo::error(
        "SR606",
        "shared-data-cluster",
        DiagnosticKind::Compat,
        "BACKUP or RESTORE on a shared-data cluster, where StarRocks's docs say they are not supported.",
    ),
    RuleInfo::error(
        "SR608",
        "repository-before-3-4",
        DiagnosticKind::Compat,
        "CREATE REPOSITORY without PROPERTIES, or with a quoted broker name, on a target before 3.4.",
    )
    .versions("<3.4"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let o = cx.options;
    let v = o.target;
    match cx.stmt() {
        Statement::Backup(_) | Statement::Restore(_) if o.cluster == ClusterMode::SharedData => {
            let what = if matches!(cx.stmt(), Statement::Backup(_)) { "BACKUP" } else { "RESTORE" };
            // What shared-data clusters have instead: automated cluster snapshots (v3.4.2+, the
            // docs; the 3.4.1 release notes list it a release earlier).
            let instead = if v >= Version::new(3, 4) {
                " A shared-data cluster is protected by cluster snapshots instead: `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [STORAGE VOLUME <volume>];` (v3.4.2+) takes them on a schedule, and a new cluster restores from one at startup."
            } else {
                " Shared-data clusters get cluster snapshots (`ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON`) from v3.4.2."
            };
            let mut d = cx
                .diag("SR606", format!("{what} is not supported on shared-data clusters"), first_word(cx))
                .with_help(format!("StarRocks's documentation (3.4–4.0) says BACKUP and RESTORE are not supported in shared-data mode.{instead}"));
            if v > Version::new(4, 0) {
                d.message = format!("{what} may not be supported on shared-data clusters");
                d.severity = crate::diagnostic::Severity::Warning;
                d.help = Some(format!("the documentation up to 4.0 says BACKUP and RESTORE are not supported in shared-data mode; check the documentation of your version.{instead}"));
            }
            out.push(d);
        }
        _ => {}
    }
    match cx.stmt() {
        Statement::Backup(b) if !o.has(Feature::NewSyntax) => backup(cx, b, out),
        Statement::Restore(r) if !o.has(Feature::NewSyntax) => restore(cx, r, out),
        Statement::CancelBackup(c) | Statement::CancelRestore(c) if !o.has(Feature::ExternalCatalogs) => {
            if let Some(CancelTarget::ExternalCatalog { span }) = &c.target {
                out.push(needs_34(cx, "CANCEL … FOR EXTERNAL CATALOG", *span));
            }
        }
        Statement::DropSnapshot(_) if !o.has(Feature::DropSnapshot) => out.push(
            cx.diag("SR603", format!("DROP SNAPSHOT needs StarRocks 4.2; the target is {v}"), cx.span())
                .with_help("on older versions snapshots stay in the repository until you delete their files from the storage"),
        ),
        Statement::ShowBackup(s) if !o.has(Feature::ShowPredicates) => {
            show_predicates(cx, &s.predicates, true, "SHOW BACKUP", out)
        }
        Statement::ShowRestore(s) if !o.has(Feature::ShowPredicates) => {
            show_predicates(cx, &s.predicates, false, "SHOW RESTORE", out)
        }
        Statement::ShowSnapshot(s) if !o.has(Feature::ShowPredicates) => {
            show_predicates(cx, &s.predicates, false, "SHOW SNAPSHOT", out)
        }
        Statement::ShowRepositories(s) if !o.has(Feature::ShowPredicates) => {
            show_predicates(cx, &s.predicates, true, "SHOW REPOSITORIES", out)
        }
        Statement::CreateRepository(c) if !o.has(Feature::RepositoryOptionalProperties) => {
            if c.properties.is_none() {
                out.push(
                    cx.diag("SR608", format!("before StarRocks 3.4, CREATE REPOSITORY requires PROPERTIES; the target is {v}"), c.location.span)
                        .with_help("add the storage credentials as PROPERTIES (…) after the location"),
                );
            }
            if let Some(NameOrString::String(s)) = &c.broker {
                out.push(
                    cx.diag("SR608", "before StarRocks 3.4 the broker name must be a plain name, not a string", s.span)
                        .with_fix(Fix::single("write it as a name", s.span, crate::lexer::quote_identifier(&s.value).unwrap_or_else(|| s.value.clone()))),
                );
            }
        }
        _ => {}
    }
}

/// The statement's first keyword (BACKUP or RESTORE).
fn first_word(cx: &Context<'_>) -> Span {
    let s = cx.span();
    let len = if matches!(cx.stmt(), Statement::Backup(_)) { "BACKUP".len() } else { "RESTORE".len() };
    Span::new(s.start, (s.start + len).min(s.end))
}

fn needs_34(cx: &Context<'_>, what: &str, span: Span) -> Diagnostic {
    cx.diag("SR602", format!("{what} needs StarRocks 3.4; the target is {}", cx.options.target), span)
        .with_help("StarRocks before 3.4 backs up and restores tables (and, from 3.2.3, materialized views) of one database; it has no equivalent for this")
}

/// Items that have no pre-3.4 equivalent.
fn item_problems(cx: &Context<'_>, on: &ObjectList, out: &mut Vec<Diagnostic>) -> bool {
    let mut blocked = false;
    for item in &on.items {
        let what = match item {
            ObjectItem::All { kind, .. } => Some(format!("`ALL {}`", kind.plural_keyword())),
            ObjectItem::Named(n) => match n.kind {
                Some(ObjectKind::View) => Some("backing up views".into()),
                Some(ObjectKind::Function) => Some("backing up functions".into()),
                _ => None,
            },
        };
        if let Some(what) = what {
            blocked = true;
            out.push(needs_34(cx, &what, item.span()));
        }
    }
    blocked
}

fn backup(cx: &Context<'_>, b: &BackupStmt, out: &mut Vec<Diagnostic>) {
    let mut blocked = false;
    if let Some(c) = &b.catalogs {
        blocked = true;
        out.push(needs_34(cx, "backing up external catalogs", c.span()));
    }
    if let Some(on) = &b.on {
        blocked |= item_problems(cx, on, out);
    }
    let typed =
        b.on.as_ref()
            .is_some_and(|on| on.items.iter().any(|i| matches!(i, ObjectItem::Named(n) if n.kind.is_some())));
    if b.database.is_none() && !typed {
        return;
    }
    let span =
        b.database.as_ref().map(|d| d.span).unwrap_or_else(|| b.on.as_ref().map_or(cx.span(), |o| o.span));
    let mut d = cx
        .diag(
            "SR601",
            format!(
                "`DATABASE …` and typed ON items need StarRocks 3.4; the target is {}",
                cx.options.target
            ),
            span,
        )
        .with_help("before 3.4, write BACKUP SNAPSHOT <db>.<snapshot> TO <repository> ON (<table>, …)");
    if !blocked && (b.database.is_none() || b.snapshot.parts.len() == 1) {
        let mut old = b.clone();
        if let Some(db) = old.database.take() {
            old.snapshot.parts.insert(0, db);
        }
        untype(old.on.as_mut());
        d = d.with_fix(Fix::single(
            "rewrite in the pre-3.4 syntax",
            cx.span(),
            formatted(Statement::Backup(old)),
        ));
    }
    out.push(d);
}

fn restore(cx: &Context<'_>, r: &RestoreStmt, out: &mut Vec<Diagnostic>) {
    let mut blocked = false;
    if let Some(c) = &r.catalogs {
        blocked = true;
        out.push(needs_34(cx, "restoring external catalogs", c.span()));
    }
    if let Some(on) = &r.on {
        blocked |= item_problems(cx, on, out);
    }
    let typed =
        r.on.as_ref()
            .is_some_and(|on| on.items.iter().any(|i| matches!(i, ObjectItem::Named(n) if n.kind.is_some())));
    if r.database.is_none() && !typed {
        return;
    }
    let span =
        r.database.as_ref().map(|d| d.span).unwrap_or_else(|| r.on.as_ref().map_or(cx.span(), |o| o.span));
    let mut d = cx
        .diag("SR601", format!("`DATABASE …` and typed ON items need StarRocks 3.4; the target is {}", cx.options.target), span)
        .with_help("before 3.4, write RESTORE SNAPSHOT <target db>.<snapshot> FROM <repository> ON (<table> [AS <new name>], …)");
    if !blocked && (r.database.is_none() || r.snapshot.parts.len() == 1) {
        let mut old = r.clone();
        if let Some(db) = old.database.take() {
            old.snapshot.parts.insert(0, db.alias.unwrap_or(db.name));
        }
        untype(old.on.as_mut());
        d = d.with_fix(Fix::single(
            "rewrite in the pre-3.4 syntax",
            cx.span(),
            formatted(Statement::Restore(old)),
        ));
    }
    out.push(d);
}

/// Typed TABLE and MATERIALIZED VIEW items become bare names.
fn untype(on: Option<&mut ObjectList>) {
    for item in on.into_iter().flat_map(|o| o.items.iter_mut()) {
        if let ObjectItem::Named(n) = item {
            n.kind = None;
        }
    }
}

fn formatted(stmt: Statement) -> String {
    crate::format::format_statement(&StatementNode {
        stmt,
        span: Span::default(),
        leading_comments: vec![],
        inner_comments: vec![],
    })
}

fn show_predicates(
    cx: &Context<'_>,
    p: &ShowPredicates,
    where_too: bool,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let mut clauses = Vec::new();
    if where_too {
        if let Some(w) = &p.where_clause {
            clauses.push(("WHERE", w.span));
        }
    }
    if let Some(first) = p.order_by.first() {
        clauses.push(("ORDER BY", first.span));
    }
    if let Some(l) = &p.limit {
        clauses.push(("LIMIT", l.span));
    }
    for (clause, span) in clauses {
        out.push(
            cx.diag("SR605", format!("{what} … {clause} is rejected before StarRocks 4.1; the target is {}", cx.options.target), span)
                .with_help("StarRocks 4.1.0 added WHERE, ORDER BY and LIMIT to the SHOW statements (its release notes; PR #68834); on older versions leave the clause out and filter the output"),
        );
    }
}
