//! CREATE REPOSITORY checks (spec §4.8): the location and the broker name must not be empty.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::Context;
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR350",
        "empty-location",
        DiagnosticKind::Semantic,
        "CREATE REPOSITORY with an empty location.",
    )
    .starrocks("You must specify a location on the repository"),
    RuleInfo::error(
        "SR351",
        "empty-broker-name",
        DiagnosticKind::Semantic,
        "CREATE REPOSITORY … WITH BROKER `` (a broker name that is empty).",
    )
    .starrocks("You must specify the broker of the repository"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Statement::CreateRepository(c) = cx.stmt() else { return };
    if c.location.value.trim().is_empty() {
        out.push(
            cx.diag("SR350", "the repository location is empty", c.location.span)
                .with_help("give the storage location, e.g. 's3://bucket/path' or 'hdfs://host:port/path'")
                .with_starrocks("You must specify a location on the repository"),
        );
    }
    if let Some(b) = c.broker.as_ref().filter(|b| b.value().is_empty()) {
        out.push(
            cx.diag("SR351", "the broker name is empty", b.span())
                .with_help("name a broker from SHOW BROKER, or write just `WITH BROKER` to access the storage directly")
                .with_starrocks("You must specify the broker of the repository"),
        );
    }
}
