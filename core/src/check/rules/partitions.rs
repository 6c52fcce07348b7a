//! Temporary partitions can be neither backed up nor restored (spec §5.2, §5.3). StarRocks
//! says so only when the job is submitted; the statement already shows it.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR510",
        "backup-temporary-partitions",
        DiagnosticKind::Submission,
        "BACKUP of `TEMPORARY PARTITION(S)`.",
    )
    .starrocks("Do not support backing up temp partitions"),
    RuleInfo::error(
        "SR511",
        "restore-temporary-partitions",
        DiagnosticKind::Submission,
        "RESTORE of `TEMPORARY PARTITION(S)`.",
    )
    .starrocks("Do not support restoring temporary partitions"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (on, code, verb, sr) = match cx.stmt() {
        Statement::Backup(b) => (&b.on, "SR510", "backed up", "Do not support backing up temp partitions"),
        Statement::Restore(r) => {
            (&r.on, "SR511", "restored", "Do not support restoring temporary partitions")
        }
        _ => return,
    };
    let Some(on) = on else { return };
    for item in &on.items {
        if let ObjectItem::Named(NamedObject {
            partitions: Some(PartitionSpec::Names { temporary: true, span, .. }),
            ..
        }) = item
        {
            out.push(
                cx.diag(code, format!("temporary partitions cannot be {verb}"), *span)
                    .with_help("replace the temporary partitions first (ALTER TABLE … REPLACE PARTITION … WITH TEMPORARY PARTITION …), or leave them out")
                    .with_starrocks(sr),
            );
        }
    }
}
