//! Duplicate objects and duplicate aliases in ON lists (spec §4.1 B.5, §4.2).

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::{Context, Feature};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix};
use std::collections::HashMap;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR310",
        "duplicate-object",
        DiagnosticKind::Semantic,
        "The same table, view or materialized view listed twice (compared case-sensitively from 3.4, case-insensitively before).",
    )
    .starrocks("Duplicated table: <tbl>"),
    RuleInfo::error(
        "SR311",
        "duplicate-alias",
        DiagnosticKind::Semantic,
        "A RESTORE alias equal to another listed object's name or alias (or to its own name).",
    )
    .starrocks("Duplicated alias name: <alias>"),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (on, restore) = match cx.stmt() {
        Statement::Backup(b) => (b.on.as_ref(), false),
        Statement::Restore(r) => (r.on.as_ref(), true),
        _ => return,
    };
    let Some(on) = on else { return };
    let case_sensitive = cx.options.has(Feature::CaseSensitiveDuplicates);
    let key = |s: &str| if case_sensitive { s.to_string() } else { crate::lexer::fold_case(s) };
    // Tables, views and materialized views, with their index in the ON list.
    let indexed: Vec<(usize, &NamedObject)> = on
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            ObjectItem::Named(n) if n.kind != Some(ObjectKind::Function) => Some((i, n)),
            _ => None,
        })
        .collect();
    let objects: Vec<&NamedObject> = indexed.iter().map(|(_, n)| *n).collect();

    // Each key with the position (in `indexed`) of the first object that has it.
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (k, &(i, n)) in indexed.iter().enumerate() {
        let name = &n.name.last().value;
        match first_seen.get(&key(name)) {
            Some(&first) => {
                let first = indexed[first].1;
                let how = if first.name.last().value == *name {
                    String::new()
                } else {
                    format!(
                        " (`{}` differs only in case, and StarRocks before 3.4 ignores case here)",
                        first.name.last().value
                    )
                };
                let remove = item_removal(on, i);
                let mut d = cx
                    .diag("SR310", format!("`{name}` is listed twice{how}"), n.span)
                    .with_help("list every object once")
                    .with_starrocks(format!("Duplicated table: {name}"));
                if let Some(span) = remove {
                    d = d.with_fix(Fix::single("remove the second entry", span, ""));
                }
                out.push(d);
            }
            None => {
                first_seen.insert(key(name), k);
            }
        }
    }

    if restore {
        // The set starts with every listed name; each alias must be new to it.
        let mut names: std::collections::HashSet<String> =
            objects.iter().map(|n| n.name.last().value.clone()).collect();
        for n in &objects {
            let Some(alias) = &n.alias else { continue };
            if !names.insert(alias.value.clone()) {
                let message = if alias.value == n.name.last().value {
                    format!("`{}` is restored under its own name; drop `AS {}`", alias.value, alias.value)
                } else {
                    format!(
                        "the alias `{}` is already the name or alias of another listed object",
                        alias.value
                    )
                };
                out.push(
                    cx.diag("SR311", message, alias.span)
                        .with_help("each restored object needs a name of its own")
                        .with_starrocks(format!("Duplicated alias name: {}", alias.value)),
                );
            }
        }
    }
}

/// The span that removes the `i`-th item of the list, with the comma before it.
fn item_removal(on: &ObjectList, i: usize) -> Option<crate::span::Span> {
    let prev = on.items.get(i.checked_sub(1)?)?;
    Some(crate::span::Span::new(prev.span().end, on.items[i].span().end))
}
