//! Rule-level tests of the pest grammar (`core/src/grammar/backup.pest`): single rules run on
//! the token symbols of small texts, with positive and negative cases; the `non_reserved`
//! rule against StarRocks's `nonReserved` list; and `tokens.pest` against `lexer::Tok`.
//!
//! `tokens.pest` is generated: run `UPDATE_GRAMMAR=1 cargo test -p starrocks-backup-sql --test
//! grammar_rules` after changing `Tok` to rewrite it.

use starrocks_backup_sql::grammar::{parse, symbols, Rule};
use starrocks_backup_sql::lexer::{lex, Tok};

#[allow(dead_code)]
#[path = "../src/keywords.rs"]
mod keywords;

/// True when `rule` matches the whole of `text`'s tokens.
fn matches_all(rule: Rule, text: &str) -> bool {
    let input = symbols(text);
    match parse(rule, &input) {
        Ok(tree) => tree.pairs().next().is_some_and(|p| p.tokens().end == input.len()),
        Err(_) => false,
    }
}

/// Asserts that `rule` matches each of `yes` completely and none of `no`.
fn check(rule: Rule, yes: &[&str], no: &[&str]) {
    let wrong_yes: Vec<_> = yes.iter().filter(|t| !matches_all(rule, t)).collect();
    let wrong_no: Vec<_> = no.iter().filter(|t| matches_all(rule, t)).collect();
    assert!(
        wrong_yes.is_empty() && wrong_no.is_empty(),
        "{rule:?}: should match but does not: {wrong_yes:?}; should not match but does: {wrong_no:?}"
    );
}

#[test]
fn identifier() {
    check(
        Rule::identifier,
        &[
            "t1",
            "_x",
            "$a",
            "1db",
            "2024_01_01",
            "0x1F",
            "1e5x",
            "`123`",
            "``",
            "`a``b`",
            "`select`",
            "数据",
            "repo1\u{a0}",
            "backup",
            "SNAPSHOT",
            "Temporary",
            "status",
            "ſnapſhot",
        ],
        &[
            "123",
            "1e5",
            "1.5",
            "'t1'",
            "\"t1\"",
            "table",
            "ALL",
            "from",
            "to",
            "as",
            "partition",
            "db.t",
            "a b",
            "(",
            "",
        ],
    );
}

#[test]
fn qualified_name() {
    check(
        Rule::qualified_name,
        &[
            "t",
            "db.t",
            "a.b.c.d",
            "db . t",
            "db.1a",
            "db .1a",
            "db.`123`",
            "`a.b`.c",
            "db._1",
            "catalog.catalogs",
            "db.e5",
        ],
        &["db.", ".t", "db..t", "db.123", "db.1e5", "db.table", "'db'.t", "db.'t'"],
    );
}

#[test]
fn string_and_literal() {
    check(
        Rule::string,
        &["'a'", "\"a\"", "''", "'it''s'", "'it\\'s'", "\"say \"\"hi\"\"\""],
        &["a", "`a`", "x'41'", "1", "'a' 'b'"],
    );
    check(
        Rule::literal,
        &[
            "1",
            "1.5",
            ".5",
            "1e3",
            "'x'",
            "\"x\"",
            "NULL",
            "true",
            "FALSE",
            "DATE '2024-01-01'",
            "DATETIME '2024-01-01 00:00:00'",
            "x'41'",
            "?",
        ],
        &["a", "`a`", "-1", "DATE", "(1)"],
    );
}

#[test]
fn partition_names() {
    check(
        Rule::partition_names,
        &[
            "PARTITION (p1)",
            "PARTITION (p1, p2)",
            "PARTITIONS (p1)",
            "PARTITION p1",
            // A bare list of several names only ends before `,`, `)` or AS (see on_clause).
            "PARTITIONS p1",
            "TEMPORARY PARTITION (p1)",
            "TEMPORARY PARTITIONS p1",
            "PARTITION ('p1', \"p2\", `p3`)",
            "PARTITION 'p1'",
            "PARTITION (dt = '2024-01-01')",
            "PARTITION (dt = '2024-01-01', region = 'eu')",
        ],
        &[
            "PARTITION ()",
            "PARTITION (p1,)",
            "PARTITION",
            "TEMPORARY (p1)",
            "TEMPORARY p1",
            "PARTITIONS (dt = 'x')",
            "TEMPORARY PARTITION (dt = 'x')",
            "PARTITION (dt = x)",
            "PARTITION ('dt' = 'x')",
            "PARTITION (p1, dt = 'x')",
            "PARTITION (db.p1)",
            "PARTITION partition",
            "PARTITION (p1) PARTITION (p2)",
        ],
    );
}

#[test]
fn object_items() {
    check(
        Rule::table_desc,
        &[
            "t1",
            "db.t1",
            "t1 PARTITION (p1)",
            "t1 PARTITION (p1) AS x",
            "t1 AS x",
            "VIEW",
            "TABLES PARTITIONS p1",
            "VIEW PARTITIONS (p1) AS x",
            "TABLES TEMPORARY PARTITION (p1)",
        ],
        &["t1 AS x PARTITION (p1)", "TABLE", "t1 x", "'t1'", "t1 AS", "t1 AS x.y", "t1 AS 'x'"],
    );
    check(
        Rule::all_objects,
        &[
            "ALL TABLES",
            "ALL TABLE",
            "ALL VIEWS",
            "ALL VIEW",
            "ALL FUNCTIONS",
            "ALL FUNCTION",
            "ALL MATERIALIZED VIEWS",
            "ALL MATERIALIZED VIEW",
        ],
        &["ALL", "ALL MATERIALIZED", "ALL DATABASES", "ALL EXTERNAL CATALOGS", "ALL TABLES AS x", "ALL t1"],
    );
    check(
        Rule::typed_object,
        &[
            "TABLE t1",
            "TABLES db.t1 PARTITION (p1) AS x",
            "VIEW v1",
            "VIEWS v1 AS x",
            "MATERIALIZED VIEW mv1",
            "MATERIALIZED VIEWS VIEW",
            "FUNCTION f1",
            "FUNCTIONS db.f1 AS g",
            "VIEW PARTITIONS",
        ],
        &[
            "TABLE",
            "VIEW",
            "VIEW v1 PARTITION (p1)",
            "FUNCTION f1(INT)",
            "MATERIALIZED VIEW",
            "MATERIALIZED TABLE t1",
            "GLOBAL FUNCTION f1",
            "FUNCTION FUNCTION",
        ],
    );
    check(
        Rule::on_clause,
        &[
            "ON (t1)",
            "ON (t1, TABLE t2, VIEW v1, MATERIALIZED VIEW mv1, FUNCTION f1, ALL TABLES)",
            "ON (VIEW, VIEWS, TABLES, FUNCTIONS, MATERIALIZED)",
            "ON (t1 PARTITION p1, p2)",
            "ON (t1 PARTITION p1, TABLE t2)",
            "ON (t1 PARTITION p1, p2, t2 PARTITION (p3))",
            "ON (t1 PARTITION p1, VIEW v1)",
            "ON (VIEW PARTITIONS p1, TABLES PARTITIONS (p1), FUNCTIONS TEMPORARY PARTITION (p1))",
            "ON (VIEWS v1, v2)",
        ],
        &[
            "ON ()",
            "ON (t1,)",
            "ON (t1,, t2)",
            "ON t1",
            "ON (TABLE)",
            "ON (ALL)",
            "ON (EXTERNAL CATALOG hive1)",
            "ON (t1 PARTITION p1, 'p2' PARTITION (p3))",
        ],
    );
}

#[test]
fn properties() {
    check(
        Rule::properties,
        &[
            "PROPERTIES ('a' = 'b')",
            "PROPERTIES (\"a\" = \"b\", 'c' = \"d\")",
            "PROPERTIES ('' = '')",
            "PROPERTIES ('a' = 'b', 'a' = 'c')",
        ],
        &[
            "PROPERTIES ()",
            "PROPERTIES ('a' = 'b',)",
            "PROPERTIES ('a' = 1)",
            "PROPERTIES (a = 'b')",
            "PROPERTIES (`a` = 'b')",
            "PROPERTIES ('a' = NULL)",
            "PROPERTIES ('a' = TRUE)",
            "PROPERTIES ('a' = x'41')",
            "PROPERTIES ('a')",
            "PROPERTIES 'a' = 'b'",
            "PROPERTY ('a' = 'b')",
        ],
    );
}

#[test]
fn catalog_lists() {
    check(
        Rule::catalog_list,
        &["(c1)", "(c1, c2)", "(`c 1`)"],
        &["()", "(c1,)", "(c1 AS c2)", "c1", "(c1.db)", "('c1')"],
    );
    check(
        Rule::catalog_alias_list,
        &["(c1)", "(c1 AS c2)", "(c1 AS c2, c3)"],
        &["()", "(c1 AS)", "(c1 AS c2.x)", "(c1 c2)"],
    );
    check(
        Rule::backup_catalogs,
        &["ALL EXTERNAL CATALOGS", "EXTERNAL CATALOG (c1)", "EXTERNAL CATALOGS (c1, c2)"],
        &["ALL EXTERNAL CATALOG", "EXTERNAL CATALOG c1", "EXTERNAL (c1)", "ALL CATALOGS"],
    );
}

#[test]
fn expressions() {
    check(
        Rule::expression,
        &[
            "a = 1",
            "State = 'FINISHED'",
            "SNAPSHOT = backup1",
            "a IN (1, 2)",
            "a NOT IN ('x')",
            "a LIKE 'x%'",
            "a NOT LIKE 'x%'",
            "a = 1 OR b = 2 AND NOT c = 3",
            "(a = 1 OR b = 2) AND c <> 3",
            "a BETWEEN 1 AND 10",
            "a IS NULL",
            "a IS NOT NULL",
            "a + 1 * 2 >= 3",
            "lower(a) = 'x'",
            "count(*) > 1",
            "CASE WHEN a = 1 THEN 'x' ELSE 'y' END = 'x'",
            "@v = 1",
            "a <=> NULL",
        ],
        &["", "a =", "= 1", "a IN ()", "a IN (1,)", "(a = 1", "a LIKE", "AND a = 1", "a = 1 AND"],
    );
}

#[test]
fn show_predicates_and_limits() {
    check(
        Rule::show_predicates,
        &[
            "",
            "WHERE a = 1",
            "ORDER BY a",
            "ORDER BY a ASC, b DESC NULLS LAST",
            "ORDER BY ALL DESC",
            "LIMIT 10",
            "LIMIT 1, 2",
            "LIMIT 1 OFFSET 2",
            "LIMIT ?",
            "LIMIT ? OFFSET ?",
            "LIMIT @v",
            "LIMIT @v, @w",
            "WHERE a = 1 ORDER BY b LIMIT 10",
        ],
        &[
            "LIMIT",
            "LIMIT -1",
            "LIMIT 1.5",
            "LIMIT a",
            "LIMIT 'x'",
            "LIMIT 1, 2 OFFSET 3",
            "LIMIT 1 OFFSET 2, 3",
            "OFFSET 5",
            "ORDER a",
            "ORDER BY",
            "LIMIT 1 WHERE a = 1",
            "ORDER BY a WHERE b = 1",
            "WHERE a = 1 WHERE b = 2",
            "LIKE 'x'",
        ],
    );
}

#[test]
fn statements() {
    check(
        Rule::statement_input,
        &[
            "BACKUP SNAPSHOT db1.s TO r",
            "BACKUP DATABASE db1 SNAPSHOT s TO r ON (t1) PROPERTIES ('type' = 'full')",
            "BACKUP ALL EXTERNAL CATALOGS SNAPSHOT s TO r",
            "RESTORE SNAPSHOT db1.s FROM r",
            "RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (c1 AS c2)",
            "RESTORE SNAPSHOT s FROM r DATABASE db1 AS db2 ON (t1 AS t2)",
            "SHOW BACKUP",
            "SHOW BACKUP IN db1 WHERE a = 1",
            "SHOW RESTORE FROM db1 LIMIT 1",
            "SHOW SNAPSHOT ON r WHERE SNAPSHOT = 'x'",
            "SHOW REPOSITORIES",
            "CANCEL BACKUP",
            "CANCEL BACKUP FROM db1",
            "CANCEL RESTORE FOR EXTERNAL CATALOG",
            "DROP SNAPSHOT s ON r FORCE",
            "CREATE READ ONLY REPOSITORY r WITH BROKER b ON LOCATION 'x' PROPERTIES ('a' = 'b')",
            "CREATE REPOSITORY r WITH BROKER 'b 1' ON LOCATION \"x\"",
            "DROP REPOSITORY r",
        ],
        &[
            "",
            "BACKUP",
            "BACKUP SNAPSHOT s",
            "BACKUP SNAPSHOT s r",
            "BACKUP DATABASE cat.db SNAPSHOT s TO r",
            "BACKUP EXTERNAL CATALOG c1 SNAPSHOT s TO r",
            "BACKUP SNAPSHOT s TO r PROPERTIES ('a' = 'b') ON (t1)",
            "RESTORE DATABASE db SNAPSHOT s FROM r",
            "RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG c1",
            "SHOW BACKUP LIKE 'x'",
            "SHOW SNAPSHOT r",
            "CANCEL BACKUP FOR EXTERNAL CATALOGS",
            "DROP SNAPSHOT ON r",
            "DROP SNAPSHOT db.s ON r",
            "CREATE REPOSITORY r ON LOCATION 'x'",
            "CREATE REPOSITORY r WITH BROKER ON LOCATION x",
            "DROP REPOSITORY 'r'",
            "SHOW BACKUP; SHOW RESTORE",
        ],
    );
}

// ------------------------------------------------------------------ non-reserved keywords

/// StarRocks's `nonReserved` rule, verbatim from StarRocks.g4 (spec §1.3).
const NON_RESERVED: &str = "
    COLLECTION | COLLECTIONS | CONTEXT | CONTEXTBASE | CONTEXTBASES | EDGES | ENTITY | OBJECT | OPTIONS | RETRIEVAL | TASKS | UPSERT | WORKSPACE | WORKSPACES
    | ACCESS | ACTIVE | ADVISOR | AFTER | AGGREGATE | AI | APPLY | ASYNC | AUTHORS | AVG | ADMIN | ANTI | AUTHENTICATION | AUTO_INCREMENT | AUTOMATED
    | ARRAY_AGG | ARRAY_AGG_DISTINCT | ASSERT_ROWS | AWARE
    | BACKEND | BACKENDS | BACKUP | BEGIN | BITMAP_UNION | BLACKLIST | BLACKHOLE | BINARY | BODY | BOOLEAN | BRANCH | BROKER | BUCKETS | BOTH
    | BUILTIN | BASE | BEFORE | BASELINE
    | CACHE | CALL | CAST | CANCEL | CATALOG | CATALOGS | CEIL | CHAIN | CHARSET | CLEAN | CLEAR | CLUSTER | CLUSTERS | CNGROUP | CNGROUPS | CURRENT | COLLATION | COLUMNS
    | CUME_DIST | CUMULATIVE | COMMENT | COMMIT | COMMITTED | COMPUTE | CONNECTION | CONNECTIONS | CONSISTENT | COSTS | COUNT
    | CONFIG | COMPACT
    | DATA | DATE | DATACACHE | DATETIME | DAY | DAYS | DECOMMISSION | DIALECT | DIGEST | DISABLE | DISK | DISTRIBUTION | DUPLICATE | DYNAMIC | DISTRIBUTED | DICTIONARY | DICTIONARY_GET | DEALLOCATE
    | ENABLE | END | ENGINE | ENGINES | ERRORS | EVENTS | EXECUTE | EXTERNAL | EXTRACT | EVERY | ENCLOSE | ESCAPE | EXPORT | EXPIRE_PASSWORD
    | FAILOVER | FAILPOINT | FAILPOINTS | FIELDS | FILE | FILTER | FIRST | FLOOR | FOLLOWING | FORMAT | FN | FRONTEND | FRONTENDS | FOLLOWER | FREE
    | FUNCTIONS
    | GLOBAL | GRANTS | GROUP_CONCAT
    | HASH | HISTOGRAM | HELP | HLL_UNION | HOST | HOUR | HOURS | HUB
    | IDENTIFIED | IMAGE | IMPERSONATE | INACTIVE | INCLUDE | INCREMENTAL | INDEXES | INSTALL | INTEGRATION | INTEGRATIONS | INTERMEDIATE
    | INTERVAL | ISOLATION
    | JOB
    | LABEL | LAST | LEADER | LESS | LEVEL | LIST | LOCAL | LOCATION | LOGS | LOGICAL | LOW_PRIORITY | LOCK | LOCATIONS | LEADING
    | MASKING | MANUAL | MAP | MAPPING | MAPPINGS | MATCH | MATCHED | MATCH_ALL | MATCH_ANY | MATERIALIZED | MAX | MEMBER | MEMBERS | META | METADATA | MIN | MINUTE | MINUTES | MODE | MODIFY | MONTH | MERGE | MINUS | MULTIPLE
    | NAME | NAMES | NEGATIVE | NO | NODE | NODES | NONE | NULLS | NUMBER | NUMERIC
    | OBSERVER | OF | OFFSET | ON_CHANGE | ONLY | OPTIMIZER | OPEN | OPERATE | OPTION | OVERWRITE | OFF
    | PARTITIONS | PASSWORD | PATH | PAUSE | PENDING | PERCENTILE_UNION | PIVOT | PLAN | PLUGIN | PLUGINS | POLICY | POLICIES
    | PERCENT_RANK | PREDICATE | PRECEDING | PRIORITY | PROC | PROCESSLIST | PROFILE | PROFILELIST | PROVIDER | PROVIDERS | PRIVILEGES | PROBABILITY | PROPERTIES | PROPERTY | PIPE | PIPES
    | QUARTER | QUERY | QUERIES | QUEUE | QUOTA | QUALIFY
    | REASON | REMOVE | REWRITE | RANDOM | RANK | RECOVER | REFRESH | REPAIR | REPEATABLE | REPLACE_IF_NOT_NULL | REPLICA | REPOSITORY
    | REPOSITORIES | RECURSIVE
    | RESOURCE | RESOURCES | RESTORE | RESUME | RETAIN | RETENTION | RETURNS | RETRY | REVERT | ROLE | ROLES | ROLLUP | ROLLBACK | ROUTINE | ROW | RUNNING | RULE | RULES
    | SAMPLE | SCHEDULE | SCHEDULER | SECOND | SECRET | SECURITY | SEPARATOR | SERIALIZABLE |SEMI | SESSION | SETS | SIGNED | SNAPSHOT | SNAPSHOTS | SPLIT | SQL | SQLBLACKLIST | START | STARROCKS
    | STREAM | SUM | STATUS | STOP | SKIP_KW | SKIP_HEADER | SWAP
    | STORAGE| STRING | STRING_AGG | STRUCT | STATS | SUBMIT | SUSPEND | SYNC | SYSTEM | SYSTEM_TIME
    | TABLES | TABLET | TABLETS | TAG | TASK | TEMPORARY | TIMESTAMP | TIMESTAMPADD | TIMESTAMPDIFF | THAN | TIME | TIMES | TRANSACTION | TRANSFER | TRACE | TRANSLATE
    | TRIM_SPACE | TRAILING | TRIM
    | TRIGGERS | TRUNCATE | TYPE | TYPES
    | UNBOUNDED | UNCOMMITTED | UNSET | UNINSTALL | USAGE | USER | USERS | UNLOCK
    | VALUE | VARBINARY | VARIABLES | VARIANT | VIEW | VIEWS | VERBOSE | VERSION | VOLUME | VOLUMES
    | WARNINGS | WEEK | WHITELIST | WORK | WRITE  | WAREHOUSE | WAREHOUSES
    | YEAR
    | DOTDOTDOT | NGRAMBF | VECTOR
    | TUNESPACE | APPEND | POPULATE | RECOMMENDATIONS
    | FIELD
    | ARRAY_ELEMENT
    | PERSISTENT
    | EXCLUDE | EXCEPT
";

/// The token names of `nonReserved` turned into the words the lexer sees (`SKIP_KW` is
/// `SKIP`); `DOTDOTDOT` and `ARRAY_ELEMENT` are punctuation and come back separately.
fn non_reserved_words() -> (Vec<String>, Vec<&'static str>) {
    let mut words = Vec::new();
    let mut punctuation = Vec::new();
    for name in NON_RESERVED.split('|').map(str::trim) {
        match name {
            "DOTDOTDOT" => punctuation.push("..."),
            "ARRAY_ELEMENT" => punctuation.push("[*]"),
            "SKIP_KW" => words.push("SKIP".to_string()),
            n => words.push(n.to_string()),
        }
    }
    (words, punctuation)
}

#[test]
fn keyword_table_agrees_with_the_non_reserved_list() {
    let (words, _) = non_reserved_words();
    assert!(words.len() > 350, "the list was not read: {}", words.len());
    for w in &words {
        assert!(
            keywords::all().any(|(k, non_reserved)| k == w && non_reserved),
            "{w} is in StarRocks's nonReserved list but not a non-reserved keyword in keywords.rs"
        );
    }
    for (k, non_reserved) in keywords::all() {
        if non_reserved {
            assert!(words.iter().any(|w| w == k), "keywords.rs marks {k} non-reserved, StarRocks does not");
        }
    }
    // The keywords the grammar names are StarRocks keywords.
    for (_, name) in Tok::GRAMMAR_KEYWORDS {
        assert!(keywords::all().any(|(k, _)| k == *name), "{name} is not a StarRocks keyword");
    }
}

#[test]
fn non_reserved_rule_accepts_exactly_the_non_reserved_keywords() {
    let (words, punctuation) = non_reserved_words();
    let mut wrong = Vec::new();
    for (k, _) in keywords::all() {
        // Lower case too: keywords are case-insensitive.
        for spelling in [k.to_string(), k.to_lowercase()] {
            let toks = lex(&spelling).tokens;
            assert_eq!(toks.len(), 1, "{spelling} is one token");
            assert!(toks[0].kind != Tok::LetterIdent, "{spelling} lexes as a keyword");
            let expected = words.iter().any(|w| w == k);
            if matches_all(Rule::non_reserved, &spelling) != expected {
                wrong.push(format!("{spelling} (non-reserved: {expected})"));
            }
            if matches_all(Rule::identifier, &spelling) != expected {
                wrong.push(format!("{spelling} as identifier (non-reserved: {expected})"));
            }
        }
    }
    for p in punctuation {
        if !matches_all(Rule::non_reserved, p) {
            wrong.push(p.to_string());
        }
    }
    // Plain words are identifiers, not non-reserved keywords.
    for w in ["t1", "STATE", "REPO"] {
        if matches_all(Rule::non_reserved, w) {
            wrong.push(w.to_string());
        }
    }
    assert!(wrong.is_empty(), "non_reserved disagrees with StarRocks on {wrong:?}");
}

// ------------------------------------------------------------------ tokens.pest

fn generated_tokens_pest() -> String {
    let mut out = String::from(
        "// GENERATED from `Tok` in core/src/lexer.rs by the test `tokens_pest_matches_the_lexer` in\n\
         // core/tests/grammar_rules.rs (run it with UPDATE_GRAMMAR=1 to rewrite). Each token kind is\n\
         // one private-use character: U+E000 plus the kind's position in `Tok`.\n\n",
    );
    for kind in Tok::KINDS {
        let keyword = Tok::GRAMMAR_KEYWORDS.iter().any(|(t, _)| t == kind);
        let name = if keyword { format!("KW_{}", kind.name()) } else { format!("T_{}", kind.name()) };
        out.push_str(&format!("{name} = {{ \"\\u{{{:04X}}}\" }}\n", kind.symbol() as u32));
    }
    out
}

#[test]
fn tokens_pest_matches_the_lexer() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/grammar/tokens.pest");
    let expected = generated_tokens_pest();
    if std::env::var_os("UPDATE_GRAMMAR").is_some() {
        std::fs::write(&path, &expected).expect("write tokens.pest");
    }
    let actual = std::fs::read_to_string(&path).expect("read tokens.pest");
    assert!(
        actual == expected,
        "core/src/grammar/tokens.pest is out of date with lexer::Tok; run with UPDATE_GRAMMAR=1 to regenerate"
    );
}

#[test]
fn every_token_symbol_round_trips() {
    for (i, kind) in Tok::KINDS.iter().enumerate() {
        assert_eq!(kind.symbol() as u32, 0xE000 + i as u32);
        assert_eq!(Tok::from_symbol(kind.symbol()), Some(*kind));
    }
    // Every token rule of tokens.pest matches its own symbol and nothing else.
    let grammar = generated_tokens_pest();
    assert_eq!(grammar.lines().filter(|l| l.contains(" = {")).count(), Tok::KINDS.len());
}
