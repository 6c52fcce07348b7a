//! The parser: lexes, splits the script at `;`, runs the pest grammar over each statement's
//! tokens, and builds the typed AST. Syntax errors are explained by `explain.rs`;
//! StarRocks's AST-builder rules run in `statement_rules.rs`.

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Fix, Severity};
use crate::lexer::{self, lex, Tok, Token};
use crate::span::{LineIndex, Span};

use crate::grammar::{Pair, Rule};

/// Parses a script. Never fails and never panics: it returns every statement it found
/// (statements that do not parse are kept verbatim as [`Statement::Invalid`]) and the
/// lexical, syntax and statement-rule diagnostics, in source order.
pub fn parse(text: &str) -> (Script, Vec<Diagnostic>) {
    let lexed = lex(text);
    // Built once: syntax errors and statement rules print StarRocks's line and column.
    let index = LineIndex::new(text);
    let mut g = Gathered {
        script: Script::default(),
        diags: lexed.diagnostics,
        pending: Vec::new(),
        current: Vec::new(),
        comments: Vec::new(),
    };
    let mut any_statement = false;

    let comment_of = |t: &Token| Comment { text: t.span.slice(text).to_string(), span: t.span };
    for t in &lexed.tokens {
        match t.kind {
            Tok::Whitespace => {}
            Tok::Comment | Tok::Hint => {
                if g.current.is_empty() {
                    g.pending.push(comment_of(t));
                } else {
                    g.comments.push(comment_of(t));
                }
            }
            Tok::Semicolon => {
                any_statement = true;
                if !g.current.is_empty() {
                    g.finish(text, &index, t.span.start);
                }
            }
            _ => g.current.push(*t),
        }
    }
    if !g.current.is_empty() {
        any_statement = true;
        g.finish(text, &index, text.len());
    }
    let Gathered { mut script, mut diags, pending, .. } = g;
    script.trailing_comments = pending;

    let lexical_error = diags.iter().any(|d| d.is_error());
    if !any_statement && !lexical_error {
        diags.push(
            Diagnostic::new(
                "SR101",
                Severity::Error,
                DiagnosticKind::Syntax,
                "the input holds no statement",
                Span::empty(text.len()),
            )
            .with_help("StarRocks rejects input made only of blanks and comments; write a statement such as `SHOW BACKUP;`")
            .with_starrocks("Getting syntax error at line 1, column 0. Detail message: Unexpected input '<EOF>'."),
        );
    }
    crate::order::sort_stable_by(&mut diags, |d| (d.span.start, d.span.end));
    (script, diags)
}

/// What the statement splitter has gathered so far.
struct Gathered {
    script: Script,
    diags: Vec<Diagnostic>,
    /// Comments waiting for the next statement.
    pending: Vec<Comment>,
    /// Tokens of the statement being read.
    current: Vec<Token>,
    /// Comments met inside it.
    comments: Vec<Comment>,
}

impl Gathered {
    /// Ends the current statement: parses it and appends it to the script.
    /// `until` is where the statement's text ends: its `;`, or the end of the input.
    fn finish(&mut self, text: &str, index: &LineIndex<'_>, until: usize) {
        let toks = std::mem::take(&mut self.current);
        let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
        // Comments after the last token belong to whatever follows.
        let (inner, after): (Vec<Comment>, Vec<Comment>) =
            std::mem::take(&mut self.comments).into_iter().partition(|c| c.span.start < span.end);
        let lexical_error_inside = self.diags.iter().any(|d| {
            d.is_error()
                && d.kind == DiagnosticKind::Lexical
                && d.span.start >= span.start
                && d.span.start < until.max(span.end + 1)
        });
        let stmt = parse_statement(text, index, &toks, span, lexical_error_inside, &mut self.diags);
        self.script.statements.push(StatementNode {
            stmt,
            span,
            leading_comments: std::mem::take(&mut self.pending),
            inner_comments: inner,
        });
        self.pending = after;
    }
}

/// The statement families this crate parses, by their first one or two keywords. A second
/// word that is a near miss of a family keyword (`SHOW BAKUP`, `DROP REPOSITORIES`) keeps the
/// statement in the family, so that it gets a did-you-mean instead of being skipped.
fn in_family(text: &str, toks: &[Token]) -> bool {
    use crate::explain::is_near_keyword;
    let second = toks.get(1).map(|t| t.kind);
    let near = |kws: &[&str]| toks.get(1).is_some_and(|t| is_near_keyword(text, *t, kws));
    match toks[0].kind {
        Tok::BACKUP | Tok::RESTORE => true,
        Tok::CANCEL => {
            matches!(second, Some(Tok::BACKUP | Tok::RESTORE) | None) || near(&["BACKUP", "RESTORE"])
        }
        Tok::SHOW => {
            matches!(second, Some(Tok::BACKUP | Tok::RESTORE | Tok::SNAPSHOT | Tok::REPOSITORIES) | None)
                || near(&["BACKUP", "RESTORE", "SNAPSHOT", "REPOSITORIES"])
        }
        Tok::CREATE => {
            matches!(second, Some(Tok::READ | Tok::REPOSITORY | Tok::ONLY | Tok::CLUSTER) | None)
                || near(&["REPOSITORY", "CLUSTER"])
        }
        Tok::DROP => {
            matches!(second, Some(Tok::SNAPSHOT | Tok::REPOSITORY | Tok::CLUSTER) | None)
                || near(&["SNAPSHOT", "REPOSITORY", "CLUSTER"])
        }
        // ADMIN SHOW|SET|ALTER AUTOMATED CLUSTER SNAPSHOT; the other ADMIN statements
        // (ADMIN SET FRONTEND CONFIG, ADMIN SHOW REPLICA STATUS, …) are outside the family.
        Tok::ADMIN => {
            matches!(second, Some(Tok::ALTER))
                || (matches!(second, Some(Tok::SHOW | Tok::SET)) && admin_names_cluster_snapshot(text, toks))
        }
        _ => false,
    }
}

/// `ADMIN <verb> …` naming the automated cluster snapshot in its next words (`AUTOMATED`,
/// a near miss of it, or `CLUSTER SNAPSHOT`).
fn admin_names_cluster_snapshot(text: &str, toks: &[Token]) -> bool {
    use crate::explain::is_near_keyword;
    match toks.get(2) {
        None => false,
        Some(t) if t.kind == Tok::AUTOMATED || t.kind == Tok::CLUSTER => true,
        Some(t) => {
            is_near_keyword(text, *t, &["AUTOMATED", "CLUSTER"])
                || t.span.slice(text).eq_ignore_ascii_case("AUTOMATIC")
                || toks.get(3).is_some_and(|n| n.kind == Tok::CLUSTER || n.kind == Tok::SNAPSHOT)
        }
    }
}

/// A statement that starts like one of the family's but that StarRocks has no grammar for
/// (`STOP BACKUP`, `ALTER REPOSITORY`), with what to write instead.
struct NearMiss {
    message: String,
    help: String,
    /// (what the fix does, the word that replaces the first one)
    fix: Option<(String, &'static str)>,
}

/// The family's nouns a near miss names second.
const FAMILY_NOUNS: &[&str] =
    &["BACKUP", "BACKUPS", "RESTORE", "RESTORES", "SNAPSHOT", "SNAPSHOTS", "REPOSITORY", "REPOSITORIES"];

/// Recognises a verb followed by one of the family's nouns that is not a statement of the
/// family (those are parsed, with did-you-mean for near misses of their second word). Checked
/// against StarRocks's grammar by `tests/differential.rs`: StarRocks rejects every such shape
/// (`DESC BACKUP`, a table named `backup`, is not one: DESC is not a verb here).
fn near_miss(text: &str, toks: &[Token]) -> Option<NearMiss> {
    if let Some(miss) = cluster_near_miss(text, toks) {
        return Some(miss);
    }
    let word = |i: usize| toks.get(i).map(|t| t.span.slice(text).to_ascii_uppercase());
    let verb = word(0)?;
    if matches!(verb.as_str(), "BACKUPS" | "RESTORES" | "SNAPSHOTS") {
        let singular = verb.trim_end_matches('S');
        let help = match singular {
            "SNAPSHOT" => "to list snapshots write `SHOW SNAPSHOT ON <repository>`".to_string(),
            job => format!("to list jobs write `SHOW {job} [FROM <database>]`"),
        };
        return Some(NearMiss {
            message: format!("StarRocks has no statement that starts with `{verb}`"),
            help,
            fix: None,
        });
    }
    let noun = word(1)?;
    if !FAMILY_NOUNS.contains(&noun.as_str()) {
        return None;
    }
    let job = matches!(noun.as_str(), "BACKUP" | "RESTORE" | "BACKUPS" | "RESTORES");
    let stem = noun.trim_end_matches('S').trim_end_matches("IE").to_string();
    let job_noun = if noun.starts_with("RESTORE") { "RESTORE" } else { "BACKUP" };
    let (message, help, fix): (String, String, Option<(String, &'static str)>) = match verb.as_str() {
        "STOP" | "PAUSE" | "KILL" | "ABORT" if job => (
            format!("StarRocks has no `{verb} {noun}` statement: a running {job_noun} job is cancelled, not {}", if verb == "PAUSE" { "paused" } else { "stopped" }),
            format!("write `CANCEL {job_noun} [FROM <database>]`; a cancelled job cannot be resumed, run the {job_noun} again instead"),
            Some((format!("replace `{}` with CANCEL", toks[0].span.slice(text)), "CANCEL")),
        ),
        "RESUME" | "RESTART" | "RETRY" if job => (
            format!("StarRocks has no `{verb} {noun}` statement: a cancelled or failed {job_noun} job cannot be resumed"),
            format!("run the {job_noun} statement again (with a new snapshot name for a BACKUP); SHOW {job_noun} shows why the last one stopped"),
            None,
        ),
        "ALTER" | "MODIFY" if stem == "REPOSITORY" || stem == "REPOSITOR" => (
            format!("StarRocks has no `{verb} REPOSITORY` statement: a repository's location and properties cannot be changed"),
            "DROP REPOSITORY <name>, then CREATE REPOSITORY <name> … again with the new properties; the snapshots stay in the storage and show up again".to_string(),
            None,
        ),
        "RECOVER" | "UNDROP" => (
            format!("StarRocks has no `{verb} {noun}` statement: RECOVER brings back dropped databases, tables and partitions, not snapshots, repositories or jobs"),
            "a dropped snapshot is gone; RESTORE from a snapshot that still exists (SHOW SNAPSHOT ON <repository>)".to_string(),
            None,
        ),
        "CREATE" if matches!(noun.as_str(), "SNAPSHOT" | "SNAPSHOTS" | "BACKUP" | "BACKUPS") => (
            format!("StarRocks has no `CREATE {noun}` statement: a snapshot is made by a BACKUP"),
            "write `BACKUP DATABASE <db> SNAPSHOT <name> TO <repository> …` (3.4+) or `BACKUP SNAPSHOT <db>.<name> TO <repository> …`".to_string(),
            None,
        ),
        "CREATE" if job => (
            format!("StarRocks has no `CREATE {noun}` statement"),
            "write `RESTORE SNAPSHOT <name> FROM <repository> …`".to_string(),
            None,
        ),
        "DROP" | "DELETE" | "REMOVE" if job => (
            format!("StarRocks has no `{verb} {noun}` statement: a {job_noun} job is cancelled, and a snapshot is dropped"),
            format!("write `CANCEL {job_noun} [FROM <database>]` to stop a job, or `DROP SNAPSHOT ON <repository> WHERE SNAPSHOT = '<name>'` (4.2+) to remove a snapshot"),
            None,
        ),
        "DELETE" | "REMOVE" | "TRUNCATE" | "PURGE" | "CLEAN" if !job => (
            format!("StarRocks has no `{verb} {noun}` statement"),
            if stem.starts_with("SNAPSHOT") {
                "write `DROP SNAPSHOT ON <repository> WHERE SNAPSHOT = '<name>'` (4.2+)".to_string()
            } else {
                "write `DROP REPOSITORY <name>`".to_string()
            },
            Some((format!("replace `{}` with DROP", toks[0].span.slice(text)), "DROP")),
        ),
        "CANCEL" => (
            format!("StarRocks has no `CANCEL {noun}` statement: only BACKUP and RESTORE jobs can be cancelled"),
            "write `CANCEL BACKUP [FROM <database>]` or `CANCEL RESTORE [FROM <database>]`".to_string(),
            None,
        ),
        "LIST" | "GET" | "DISPLAY" => (
            format!("StarRocks has no `{verb} {noun}` statement"),
            "write SHOW BACKUP, SHOW RESTORE, SHOW SNAPSHOT ON <repository> or SHOW REPOSITORIES".to_string(),
            Some((format!("replace `{}` with SHOW", toks[0].span.slice(text)), "SHOW")),
        ),
        "STOP" | "PAUSE" | "KILL" | "ABORT" | "RESUME" | "RESTART" | "RETRY" | "ALTER" | "MODIFY" | "ADMIN"
        | "CREATE" | "DROP" | "SHOW" | "START" | "RUN" | "DELETE" | "REMOVE" | "TRUNCATE" | "PURGE" | "CLEAN" => (
            format!("StarRocks has no `{verb} {noun}` statement"),
            "the BACKUP family is BACKUP, RESTORE, SHOW/CANCEL BACKUP|RESTORE, SHOW SNAPSHOT, DROP SNAPSHOT (4.2+), CREATE/DROP REPOSITORY and SHOW REPOSITORIES".to_string(),
            None,
        ),
        _ => return None,
    };
    Some(NearMiss { message, help, fix })
}

/// The cluster-snapshot statements as a help line.
const CLUSTER_SNAPSHOT_FAMILY: &str = "the cluster-snapshot statements are ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON|OFF, ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …, ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT, CREATE|DROP CLUSTER SNAPSHOT and RESTORE TABLE … FROM SNAPSHOT … TO TABLE …";

/// Near misses of the cluster-snapshot statements: a verb without ADMIN (`SET AUTOMATED
/// CLUSTER SNAPSHOT ON`), an ADMIN verb StarRocks does not have for them (`ADMIN ENABLE
/// AUTOMATED …`), `SHOW CLUSTER SNAPSHOTS`, `CREATE AUTOMATED …`, `RESTORE CLUSTER …`.
fn cluster_near_miss(text: &str, toks: &[Token]) -> Option<NearMiss> {
    let word = |i: usize| toks.get(i).map(|t| t.span.slice(text).to_ascii_uppercase());
    let verb = word(0)?;
    let second = word(1)?;
    let names_it = |w: &str| matches!(w, "AUTOMATED" | "AUTOMATIC" | "CLUSTER");
    if verb == "ADMIN" {
        let third = word(2).unwrap_or_default();
        if matches!(second.as_str(), "SHOW" | "SET" | "ALTER") || !names_it(&third) {
            return None;
        }
        let help = match second.as_str() {
            "ENABLE" | "START" | "TURN" | "OPEN" => {
                "write `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [INTERVAL n unit] [STORAGE VOLUME <volume>]`"
            }
            "DISABLE" | "STOP" | "CLOSE" => "write `ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF`",
            "MODIFY" | "CHANGE" | "UPDATE" => {
                "write `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL <n> <unit>`"
            }
            _ => CLUSTER_SNAPSHOT_FAMILY,
        };
        return Some(NearMiss {
            message: format!("StarRocks has no `ADMIN {second} {third} …` statement"),
            help: help.to_string(),
            fix: None,
        });
    }
    if !names_it(&second) {
        return None;
    }
    let (message, help, fix): (String, String, Option<(String, &'static str)>) = match verb.as_str() {
        "SHOW" | "LIST" if second == "AUTOMATED" => (
            format!("StarRocks has no `{verb} AUTOMATED …` statement: the automated cluster snapshot's state is shown by an ADMIN statement"),
            "write `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT` (4.0.6+)".to_string(),
            (verb == "SHOW").then(|| ("write ADMIN SHOW".to_string(), "ADMIN SHOW")),
        ),
        "SHOW" | "LIST" => (
            format!("StarRocks has no `{verb} {second} …` statement: cluster snapshots are listed by two information_schema views"),
            "write `SELECT * FROM information_schema.cluster_snapshots;` (the snapshots) or `SELECT * FROM information_schema.cluster_snapshot_jobs;` (their jobs); `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT` shows the schedule".to_string(),
            None,
        ),
        "SET" | "ALTER" if second != "CLUSTER" => (
            format!("StarRocks has no `{verb} {second} …` statement: the automated cluster snapshot is set with ADMIN {verb}"),
            format!("write `ADMIN {verb} AUTOMATED CLUSTER SNAPSHOT …`"),
            Some((format!("write ADMIN {verb}"), if verb == "SET" { "ADMIN SET" } else { "ADMIN ALTER" })),
        ),
        "CREATE" | "DROP" if second != "CLUSTER" => (
            format!("StarRocks has no `{verb} {second} …` statement: automated snapshots are taken and dropped by the cluster itself"),
            format!("write `{verb} CLUSTER SNAPSHOT <name>` for a manual snapshot, or `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON|OFF`"),
            None,
        ),
        "RESTORE" => (
            "StarRocks has no `RESTORE CLUSTER …` statement: a whole cluster is restored from a cluster snapshot when it starts".to_string(),
            "give the snapshot in `fe/conf/cluster_snapshot.yaml` and start the FE with `./fe/bin/start_fe.sh --cluster_snapshot --daemon`; one table is restored with `RESTORE TABLE <db>.<table> FROM SNAPSHOT <snapshot> TO TABLE <db>.<new table>`".to_string(),
            None,
        ),
        "STOP" | "PAUSE" | "DISABLE" | "ENABLE" | "START" | "RESUME" | "CANCEL" | "KILL" | "DELETE" | "REMOVE" | "BACKUP" => (
            format!("StarRocks has no `{verb} {second} …` statement"),
            CLUSTER_SNAPSHOT_FAMILY.to_string(),
            None,
        ),
        _ => return None,
    };
    Some(NearMiss { message, help, fix })
}

/// Words that start StarRocks statements outside this family.
fn starts_other_statement(toks: &[Token]) -> bool {
    matches!(
        toks[0].kind,
        Tok::SHOW
            | Tok::CREATE
            | Tok::DROP
            | Tok::CANCEL
            | Tok::DESC
            | Tok::ADMIN
            | Tok::ALTER
            | Tok::SET
            | Tok::KwReserved
            | Tok::KwNonReserved
            | Tok::LParen
            | Tok::WITH
    )
}

fn parse_statement(
    text: &str,
    index: &LineIndex<'_>,
    toks: &[Token],
    span: Span,
    lexical_error_inside: bool,
    diags: &mut Vec<Diagnostic>,
) -> Statement {
    let verbatim = || VerbatimStmt { text: span.slice(text).to_string() };
    if !in_family(text, toks) {
        if let Some(miss) = near_miss(text, toks) {
            let (line, column) = {
                let lc = index.line_col(toks[0].span.start);
                (lc.line, lc.column.saturating_sub(1))
            };
            let mut d = Diagnostic::new("SR114", Severity::Error, DiagnosticKind::Syntax, miss.message, span)
                .with_help(miss.help)
                .with_starrocks(format!(
                    "Getting syntax error at line {line}, column {column}. Detail message: No viable statement for input '{}'.",
                    first_words(text, toks)
                ));
            if let Some((message, replacement)) = miss.fix {
                // Offered only when the statement it makes is one StarRocks accepts as it
                // stands (`KILL BACKUP` → `CANCEL BACKUP` still needs its database).
                let verb = toks[0].span;
                let statement = format!("{replacement}{}", &text[verb.end..span.end]);
                let fix = Fix::single(message, verb, replacement);
                let (_, found) = crate::check::parse_and_check(&statement, &crate::check::Options::default());
                if !found.iter().any(Diagnostic::is_error) {
                    d = d.with_fix(fix);
                }
            }
            diags.push(d);
            return Statement::Other(verbatim());
        }
    }
    if !in_family(text, toks)
        && starts_other_statement(toks)
        && !crate::explain::is_near_family_keyword(text, toks[0])
    {
        diags.push(
            Diagnostic::new(
                "SR107",
                Severity::Info,
                DiagnosticKind::Syntax,
                format!("`{}` is not a BACKUP-family statement; it is kept as written and not checked", first_words(text, toks)),
                span,
            )
            .with_help("this tool checks BACKUP, RESTORE, SHOW/CANCEL BACKUP|RESTORE, SHOW/DROP SNAPSHOT and CREATE/DROP/SHOW REPOSITORY statements"),
        );
        return Statement::Other(verbatim());
    }
    if let Some((depth, at)) = too_deep(toks) {
        diags.push(
            Diagnostic::new(
                "SR113",
                Severity::Warning,
                DiagnosticKind::Syntax,
                format!(
                    "the expression is nested {depth} deep (parentheses, CASE, BETWEEN): this tool analyses at most {MAX_NESTING} levels, so the statement is kept as written and not checked"
                ),
                at,
            )
            .with_help("StarRocks may well accept it; simplify the expression to have it checked here"),
        );
        return Statement::Other(verbatim());
    }
    let kinds: Vec<u8> = toks.iter().map(|t| t.kind as u8).collect();
    let mut parsed = crate::grammar::parse(Rule::statement_input, &kinds);
    let mut renamed: Option<Vec<Token>> = None;
    if parsed.is_err() {
        if let Some((tree, as_names)) = interval_as_name(toks) {
            parsed = Ok(tree);
            renamed = Some(as_names);
        }
    }
    let toks = renamed.as_deref().unwrap_or(toks);
    match parsed {
        Ok(tree) => {
            let input = tree.pairs().next().expect("statement_input matched");
            let stmt_pair = input.into_inner().next().expect("a statement");
            let mut b = Builder { text, toks, diags };
            let stmt = b.statement(stmt_pair);
            crate::statement_rules::check(&stmt, span, text, index, toks, b.diags);
            stmt
        }
        Err(err) => {
            if !lexical_error_inside {
                diags.push(crate::explain::explain_error(text, index, toks, &err));
            }
            Statement::Invalid(verbatim())
        }
    }
}

/// Most INTERVAL keywords in one statement for which [`interval_as_name`] tries readings.
const MAX_INTERVALS: usize = 6;

/// `INTERVAL` starts an interval literal (`INTERVAL 1 DAY`) but is also a non-reserved name
/// (`interval - 1`, `interval(10)`). ANTLR chooses between the readings with the whole
/// statement in view; a PEG commits to the literal once it matches, which is wrong when an
/// enclosing INTERVAL needs the unit the literal took (`INTERVAL INTERVAL (10) MINUTE` is
/// `INTERVAL interval(10) MINUTE`). So when a statement with several INTERVAL keywords does
/// not parse, the readings with some of them as names are tried, fewest first (at most
/// 2^6 − 1 parses, for at most six of them); the first that parses is the statement's.
fn interval_as_name(toks: &[Token]) -> Option<(crate::grammar::Tree, Vec<Token>)> {
    let at: Vec<usize> =
        toks.iter().enumerate().filter(|(_, t)| t.kind == Tok::INTERVAL).map(|(i, _)| i).collect();
    if at.len() < 2 || at.len() > MAX_INTERVALS {
        return None;
    }
    let mut masks: Vec<u32> = (1..(1u32 << at.len())).collect();
    crate::order::sort_by_cmp(&mut masks, |a, b| a.count_ones().cmp(&b.count_ones()).then(a.cmp(b)));
    for mask in masks {
        let mut named = toks.to_vec();
        for (bit, &i) in at.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                named[i].kind = Tok::KwNonReserved;
            }
        }
        let kinds: Vec<u8> = named.iter().map(|t| t.kind as u8).collect();
        if let Ok(tree) = crate::grammar::parse(Rule::statement_input, &kinds) {
            return Some((tree, named));
        }
    }
    None
}

/// Deepest expression nesting this tool analyses: parentheses, CASE … END and chained
/// BETWEEN (whose upper bound is itself a predicate). The grammar and the AST builder recurse
/// once per level through every precedence layer, about 130 KB of stack per level in a debug
/// build; past this depth a 1 MiB stack (the wasm default) could overflow, so deeper
/// statements are kept as written instead of parsed.
pub const MAX_NESTING: usize = 6;

/// The nesting depth and the token where it first exceeds [`MAX_NESTING`], if it does.
pub(crate) fn too_deep(toks: &[Token]) -> Option<(usize, Span)> {
    // One entry per open `(` or CASE: the BETWEENs opened inside it, closed with it.
    let mut open: Vec<usize> = Vec::new();
    let (mut depth, mut max, mut at) = (0usize, 0usize, None);
    for t in toks {
        let deeper = match t.kind {
            Tok::LParen | Tok::CASE => {
                open.push(0);
                true
            }
            Tok::BETWEEN => {
                if let Some(n) = open.last_mut() {
                    *n += 1;
                }
                true
            }
            Tok::RParen | Tok::END => {
                let betweens = open.pop().unwrap_or(0);
                depth = depth.saturating_sub(1 + betweens);
                false
            }
            _ => false,
        };
        if deeper {
            depth += 1;
            if depth > max {
                max = depth;
                if depth > MAX_NESTING && at.is_none() {
                    at = Some(t.span);
                }
            }
        }
    }
    at.map(|span| (max, span))
}

fn first_words(text: &str, toks: &[Token]) -> String {
    let end = toks.iter().take(2).next_back().map(|t| t.span.end).unwrap_or(0);
    let s = &text[toks[0].span.start..end];
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds AST nodes from the grammar's pairs, mapping token indices back to source bytes.
struct Builder<'a> {
    text: &'a str,
    toks: &'a [Token],
    diags: &'a mut Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn span(&self, pair: &Pair<'_>) -> Span {
        let std::ops::Range { start: a, end: b } = pair.tokens();
        if b > a {
            Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
        } else {
            let at = self
                .toks
                .get(a)
                .map(|t| t.span.start)
                .unwrap_or_else(|| self.toks.last().map_or(0, |t| t.span.end));
            Span::empty(at)
        }
    }

    fn token(&self, pair: &Pair<'_>) -> Token {
        self.toks[pair.tokens().start]
    }

    fn text_of(&self, pair: &Pair<'_>) -> &'a str {
        self.span(pair).slice(self.text)
    }

    fn statement(&mut self, pair: Pair<'_>) -> Statement {
        match pair.as_rule() {
            Rule::backup_stmt => Statement::Backup(self.backup(pair)),
            Rule::restore_stmt => Statement::Restore(self.restore(pair)),
            Rule::show_backup_stmt => Statement::ShowBackup(self.show_jobs(pair)),
            Rule::show_restore_stmt => Statement::ShowRestore(self.show_jobs(pair)),
            Rule::cancel_backup_stmt => Statement::CancelBackup(self.cancel(pair)),
            Rule::cancel_restore_stmt => Statement::CancelRestore(self.cancel(pair)),
            Rule::show_snapshot_stmt => {
                let mut repository = None;
                let mut predicates = ShowPredicates::default();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::repository_name => repository = Some(self.ident_in(p)),
                        Rule::show_predicates => predicates = self.show_predicates(p),
                        _ => {}
                    }
                }
                Statement::ShowSnapshot(ShowSnapshotStmt {
                    repository: repository.expect("grammar"),
                    predicates,
                })
            }
            Rule::drop_snapshot_stmt => {
                let (mut snapshot, mut repository, mut force) = (None, None, false);
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::drop_snapshot_name => snapshot = Some(self.ident_in(p)),
                        Rule::repository_name => repository = Some(self.ident_in(p)),
                        Rule::force => force = true,
                        _ => {}
                    }
                }
                Statement::DropSnapshot(DropSnapshotStmt {
                    snapshot: snapshot.expect("grammar"),
                    repository: repository.expect("grammar"),
                    force,
                })
            }
            Rule::create_repository_stmt => {
                let (mut read_only, mut name, mut broker, mut location, mut properties) =
                    (false, None, None, None, None);
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::read_only => read_only = true,
                        Rule::repository_name => name = Some(self.ident_in(p)),
                        Rule::broker_name => broker = Some(self.ident_or_string(first(p))),
                        Rule::location => location = Some(self.string(first(p))),
                        Rule::properties => properties = Some(self.properties(p)),
                        _ => {}
                    }
                }
                Statement::CreateRepository(CreateRepositoryStmt {
                    read_only,
                    name: name.expect("grammar"),
                    broker,
                    location: location.expect("grammar"),
                    properties,
                })
            }
            Rule::drop_repository_stmt => {
                let name = pair.into_inner().find(|p| p.as_rule() == Rule::repository_name).expect("grammar");
                Statement::DropRepository(DropRepositoryStmt { name: self.ident_in(name) })
            }
            Rule::show_repositories_stmt => {
                let preds =
                    pair.into_inner().find(|p| p.as_rule() == Rule::show_predicates).expect("grammar");
                Statement::ShowRepositories(ShowRepositoriesStmt { predicates: self.show_predicates(preds) })
            }
            Rule::admin_show_automated_snapshot_stmt
            | Rule::admin_set_automated_snapshot_on_stmt
            | Rule::admin_set_automated_snapshot_off_stmt
            | Rule::admin_alter_automated_snapshot_stmt
            | Rule::create_cluster_snapshot_stmt
            | Rule::drop_cluster_snapshot_stmt
            | Rule::restore_table_stmt => self.cluster_snapshot(pair),
            other => unreachable!("statement rule {other:?}"),
        }
    }

    fn backup(&mut self, pair: Pair<'_>) -> BackupStmt {
        let mut stmt = BackupStmt {
            catalogs: None,
            database: None,
            snapshot: QualifiedName { parts: vec![], span: Span::default() },
            repository: Ident::new(""),
            on: None,
            properties: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::backup_catalogs => stmt.catalogs = Some(self.catalogs(p)),
                Rule::database_clause => stmt.database = Some(self.ident_in(find(p, Rule::database_name))),
                Rule::snapshot_name => stmt.snapshot = self.qualified_name(first(p)),
                Rule::repository_name => stmt.repository = self.ident_in(p),
                Rule::on_clause => stmt.on = Some(self.object_list(p)),
                Rule::properties => stmt.properties = Some(self.properties(p)),
                _ => {}
            }
        }
        stmt
    }

    fn restore(&mut self, pair: Pair<'_>) -> RestoreStmt {
        let mut stmt = RestoreStmt {
            snapshot: QualifiedName { parts: vec![], span: Span::default() },
            repository: Ident::new(""),
            catalogs: None,
            database: None,
            on: None,
            properties: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::snapshot_name => stmt.snapshot = self.qualified_name(first(p)),
                Rule::repository_name => stmt.repository = self.ident_in(p),
                Rule::restore_catalogs => stmt.catalogs = Some(self.catalogs(p)),
                Rule::restore_database => {
                    let span = self.span(&p);
                    let mut name = None;
                    let mut alias = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::database_name => name = Some(self.ident_in(q)),
                            Rule::alias => alias = Some(self.alias(q)),
                            _ => {}
                        }
                    }
                    stmt.database = Some(DatabaseClause { name: name.expect("grammar"), alias, span });
                }
                Rule::on_clause => stmt.on = Some(self.object_list(p)),
                Rule::properties => stmt.properties = Some(self.properties(p)),
                _ => {}
            }
        }
        stmt
    }

    fn catalogs(&mut self, pair: Pair<'_>) -> CatalogClause {
        let span = self.span(&pair);
        let mut items = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::all_external_catalogs => return CatalogClause::All { span },
                Rule::catalog_list | Rule::catalog_alias_list => {
                    for item in p.into_inner() {
                        match item.as_rule() {
                            Rule::catalog_item => {
                                let name = self.ident_in(item);
                                items.push(CatalogItem { span: name.span, name, alias: None });
                            }
                            Rule::catalog_alias_item => {
                                let span = self.span(&item);
                                let mut inner = item.into_inner();
                                let name = self.ident_in(inner.next().expect("grammar"));
                                let alias = inner.next().map(|a| self.alias(a));
                                items.push(CatalogItem { name, alias, span });
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        CatalogClause::List { items, span }
    }

    fn object_list(&mut self, pair: Pair<'_>) -> ObjectList {
        let span = self.span(&pair);
        let mut items = Vec::new();
        for p in pair.into_inner() {
            let item_span = self.span(&p);
            match p.as_rule() {
                Rule::all_objects => {
                    let kind = self.object_kind(find(p, Rule::object_kind));
                    items.push(ObjectItem::All { kind, span: item_span });
                }
                Rule::typed_object => {
                    let inner = first(p);
                    match inner.as_rule() {
                        Rule::typed_table => {
                            let desc = find(inner, Rule::table_desc);
                            let mut obj = self.table_desc(desc);
                            obj.kind = Some(ObjectKind::Table);
                            obj.span = item_span;
                            items.push(ObjectItem::Named(obj));
                        }
                        _ => {
                            let mut kind = ObjectKind::View;
                            let mut name = None;
                            let mut alias = None;
                            for q in inner.into_inner() {
                                match q.as_rule() {
                                    Rule::mv_kw => kind = ObjectKind::MaterializedView,
                                    Rule::view_kw => kind = ObjectKind::View,
                                    Rule::function_kw => kind = ObjectKind::Function,
                                    Rule::object_name => name = Some(self.qualified_name(first(q))),
                                    Rule::alias => alias = Some(self.alias(q)),
                                    _ => {}
                                }
                            }
                            items.push(ObjectItem::Named(NamedObject {
                                kind: Some(kind),
                                name: name.expect("grammar"),
                                partitions: None,
                                alias,
                                span: item_span,
                            }));
                        }
                    }
                }
                Rule::table_desc => items.push(ObjectItem::Named(self.table_desc(p))),
                _ => {}
            }
        }
        ObjectList { items, span }
    }

    fn object_kind(&self, pair: Pair<'_>) -> ObjectKind {
        match first(pair).as_rule() {
            Rule::mv_kw => ObjectKind::MaterializedView,
            Rule::table_kw => ObjectKind::Table,
            Rule::view_kw => ObjectKind::View,
            _ => ObjectKind::Function,
        }
    }

    fn table_desc(&mut self, pair: Pair<'_>) -> NamedObject {
        let span = self.span(&pair);
        let mut obj = NamedObject {
            kind: None,
            name: QualifiedName { parts: vec![], span },
            partitions: None,
            alias: None,
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::object_name => obj.name = self.qualified_name(first(p)),
                Rule::partition_names => obj.partitions = Some(self.partitions(first(p))),
                Rule::alias => obj.alias = Some(self.alias(p)),
                _ => {}
            }
        }
        obj
    }

    fn partitions(&mut self, pair: Pair<'_>) -> PartitionSpec {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::key_partitions => {
                let keys = pair
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::key_partition)
                    .map(|kp| {
                        let span = self.span(&kp);
                        let mut inner = kp.into_inner().filter(|q| q.as_rule() != Rule::T_Eq);
                        let column = self.ident(inner.next().expect("grammar"));
                        let value = self.literal(inner.next().expect("grammar"));
                        KeyPartition { column, value, span }
                    })
                    .collect();
                PartitionSpec::Keys { keys, span }
            }
            _ => {
                let mut temporary = false;
                let mut names = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::temporary => temporary = true,
                        Rule::paren_partition_names | Rule::bare_partition_names => {
                            for n in p.into_inner().filter(|n| n.as_rule() == Rule::partition_name) {
                                names.push(self.ident_or_string(first(n)));
                            }
                        }
                        _ => {}
                    }
                }
                PartitionSpec::Names { temporary, names, span }
            }
        }
    }

    fn properties(&mut self, pair: Pair<'_>) -> Properties {
        let span = self.span(&pair);
        let entries = pair
            .into_inner()
            .filter(|p| p.as_rule() == Rule::property)
            .map(|p| {
                let span = self.span(&p);
                let mut inner = p.into_inner().filter(|q| q.as_rule() == Rule::string);
                let key = self.string(inner.next().expect("grammar"));
                let value = self.string(inner.next().expect("grammar"));
                Property { key, value, span }
            })
            .collect();
        Properties { entries, span }
    }

    fn show_jobs(&mut self, pair: Pair<'_>) -> ShowJobsStmt {
        let mut from = None;
        let mut predicates = ShowPredicates::default();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::from_db => from = Some(self.database_ref(p)),
                Rule::show_predicates => predicates = self.show_predicates(p),
                _ => {}
            }
        }
        ShowJobsStmt { from, predicates }
    }

    fn cancel(&mut self, pair: Pair<'_>) -> CancelStmt {
        let mut target = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::from_db => target = Some(CancelTarget::Database(self.database_ref(p))),
                Rule::for_external_catalog => {
                    target = Some(CancelTarget::ExternalCatalog { span: self.span(&p) })
                }
                _ => {}
            }
        }
        CancelStmt { target }
    }

    fn database_ref(&mut self, pair: Pair<'_>) -> FromDb {
        let mut inner = pair.into_inner();
        let kw = inner.next().expect("grammar");
        let in_keyword = self.token(&kw).kind == Tok::IN;
        FromDb { in_keyword, db: self.ident_in(inner.next().expect("grammar")) }
    }

    fn show_predicates(&mut self, pair: Pair<'_>) -> ShowPredicates {
        let mut preds = ShowPredicates::default();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::where_clause => preds.where_clause = Some(self.expr(find(p, Rule::expression))),
                Rule::order_by => {
                    preds.order_by = p
                        .into_inner()
                        .filter(|q| q.as_rule() == Rule::sort_item)
                        .map(|q| self.sort_item(q))
                        .collect()
                }
                Rule::limit_clause => preds.limit = Some(self.limit(p)),
                _ => {}
            }
        }
        preds
    }

    fn sort_item(&mut self, pair: Pair<'_>) -> SortItem {
        let span = self.span(&pair);
        let mut item = SortItem { expr: None, ordering: None, nulls: None, span };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expression => item.expr = Some(self.expr(p)),
                Rule::ordering => {
                    item.ordering =
                        Some(if self.token(&p).kind == Tok::ASC { Ordering::Asc } else { Ordering::Desc })
                }
                Rule::nulls_order => {
                    let last = self.toks[p.tokens().end - 1].kind;
                    item.nulls = Some(if last == Tok::FIRST { NullsOrder::First } else { NullsOrder::Last });
                }
                _ => {}
            }
        }
        item
    }

    fn limit(&mut self, pair: Pair<'_>) -> Limit {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().filter(|p| p.as_rule() != Rule::KW_LIMIT);
        let first_value = self.limit_value(inner.next().expect("grammar"));
        match inner.next() {
            None => Limit { limit: first_value, offset: None, span },
            Some(p) => {
                let comma = p.as_rule() == Rule::limit_comma;
                let second = self.limit_value(find(p, Rule::limit_value));
                if comma {
                    // LIMIT offset, count
                    Limit { limit: second, offset: Some(first_value), span }
                } else {
                    Limit { limit: first_value, offset: Some(second), span }
                }
            }
        }
    }

    fn limit_value(&mut self, pair: Pair<'_>) -> LimitValue {
        let inner = first(pair);
        match inner.as_rule() {
            Rule::T_IntegerValue => LimitValue::Number { text: self.text_of(&inner).to_string() },
            Rule::T_Parameter => LimitValue::Parameter,
            _ => LimitValue::Variable {
                name: self.ident_or_string_as_ident(find(inner, Rule::identifier_or_string)),
            },
        }
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, pair: Pair<'_>) -> Expr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::expression
            | Rule::and_expr
            | Rule::value_expr
            | Rule::bitand_expr
            | Rule::additive_expr
            | Rule::multiplicative_expr
            | Rule::bitxor_expr => self.binary_chain(pair),
            Rule::not_expr => {
                let mut nots = 0;
                let mut inner_expr = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::not_kw => nots += 1,
                        _ => inner_expr = Some(self.expr(p)),
                    }
                }
                let mut e = inner_expr.expect("grammar");
                for _ in 0..nots {
                    e = Expr { kind: ExprKind::Unary { op: UnaryOp::Not, expr: Box::new(e) }, span };
                }
                e
            }
            Rule::boolean_expr => {
                let mut inner = pair.into_inner();
                let mut left = self.expr(inner.next().expect("grammar"));
                for suffix in inner {
                    let s = left.span.cover(self.span(&suffix));
                    left = match suffix.as_rule() {
                        Rule::is_null => {
                            let negated = suffix.into_inner().any(|p| p.as_rule() == Rule::not_kw);
                            Expr { kind: ExprKind::IsNull { expr: Box::new(left), negated }, span: s }
                        }
                        _ => {
                            let mut parts = suffix.into_inner();
                            let op = self.binary_op(parts.next().expect("grammar"));
                            let right = self.expr(parts.next().expect("grammar"));
                            Expr {
                                kind: ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) },
                                span: s,
                            }
                        }
                    };
                }
                left
            }
            Rule::predicate => {
                let mut inner = pair.into_inner();
                let value = self.expr(inner.next().expect("grammar"));
                let Some(op) = inner.next() else { return value };
                let rule = op.as_rule();
                let mut negated = false;
                let mut like_op = LikeOp::Like;
                let mut operands = Vec::new();
                for p in op.into_inner() {
                    match p.as_rule() {
                        Rule::not_kw => negated = true,
                        Rule::like_op => {
                            like_op = match self.token(&p).kind {
                                Tok::RLIKE => LikeOp::Rlike,
                                Tok::REGEXP => LikeOp::Regexp,
                                _ => LikeOp::Like,
                            }
                        }
                        Rule::expression | Rule::value_expr | Rule::predicate => operands.push(self.expr(p)),
                        _ => {}
                    }
                }
                let expr = Box::new(value);
                let kind = match rule {
                    Rule::in_list => ExprKind::InList { expr, negated, list: operands },
                    Rule::between => {
                        let mut it = operands.into_iter();
                        let low = Box::new(it.next().expect("grammar"));
                        let high = Box::new(it.next().expect("grammar"));
                        ExprKind::Between { expr, negated, low, high }
                    }
                    _ => ExprKind::Like {
                        expr,
                        negated,
                        op: like_op,
                        pattern: Box::new(operands.into_iter().next().expect("grammar")),
                    },
                };
                Expr { kind, span }
            }
            Rule::unary_expr => {
                let mut ops = Vec::new();
                let mut operand = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::field_access => {
                            let base: Expr = operand.take().expect("grammar: a primary before its fields");
                            let field = match p.into_inner().find(|x| x.as_rule() == Rule::identifier) {
                                Some(id) => self.ident(id),
                                None => {
                                    let tok = self.token(&p);
                                    let s = Span::new(tok.span.start + 1, tok.span.end);
                                    Ident { value: s.slice(self.text).to_string(), quoted: false, span: s }
                                }
                            };
                            let span = Span::new(base.span.start, field.span.end);
                            operand =
                                Some(Expr { kind: ExprKind::Field { base: Box::new(base), field }, span });
                        }
                        Rule::unary_op => ops.push((
                            self.span(&p),
                            match self.token(&p).kind {
                                Tok::Minus => UnaryOp::Neg,
                                Tok::Plus => UnaryOp::Plus,
                                Tok::BitNot => UnaryOp::BitNot,
                                _ => UnaryOp::Bang,
                            },
                        )),
                        _ => operand = Some(self.expr(p)),
                    }
                }
                let mut e = operand.expect("grammar");
                for (op_span, op) in ops.into_iter().rev() {
                    let s = op_span.cover(e.span);
                    e = Expr { kind: ExprKind::Unary { op, expr: Box::new(e) }, span: s };
                }
                e
            }
            Rule::literal => Expr { kind: ExprKind::Literal(self.literal(pair)), span },
            Rule::paren_expr => {
                Expr { kind: ExprKind::Paren(Box::new(self.expr(find(pair, Rule::expression)))), span }
            }
            Rule::column_ref => Expr { kind: ExprKind::Column(self.qualified_name(first(pair))), span },
            Rule::user_variable => Expr {
                kind: ExprKind::UserVariable(
                    self.ident_or_string_as_ident(find(pair, Rule::identifier_or_string)),
                ),
                span,
            },
            Rule::system_variable => {
                Expr { kind: ExprKind::SystemVariable(self.ident(find(pair, Rule::identifier))), span }
            }
            Rule::function_call => {
                let mut name = None;
                let mut distinct = false;
                let mut star = false;
                let mut args = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::qualified_name => name = Some(self.qualified_name(p)),
                        Rule::call_star => star = true,
                        Rule::call_args => {
                            for q in p.into_inner() {
                                match q.as_rule() {
                                    Rule::distinct => distinct = true,
                                    Rule::expression => args.push(self.expr(q)),
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Expr { kind: ExprKind::Function { name: name.expect("grammar"), distinct, star, args }, span }
            }
            Rule::information_function => self.information_function(pair, span),
            Rule::special_function => {
                let mut name = None;
                let mut args = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::special_any | Rule::special_two | Rule::special_one => {
                            let span = self.span(&p);
                            // The keyword, as StarRocks names the function (upper case).
                            let value = span.slice(self.text).to_ascii_uppercase();
                            name = Some(QualifiedName {
                                parts: vec![Ident { value, quoted: false, span }],
                                span,
                            });
                        }
                        Rule::expression => args.push(self.expr(p)),
                        _ => {}
                    }
                }
                Expr {
                    kind: ExprKind::Function {
                        name: name.expect("grammar"),
                        distinct: false,
                        star: false,
                        args,
                    },
                    span,
                }
            }
            Rule::case_expr => {
                let mut operand = None;
                let mut whens = Vec::new();
                let mut else_expr = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::case_operand => operand = Some(Box::new(self.expr(first(p)))),
                        Rule::when_clause => {
                            let mut it = p.into_inner().filter(|q| q.as_rule() == Rule::expression);
                            let w = self.expr(it.next().expect("grammar"));
                            let t = self.expr(it.next().expect("grammar"));
                            whens.push((w, t));
                        }
                        Rule::else_clause => else_expr = Some(Box::new(self.expr(find(p, Rule::expression)))),
                        _ => {}
                    }
                }
                Expr { kind: ExprKind::Case { operand, whens, else_expr }, span }
            }
            other => unreachable!("expression rule {other:?}"),
        }
    }

    /// `operand (op operand)*`, left-associative.
    fn binary_chain(&mut self, pair: Pair<'_>) -> Expr {
        let mut inner = pair.into_inner();
        let mut left = self.expr(inner.next().expect("grammar"));
        while let Some(op) = inner.next() {
            let op = self.binary_op(op);
            let right = self.expr(inner.next().expect("grammar"));
            let span = left.span.cover(right.span);
            left = Expr { kind: ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }, span };
        }
        left
    }

    fn binary_op(&self, pair: Pair<'_>) -> BinaryOp {
        match self.token(&pair).kind {
            Tok::OR | Tok::LogicalOr => BinaryOp::Or,
            Tok::AND | Tok::LogicalAnd => BinaryOp::And,
            Tok::Eq => BinaryOp::Eq,
            Tok::NotEq => BinaryOp::NotEq,
            Tok::Lt => BinaryOp::Lt,
            Tok::LtEq => BinaryOp::LtEq,
            Tok::Gt => BinaryOp::Gt,
            Tok::GtEq => BinaryOp::GtEq,
            Tok::NullSafeEq => BinaryOp::NullSafeEq,
            Tok::Plus => BinaryOp::Plus,
            Tok::Minus => BinaryOp::Minus,
            Tok::Star => BinaryOp::Mul,
            Tok::Slash => BinaryOp::Div,
            Tok::Percent | Tok::MOD => BinaryOp::Mod,
            Tok::DIV => BinaryOp::IntDiv,
            Tok::BitAnd => BinaryOp::BitAnd,
            Tok::BitOr => BinaryOp::BitOr,
            _ => BinaryOp::BitXor,
        }
    }

    fn literal(&mut self, pair: Pair<'_>) -> Literal {
        let inner = first(pair);
        match inner.as_rule() {
            Rule::null_lit => Literal::Null,
            Rule::true_lit => Literal::Bool { value: true },
            Rule::false_lit => Literal::Bool { value: false },
            Rule::number => Literal::Number { text: self.text_of(&inner).to_string() },
            Rule::string => Literal::String(self.string(inner)),
            Rule::typed_string => {
                let kw = self.token(&inner).kind;
                let value = self.string(find(inner, Rule::string));
                Literal::Typed {
                    type_name: if kw == Tok::DATE { "DATE" } else { "DATETIME" }.to_string(),
                    value,
                }
            }
            Rule::binary => Literal::Binary { text: self.text_of(&inner).to_string() },
            Rule::interval => Literal::Interval(self.interval(inner)),
            _ => Literal::Parameter,
        }
    }

    /// `DATABASE()`, `CATALOG()`. Kept out of [`Self::expr`], whose frame is paid once per
    /// nesting level.
    #[inline(never)]
    fn information_function(&self, pair: Pair<'_>, span: Span) -> Expr {
        let kw = self.token(&first(pair));
        // As written: `catalog()` is also an ordinary call of a function named `catalog`.
        let value = kw.span.slice(self.text).to_string();
        let name =
            QualifiedName { parts: vec![Ident { value, quoted: false, span: kw.span }], span: kw.span };
        Expr { kind: ExprKind::Function { name, distinct: false, star: false, args: Vec::new() }, span }
    }

    #[inline(never)]
    fn interval(&mut self, pair: Pair<'_>) -> Interval {
        let span = self.span(&pair);
        let mut value = None;
        let mut unit = (IntervalUnit::Second, Span::default());
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expression => value = Some(self.expr(p)),
                Rule::interval_unit => {
                    let tok = self.token(&p);
                    let kind = match tok.kind {
                        Tok::YEAR => IntervalUnit::Year,
                        Tok::QUARTER => IntervalUnit::Quarter,
                        Tok::MONTH => IntervalUnit::Month,
                        Tok::WEEK => IntervalUnit::Week,
                        Tok::DAY => IntervalUnit::Day,
                        Tok::HOUR => IntervalUnit::Hour,
                        Tok::MINUTE => IntervalUnit::Minute,
                        Tok::SECOND => IntervalUnit::Second,
                        Tok::MILLISECOND => IntervalUnit::Millisecond,
                        _ => IntervalUnit::Microsecond,
                    };
                    unit = (kind, tok.span);
                }
                _ => {}
            }
        }
        Interval { value: Box::new(value.expect("grammar")), unit: unit.0, unit_span: unit.1, span }
    }

    /// The statements of shared-data clusters' cluster snapshots.
    fn cluster_snapshot(&mut self, pair: Pair<'_>) -> Statement {
        let rule = pair.as_rule();
        let (mut interval, mut volume, mut properties, mut name, mut comment) =
            (None, None, None, None, None);
        let (mut if_exists, mut source, mut snapshot, mut target) = (false, None, None, None);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::interval => interval = Some(self.interval(p)),
                Rule::storage_volume => volume = Some(self.ident_in(p)),
                Rule::properties => properties = Some(self.properties(p)),
                Rule::with_properties => properties = Some(self.properties(find(p, Rule::properties))),
                Rule::cluster_snapshot_name => name = Some(self.ident_in(p)),
                Rule::comment => comment = Some(self.string(find(p, Rule::string))),
                Rule::if_not_exists | Rule::if_exists => if_exists = true,
                Rule::source_table => source = Some(self.qualified_name(first(p))),
                Rule::snapshot_name => snapshot = Some(self.qualified_name(first(p))),
                Rule::target_table => target = Some(self.qualified_name(first(p))),
                _ => {}
            }
        }
        match rule {
            Rule::admin_show_automated_snapshot_stmt => Statement::ShowAutomatedSnapshot,
            Rule::admin_set_automated_snapshot_on_stmt => {
                Statement::SetAutomatedSnapshotOn(AutomatedSnapshotOnStmt {
                    interval,
                    storage_volume: volume,
                    properties,
                })
            }
            Rule::admin_set_automated_snapshot_off_stmt => Statement::SetAutomatedSnapshotOff,
            Rule::admin_alter_automated_snapshot_stmt => {
                Statement::AlterAutomatedSnapshot(AlterAutomatedSnapshotStmt {
                    interval: interval.expect("grammar"),
                })
            }
            Rule::create_cluster_snapshot_stmt => {
                Statement::CreateClusterSnapshot(CreateClusterSnapshotStmt {
                    if_not_exists: if_exists,
                    name: name.expect("grammar"),
                    comment,
                    storage_volume: volume,
                })
            }
            Rule::drop_cluster_snapshot_stmt => Statement::DropClusterSnapshot(DropClusterSnapshotStmt {
                name: name.expect("grammar"),
                if_exists,
            }),
            _ => Statement::RestoreTable(RestoreTableStmt {
                source: source.expect("grammar"),
                snapshot: snapshot.expect("grammar"),
                target: target.expect("grammar"),
                properties,
            }),
        }
    }

    // ------------------------------------------------------------ names and strings

    /// The identifier inside a wrapper rule (`repository_name`, `database_name`, …).
    fn ident_in(&mut self, pair: Pair<'_>) -> Ident {
        self.ident(find(pair, Rule::identifier))
    }

    fn ident(&self, pair: Pair<'_>) -> Ident {
        let tok = self.token(&pair);
        let raw = tok.span.slice(self.text);
        if tok.kind == Tok::BackquotedIdent {
            Ident { value: lexer::backquoted_value(raw), quoted: true, span: tok.span }
        } else {
            Ident { value: raw.to_string(), quoted: false, span: tok.span }
        }
    }

    fn qualified_name(&self, pair: Pair<'_>) -> QualifiedName {
        let span = self.span(&pair);
        let mut parts = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::identifier => parts.push(self.ident(p)),
                Rule::T_DotIdent => {
                    let tok = self.token(&p);
                    let s = Span::new(tok.span.start + 1, tok.span.end);
                    parts.push(Ident { value: s.slice(self.text).to_string(), quoted: false, span: s });
                }
                _ => {}
            }
        }
        QualifiedName { parts, span }
    }

    fn alias(&self, pair: Pair<'_>) -> Ident {
        self.ident(find(pair, Rule::identifier))
    }

    fn string(&self, pair: Pair<'_>) -> StringLit {
        let tok = self.token(&pair);
        let raw = tok.span.slice(self.text);
        let quote = if raw.starts_with('"') { Quote::Double } else { Quote::Single };
        StringLit { value: lexer::string_value(raw), quote, span: tok.span }
    }

    fn ident_or_string(&self, pair: Pair<'_>) -> NameOrString {
        let inner = first(pair);
        match inner.as_rule() {
            Rule::identifier => NameOrString::Ident(self.ident(inner)),
            _ => NameOrString::String(self.string(inner)),
        }
    }

    fn ident_or_string_as_ident(&self, pair: Pair<'_>) -> Ident {
        match self.ident_or_string(pair) {
            NameOrString::Ident(i) => i,
            NameOrString::String(s) => Ident { value: s.value, quoted: true, span: s.span },
        }
    }
}

fn first(pair: Pair<'_>) -> Pair<'_> {
    pair.into_inner().next().expect("grammar guarantees a child")
}

fn find(pair: Pair<'_>, rule: Rule) -> Pair<'_> {
    pair.into_inner().find(|p| p.as_rule() == rule).expect("grammar guarantees the child")
}
