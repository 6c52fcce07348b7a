//! Turns a pest failure into a diagnostic a person can act on: what was expected, in words;
//! what was found; a did-you-mean for misspelled keywords; and a fix where one is obvious.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Edit, Fix, Severity};
use crate::grammar::Rule;
use crate::lexer::{java_upper, keyword_lookup, Tok, Token};
use crate::span::Span;
use pest::error::{Error, ErrorVariant, InputLocation};

const SYMBOL_BYTES: usize = 3;

/// What a rule means to a user, and the keywords it could start with (for did-you-mean).
fn describe(rule: Rule) -> Option<(&'static str, &'static [&'static str])> {
    use Rule::*;
    Some(match rule {
        statement_input => (
            "a statement (BACKUP, RESTORE, SHOW, CANCEL, CREATE or DROP)",
            &["BACKUP", "RESTORE", "SHOW", "CANCEL", "CREATE", "DROP"],
        ),
        backup_stmt => ("BACKUP", &["BACKUP"]),
        restore_stmt => ("RESTORE", &["RESTORE"]),
        show_backup_stmt | show_restore_stmt | show_snapshot_stmt | show_repositories_stmt => {
            ("SHOW", &["SHOW"])
        }
        cancel_backup_stmt | cancel_restore_stmt => ("CANCEL", &["CANCEL"]),
        create_repository_stmt => ("CREATE", &["CREATE"]),
        drop_snapshot_stmt | drop_repository_stmt => ("DROP", &["DROP"]),
        identifier | object_name | qualified_name | catalog_item | catalog_alias_item | column_ref => {
            ("a name", &[])
        }
        snapshot_name | drop_snapshot_name => ("a snapshot name", &[]),
        repository_name => ("a repository name", &[]),
        database_name => ("a database name", &[]),
        database_clause | restore_database => ("DATABASE", &["DATABASE"]),
        backup_catalogs | restore_catalogs => ("EXTERNAL CATALOG(S) (…)", &["EXTERNAL", "ALL"]),
        all_external_catalogs => ("ALL EXTERNAL CATALOGS", &["ALL"]),
        catalog_list | catalog_alias_list | paren_partition_names | T_LParen => ("`(`", &[]),
        on_clause => ("ON (…)", &["ON"]),
        properties => ("PROPERTIES (…)", &["PROPERTIES"]),
        property => ("a property \"key\" = \"value\"", &[]),
        string | location => ("a quoted string", &[]),
        all_objects | typed_object | table_desc => (
            "an object (a table name, or TABLE, MATERIALIZED VIEW, VIEW, FUNCTION or ALL …)",
            &["ALL", "TABLE", "TABLES", "MATERIALIZED", "VIEW", "VIEWS", "FUNCTION", "FUNCTIONS"],
        ),
        object_kind | table_kw | view_kw | mv_kw | function_kw => (
            "TABLES, MATERIALIZED VIEWS, VIEWS or FUNCTIONS",
            &["TABLES", "TABLE", "MATERIALIZED", "VIEWS", "VIEW", "FUNCTIONS", "FUNCTION"],
        ),
        partition_names | partition_list | key_partitions => {
            ("PARTITION (…)", &["PARTITION", "PARTITIONS", "TEMPORARY"])
        }
        temporary => ("TEMPORARY", &["TEMPORARY"]),
        partition_name | bare_partition_names => ("a partition name", &[]),
        key_partition => ("a partition column = value", &[]),
        literal | null_lit | true_lit | false_lit | number | typed_string | binary => {
            ("a literal value", &[])
        }
        alias => ("AS", &["AS"]),
        from_db | from_kw => ("FROM or IN", &["FROM", "IN"]),
        for_external_catalog => ("FOR EXTERNAL CATALOG", &["FOR"]),
        read_only => ("READ ONLY", &["READ"]),
        broker_name => ("a broker name", &[]),
        force => ("FORCE", &["FORCE"]),
        where_clause => ("WHERE", &["WHERE"]),
        order_by => ("ORDER BY", &["ORDER"]),
        limit_clause => ("LIMIT", &["LIMIT"]),
        limit_offset => ("OFFSET", &["OFFSET"]),
        limit_value => ("a number, `?` or a @variable", &[]),
        expression | and_expr | not_expr | boolean_expr | predicate | value_expr | bitand_expr
        | additive_expr | multiplicative_expr | bitxor_expr | unary_expr | sort_item | function_call
        | paren_expr | case_expr | user_variable | system_variable | sort_all | case_operand => {
            ("an expression", &[])
        }
        or_op | and_op | comparison | comparison_op | is_null | in_list | between | like | like_op
        | bitor_op | bitand_op | additive_op | multiplicative_op | bitxor_op => {
            ("an operator", &["AND", "OR", "IS", "IN", "LIKE", "BETWEEN", "NOT"])
        }
        ordering => ("ASC or DESC", &["ASC", "DESC"]),
        nulls_order => ("NULLS FIRST or NULLS LAST", &["NULLS"]),
        when_clause => ("WHEN", &["WHEN"]),
        else_clause => ("ELSE", &["ELSE"]),
        call_star | call_args | distinct => ("an argument", &[]),
        T_Comma | limit_comma => ("`,`", &[]),
        T_RParen => ("`)`", &[]),
        T_Eq => ("`=`", &[]),
        T_Dot | T_DotIdent => ("`.`", &[]),
        EOI => ("the end of the statement", &[]),
        _ => {
            let name = format!("{rule:?}");
            let kw = name.strip_prefix("KW_")?;
            let kw: &'static str = crate::lexer::Tok::GRAMMAR_KEYWORDS.iter().find(|(_, n)| *n == kw)?.1;
            return Some((kw, keyword_slice(kw)));
        }
    })
}

/// A one-element slice holding a grammar keyword's static name.
fn keyword_slice(kw: &'static str) -> &'static [&'static str] {
    Tok::GRAMMAR_KEYWORDS
        .iter()
        .position(|(_, n)| *n == kw)
        .map(|i| std::slice::from_ref(&KEYWORD_NAMES[i]))
        .unwrap_or(&[])
}

static KEYWORD_NAMES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| Tok::GRAMMAR_KEYWORDS.iter().map(|(_, n)| *n).collect());

/// True when the first token is a word close to a statement keyword (a typo such as `BAKUP`),
/// so the statement is reported as a syntax error rather than skipped as foreign.
pub(crate) fn is_near_family_keyword(text: &str, tok: Token) -> bool {
    let word = upper(tok.span.slice(text));
    ["BACKUP", "RESTORE", "CANCEL"].iter().any(|k| close_enough(&word, k))
}

/// True when `tok` is a word close to one of `keywords` (upper case): a typo within the
/// did-you-mean distance, or the keyword's singular/plural twin (`REPOSITORY`/`REPOSITORIES`,
/// `SNAPSHOT`/`SNAPSHOTS`).
pub(crate) fn is_near_keyword(text: &str, tok: Token, keywords: &[&str]) -> bool {
    if !is_wordlike(tok.kind) {
        return false;
    }
    let word = upper(tok.span.slice(text));
    keywords.iter().any(|k| close_enough(&word, k) || plural_twin(&word, k))
}

/// `SNAPSHOT`/`SNAPSHOTS`, `REPOSITORY`/`REPOSITORIES`, either way round.
fn plural_twin(word: &str, keyword: &str) -> bool {
    let plural = |s: &str| match s.strip_suffix('Y') {
        Some(stem) => format!("{stem}IES"),
        None => format!("{s}S"),
    };
    word != keyword && (plural(word) == keyword || plural(keyword) == word)
}

fn upper(s: &str) -> String {
    s.chars().map(java_upper).collect()
}

/// Edit distance (Levenshtein) with an early cut-off.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn close_enough(word: &str, keyword: &str) -> bool {
    if word == keyword || word.len() < 3 {
        return false;
    }
    let max = if keyword.len() >= 6 { 2 } else { 1 };
    distance(word, keyword) <= max
}

/// Builds the diagnostic for a failed statement.
pub(crate) fn syntax_error(text: &str, toks: &[Token], err: &Error<Rule>) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((p, _)) => p,
    };
    let at = (pos / SYMBOL_BYTES).min(toks.len());
    let positives: Vec<Rule> = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => vec![],
    };
    if std::env::var_os("SRB_DEBUG_PEST").is_some() {
        eprintln!("pest: at={at} positives={positives:?}");
    }
    Explainer { text, toks, at, positives }.explain()
}

struct Explainer<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Index of the offending token (== toks.len() at the end of the statement).
    at: usize,
    positives: Vec<Rule>,
}

impl<'a> Explainer<'a> {
    fn found(&self) -> Option<Token> {
        self.toks.get(self.at).copied()
    }

    fn prev(&self) -> Option<Token> {
        self.at.checked_sub(1).and_then(|i| self.toks.get(i).copied())
    }

    fn kind_at(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn slice(&self, t: Token) -> &'a str {
        t.span.slice(self.text)
    }

    fn expects(&self, rule: Rule) -> bool {
        self.positives.contains(&rule)
    }

    fn expects_name(&self) -> bool {
        use Rule::*;
        self.positives.iter().any(|r| {
            matches!(
                r,
                identifier
                    | object_name
                    | qualified_name
                    | catalog_item
                    | catalog_alias_item
                    | snapshot_name
                    | drop_snapshot_name
                    | repository_name
                    | database_name
                    | table_desc
                    | partition_name
                    | bare_partition_names
                    | broker_name
            )
        })
    }

    fn span(&self) -> Span {
        match self.found() {
            Some(t) => t.span,
            None => Span::empty(self.toks.last().map_or(0, |t| t.span.end)),
        }
    }

    fn describe_found(&self) -> String {
        let Some(t) = self.found() else { return "the end of the statement".into() };
        let text = self.slice(t);
        let short: String = if text.chars().count() > 40 {
            format!("{}…", text.chars().take(40).collect::<String>())
        } else {
            text.to_string()
        };
        match t.kind {
            Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent => format!("name `{short}`"),
            Tok::SingleQuoted | Tok::DoubleQuoted => format!("string {short}"),
            Tok::IntegerValue | Tok::DecimalValue | Tok::DoubleValue => format!("number `{short}`"),
            k if k < Tok::KwReserved || k == Tok::KwReserved || k == Tok::KwNonReserved => {
                format!("keyword `{short}`")
            }
            _ => format!("`{short}`"),
        }
    }

    /// Expected alternatives in words, deduplicated, the end of the statement last.
    fn expected_words(&self) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut end = false;
        for r in &self.positives {
            if *r == Rule::EOI {
                end = true;
                continue;
            }
            if let Some((w, _)) = describe(*r) {
                if !words.iter().any(|x| x == w) {
                    words.push(w.to_string());
                }
            }
        }
        if end {
            words.push("the end of the statement".into());
        }
        words
    }

    fn keyword_candidates(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for r in &self.positives {
            if let Some((_, kws)) = describe(*r) {
                for k in kws {
                    if !out.contains(k) {
                        out.push(k);
                    }
                }
            }
        }
        out
    }

    fn explain(&self) -> Diagnostic {
        let expected = self.expected_words();
        let found = self.describe_found();
        let span = self.span();
        let base = |code: &'static str, message: String| {
            Diagnostic::new(code, Severity::Error, DiagnosticKind::Syntax, message, span)
                .with_expected(expected.clone())
                .with_starrocks(self.starrocks_message())
        };
        let found_tok = self.found();
        let prev = self.prev();

        // Stray or doubled commas, empty lists.
        if let (Some(f), Some(p)) = (found_tok, prev) {
            if p.kind == Tok::Comma && matches!(f.kind, Tok::RParen | Tok::Comma) {
                let what = if f.kind == Tok::RParen { "trailing comma" } else { "doubled comma" };
                return base("SR102", format!("{what}: expected {} after `,`", join_or(&expected)))
                    .with_help("remove the extra comma")
                    .with_fix(Fix::single("remove the comma", p.span, ""));
            }
            if p.kind == Tok::LParen && f.kind == Tok::RParen {
                return self.empty_list(base("SR103", String::new()), p, f);
            }
        }

        // Two statements without `;` between them.
        if self.expects(Rule::EOI) {
            if let Some(f) = found_tok {
                if matches!(
                    f.kind,
                    Tok::BACKUP | Tok::RESTORE | Tok::SHOW | Tok::CANCEL | Tok::CREATE | Tok::DROP
                ) && self.at > 0
                {
                    return base(
                        "SR106",
                        format!("a new statement starts at `{}` before this one ended", self.slice(f)),
                    )
                    .with_help("end the previous statement with `;`")
                    .with_fix(Fix::single(
                        "insert `;`",
                        Span::empty(prev.map_or(f.span.start, |p| p.span.end)),
                        ";",
                    ));
                }
            }
        }

        if let Some(d) = self.clause_order(&base) {
            return d;
        }

        // A misspelled keyword.
        if let Some(f) = found_tok {
            if is_wordlike(f.kind) {
                let word = upper(self.slice(f));
                let mut best: Option<(&str, usize)> = None;
                for k in self.keyword_candidates() {
                    if close_enough(&word, k) {
                        let d = distance(&word, k);
                        if best.is_none_or(|(_, bd)| d < bd) {
                            best = Some((k, d));
                        }
                    }
                }
                if let Some((k, _)) = best {
                    let message = format!("unknown keyword `{}`: did you mean `{k}`?", self.slice(f));
                    return base("SR104", message)
                        .with_help(format!("expected {}", join_or(&expected)))
                        .with_fix(Fix::single(format!("replace with `{k}`"), f.span, k));
                }
            }
        }

        // A missing keyword before a name: `BACKUP SNAPSHOT s repo` → insert TO.
        if let Some(f) = found_tok {
            if is_name_token(f.kind) {
                let insert = if self.expects(Rule::KW_TO) {
                    Some(("TO", "a repository name"))
                } else if self.expects(Rule::KW_FROM) && self.first_kind() == Some(Tok::RESTORE) {
                    Some(("FROM", "a repository name"))
                } else if self.expects(Rule::KW_SNAPSHOT) && !self.expects(Rule::database_clause) {
                    Some(("SNAPSHOT", "a snapshot name"))
                } else {
                    None
                };
                if let Some((kw, what)) = insert {
                    return base("SR110", format!("expected {kw} followed by {what}, found {found}"))
                        .with_help(format!("write {kw} before `{}`", self.slice(f)))
                        .with_fix(Fix::single(
                            format!("insert `{kw}`"),
                            Span::empty(f.span.start),
                            format!("{kw} "),
                        ));
                }
            }
        }

        // Strings required: property keys and values, locations.
        if let Some(f) = found_tok {
            let wants_string =
                self.expects(Rule::string) || self.expects(Rule::location) || self.expects(Rule::property);
            if wants_string && !self.expects_name() && is_stringable(f.kind) {
                let raw = self.slice(f);
                let value = if f.kind == Tok::BackquotedIdent {
                    crate::lexer::backquoted_value(raw)
                } else {
                    raw.to_string()
                };
                let quoted = crate::lexer::quote_string(&value);
                return base("SR109", format!("expected a quoted string, found {found}"))
                    .with_help("property keys and values, and locations, are string literals in StarRocks, even numbers")
                    .with_fix(Fix::single(format!("write it as the string {quoted}"), f.span, quoted));
            }
        }

        // Reserved words and numbers where a name is expected.
        if let Some(f) = found_tok {
            if self.expects_name() {
                let raw = self.slice(f);
                let reserved = is_reserved_word(f.kind);
                let number = matches!(f.kind, Tok::IntegerValue | Tok::DoubleValue | Tok::DecimalValue);
                if reserved || number {
                    let (span, name) = match f.kind {
                        Tok::DecimalValue if raw.starts_with('.') => {
                            (Span::new(f.span.start + 1, f.span.end), &raw[1..])
                        }
                        _ => (f.span, raw),
                    };
                    let what = if reserved { "a reserved word" } else { "a number" };
                    let mut d = base(
                        "SR105",
                        format!("`{name}` is {what} in StarRocks, so it cannot be a name without backquotes"),
                    )
                    .with_help(format!("to use it as a name, write `{}`", format_args!("`{name}`")))
                    .with_fix(Fix::single(
                        "quote it with backquotes",
                        span,
                        format!("`{name}`"),
                    ));
                    d.span = span;
                    if f.kind == Tok::ON && self.first_kind() == Some(Tok::DROP) {
                        d.message = "expected a snapshot name before ON".into();
                        d.help = Some("DROP SNAPSHOT needs the snapshot's name: DROP SNAPSHOT <snapshot> ON <repository>".into());
                        d.fix = None;
                    }
                    return d;
                }
            }
        }

        let mut d = base("SR100", format!("expected {}, found {found}", join_or(&expected)));
        d.help = self.hint();
        d.fix = self.fix_for_hint();
        d
    }

    fn first_kind(&self) -> Option<Tok> {
        self.kind_at(0)
    }

    fn empty_list(&self, mut d: Diagnostic, open: Token, close: Token) -> Diagnostic {
        let before = self.at.checked_sub(2).and_then(|i| self.toks.get(i).copied());
        let (what, fix) = match before.map(|t| t.kind) {
            Some(Tok::PROPERTIES) => {
                let b = before.expect("checked");
                (
                    "PROPERTIES ()",
                    Some(Fix::single(
                        "remove the empty PROPERTIES clause",
                        self.with_leading_space(b.span.start, close.span.end),
                        "",
                    )),
                )
            }
            Some(Tok::ON) => {
                let b = before.expect("checked");
                (
                    "ON ()",
                    Some(Fix::single(
                        "remove the empty ON clause (no ON backs up the whole database)",
                        self.with_leading_space(b.span.start, close.span.end),
                        "",
                    )),
                )
            }
            Some(Tok::PARTITION | Tok::PARTITIONS) => ("PARTITION ()", None),
            Some(Tok::CATALOG | Tok::CATALOGS) => ("EXTERNAL CATALOG ()", None),
            _ => ("()", None),
        };
        let _ = open;
        d.message = format!("empty list: {what} needs at least one item");
        d.help = Some("StarRocks's grammar requires at least one item between the parentheses".into());
        d.fix = fix;
        d
    }

    /// `start..end` extended left over the whitespace before it, so removal leaves tidy text.
    fn with_leading_space(&self, start: usize, end: usize) -> Span {
        let trimmed = self.text[..start].trim_end_matches([' ', '\t', '\n', '\r']);
        Span::new(trimmed.len(), end)
    }

    fn clause_order(&self, base: &dyn Fn(&'static str, String) -> Diagnostic) -> Option<Diagnostic> {
        let f = self.found()?;
        let seen = |k: Tok| self.toks[..self.at].iter().any(|t| t.kind == k);
        let first = self.first_kind();
        let msg = match f.kind {
            Tok::ON if seen(Tok::PROPERTIES) && matches!(first, Some(Tok::BACKUP | Tok::RESTORE)) => {
                "the ON (…) clause must come before PROPERTIES"
            }
            Tok::ON if seen(Tok::ON) && matches!(first, Some(Tok::BACKUP | Tok::RESTORE)) => "ON (…) may appear only once",
            Tok::PROPERTIES if seen(Tok::PROPERTIES) => "PROPERTIES may appear only once",
            Tok::DATABASE if first == Some(Tok::RESTORE) && !seen(Tok::FROM) => {
                "in RESTORE, DATABASE comes after FROM <repository>: RESTORE SNAPSHOT <snapshot> FROM <repository> DATABASE <db>"
            }
            Tok::DATABASE if first == Some(Tok::BACKUP) && seen(Tok::SNAPSHOT) => {
                "in BACKUP, DATABASE comes before SNAPSHOT: BACKUP DATABASE <db> SNAPSHOT <snapshot> TO <repository>"
            }
            Tok::EXTERNAL | Tok::ALL if first == Some(Tok::BACKUP) && seen(Tok::SNAPSHOT) && !seen(Tok::ON) => {
                "in BACKUP, external catalogs come right after BACKUP: BACKUP EXTERNAL CATALOG (<name>) SNAPSHOT <snapshot> TO <repository>"
            }
            Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY
                if self.at >= 2 && self.kind_at(self.at - 2) == Some(Tok::AS) =>
            {
                "PARTITION must come before AS: write `t PARTITION (p) AS alias`"
            }
            _ => return None,
        };
        Some(base("SR108", msg.to_string()).with_help(format!("found {}", self.describe_found())))
    }

    /// A contextual hint for the generic case.
    fn hint(&self) -> Option<String> {
        let f = self.found();
        let prev = self.prev().map(|t| t.kind);
        let first = self.first_kind();
        let inside_on = self.toks[..self.at].iter().any(|t| t.kind == Tok::ON)
            && matches!(first, Some(Tok::BACKUP | Tok::RESTORE));
        let h = match (f.map(|t| t.kind), prev) {
            (Some(_), Some(Tok::CATALOG | Tok::CATALOGS)) if self.expects(Rule::T_LParen) => {
                "catalog names go in parentheses: EXTERNAL CATALOG (<name>, …)"
            }
            (Some(Tok::EXTERNAL), _) if inside_on => {
                "external catalogs are not ON items; write `BACKUP EXTERNAL CATALOG (<name>) SNAPSHOT …` (or `RESTORE SNAPSHOT … FROM <repo> EXTERNAL CATALOG (<name>)`)"
            }
            (Some(Tok::LParen), _) if inside_on && self.typed_item_before(&[Tok::FUNCTION, Tok::FUNCTIONS]) => {
                "functions are listed by name only, without argument types; every overload of the name is included"
            }
            (Some(Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY), _)
                if inside_on && self.typed_item_before(&[Tok::VIEW, Tok::VIEWS, Tok::FUNCTION, Tok::FUNCTIONS]) =>
            {
                "only tables have partitions; views, materialized views and functions take a name only"
            }
            (Some(Tok::LIKE), _) if first == Some(Tok::SHOW) => {
                "SHOW BACKUP, SHOW RESTORE, SHOW SNAPSHOT and SHOW REPOSITORIES take no LIKE clause; filter with WHERE <column> LIKE '<pattern>'"
            }
            (Some(Tok::AS), _) if inside_on && self.item_starts_with_all() => "ALL … items cannot be renamed with AS",
            (Some(Tok::Dot | Tok::DotIdent), _) if self.expects(Rule::KW_SNAPSHOT) || self.expects(Rule::KW_AS) => {
                "a database name is a single name here; catalogs cannot be named"
            }
            (Some(Tok::LetterIdent), Some(Tok::WITH)) if self.expects(Rule::KW_BROKER) => {
                "StarRocks needs WITH BROKER (the broker name is optional); the storage type comes from the location (s3://, hdfs://, …)"
            }
            (Some(Tok::ON), _) if self.expects(Rule::KW_WITH) => "CREATE REPOSITORY needs WITH BROKER before ON LOCATION",
            _ => return None,
        };
        (!h.is_empty()).then(|| h.to_string())
    }

    fn fix_for_hint(&self) -> Option<Fix> {
        let f = self.found()?;
        let prev = self.prev()?.kind;
        if matches!(prev, Tok::CATALOG | Tok::CATALOGS)
            && is_name_token(f.kind)
            && self.expects(Rule::T_LParen)
        {
            return Some(Fix {
                message: "put the catalog name in parentheses".into(),
                edits: vec![
                    Edit { span: Span::empty(f.span.start), replacement: "(".into() },
                    Edit { span: Span::empty(f.span.end), replacement: ")".into() },
                ],
            });
        }
        if f.kind == Tok::LetterIdent && prev == Tok::WITH && self.expects(Rule::KW_BROKER) {
            return Some(Fix::single("replace with `BROKER`", f.span, "BROKER"));
        }
        if f.kind == Tok::ON && self.expects(Rule::KW_WITH) {
            return Some(Fix::single("insert `WITH BROKER`", Span::empty(f.span.start), "WITH BROKER "));
        }
        None
    }

    /// True when the ON item being parsed started with one of `kws`.
    fn typed_item_before(&self, kws: &[Tok]) -> bool {
        let start = self.toks[..self.at]
            .iter()
            .rposition(|t| matches!(t.kind, Tok::Comma | Tok::LParen))
            .map_or(0, |i| i + 1);
        self.toks.get(start).is_some_and(|t| kws.contains(&t.kind))
            || (self.toks.get(start).is_some_and(|t| t.kind == Tok::MATERIALIZED) && kws.contains(&Tok::VIEW))
    }

    fn item_starts_with_all(&self) -> bool {
        let start = self.toks[..self.at]
            .iter()
            .rposition(|t| matches!(t.kind, Tok::Comma | Tok::LParen))
            .map_or(0, |i| i + 1);
        self.toks.get(start).is_some_and(|t| t.kind == Tok::ALL)
    }

    /// What StarRocks itself prints, in the shape of its ANTLR error listener.
    fn starrocks_message(&self) -> String {
        let found = match self.found() {
            Some(t) => self.slice(t).to_string(),
            None => "<EOF>".into(),
        };
        let index = crate::span::LineIndex::new(self.text);
        let lc = index.line_col(self.span().start);
        format!(
            "Getting syntax error at line {}, column {}. Detail message: Unexpected input '{found}', the most similar input is {{{}}}.",
            lc.line,
            lc.column - 1,
            self.keyword_candidates().iter().take(6).map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ")
        )
    }
}

/// Tokens that read as a word (a possible misspelled keyword).
fn is_wordlike(kind: Tok) -> bool {
    kind < Tok::LetterIdent && kind != Tok::Whitespace || kind == Tok::LetterIdent
}

/// Tokens that can stand where a name is written.
fn is_name_token(kind: Tok) -> bool {
    matches!(kind, Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent | Tok::KwNonReserved)
        || (kind < Tok::KwReserved && kind.is_non_reserved_keyword())
}

/// Tokens that could be meant as a string: names and numbers.
fn is_stringable(kind: Tok) -> bool {
    is_name_token(kind) || matches!(kind, Tok::IntegerValue | Tok::DecimalValue | Tok::DoubleValue)
}

/// Keywords StarRocks reserves (not usable as bare names).
fn is_reserved_word(kind: Tok) -> bool {
    kind == Tok::KwReserved
        || Tok::GRAMMAR_KEYWORDS.iter().any(|(t, name)| *t == kind && keyword_lookup(name) == Some(false))
}

fn join_or(words: &[String]) -> String {
    match words.len() {
        0 => "something else".into(),
        1 => words[0].clone(),
        n => format!("{} or {}", words[..n - 1].join(", "), words[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_works() {
        assert_eq!(distance("BAKUP", "BACKUP"), 1);
        assert_eq!(distance("PARTITONS", "PARTITIONS"), 1);
        assert!(close_enough("SNAPSHOTS", "SNAPSHOT"));
        assert!(!close_enough("REPO", "TO"));
    }
}
