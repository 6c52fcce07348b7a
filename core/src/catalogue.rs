//! The rule catalogue: every diagnostic this crate can emit, with its stable code.
//!
//! Codes are stable: never reuse or renumber one. `SR0xx` lexical, `SR1xx` syntax, `SR2xx`
//! statement (StarRocks's AST builder), later series for the analyzer, catalog, submission
//! and compatibility checks. Each rule has fixtures under `core/tests/inputs/`, and a test
//! checks that every code emitted anywhere is listed here.

use crate::diagnostic::{DiagnosticKind, Severity};

// Without the crate's `rule-docs` feature (the web app) `summary` is empty and
// `starrocks_message` is `None` (see `DOCS`).
/// What the catalogue knows about one rule.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RuleInfo {
    /// Stable code, e.g. `SR204`.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `alias-in-backup`.
    pub name: &'static str,
    /// Which stage it mirrors.
    pub kind: DiagnosticKind,
    /// Default severity.
    pub severity: Severity,
    /// One sentence on what it catches.
    pub summary: &'static str,
    /// StarRocks's own message for it, when StarRocks reports it.
    pub starrocks_message: Option<&'static str>,
    /// StarRocks versions it applies to.
    pub versions: &'static str,
}

impl RuleInfo {
    /// An entry of severity error (StarRocks rejects the statement); add `.versions(…)` when
    /// it does not apply to all versions and `.starrocks(…)` when StarRocks has a message.
    pub const fn error(
        code: &'static str,
        name: &'static str,
        kind: DiagnosticKind,
        summary: &'static str,
    ) -> Self {
        Self::new(code, name, kind, Severity::Error, summary)
    }

    /// An entry of severity warning (StarRocks accepts it, probably not as meant); see [`Self::error`].
    pub const fn warning(
        code: &'static str,
        name: &'static str,
        kind: DiagnosticKind,
        summary: &'static str,
    ) -> Self {
        Self::new(code, name, kind, Severity::Warning, summary)
    }

    /// An entry of severity info (worth knowing at this point); see [`Self::error`].
    pub const fn info(
        code: &'static str,
        name: &'static str,
        kind: DiagnosticKind,
        summary: &'static str,
    ) -> Self {
        Self::new(code, name, kind, Severity::Info, summary)
    }

    const fn new(
        code: &'static str,
        name: &'static str,
        kind: DiagnosticKind,
        severity: Severity,
        summary: &'static str,
    ) -> Self {
        RuleInfo {
            code,
            name,
            kind,
            severity,
            summary: doc(summary),
            starrocks_message: None,
            versions: "all",
        }
    }

    /// The StarRocks versions the rule applies to (`"3.4+"`, `"<4.2"`); `"all"` when not given.
    pub const fn versions(self, versions: &'static str) -> Self {
        RuleInfo { versions, ..self }
    }

    /// StarRocks's own message for it, when StarRocks reports it.
    pub const fn starrocks(self, message: &'static str) -> Self {
        RuleInfo { starrocks_message: if DOCS { Some(message) } else { None }, ..self }
    }
}

/// Whether the catalogue keeps its documentation (the `rule-docs` feature). The catalogue is a
/// constant, so text it leaves out never reaches the binary.
const DOCS: bool = cfg!(feature = "rule-docs");

/// `text`, or `""` without the `rule-docs` feature.
const fn doc(text: &'static str) -> &'static str {
    if DOCS {
        text
    } else {
        ""
    }
}

/// The lexical, syntax and statement rules, ordered by code.
pub static RULES: &[RuleInfo] = &[
    RuleInfo::warning(
        "SR001",
        "unterminated-string",
        DiagnosticKind::Lexical,
        "A string literal has no closing quote: StarRocks's lexer drops it and the rest of the input without an error of its own, so the statement fails where the dropped text was needed (usually) or runs without it.",
    )
    .starrocks("Getting syntax error at line L, column C. Detail message: Unexpected input '<EOF>' (when the dropped text was needed)."),
    RuleInfo::warning(
        "SR002",
        "unterminated-quoted-name",
        DiagnosticKind::Lexical,
        "A backquoted name has no closing backquote: StarRocks's lexer drops it and the rest of the input without an error of its own, so the statement fails where the dropped text was needed (usually) or runs without it.",
    )
    .starrocks("Getting syntax error at line L, column C. Detail message: Unexpected input '<EOF>' (when the dropped text was needed)."),
    RuleInfo::warning(
        "SR003",
        "ignored-character",
        DiagnosticKind::Lexical,
        "A character StarRocks's lexer silently drops (`#`, emoji outside backquotes, \\v, \\f, control characters).",
    )
    .starrocks("token recognition error at: '<c>' (server console only)"),
    RuleInfo::error(
        "SR004",
        "unterminated-comment",
        DiagnosticKind::Lexical,
        "A `/*` comment is never closed.",
    ),
    RuleInfo::error(
        "SR100",
        "syntax-error",
        DiagnosticKind::Syntax,
        "The statement does not match StarRocks's grammar at this token.",
    )
    .starrocks("Getting syntax error at line L, column C. Detail message: Unexpected input '<token>', the most similar input is {<expected>}."),
    RuleInfo::error(
        "SR101",
        "empty-input",
        DiagnosticKind::Syntax,
        "The input holds no statement at all (only blanks or comments); StarRocks needs at least one.",
    ),
    RuleInfo::error("SR102", "stray-comma", DiagnosticKind::Syntax, "A trailing or doubled comma in a list."),
    RuleInfo::error(
        "SR103",
        "empty-list",
        DiagnosticKind::Syntax,
        "An empty parenthesised list: `ON ()`, `PROPERTIES ()`, `PARTITION ()`, `EXTERNAL CATALOG ()`.",
    ),
    RuleInfo::error(
        "SR104",
        "misspelled-keyword",
        DiagnosticKind::Syntax,
        "A word that is close to the keyword expected here.",
    ),
    RuleInfo::error(
        "SR105",
        "reserved-word-as-name",
        DiagnosticKind::Syntax,
        "A reserved word or a number where a name is expected; it needs backquotes.",
    ),
    RuleInfo::error(
        "SR106",
        "missing-semicolon",
        DiagnosticKind::Syntax,
        "A second statement starts before the first one ended with `;`.",
    ),
    RuleInfo::info(
        "SR107",
        "not-backup-family",
        DiagnosticKind::Syntax,
        "A statement outside the BACKUP family; it is kept as written and not checked.",
    ),
    RuleInfo::error(
        "SR108",
        "clause-order",
        DiagnosticKind::Syntax,
        "A clause is written in the wrong place (clause order is fixed).",
    ),
    RuleInfo::error(
        "SR109",
        "string-expected",
        DiagnosticKind::Syntax,
        "A property key or value, or a location, must be a quoted string.",
    ),
    RuleInfo::error(
        "SR110",
        "missing-keyword",
        DiagnosticKind::Syntax,
        "A required keyword is missing (e.g. `TO` before the repository).",
    ),
    RuleInfo::error(
        "SR111",
        "string-as-name",
        DiagnosticKind::Syntax,
        "A quoted string where a name is expected; names are bare or in backquotes.",
    ),
    RuleInfo::error(
        "SR112",
        "missing-name",
        DiagnosticKind::Syntax,
        "A name is missing before a keyword (e.g. `DROP SNAPSHOT ON repo`).",
    ),
    RuleInfo::warning(
        "SR113",
        "nesting-too-deep",
        DiagnosticKind::Syntax,
        "Parentheses, CASE or chained BETWEEN nested deeper than this tool analyses (6 levels); the statement is kept as written and not checked.",
    ),
    RuleInfo::error(
        "SR114",
        "no-such-family-statement",
        DiagnosticKind::Syntax,
        "A statement that starts like one of the BACKUP family's (`STOP BACKUP`, `ALTER REPOSITORY`, `CREATE SNAPSHOT`) but that StarRocks has no grammar for; the message names the statement to write instead.",
    )
    .starrocks("Getting syntax error at line L, column C. Detail message: No viable statement for input '<first words>'."),
    RuleInfo::error(
        "SR201",
        "database-with-external-catalogs",
        DiagnosticKind::Statement,
        "A database (DATABASE clause or `db.` prefix) together with external catalogs.",
    )
    .versions("3.4+")
    .starrocks("Can not sepcify database name for external catalog Backup/Restore"),
    RuleInfo::error(
        "SR202",
        "too-many-name-parts",
        DiagnosticKind::Statement,
        "A snapshot name with three or more parts.",
    )
    .starrocks("Invalid table name format '<name>'"),
    RuleInfo::error(
        "SR203",
        "database-and-prefix",
        DiagnosticKind::Statement,
        "Both `DATABASE db` and a `db.` prefix on the snapshot name.",
    )
    .versions("3.4+")
    .starrocks("Specifying dbName before snapshot name is forbidden if the DbName is specified explicitly in BACKUP/RESTORE"),
    RuleInfo::error(
        "SR204",
        "alias-in-backup",
        DiagnosticKind::Statement,
        "An `AS` alias on a BACKUP object (aliases rename objects on RESTORE only).",
    )
    .versions("3.4+")
    .starrocks("Specifying alias for backup object is forbidden in BACKUP stmt"),
    RuleInfo::error(
        "SR205",
        "restore-on-without-database",
        DiagnosticKind::Statement,
        "RESTORE with an ON clause but no database (neither `db.` prefix nor DATABASE).",
    )
    .versions("3.4+")
    .starrocks("`ON` clause is forbidden if no Database explicitly specified in Restore stmt"),
    RuleInfo::error(
        "SR206",
        "on-with-external-catalogs",
        DiagnosticKind::Statement,
        "BACKUP of external catalogs with an ON clause.",
    )
    .versions("3.4+")
    .starrocks("Can not sepcify `ON` clause for external catalog Backup/Restore"),
    RuleInfo::error(
        "SR207",
        "cancel-without-database",
        DiagnosticKind::Statement,
        "CANCEL BACKUP/RESTORE with neither `FROM db` nor `FOR EXTERNAL CATALOG`.",
    )
    .starrocks("No selected database for cancel BACKUP/RESTORE"),
    RuleInfo::warning(
        "SR210",
        "keyword-covers-one-name",
        DiagnosticKind::Statement,
        "`VIEWS v1, v2`: the keyword applies to the first name only; the others are tables.",
    )
    .versions("3.4+"),
    RuleInfo::warning(
        "SR211",
        "greedy-partition-list",
        DiagnosticKind::Statement,
        "`t1 PARTITION p1, t2`: without parentheses every following name is another partition of t1.",
    ),
    RuleInfo::warning(
        "SR212",
        "show-restore-where-ignored",
        DiagnosticKind::Statement,
        "SHOW RESTORE without FROM ignores its WHERE clause.",
    ),
    RuleInfo::warning(
        "SR213",
        "doubled-backquote",
        DiagnosticKind::Statement,
        "A doubled backquote inside a quoted name: StarRocks's AST builder removes every backquote, so `a``b` is the name `ab` (no name can hold a backquote).",
    ),
];

/// The whole catalogue, ordered by code: the lexical, syntax and statement rules above, the
/// checks' rules ([`crate::check::RULES`]: semantic, catalog, submission, compat, notes) and
/// the plan loader's ([`crate::plan::PLAN_RULES`]).
pub fn all() -> Vec<&'static RuleInfo> {
    let mut all: Vec<&'static RuleInfo> = RULES
        .iter()
        .chain(crate::check::RULES.iter().copied())
        .chain(crate::plan::PLAN_RULES.iter())
        .collect();
    crate::order::sort_by_cmp(&mut all, |a, b| a.code.cmp(b.code));
    all
}

/// Looks a rule up by code, in the whole catalogue.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    all().into_iter().find(|r| r.code == code)
}

/// The catalogue as a Markdown page (`docs/rules.md` is this text; a test keeps it current).
pub fn markdown() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "# Rules\n\nEvery diagnostic StarRocks Backup Studio can report, by code. Codes are stable: a code is \
         never reused or renumbered. *Kind* is the StarRocks stage the rule mirrors; *StarRocks says* is \
         StarRocks's own message where it has one (with its typos).\n\nGenerated from \
         `core/src/catalogue.rs`, `core/src/check/rules/` and `core/src/plan/` by the test \
         `catalogue::tests::rules_page_is_current` (run it with `UPDATE_DOCS=1` to rewrite).\n\n\
         | code | name | kind | severity | versions | what it catches | StarRocks says |\n\
         |---|---|---|---|---|---|---|\n",
    );
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    for r in all() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            r.code,
            r.name,
            r.kind.as_str(),
            r.severity.as_str(),
            cell(r.versions),
            cell(r.summary),
            r.starrocks_message.map(|m| format!("`{}`", cell(m).replace('`', "'"))).unwrap_or_default()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_sorted() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn the_whole_catalogue_has_unique_codes_and_names() {
        let all = all();
        let mut codes: Vec<_> = all.iter().map(|r| r.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "a code is listed twice");
        let mut names: Vec<_> = all.iter().map(|r| r.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len(), "a rule name is used twice");
        assert!(rule("SR326").is_some() && rule("SR801").is_some() && rule("SR100").is_some());
    }

    #[test]
    fn rules_page_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
        let page = markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &page).expect("write docs/rules.md");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == page,
            "docs/rules.md is out of date: run `UPDATE_DOCS=1 cargo test -p starrocks-backup-sql rules_page`"
        );
    }
}
