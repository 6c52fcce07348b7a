//! BACKUP and RESTORE job properties (spec §4.3, §4.4). Keys are case-sensitive; a repeated
//! key keeps its last value, as StarRocks copies them into a map.

use crate::ast::*;
use crate::catalogue::RuleInfo;
use crate::check::{Context, Feature};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Edit, Fix};
use crate::lexer::quote_string;
use crate::span::Span;

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR320",
        "unknown-property",
        DiagnosticKind::Semantic,
        "A property key the job does not know (keys are case-sensitive).",
    )
    .starrocks("Unknown backup job properties: [<keys>]"),
    RuleInfo::error(
        "SR321",
        "invalid-backup-type",
        DiagnosticKind::Semantic,
        "`type` other than FULL or INCREMENTAL.",
    )
    .starrocks("Invalid backup job type: <value>"),
    RuleInfo::error(
        "SR322",
        "incremental-backup",
        DiagnosticKind::Semantic,
        "`type` = INCREMENTAL: accepted by the analyzer, but StarRocks does not support incremental backups.",
    ),
    RuleInfo::error(
        "SR323",
        "invalid-timeout",
        DiagnosticKind::Semantic,
        "`timeout` that is not a whole number of seconds.",
    )
    .starrocks("Invalid timeout format: <value>"),
    RuleInfo::error("SR324", "timeout-too-short", DiagnosticKind::Semantic, "`timeout` under 600 seconds.")
        .starrocks("timeout must be at least 10 min"),
    RuleInfo::error(
        "SR325",
        "invalid-ttl",
        DiagnosticKind::Semantic,
        "`ttl` that is not empty and not a positive duration such as '7 DAY'.",
    )
    .versions("4.2+")
    .starrocks("Invalid ttl: '<v>'. Expected a duration such as '7 DAY' or '12 HOUR', or an empty value to keep the snapshot forever"),
    RuleInfo::error(
        "SR326",
        "missing-backup-timestamp",
        DiagnosticKind::Semantic,
        "RESTORE without the required `backup_timestamp` property.",
    )
    .starrocks("Missing backup_timestamp property"),
    RuleInfo::error(
        "SR327",
        "invalid-allow-load",
        DiagnosticKind::Semantic,
        "`allow_load` other than true or false.",
    )
    .starrocks("Invalid allow load value: <value>"),
    RuleInfo::error(
        "SR328",
        "invalid-integer-property",
        DiagnosticKind::Semantic,
        "`replication_num`, `meta_version` or `starrocks_meta_version` that is not a 32-bit integer.",
    )
    .starrocks("Invalid meta version format: <value>"),
    RuleInfo::warning(
        "SR329",
        "repeated-property",
        DiagnosticKind::Semantic,
        "A property key written twice; StarRocks keeps the last value.",
    ),
    RuleInfo::error(
        "SR604",
        "ttl-before-4-2",
        DiagnosticKind::Compat,
        "The `ttl` property on a target before StarRocks 4.2.",
    )
    .versions("<4.2"),
];

/// The keys BACKUP's PROPERTIES accept (completion offers them too).
pub(crate) const BACKUP_KEYS: &[&str] = &["type", "timeout", "ttl"];
/// The keys RESTORE's PROPERTIES accept.
pub(crate) const RESTORE_KEYS: &[&str] = &[
    "backup_timestamp",
    "timeout",
    "allow_load",
    "replication_num",
    "meta_version",
    "starrocks_meta_version",
];

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    match cx.stmt() {
        Statement::Backup(b) => {
            if let Some(p) = &b.properties {
                repeated(cx, p, out);
                backup(cx, p, out);
            }
        }
        Statement::Restore(r) => {
            if let Some(p) = &r.properties {
                repeated(cx, p, out);
                restore_props(cx, p, out);
            }
            let has_ts = r.properties.as_ref().is_some_and(|p| p.get("backup_timestamp").is_some());
            if !has_ts {
                missing_timestamp(cx, r, out);
            }
        }
        _ => {}
    }
}

/// The entries StarRocks keeps: the last one of each key.
fn effective(p: &Properties) -> Vec<&Property> {
    p.entries
        .iter()
        .enumerate()
        .filter(|(i, e)| !p.entries[i + 1..].iter().any(|o| o.key.value == e.key.value))
        .map(|(_, e)| e)
        .collect()
}

fn repeated(cx: &Context<'_>, p: &Properties, out: &mut Vec<Diagnostic>) {
    for (i, e) in p.entries.iter().enumerate() {
        if let Some(later) = p.entries[i + 1..].iter().find(|o| o.key.value == e.key.value) {
            out.push(
                cx.diag(
                    "SR329",
                    format!(
                        "`{}` is set twice; StarRocks uses the later value {}",
                        e.key.value,
                        quote_string(&later.value.value)
                    ),
                    e.span,
                )
                .with_help("keep one entry per key"),
            );
        }
    }
}

fn backup(cx: &Context<'_>, p: &Properties, out: &mut Vec<Diagnostic>) {
    let ttl_supported = cx.options.has(Feature::Ttl);
    let mut unknown = Vec::new();
    for e in effective(p) {
        let v = &e.value.value;
        match e.key.value.as_str() {
            "type" => match crate::lexer::java_upper_str(v).as_str() {
                "FULL" => {}
                "INCREMENTAL" => out.push(
                    cx.diag("SR322", "incremental backups are not supported", e.value.span)
                        .with_help("StarRocks's analyzer accepts INCREMENTAL, but the job fails when it runs (\"Currently does not support incremental backup\"); only full backups exist")
                        .with_fix(Fix::single("use a full backup", e.value.span, quote_string("full")))
                        .with_starrocks("Currently does not support incremental backup"),
                ),
                _ => out.push(
                    cx.diag("SR321", format!("{} is not a backup type; use \"full\"", quote_string(v)), e.value.span)
                        .with_fix(Fix::single("use a full backup", e.value.span, quote_string("full")))
                        .with_starrocks(format!("Invalid backup job type: {v}")),
                ),
            },
            "timeout" => timeout(cx, e, out),
            "ttl" if !ttl_supported => out.push(
                cx.diag("SR604", format!("the `ttl` property needs StarRocks 4.2; the target is {}", cx.options.target), e.span)
                    .with_help("snapshots kept forever can be removed with DROP SNAPSHOT from 4.2; on older versions drop the property")
                    .with_fix(removal_of_key(p, &e.key.value))
                    .with_starrocks(format!("Unknown backup job properties: [{}]", e.key.value)),
            ),
            "ttl" => ttl(cx, e, out),
            _ => unknown.push(e),
        }
    }
    unknown_keys(cx, p, &unknown, BACKUP_KEYS, "backup", out);
}

fn restore_props(cx: &Context<'_>, p: &Properties, out: &mut Vec<Diagnostic>) {
    let mut unknown = Vec::new();
    for e in effective(p) {
        let v = &e.value.value;
        match e.key.value.as_str() {
            "backup_timestamp" => {}
            "timeout" => timeout(cx, e, out),
            "allow_load" => {
                if !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false") {
                    out.push(
                        cx.diag(
                            "SR327",
                            format!("`allow_load` must be \"true\" or \"false\", not {}", quote_string(v)),
                            e.value.span,
                        )
                        .with_starrocks(format!("Invalid allow load value: {v}")),
                    );
                }
            }
            "replication_num" | "meta_version" | "starrocks_meta_version" => {
                if java_parse_int(v).is_none() {
                    out.push(
                        cx.diag(
                            "SR328",
                            format!("`{}` must be a whole number, not {}", e.key.value, quote_string(v)),
                            e.value.span,
                        )
                        .with_starrocks(format!("Invalid meta version format: {v}")),
                    );
                }
            }
            _ => unknown.push(e),
        }
    }
    unknown_keys(cx, p, &unknown, RESTORE_KEYS, "restore", out);
}

fn unknown_keys(
    cx: &Context<'_>,
    p: &Properties,
    unknown: &[&Property],
    known: &[&str],
    job: &str,
    out: &mut Vec<Diagnostic>,
) {
    let listed: Vec<&str> = unknown.iter().map(|e| e.key.value.as_str()).collect();
    for e in unknown {
        let key = &e.key.value;
        let suggestion = known.iter().find(|k| k.eq_ignore_ascii_case(key) || close(key, k));
        let mut d = cx
            .diag("SR320", format!("{} is not a {job} property", quote_string(key)), e.key.span)
            .with_starrocks(format!("Unknown {job} job properties: [{}]", listed.join(", ")));
        d = match (doris_property(key), suggestion) {
            (Some(instead), _) => d
                .with_help(format!(
                    "{} is an Apache Doris {job} property; StarRocks has none like it: {instead}",
                    quote_string(key)
                ))
                .with_fix(removal_of_key(p, key)),
            (None, Some(k)) => d
                .with_help(format!("did you mean \"{k}\"? Property keys are case-sensitive"))
                .with_fix(Fix::single(format!("replace with \"{k}\""), e.key.span, quote_string(k))),
            (None, None) => d
                .with_help(format!(
                    "{job} properties are {}",
                    known.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
                ))
                .with_fix(removal_of_key(p, key)),
        };
        out.push(d);
    }
}

/// Apache Doris's BACKUP/RESTORE property keys that StarRocks does not have, with what to do
/// in StarRocks instead (users come from Doris's docs: issue research §1, pain point 9).
fn doris_property(key: &str) -> Option<&'static str> {
    Some(match key {
        "reserve_replica" => "the restored tables get \"replication_num\" replicas (the cluster's default when it is not set)",
        "reserve_dynamic_partition_enable" | "reserve_colocate" => {
            "check the restored tables' properties after the restore (SHOW CREATE TABLE) and set what differs with ALTER TABLE"
        }
        "clean_tables" | "clean_partitions" => {
            "a restore never drops what the snapshot lacks; drop those tables or partitions yourself, or list only what to restore in ON (…)"
        }
        "atomic_restore" => {
            "restore under new names with AS (3.4+) and swap them in afterwards with ALTER TABLE … SWAP WITH …"
        }
        "force_replace" => "an existing table is restored over only when its schema matches; drop or rename a table whose schema differs first",
        "storage_medium" | "medium_allocation_mode" => {
            "the restored tables take the cluster's default storage medium; change it afterwards if needed"
        }
        "backup_type" | "content" => "a BACKUP's only properties are \"type\", \"timeout\" and, from 4.2, \"ttl\"",
        _ => return None,
    })
}

/// Edit distance ≤ 2 for keys of 6+ characters, ≤ 1 otherwise.
fn close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.to_ascii_lowercase().chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= if b.len() >= 6 { 2 } else { 1 }
}

/// The span that removes one property with its separating comma.
/// A fix that removes every property with `key` (StarRocks keeps the last of a key given
/// twice, so removing only that one would bring an earlier one back), with its comma; the
/// whole PROPERTIES clause when no other property is left.
fn removal_of_key(p: &Properties, key: &str) -> Fix {
    let removed: Vec<bool> = p.entries.iter().map(|e| e.key.value == key).collect();
    let message = if removed.iter().filter(|r| **r).count() > 1 {
        "remove the properties"
    } else {
        "remove the property"
    };
    if removed.iter().all(|r| *r) {
        return Fix::single(message, p.span, "");
    }
    // kept_after[i]: some entry after i stays.
    let mut kept_after = vec![false; removed.len()];
    for i in (0..removed.len().saturating_sub(1)).rev() {
        kept_after[i] = kept_after[i + 1] || !removed[i + 1];
    }
    let mut edits = Vec::new();
    for (i, e) in p.entries.iter().enumerate().filter(|(i, _)| removed[*i]) {
        // Up to the next entry when a kept one follows; otherwise from the previous entry's
        // end (the edits of a run of removed entries meet but never overlap).
        let span = if kept_after[i] {
            Span::new(e.span.start, p.entries[i + 1].span.start)
        } else {
            Span::new(p.entries[i - 1].span.end, e.span.end)
        };
        edits.push(Edit { span, replacement: String::new() });
    }
    Fix { message: message.into(), edits }
}

/// Java's `Long.parseLong`: optional sign, ASCII digits, 64-bit range.
fn java_parse_long(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// Java's `Integer.parseInt`.
fn java_parse_int(s: &str) -> Option<i32> {
    java_parse_long(s).and_then(|v| i32::try_from(v).ok())
}

fn timeout(cx: &Context<'_>, e: &Property, out: &mut Vec<Diagnostic>) {
    let v = &e.value.value;
    match java_parse_long(v) {
        None => out.push(
            cx.diag(
                "SR323",
                format!("`timeout` must be a whole number of seconds, not {}", quote_string(v)),
                e.value.span,
            )
            .with_help("write the timeout in seconds, e.g. \"3600\"; the default is 86400 (one day)")
            .with_starrocks(format!("Invalid timeout format: {v}")),
        ),
        // StarRocks multiplies by 1000 in a Java long, which can wrap.
        Some(n) if n.wrapping_mul(1000) < 600_000 => out.push(
            cx.diag(
                "SR324",
                format!("`timeout` is {n} seconds; StarRocks needs at least 600 (10 minutes)"),
                e.value.span,
            )
            .with_help("the timeout is in seconds, not minutes or milliseconds")
            .with_fix(Fix::single("raise it to 600 seconds", e.value.span, quote_string("600")))
            .with_starrocks("timeout must be at least 10 min"),
        ),
        Some(_) => {}
    }
}

/// The units `SnapshotTtl` accepts.
const TTL_UNITS: &[&str] = &[
    "SECOND", "SECONDS", "MINUTE", "MINUTES", "HOUR", "HOURS", "DAY", "DAYS", "WEEK", "WEEKS", "MONTH",
    "MONTHS", "YEAR", "YEARS",
];

/// The duration a shorthand such as `7d`, `12h`, `30min` or `2weeks` means, written as StarRocks
/// reads it (`7 DAY`). `m` alone is left alone: minute or month?
fn ttl_shorthand(v: &str) -> Option<String> {
    let v = v.trim();
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    let (n, unit) = v.split_at(digits);
    let n: i64 = n.parse().ok().filter(|n| *n > 0)?;
    let unit = unit.trim().to_ascii_uppercase();
    let full = match unit.as_str() {
        "S" | "SEC" | "SECS" => "SECOND",
        "MIN" | "MINS" => "MINUTE",
        "H" | "HR" | "HRS" => "HOUR",
        "D" => "DAY",
        "W" | "WK" | "WKS" => "WEEK",
        "MO" | "MON" | "MONS" => "MONTH",
        "Y" | "YR" | "YRS" => "YEAR",
        u => TTL_UNITS.iter().find(|k| **k == u)?,
    };
    Some(format!("{n} {full}"))
}

fn ttl(cx: &Context<'_>, e: &Property, out: &mut Vec<Diagnostic>) {
    let v = &e.value.value;
    if v.trim().is_empty() {
        return;
    }
    let mut words = v.split_whitespace();
    let (n, unit) = (words.next(), words.next());
    let well_formed = words.next().is_none()
        && unit.is_some_and(|u| TTL_UNITS.iter().any(|k| k.eq_ignore_ascii_case(u)))
        && n.is_some_and(|n| java_parse_long(n).is_some());
    if !well_formed {
        let d = cx
            .diag("SR325", format!("{} is not a duration", quote_string(v)), e.value.span)
            .with_starrocks(format!("Invalid ttl: '{v}'. Expected a duration such as '7 DAY' or '12 HOUR', or an empty value to keep the snapshot forever"));
        out.push(match ttl_shorthand(v) {
            Some(full) => d
                .with_help(format!("StarRocks wants a number, a space and a unit word: \"{full}\""))
                .with_fix(Fix::single(format!("write \"{full}\""), e.value.span, quote_string(&full))),
            None => d.with_help("write a number and a unit, e.g. \"7 DAY\" or \"12 HOUR\"; an empty value keeps the snapshot forever"),
        });
    } else if java_parse_long(n.unwrap_or("0")).unwrap_or(0) <= 0 {
        out.push(
            cx.diag("SR325", format!("the ttl {} is not positive", quote_string(v)), e.value.span)
                .with_help("use a positive duration, or an empty value to keep the snapshot forever")
                .with_starrocks(format!("ttl must be a positive duration, but got: {v}")),
        );
    }
}

fn missing_timestamp(cx: &Context<'_>, r: &RestoreStmt, out: &mut Vec<Diagnostic>) {
    let snap = r.snapshot.last().value.clone();
    let repo = r.repository.value.clone();
    // With a catalog that knows the snapshot's single timestamp, the fix can use it.
    let known: Vec<&str> = cx
        .catalog()
        .and_then(|c| c.repository(&repo))
        .map(|rp| rp.snapshots.iter().filter(|s| s.name == snap).map(|s| s.timestamp.as_str()).collect())
        .unwrap_or_default();
    let value = match known.as_slice() {
        [one] => (*one).to_string(),
        _ => "<yyyy-MM-dd-HH-mm-ss>".to_string(),
    };
    let entry = format!("{} = {}", quote_string("backup_timestamp"), quote_string(&value));
    let fix = match &r.properties {
        Some(p) => {
            let at = p.entries.last().map(|e| e.span.end).unwrap_or(p.span.end);
            Fix {
                message: "add backup_timestamp".into(),
                edits: vec![Edit { span: Span::empty(at), replacement: format!(", {entry}") }],
            }
        }
        None => {
            let end =
                r.on.as_ref()
                    .map(|o| o.span.end)
                    .or(r.database.as_ref().map(|d| d.span.end))
                    .unwrap_or(cx.span().end);
            Fix::single("add backup_timestamp", Span::empty(end), format!(" PROPERTIES ({entry})"))
        }
    };
    let mut help = format!(
        "RESTORE must say which backup of the snapshot to restore; read its timestamp with SHOW SNAPSHOT ON {} WHERE SNAPSHOT = {}",
        crate::lexer::quote_identifier(&repo).unwrap_or(repo.clone()),
        crate::lexer::quote_string_with(&snap, '\'')
    );
    if known.len() > 1 {
        help.push_str(&format!(" (the catalog lists {} timestamps: {})", known.len(), known.join(", ")));
    }
    out.push(
        cx.diag("SR326", "RESTORE needs the \"backup_timestamp\" property", r.snapshot.span)
            .with_help(help)
            .with_fix(fix)
            .with_starrocks("Missing backup_timestamp property"),
    );
}
