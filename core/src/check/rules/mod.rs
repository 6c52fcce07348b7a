//! The rule files. Each declares its catalogue entries (`RULES`) and a `check` function over
//! one statement; [`run`] calls them in turn and [`all`] lists every entry.

use super::Context;
use crate::catalogue::RuleInfo;
use crate::diagnostic::Diagnostic;

/// Every rule of the checks (semantic, catalog, submission, compat, notes), by code.
pub static RULES: std::sync::LazyLock<Vec<&'static RuleInfo>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static RuleInfo> = FILES.iter().flat_map(|(rules, _)| rules.iter()).collect();
    all.sort_by_key(|r| r.code);
    all
});

type RuleFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Each rule file: its catalogue entries and its check.
static FILES: &[(&[RuleInfo], RuleFn)] = &[];

/// Runs every rule file on one statement.
pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, f) in FILES {
        f(cx, out);
    }
}
