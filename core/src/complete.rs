//! Completion at a cursor, for editors: [`complete`].
//!
//! The grammar says what may come next. The tokens of the statement before the word at the
//! cursor are parsed with one symbol appended that no rule of the statement grammar matches
//! (a `;`: statements are split there, so `statement_input` never sees one). When the parse
//! fails exactly at that symbol, the tokens before it begin a statement and the rules
//! expected there are what may follow; keyword rules name a keyword, and any other rule
//! offers the keywords it can start with, read from the grammar's own tables. When the parse
//! fails earlier, the text before the cursor already has an error and nothing is offered.
//!
//! Names come from an optional [`Catalog`]: where the grammar expects a name, the words
//! before it say which kind (a database after DATABASE, a table after `ON (TABLE`, a partition
//! inside `PARTITION (`, …). Property keys inside `PROPERTIES (` need no catalog.
//!
//! The cost is linear in the text: one lex, one grammar run over one statement's prefix, and
//! one pass over the catalog list that fits.

use crate::check::catalog::{Catalog, Database, TableKind};
// The keys BACKUP and RESTORE accept: the property checks' own lists.
use crate::check::{Feature, Version, BACKUP_KEYS, RESTORE_KEYS};
use crate::engine::{Node, RuleId};
use crate::explain::rule_keyword;
use crate::grammar::{self, Rule};
use crate::lexer::{self, Tok, Token};
use crate::span::Span;
use serde::Serialize;

/// What to offer at a cursor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Completion {
    /// The text the chosen item replaces: the partial word (or quoted name) the cursor is in
    /// or right after; empty at the cursor when there is none.
    pub span: Span,
    /// The items, best first: names before keywords; within a group, items that start with
    /// the typed prefix (case-insensitively) first, then alphabetically. Filtered by the
    /// typed prefix (case-insensitive prefix match; a name matches by its value, so `my`
    /// finds `` `my-table` ``); no duplicates (no two items share a label).
    pub items: Vec<CompletionItem>,
}

/// One thing to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CompletionItem {
    /// What to insert: a keyword in upper case (words the grammar requires together, such as
    /// `ORDER BY`, as one item), or a name quoted as StarRocks needs it
    /// ([`crate::lexer::quote_identifier`]), or a property key as a string literal.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// A few words for the UI (e.g. "table in sales", "repository"); `None` for keywords.
    pub detail: Option<String>,
}

/// The kind of a [`CompletionItem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum CompletionKind {
    /// A keyword (or words the grammar requires together).
    Keyword,
    /// A database of the catalog.
    Database,
    /// A table.
    Table,
    /// A logical view.
    View,
    /// A materialized view.
    MaterializedView,
    /// A user-defined function.
    Function,
    /// A partition (or temporary partition) of a table.
    Partition,
    /// A repository.
    Repository,
    /// A snapshot in a repository.
    Snapshot,
    /// An external catalog.
    Catalog,
    /// A BACKUP or RESTORE property key.
    Property,
}

/// Completion at byte `offset` of `text` (clamped into the text and onto a char boundary).
/// `catalog`, when given, supplies names.
///
/// Never panics. Inside a comment nothing is offered; inside a string only property keys
/// are, and only where a key belongs. After a syntax error earlier in the statement nothing
/// is offered either.
///
/// ```
/// use starrocks_backup_sql::complete::{complete, CompletionKind};
/// let c = complete("BACKUP sn", 9, None);
/// assert_eq!(c.span.start, 7);
/// assert_eq!(c.items[0].label, "SNAPSHOT");
/// assert_eq!(c.items[0].kind, CompletionKind::Keyword);
/// ```
pub fn complete(text: &str, offset: usize, catalog: Option<&Catalog>) -> Completion {
    complete_for(text, offset, catalog, Version::LATEST)
}

/// [`complete`] for a target version: what the version does not have (the `ttl` property
/// before 4.2) is not offered.
pub fn complete_for(text: &str, offset: usize, catalog: Option<&Catalog>, target: Version) -> Completion {
    let cursor = floor_boundary(text, offset);
    let lexed = lexer::lex(text);
    let Some(partial) = Partial::at(text, &lexed.tokens, cursor) else {
        return Completion { span: Span::empty(cursor), items: Vec::new() };
    };
    let span = Span::new(partial.start, cursor);
    let toks = statement_prefix(&lexed.tokens, &partial);
    let items = match expected_after(&toks) {
        Some(expected) => {
            let typed = span.slice(text);
            let mut out = Items::new(typed, &partial.value);
            if partial.form == Form::Word {
                keywords(&toks, &expected, &mut out);
            }
            let names = Context { text, toks: &toks, catalog, target };
            names.offer(&expected, partial.form, &mut out);
            out.finish()
        }
        None => Vec::new(),
    };
    Completion { span, items }
}

/// `offset` clamped into `text` and moved back onto a character boundary.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

// ---------------------------------------------------------------- the word at the cursor

/// How the text being completed is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A bare word (or nothing yet): keywords, names and property keys fit.
    Word,
    /// Inside a backquoted name: names only.
    Backquoted,
    /// Inside a string literal with this quote: property keys only.
    String(char),
    /// Inside a literal nothing completes (a number, a binary string, an attachment).
    Literal,
}

/// The partial word at the cursor.
#[derive(Debug)]
struct Partial {
    /// Where it starts (the cursor when there is none).
    start: usize,
    /// Its value as typed so far: the word, or the name or string without its quotes.
    value: String,
    form: Form,
    /// Tokens ending at or before this offset come before it.
    before: usize,
    /// A `.` glued to the word (`.1a` is one token, `.` and `1a` to the grammar) precedes it.
    dot: bool,
}

impl Partial {
    /// The partial word at `cursor`; `None` inside a comment.
    fn at(text: &str, tokens: &[Token], cursor: usize) -> Option<Partial> {
        let empty =
            Partial { start: cursor, value: String::new(), form: Form::Word, before: cursor, dot: false };
        // The last token that starts before the cursor.
        let i = tokens.partition_point(|t| t.span.start < cursor);
        let t = match i.checked_sub(1).map(|i| tokens[i]) {
            Some(t) if t.span.end >= cursor => t,
            before => {
                let gap = before.map_or(0, |t| t.span.end);
                return Some(Partial::in_gap(text, gap, cursor).unwrap_or(empty));
            }
        };
        let (start, end) = (t.span.start, t.span.end);
        let typed = &text[start..cursor];
        let word = |value: String, form: Form| Partial { start, value, form, before: start, dot: false };
        Some(match t.kind {
            // U+3000 is whitespace after ASCII whitespace but a letter where a token starts:
            // a word typed right after a token-initial run of it would join it to a name.
            Tok::Whitespace if typed.chars().all(|c| c == '\u{3000}') => {
                Partial { form: Form::Literal, ..empty }
            }
            Tok::Whitespace => empty,
            Tok::Comment | Tok::Hint => {
                let open_line_comment = text[start..end].starts_with("--")
                    && !text[start..end].ends_with(['\n', '\r'])
                    && cursor == end;
                if cursor < end || open_line_comment {
                    return None;
                }
                empty
            }
            k if is_keyword(k)
                || matches!(
                    k,
                    Tok::KwReserved
                        | Tok::KwNonReserved
                        | Tok::LetterIdent
                        | Tok::DigitIdent
                        | Tok::IntegerValue
                ) =>
            {
                word(typed.to_string(), Form::Word)
            }
            Tok::BackquotedIdent => word(lexer::backquoted_value(typed), Form::Backquoted),
            Tok::SingleQuoted | Tok::DoubleQuoted => {
                let quote = if t.kind == Tok::SingleQuoted { '\'' } else { '"' };
                let closed = if cursor == end { typed.to_string() } else { format!("{typed}{quote}") };
                word(lexer::string_value(&closed), Form::String(quote))
            }
            // `.1a` and `.5`: the grammar reads `.` then a name.
            Tok::DotIdent | Tok::DecimalValue | Tok::DoubleValue if typed.starts_with('.') => Partial {
                start: start + 1,
                value: typed[1..].to_string(),
                form: Form::Word,
                before: start,
                dot: true,
            },
            // Right after punctuation or an operator: nothing typed yet.
            _ if cursor == end
                && !matches!(t.kind, Tok::Attachment | Tok::BinarySingle | Tok::BinaryDouble) =>
            {
                empty
            }
            _ => word(String::new(), Form::Literal),
        })
    }

    /// The cursor is after `gap` in text no token covers: dropped characters, or an
    /// unterminated string or backquoted name (which runs to the end of the input).
    fn in_gap(text: &str, gap: usize, cursor: usize) -> Option<Partial> {
        let q = gap + text[gap..cursor].find(['`', '\'', '"'])?;
        let inner = &text[q + 1..cursor];
        let (value, form) = match text.as_bytes()[q] {
            b'`' => (inner.replace('`', ""), Form::Backquoted),
            b'\'' => (lexer::string_value(&format!("'{inner}'")), Form::String('\'')),
            _ => (lexer::string_value(&format!("\"{inner}\"")), Form::String('"')),
        };
        Some(Partial { start: q, value, form, before: q, dot: false })
    }
}

fn is_keyword(k: Tok) -> bool {
    (k as usize) < Tok::GRAMMAR_KEYWORDS.len()
}

/// The statement's tokens before the partial word: non-hidden, after the last `;`.
fn statement_prefix(tokens: &[Token], partial: &Partial) -> Vec<Token> {
    let end = tokens.partition_point(|t| t.span.end <= partial.before);
    let start = tokens[..end].iter().rposition(|t| t.kind == Tok::Semicolon).map_or(0, |i| i + 1);
    let mut toks: Vec<Token> = tokens[start..end].iter().filter(|t| !t.kind.is_trivia()).copied().collect();
    if partial.dot {
        toks.push(Token { kind: Tok::Dot, span: Span::new(partial.before, partial.before + 1) });
    }
    toks
}

// ---------------------------------------------------------------- what the grammar expects

/// The symbol appended after the prefix: statements are split at `;`, so no rule reachable
/// from `statement_input` matches it (a test checks).
const BARRIER: Tok = Tok::Semicolon;

/// The rules the grammar expects right after `toks`, or `None` when `toks` already has an
/// error (or nests deeper than the parser analyses).
fn expected_after(toks: &[Token]) -> Option<Vec<Rule>> {
    // Nested deeper than the parser analyses: the parser keeps such statements as written,
    // and completion offers nothing in them.
    if crate::parser::too_deep(toks).is_some() {
        return None;
    }
    let mut symbols: Vec<u8> = toks.iter().map(|t| t.kind as u8).collect();
    symbols.push(BARRIER as u8);
    match grammar::parse(Rule::statement_input, &symbols) {
        Err(e) if e.at == toks.len() => Some(e.expected),
        _ => None,
    }
}

/// The keywords a rule can start with, read from the grammar's tables: keyword rules are
/// collected, names (`identifier`, which also admits the non-reserved keywords) are not
/// looked into, and a rule's later parts count while the parts before them can match nothing.
struct FirstKeywords {
    /// Per rule: whether it can match nothing, once known.
    nullable: Vec<Option<bool>>,
    out: Vec<Tok>,
}

impl FirstKeywords {
    fn new() -> Self {
        FirstKeywords { nullable: vec![None; grammar::TABLES.bodies.len() + 1], out: Vec::new() }
    }

    /// Adds the keywords `rule` can start with; returns whether it can match nothing.
    fn rule(&mut self, rule: Rule) -> bool {
        if rule == Rule::EOI {
            return true;
        }
        if let Some(kw) = rule_keyword(rule) {
            if let Some((tok, _)) = Tok::GRAMMAR_KEYWORDS.iter().find(|(_, name)| name == kw) {
                if !self.out.contains(tok) {
                    self.out.push(*tok);
                }
            }
            return false;
        }
        if rule == Rule::identifier {
            return false;
        }
        let i = rule.index();
        if let Some(n) = self.nullable.get(i).copied().flatten() {
            return n;
        }
        let Some(&(_, root)) = grammar::TABLES.bodies.get(i - 1) else { return false };
        // Marked first: the grammar has no left recursion, so a rule met again inside its own
        // first position cannot happen; the mark only guards against looping if it did.
        self.nullable[i] = Some(false);
        let n = self.node(root, 0);
        self.nullable[i] = Some(n);
        n
    }

    fn node(&mut self, node: u16, depth: usize) -> bool {
        if depth > 200 {
            return false;
        }
        let Some(&n) = grammar::TABLES.nodes.get(node as usize) else { return false };
        match n {
            Node::Tok(_) => false,
            Node::Call(rule) => self.rule(rule),
            Node::Soi | Node::Eoi | Node::Pos(_) | Node::Neg(_) => true,
            Node::Seq(a, b) => self.node(node - a, depth + 1) && self.node(node - b, depth + 1),
            Node::Choice(a, b) => {
                let a = self.node(node - a, depth + 1);
                let b = self.node(node - b, depth + 1);
                a || b
            }
            Node::Opt(e) | Node::Rep(e) => {
                self.node(node - e, depth + 1);
                true
            }
        }
    }
}

/// Offers the keywords that may come after `toks`, given the rules expected there.
fn keywords(toks: &[Token], expected: &[Rule], out: &mut Items) {
    let mut first = FirstKeywords::new();
    for r in expected {
        first.rule(*r);
    }
    let kind_at = |i: usize| toks.get(i).map(|t| t.kind);
    let prev = toks.len().checked_sub(1).and_then(kind_at);
    let statement = kind_at(0);
    let catalogs_clause = expected
        .iter()
        .any(|r| matches!(r, Rule::backup_catalogs | Rule::restore_catalogs | Rule::all_external_catalogs));
    for tok in first.out {
        let Some((_, word)) = Tok::GRAMMAR_KEYWORDS.get(tok as usize) else { continue };
        // Words the grammar requires together are offered as one item.
        let phrases: &[&str] = match tok {
            Tok::ORDER => &["ORDER BY"],
            Tok::READ => &["READ ONLY"],
            Tok::WITH if statement == Some(Tok::RESTORE) => &["WITH PROPERTIES"],
            Tok::WITH => &["WITH BROKER"],
            Tok::CLUSTER => &["CLUSTER SNAPSHOT"],
            Tok::AUTOMATED => &["AUTOMATED CLUSTER SNAPSHOT"],
            Tok::STORAGE => &["STORAGE VOLUME"],
            Tok::IF if statement == Some(Tok::CREATE) => &["IF NOT EXISTS"],
            Tok::IF if statement == Some(Tok::DROP) => &["IF EXISTS"],
            Tok::FOR => &["FOR EXTERNAL CATALOG"],
            Tok::NULLS => &["NULLS FIRST", "NULLS LAST"],
            Tok::IS => &["IS NULL", "IS NOT NULL"],
            Tok::MATERIALIZED => &["MATERIALIZED VIEW", "MATERIALIZED VIEWS"],
            Tok::TEMPORARY => &["TEMPORARY PARTITION", "TEMPORARY PARTITIONS"],
            Tok::ALL if catalogs_clause => &["ALL EXTERNAL CATALOGS"],
            Tok::EXTERNAL if prev == Some(Tok::FOR) => &["EXTERNAL CATALOG"],
            Tok::EXTERNAL if prev == Some(Tok::ALL) => &["EXTERNAL CATALOGS"],
            Tok::EXTERNAL => &["EXTERNAL CATALOG", "EXTERNAL CATALOGS"],
            Tok::ON if statement == Some(Tok::CREATE) => &["ON LOCATION"],
            _ => std::slice::from_ref(word),
        };
        for p in phrases {
            out.keyword(p);
        }
    }
}

// ---------------------------------------------------------------- names

/// Rules that stand for a name.
fn expects_name(expected: &[Rule]) -> bool {
    use Rule::*;
    expected.iter().any(|r| {
        matches!(
            r,
            identifier
                | non_reserved
                | qualified_name
                | object_name
                | table_desc
                | catalog_item
                | catalog_alias_item
                | snapshot_name
                | drop_snapshot_name
                | repository_name
                | database_name
                | partition_name
                | bare_partition_names
                | identifier_or_string
        )
    })
}

/// What kind of name fits at the cursor.
#[derive(Debug, PartialEq, Eq)]
enum Slot {
    Databases,
    /// Objects of a kind in a database (`None`: the statement's).
    Objects(CompletionKind, Option<String>),
    /// Partitions of a table (database `None`: the statement's).
    Partitions {
        db: Option<String>,
        table: String,
        temporary: bool,
    },
    Repositories,
    /// Snapshots, of one database when given.
    Snapshots(Option<String>),
    Catalogs,
    /// Property keys of a statement, except those already written.
    PropertyKeys {
        keys: &'static [&'static str],
        job: &'static str,
        written: Vec<String>,
    },
}

/// The statement's prefix, for deciding which names fit.
struct Context<'a> {
    text: &'a str,
    toks: &'a [Token],
    catalog: Option<&'a Catalog>,
    target: Version,
}

impl<'a> Context<'a> {
    fn kind(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The kind of the token `back` places before the cursor (1: the previous one).
    fn before(&self, back: usize) -> Option<Tok> {
        self.toks.len().checked_sub(back).and_then(|i| self.kind(i))
    }

    fn is_name(&self, i: usize) -> bool {
        self.kind(i).is_some_and(|k| {
            matches!(k, Tok::LetterIdent | Tok::DigitIdent | Tok::BackquotedIdent)
                || k.is_non_reserved_keyword()
        })
    }

    /// The value of the name token `i`.
    fn name(&self, i: usize) -> String {
        let Some(t) = self.toks.get(i) else { return String::new() };
        let raw = t.span.slice(self.text);
        if t.kind == Tok::BackquotedIdent {
            lexer::backquoted_value(raw)
        } else {
            raw.to_string()
        }
    }

    /// Offers the names that fit.
    fn offer(&self, expected: &[Rule], form: Form, out: &mut Items) {
        let keys_expected = expected.iter().any(|r| matches!(r, Rule::property | Rule::string));
        for slot in self.slots() {
            match slot {
                Slot::PropertyKeys { keys, job, written } => {
                    let quote = match form {
                        Form::String(q) => q,
                        Form::Word => '"',
                        _ => continue,
                    };
                    if !keys_expected {
                        continue;
                    }
                    let ttl = self.target.at_least(Feature::Ttl.since());
                    for k in keys.iter().filter(|k| !written.iter().any(|w| w == *k) && (ttl || **k != "ttl"))
                    {
                        let label = lexer::quote_string_with(k, quote);
                        out.name(k, label, CompletionKind::Property, || format!("{job} property"));
                    }
                }
                slot => {
                    let Some(catalog) = self.catalog else { continue };
                    if matches!(form, Form::Word | Form::Backquoted) && expects_name(expected) {
                        self.names(catalog, slot, out);
                    }
                }
            }
        }
    }

    /// Which names fit after the prefix (more than one kind where the grammar allows both).
    fn slots(&self) -> Vec<Slot> {
        let n = self.toks.len();
        let first = self.kind(0);
        let prev = self.before(1);
        let has = |k: Tok| self.toks.iter().any(|t| t.kind == k);
        match (prev, first) {
            (None, _) => return Vec::new(),
            (Some(Tok::DATABASE), _) => return vec![Slot::Databases],
            // `BACKUP SNAPSHOT db.snap`: the database; the snapshot name itself is new.
            // Not for a snapshot of external catalogs.
            (Some(Tok::SNAPSHOT), Some(Tok::BACKUP)) if !has(Tok::DATABASE) && !has(Tok::EXTERNAL) => {
                return vec![Slot::Databases]
            }
            (Some(Tok::SNAPSHOT), Some(Tok::RESTORE)) => return vec![Slot::Snapshots(None), Slot::Databases],
            (Some(Tok::SNAPSHOT), Some(Tok::DROP)) => return vec![Slot::Snapshots(None)],
            (Some(Tok::Dot), Some(Tok::RESTORE))
                if n == 4 && self.before(3) == Some(Tok::SNAPSHOT) && self.is_name(n - 2) =>
            {
                return vec![Slot::Snapshots(Some(self.name(n - 2)))];
            }
            (Some(Tok::TO), Some(Tok::BACKUP))
            | (Some(Tok::FROM), Some(Tok::RESTORE))
            | (Some(Tok::ON), Some(Tok::SHOW | Tok::DROP))
            | (Some(Tok::REPOSITORY), Some(Tok::DROP)) => return vec![Slot::Repositories],
            (Some(Tok::FROM | Tok::IN), Some(Tok::SHOW | Tok::CANCEL)) if n == 3 => {
                return vec![Slot::Databases]
            }
            _ => {}
        }
        // Inside a list: the keyword before the innermost open `(` says which.
        let Some(open) = self.innermost_open() else { return Vec::new() };
        let at_item_start = matches!(prev, Some(Tok::LParen | Tok::Comma));
        let keyword = open.checked_sub(1).and_then(|i| self.kind(i));
        match keyword {
            Some(Tok::ON) if matches!(first, Some(Tok::BACKUP | Tok::RESTORE)) => self.on_list(open),
            Some(Tok::PARTITION | Tok::PARTITIONS) if at_item_start => {
                // `PARTITION (col = value, …)` names columns, not partitions.
                let key_partitions = self.toks[open..].iter().any(|t| t.kind == Tok::Eq);
                match self.partitions_of(open - 1) {
                    Some(slot) if !key_partitions => vec![slot],
                    _ => Vec::new(),
                }
            }
            Some(Tok::CATALOG | Tok::CATALOGS)
                if at_item_start && open >= 2 && self.kind(open - 2) == Some(Tok::EXTERNAL) =>
            {
                vec![Slot::Catalogs]
            }
            Some(Tok::PROPERTIES) if at_item_start => {
                let (keys, job) = match first {
                    Some(Tok::BACKUP) => (BACKUP_KEYS, "backup"),
                    Some(Tok::RESTORE) => (RESTORE_KEYS, "restore"),
                    _ => return Vec::new(),
                };
                vec![Slot::PropertyKeys { keys, job, written: self.written_keys(open) }]
            }
            _ => Vec::new(),
        }
    }

    /// Index of the innermost `(` not closed before the cursor.
    fn innermost_open(&self) -> Option<usize> {
        let mut depth = 0usize;
        for (i, t) in self.toks.iter().enumerate().rev() {
            match t.kind {
                Tok::RParen => depth += 1,
                Tok::LParen if depth == 0 => return Some(i),
                Tok::LParen => depth -= 1,
                _ => {}
            }
        }
        None
    }

    /// The names that fit in the ON list opened at `open`.
    fn on_list(&self, open: usize) -> Vec<Slot> {
        let n = self.toks.len();
        // The current item starts after the last `,` of the list itself.
        let mut depth = 0usize;
        let mut item_start = open + 1;
        for i in (open + 1..n).rev() {
            match self.toks[i].kind {
                Tok::RParen => depth += 1,
                Tok::LParen => depth = depth.saturating_sub(1),
                Tok::Comma if depth == 0 => {
                    item_start = i + 1;
                    break;
                }
                _ => {}
            }
        }
        if item_start == n {
            // A new item: a bare name is a table. After `PARTITION p1,` the list of
            // partitions may also go on.
            let mut out = Vec::new();
            if self.before(1) == Some(Tok::Comma) {
                if let Some(slot) = self.bare_partitions_before(n - 1) {
                    out.push(slot);
                }
            }
            out.push(Slot::Objects(CompletionKind::Table, None));
            return out;
        }
        let item: Vec<Tok> = self.toks[item_start..].iter().map(|t| t.kind).collect();
        let (kind, skip) = match item.as_slice() {
            [Tok::TABLE | Tok::TABLES, ..] => (CompletionKind::Table, 1),
            [Tok::MATERIALIZED, Tok::VIEW | Tok::VIEWS, ..] => (CompletionKind::MaterializedView, 2),
            [Tok::VIEW | Tok::VIEWS, ..] => (CompletionKind::View, 1),
            [Tok::FUNCTION | Tok::FUNCTIONS, ..] => (CompletionKind::Function, 1),
            _ => (CompletionKind::Table, 0),
        };
        // A typed item (`VIEW v1`), else a bare table whose name is a keyword (`VIEW PARTITION`).
        for (kind, skip) in [(kind, skip), (CompletionKind::Table, 0)] {
            let s = item_start + skip;
            let rest = &item[skip..];
            match rest {
                [] if skip > 0 => return vec![Slot::Objects(kind, None)],
                [_, Tok::Dot] if self.is_name(s) => return vec![Slot::Objects(kind, Some(self.name(s)))],
                [.., Tok::PARTITION | Tok::PARTITIONS] if kind == CompletionKind::Table => {
                    if let Some(slot) = self.partitions_of(n - 1).filter(|_| self.table_starts_at(s, n - 1)) {
                        return vec![slot];
                    }
                }
                _ => {}
            }
        }
        Vec::new()
    }

    /// True when the tokens from `s` to the partition keyword at `kw` are a table name and an
    /// optional TEMPORARY: `t`, `db.t`, `t TEMPORARY`.
    fn table_starts_at(&self, s: usize, kw: usize) -> bool {
        let end = if kw > s && self.kind(kw - 1) == Some(Tok::TEMPORARY) { kw - 1 } else { kw };
        match end.checked_sub(s) {
            Some(1) => self.is_name(s),
            Some(3) => self.is_name(s) && self.kind(s + 1) == Some(Tok::Dot) && self.is_name(s + 2),
            _ => false,
        }
    }

    /// The partitions of the table before the PARTITION(S) keyword at `kw`.
    fn partitions_of(&self, kw: usize) -> Option<Slot> {
        let temporary = kw >= 1 && self.kind(kw - 1) == Some(Tok::TEMPORARY);
        let t = kw.checked_sub(1 + usize::from(temporary))?;
        if !self.is_name(t) {
            return None;
        }
        let db =
            (t >= 2 && self.kind(t - 1) == Some(Tok::Dot) && self.is_name(t - 2)).then(|| self.name(t - 2));
        Some(Slot::Partitions { db, table: self.name(t), temporary })
    }

    /// `t PARTITION p1, p2,` before the `,` at `comma`: the partitions of `t`.
    fn bare_partitions_before(&self, comma: usize) -> Option<Slot> {
        let mut c = comma;
        loop {
            let name = c.checked_sub(1)?;
            let partition_name =
                self.is_name(name) || matches!(self.kind(name), Some(Tok::SingleQuoted | Tok::DoubleQuoted));
            if !partition_name {
                return None;
            }
            match self.kind(name.checked_sub(1)?) {
                Some(Tok::Comma) => c = name - 1,
                Some(Tok::PARTITION | Tok::PARTITIONS) => return self.partitions_of(name - 1),
                _ => return None,
            }
        }
    }

    /// The keys already written in the property list opened at `open`.
    fn written_keys(&self, open: usize) -> Vec<String> {
        let mut out = Vec::new();
        for i in open + 1..self.toks.len() {
            let key_position = matches!(self.kind(i - 1), Some(Tok::LParen | Tok::Comma));
            if key_position && matches!(self.kind(i), Some(Tok::SingleQuoted | Tok::DoubleQuoted)) {
                out.push(lexer::string_value(self.toks[i].span.slice(self.text)));
            }
        }
        out
    }

    /// The database the statement works in: its `DATABASE x` clause, else the `x.` of its
    /// `x.snap`, else the session's current database.
    fn statement_database(&self, catalog: &'a Catalog) -> Option<String> {
        if let Some(i) = self.toks.iter().position(|t| t.kind == Tok::DATABASE) {
            if self.is_name(i + 1) {
                return Some(self.name(i + 1));
            }
        }
        if matches!(self.kind(0), Some(Tok::BACKUP | Tok::RESTORE)) {
            if let Some(s) = self.toks.iter().position(|t| t.kind == Tok::SNAPSHOT) {
                if self.is_name(s + 1) && self.kind(s + 2) == Some(Tok::Dot) && self.is_name(s + 3) {
                    return Some(self.name(s + 1));
                }
            }
        }
        catalog.current_database.clone()
    }

    fn names(&self, catalog: &'a Catalog, slot: Slot, out: &mut Items) {
        let database = |name: Option<String>| -> Option<&'a Database> {
            let name = name.or_else(|| self.statement_database(catalog))?;
            find(&catalog.databases, &name, |d| &d.name)
        };
        match slot {
            Slot::Databases => {
                for d in &catalog.databases {
                    out.quoted(&d.name, CompletionKind::Database, || "database".into());
                }
            }
            Slot::Objects(kind, db) => {
                let Some(d) = database(db) else { return };
                if kind == CompletionKind::Function {
                    for f in &d.functions {
                        out.quoted(&f.name, kind, || format!("function in {}", d.name));
                    }
                    return;
                }
                let (want, what) = match kind {
                    CompletionKind::View => (TableKind::View, "view"),
                    CompletionKind::MaterializedView => (TableKind::MaterializedView, "materialized view"),
                    _ => (TableKind::Table, "table"),
                };
                for t in d.tables.iter().filter(|t| t.kind == want && !t.temporary) {
                    out.quoted(&t.name, kind, || format!("{what} in {}", d.name));
                }
            }
            Slot::Partitions { db, table, temporary } => {
                let Some(d) = database(db) else { return };
                let Some(t) = find(&d.tables, &table, |t| &t.name) else { return };
                let (names, what) = if temporary {
                    (&t.temporary_partitions, "temporary partition")
                } else {
                    (&t.partitions, "partition")
                };
                for p in names {
                    out.quoted(p, CompletionKind::Partition, || format!("{what} of {}", t.name));
                }
            }
            Slot::Repositories => {
                for r in &catalog.repositories {
                    let what = if r.read_only { "read-only repository" } else { "repository" };
                    out.quoted(&r.name, CompletionKind::Repository, || what.into());
                }
            }
            Slot::Snapshots(db) => {
                for r in &catalog.repositories {
                    for s in &r.snapshots {
                        if db.as_ref().is_some_and(|db| s.database.as_ref() != Some(db)) {
                            continue;
                        }
                        out.snapshot(&s.name, &r.name);
                    }
                }
            }
            Slot::Catalogs => {
                for c in &catalog.external_catalogs {
                    out.quoted(c, CompletionKind::Catalog, || "external catalog".into());
                }
            }
            Slot::PropertyKeys { .. } => {}
        }
    }
}

/// The entry named `name`: exactly, else ignoring ASCII case.
fn find<'c, T>(list: &'c [T], name: &str, key: impl Fn(&T) -> &String) -> Option<&'c T> {
    list.iter().find(|x| key(x) == name).or_else(|| list.iter().find(|x| key(x).eq_ignore_ascii_case(name)))
}

// ---------------------------------------------------------------- the list

/// One item being gathered.
struct Entry {
    /// 0 for names, 1 for keywords.
    group: u8,
    /// The label does not start with what was typed.
    later: bool,
    /// The value in lower case, when that is not the label itself.
    key: Option<String>,
    /// When it was offered: of two items with the same label, the first stays.
    order: usize,
    item: CompletionItem,
}

impl Entry {
    fn key(&self) -> &str {
        self.key.as_deref().unwrap_or(&self.item.label)
    }
}

/// The items being gathered, filtered by what was typed.
struct Items<'t> {
    /// The text the items replace, as typed.
    typed: &'t str,
    /// Its value (without quotes).
    value: &'t str,
    entries: Vec<Entry>,
    /// Snapshot labels already offered, and where: a snapshot in several repositories (or
    /// at several timestamps) is one item.
    snapshots: std::collections::HashMap<String, usize>,
}

impl<'t> Items<'t> {
    fn new(typed: &'t str, value: &'t str) -> Self {
        Items { typed, value, entries: Vec::new(), snapshots: std::collections::HashMap::new() }
    }

    fn keyword(&mut self, word: &str) {
        if starts_with_ci(word, self.typed) {
            self.push(1, word, word.to_string(), CompletionKind::Keyword, None);
        }
    }

    /// A name, quoted as StarRocks needs it (always in backquotes when the typed text opened
    /// one: a bare name there could run into the word before, as in ``DATABASE`sa``).
    fn quoted(&mut self, name: &str, kind: CompletionKind, detail: impl FnOnce() -> String) {
        if !starts_with_ci(name, self.value) {
            return;
        }
        if let Some(label) = self.label(name) {
            self.push(0, name, label, kind, Some(detail()));
        }
    }

    fn label(&self, name: &str) -> Option<String> {
        match lexer::quote_identifier(name) {
            Some(bare) if self.typed.starts_with('`') && !bare.starts_with('`') => Some(format!("`{bare}`")),
            label => label,
        }
    }

    /// A name whose label is already written (a property key as a string).
    fn name(&mut self, value: &str, label: String, kind: CompletionKind, detail: impl FnOnce() -> String) {
        if starts_with_ci(value, self.value) || starts_with_ci(&label, self.typed) {
            self.push(0, value, label, kind, Some(detail()));
        }
    }

    /// A snapshot: one item per name, its detail listing the repositories that hold it.
    fn snapshot(&mut self, name: &str, repository: &str) {
        if !starts_with_ci(name, self.value) {
            return;
        }
        let Some(label) = self.label(name) else { return };
        if let Some(&i) = self.snapshots.get(&label) {
            if let Some(d) = self.entries[i].item.detail.as_mut() {
                if !d.split(", ").any(|r| r == repository) {
                    d.push_str(", ");
                    d.push_str(repository);
                }
            }
            return;
        }
        self.snapshots.insert(label.clone(), self.entries.len());
        self.push(0, name, label, CompletionKind::Snapshot, Some(repository.to_string()));
    }

    fn push(&mut self, group: u8, value: &str, label: String, kind: CompletionKind, detail: Option<String>) {
        let later = !starts_with_ci(&label, self.typed);
        let lower = value.bytes().all(|b| !b.is_ascii_uppercase()) && value.is_ascii();
        let key = (group == 0 && !(lower && label == value)).then(|| crate::lexer::fold_case(value));
        let order = self.entries.len();
        self.entries.push(Entry { group, later, key, order, item: CompletionItem { label, kind, detail } });
    }

    /// The items in order, each label once (names win over keywords).
    fn finish(mut self) -> Vec<CompletionItem> {
        crate::order::sort_by_cmp(&mut self.entries, |a, b| {
            (a.group, a.later, a.key(), &a.item.label, a.order).cmp(&(
                b.group,
                b.later,
                b.key(),
                &b.item.label,
                b.order,
            ))
        });
        // Equal labels have equal keys, so they are neighbours within a group.
        self.entries.dedup_by(|b, a| a.group == b.group && a.item.label == b.item.label);
        let names = self.entries.partition_point(|e| e.group == 0);
        let (named, keywords) = self.entries.split_at(names);
        let named_as = |k: &Entry| {
            let key = crate::lexer::fold_case(&k.item.label);
            let from = named.partition_point(|e| (e.later, e.key()) < (k.later, key.as_str()));
            named[from..].iter().take_while(|e| e.key() == key).any(|e| e.item.label == k.item.label)
        };
        let mut keep = vec![true; names];
        keep.extend(keywords.iter().map(|k| !named_as(k)));
        self.entries.into_iter().zip(keep).filter(|(_, keep)| *keep).map(|(e, _)| e.item).collect()
    }
}

/// True when `s` starts with `prefix`, ignoring case.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    if s.len() >= prefix.len() && s.is_char_boundary(prefix.len()) && prefix.is_ascii() {
        return s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes());
    }
    let mut s = s.chars().map(crate::lexer::fold_char);
    prefix.chars().map(crate::lexer::fold_char).all(|p| s.next() == Some(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::catalog::{Function, Repository, Snapshot, Table};

    /// Completion at the `|` of `text`.
    fn at(text: &str, catalog: Option<&Catalog>) -> Completion {
        let offset = text.find('|').expect("a cursor");
        complete(&text.replacen('|', "", 1), offset, catalog)
    }

    fn labels(c: &Completion) -> Vec<&str> {
        c.items.iter().map(|i| i.label.as_str()).collect()
    }

    fn table(name: &str, kind: TableKind, partitions: &[&str]) -> Table {
        Table {
            name: name.into(),
            kind,
            partitions: partitions.iter().map(|p| p.to_string()).collect(),
            ..Table::default()
        }
    }

    fn snapshot(name: &str, db: &str) -> Snapshot {
        Snapshot { name: name.into(), database: Some(db.into()), ..Snapshot::default() }
    }

    fn catalog() -> Catalog {
        let mut orders = table("orders", TableKind::Table, &["p1", "p2", "p3"]);
        orders.temporary_partitions = vec!["tp1".into()];
        let mut scratch = table("scratch", TableKind::Table, &[]);
        scratch.temporary = true;
        Catalog {
            current_database: Some("hr".into()),
            databases: vec![
                Database {
                    name: "sales".into(),
                    tables: vec![
                        orders,
                        table("customers", TableKind::Table, &[]),
                        table("my-table", TableKind::Table, &[]),
                        scratch,
                        table("v_orders", TableKind::View, &[]),
                        table("mv_daily", TableKind::MaterializedView, &[]),
                    ],
                    functions: vec![
                        Function { name: "f_rev".into(), args: vec!["INT".into()] },
                        Function { name: "f_rev".into(), args: vec!["BIGINT".into()] },
                    ],
                    ..Database::default()
                },
                Database {
                    name: "hr".into(),
                    tables: vec![
                        table("employees", TableKind::Table, &[]),
                        table("orders_hr", TableKind::Table, &[]),
                        table("v_staff", TableKind::View, &[]),
                    ],
                    functions: vec![],
                    ..Database::default()
                },
                Database {
                    name: "yearly".into(),
                    tables: vec![table("2024_sales", TableKind::Table, &[])],
                    functions: vec![],
                    ..Database::default()
                },
                Database {
                    name: "shop".into(),
                    tables: vec![
                        table("order", TableKind::Table, &[]),
                        table("items", TableKind::Table, &[]),
                    ],
                    functions: vec![],
                    ..Database::default()
                },
            ],
            external_catalogs: vec!["hive1".into(), "iceberg1".into()],
            repositories: vec![
                Repository {
                    name: "repo1".into(),
                    snapshots: vec![
                        snapshot("snap1", "sales"),
                        snapshot("snap1", "sales"),
                        snapshot("snap2", "hr"),
                    ],
                    ..Repository::default()
                },
                Repository {
                    name: "repo2".into(),
                    read_only: true,
                    snapshots: vec![snapshot("snap1", "sales"), snapshot("weekly", "shop")],
                    ..Repository::default()
                },
            ],
            ..Catalog::default()
        }
    }

    #[test]
    fn empty_text_offers_the_statement_keywords() {
        for text in ["", "   ", "-- a comment\n", "SHOW BACKUP;\n"] {
            let c = complete(text, text.len(), None);
            assert_eq!(c.span, Span::empty(text.len()), "{text:?}");
            assert_eq!(
                labels(&c),
                ["ADMIN", "BACKUP", "CANCEL", "CREATE", "DROP", "RESTORE", "SHOW"],
                "{text:?}"
            );
            assert!(c.items.iter().all(|i| i.kind == CompletionKind::Keyword && i.detail.is_none()));
        }
    }

    #[test]
    fn keywords_come_from_the_grammar() {
        assert_eq!(
            labels(&at("BACKUP |", None)),
            ["ALL EXTERNAL CATALOGS", "DATABASE", "EXTERNAL CATALOG", "EXTERNAL CATALOGS", "SNAPSHOT"]
        );
        assert_eq!(labels(&at("BACKUP SNAPSHOT db.s |", None)), ["TO"]);
        assert_eq!(labels(&at("BACKUP SNAPSHOT db.s TO r |", None)), ["ON", "PROPERTIES"]);
        assert_eq!(labels(&at("SHOW BACKUP |", None)), ["FROM", "IN", "LIMIT", "ORDER BY", "WHERE"]);
        assert_eq!(labels(&at("CANCEL RESTORE |", None)), ["FOR EXTERNAL CATALOG", "FROM", "IN"]);
        assert_eq!(labels(&at("CREATE |", None)), ["CLUSTER SNAPSHOT", "READ ONLY", "REPOSITORY"]);
        assert_eq!(labels(&at("ADMIN SET |", None)), ["AUTOMATED CLUSTER SNAPSHOT"]);
        assert_eq!(labels(&at("ADMIN SET AUTOMATED CLUSTER SNAPSHOT |", None)), ["OFF", "ON"]);
        assert_eq!(
            labels(&at("ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON |", None)),
            ["INTERVAL", "PROPERTIES", "STORAGE VOLUME"]
        );
        assert_eq!(labels(&at("CREATE CLUSTER SNAPSHOT |", None)), ["IF NOT EXISTS"]);
        assert_eq!(labels(&at("DROP CLUSTER SNAPSHOT s |", None)), ["IF EXISTS"]);
        assert_eq!(
            labels(&at("RESTORE TABLE db.t FROM SNAPSHOT s TO TABLE db.t2 |", None)),
            ["WITH PROPERTIES"]
        );
        assert_eq!(labels(&at("CREATE REPOSITORY r WITH BROKER |", None)), ["ON LOCATION"]);
        assert_eq!(labels(&at("DROP SNAPSHOT s ON r |", None)), ["FORCE"]);
        assert_eq!(
            labels(&at("SHOW BACKUP WHERE a NOT |", None)),
            ["BETWEEN", "IN", "LIKE", "REGEXP", "RLIKE"]
        );
        assert_eq!(
            labels(&at("BACKUP SNAPSHOT s TO r ON (ALL |", None)),
            [
                "FUNCTION",
                "FUNCTIONS",
                "MATERIALIZED VIEW",
                "MATERIALIZED VIEWS",
                "TABLE",
                "TABLES",
                "VIEW",
                "VIEWS"
            ]
        );
        let order = at("SHOW BACKUP ORDER BY a |", None);
        for l in ["ASC", "DESC", "NULLS FIRST", "NULLS LAST", "LIMIT", "IS NULL"] {
            assert!(labels(&order).contains(&l), "{l}: {:?}", labels(&order));
        }
        // After a complete statement nothing but its optional clauses.
        assert_eq!(labels(&at("SHOW REPOSITORIES LIMIT 1 |", None)), ["OFFSET"]);
        assert!(at("DROP REPOSITORY r |", None).items.is_empty());
    }

    #[test]
    fn keyword_prefix_is_case_insensitive_and_sets_the_span() {
        for text in ["BACKUP sn|", "backup SN|", "BACKUP Snap|"] {
            let c = at(text, None);
            assert_eq!(labels(&c), ["SNAPSHOT"], "{text}");
            assert_eq!(c.span, Span::new(7, text.len() - 1), "{text}");
        }
        // A complete keyword at the cursor is offered itself.
        assert_eq!(labels(&at("SHOW BACKUP WH|", None)), ["WHERE"]);
        assert_eq!(labels(&at("backup|", None)), ["BACKUP"]);
        // The cursor inside a word: only what is before it counts.
        let c = at("BACKUP SN|APSHOT db.s TO r", None);
        assert_eq!(labels(&c), ["SNAPSHOT"]);
        assert_eq!(c.span, Span::new(7, 9));
        assert!(at("BACKUP x|", None).items.is_empty());
    }

    #[test]
    fn tables_of_the_statement_database() {
        let cat = catalog();
        let c = at("BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE |", Some(&cat));
        assert_eq!(labels(&c), ["customers", "`my-table`", "orders"]);
        assert!(c.items.iter().all(|i| i.kind == CompletionKind::Table));
        assert_eq!(c.items[0].detail.as_deref(), Some("table in sales"));
        // The database of `db.snap`, then the session's.
        assert_eq!(labels(&at("BACKUP SNAPSHOT sales.s TO r ON (TABLE |", Some(&cat))), labels(&c));
        // TABLES is non-reserved: a table of that name may also go on with PARTITION or AS.
        let tables = at("BACKUP SNAPSHOT sales.s TO r ON (TABLES |", Some(&cat));
        assert_eq!(labels(&tables)[..4], ["customers", "`my-table`", "orders", "AS"]);
        assert_eq!(labels(&at("BACKUP SNAPSHOT s TO r ON (TABLE |", Some(&cat))), ["employees", "orders_hr"]);
        assert_eq!(labels(&at("BACKUP SNAPSHOT s TO r ON (TABLE sales.|", Some(&cat))), labels(&c));
        // Views, materialized views, functions (one item per name).
        let v = at("BACKUP DATABASE sales SNAPSHOT s TO r ON (VIEW |", Some(&cat));
        assert_eq!(
            labels(&v),
            ["v_orders", "AS", "PARTITION", "PARTITIONS", "TEMPORARY PARTITION", "TEMPORARY PARTITIONS"]
        );
        assert_eq!(v.items[0].kind, CompletionKind::View);
        let mv = at("BACKUP DATABASE sales SNAPSHOT s TO r ON (t1, MATERIALIZED VIEW |", Some(&cat));
        assert_eq!(labels(&mv), ["mv_daily"]);
        assert_eq!(mv.items[0].kind, CompletionKind::MaterializedView);
        let f = at("RESTORE SNAPSHOT sales.s FROM r ON (FUNCTION |", Some(&cat));
        assert_eq!(labels(&f), ["f_rev"]);
        assert_eq!(
            (f.items[0].kind, f.items[0].detail.as_deref()),
            (CompletionKind::Function, Some("function in sales"))
        );
        // A bare item of the pre-3.4 form is a table; names come before keywords.
        let bare = at("BACKUP SNAPSHOT sales.s TO r ON (|", Some(&cat));
        assert_eq!(&labels(&bare)[..4], ["customers", "`my-table`", "orders", "ALL"]);
        let bare = at("BACKUP SNAPSHOT sales.s TO r ON (orders, c|", Some(&cat));
        assert_eq!(labels(&bare), ["customers"]);
    }

    #[test]
    fn a_partial_name_filters_and_sets_the_span() {
        let cat = catalog();
        let text = "BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE or|";
        let c = at(text, Some(&cat));
        assert_eq!(labels(&c), ["orders"]);
        assert_eq!(c.span, Span::new(text.len() - 3, text.len() - 1));
        assert_eq!(c.span.slice(&text.replace('|', "")), "or");
        assert_eq!(
            labels(&at("BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE OR|", Some(&cat))),
            ["orders"]
        );
        assert!(at("BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE zz|", Some(&cat)).items.is_empty());
    }

    #[test]
    fn names_are_quoted_as_starrocks_needs() {
        let cat = catalog();
        let c = at("BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE my|", Some(&cat));
        assert_eq!(labels(&c), ["`my-table`"]);
        let c = at("BACKUP DATABASE shop SNAPSHOT s TO r ON (|", Some(&cat));
        assert_eq!(&labels(&c)[..2], ["items", "`order`"]);
        // After `db.`, a name that starts with digits (`.2` lexes as a number).
        let c = at("BACKUP SNAPSHOT s TO r ON (TABLE yearly.2|", Some(&cat));
        assert_eq!(labels(&c), ["2024_sales"]);
        assert_eq!(c.span.slice("BACKUP SNAPSHOT s TO r ON (TABLE yearly.2"), "2");
    }

    #[test]
    fn inside_a_quoted_name_or_a_string() {
        let cat = catalog();
        // Closed and unterminated backquotes: the span starts at the backquote.
        for text in [
            "BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE `my-t|`)",
            "BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE `my-t|",
        ] {
            let c = at(text, Some(&cat));
            assert_eq!(labels(&c), ["`my-table`"], "{text}");
            let tick = text.find('`').unwrap();
            assert_eq!(c.span, Span::new(tick, text.find('|').unwrap()), "{text}");
        }
        // After a backquote the label keeps it: ``DATABASE`sa`` must not become `DATABASEsales`.
        assert_eq!(
            labels(&at("BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE `o|", Some(&cat))),
            ["`orders`"]
        );
        assert_eq!(labels(&at("BACKUP DATABASE`sa|", Some(&cat))), ["`sales`"]);
        // An unterminated string or name at the very start of the text.
        assert!(at("'SHOW | BACKUP", None).items.is_empty());
        assert!(at("`BACK|", None).items.is_empty());
        // A word right after a token-initial U+3000 would join it.
        assert!(at("SHOW BACKUP;\u{3000}|", None).items.is_empty());
        assert_eq!(labels(&at("SHOW BACKUP; \u{3000}|", None))[0], "ADMIN");
        // A string where a key belongs completes keys; elsewhere nothing.
        let text = r#"BACKUP SNAPSHOT s TO r PROPERTIES ("ti|"#;
        let c = at(text, None);
        assert_eq!(labels(&c), [r#""timeout""#]);
        assert_eq!(c.span.start, text.find('"').unwrap());
        assert_eq!(labels(&at(r#"BACKUP SNAPSHOT s TO r PROPERTIES ('ty|pe' = 'full')"#, None)), ["'type'"]);
        assert!(at(r#"BACKUP SNAPSHOT s TO r PROPERTIES ("timeout" = "3|")"#, None).items.is_empty());
        assert!(at("SHOW BACKUP WHERE Label = 'BACK|", None).items.is_empty());
        assert!(at("DROP REPOSITORY `re|", Some(&cat))
            .items
            .iter()
            .all(|i| i.kind == CompletionKind::Repository));
        // Inside a comment: nothing.
        for text in ["BACKUP /* SN| */", "BACKUP -- SN|", "BACKUP -- x|\nSNAPSHOT"] {
            let c = at(text, None);
            assert!(c.items.is_empty(), "{text}");
            assert!(c.span.is_empty());
        }
    }

    #[test]
    fn partitions_of_the_preceding_table() {
        let cat = catalog();
        for text in [
            "BACKUP DATABASE sales SNAPSHOT s TO r ON (TABLE orders PARTITION (|",
            "BACKUP SNAPSHOT sales.s TO r ON (orders PARTITIONS (p3, |",
            "BACKUP SNAPSHOT s TO r ON (sales.orders PARTITION (|",
            "BACKUP SNAPSHOT sales.s TO r ON (orders PARTITION |",
        ] {
            let c = at(text, Some(&cat));
            assert_eq!(labels(&c), ["p1", "p2", "p3"], "{text}");
            assert!(c.items.iter().all(|i| i.kind == CompletionKind::Partition));
            assert_eq!(c.items[0].detail.as_deref(), Some("partition of orders"));
        }
        let t = at("BACKUP SNAPSHOT sales.s TO r ON (orders TEMPORARY PARTITION (|", Some(&cat));
        assert_eq!(labels(&t), ["tp1"]);
        assert_eq!(t.items[0].detail.as_deref(), Some("temporary partition of orders"));
        // A bare list may go on, or a new item start.
        let more = at("BACKUP SNAPSHOT sales.s TO r ON (orders PARTITION p1, |", Some(&cat));
        assert_eq!(&labels(&more)[..6], ["customers", "`my-table`", "orders", "p1", "p2", "p3"]);
        // Key partitions name columns.
        assert!(at("BACKUP SNAPSHOT sales.s TO r ON (orders PARTITION (dt = '1', |", Some(&cat))
            .items
            .is_empty());
    }

    #[test]
    fn repositories_snapshots_databases_and_catalogs() {
        let cat = catalog();
        for text in [
            "BACKUP SNAPSHOT sales.s TO |",
            "RESTORE SNAPSHOT sales.s FROM |",
            "SHOW SNAPSHOT ON |",
            "DROP SNAPSHOT s ON |",
            "DROP REPOSITORY |",
        ] {
            let c = at(text, Some(&cat));
            assert_eq!(labels(&c), ["repo1", "repo2"], "{text}");
            assert_eq!(c.items[1].detail.as_deref(), Some("read-only repository"));
            assert!(c.items.iter().all(|i| i.kind == CompletionKind::Repository));
        }
        assert_eq!(labels(&at("BACKUP SNAPSHOT sales.s TO repo|2", Some(&cat))), ["repo1", "repo2"]);
        // RESTORE's snapshot: every repository's snapshots, and the databases for `db.`.
        let c = at("RESTORE SNAPSHOT |", Some(&cat));
        assert_eq!(labels(&c), ["hr", "sales", "shop", "snap1", "snap2", "weekly", "yearly"]);
        let snap1 = &c.items[3];
        assert_eq!((snap1.kind, snap1.detail.as_deref()), (CompletionKind::Snapshot, Some("repo1, repo2")));
        assert_eq!(labels(&at("RESTORE SNAPSHOT sales.|", Some(&cat))), ["snap1"]);
        assert_eq!(labels(&at("DROP SNAPSHOT w|", Some(&cat))), ["weekly"]);
        // Databases.
        for text in ["BACKUP DATABASE |", "BACKUP SNAPSHOT |", "SHOW BACKUP FROM |", "CANCEL RESTORE IN |"] {
            let c = at(text, Some(&cat));
            assert_eq!(labels(&c)[..3], ["hr", "sales", "shop"], "{text}");
            assert_eq!(c.items[0].kind, CompletionKind::Database);
        }
        // A new snapshot's name is not offered.
        assert!(at("BACKUP DATABASE sales SNAPSHOT |", Some(&cat)).items.is_empty());
        // External catalogs.
        for text in
            ["BACKUP EXTERNAL CATALOGS (|", "RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (hive1 AS h, |"]
        {
            let c = at(text, Some(&cat));
            assert_eq!(labels(&c), ["hive1", "iceberg1"], "{text}");
            assert_eq!(c.items[0].kind, CompletionKind::Catalog);
        }
        // Without a catalog: keywords only.
        assert!(at("BACKUP SNAPSHOT sales.s TO |", None).items.is_empty());
        assert_eq!(labels(&at("BACKUP SNAPSHOT sales.s TO r ON (|", None))[0], "ALL");
    }

    #[test]
    fn property_keys() {
        let c = at("BACKUP SNAPSHOT s TO r PROPERTIES (|", None);
        assert_eq!(labels(&c), [r#""timeout""#, r#""ttl""#, r#""type""#]);
        assert!(c.items.iter().all(|i| i.kind == CompletionKind::Property));
        assert_eq!(c.items[0].detail.as_deref(), Some("backup property"));
        let c = at(r#"RESTORE SNAPSHOT s FROM r PROPERTIES ("backup_timestamp" = "x", |"#, None);
        assert_eq!(
            labels(&c),
            [
                r#""allow_load""#,
                r#""meta_version""#,
                r#""replication_num""#,
                r#""starrocks_meta_version""#,
                r#""timeout""#
            ]
        );
        assert_eq!(labels(&at("RESTORE SNAPSHOT s FROM r PROPERTIES (re|", None)), [r#""replication_num""#]);
        // Not in a value position, nor for CREATE REPOSITORY's broker properties.
        assert!(at(r#"BACKUP SNAPSHOT s TO r PROPERTIES ("type" = |"#, None).items.is_empty());
        assert!(at(r#"CREATE REPOSITORY r WITH BROKER ON LOCATION "x" PROPERTIES (|"#, None)
            .items
            .is_empty());
    }

    #[test]
    fn property_keys_are_the_checks_keys() {
        // The unknown-property diagnostic lists the keys the checks know.
        for (statement, keys) in
            [("BACKUP SNAPSHOT db.s TO r", BACKUP_KEYS), ("RESTORE SNAPSHOT db.s FROM r", RESTORE_KEYS)]
        {
            let text = format!("{statement} PROPERTIES ('backup_timestamp' = 'x', 'zzz' = 'x')");
            let (_, diagnostics) = crate::parse_and_check(&text, &crate::Options::default());
            let help = diagnostics
                .iter()
                .filter(|d| d.code == "SR320")
                .find_map(|d| d.help.as_deref().and_then(|h| h.split_once("properties are ")))
                .map(|(_, list)| list.to_string())
                .expect("SR320 lists the known keys");
            let mut listed: Vec<&str> = help.split(", ").map(|k| k.trim_matches('"')).collect();
            let mut ours = keys.to_vec();
            listed.sort_unstable();
            ours.sort_unstable();
            assert_eq!(listed, ours, "{statement}");
        }
    }

    #[test]
    fn the_statement_holding_the_cursor() {
        let cat = catalog();
        let script = "SHOW BACKUP;\nBACKUP SNAPSHOT sales.s TO |;\nDROP REPOSITORY repo1";
        assert_eq!(labels(&at(script, Some(&cat))), ["repo1", "repo2"]);
        assert_eq!(labels(&at("SHOW BACKUP FROM sales |; BACKUP", None)), ["LIMIT", "ORDER BY", "WHERE"]);
        assert_eq!(labels(&at("DROP x; SHOW BACKUP; DR|", None)), ["DROP"]);
        // A `;` inside a string does not end the statement.
        assert_eq!(labels(&at("SHOW BACKUP WHERE a = ';' |", None))[0], "AND");
    }

    #[test]
    fn an_error_before_the_cursor_offers_nothing() {
        let cat = catalog();
        for text in [
            "BACKUP SNAPSHOT TO |",
            "BACKUP FOO BAR |",
            "BACKUP SNAPSHOT db.s TO r ON (TABLE |) x |",
            "SELECT |",
            "BACKUP SNAPSHOT sales.s INTO |",
            "SHOW BACKUP WHERE ((((((((a |",
        ] {
            let text = text.replacen('|', "", text.matches('|').count() - 1);
            let c = at(&text, Some(&cat));
            assert!(c.items.is_empty(), "{text}: {:?}", labels(&c));
        }
    }

    #[test]
    fn any_offset_is_safe() {
        let text = "BACKUP ";
        let c = complete(text, 1000, None);
        assert_eq!(c.span, Span::empty(text.len()));
        assert!(labels(&c).contains(&"SNAPSHOT"));
        let text = "SHOW BACKUP WHERE Label = '备份😀' AND `表😀` ";
        for offset in 0..text.len() + 3 {
            let c = complete(text, offset, Some(&catalog()));
            let cursor = floor_boundary(text, offset);
            assert!(text.is_char_boundary(c.span.start) && c.span.end == cursor, "{offset}");
        }
        // Inside the 4-byte emoji: clamped back to its start.
        let inside = text.find('😀').unwrap() + 2;
        assert_eq!(complete(text, inside, None).span.end, text.find('😀').unwrap());
    }

    #[test]
    fn serialises_in_camel_and_snake_case() {
        let item = CompletionItem {
            label: "mv".into(),
            kind: CompletionKind::MaterializedView,
            detail: Some("materialized view in sales".into()),
        };
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(
            json,
            r#"{"label":"mv","kind":"materialized_view","detail":"materialized view in sales"}"#
        );
    }

    #[test]
    fn the_barrier_symbol_matches_no_statement_rule() {
        // Every rule reachable from `statement_input`, and the symbols their bodies match.
        let mut seen = vec![false; grammar::TABLES.bodies.len() + 1];
        let mut stack = vec![Rule::statement_input];
        let mut symbols = Vec::new();
        while let Some(r) = stack.pop() {
            if r == Rule::EOI || std::mem::replace(&mut seen[r.index()], true) {
                continue;
            }
            let (_, root) = grammar::TABLES.bodies[r.index() - 1];
            let mut nodes = vec![root];
            while let Some(n) = nodes.pop() {
                match grammar::TABLES.nodes[n as usize] {
                    Node::Tok(s) => symbols.push(s),
                    Node::Call(c) => stack.push(c),
                    Node::Soi | Node::Eoi => {}
                    Node::Pos(e) | Node::Neg(e) | Node::Opt(e) | Node::Rep(e) => nodes.push(n - e),
                    Node::Seq(a, b) | Node::Choice(a, b) => nodes.extend([n - a, n - b]),
                }
            }
        }
        assert!(symbols.contains(&(Tok::LParen as u8)), "the walk reaches the token rules");
        assert!(!symbols.contains(&(BARRIER as u8)));
    }

    #[test]
    fn ttl_is_offered_only_where_the_target_has_it() {
        let text = "BACKUP SNAPSHOT db.s TO r PROPERTIES (";
        let labels = |target| {
            complete_for(text, text.len(), None, target)
                .items
                .into_iter()
                .map(|i| i.label)
                .collect::<Vec<_>>()
        };
        assert!(labels(Version::LATEST).contains(&"\"ttl\"".to_string()));
        let old = labels(Version::new(4, 1));
        assert!(old.contains(&"\"timeout\"".to_string()) && !old.contains(&"\"ttl\"".to_string()), "{old:?}");
    }

    #[test]
    fn a_large_catalog_offers_every_fitting_name() {
        let tables: Vec<Table> =
            (0..100_000).map(|i| table(&format!("table_{i:06}"), TableKind::Table, &[])).collect();
        let cat = Catalog {
            databases: vec![Database { name: "big".into(), tables, ..Database::default() }],
            ..Catalog::default()
        };
        let text = "BACKUP DATABASE big SNAPSHOT s TO r ON (TABLE ";
        // Its speed is measured by the benchmarks (docs/PERFORMANCE.md), not asserted here.
        let all = complete(text, text.len(), Some(&cat));
        let some = complete(&format!("{text}table_0999"), text.len() + 10, Some(&cat));
        assert_eq!(all.items.len(), 100_000);
        assert_eq!(all.items[0].label, "table_000000");
        assert_eq!(some.items.len(), 100);
    }

    /// True when the statement `text` ends in parses up to its end.
    fn prefix_parses(text: &str) -> bool {
        let tokens = lexer::lex(text).tokens;
        let partial = Partial {
            start: text.len(),
            value: String::new(),
            form: Form::Word,
            before: text.len(),
            dot: false,
        };
        expected_after(&statement_prefix(&tokens, &partial)).is_some()
    }

    #[test]
    fn every_offset_of_the_corpus() {
        let files = [
            include_str!("../tests/inputs/valid/grammar/backup_forms.sql"),
            include_str!("../tests/inputs/valid/grammar/restore_forms.sql"),
            include_str!("../tests/inputs/valid/grammar/on_items.sql"),
            include_str!("../tests/inputs/valid/grammar/partitions.sql"),
            include_str!("../tests/inputs/valid/grammar/show_and_cancel.sql"),
            include_str!("../tests/inputs/valid/grammar/repositories.sql"),
            include_str!("../tests/inputs/valid/grammar/show_predicates.sql"),
            include_str!("../tests/inputs/valid/lexical/comments_everywhere.sql"),
            include_str!("../tests/inputs/valid/lexical/identifiers_and_strings.sql"),
            include_str!("../tests/inputs/valid/behaviours/09_non_reserved_object_keywords_as_tables.sql"),
            include_str!("../tests/inputs/valid/behaviours/11_partition_lists.sql"),
            include_str!("../tests/inputs/valid/behaviours/17_qualified_snapshot_names.sql"),
            include_str!("../tests/inputs/valid/behaviours/26_digit_names_and_backquotes.sql"),
        ];
        let mut cat = catalog();
        cat.databases[0].name = "db1".into();
        let (mut cases, mut items) = (0usize, 0usize);
        for text in files {
            for offset in 0..=text.len() + 1 {
                let c = complete(text, offset, Some(&cat));
                let cursor = floor_boundary(text, offset);
                assert!(
                    c.span.start <= c.span.end && c.span.end == cursor,
                    "{text:?} at {offset}: {:?}",
                    c.span
                );
                assert!(text.is_char_boundary(c.span.start));
                cases += 1;
                // Whatever is offered, once inserted, keeps the statement parsing.
                for item in &c.items {
                    let inserted = format!("{}{} ", &text[..c.span.start], item.label);
                    assert!(prefix_parses(&inserted), "{inserted:?} after {:?}", &text[..cursor]);
                    items += 1;
                }
            }
        }
        eprintln!("{cases} cases, {items} items");
        assert!(cases > 2000 && items > 1000, "{cases} cases, {items} items");
    }
}
