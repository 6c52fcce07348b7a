//! External-catalog lists: `default_catalog` cannot be backed up or used as an alias.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR330",
        "default-catalog-backup",
        DiagnosticKind::Semantic,
        "`default_catalog` in an external-catalog BACKUP (any case).",
    )
    .versions("3.4+")
    .starrocks("Do not support Backup/Restore the entire default catalog"),
    RuleInfo::error(
        "SR331",
        "default-catalog-alias",
        DiagnosticKind::Submission,
        "A restored external catalog renamed to `default_catalog`.",
    )
    .versions("3.4+")
    .starrocks("Do not support set alias as default catalog for external catalog restore"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match cx.stmt() {
        Statement::Backup(BackupStmt { catalogs: Some(CatalogClause::List { items, .. }), .. }) => {
            for item in items.iter().filter(|i| i.name.value.eq_ignore_ascii_case("default_catalog")) {
                out.push(
                    cx.diag(
                        "SR330",
                        "the default catalog cannot be backed up as an external catalog",
                        item.name.span,
                    )
                    .with_help("back up its databases with `BACKUP DATABASE <db> SNAPSHOT …` instead")
                    .with_starrocks("Do not support Backup/Restore the entire default catalog"),
                );
            }
        }
        Statement::Restore(RestoreStmt { catalogs: Some(CatalogClause::List { items, .. }), .. }) => {
            for item in items {
                if let Some(alias) =
                    item.alias.as_ref().filter(|a| a.value.eq_ignore_ascii_case("default_catalog"))
                {
                    out.push(
                        cx.diag(
                            "SR331",
                            "an external catalog cannot be restored as `default_catalog`",
                            alias.span,
                        )
                        .with_help("choose another name for the restored catalog")
                        .with_starrocks(
                            "Do not support set alias as default catalog for external catalog restore",
                        ),
                    );
                }
            }
        }
        _ => {}
    }
}
