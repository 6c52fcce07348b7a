//! The rule files. Each declares its catalogue entries (`RULES`) and a `check` function over
//! one statement; [`run`] calls them in turn and [`all`] lists every entry.

use super::Context;
use crate::catalogue::RuleInfo;
use crate::diagnostic::Diagnostic;

/// Every rule of the checks (semantic, catalog, submission, compat, notes), by code.
pub static RULES: std::sync::LazyLock<Vec<&'static RuleInfo>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static RuleInfo> = FILES.iter().flat_map(|(rules, _)| rules.iter()).collect();
    crate::order::sort_by_cmp(&mut all, |a, b| a.code.cmp(b.code));
    all
});

mod catalogs;
mod cluster_catalog;
mod cluster_snapshot;
mod compat;
mod duplicates;
mod names;
mod partitions;
mod properties;
pub(crate) use properties::{BACKUP_KEYS, RESTORE_KEYS};
mod repository;
mod show_snapshot;
// Catalog-dependent rules and notes.
mod catalog_rules;
mod notes;
mod submission;

type RuleFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Each rule file: its catalogue entries and its check.
static FILES: &[(&[RuleInfo], RuleFn)] = &[
    (names::RULES, names::check),
    (duplicates::RULES, duplicates::check),
    (properties::RULES, properties::check),
    (catalogs::RULES, catalogs::check),
    (show_snapshot::RULES, show_snapshot::check),
    (repository::RULES, repository::check),
    (partitions::RULES, partitions::check),
    (compat::RULES, compat::check),
    (cluster_snapshot::RULES, cluster_snapshot::check),
    (catalog_rules::RULES, catalog_rules::check),
    (cluster_catalog::RULES, cluster_catalog::check),
    (submission::RULES, submission::check),
    (notes::RULES, notes::check),
];

/// Java's `\w`: ASCII letters, digits and `_`.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `^[a-zA-Z]\w{0,max-1}$|^_[a-zA-Z0-9]\w{0,max-2}$`, StarRocks's name regexes.
pub(crate) fn matches_name_regex(s: &str, max: usize) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    if s.len() > max {
        return false;
    }
    if first.is_ascii_alphabetic() {
        chars.all(is_word)
    } else if first == '_' {
        chars.next().is_some_and(|c| c.is_ascii_alphanumeric()) && chars.all(is_word)
    } else {
        false
    }
}

/// The partition names of a clause that `known` does not hold, compared case-insensitively as
/// StarRocks does (against a table of the catalog, or of a snapshot).
pub(super) fn unknown_partitions<'a>(
    names: &'a [crate::ast::NameOrString],
    known: &'a [String],
) -> impl Iterator<Item = &'a crate::ast::NameOrString> + 'a {
    names.iter().filter(move |p| !known.iter().any(|q| q.eq_ignore_ascii_case(p.value())))
}

/// `FeNameFormat.DB_NAME_REGEX`: 1–256 characters.
pub(super) fn is_valid_db_name(s: &str) -> bool {
    matches_name_regex(s, 256)
}

/// `FeNameFormat.COMMON_NAME_REGEX`: 1–64 characters.
pub(super) fn is_valid_common_name(s: &str) -> bool {
    matches_name_regex(s, 64)
}

/// Runs every rule file on one statement.
pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, f) in FILES {
        f(cx, out);
    }
}
