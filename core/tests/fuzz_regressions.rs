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

/// Long chains (`1 OR 1 OR …`, `NOT NOT …`, `- - …`) are left- or right-deep trees as deep
/// as the chain is long. The formatter used to recurse once per operator and overflowed the
/// stack on a few thousand (4,000 `OR`s, about 20 KB of input); it now walks chains in a loop.
#[test]
fn long_operator_chains_format_without_deep_recursion() {
    let or_chain = format!("SHOW BACKUP WHERE 1{}", " OR 1".repeat(4000));
    let neg_chain = format!("SHOW BACKUP WHERE {}1", "- ".repeat(4000));
    let cases = [
        (or_chain.clone(), or_chain),
        (
            format!("SHOW BACKUP WHERE 1{}", " + 1".repeat(4000)),
            format!("SHOW BACKUP WHERE 1{}", " + 1".repeat(4000)),
        ),
        (
            format!("SHOW BACKUP WHERE 1{}", " = 1".repeat(4000)),
            format!("SHOW BACKUP WHERE 1{}", " = 1".repeat(4000)),
        ),
        (
            format!("SHOW BACKUP WHERE {}1", "not ".repeat(4000)),
            format!("SHOW BACKUP WHERE {}1", "NOT ".repeat(4000)),
        ),
        (neg_chain.clone(), neg_chain.replace("- 1", "-1")),
        (
            format!("SHOW BACKUP WHERE {}1", "!~+".repeat(1500)),
            format!("SHOW BACKUP WHERE {}1", "!~+".repeat(1500)),
        ),
    ];
    for (text, expected) in cases {
        let (script, diags) = parse(&text);
        assert!(diags.iter().all(|d| !d.is_error()), "{}", support::describe(&diags));
        let once = format(&script);
        assert!(once == format!("{expected};\n"), "{}…", &once[..60]);
        assert_eq!(format(&parse(&once).0), once);
    }
}

/// Found by hand (fixed in `bff752c`): the AST builder (`Builder::expr`, `binary_chain`)
/// recursed through every precedence layer of the grammar, about a dozen large frames per
/// nesting level; in a debug build 20 nested parentheses overflowed a 1 MiB stack (wasm's
/// default). Statements nested past `parser::MAX_NESTING` are now kept as written (SR113).
#[test]
fn nested_parentheses_do_not_overflow_the_stack() {
    // Up to the limit the statement is parsed and checked on a 1 MiB stack; past it, it is
    // kept as written with a warning (SR113) instead of recursing further.
    let max = starrocks_backup_sql::parser::MAX_NESTING;
    for (depth, parsed) in [(max, true), (max + 1, false), (20, false), (5000, false)] {
        // `depth - 1` parentheses around a CASE: `depth` levels in all.
        let text = format!(
            "SHOW BACKUP WHERE {}CASE WHEN a THEN 1 END{} = 1",
            "(".repeat(depth - 1),
            ")".repeat(depth - 1)
        );
        let worker = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                check_text(&text);
                starrocks_backup_sql::parse(&text)
            })
            .expect("a thread");
        let (script, diags) = worker.join().expect("no panic");
        let was_parsed =
            matches!(script.statements[0].stmt, starrocks_backup_sql::ast::Statement::ShowBackup(_));
        assert_eq!(was_parsed, parsed, "depth {depth}: {diags:?}");
        assert_eq!(diags.iter().any(|d| d.code == "SR113"), !parsed, "depth {depth}");
    }
}

/// The grammar engine counts rule depth (`engine::MAX_RULE_DEPTH`) instead of relying on
/// pest's stack guard: a GRANT type nested thousands deep (from a catalog's function
/// signature) fails to parse on a 1 MiB stack instead of overflowing it, while ordinary
/// nesting still parses.
#[test]
fn deeply_nested_grant_types_fail_instead_of_overflowing() {
    use starrocks_backup_sql::privileges::{is_valid_type, parse_grant};
    for (depth, valid) in [(1, true), (20, true), (100_000, false)] {
        let ty = format!("{}INT{}", "ARRAY<".repeat(depth), ">".repeat(depth));
        let worker = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let grant = format!("GRANT USAGE ON FUNCTION db.f({ty}) TO ROLE r");
                (is_valid_type(&ty), parse_grant(&grant).is_ok())
            })
            .expect("a thread");
        assert_eq!(worker.join().expect("no overflow"), (valid, valid), "depth {depth}");
    }
}

/// Fuzz crash-918a0e94 (at `a3329ed`): a statement kept as written (not a family statement)
/// whose text starts with U+3000, as in `…;\u{3000}x …`. After `;` the U+3000 is part of the
/// first word, but the formatter wrote the statement on a new line, where StarRocks's lexer
/// takes it as whitespace: the text changed on the next formatting. It now follows the `;`
/// (or its last comment) directly.
#[test]
fn verbatim_statements_starting_with_ideographic_space_stay_glued() {
    check_text(
        "BNAıRORNA\u{c}\u{c}(((((((\u{c}\u{c}nAıƱ\u{c}.1aRNAıRORNAıı#l\u{c}\u{c}@nASNAPSH@T 1.CANCEL BAı\u{fffd}AııE&&ı#\u{fffd}l\u{c}\u{c}FUNSG;\u{3000}AıRORNA3\u{fffd}(((((((\u{c}\u{c}nAıƱ\u{c}.1aRNAıRORNAıı#l\u{c}\u{c}@nASNAPSH@T 1.CANCEL BAı\u{fffd}AAıR\u{fffd}UPO",
    );
    assert_eq!(fmt("show backup;\u{3000}x y"), "SHOW BACKUP;\u{3000}x y;\n");
    assert_eq!(fmt("\u{3000}x y; show backup"), "\u{3000}x y;\nSHOW BACKUP;\n");
    assert_eq!(fmt("show backup; /* c */\u{3000}x y"), "SHOW BACKUP;\n\n/* c */\u{3000}x y;\n");
    assert_eq!(fmt("show backup; -- c\n\u{3000}x y"), "SHOW BACKUP;\n\n-- c\n\u{3000}x y;\n");
    for text in
        ["show backup;\u{3000}x y", "show backup; /* c */\u{3000}x y", "show backup; -- c\n\u{3000}x y"]
    {
        check_text(text);
        let once = fmt(text);
        assert_eq!(fmt(&once), once);
    }
}
