//! The rule catalogue: every diagnostic this crate can emit, with its stable code.
//!
//! Codes are stable: never reuse or renumber one. `SR0xx` lexical, `SR1xx` syntax, `SR2xx`
//! statement (StarRocks's AST builder), later series for the analyzer, catalog, submission
//! and compatibility checks. Each rule has fixtures under `core/tests/inputs/`, and a test
//! checks that every code emitted anywhere is listed here.

use crate::diagnostic::{DiagnosticKind, Severity};

/// What the catalogue knows about one rule.
#[derive(Debug, Clone, Copy)]
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

macro_rules! rules {
    ( $( $code:literal $name:literal $kind:ident $sev:ident $versions:literal
         $summary:literal $( => $sr:literal )? ; )* ) => {
        /// Every rule, ordered by code.
        pub static RULES: &[RuleInfo] = &[ $( RuleInfo {
            code: $code,
            name: $name,
            kind: DiagnosticKind::$kind,
            severity: Severity::$sev,
            summary: $summary,
            starrocks_message: rules!(@sr $( $sr )?),
            versions: $versions,
        }, )* ];
    };
    (@sr) => { None };
    (@sr $sr:literal) => { Some($sr) };
}

rules! {
    "SR001" "unterminated-string" Lexical Error "all"
        "A string literal has no closing quote; StarRocks swallows the rest of the input."
        => "Getting syntax error at line L, column C. Detail message: Unexpected input '<EOF>'.";
    "SR002" "unterminated-quoted-name" Lexical Error "all"
        "A backquoted name has no closing backquote; StarRocks swallows the rest of the input."
        => "Getting syntax error at line L, column C. Detail message: Unexpected input '<EOF>'.";
    "SR003" "ignored-character" Lexical Warning "all"
        "A character StarRocks's lexer silently drops (`#`, emoji outside backquotes, \\v, \\f, control characters)."
        => "token recognition error at: '<c>' (server console only)";
    "SR004" "unterminated-comment" Lexical Error "all"
        "A `/*` comment is never closed.";
    "SR100" "syntax-error" Syntax Error "all"
        "The statement does not match StarRocks's grammar at this token."
        => "Getting syntax error at line L, column C. Detail message: Unexpected input '<token>', the most similar input is {<expected>}.";
    "SR101" "empty-input" Syntax Error "all"
        "The input holds no statement at all (only blanks or comments); StarRocks needs at least one.";
    "SR102" "stray-comma" Syntax Error "all"
        "A trailing or doubled comma in a list.";
    "SR103" "empty-list" Syntax Error "all"
        "An empty parenthesised list: `ON ()`, `PROPERTIES ()`, `PARTITION ()`, `EXTERNAL CATALOG ()`.";
    "SR104" "misspelled-keyword" Syntax Error "all"
        "A word that is close to the keyword expected here.";
    "SR105" "reserved-word-as-name" Syntax Error "all"
        "A reserved word or a number where a name is expected; it needs backquotes.";
    "SR106" "missing-semicolon" Syntax Error "all"
        "A second statement starts before the first one ended with `;`.";
    "SR107" "not-backup-family" Syntax Info "all"
        "A statement outside the BACKUP family; it is kept as written and not checked.";
    "SR108" "clause-order" Syntax Error "all"
        "A clause is written in the wrong place (clause order is fixed).";
    "SR109" "string-expected" Syntax Error "all"
        "A property key or value, or a location, must be a quoted string.";
    "SR110" "missing-keyword" Syntax Error "all"
        "A required keyword is missing (e.g. `TO` before the repository).";
    "SR111" "string-as-name" Syntax Error "all"
        "A quoted string where a name is expected; names are bare or in backquotes.";
    "SR112" "missing-name" Syntax Error "all"
        "A name is missing before a keyword (e.g. `DROP SNAPSHOT ON repo`).";
    "SR113" "nesting-too-deep" Syntax Warning "all"
        "Parentheses, CASE or chained BETWEEN nested deeper than this tool analyses (6 levels); the statement is kept as written and not checked.";
    "SR201" "database-with-external-catalogs" Statement Error "3.4+"
        "A database (DATABASE clause or `db.` prefix) together with external catalogs."
        => "Can not sepcify database name for external catalog Backup/Restore";
    "SR202" "too-many-name-parts" Statement Error "all"
        "A snapshot name with three or more parts."
        => "Invalid table name format '<name>'";
    "SR203" "database-and-prefix" Statement Error "3.4+"
        "Both `DATABASE db` and a `db.` prefix on the snapshot name."
        => "Specifying dbName before snapshot name is forbidden if the DbName is specified explicitly in BACKUP/RESTORE";
    "SR204" "alias-in-backup" Statement Error "3.4+"
        "An `AS` alias on a BACKUP object (aliases rename objects on RESTORE only)."
        => "Specifying alias for backup object is forbidden in BACKUP stmt";
    "SR205" "restore-on-without-database" Statement Error "3.4+"
        "RESTORE with an ON clause but no database (neither `db.` prefix nor DATABASE)."
        => "`ON` clause is forbidden if no Database explicitly specified in Restore stmt";
    "SR206" "on-with-external-catalogs" Statement Error "3.4+"
        "BACKUP of external catalogs with an ON clause."
        => "Can not sepcify `ON` clause for external catalog Backup/Restore";
    "SR207" "cancel-without-database" Statement Error "all"
        "CANCEL BACKUP/RESTORE with neither `FROM db` nor `FOR EXTERNAL CATALOG`."
        => "No selected database for cancel BACKUP/RESTORE";
    "SR210" "keyword-covers-one-name" Statement Warning "3.4+"
        "`VIEWS v1, v2`: the keyword applies to the first name only; the others are tables.";
    "SR211" "greedy-partition-list" Statement Warning "all"
        "`t1 PARTITION p1, t2`: without parentheses every following name is another partition of t1.";
    "SR212" "show-restore-where-ignored" Statement Warning "all"
        "SHOW RESTORE without FROM ignores its WHERE clause.";
}

/// The whole catalogue, ordered by code: the lexical, syntax and statement rules above, the
/// checks' rules ([`crate::check::RULES`]: semantic, catalog, submission, compat, notes) and
/// the plan loader's ([`crate::plan::PLAN_RULES`]).
pub fn all() -> Vec<&'static RuleInfo> {
    let mut all: Vec<&'static RuleInfo> = RULES
        .iter()
        .chain(crate::check::RULES.iter().copied())
        .chain(crate::plan::PLAN_RULES.iter())
        .collect();
    all.sort_by_key(|r| r.code);
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
