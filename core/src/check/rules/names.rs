//! Name rules (spec §6): database names, snapshot labels, repository names, function names,
//! and database qualifiers that BACKUP ignores.

use super::{is_valid_common_name, is_valid_db_name};
use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix};
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR301",
        "incorrect-database-name",
        DiagnosticKind::Semantic,
        "A database name in BACKUP or CANCEL that StarRocks's name rule rejects (a letter first, or `_` then a letter or digit; then letters, digits, `_`; at most 256).",
    )
    .starrocks("Incorrect database name '<db>'"),
    RuleInfo::error("SR302", "empty-snapshot-name", DiagnosticKind::Semantic, "An empty snapshot name (``).")
        .starrocks("Incorrect label name ''"),
    RuleInfo::error(
        "SR303",
        "empty-repository-name",
        DiagnosticKind::Semantic,
        "An empty repository name (``).",
    )
    .starrocks("Repository is empty"),
    RuleInfo::error(
        "SR304",
        "incorrect-repository-name",
        DiagnosticKind::Semantic,
        "CREATE/DROP REPOSITORY with a name StarRocks rejects (a letter first, or `_` then a letter or digit; then letters, digits, `_`; at most 64).",
    )
    .starrocks("Incorrect repository name '<name>'"),
    RuleInfo::error(
        "SR305",
        "invalid-function-name",
        DiagnosticKind::Semantic,
        "A FUNCTION item whose name has more than two parts, characters other than letters, digits and `_`, or a leading digit.",
    )
    .versions("3.4+")
    .starrocks("Function names must be all alphanumeric or underscore. Invalid name: <name>"),
    RuleInfo::warning(
        "SR306",
        "item-database-ignored",
        DiagnosticKind::Semantic,
        "A BACKUP ON item qualified with another database: StarRocks ignores the qualifier and looks the object up in the backup's database.",
    ),
];

/// The database a BACKUP names, and where.
fn backup_database(b: &BackupStmt) -> Option<&Ident> {
    b.database.as_ref().or_else(|| (b.snapshot.parts.len() == 2).then(|| &b.snapshot.parts[0]))
}

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match cx.stmt() {
        Statement::Backup(b) => {
            if b.catalogs.is_none() {
                if let Some(db) = backup_database(b) {
                    database_name(cx, db, out);
                }
            }
            if b.snapshot.last().value.is_empty() {
                out.push(
                    cx.diag("SR302", "the snapshot name is empty", b.snapshot.last().span)
                        .with_help("name the snapshot; the name must be unique in the repository")
                        .with_starrocks("Incorrect label name ''"),
                );
            }
            if b.repository.value.is_empty() {
                out.push(
                    cx.diag("SR303", "the repository name is empty", b.repository.span)
                        .with_help("name an existing repository (SHOW REPOSITORIES lists them)")
                        .with_starrocks("Repository is empty"),
                );
            }
            if let Some(on) = &b.on {
                let db = backup_database(b).map(|i| i.value.as_str());
                for item in &on.items {
                    let ObjectItem::Named(n) = item else { continue };
                    if n.kind == Some(ObjectKind::Function) {
                        function_name(cx, &n.name, out);
                    } else if n.name.parts.len() >= 2 {
                        qualifier_ignored(cx, n, db, out);
                    }
                }
            }
        }
        Statement::Restore(r) => {
            if r.repository.value.is_empty() {
                out.push(
                    cx.diag("SR303", "the repository name is empty", r.repository.span)
                        .with_help("name the repository the snapshot is in"),
                );
            }
            if r.snapshot.last().value.is_empty() {
                out.push(cx.diag("SR302", "the snapshot name is empty", r.snapshot.last().span));
            }
        }
        Statement::CancelBackup(c) | Statement::CancelRestore(c) => {
            if let Some(CancelTarget::Database(f)) = &c.target {
                database_name(cx, &f.db, out);
            }
        }
        Statement::ShowSnapshot(s) if s.repository.value.is_empty() => {
            out.push(cx.diag("SR303", "the repository name is empty", s.repository.span));
        }
        Statement::DropSnapshot(d) => {
            if d.snapshot.value.is_empty() {
                out.push(
                    cx.diag("SR302", "the snapshot name is empty", d.snapshot.span)
                        .with_help("name the snapshot to drop (SHOW SNAPSHOT ON <repository> lists them)"),
                );
            }
            if d.repository.value.is_empty() {
                out.push(cx.diag("SR303", "the repository name is empty", d.repository.span));
            }
        }
        Statement::CreateRepository(c) => repository_name(cx, &c.name, out),
        Statement::DropRepository(d) => repository_name(cx, &d.name, out),
        _ => {}
    }
}

fn database_name(cx: &Context<'_>, db: &Ident, out: &mut Vec<Diagnostic>) {
    if is_valid_db_name(&db.value) {
        return;
    }
    let why = name_problem(&db.value, 256);
    out.push(
        cx.diag("SR301", format!("`{}` is not a valid database name: {why}", db.value), db.span)
            .with_help("database names start with a letter (or `_` and a letter or digit) and hold only ASCII letters, digits and `_`, at most 256 characters")
            .with_starrocks(format!("Incorrect database name '{}'", db.value)),
    );
}

fn repository_name(cx: &Context<'_>, name: &Ident, out: &mut Vec<Diagnostic>) {
    if name.value.is_empty() {
        out.push(
            cx.diag("SR304", "the repository name is empty", name.span)
                .with_starrocks("Repository does not empty"),
        );
    } else if !is_valid_common_name(&name.value) {
        let why = name_problem(&name.value, 64);
        out.push(
            cx.diag("SR304", format!("`{}` is not a valid repository name: {why}", name.value), name.span)
                .with_help("repository names start with a letter (or `_` and a letter or digit) and hold only ASCII letters, digits and `_`, at most 64 characters")
                .with_starrocks(format!("Incorrect repository name '{}'", name.value)),
        );
    }
}

/// Says what breaks StarRocks's name rule.
fn name_problem(s: &str, max: usize) -> String {
    if s.is_empty() {
        return "it is empty".into();
    }
    if s.chars().count() > max {
        return format!("it is longer than {max} characters");
    }
    let first = s.chars().next().expect("not empty");
    if first.is_ascii_digit() {
        return "it starts with a digit".into();
    }
    if first == '_' && !s.chars().nth(1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return "`_` must be followed by a letter or digit".into();
    }
    match s.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '_')) {
        Some(c) => format!("it contains `{c}`"),
        None => "it breaks StarRocks's name rule".into(),
    }
}

fn function_name(cx: &Context<'_>, name: &QualifiedName, out: &mut Vec<Diagnostic>) {
    if name.parts.len() > 2 {
        out.push(
            cx.diag(
                "SR305",
                format!(
                    "the function name `{}` has {} parts; write `fn` or `db.fn`",
                    name.dotted(),
                    name.parts.len()
                ),
                name.span,
            )
            .with_help("functions are named with at most two parts"),
        );
        return;
    }
    let f = name.last();
    if let Some(c) = f.value.chars().find(|c| !(c.is_alphanumeric() || *c == '_')) {
        out.push(
            cx.diag("SR305", format!("the function name `{}` contains `{c}`", f.value), f.span)
                .with_help("function names hold only letters, digits and `_`")
                .with_starrocks(format!(
                    "Function names must be all alphanumeric or underscore. Invalid name: {}",
                    f.value
                )),
        );
    } else if f.value.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        out.push(
            cx.diag("SR305", format!("the function name `{}` starts with a digit", f.value), f.span)
                .with_starrocks(format!("Function cannot start with a digit: {}", f.value)),
        );
    }
}

fn qualifier_ignored(cx: &Context<'_>, n: &NamedObject, db: Option<&str>, out: &mut Vec<Diagnostic>) {
    let parts = &n.name.parts;
    let qualifier: Vec<&str> = parts[..parts.len() - 1].iter().map(|p| p.value.as_str()).collect();
    if parts.len() == 2 && db == Some(qualifier[0]) {
        return;
    }
    let prefix_span = Span::new(parts[0].span.start, parts[parts.len() - 1].span.start);
    let target = match db {
        Some(db) => format!("database `{db}`"),
        None => "the backup's database".to_string(),
    };
    out.push(
        cx.diag(
            "SR306",
            format!(
                "StarRocks ignores the qualifier `{}.`: it backs up `{}` from {target}",
                qualifier.join("."),
                n.name.last().value
            ),
            prefix_span,
        )
        .with_help("a BACKUP covers one database; back up other databases in their own statements")
        .with_fix(Fix::single("remove the qualifier", prefix_span, "")),
    );
}

#[cfg(test)]
mod tests {
    use super::super::{is_valid_common_name, is_valid_db_name};

    #[test]
    fn name_regexes() {
        for ok in ["db1", "a", "_1", "_a_b", "A_9"] {
            assert!(is_valid_db_name(ok), "{ok}");
        }
        for bad in ["", "1db", "_", "__a", "a-b", "a b", "ä"] {
            assert!(!is_valid_db_name(bad), "{bad}");
        }
        assert!(is_valid_common_name(&"a".repeat(64)));
        assert!(!is_valid_common_name(&"a".repeat(65)));
        assert!(is_valid_db_name(&"a".repeat(256)));
    }
}
