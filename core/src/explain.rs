//! Turns a grammar failure into a diagnostic a person can act on: what was expected, in words;
//! what was found; a did-you-mean for misspelled keywords; and a fix where one is obvious.
//!
//! Every fix offered here is checked before it is offered: it is applied, the statement is
//! parsed again, and the fix is kept only when the parse then gets past the offending token
//! and the one after it (or succeeds).

use crate::diagnostic::{Diagnostic, DiagnosticKind, Edit, Fix, Severity};
use crate::grammar::{Rule, SyntaxError};
use crate::lexer::{java_upper, keyword_lookup, lex, Tok, Token};
use crate::span::{LineIndex, Span};

/// What a rule means to a user, and the keywords it could start with (for did-you-mean).
type Description = (&'static str, &'static [&'static str]);

/// The description of `rule`, if it has one: one of the table's, or a keyword rule's keyword.
#[path = "explain_cluster.rs"]
mod cluster;

fn describe(rule: Rule) -> Option<Description> {
    for &(rules, words, keywords) in DESCRIPTIONS {
        if rules.contains(&rule) {
            return Some((words, keywords));
        }
    }
    // A keyword rule (`KW_TO`): the keyword itself.
    let name = rule_keyword(rule)?;
    Some((name, std::slice::from_ref(name)))
}

/// Rules, what they mean to a user, and the keywords they could start with (for did-you-mean).
/// A table rather than a match: a match arm costs code, an entry only a few words of data.
static DESCRIPTIONS: &[(&[Rule], &str, &[&str])] = {
    use Rule::*;
    &[
        (
            &[statement_input],
            "a statement (BACKUP, RESTORE, SHOW, CANCEL, CREATE, DROP or ADMIN)",
            &["BACKUP", "RESTORE", "SHOW", "CANCEL", "CREATE", "DROP", "ADMIN"],
        ),
        (
            &[
                admin_show_automated_snapshot_stmt,
                admin_set_automated_snapshot_on_stmt,
                admin_set_automated_snapshot_off_stmt,
                admin_alter_automated_snapshot_stmt,
            ],
            "ADMIN",
            &["ADMIN"],
        ),
        (&[create_cluster_snapshot_stmt], "CREATE", &["CREATE"]),
        (&[drop_cluster_snapshot_stmt], "DROP", &["DROP"]),
        (&[restore_table_stmt], "RESTORE", &["RESTORE"]),
        (&[interval], "INTERVAL <n> <unit>", &["INTERVAL"]),
        (
            &[interval_unit],
            "a unit (SECOND, MINUTE, HOUR, DAY or WEEK)",
            &[
                "SECOND",
                "MINUTE",
                "HOUR",
                "DAY",
                "WEEK",
                "MONTH",
                "YEAR",
                "QUARTER",
                "MILLISECOND",
                "MICROSECOND",
            ],
        ),
        (&[storage_volume], "STORAGE VOLUME <volume>", &["STORAGE"]),
        (&[if_not_exists], "IF NOT EXISTS", &["IF"]),
        (&[if_exists], "IF EXISTS", &["IF"]),
        (&[comment], "COMMENT '…'", &["COMMENT"]),
        (&[with_properties], "WITH PROPERTIES (…)", &["WITH"]),
        (&[cluster_snapshot_name], "a snapshot name", &[]),
        (&[source_table, target_table], "a table name", &[]),
        (&[backup_stmt], "BACKUP", &["BACKUP"]),
        (&[restore_stmt], "RESTORE", &["RESTORE"]),
        (
            &[show_backup_stmt, show_restore_stmt, show_snapshot_stmt, show_repositories_stmt],
            "SHOW",
            &["SHOW"],
        ),
        (&[cancel_backup_stmt, cancel_restore_stmt], "CANCEL", &["CANCEL"]),
        (&[create_repository_stmt], "CREATE", &["CREATE"]),
        (&[drop_snapshot_stmt, drop_repository_stmt], "DROP", &["DROP"]),
        (
            &[identifier, non_reserved, object_name, qualified_name, column_ref, identifier_or_string],
            NAME,
            &[],
        ),
        (&[catalog_item, catalog_alias_item], "a catalog name", &[]),
        (&[snapshot_name, drop_snapshot_name], "a snapshot name", &[]),
        (&[repository_name], "a repository name", &[]),
        (&[database_name], "a database name", &[]),
        (&[database_clause, restore_database], "DATABASE", &["DATABASE"]),
        (&[backup_catalogs, restore_catalogs], "EXTERNAL CATALOG(S) (…)", &["EXTERNAL", "ALL"]),
        (&[all_external_catalogs], "ALL EXTERNAL CATALOGS", &["ALL"]),
        (&[catalog_list, catalog_alias_list, paren_partition_names, T_LParen], "`(`", &[]),
        (&[on_clause], "ON (…)", &["ON"]),
        (&[properties], "PROPERTIES (…)", &["PROPERTIES"]),
        (&[property], "a property \"key\" = \"value\"", &[]),
        (&[string, location], "a quoted string", &[]),
        (
            &[all_objects, typed_object, table_desc],
            "an object (a table name, or TABLE, MATERIALIZED VIEW, VIEW, FUNCTION or ALL …)",
            &["ALL", "TABLE", "TABLES", "MATERIALIZED", "VIEW", "VIEWS", "FUNCTION", "FUNCTIONS"],
        ),
        (
            &[object_kind],
            "TABLES, MATERIALIZED VIEWS, VIEWS or FUNCTIONS",
            &["TABLES", "TABLE", "MATERIALIZED", "VIEWS", "VIEW", "FUNCTIONS", "FUNCTION"],
        ),
        (&[table_kw], "TABLE or TABLES", &["TABLE", "TABLES"]),
        (&[view_kw], "VIEW or VIEWS", &["VIEW", "VIEWS"]),
        (&[mv_kw], "MATERIALIZED VIEW", &["MATERIALIZED"]),
        (&[function_kw], "FUNCTION or FUNCTIONS", &["FUNCTION", "FUNCTIONS"]),
        (
            &[partition_names, partition_list, key_partitions],
            "PARTITION (…)",
            &["PARTITION", "PARTITIONS", "TEMPORARY"],
        ),
        (&[temporary], "TEMPORARY", &["TEMPORARY"]),
        (&[partition_name, bare_partition_names], "a partition name", &[]),
        (&[key_partition], "a partition column = value", &[]),
        (&[literal, null_lit, true_lit, false_lit, number, typed_string, binary], "a literal value", &[]),
        (&[alias], "AS", &["AS"]),
        (&[from_db, from_kw], "FROM <database>", &["FROM", "IN"]),
        (&[for_external_catalog], "FOR EXTERNAL CATALOG", &["FOR"]),
        (&[read_only], "READ ONLY", &["READ"]),
        (&[broker_name], "a broker name", &[]),
        (&[force], "FORCE", &["FORCE"]),
        (&[where_clause], "WHERE", &["WHERE"]),
        (&[order_by, KW_ORDER], "ORDER BY", &["ORDER"]),
        (&[limit_clause], "LIMIT", &["LIMIT"]),
        (&[limit_offset], "OFFSET", &["OFFSET"]),
        (&[limit_value], "a number, `?` or a @variable", &[]),
        (
            &[
                expression,
                and_expr,
                not_expr,
                boolean_expr,
                predicate,
                value_expr,
                bitand_expr,
                additive_expr,
                multiplicative_expr,
                bitxor_expr,
                unary_expr,
                sort_item,
                function_call,
                paren_expr,
                case_expr,
                user_variable,
                system_variable,
                sort_all,
                case_operand,
            ],
            "an expression",
            &[],
        ),
        (
            &[
                or_op,
                and_op,
                comparison,
                comparison_op,
                is_null,
                in_list,
                between,
                like,
                like_op,
                bitor_op,
                bitand_op,
                additive_op,
                multiplicative_op,
                bitxor_op,
            ],
            "an operator",
            &["AND", "OR", "IS", "IN", "LIKE", "BETWEEN", "NOT"],
        ),
        (&[ordering], "ASC or DESC", &["ASC", "DESC"]),
        (&[nulls_order], "NULLS FIRST or NULLS LAST", &["NULLS"]),
        (&[when_clause], "WHEN", &["WHEN"]),
        (&[else_clause], "ELSE", &["ELSE"]),
        (&[call_star, call_args, distinct], "an argument", &[]),
        (&[T_Comma, limit_comma], "`,`", &[]),
        (&[T_RParen], "`)`", &[]),
        (&[T_Eq], "`=`", &[]),
        (&[T_Dot, T_DotIdent], "`.`", &[]),
        (&[EOI], END, &[]),
    ]
};

/// The keyword a keyword rule (`KW_TO`) matches. `tokens.pest`, generated from [`Tok`],
/// declares one rule per token kind in `Tok`'s order, keywords first, and they come right
/// after `EOI`: keyword rule `i + 1` matches keyword `i`. (Going by the discriminant rather
/// than by [`Rule::name`] keeps the table of rule names out of the wasm.) Completion
/// (`complete.rs`) names the keywords it offers with it.
pub(crate) fn rule_keyword(rule: Rule) -> Option<&'static &'static str> {
    let i = (rule as usize).checked_sub(1)?;
    Tok::GRAMMAR_KEYWORDS.get(i).map(|(_, name)| name)
}

/// The generic word for a name; replaced by a specific one ("a repository name") from context.
const NAME: &str = "a name";
const END: &str = "the end of the statement";

/// The order in which expected alternatives are listed: the order clauses are written in.
const WORD_ORDER: &[&str] = &[
    "EXTERNAL CATALOG(S) (…)",
    "ALL EXTERNAL CATALOGS",
    "DATABASE",
    "SNAPSHOT",
    "TO",
    "FROM",
    "FROM <database>",
    "FOR EXTERNAL CATALOG",
    "FOR",
    "TEMPORARY",
    "PARTITION (…)",
    "AS",
    "ON",
    "ON (…)",
    "PROPERTIES",
    "PROPERTIES (…)",
    "WITH",
    "BROKER",
    "LOCATION",
    "WHERE",
    "ORDER BY",
    "ASC or DESC",
    "NULLS FIRST or NULLS LAST",
    "LIMIT",
    "OFFSET",
    "FORCE",
    "IF NOT EXISTS",
    "COMMENT '…'",
    "INTERVAL <n> <unit>",
    "STORAGE VOLUME <volume>",
    "IF EXISTS",
    "WITH PROPERTIES (…)",
    "`.`",
    "`=`",
    "`(`",
    "`,`",
    "`)`",
];

fn word_rank(word: &str) -> usize {
    if word == END {
        return usize::MAX;
    }
    WORD_ORDER.iter().position(|w| *w == word).map_or(0, |i| i + 1)
}

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
    word != keyword && (is_plural_of(keyword, word) || is_plural_of(word, keyword))
}

/// True when `plural` is `singular` with an `S` added, or with its final `Y` turned into `IES`.
fn is_plural_of(plural: &str, singular: &str) -> bool {
    match singular.strip_suffix('Y') {
        Some(stem) => plural.strip_prefix(stem) == Some("IES"),
        None => plural.strip_prefix(singular) == Some("S"),
    }
}

fn upper(s: &str) -> String {
    s.chars().map(java_upper).collect()
}

/// Edit distance (Levenshtein) in characters between `word` and `keyword`, which is ASCII (every
/// keyword is), so that its bytes are its characters.
fn distance(word: &str, keyword: &str) -> usize {
    let kw = keyword.as_bytes();
    // One row of the table: `row[j]` is the distance between the word so far and `kw[..j]`.
    let mut row: Vec<usize> = (0..=kw.len()).collect();
    for (i, c) in word.chars().enumerate() {
        // `diag` is the previous row's `row[j]`, about to be overwritten.
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 0..kw.len() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(c != char::from(kw[j]))).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[kw.len()]
}

fn close_enough(word: &str, keyword: &str) -> bool {
    if word == keyword || word.chars().count() < 3 || word.len() > 4 * keyword.len() {
        return false;
    }
    let max = if keyword.len() >= 6 { 2 } else { 1 };
    distance(word, keyword) <= max
}

/// Builds the diagnostic for a failed statement.
/// The explainer [`explain_error`] runs in the app's release build (`--cfg
/// srbackup_deferred_explain`, set by `cargo xtask app`), once installed.
#[cfg(srbackup_deferred_explain)]
static INSTALLED: std::sync::OnceLock<fn(&str, &LineIndex<'_>, &[Token], &SyntaxError) -> Diagnostic> =
    std::sync::OnceLock::new();

/// In the app's release build: from now on syntax errors are explained in full. Call
/// it from code loaded on demand, so that the explainer is loaded with it.
#[cfg(srbackup_deferred_explain)]
pub fn install_explainer() {
    let _ = INSTALLED.set(syntax_error);
}

/// In the app's release build: whether [`install_explainer`] was called.
#[cfg(srbackup_deferred_explain)]
pub fn explainer_installed() -> bool {
    INSTALLED.get().is_some()
}

/// The diagnostic of a grammar failure: in full ([`syntax_error`]), or, with the
/// app's release build before [`install_explainer`], a short one at the same place (the web app
/// then loads the explainer, installs it and analyses again).
pub(crate) fn explain_error(
    text: &str,
    index: &LineIndex<'_>,
    toks: &[Token],
    err: &SyntaxError,
) -> Diagnostic {
    #[cfg(srbackup_deferred_explain)]
    {
        match INSTALLED.get() {
            Some(explain) => explain(text, index, toks, err),
            None => short_error(text, toks, err),
        }
    }
    #[cfg(not(srbackup_deferred_explain))]
    syntax_error(text, index, toks, err)
}

/// A syntax error without the explanation: where, and what was found.
#[cfg(srbackup_deferred_explain)]
fn short_error(text: &str, toks: &[Token], err: &SyntaxError) -> Diagnostic {
    let (span, found) = match toks.get(err.at) {
        Some(t) => (t.span, format!("`{}`", t.span.slice(text))),
        None => (Span::empty(toks.last().map_or(0, |t| t.span.end)), END.to_string()),
    };
    Diagnostic::new(
        "SR100",
        Severity::Error,
        DiagnosticKind::Syntax,
        format!("syntax error at {found}"),
        span,
    )
}

pub(crate) fn syntax_error(
    text: &str,
    index: &LineIndex<'_>,
    toks: &[Token],
    err: &SyntaxError,
) -> Diagnostic {
    let at = err.at.min(toks.len());
    let positives = err.expected.clone();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("SRB_DEBUG_PEST").is_some() {
        eprintln!("grammar: at={at} positives={positives:?}");
    }
    let found = toks.get(at).copied();
    let prev = at.checked_sub(1).and_then(|i| toks.get(i).copied());
    let first = toks.first().map(|t| t.kind);
    let mut explainer =
        Explainer { text, index, toks, at, found, prev, first, positives, expected: Vec::new() };
    explainer.expected = explainer.expected_words();
    explainer.explain()
}

/// What parsing a statement again after applying a fix gives.
enum Outcome {
    /// The statement parses.
    Solved,
    /// It fails at this byte offset, mapped back into the original text.
    FailsAt(usize),
    /// The fix broke something (an error before or inside the edit, a lexical error, …).
    Broken,
}

struct Explainer<'a> {
    text: &'a str,
    index: &'a LineIndex<'a>,
    toks: &'a [Token],
    /// Index of the offending token (== toks.len() at the end of the statement).
    at: usize,
    /// The offending token (`None` at the end of the statement).
    found: Option<Token>,
    /// The token before it.
    prev: Option<Token>,
    /// The statement's first word.
    first: Option<Tok>,
    positives: Vec<Rule>,
    /// The expected alternatives in words ([`Explainer::expected_words`]).
    expected: Vec<&'static str>,
}

impl<'a> Explainer<'a> {
    fn kind_at(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn slice(&self, t: Token) -> &'a str {
        t.span.slice(self.text)
    }

    /// When the offending token is a `-` glued to the name before it (`minio-repo`): the span
    /// of the whole dashed word, names, digits and dashes with no blank between them.
    fn dashed_name(&self) -> Option<Span> {
        let (f, prev) = (self.found?, self.prev?);
        if f.kind != Tok::Minus
            || !is_name_token(prev.kind)
            || prev.kind == Tok::BackquotedIdent
            || prev.span.end != f.span.start
        {
            return None;
        }
        let mut end = prev.span.end;
        let mut i = self.at;
        while let Some(t) = self.toks.get(i).filter(|t| t.span.start == end) {
            if !(t.kind == Tok::Minus
                || t.kind == Tok::IntegerValue
                || (is_name_token(t.kind) && t.kind != Tok::BackquotedIdent))
            {
                break;
            }
            end = t.span.end;
            i += 1;
        }
        let span = Span::new(prev.span.start, end);
        (!span.slice(self.text).ends_with('-')).then_some(span)
    }

    fn expects(&self, rule: Rule) -> bool {
        self.positives.contains(&rule)
    }

    fn seen(&self, k: Tok) -> bool {
        self.toks[..self.at].iter().any(|t| t.kind == k)
    }

    fn expects_name(&self) -> bool {
        use Rule::*;
        self.positives.iter().any(|r| {
            matches!(
                r,
                identifier
                    | non_reserved
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
                    | cluster_snapshot_name
                    | source_table
                    | target_table
            )
        })
    }

    /// The diagnostic for this error: `code` and `message` at the offending token, with the
    /// expected alternatives and StarRocks's own message.
    fn error(
        &self,
        code: &'static str,
        message: String,
        help: Option<String>,
        fix: Option<Fix>,
    ) -> Diagnostic {
        let mut expected = Vec::with_capacity(self.expected.len());
        for w in &self.expected {
            expected.push(w.to_string());
        }
        Diagnostic {
            code,
            severity: Severity::Error,
            kind: DiagnosticKind::Syntax,
            message,
            span: self.span(),
            expected,
            help,
            fix,
            starrocks_message: Some(self.starrocks_message()),
        }
    }

    fn span(&self) -> Span {
        match self.found {
            Some(t) => t.span,
            None => Span::empty(self.toks.last().map_or(0, |t| t.span.end)),
        }
    }

    // ------------------------------------------------------------ checking fixes

    /// Applies `fix`, lexes and parses the statement again.
    ///
    /// The fixes built here have their edits in order, without overlaps, inside the statement,
    /// so only the statement's own text is rebuilt: the cost stays proportional to it.
    fn outcome(&self, fix: &Fix) -> Outcome {
        let (Some(first), Some(last)) = (self.toks.first(), self.toks.last()) else { return Outcome::Broken };
        debug_assert!(fix.edits.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        let start = fix.edits.first().map_or(first.span.start, |e| e.span.start.min(first.span.start));
        let mut region = String::new();
        let mut pos = start;
        for e in &fix.edits {
            let Some(kept) = self.text.get(pos..e.span.start) else { return Outcome::Broken };
            region.push_str(kept);
            region.push_str(&e.replacement);
            pos = e.span.end;
        }
        // Where the last edit ends in the new text.
        let last_edit_end_new = start + region.len();
        let Some(rest) = self.text.get(pos..last.span.end) else { return Outcome::Broken };
        region.push_str(rest);
        let end = start + region.len();
        // The shift the edits make to the text after them.
        let delta = end as isize - last.span.end as isize;
        let lexed = lex(&region);
        if lexed.diagnostics.iter().any(|d| d.is_error()) {
            return Outcome::Broken;
        }
        // The statement's tokens up to a `;`: their kinds for the grammar, and where they start.
        let mut kinds: Vec<u8> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        for t in &lexed.tokens {
            if t.kind == Tok::Semicolon {
                break;
            }
            if !t.kind.is_trivia() {
                kinds.push(t.kind as u8);
                starts.push(start + t.span.start);
            }
        }
        if kinds.is_empty() {
            return Outcome::Broken;
        }
        match crate::grammar::parse(Rule::statement_input, &kinds) {
            Ok(_) => Outcome::Solved,
            Err(e) => {
                // Where it fails (the end of the statement if past its last token).
                let new_offset = starts.get(e.at).copied().unwrap_or(end);
                if new_offset < last_edit_end_new {
                    return Outcome::Broken;
                }
                Outcome::FailsAt((new_offset as isize - delta) as usize)
            }
        }
    }

    /// True when `fix` gets the parse past the offending token and the one after it.
    fn helps(&self, fix: &Fix) -> bool {
        match self.outcome(fix) {
            Outcome::Solved => true,
            Outcome::FailsAt(offset) => {
                self.toks.get(self.at + 1).is_some_and(|next| offset > next.span.start)
            }
            Outcome::Broken => false,
        }
    }

    /// The fix, if it helps.
    fn checked(&self, fix: Fix) -> Option<Fix> {
        self.helps(&fix).then_some(fix)
    }

    // ------------------------------------------------------------ words

    /// What kind of name is expected here, from the words before it.
    fn name_context(&self) -> Option<&'static str> {
        let prev = self.prev?.kind;
        let first = self.first?;
        let second = self.kind_at(1);
        Some(match prev {
            Tok::SNAPSHOT
                if first == Tok::BACKUP && self.kind_at(self.at.wrapping_sub(2)) == Some(Tok::DATABASE) =>
            {
                return None
            }
            Tok::SNAPSHOT | Tok::EXISTS if second == Some(Tok::CLUSTER) => "a cluster snapshot name",
            Tok::SNAPSHOT => "a snapshot name",
            Tok::VOLUME => "a storage volume name",
            Tok::TABLE if first == Tok::RESTORE => "a table name",
            Tok::TO if first == Tok::BACKUP => "a repository name",
            Tok::FROM if first == Tok::RESTORE => "a repository name",
            Tok::FROM | Tok::IN if matches!(first, Tok::SHOW | Tok::CANCEL) => "a database name",
            Tok::ON if first == Tok::SHOW || (first == Tok::DROP && second == Some(Tok::SNAPSHOT)) => {
                "a repository name"
            }
            Tok::REPOSITORY if matches!(first, Tok::CREATE | Tok::DROP) => "a repository name",
            Tok::DATABASE => "a database name",
            Tok::AS => match self.enclosing_list() {
                Some(Tok::CATALOG | Tok::CATALOGS) => "the catalog's new name",
                Some(Tok::ON) => "the object's new name",
                _ => "the database's new name",
            },
            Tok::BROKER => "a broker name",
            Tok::Dot => "a name after `.`",
            Tok::TABLE | Tok::TABLES => "a table name",
            Tok::VIEW | Tok::VIEWS if self.kind_at(self.at.wrapping_sub(2)) == Some(Tok::MATERIALIZED) => {
                "a materialized view name"
            }
            Tok::VIEW | Tok::VIEWS => "a view name",
            Tok::FUNCTION | Tok::FUNCTIONS => "a function name",
            Tok::PARTITION | Tok::PARTITIONS => "a partition name",
            Tok::LParen | Tok::Comma => match self.enclosing_list() {
                Some(Tok::CATALOG | Tok::CATALOGS) => "a catalog name",
                Some(Tok::PARTITION | Tok::PARTITIONS) => "a partition name",
                Some(Tok::ON) => {
                    "an object (a table name, or TABLE, MATERIALIZED VIEW, VIEW, FUNCTION or ALL …)"
                }
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The keyword before the innermost open `(` before the offending token.
    fn enclosing_list(&self) -> Option<Tok> {
        let mut depth = 0i32;
        for i in (0..self.at.min(self.toks.len())).rev() {
            match self.toks[i].kind {
                Tok::RParen => depth += 1,
                Tok::LParen if depth == 0 => return i.checked_sub(1).and_then(|j| self.kind_at(j)),
                Tok::LParen => depth -= 1,
                _ => {}
            }
        }
        None
    }

    fn describe_found(&self) -> String {
        let Some(t) = self.found else { return END.into() };
        let text = self.slice(t);
        // At most 40 characters of it.
        let (short, cut) = match text.char_indices().nth(40) {
            Some((i, _)) => (&text[..i], "…"),
            None => (text, ""),
        };
        let (before, after) = match t.kind {
            Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent => ("name `", "`"),
            Tok::SingleQuoted | Tok::DoubleQuoted => ("the string ", ""),
            Tok::IntegerValue | Tok::DecimalValue | Tok::DoubleValue => ("number `", "`"),
            k if k <= Tok::KwReserved || k == Tok::KwNonReserved => ("keyword `", "`"),
            _ => ("`", "`"),
        };
        [before, short, cut, after].concat()
    }

    /// Expected alternatives in words, deduplicated, in clause order, the end last.
    fn expected_words(&self) -> Vec<&'static str> {
        let context = self.name_context();
        // Kept in clause order as they come: each word goes after those of lower or equal rank.
        let mut words: Vec<&'static str> = Vec::new();
        for r in &self.positives {
            if let Some((w, _)) = describe(*r) {
                let w = if w == NAME { context.unwrap_or(NAME) } else { w };
                if !words.contains(&w) {
                    let rank = word_rank(w);
                    let at = words.iter().position(|x| word_rank(x) > rank).unwrap_or(words.len());
                    words.insert(at, w);
                }
            }
        }
        // A specific "an object (…)" already says "a name"; after an expression, "an operator"
        // stands for IS, `(` and `.` as well.
        let object = words.iter().any(|w| w.starts_with("an object"));
        let operator = words.contains(&"an operator");
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            let covered = match w {
                NAME | "ALL" => object,
                "IS" | "`(`" | "`.`" => operator,
                _ => false,
            };
            if !covered {
                out.push(w);
            }
        }
        out
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

    // ------------------------------------------------------------ the explanation

    fn explain(&self) -> Diagnostic {
        let expected = &self.expected;
        let found_tok = self.found;
        let prev = self.prev;

        // Stray or doubled commas, empty lists.
        if let (Some(f), Some(p)) = (found_tok, prev) {
            if p.kind == Tok::Comma && matches!(f.kind, Tok::RParen | Tok::Comma) {
                let what = if f.kind == Tok::RParen { "trailing comma" } else { "doubled comma" };
                return self.error(
                    "SR102",
                    format!("{what}: expected {} after `,`", join_or(expected)),
                    Some("remove the extra comma".into()),
                    self.checked(Fix::single("remove the comma", p.span, "")),
                );
            }
            if p.kind == Tok::LParen && f.kind == Tok::RParen {
                return self.empty_list(f);
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
                    let fix = Fix::single(
                        "insert `;`",
                        Span::empty(prev.map_or(f.span.start, |p| p.span.end)),
                        ";",
                    );
                    return self.error(
                        "SR106",
                        format!("a new statement starts at `{}` before this one ended", self.slice(f)),
                        Some("end the previous statement with `;`".into()),
                        self.checked(fix),
                    );
                }
            }
        }

        // Invisible or look-alike characters inside the offending word.
        if let Some(d) = self.lookalike_characters() {
            return d;
        }

        if let Some(d) = self.cluster_snapshot() {
            return d;
        }

        if let Some(d) = self.clause_order() {
            return d;
        }

        // A misspelled keyword.
        if let Some(f) = found_tok {
            if is_wordlike(f.kind) {
                let word = upper(self.slice(f));
                let mut best: Option<(&str, usize)> = None;
                for k in self.keyword_candidates() {
                    if close_enough(&word, k) || plural_twin(&word, k) {
                        let d = distance(&word, k);
                        if best.is_none_or(|(_, bd)| d < bd) {
                            best = Some((k, d));
                        }
                    }
                }
                if let Some((k, _)) = best {
                    if let Some(fix) = self.checked(Fix::single(format!("replace with `{k}`"), f.span, k)) {
                        let message = format!("unknown keyword `{}`: did you mean `{k}`?", self.slice(f));
                        let help = format!("expected {}", join_or(expected));
                        return self.error("SR104", message, Some(help), Some(fix));
                    }
                }
            }
        }

        // A wrong or missing keyword: `BACKUP SNAPSHOT s repo` → insert TO.
        if let Some(d) = self.missing_keyword() {
            return d;
        }

        // Strings required: property keys and values, locations.
        if let Some(d) = self.string_expected() {
            return d;
        }

        // Names: strings, reserved words and numbers where a name is expected, or no name at all.
        if let Some(d) = self.name_problems() {
            return d;
        }

        self.error(
            "SR100",
            format!("expected {}, found {}", join_or(expected), self.describe_found()),
            self.hint(),
            self.fix_for_hint().and_then(|f| self.checked(f)),
        )
    }

    fn missing_keyword(&self) -> Option<Diagnostic> {
        let f = self.found?;
        let first = self.first;
        let prev = self.prev.map(|p| p.kind);
        // `BACKUP DATABASE SNAPSHOT s`: SNAPSHOT was taken as the database name.
        if first == Some(Tok::BACKUP)
            && prev == Some(Tok::SNAPSHOT)
            && self.at >= 2
            && self.kind_at(self.at - 2) == Some(Tok::DATABASE)
            && self.expects(Rule::KW_SNAPSHOT)
        {
            let snapshot = self.prev?;
            let mut d = self.error(
                "SR112",
                "expected a database name after DATABASE".into(),
                Some("`SNAPSHOT` was read as the database's name here; write BACKUP DATABASE <db> SNAPSHOT <snapshot> TO <repository>".into()),
                None,
            );
            d.expected = vec!["a database name".into()];
            d.span = Span::empty(snapshot.span.start);
            return Some(d);
        }
        // A keyword of another statement or clause in place of the right one.
        let swap = match f.kind {
            Tok::FROM if first == Some(Tok::BACKUP) && self.expects(Rule::KW_TO) => Some((
                "TO",
                "BACKUP writes the snapshot TO a repository: BACKUP SNAPSHOT <snapshot> TO <repository>",
            )),
            Tok::TO if first == Some(Tok::RESTORE) && self.expects(Rule::KW_FROM) => Some((
                "FROM",
                "RESTORE reads the snapshot FROM a repository: RESTORE SNAPSHOT <snapshot> FROM <repository>",
            )),
            Tok::FROM | Tok::IN
                if matches!(first, Some(Tok::DROP | Tok::SHOW)) && self.expects(Rule::KW_ON) =>
            {
                Some(("ON", "the repository follows ON: … SNAPSHOT … ON <repository>"))
            }
            _ => None,
        };
        if let Some((kw, why)) = swap {
            let fix = self.checked(Fix::single(format!("replace with `{kw}`"), f.span, kw))?;
            let message = format!("expected {kw}, found {}", self.describe_found());
            return Some(self.error("SR110", message, Some(why.into()), Some(fix)));
        }
        // `… BROKER LOCATION 'x'`: LOCATION was taken as the broker's name; ON is missing.
        if first == Some(Tok::CREATE)
            && prev == Some(Tok::LOCATION)
            && matches!(f.kind, Tok::SingleQuoted | Tok::DoubleQuoted)
            && self.expects(Rule::KW_ON)
        {
            let location = self.prev?;
            let fix = self.checked(Fix::single("insert `ON`", Span::empty(location.span.start), "ON "))?;
            return Some(self.error(
                "SR110",
                "expected ON LOCATION followed by a quoted location".into(),
                Some("write ON before LOCATION: … WITH BROKER [<broker>] ON LOCATION '<location>'".into()),
                Some(fix),
            ));
        }
        if !is_name_token(f.kind) && !matches!(f.kind, Tok::SingleQuoted | Tok::DoubleQuoted) {
            return None;
        }
        let list = self.enclosing_list();
        let candidates: [(bool, &str, &str); 10] = [
            (self.expects(Rule::KW_TO), "TO", "a repository name"),
            (self.expects(Rule::KW_FROM) && first == Some(Tok::RESTORE), "FROM", "a repository name"),
            (self.expects(Rule::KW_SNAPSHOT), "SNAPSHOT", "a snapshot name"),
            (
                self.expects(Rule::KW_ON) && matches!(first, Some(Tok::DROP | Tok::SHOW)),
                "ON",
                "a repository name",
            ),
            (self.expects(Rule::KW_LOCATION), "LOCATION", "a quoted location"),
            (self.expects(Rule::KW_BY), "BY", "the sort keys"),
            (
                (self.expects(Rule::from_db) || self.expects(Rule::from_kw) || self.expects(Rule::KW_FROM))
                    && matches!(first, Some(Tok::SHOW | Tok::CANCEL)),
                "FROM",
                "a database name",
            ),
            (
                (self.expects(Rule::alias) || self.expects(Rule::KW_AS))
                    && list == Some(Tok::ON)
                    && first == Some(Tok::RESTORE),
                "AS",
                "the object's new name",
            ),
            (
                (self.expects(Rule::alias) || self.expects(Rule::KW_AS))
                    && matches!(list, Some(Tok::CATALOG | Tok::CATALOGS))
                    && first == Some(Tok::RESTORE),
                "AS",
                "the catalog's new name",
            ),
            (
                self.expects(Rule::KW_ON) && !self.expects(Rule::broker_name) && first == Some(Tok::CREATE),
                "ON LOCATION",
                "a quoted location",
            ),
        ];
        for (wanted, kw, what) in candidates {
            if !wanted {
                continue;
            }
            let fix = Fix::single(format!("insert `{kw}`"), Span::empty(f.span.start), format!("{kw} "));
            if let Some(fix) = self.checked(fix) {
                return Some(self.error(
                    "SR110",
                    format!("expected {kw} followed by {what}, found {}", self.describe_found()),
                    Some(format!("write {kw} before `{}`", self.slice(f))),
                    Some(fix),
                ));
            }
        }
        // Two names in a row inside a list: a missing comma.
        let plain_name = |k: Tok| matches!(k, Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent);
        if self.expects(Rule::T_Comma)
            && list.is_some()
            && plain_name(f.kind)
            && prev.is_some_and(|p| plain_name(p) || p == Tok::RParen)
        {
            let p = self.prev?;
            let fix = self.checked(Fix::single("insert `,`", Span::empty(p.span.end), ","))?;
            return Some(self.error(
                "SR110",
                format!("expected `,` between list items, found {}", self.describe_found()),
                Some("separate the items of a list with commas".into()),
                Some(fix),
            ));
        }
        None
    }

    fn string_expected(&self) -> Option<Diagnostic> {
        let f = self.found?;
        let wants_string =
            self.expects(Rule::string) || self.expects(Rule::location) || self.expects(Rule::property);
        if !wants_string || self.expects_name() {
            return None;
        }
        let quote = if self.toks.iter().any(|t| t.kind == Tok::SingleQuoted) { '\'' } else { '"' };
        let (span, value) = match f.kind {
            Tok::BackquotedIdent => (f.span, crate::lexer::backquoted_value(self.slice(f))),
            Tok::Minus => {
                let n = self.toks.get(self.at + 1).filter(|n| {
                    matches!(n.kind, Tok::IntegerValue | Tok::DecimalValue | Tok::DoubleValue)
                        && n.span.start == f.span.end
                })?;
                (f.span.cover(n.span), format!("-{}", self.slice(*n)))
            }
            k if is_stringable(k) => (f.span, self.slice(f).to_string()),
            Tok::NULL
            | Tok::TRUE
            | Tok::FALSE
            | Tok::BinarySingle
            | Tok::BinaryDouble
            | Tok::DATE
            | Tok::DATETIME => {
                return Some(self.error(
                    "SR109",
                    format!("expected a quoted string, found {}", self.describe_found()),
                    Some("property keys and values are plain string literals ('…' or \"…\"); NULL, TRUE, FALSE and typed or binary literals are not accepted".into()),
                    None,
                ));
            }
            _ => return None,
        };
        let quoted = crate::lexer::quote_string_with(&value, quote);
        let fix = self.checked(Fix::single(format!("write it as the string {quoted}"), span, quoted))?;
        let what = if self.prev.is_some_and(|p| p.kind == Tok::LOCATION) {
            "the location"
        } else {
            "a property key or value"
        };
        let mut d = self.error(
            "SR109",
            format!("expected a quoted string, found {}", self.describe_found()),
            Some(format!(
                "{what} is a string literal in StarRocks, even when it is a number or a single word"
            )),
            Some(fix),
        );
        d.span = span;
        Some(d)
    }

    fn name_problems(&self) -> Option<Diagnostic> {
        let f = self.found?;
        let raw = self.slice(f);
        let what = self.name_context().unwrap_or(NAME);
        let reserved = is_reserved_word(f.kind);
        // `db1.123`: `.123` is a decimal number, not `.` and a name.
        if matches!(f.kind, Tok::DecimalValue | Tok::DoubleValue)
            && raw.starts_with('.')
            && self.prev_is_name()
        {
            let fix = Fix::single("quote the name after the dot", f.span, format!(".`{}`", &raw[1..]));
            let fix = self.checked(fix)?;
            return Some(self.error(
                "SR105",
                format!("`{raw}` is read as a number, not as `.` followed by the name `{}`", &raw[1..]),
                Some(format!(
                    "a name part made of digits (or digits and an exponent) needs backquotes: write .`{}`",
                    &raw[1..]
                )),
                Some(fix),
            ));
        }
        let expects_name = self.expects_name();
        // `ON (TABLE)`: a reserved object keyword meant as a table name.
        if let Some(p) = self.prev {
            let at_item_end = matches!(f.kind, Tok::RParen | Tok::Comma);
            if at_item_end && is_reserved_word(p.kind) && expects_name {
                let name = self.slice(p);
                let fix = self.checked(Fix::single("quote it with backquotes", p.span, format!("`{name}`")));
                if let Some(fix) = fix {
                    let mut d = self.error(
                        "SR105",
                        format!("`{name}` is a reserved word in StarRocks, so it cannot be a name without backquotes"),
                        Some(format!("`{name}` starts an item and needs a name after it; to name a table `{name}`, put it in backquotes")),
                        Some(fix),
                    );
                    d.span = p.span;
                    return Some(d);
                }
            }
        }
        if !expects_name && !reserved {
            return None;
        }
        // A string where a name belongs: `DROP REPOSITORY 'r'`.
        if expects_name && matches!(f.kind, Tok::SingleQuoted | Tok::DoubleQuoted) {
            let value = crate::lexer::string_value(raw);
            let fix = crate::lexer::quote_identifier(&value).and_then(|name| {
                self.checked(Fix::single(format!("write the name as {name}"), f.span, name))
            });
            return Some(self.error(
                "SR111",
                format!("expected {what}, found the string {raw}"),
                Some("in StarRocks '…' and \"…\" are strings; a name is written bare, or in backquotes (`…`) when it is a reserved word or has special characters".into()),
                fix,
            ));
        }
        let number =
            expects_name && matches!(f.kind, Tok::IntegerValue | Tok::DoubleValue | Tok::DecimalValue);
        if !reserved && !number {
            return None;
        }
        let (span, name) = match f.kind {
            Tok::DecimalValue if raw.starts_with('.') => (Span::new(f.span.start + 1, f.span.end), &raw[1..]),
            _ => (f.span, raw),
        };
        let quoted = Fix::single("quote it with backquotes", span, format!("`{name}`"));
        if self.helps(&quoted) {
            let kind = if reserved { "a reserved word" } else { "a number" };
            let mut d = self.error(
                "SR105",
                format!("`{name}` is {kind} in StarRocks, so it cannot be a name without backquotes"),
                Some("to use it as a name, put it in backquotes".into()),
                Some(quoted),
            );
            d.span = span;
            return Some(d);
        }
        // The name is missing: a placeholder name before the keyword lets the parse go on.
        let placeholder = Fix::single("", Span::empty(f.span.start), "name_ ");
        if reserved
            && expects_name
            && self.prev.is_some_and(|p| p.kind != Tok::Dot)
            && self.helps(&placeholder)
        {
            let help = match self.missing_name_example() {
                Some(example) => format!("{what} is missing here: {example}"),
                None => format!("write {what} before `{raw}`"),
            };
            let mut d = self.error("SR112", format!("expected {what} before `{raw}`"), Some(help), None);
            d.span = Span::empty(f.span.start);
            return Some(d);
        }
        None
    }

    /// The statement's shape, for a missing-name help.
    fn missing_name_example(&self) -> Option<&'static str> {
        let prev = self.prev?.kind;
        Some(match (self.first?, prev) {
            (Tok::BACKUP, Tok::SNAPSHOT) => "BACKUP SNAPSHOT <db>.<snapshot> TO <repository>",
            (Tok::BACKUP, Tok::TO) => "BACKUP SNAPSHOT <db>.<snapshot> TO <repository>",
            (Tok::RESTORE, Tok::SNAPSHOT) | (Tok::RESTORE, Tok::FROM) => {
                "RESTORE SNAPSHOT <db>.<snapshot> FROM <repository>"
            }
            (Tok::DROP, Tok::SNAPSHOT) => "DROP SNAPSHOT <snapshot> ON <repository>",
            (Tok::CREATE, Tok::REPOSITORY) => "CREATE REPOSITORY <name> WITH BROKER ON LOCATION '<location>'",
            (_, Tok::DATABASE) => "DATABASE <db>",
            (_, Tok::LParen | Tok::Comma) if self.enclosing_list() == Some(Tok::ON) => {
                "ON (<table> PARTITION (<p1>, <p2>), …)"
            }
            _ => return None,
        })
    }

    /// Non-ASCII characters StarRocks reads as letters although they look like blanks or
    /// ASCII punctuation: the offending word swallowed them. The fix replaces them in every
    /// word of the statement.
    fn lookalike_characters(&self) -> Option<Diagnostic> {
        let f = self.found?;
        if !matches!(f.kind, Tok::LetterIdent | Tok::DigitIdent) {
            return None;
        }
        // What the offending word contains; the fix covers every word of the statement.
        let mut names: Vec<&str> = Vec::new();
        let mut edits = Vec::new();
        for t in self.toks {
            if !matches!(t.kind, Tok::LetterIdent | Tok::DigitIdent) {
                continue;
            }
            for (i, c) in self.slice(*t).char_indices() {
                let Some((ascii, name)) = lookalike(c) else { continue };
                if *t == f && !names.contains(&name) {
                    names.push(name);
                }
                let at = t.span.start + i;
                let replacement = ascii.map_or(String::new(), String::from);
                edits.push(Edit { span: Span::new(at, at + c.len_utf8()), replacement });
            }
        }
        if names.is_empty() {
            return None;
        }
        let fix = Fix { message: "replace them with the ASCII characters they look like".into(), edits };
        let raw = self.slice(f);
        Some(self.error(
            "SR100",
            format!("expected {}, found {}", join_or(&self.expected), self.describe_found()),
            Some(format!(
                "`{raw}` contains {}; StarRocks reads every character from U+0080 to U+FFFF as a letter, so it is part of the name",
                join_and(&names)
            )),
            self.checked(fix),
        ))
    }

    fn empty_list(&self, close: Token) -> Diagnostic {
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
                let whole = if self.first == Some(Tok::RESTORE) {
                    "no ON restores the whole snapshot"
                } else {
                    "no ON backs up the whole database"
                };
                (
                    "ON ()",
                    Some(Fix::single(
                        format!("remove the empty ON clause ({whole})"),
                        self.with_leading_space(b.span.start, close.span.end),
                        "",
                    )),
                )
            }
            Some(Tok::PARTITION | Tok::PARTITIONS) => ("PARTITION ()", None),
            Some(Tok::CATALOG | Tok::CATALOGS) => ("EXTERNAL CATALOG ()", None),
            Some(Tok::IN) => ("IN ()", None),
            _ => ("()", None),
        };
        self.error(
            "SR103",
            format!("empty list: {what} needs at least one item"),
            Some("StarRocks's grammar requires at least one item between the parentheses".into()),
            fix.and_then(|f| self.checked(f)),
        )
    }

    /// `start..end` extended left over the whitespace before it, so removal leaves tidy text.
    fn with_leading_space(&self, start: usize, end: usize) -> Span {
        let trimmed = self.text[..start].trim_end_matches([' ', '\t', '\n', '\r']);
        Span::new(trimmed.len(), end)
    }

    fn clause_order(&self) -> Option<Diagnostic> {
        const BACKUP_ORDER: &str = "BACKUP [EXTERNAL CATALOG (…)] [DATABASE <db>] SNAPSHOT <snapshot> TO <repository> [ON (…)] [PROPERTIES (…)]";
        const RESTORE_ORDER: &str = "RESTORE SNAPSHOT <snapshot> FROM <repository> [EXTERNAL CATALOG (…)] [DATABASE <db> [AS <new db>]] [ON (…)] [PROPERTIES (…)]";
        let f = self.found?;
        let first = self.first;
        let order = match first {
            Some(Tok::BACKUP) => BACKUP_ORDER,
            Some(Tok::RESTORE) => RESTORE_ORDER,
            Some(Tok::SHOW) => "SHOW BACKUP|RESTORE [FROM <database>] [WHERE <condition>] [ORDER BY <column> [ASC|DESC], …] [LIMIT <n> [OFFSET <m>]]",
            Some(Tok::CREATE) => "CREATE [READ ONLY] REPOSITORY <name> WITH BROKER [<broker>] ON LOCATION '<location>' [PROPERTIES (…)]",
            _ => "",
        };
        let backup_or_restore = matches!(first, Some(Tok::BACKUP | Tok::RESTORE));
        let msg = match f.kind {
            Tok::ON if self.seen(Tok::PROPERTIES) && backup_or_restore => "the ON (…) clause must come before PROPERTIES",
            Tok::ON if self.seen(Tok::ON) && backup_or_restore => "ON (…) may appear only once",
            Tok::PROPERTIES if self.seen(Tok::PROPERTIES) => "PROPERTIES may appear only once",
            Tok::ON | Tok::PROPERTIES
                if first == Some(Tok::BACKUP) && self.seen(Tok::SNAPSHOT) && !self.seen(Tok::TO) =>
            {
                "TO <repository> comes right after the snapshot name, before ON (…) and PROPERTIES (…)"
            }
            Tok::ON | Tok::PROPERTIES | Tok::DATABASE
                if first == Some(Tok::RESTORE) && self.seen(Tok::SNAPSHOT) && !self.seen(Tok::FROM) =>
            {
                "FROM <repository> comes right after the snapshot name"
            }
            Tok::DATABASE if first == Some(Tok::RESTORE) && !self.seen(Tok::FROM) => {
                "in RESTORE, DATABASE comes after FROM <repository>"
            }
            Tok::DATABASE if first == Some(Tok::BACKUP) && self.seen(Tok::SNAPSHOT) => {
                "in BACKUP, DATABASE comes before SNAPSHOT"
            }
            Tok::DATABASE if first == Some(Tok::RESTORE) && self.seen(Tok::ON) => {
                "in RESTORE, DATABASE comes before ON (…)"
            }
            Tok::EXTERNAL | Tok::ALL
                if first == Some(Tok::BACKUP)
                    && !self.expects_name()
                    && (self.seen(Tok::SNAPSHOT) || self.seen(Tok::DATABASE))
                    && self.enclosing_list() != Some(Tok::ON) =>
            {
                "in BACKUP, external catalogs come right after BACKUP"
            }
            Tok::EXTERNAL | Tok::ALL
                if first == Some(Tok::RESTORE)
                    && !self.expects_name()
                    && (self.seen(Tok::DATABASE) || self.seen(Tok::ON) || self.seen(Tok::PROPERTIES))
                    && self.enclosing_list() != Some(Tok::ON) =>
            {
                "in RESTORE, external catalogs come right after FROM <repository> (and cannot be combined with DATABASE or ON)"
            }
            Tok::READ
                if first == Some(Tok::CREATE)
                    && self.seen(Tok::REPOSITORY)
                    && self.kind_at(self.at + 1) == Some(Tok::ONLY) =>
            {
                "READ ONLY comes before REPOSITORY"
            }
            Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY
                if self.at >= 2 && self.kind_at(self.at - 2) == Some(Tok::AS) =>
            {
                "PARTITION must come before AS: write `t PARTITION (p) AS alias`"
            }
            Tok::WHERE if first == Some(Tok::SHOW) && self.seen(Tok::WHERE) => "WHERE may appear only once",
            Tok::WHERE if first == Some(Tok::SHOW) && (self.seen(Tok::ORDER) || self.seen(Tok::LIMIT)) => {
                "WHERE comes before ORDER BY and LIMIT"
            }
            Tok::ORDER if first == Some(Tok::SHOW) && self.seen(Tok::ORDER) => "ORDER BY may appear only once",
            Tok::ORDER if first == Some(Tok::SHOW) && self.seen(Tok::LIMIT) => "ORDER BY comes before LIMIT",
            Tok::LIMIT if first == Some(Tok::SHOW) && self.seen(Tok::LIMIT) => "LIMIT may appear only once",
            Tok::FROM | Tok::IN
                if first == Some(Tok::SHOW)
                    && (self.seen(Tok::WHERE) || self.seen(Tok::ORDER) || self.seen(Tok::LIMIT))
                    && self.kind_at(self.at + 1) != Some(Tok::LParen) =>
            {
                "FROM <database> comes right after SHOW BACKUP or SHOW RESTORE, before WHERE, ORDER BY and LIMIT"
            }
            _ => return None,
        };
        let help = if msg.starts_with("PARTITION") {
            "the alias goes last: <table> PARTITION (…) AS <new name>".to_string()
        } else if order.is_empty() {
            format!("found {}", self.describe_found())
        } else {
            format!("the clauses go in this order: {order}")
        };
        Some(self.error("SR108", msg.to_string(), Some(help), None))
    }

    /// A contextual hint for the generic case.
    fn hint(&self) -> Option<String> {
        let f = self.found;
        let prev = self.prev.map(|t| t.kind);
        let first = self.first;
        let list = self.enclosing_list();
        let inside_on = list == Some(Tok::ON) && matches!(first, Some(Tok::BACKUP | Tok::RESTORE));
        let h: &str = match (f.map(|t| t.kind), prev) {
            (Some(_), Some(Tok::CATALOG | Tok::CATALOGS)) if self.expects(Rule::T_LParen) => {
                "catalog names go in parentheses: EXTERNAL CATALOG (<name>, …)"
            }
            (Some(Tok::AS), _) if matches!(list, Some(Tok::CATALOG | Tok::CATALOGS)) && first == Some(Tok::BACKUP) => {
                "BACKUP cannot rename catalogs; `AS` is allowed in RESTORE … EXTERNAL CATALOG (<name> AS <new name>)"
            }
            (Some(Tok::EXTERNAL | Tok::CATALOG | Tok::CATALOGS), _) if inside_on => {
                "external catalogs are not ON items; write `BACKUP EXTERNAL CATALOG (<name>) SNAPSHOT …` (or `RESTORE SNAPSHOT … FROM <repo> EXTERNAL CATALOG (<name>)`)"
            }
            (Some(Tok::LParen), _) if inside_on && self.typed_item_before(&[Tok::FUNCTION, Tok::FUNCTIONS]) => {
                "functions are listed by name only, without argument types; every overload of the name is included"
            }
            (Some(Tok::FUNCTION), Some(Tok::KwNonReserved))
                if inside_on && self.prev.is_some_and(|p| upper(self.slice(p)) == "GLOBAL") =>
            {
                "global functions cannot be backed up; only functions of the database"
            }
            (Some(Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY), _)
                if inside_on && self.typed_item_before(&[Tok::VIEW, Tok::VIEWS, Tok::FUNCTION, Tok::FUNCTIONS]) =>
            {
                "only tables have partitions; views, materialized views and functions take a name only"
            }
            (Some(Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY), _) if inside_on && self.partition_in_item() => {
                "a table takes one PARTITION clause; list all its partitions in it: PARTITION (p1, p2)"
            }
            (Some(Tok::Eq), _) if matches!(list, Some(Tok::PARTITION | Tok::PARTITIONS)) => {
                "key partitions are written PARTITION (<column> = <value>, …) with a column name, without PARTITIONS or TEMPORARY, and cannot be mixed with partition names"
            }
            (Some(_), Some(Tok::MATERIALIZED)) if self.expects(Rule::view_kw) => {
                "MATERIALIZED starts `MATERIALIZED VIEW <name>`; on its own it is read as a table named MATERIALIZED"
            }
            (_, Some(Tok::PROPERTIES)) if self.expects(Rule::T_LParen) => {
                "PROPERTIES takes a list: PROPERTIES (\"key\" = \"value\", …); leave the clause out if there is nothing to set"
            }
            (Some(Tok::WITH), _) if self.kind_at(self.at + 1) == Some(Tok::PROPERTIES) => {
                "write PROPERTIES (…) without WITH"
            }
            (Some(Tok::FORCE), _) if matches!(first, Some(Tok::BACKUP | Tok::RESTORE)) => {
                "FORCE belongs to DROP SNAPSHOT; BACKUP and RESTORE take no FORCE"
            }
            (Some(Tok::LIKE), _) if first == Some(Tok::SHOW) => {
                "SHOW BACKUP, SHOW RESTORE, SHOW SNAPSHOT and SHOW REPOSITORIES take no LIKE clause; filter with WHERE <column> LIKE '<pattern>'"
            }
            (Some(Tok::AS), _) if inside_on && self.item_starts_with_all() => "ALL … items cannot be renamed with AS",
            (Some(Tok::AS), _) if inside_on => "an object takes at most one AS",
            (Some(Tok::Dot | Tok::DotIdent), _) if self.expects(Rule::KW_SNAPSHOT) || self.expects(Rule::KW_AS) => {
                "a database name is a single name here; catalogs cannot be named"
            }
            (Some(Tok::Dot | Tok::DotIdent), Some(p)) if is_name_token(p) && !self.expects_name() => {
                "this name is a single name; it cannot be qualified with `.`"
            }
            (Some(Tok::LetterIdent), Some(Tok::WITH))
                if self.expects(Rule::KW_BROKER)
                    && DORIS_STORAGE.contains(&upper(self.slice(f?)).as_str()) =>
            {
                return Some(format!(
                    "`WITH {}` is Apache Doris's syntax; StarRocks writes WITH BROKER (the broker name is optional) and takes the storage from the location (s3://, hdfs://, …), with its credentials in PROPERTIES (\"aws.s3.access_key\", …)",
                    upper(self.slice(f?))
                ));
            }
            (Some(_), _)
                if first == Some(Tok::BACKUP) && f.is_some_and(|t| upper(self.slice(t)) == "EXCLUDE") =>
            {
                "`EXCLUDE (…)` is Apache Doris's; StarRocks has no EXCLUDE: list what to back up in ON (…) (ALL TABLES, or each table), or back up the whole database"
            }
            (Some(Tok::Minus), _) if self.dashed_name().is_some() => {
                return Some(format!(
                    "a name with `-` must be written in backquotes, `{}`: unquoted, `-` is a minus",
                    self.dashed_name()?.slice(self.text)
                ));
            }
            (Some(Tok::LetterIdent), Some(Tok::WITH)) if self.expects(Rule::KW_BROKER) => {
                "StarRocks needs WITH BROKER (the broker name is optional); the storage type comes from the location (s3://, hdfs://, …)"
            }
            (Some(Tok::ON), _) if self.expects(Rule::KW_WITH) => {
                "CREATE REPOSITORY needs WITH BROKER before ON LOCATION"
            }
            (Some(Tok::Comma), Some(p))
                if is_name_token(p)
                    && matches!(first, Some(Tok::DROP | Tok::SHOW | Tok::CANCEL))
                    && !self.seen(Tok::LIMIT) =>
            {
                "this statement takes a single name; write one statement per object"
            }
            (Some(Tok::OFFSET), _) if self.seen(Tok::LIMIT) && self.seen(Tok::Comma) => {
                "write either LIMIT <offset>, <count> or LIMIT <count> OFFSET <offset>, not both"
            }
            (Some(Tok::Comma), _) if self.seen(Tok::OFFSET) || (self.seen(Tok::LIMIT) && self.seen(Tok::Comma)) => {
                "LIMIT takes at most two numbers: LIMIT <count>, LIMIT <offset>, <count> or LIMIT <count> OFFSET <offset>"
            }
            (Some(Tok::OFFSET), _) if first == Some(Tok::SHOW) && !self.seen(Tok::LIMIT) => {
                "OFFSET belongs to LIMIT: LIMIT <count> OFFSET <offset>"
            }
            (Some(_), _) if self.hash_before_found() => {
                "`#` does not start a comment in StarRocks: it is ignored and the words after it are read as part of the statement; use `--` or `/* … */`"
            }
            (None, _) if self.line_comment_after_last_token() => {
                "`--` starts a comment that runs to the end of the line, so the rest of the line is ignored; put the comment at the end of the line or use /* … */"
            }
            (Some(Tok::Star), _)
                if self.kind_at(self.at + 1) == Some(Tok::Slash)
                    && self.toks.get(self.at + 1).is_some_and(|n| n.span.start == self.span().end) =>
            {
                "`*/` outside a comment: comments do not nest in StarRocks, so the first `*/` already ended the comment"
            }
            (Some(_), Some(Tok::CATALOG)) if self.seen(Tok::FOR) => {
                "FOR EXTERNAL CATALOG takes no name: it cancels the running external-catalog job"
            }
            (Some(Tok::Eq), Some(_))
                if self.at >= 2 && matches!(self.kind_at(self.at - 2), Some(Tok::PARTITION | Tok::PARTITIONS)) =>
            {
                "key partitions go in parentheses: PARTITION (<column> = <value>)"
            }
            (Some(Tok::FOR), _) if first == Some(Tok::SHOW) => {
                "FOR EXTERNAL CATALOG belongs to CANCEL BACKUP and CANCEL RESTORE; SHOW lists catalog jobs without it"
            }
            (_, Some(Tok::LIMIT | Tok::OFFSET)) | (_, Some(Tok::Comma)) if self.expects(Rule::limit_value) => {
                "LIMIT and OFFSET take a whole number, `?` or a @variable"
            }
            (Some(Tok::KwNonReserved), _) | (Some(Tok::LetterIdent), _)
                if self.expects(Rule::EOI) && self.at > 0 && self.prev_is_name() =>
            {
                return Some(format!(
                    "a name is one word; if `{}` belongs to it, write the whole name in backquotes",
                    self.slice(f?)
                ));
            }
            _ => return None,
        };
        Some(h.to_string())
    }

    /// True when a `#` (which StarRocks drops) sits between the previous token and this one.
    fn hash_before_found(&self) -> bool {
        let (Some(p), Some(f)) = (self.prev, self.found) else { return false };
        self.text[p.span.end..f.span.start].contains('#')
    }

    /// True when a `--` comment follows the last token on its line (and may have swallowed
    /// the rest of the statement).
    fn line_comment_after_last_token(&self) -> bool {
        let Some(last) = self.toks.last() else { return false };
        self.text[last.span.end..].split('\n').next().unwrap_or("").contains("--")
    }

    fn prev_is_name(&self) -> bool {
        self.prev.is_some_and(|p| is_name_token(p.kind))
    }

    fn fix_for_hint(&self) -> Option<Fix> {
        if let Some(name) = self.dashed_name() {
            let quoted = format!("`{}`", name.slice(self.text));
            return Some(Fix::single(format!("write {quoted}"), name, quoted));
        }
        let f = self.found?;
        let prev = self.prev?.kind;
        let list = self.enclosing_list();
        if matches!(prev, Tok::CATALOG | Tok::CATALOGS)
            && is_name_token(f.kind)
            && self.expects(Rule::T_LParen)
        {
            // Wrap the whole list of names: `CATALOGS a, b` → `CATALOGS (a, b)`.
            let mut end = self.at;
            while self.kind_at(end + 1) == Some(Tok::Comma)
                && self.toks.get(end + 2).is_some_and(|t| is_name_token(t.kind))
            {
                end += 2;
            }
            return Some(Fix {
                message: "put the catalog names in parentheses".into(),
                edits: vec![
                    Edit { span: Span::empty(f.span.start), replacement: "(".into() },
                    Edit { span: Span::empty(self.toks[end].span.end), replacement: ")".into() },
                ],
            });
        }
        if f.kind == Tok::AS && matches!(list, Some(Tok::CATALOG | Tok::CATALOGS)) {
            let alias = self.toks.get(self.at + 1)?;
            return Some(Fix::single(
                "remove the alias",
                self.with_leading_space(f.span.start, alias.span.end),
                "",
            ));
        }
        if f.kind == Tok::WITH && self.kind_at(self.at + 1) == Some(Tok::PROPERTIES) {
            let properties = self.toks[self.at + 1];
            return Some(Fix::single("remove WITH", Span::new(f.span.start, properties.span.start), ""));
        }
        if f.kind == Tok::FORCE && matches!(self.first, Some(Tok::BACKUP | Tok::RESTORE)) {
            return Some(Fix::single("remove FORCE", self.with_leading_space(f.span.start, f.span.end), ""));
        }
        if prev == Tok::PROPERTIES && self.expects(Rule::T_LParen) {
            let p = self.prev?;
            return Some(Fix::single(
                "remove the empty PROPERTIES",
                self.with_leading_space(p.span.start, p.span.end),
                "",
            ));
        }
        if f.kind == Tok::AS && list == Some(Tok::ON) && self.item_starts_with_all() {
            let alias = self.toks.get(self.at + 1)?;
            return Some(Fix::single(
                "remove the alias",
                self.with_leading_space(f.span.start, alias.span.end),
                "",
            ));
        }
        if f.kind == Tok::LetterIdent && prev == Tok::WITH && self.expects(Rule::KW_BROKER) {
            return Some(Fix::single("replace with `BROKER`", f.span, "BROKER"));
        }
        if f.kind == Tok::ON && self.expects(Rule::KW_WITH) {
            return Some(Fix::single("insert `WITH BROKER`", Span::empty(f.span.start), "WITH BROKER "));
        }
        if self.hash_before_found() {
            let p = self.prev?;
            let hash = p.span.end + self.text[p.span.end..f.span.start].find('#')?;
            return Some(Fix::single("turn the `#` into a `--` comment", Span::new(hash, hash + 1), "--"));
        }
        if f.kind == Tok::Eq
            && self.at >= 2
            && matches!(self.kind_at(self.at - 2), Some(Tok::PARTITION | Tok::PARTITIONS))
        {
            let column = self.toks[self.at - 1];
            let value = self.toks.get(self.at + 1)?;
            return Some(Fix {
                message: "put the key partition in parentheses".into(),
                edits: vec![
                    Edit { span: Span::empty(column.span.start), replacement: "(".into() },
                    Edit { span: Span::empty(value.span.end), replacement: ")".into() },
                ],
            });
        }
        if f.kind == Tok::Star && self.hint().is_some_and(|h| h.starts_with("`*/`")) {
            let slash = self.toks.get(self.at + 1)?;
            return Some(Fix::single(
                "remove the stray `*/`",
                self.with_leading_space(f.span.start, slash.span.end),
                "",
            ));
        }
        if prev == Tok::Dot && is_reserved_word(f.kind) {
            let dot = self.prev?;
            return Some(Fix::single("remove the `.`", dot.span, ""));
        }
        if f.kind == Tok::LParen && self.typed_item_before(&[Tok::FUNCTION, Tok::FUNCTIONS]) {
            let close = self.matching_paren(self.at)?;
            return Some(Fix::single(
                "remove the argument types",
                Span::new(f.span.start, self.toks[close].span.end),
                "",
            ));
        }
        None
    }

    fn matching_paren(&self, open: usize) -> Option<usize> {
        let mut depth = 0;
        for (i, t) in self.toks.iter().enumerate().skip(open) {
            match t.kind {
                Tok::LParen => depth += 1,
                Tok::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The index of the first token of the ON item being parsed.
    fn item_start(&self) -> usize {
        let mut depth = 0i32;
        for i in (0..self.at.min(self.toks.len())).rev() {
            match self.toks[i].kind {
                Tok::RParen => depth += 1,
                Tok::LParen if depth == 0 => return i + 1,
                Tok::LParen => depth -= 1,
                Tok::Comma if depth == 0 => return i + 1,
                _ => {}
            }
        }
        0
    }

    /// True when the ON item being parsed started with one of `kws`.
    fn typed_item_before(&self, kws: &[Tok]) -> bool {
        let start = self.item_start();
        self.toks.get(start).is_some_and(|t| kws.contains(&t.kind))
            || (self.toks.get(start).is_some_and(|t| t.kind == Tok::MATERIALIZED) && kws.contains(&Tok::VIEW))
    }

    /// True when the ON item being parsed already has a PARTITION clause.
    fn partition_in_item(&self) -> bool {
        self.toks[self.item_start()..self.at]
            .iter()
            .any(|t| matches!(t.kind, Tok::PARTITION | Tok::PARTITIONS))
    }

    fn item_starts_with_all(&self) -> bool {
        self.toks.get(self.item_start()).is_some_and(|t| t.kind == Tok::ALL)
    }

    /// What StarRocks itself prints, in the shape of its ANTLR error listener. The expected
    /// set is ours (StarRocks computes its own from the ANTLR state), so it is approximate.
    fn starrocks_message(&self) -> String {
        let found = match self.found {
            Some(t) => self.slice(t),
            None => "<EOF>",
        };
        let lc = self.index.line_col(self.span().start);
        // The alternatives, unquoted: keywords first, then a name, punctuation and the end.
        let mut similar: Vec<&str> = self.keyword_candidates();
        if self.expects_name() {
            similar.push(LEGAL_IDENTIFIER);
        }
        for r in &self.positives {
            let item = match r {
                Rule::T_LParen
                | Rule::catalog_list
                | Rule::catalog_alias_list
                | Rule::paren_partition_names => "(",
                Rule::T_RParen => ")",
                Rule::T_Comma => ",",
                Rule::T_Eq => "=",
                Rule::EOI => "<EOF>",
                _ => continue,
            };
            if !similar.contains(&item) {
                similar.push(item);
            }
        }
        let mut message = format!(
            "Getting syntax error at line {}, column {}. Detail message: Unexpected input '{found}'",
            lc.line,
            lc.column - 1
        );
        if similar.is_empty() {
            message.push('.');
            return message;
        }
        message.push_str(", the most similar input is {");
        for (i, item) in similar.iter().take(6).enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            // Keywords and punctuation are quoted.
            if matches!(*item, LEGAL_IDENTIFIER | "<EOF>") {
                message.push_str(item);
            } else {
                message.push('\'');
                message.push_str(item);
                message.push('\'');
            }
        }
        message.push_str("}.");
        message
    }
}

/// StarRocks's word for a name in its list of alternatives.
const LEGAL_IDENTIFIER: &str = "a legal identifier";

/// A character StarRocks reads as a letter although it looks like a blank or ASCII
/// punctuation: the ASCII character it looks like (`None`: it looks like nothing), and its
/// description. `None` for other characters.
fn lookalike(c: char) -> Option<(Option<char>, &'static str)> {
    Some(match c {
        '\u{a0}' => (Some(' '), "a no-break space (U+00A0)"),
        '\u{3000}' => (Some(' '), "an ideographic space (U+3000) next to a word"),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => (Some(' '), "a Unicode space"),
        '\u{80}'..='\u{9f}' => (Some(' '), "an invisible control character (U+0080–U+009F)"),
        '\u{200b}'..='\u{200d}' | '\u{2060}' => (None, "a zero-width character"),
        '\u{feff}' => (None, "a byte-order mark (U+FEFF)"),
        '\u{ff01}'..='\u{ff5e}' => {
            (char::from_u32(c as u32 - 0xfee0), "fullwidth characters (such as `（` or `Ａ`)")
        }
        _ => return None,
    })
}

/// Tokens that read as a word (a possible misspelled keyword).
fn is_wordlike(kind: Tok) -> bool {
    kind < Tok::LetterIdent && kind != Tok::Whitespace || kind == Tok::LetterIdent
}

/// Tokens that can stand where a name is written.
/// Storage types Apache Doris writes after `CREATE REPOSITORY … WITH` (StarRocks: BROKER).
const DORIS_STORAGE: &[&str] = &["S3", "HDFS", "AZURE", "GCS", "OSS", "COS", "OBS", "BOS", "MINIO"];

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

fn join_or(words: &[&str]) -> String {
    join_with(words, "or", "something else")
}

fn join_and(words: &[&str]) -> String {
    join_with(words, "and", "")
}

/// `a`, `a <conj> b`, `a, b <conj> c`, …; `empty` for no words.
fn join_with(words: &[&str], conj: &str, empty: &str) -> String {
    match words {
        [] => empty.into(),
        [word] => word.to_string(),
        [init @ .., last] => format!("{} {conj} {last}", init.join(", ")),
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
        assert!(plural_twin("REPOSITORY", "REPOSITORIES"));
        assert!(plural_twin("SNAPSHOTS", "SNAPSHOT"));
        assert!(!plural_twin("SNAPSHOT", "SNAPSHOT"));
    }

    #[test]
    fn keyword_rules_follow_the_token_order() {
        for rule in crate::grammar::RULE_LIST {
            let by_name = rule
                .name()
                .strip_prefix("KW_")
                .map(|kw| Tok::GRAMMAR_KEYWORDS.iter().find(|(_, n)| *n == kw).expect("a grammar keyword").1);
            assert_eq!(rule_keyword(*rule).copied(), by_name, "{rule:?}");
        }
    }

    #[test]
    fn expected_words_follow_clause_order() {
        let mut w = vec!["LIMIT", END, "WHERE", "ORDER BY", "`,`"];
        w.sort_by_key(|w| word_rank(w));
        assert_eq!(w, vec!["WHERE", "ORDER BY", "LIMIT", "`,`", END]);
    }
}
