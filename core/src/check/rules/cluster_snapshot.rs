//! The cluster-snapshot statements of shared-data clusters: StarRocks's
//! `ClusterSnapshotAnalyzer` (interval, snapshot names, `snapshot_scope`), the shared-data
//! check every one of them starts with, the releases that brought them, and what to know
//! before running them.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::{ClusterMode, Context, Feature};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix, Severity};

/// `ClusterSnapshotMgr.AUTOMATED_NAME_PREFIX`.
const AUTOMATED_PREFIX: &str = "automated_cluster_snapshot_";

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR360",
        "interval-not-an-integer",
        DiagnosticKind::Semantic,
        "An automated cluster snapshot's INTERVAL whose value is not a plain integer (a string, a decimal, an expression).",
    )
    .starrocks("Interval value must be an integer literal"),
    RuleInfo::error(
        "SR361",
        "interval-not-positive",
        DiagnosticKind::Semantic,
        "An automated cluster snapshot's INTERVAL of 0 or less.",
    )
    .starrocks("Interval value must be greater than 0"),
    RuleInfo::error(
        "SR362",
        "interval-unit-unsupported",
        DiagnosticKind::Semantic,
        "An automated cluster snapshot's INTERVAL in YEAR, QUARTER, MONTH, MILLISECOND or MICROSECOND: only SECOND, MINUTE, HOUR, DAY and WEEK are accepted.",
    )
    .starrocks("Unsupported interval unit: <UNIT>, only SECOND, MINUTE, HOUR, DAY, WEEK are supported"),
    RuleInfo::error(
        "SR363",
        "automated-snapshot-name",
        DiagnosticKind::Semantic,
        "CREATE CLUSTER SNAPSHOT named `automated_cluster_snapshot_` (any case), the prefix of automated snapshots.",
    )
    .starrocks("Manual cluster snapshot name can not be same as automated snapshot name"),
    RuleInfo::error(
        "SR364",
        "empty-cluster-snapshot-name",
        DiagnosticKind::Semantic,
        "RESTORE TABLE … FROM SNAPSHOT with an empty snapshot or table name (``).",
    )
    .starrocks("Snapshot name cannot be empty / Table name is null"),
    RuleInfo::error(
        "SR365",
        "invalid-snapshot-scope",
        DiagnosticKind::Semantic,
        "`snapshot_scope` other than `local` or `external` in ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON.",
    )
    .starrocks("Invalid snapshot_scope property value: <value>. Must be 'local' or 'external'"),
    RuleInfo::warning(
        "SR366",
        "restore-table-without-database",
        DiagnosticKind::Semantic,
        "RESTORE TABLE … FROM SNAPSHOT naming a table without its database: StarRocks uses the session's database, and fails without one.",
    )
    .starrocks("No database selected"),
    RuleInfo::error(
        "SR609",
        "cluster-snapshot-on-shared-nothing",
        DiagnosticKind::Compat,
        "A cluster-snapshot statement on a shared-nothing cluster: StarRocks runs them only in shared-data mode.",
    )
    .starrocks("Automated snapshot only support share data mode (and one message per statement)"),
    RuleInfo::error(
        "SR610",
        "cluster-snapshot-before-its-release",
        DiagnosticKind::Compat,
        "Automated cluster snapshots before 3.4, INTERVAL and ADMIN ALTER before 4.0, ADMIN SHOW before 4.0.",
    )
    .versions("<4.0"),
    RuleInfo::warning(
        "SR611",
        "cluster-snapshot-patch-release",
        DiagnosticKind::Compat,
        "A cluster-snapshot feature that arrived in a patch release of the target line (3.4.2, 4.0.5, 4.0.6): older patches of that line reject it.",
    )
    .versions("<4.1"),
    RuleInfo::info(
        "SR706",
        "cluster-snapshot-release-unknown",
        DiagnosticKind::Semantic,
        "CREATE/DROP CLUSTER SNAPSHOT and RESTORE TABLE … FROM SNAPSHOT: no release note says which version brought them, and they run in StarRocks's enterprise classes.",
    ),
    RuleInfo::info(
        "SR707",
        "automated-snapshot-defaults",
        DiagnosticKind::Semantic,
        "What ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON does when INTERVAL or STORAGE VOLUME is left out, and that OFF deletes the automated snapshots.",
    ),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let stmt = cx.stmt();
    if !stmt.is_cluster_snapshot() {
        return;
    }
    shared_data(cx, stmt, out);
    versions(cx, stmt, out);
    match stmt {
        Statement::SetAutomatedSnapshotOn(s) => {
            if let Some(i) = &s.interval {
                interval(cx, i, out);
            }
            if let Some(p) = &s.properties {
                snapshot_scope(cx, p, out);
            }
            defaults(cx, s, out);
        }
        Statement::SetAutomatedSnapshotOff => out.push(
            cx.diag(
                "SR707",
                "turning the automated cluster snapshot OFF deletes the automated snapshots already taken",
                cx.span(),
            )
            .with_help("StarRocks's docs: \"Once Automated Cluster Snapshot is disabled, the system will automatically purge the historical snapshot.\" A cluster can only be restored from a snapshot that still exists"),
        ),
        Statement::AlterAutomatedSnapshot(a) => interval(cx, &a.interval, out),
        Statement::CreateClusterSnapshot(c) if c.name.value.eq_ignore_ascii_case(AUTOMATED_PREFIX) => out.push(
            cx.diag("SR363", format!("`{}` is the prefix of automated snapshot names and cannot name a manual snapshot", c.name.value), c.name.span)
                .with_help("choose another name; automated snapshots are named automated_cluster_snapshot_<time in ms>")
                .with_starrocks("Manual cluster snapshot name can not be same as automated snapshot name"),
        ),
        Statement::RestoreTable(r) => restore_table(cx, r, out),
        _ => {}
    }
}

/// Every statement starts with `RunMode.isSharedDataMode()`.
fn shared_data(cx: &Context<'_>, stmt: &Statement, out: &mut Vec<Diagnostic>) {
    if cx.options.cluster == ClusterMode::SharedData {
        return;
    }
    let starrocks = match stmt {
        Statement::CreateClusterSnapshot(_) => Some("Create cluster snapshot only support shared data mode"),
        Statement::DropClusterSnapshot(_) => Some("Drop cluster snapshot only support shared data mode"),
        Statement::RestoreTable(_) => Some("Table snapshot recovery only supports shared data mode"),
        Statement::ShowAutomatedSnapshot => None,
        _ => Some("Automated snapshot only support share data mode"),
    };
    let mut d = cx
        .diag("SR609", "cluster snapshots exist only on shared-data clusters, and the target cluster is shared-nothing", cx.span())
        .with_help("a shared-nothing cluster backs up with BACKUP … TO <repository> and RESTORE; if the cluster is shared-data, set the cluster mode to shared-data (CLI: --shared-data)");
    match starrocks {
        Some(message) => d = d.with_starrocks(message),
        None => {
            d.severity = Severity::Warning;
            d.message = "on a shared-nothing cluster ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT can only show that no automated snapshot is on".into();
        }
    }
    out.push(d);
}

fn versions(cx: &Context<'_>, stmt: &Statement, out: &mut Vec<Diagnostic>) {
    let (feature, what, span) = match stmt {
        Statement::ShowAutomatedSnapshot => {
            (Feature::ShowAutomatedSnapshot, "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT", cx.span())
        }
        Statement::SetAutomatedSnapshotOn(s) => {
            if !cx.options.has(Feature::AutomatedClusterSnapshot) {
                (Feature::AutomatedClusterSnapshot, "the automated cluster snapshot", cx.span())
            } else if let Some(i) = &s.interval {
                (Feature::SnapshotInterval, "INTERVAL on the automated cluster snapshot", i.span)
            } else {
                (Feature::AutomatedClusterSnapshot, "the automated cluster snapshot", cx.span())
            }
        }
        Statement::SetAutomatedSnapshotOff => {
            (Feature::AutomatedClusterSnapshot, "the automated cluster snapshot", cx.span())
        }
        Statement::AlterAutomatedSnapshot(_) => {
            (Feature::SnapshotInterval, "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT", cx.span())
        }
        _ => {
            let what = crate::privileges::statement_kind(stmt);
            out.push(
                cx.diag("SR706", format!("{what} is in StarRocks's newest grammar, but no release note says which version brought it"), cx.span())
                    .with_help("StarRocks runs it with classes of its enterprise edition; check that your build has it before relying on it"),
            );
            return;
        }
    };
    let target = cx.options.target;
    if !cx.options.has(feature) {
        out.push(
            cx.diag("SR610", format!("{what} needs StarRocks {}; the target is {target}", feature.first_release()), span)
                .with_help(match feature {
                    Feature::AutomatedClusterSnapshot => "older shared-data clusters have no cluster snapshots",
                    Feature::ShowAutomatedSnapshot => "on older versions, SELECT * FROM information_schema.cluster_snapshots lists the snapshots",
                    _ => "on older versions the interval is the FE setting automated_cluster_snapshot_interval_seconds: ADMIN SET FRONTEND CONFIG (\"automated_cluster_snapshot_interval_seconds\" = \"<seconds>\")",
                }),
        );
    } else if target == feature.since() && feature.patch() > 0 {
        out.push(cx.diag(
            "SR611",
            format!(
                "{what} needs StarRocks {}: earlier {target} releases reject it",
                feature.first_release()
            ),
            span,
        ));
    }
}

/// `IntervalLiteral.toSeconds()`: an integer literal above 0 in SECOND … WEEK.
fn interval(cx: &Context<'_>, i: &Interval, out: &mut Vec<Diagnostic>) {
    let value = &i.value;
    // `-1` is one integer literal for StarRocks (the sign is folded into it).
    let integer = match &value.kind {
        ExprKind::Literal(Literal::Number { text }) if text.bytes().all(|b| b.is_ascii_digit()) => {
            Some(text.clone())
        }
        ExprKind::Unary { op: UnaryOp::Neg, expr } => match &expr.kind {
            ExprKind::Literal(Literal::Number { text }) if text.bytes().all(|b| b.is_ascii_digit()) => {
                Some(format!("-{text}"))
            }
            _ => None,
        },
        _ => None,
    };
    // Beyond BIGINT the parser makes a LARGEINT or DECIMAL literal, not an integer one.
    let Some(n) = integer.as_deref().and_then(|t| t.parse::<i64>().ok()) else {
        let mut d = cx
            .diag(
                "SR360",
                format!("the interval must be a plain integer, not `{}`", crate::format::expr(value)),
                value.span,
            )
            .with_help("write the number without quotes, parentheses or arithmetic: INTERVAL 30 MINUTE")
            .with_starrocks("Interval value must be an integer literal");
        if let Some(n) = plain_integer(value) {
            d = d.with_fix(Fix::single(format!("write {n}"), value.span, n));
        }
        out.push(d);
        return;
    };
    if n <= 0 {
        out.push(
            cx.diag("SR361", format!("the interval must be greater than 0, not {n}"), value.span)
                .with_help("an automated snapshot is taken every <n> <unit>, with n ≥ 1")
                .with_starrocks("Interval value must be greater than 0"),
        );
        return;
    }
    if i.unit.snapshot_seconds().is_some() {
        return;
    }
    let unit = i.unit.keyword();
    let mut d = cx
        .diag(
            "SR362",
            format!(
                "automated cluster snapshots take SECOND, MINUTE, HOUR, DAY or WEEK intervals, not {unit}"
            ),
            i.unit_span,
        )
        .with_starrocks(format!(
            "Unsupported interval unit: {unit}, only SECOND, MINUTE, HOUR, DAY, WEEK are supported"
        ));
    let per_second: Option<i64> = match i.unit {
        IntervalUnit::Millisecond => Some(1_000),
        IntervalUnit::Microsecond => Some(1_000_000),
        _ => None,
    };
    match per_second {
        Some(p) if n % p == 0 => {
            let fix = Fix::single(format!("write INTERVAL {} SECOND", n / p), i.span, format!("INTERVAL {} SECOND", n / p));
            d = d.with_help(format!("{n} {unit} is {} SECOND", n / p)).with_fix(fix);
        }
        Some(_) => d = d.with_help("the shortest interval is 1 SECOND"),
        None => d = d.with_help("months, quarters and years have no fixed length: write days or weeks, e.g. INTERVAL 30 DAY or INTERVAL 4 WEEK"),
    }
    out.push(d);
}

/// The integer a user clearly meant: `'10'`, `(10)`, `+10`.
fn plain_integer(e: &Expr) -> Option<String> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<i64>().is_ok();
    match &e.kind {
        ExprKind::Literal(Literal::String(s)) if digits(s.value.trim()) => Some(s.value.trim().to_string()),
        ExprKind::Paren(inner) => plain_integer(inner),
        ExprKind::Unary { op: UnaryOp::Plus, expr } => plain_integer(expr),
        ExprKind::Literal(Literal::Number { text }) if digits(text) => Some(text.clone()),
        _ => None,
    }
}

fn snapshot_scope(cx: &Context<'_>, p: &Properties, out: &mut Vec<Diagnostic>) {
    let Some(scope) = p.get("snapshot_scope") else { return };
    let v = scope.value.value.as_str();
    if v.eq_ignore_ascii_case("local") || v.eq_ignore_ascii_case("external") {
        return;
    }
    let mut d = cx
        .diag("SR365", format!("snapshot_scope is `local` or `external`, not `{v}`"), scope.value.span)
        .with_help("StarRocks accepts only these two values (in any case); what each does is not documented")
        .with_starrocks(format!("Invalid snapshot_scope property value: {v}. Must be 'local' or 'external'"));
    let near = ["local", "external"].into_iter().find(|w| w.eq_ignore_ascii_case(v.trim()));
    if let Some(w) = near {
        d = d.with_fix(Fix::single(
            format!("write \"{w}\""),
            scope.value.span,
            crate::lexer::quote_string(w),
        ));
    }
    out.push(d);
}

fn defaults(cx: &Context<'_>, s: &AutomatedSnapshotOnStmt, out: &mut Vec<Diagnostic>) {
    if s.storage_volume.is_none() {
        out.push(
            cx.diag("SR707", "without STORAGE VOLUME the snapshots go to `builtin_storage_volume`", cx.span())
                .with_help("StarRocks's docs say \"the default storage volume\", but the code names builtin_storage_volume, whatever the cluster's default is; name the volume to be sure"),
        );
    }
    if s.interval.is_none() && cx.options.has(Feature::SnapshotInterval) {
        out.push(
            cx.diag("SR707", "without INTERVAL a snapshot is taken every automated_cluster_snapshot_interval_seconds (600 seconds by default)", cx.span())
                .with_help("add INTERVAL <n> <unit> (SECOND, MINUTE, HOUR, DAY or WEEK) to choose, or change it later with ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …"),
        );
    }
}

fn restore_table(cx: &Context<'_>, r: &RestoreTableStmt, out: &mut Vec<Diagnostic>) {
    if r.snapshot.parts.iter().all(|p| p.value.is_empty()) {
        out.push(
            cx.diag("SR364", "the snapshot name is empty", r.snapshot.span)
                .with_starrocks("Snapshot name cannot be empty"),
        );
    }
    for (table, role) in [(&r.source, "table to restore"), (&r.target, "new table")] {
        if table.last().value.is_empty() {
            out.push(
                cx.diag("SR364", format!("the {role} has an empty name"), table.span)
                    .with_starrocks("Table name is null"),
            );
        } else if table.parts.len() == 1 {
            out.push(
                cx.diag(
                    "SR366",
                    format!(
                        "the {role} `{}` names no database: StarRocks uses the session's database",
                        table.last().value
                    ),
                    table.span,
                )
                .with_help("write <db>.<table>; without a session database the statement fails")
                .with_starrocks("No database selected"),
            );
        }
    }
}
