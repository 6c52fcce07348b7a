//! Inputs the fuzz target (`core/fuzz`, target `parse_format`) and the round-trip properties
//! once failed on, each run through the fuzz target's own check
//! ([`support::check_text`]), plus the formatter fix each one led to, pinned down exactly.

mod support;

use starrocks_backup_sql::{format, parse};
use support::{check_text, parse_clean};

fn fmt(text: &str) -> String {
    format(&parse(text).0)
}

/// Fuzz crash-95f96b19: a comment inside a statement kept verbatim (not a family statement)
/// was written twice, above the statement and inside its text, and once more on every
/// formatting.
#[test]
fn comments_inside_verbatim_statements_are_written_once() {
    check_text(
        "show (ba(kup\0\0hdrestor(p-- pbackups`\u{fffd}O r+ BACKUP A\n\n\u{fffd}L EXTERNAL CAS SNAPS bORke. no\u{fffd}",
    );
    assert_eq!(fmt("select /* c */ 1"), "select /* c */ 1;\n");
    assert_eq!(fmt("-- lead\nselect 1 -- tail\n, 2"), "-- lead\nselect 1 -- tail\n, 2;\n");
    // Family statements still hoist their inner comments.
    assert_eq!(fmt("SHOW /* c */ BACKUP"), "/* c */\nSHOW BACKUP;\n");
}

/// Fuzz crash-abeb3b5a: `;--` has an empty statement and formats to just the comment. The
/// AST does not record empty statements, and StarRocks rejects input without a statement,
/// so the check does not count that script-level error (SR101).
#[test]
fn empty_statement_with_a_comment() {
    check_text(";--");
    assert_eq!(fmt(";--"), "--\n");
}

/// Round trip: a name starting with U+3000 lexes as one identifier on its own, but after a
/// blank the U+3000 is whitespace, so the formatter must backquote it.
#[test]
fn names_starting_with_ideographic_space_are_backquoted() {
    let text = fmt("DROP SNAPSHOT `\u{3000}s` ON `\u{3000}`");
    assert_eq!(text, "DROP SNAPSHOT `\u{3000}s` ON `\u{3000}`;\n");
    parse_clean(&text);
    // Elsewhere in a name U+3000 is a letter and needs no quoting.
    assert_eq!(fmt("DROP REPOSITORY `a\u{3000}b`"), "DROP REPOSITORY a\u{3000}b;\n");
    check_text("DROP SNAPSHOT `\u{3000}s` ON `\u{3000}`");
}

/// Round trip: a name starting with `$$` opens a `$$…$$` attachment when another `$$`
/// follows anywhere later, so the formatter must backquote it.
#[test]
fn names_starting_with_double_dollar_are_backquoted() {
    let text = fmt("SHOW BACKUP WHERE `$$x` = @`$$`");
    assert_eq!(text, "SHOW BACKUP WHERE `$$x` = @`$$`;\n");
    parse_clean(&text);
    assert_eq!(fmt("DROP REPOSITORY `x$$`"), "DROP REPOSITORY x$$;\n");
    check_text("SHOW SNAPSHOT ON `$$a` WHERE `$$b` = 1");
}

/// A user variable written as a string may hold a backquote, which no backquoted name can:
/// it is written back as a string.
#[test]
fn user_variables_holding_a_backquote_stay_strings() {
    let text = fmt("SHOW BACKUP WHERE @'a`b' = 1 LIMIT @\"c`\"");
    assert_eq!(text, "SHOW BACKUP WHERE @'a`b' = 1 LIMIT @'c`';\n");
    parse_clean(&text);
    check_text("SHOW BACKUP WHERE @'a`b' = 1 LIMIT @\"c`\"");
}
