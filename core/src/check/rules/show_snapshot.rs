//! The WHERE clause of SHOW SNAPSHOT (spec §4.7): StarRocks accepts only
//! `SNAPSHOT <op> '<name>' [AND TIMESTAMP <op> '<ts>']` and `SNAPSHOT IN ('a', …)`.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix};
use crate::lexer::quote_string_with;

const SHAPE: &str =
    "Where clause should looks like: SNAPSHOT = 'your_snapshot_name' [AND TIMESTAMP = '2018-04-18-19-19-10']";

pub(super) const RULES: &[RuleInfo] = &[RuleInfo::error(
    "SR340",
    "show-snapshot-where",
    DiagnosticKind::Semantic,
    "A SHOW SNAPSHOT WHERE clause other than `SNAPSHOT = '…' [AND TIMESTAMP = '…']` or `SNAPSHOT IN ('…', …)`.",
)
.starrocks(SHAPE)];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Statement::ShowSnapshot(s) = cx.stmt() else { return };
    let Some(w) = &s.predicates.where_clause else { return };
    if let Err(problem) = shape(w) {
        let mut d = cx
            .diag("SR340", problem.message, problem.span)
            .with_help("write WHERE SNAPSHOT = 'name' [AND TIMESTAMP = 'yyyy-MM-dd-HH-mm-ss'], or WHERE SNAPSHOT IN ('a', 'b')")
            .with_starrocks(problem.starrocks);
        if let Some(f) = problem.fix {
            d = d.with_fix(f);
        }
        out.push(d);
    }
}

struct Problem {
    message: String,
    span: crate::span::Span,
    starrocks: String,
    fix: Option<Fix>,
}

fn unparen(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(inner) => unparen(inner),
        _ => e,
    }
}

/// `snapshot` or `timestamp` (any case) as a one-part column reference.
fn column(e: &Expr) -> Option<String> {
    match &unparen(e).kind {
        ExprKind::Column(q) if q.parts.len() == 1 => Some(crate::lexer::fold_case(&q.parts[0].value)),
        _ => None,
    }
}

fn problem(message: impl Into<String>, span: crate::span::Span) -> Problem {
    Problem { message: message.into(), span, starrocks: SHAPE.into(), fix: None }
}

/// Checks one `column <op> 'value'` comparison; returns the column.
fn comparison(e: &Expr) -> Result<String, Problem> {
    let e = unparen(e);
    let ExprKind::Binary { op, left, right } = &e.kind else {
        return Err(problem("expected a comparison such as SNAPSHOT = 'name'", e.span));
    };
    if !op.is_comparison() {
        return Err(problem("expected a comparison such as SNAPSHOT = 'name'", e.span));
    }
    let Some(col) = column(left).filter(|c| c == "snapshot" || c == "timestamp") else {
        return Err(problem("the left side must be the column SNAPSHOT or TIMESTAMP", left.span));
    };
    match &unparen(right).kind {
        ExprKind::Literal(Literal::String(s)) if !s.value.is_empty() => Ok(col),
        ExprKind::Literal(Literal::String(_)) => Err(problem("the value must not be empty", right.span)),
        ExprKind::Column(q) if q.parts.len() == 1 => {
            let mut p = problem(
                format!("`{}` is read as a column, not as a name: quote it as a string", q.parts[0].value),
                right.span,
            );
            p.fix = Some(Fix::single("quote it", right.span, quote_string_with(&q.parts[0].value, '\'')));
            Err(p)
        }
        _ => Err(problem("the value must be a quoted string", right.span)),
    }
}

fn shape(w: &Expr) -> Result<(), Problem> {
    let w = unparen(w);
    match &w.kind {
        ExprKind::Binary { op: BinaryOp::And, left, right } => {
            let a = comparison(left)?;
            let b = comparison(right)?;
            if a == b || !(a == "snapshot" || b == "snapshot") {
                return Err(problem("combine one SNAPSHOT comparison with one TIMESTAMP comparison", w.span));
            }
            Ok(())
        }
        ExprKind::Binary { op, .. } if op.is_comparison() => {
            if comparison(w)? == "timestamp" {
                return Err(problem("a TIMESTAMP condition needs a SNAPSHOT condition too", w.span));
            }
            Ok(())
        }
        ExprKind::InList { expr, list, .. } => {
            if column(expr).as_deref() != Some("snapshot") {
                let mut p = problem("only SNAPSHOT can be tested with IN", expr.span);
                p.starrocks = "Left expr of should be snapshot".into();
                return Err(p);
            }
            for item in list {
                if !matches!(unparen(item).kind, ExprKind::Literal(Literal::String(_))) {
                    let mut p = problem("every value in the IN list must be a quoted string", item.span);
                    p.starrocks = "Child of in predicate should be string value".into();
                    return Err(p);
                }
            }
            Ok(())
        }
        _ => Err(problem(
            "StarRocks accepts only SNAPSHOT = '…' [AND TIMESTAMP = '…'] or SNAPSHOT IN (…) here",
            w.span,
        )),
    }
}
