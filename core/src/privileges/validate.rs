//! Proof that a GRANT or REVOKE is valid StarRocks syntax: lex it with the project's
//! StarRocks-exact lexer, write the tokens as symbols (the GRANT-only keywords as their own
//! symbols, see `grant.pest`), parse with the GRANT grammar, and read back the names.

use crate::engine;
use crate::lexer::{backquoted_value, java_upper, lex, string_value, Tok, Token};
use serde::Serialize;

/// The GRANT/REVOKE grammar over token symbols, compiled by `build.rs`.
mod grammar {
    // Token rules GRANT does not use, and the rule names (for tests and debugging).
    #![allow(dead_code)]
    include!(concat!(env!("OUT_DIR"), "/grant_tables.rs"));
}

use grammar::{Rule, TABLES};

type Pair<'t> = engine::Pair<'t, Rule>;

/// Runs a rule of the GRANT grammar over symbols.
fn run(rule: Rule, symbols: &[u8]) -> Result<engine::Tree<Rule>, engine::SyntaxError<Rule>> {
    engine::run(&TABLES, rule, symbols)
}

/// The StarRocks keywords `grant.pest` names `GK_<WORD>`, in symbol order (U+E0A0 onwards,
/// after the symbols of `lexer::Tok`).
pub(crate) const GRANT_KEYWORDS: &[&str] = &[
    "GRANT",
    "REVOKE",
    "PRIVILEGES",
    "USAGE",
    "EXPORT",
    "INSERT",
    "SELECT",
    "OPERATE",
    "DELETE",
    "UPDATE",
    "SYSTEM",
    "USER",
    "ROLE",
    "DATABASES",
    "GLOBAL",
    "OPTION",
    "BOOLEAN",
    "TINYINT",
    "SMALLINT",
    "SIGNED",
    "UNSIGNED",
    "INT",
    "INTEGER",
    "BIGINT",
    "LARGEINT",
    "FLOAT",
    "DOUBLE",
    "TIME",
    "CHAR",
    "VARCHAR",
    "STRING",
    "TEXT",
    "BITMAP",
    "HLL",
    "PERCENTILE",
    "JSON",
    "VARIANT",
    "VARBINARY",
    "BINARY",
    "DECIMAL",
    "DECIMALV2",
    "DECIMAL32",
    "DECIMAL64",
    "DECIMAL128",
    "DECIMAL256",
    "NUMERIC",
    "NUMBER",
    "ARRAY",
    "MAP",
    "STRUCT",
];

const GK_BASE: u32 = 0xE0A0;
const _: () =
    assert!(Tok::KINDS.len() <= (GK_BASE - 0xE000) as usize, "token kinds overlap the GRANT keywords");
/// The symbol (byte) of the first GRANT keyword: its character minus U+E000.
const GK_FIRST_SYMBOL: u8 = (GK_BASE - 0xE000) as u8;

/// The tokens of `text` (hidden ones dropped) and the symbols the GRANT grammar parses.
fn symbols(text: &str) -> Result<(Vec<Token>, Vec<u8>), String> {
    let lexed = lex(text);
    if let Some(d) = lexed.diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!("lexical error: {}", d.message));
    }
    if let Some(d) = lexed.diagnostics.first() {
        return Err(format!("StarRocks's lexer would change this text: {}", d.message));
    }
    let tokens: Vec<Token> = lexed.tokens.into_iter().filter(|t| !t.kind.is_trivia()).collect();
    let syms = tokens.iter().map(|t| symbol(text, t)).collect();
    Ok((tokens, syms))
}

/// A token's symbol: its kind, or for a GRANT keyword its `GK_*` symbol (the grammar's
/// private-use character minus U+E000).
fn symbol(text: &str, t: &Token) -> u8 {
    if matches!(t.kind, Tok::KwReserved | Tok::KwNonReserved) {
        let upper: String = t.span.slice(text).chars().map(java_upper).collect();
        if let Some(i) = GRANT_KEYWORDS.iter().position(|w| *w == upper) {
            return GK_FIRST_SYMBOL + i as u8;
        }
    }
    t.kind as u8
}

/// True when `text` is a type StarRocks's grammar accepts (`INT`, `VARCHAR(10)`,
/// `DECIMAL(10, 2)`, `ARRAY<INT>`, `MAP<INT, STRING>`, `STRUCT<a INT>`, …) and nothing more.
pub fn is_valid_type(text: &str) -> bool {
    match symbols(text) {
        Ok((_, syms)) => run(Rule::type_input, &syms).is_ok(),
        Err(_) => false,
    }
}

/// A GRANT or REVOKE read back: the decoded names, as StarRocks would see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedGrant {
    /// True for REVOKE.
    pub revoke: bool,
    /// The privileges, upper case, words separated by one space (`CREATE TABLE`).
    pub privileges: Vec<String>,
    /// What they are granted on.
    pub object: ParsedObject,
    /// To (or from) whom.
    pub grantee: ParsedGrantee,
    /// `WITH GRANT OPTION` was written.
    pub with_grant_option: bool,
}

/// The `ON …` part of a parsed GRANT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum ParsedObject {
    /// `ON SYSTEM`
    System,
    /// `ON [TYPE] name, …`; `object_type` is `None` in the brief form (`ON db.tbl`).
    Objects {
        /// `TABLE`, `DATABASE`, `CATALOG`, `VIEW`, `MATERIALIZED VIEW`.
        object_type: Option<String>,
        /// Each name's decoded parts (`*` stays `*`).
        names: Vec<Vec<String>>,
    },
    /// `ON [GLOBAL] FUNCTION name(types), …`
    Functions {
        /// `GLOBAL` was written.
        global: bool,
        /// Each function: decoded name parts and argument types as written.
        functions: Vec<(Vec<String>, Vec<String>)>,
    },
    /// `ON ALL <plural> [IN ALL DATABASES | IN DATABASE db]`
    All {
        /// `TABLES`, `FUNCTIONS`, `CATALOGS`, …
        plural: String,
        /// `IN DATABASE db`, decoded.
        in_database: Option<String>,
        /// `IN ALL DATABASES`.
        in_all_databases: bool,
    },
}

/// The grantee of a parsed GRANT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParsedGrantee {
    /// `ROLE r`
    Role {
        /// The decoded role name.
        name: String,
    },
    /// `[USER] 'u'@'host'`
    User {
        /// The decoded user name.
        name: String,
        /// The decoded host, when written.
        host: Option<String>,
    },
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Reader<'_> {
    /// The tokens a pair covers.
    fn tokens(&self, p: &Pair<'_>) -> &[Token] {
        &self.tokens[p.tokens()]
    }

    fn source(&self, p: &Pair<'_>) -> &str {
        let t = self.tokens(p);
        match (t.first(), t.last()) {
            (Some(a), Some(b)) => &self.text[a.span.start..b.span.end],
            _ => "",
        }
    }

    /// Upper-case words of a keyword pair, one space apart.
    fn words(&self, p: &Pair<'_>) -> String {
        self.tokens(p)
            .iter()
            .map(|t| t.span.slice(self.text).chars().map(java_upper).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The value of an identifier, string or `*` token.
    fn value(&self, t: &Token) -> String {
        let raw = t.span.slice(self.text);
        match t.kind {
            Tok::BackquotedIdent => backquoted_value(raw),
            Tok::SingleQuoted | Tok::DoubleQuoted => string_value(raw),
            Tok::DotIdent => raw[1..].to_string(),
            _ => raw.to_string(),
        }
    }

    /// The decoded parts of a name pair (dots skipped).
    fn parts(&self, p: &Pair<'_>) -> Vec<String> {
        self.tokens(p).iter().filter(|t| t.kind != Tok::Dot).map(|t| self.value(t)).collect()
    }
}

/// Parses one GRANT or REVOKE (an optional final `;` allowed) with the GRANT grammar and reads
/// back its names. Fails on anything StarRocks's lexer would alter or its grammar would reject
/// (within the forms of spec §7.2 this family uses).
pub fn parse_grant(sql: &str) -> Result<ParsedGrant, String> {
    let (tokens, syms) = symbols(sql)?;
    let tree = run(Rule::grant_input, &syms).map_err(|e| match tokens.get(e.at) {
        Some(t) => format!("syntax error at `{}` (byte {})", t.span.slice(sql), t.span.start),
        None => "syntax error at the end of the statement".to_string(),
    })?;
    let r = Reader { text: sql, tokens: &tokens };
    let input = tree.pairs().next().expect("grant_input");
    let stmt = input.into_inner().next().expect("a statement");
    let revoke = stmt.as_rule() == Rule::revoke_stmt;
    let mut out = ParsedGrant {
        revoke,
        privileges: Vec::new(),
        object: ParsedObject::System,
        grantee: ParsedGrantee::Role { name: String::new() },
        with_grant_option: false,
    };
    for p in stmt.into_inner() {
        match p.as_rule() {
            Rule::privilege_list => {
                out.privileges =
                    p.into_inner().filter(|q| q.as_rule() == Rule::privilege).map(|q| r.words(&q)).collect()
            }
            Rule::on_system => out.object = ParsedObject::System,
            Rule::on_primary | Rule::on_brief => {
                let mut object_type = None;
                let mut names = Vec::new();
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::object_type => object_type = Some(r.words(&q)),
                        Rule::object_name => names.push(r.parts(&q)),
                        _ => {}
                    }
                }
                out.object = ParsedObject::Objects { object_type, names };
            }
            Rule::on_function => {
                let mut global = false;
                let mut functions = Vec::new();
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::global => global = true,
                        Rule::function_signature => {
                            let mut name = Vec::new();
                            let mut args = Vec::new();
                            for s in q.into_inner() {
                                match s.as_rule() {
                                    Rule::qualified_name => name = r.parts(&s),
                                    Rule::type_list => {
                                        let toks = r.tokens(&s);
                                        args = s
                                            .into_inner()
                                            .filter(|t| t.as_rule() == Rule::type_)
                                            .map(|t| r.source(&t).to_string())
                                            .collect();
                                        if toks.last().is_some_and(|t| t.kind == Tok::DotDotDot) {
                                            args.push("...".into());
                                        }
                                    }
                                    _ => {}
                                }
                            }
                            functions.push((name, args));
                        }
                        _ => {}
                    }
                }
                out.object = ParsedObject::Functions { global, functions };
            }
            Rule::on_all => {
                let mut plural = String::new();
                let mut in_database = None;
                let mut in_all_databases = false;
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::object_type_plural => plural = r.words(&q),
                        Rule::in_clause => {
                            let c = q.into_inner().next().expect("in clause");
                            if c.as_rule() == Rule::in_all_databases {
                                in_all_databases = true;
                            } else {
                                let name = c
                                    .into_inner()
                                    .find(|n| n.as_rule() == Rule::identifier_or_string)
                                    .expect("database name");
                                in_database = Some(r.value(&r.tokens(&name)[0]));
                            }
                        }
                        _ => {}
                    }
                }
                out.object = ParsedObject::All { plural, in_database, in_all_databases };
            }
            Rule::grantee => {
                let g = p.into_inner().next().expect("grantee");
                let name_values: Vec<String> = g
                    .into_inner()
                    .flat_map(|q| match q.as_rule() {
                        Rule::user => q
                            .into_inner()
                            .filter(|n| n.as_rule() == Rule::identifier_or_string)
                            .map(|n| r.value(&r.tokens(&n)[0]))
                            .collect::<Vec<_>>(),
                        Rule::identifier_or_string => vec![r.value(&r.tokens(&q)[0])],
                        _ => vec![],
                    })
                    .collect();
                out.grantee = if g.as_rule() == Rule::role_grantee {
                    ParsedGrantee::Role { name: name_values[0].clone() }
                } else {
                    ParsedGrantee::User { name: name_values[0].clone(), host: name_values.get(1).cloned() }
                };
            }
            Rule::with_grant_option => out.with_grant_option = true,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::keyword_lookup;

    #[test]
    fn gk_symbols_match_the_grammar_file() {
        let pest = include_str!("grant.pest");
        for (i, w) in GRANT_KEYWORDS.iter().enumerate() {
            let line = format!("GK_{w} = {{ \"\\u{{{:X}}}\" }}", GK_BASE + i as u32);
            assert!(pest.contains(&line), "grant.pest lacks `{line}`");
            assert!(keyword_lookup(w).is_some(), "{w} is not a StarRocks keyword");
        }
        assert_eq!(pest.matches("\nGK_").count(), GRANT_KEYWORDS.len());
    }

    #[test]
    fn identifier_accepts_exactly_the_non_reserved_keywords() {
        for w in GRANT_KEYWORDS {
            let i = GRANT_KEYWORDS.iter().position(|x| x == w).unwrap();
            let sym = [GK_FIRST_SYMBOL + i as u8];
            let ok = run(Rule::identifier, &sym).is_ok();
            assert_eq!(ok, keyword_lookup(w) == Some(true), "{w}");
        }
        for &t in Tok::KINDS {
            let sym = [t as u8];
            let ok = run(Rule::identifier, &sym).is_ok();
            let expected = t.is_non_reserved_keyword()
                || matches!(
                    t,
                    Tok::LetterIdent
                        | Tok::DigitIdent
                        | Tok::BackquotedIdent
                        | Tok::DotDotDot
                        | Tok::ArrayElement
                );
            assert_eq!(ok, expected, "{t:?}");
        }
    }

    #[test]
    fn types() {
        for t in [
            "INT",
            "int",
            "VARCHAR(65533)",
            "DECIMAL(10, 2)",
            "decimal128(38,9)",
            "ARRAY<INT>",
            "ARRAY<ARRAY<STRING>>",
            "MAP<INT, STRING>",
            "STRUCT<a INT, b ARRAY<DATE>>",
            "SIGNED INTEGER",
            "DATETIME",
            "JSON",
        ] {
            assert!(is_valid_type(t), "{t}");
        }
        for t in ["", "INT,", "INT) TO ROLE admin; --", "VARCHAR(x)", "ARRAY<>", "foo", "INT INT", "`INT`"] {
            assert!(!is_valid_type(t), "{t}");
        }
    }

    /// GRANTs and REVOKEs StarRocks accepts: the spec's examples, in both cases.
    const VALID_GRANTS: &[&str] = &[
        "GRANT REPOSITORY ON SYSTEM TO ROLE backup_tbl",
        "grant repository on system to test",
        "GRANT EXPORT ON TABLE db.t TO ROLE backup_tbl",
        "grant export on db1.tbl1 to test",
        "GRANT EXPORT ON ALL TABLES IN DATABASE db TO ROLE backup_db",
        "GRANT EXPORT ON ALL TABLES IN ALL DATABASES TO ROLE backup",
        "GRANT CREATE DATABASE ON CATALOG default_catalog TO ROLE recover",
        "GRANT CREATE TABLE ON DATABASE db TO ROLE recover_tbl",
        "grant create table on database db1 to test",
        "GRANT CREATE TABLE ON ALL DATABASES TO ROLE recover",
        "GRANT INSERT ON TABLE t TO ROLE recover_tbl",
        "GRANT INSERT ON ALL TABLES IN DATABASE db TO ROLE recover_db",
        "GRANT INSERT, EXPORT ON ALL TABLES IN ALL DATABASES TO ROLE recover",
        "GRANT INSERT, EXPORT ON TABLE t TO ROLE recover_par",
        "GRANT USAGE ON FUNCTION db.fn(INT, STRING) TO ROLE r",
        "GRANT USAGE ON ALL FUNCTIONS IN DATABASE db TO ROLE r",
        "GRANT USAGE ON CATALOG c TO ROLE r",
        "GRANT USAGE ON ALL CATALOGS TO ROLE r",
        "GRANT CREATE EXTERNAL CATALOG ON SYSTEM TO ROLE r",
        "GRANT USAGE ON FUNCTION db.fn() TO USER 'u'@'%' WITH GRANT OPTION;",
        "REVOKE EXPORT ON TABLE db.t FROM ROLE r",
        "REVOKE USAGE ON ALL CATALOGS FROM 'u'@'10.0.0.1'",
    ];

    /// What StarRocks rejects, including the docs' mistakes.
    const INVALID_GRANTS: &[&str] = &[
        "GRANT INSERT ON ALL TABLES ALL DATABASES TO ROLE recover",
        "GRANT CREATE TABLE ON ALL DATABASE TO ROLE recover",
        "GRANT EXPORT ON TABLE db.1a TO ROLE r",
        "GRANT EXPORT ON TABLE db.t TO ROLE r s",
        "GRANT EXPORT ON TABLE db.t",
        "GRANT EXPORT ON TABLE db.t FROM ROLE r",
        "REVOKE EXPORT ON TABLE db.t TO ROLE r",
        "GRANT USAGE ON FUNCTION db.fn TO ROLE r",
        "GRANT EXPORT ON TABLE a.b.c TO ROLE r",
        "GRANT EXPORT ON TABLE db.t TO ROLE r; GRANT EXPORT ON TABLE db.t TO ROLE r",
        "GRANT EXPORT ON TABLE db.t TO ROLE r -- x\n, y",
    ];

    #[test]
    fn spec_examples_parse_and_doc_mistakes_do_not() {
        for g in VALID_GRANTS {
            parse_grant(g).unwrap_or_else(|e| panic!("{g}: {e}"));
        }
        for g in INVALID_GRANTS {
            assert!(parse_grant(g).is_err(), "{g} should not parse");
        }
    }

    #[test]
    fn reads_back_names() {
        let g = parse_grant("GRANT INSERT, EXPORT ON TABLE `select`.`a b` TO USER 'it''s'@'%'").unwrap();
        assert_eq!(g.privileges, ["INSERT", "EXPORT"]);
        assert_eq!(
            g.object,
            ParsedObject::Objects {
                object_type: Some("TABLE".into()),
                names: vec![vec!["select".into(), "a b".into()]]
            }
        );
        assert_eq!(g.grantee, ParsedGrantee::User { name: "it's".into(), host: Some("%".into()) });
        let g = parse_grant("grant usage on function d.f(int, varchar(10), ...) to role `r 1`").unwrap();
        assert_eq!(
            g.object,
            ParsedObject::Functions {
                global: false,
                functions: vec![(
                    vec!["d".into(), "f".into()],
                    vec!["int".into(), "varchar(10)".into(), "...".into()]
                )]
            }
        );
        assert_eq!(g.grantee, ParsedGrantee::Role { name: "r 1".into() });
        // A role named `role` and a user named `user`.
        assert_eq!(
            parse_grant("GRANT USAGE ON ALL CATALOGS TO ROLE role").unwrap().grantee,
            ParsedGrantee::Role { name: "role".into() }
        );
        assert_eq!(
            parse_grant("GRANT USAGE ON ALL CATALOGS TO user").unwrap().grantee,
            ParsedGrantee::User { name: "user".into(), host: None }
        );
        // A table named `system` in the brief form versus ON SYSTEM.
        assert_eq!(parse_grant("GRANT REPOSITORY ON SYSTEM TO r").unwrap().object, ParsedObject::System);
        assert_eq!(
            parse_grant("GRANT EXPORT ON system.t TO r").unwrap().object,
            ParsedObject::Objects { object_type: None, names: vec![vec!["system".into(), "t".into()]] }
        );
    }

    /// pest's own generated parser for the same grammar files: the engine must agree with it.
    mod oracle {
        #[derive(pest_derive::Parser)]
        #[grammar = "grammar/tokens.pest"]
        #[grammar = "privileges/grant.pest"]
        pub struct Oracle;
    }

    /// A parse as `(rule name, start, end, depth)` per pair, or the failure's position and
    /// expected rules.
    type Outcome = Result<Vec<(String, usize, usize, usize)>, (usize, Vec<String>)>;

    fn engine_outcome(rule: Rule, symbols: &[u8]) -> Outcome {
        fn walk(pairs: engine::Pairs<'_, Rule>, depth: usize, out: &mut Vec<(String, usize, usize, usize)>) {
            for p in pairs {
                let r = p.tokens();
                out.push((format!("{:?}", p.as_rule()), r.start, r.end, depth));
                walk(p.into_inner(), depth + 1, out);
            }
        }
        match run(rule, symbols) {
            Ok(tree) => {
                let mut out = Vec::new();
                walk(tree.pairs(), 0, &mut out);
                Ok(out)
            }
            Err(e) => Err((e.at, e.expected.iter().map(|r| format!("{r:?}")).collect())),
        }
    }

    fn pest_outcome(rule: oracle::Rule, symbols: &[u8]) -> Outcome {
        use pest::Parser as _;
        fn walk(
            pairs: pest::iterators::Pairs<'_, oracle::Rule>,
            depth: usize,
            out: &mut Vec<(String, usize, usize, usize)>,
        ) {
            for p in pairs {
                let s = p.as_span();
                out.push((format!("{:?}", p.as_rule()), s.start() / 3, s.end() / 3, depth));
                walk(p.into_inner(), depth + 1, out);
            }
        }
        let text: String = symbols.iter().map(|b| char::from_u32(0xE000 + u32::from(*b)).unwrap()).collect();
        match oracle::Oracle::parse(rule, &text) {
            Ok(pairs) => {
                let mut out = Vec::new();
                walk(pairs, 0, &mut out);
                Ok(out)
            }
            Err(e) => {
                let at = match e.location {
                    pest::error::InputLocation::Pos(p) | pest::error::InputLocation::Span((p, _)) => p / 3,
                };
                let pest::error::ErrorVariant::ParsingError { positives, .. } = e.variant else {
                    panic!("pest gave up: {e}")
                };
                Err((at, positives.iter().map(|r| format!("{r:?}")).collect()))
            }
        }
    }

    /// Every GRANT and REVOKE the tests know: the examples above and every one the privilege
    /// snapshots print.
    fn grant_corpus() -> Vec<Vec<u8>> {
        let mut texts: Vec<String> =
            VALID_GRANTS.iter().chain(INVALID_GRANTS).map(|s| s.to_string()).collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/privileges/snapshots");
        for entry in std::fs::read_dir(dir).expect("privilege snapshots") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("snapshot");
            for line in text.lines().map(str::trim) {
                if line.starts_with("GRANT ") || line.starts_with("REVOKE ") {
                    texts.push(line.to_string());
                }
            }
        }
        let mut out: Vec<Vec<u8>> = texts.iter().filter_map(|t| symbols(t).ok()).map(|(_, s)| s).collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_engine_agrees_with_pest_on_the_grant_grammar() {
        let corpus = grant_corpus();
        assert!(corpus.len() > 30, "{} GRANTs", corpus.len());
        // Every symbol the GRANT grammar can see: the token kinds and the GRANT keywords.
        let alphabet: Vec<u8> = (0..Tok::KINDS.len() as u8)
            .filter(|k| !Tok::KINDS[*k as usize].is_trivia())
            .chain((0..GRANT_KEYWORDS.len() as u8).map(|i| GK_FIRST_SYMBOL + i))
            .collect();
        let mut checked = 0;
        let mut compare = |symbols: &[u8]| {
            assert_eq!(
                engine_outcome(Rule::grant_input, symbols),
                pest_outcome(oracle::Rule::grant_input, symbols),
                "{symbols:?}"
            );
            checked += 1;
        };
        // Each statement, and each with one token dropped or replaced (a deterministic
        // sample of the alphabet, different at every position).
        for base in &corpus {
            compare(base);
            for i in 0..base.len() {
                let mut dropped = base.clone();
                dropped.remove(i);
                compare(&dropped);
                for k in 0..3 {
                    let mut replaced = base.clone();
                    replaced[i] = alphabet[(i * 7 + k * 31 + base.len()) % alphabet.len()];
                    compare(&replaced);
                }
            }
        }
        assert!(checked > 2_000, "{checked} inputs");
    }
}
