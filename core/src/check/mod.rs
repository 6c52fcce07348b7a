//! The checks after parsing: StarRocks's analyzer (kind `semantic`), facts that need a
//! catalog (`catalog`), checks made when the job is submitted (`submission`), what the
//! target version or cluster mode cannot run (`compat`), and notes at the point they matter.
//!
//! Each rule lives in one file of `rules/` with its catalogue entry ([`RULES`]) and a
//! function over one statement. [`check`] runs them all.

pub mod catalog;
pub mod options;
mod rules;

pub use catalog::{expand_backup, Catalog, ExpandedObject, Origin};
pub use options::{ClusterMode, Feature, Options, Version};
pub use rules::RULES;
pub(crate) use rules::{matches_name_regex, BACKUP_KEYS, RESTORE_KEYS};

use crate::ast::{Script, Statement, StatementNode};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// Runs every rule over every statement. Statements that failed to parse, and statements
/// outside the family, are skipped (the parser already reported them).
pub fn check(script: &Script, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for node in &script.statements {
        if matches!(node.stmt, Statement::Invalid(_) | Statement::Other(_)) {
            continue;
        }
        let cx = Context { node, options };
        let mut mine = Vec::new();
        rules::run(&cx, &mut mine);
        // Notes help a statement that will run; next to an error they are noise.
        if mine.iter().any(Diagnostic::is_error) {
            mine.retain(|d| !is_note(d));
        }
        out.append(&mut mine);
    }
    crate::order::sort_stable_by(&mut out, |d| (d.span.start, d.span.end));
    out
}

/// Informational notes (`SR7xx`).
fn is_note(d: &Diagnostic) -> bool {
    d.code.starts_with("SR7")
}

/// Parses and checks in one go: the parser's diagnostics followed by the checks', in source
/// order. Notes are left out for statements that have errors.
pub fn parse_and_check(text: &str, options: &Options) -> (Script, Vec<Diagnostic>) {
    let (script, diags) = crate::parse(text);
    let diags = combine(&script, diags, options);
    (script, diags)
}

/// The parser's diagnostics of `script` (`parsed`) merged with the checks', in source order,
/// without the notes of statements that have errors.
pub fn combine(script: &Script, parsed: Vec<Diagnostic>, options: &Options) -> Vec<Diagnostic> {
    let mut diags = parsed;
    diags.extend(check(script, options));
    crate::order::sort_stable_by(&mut diags, |d| (d.span.start, d.span.end));
    // Statements are in source order; find the one holding an offset by binary search.
    let spans: Vec<crate::span::Span> = script.statements.iter().map(|n| n.span).collect();
    let statement_of = |offset: usize| {
        let i = spans.partition_point(|s| s.start <= offset);
        i.checked_sub(1).filter(|&i| offset <= spans[i].end)
    };
    let mut erroneous = vec![false; spans.len()];
    for d in diags.iter().filter(|d| d.is_error()) {
        if let Some(i) = statement_of(d.span.start) {
            erroneous[i] = true;
        }
    }
    diags.retain(|d| !is_note(d) || !statement_of(d.span.start).is_some_and(|i| erroneous[i]));
    diags
}

/// What a rule sees: one statement and the options.
pub(crate) struct Context<'a> {
    pub node: &'a StatementNode,
    pub options: &'a Options,
}

impl<'a> Context<'a> {
    pub fn stmt(&self) -> &'a Statement {
        &self.node.stmt
    }

    pub fn span(&self) -> Span {
        self.node.span
    }

    pub fn catalog(&self) -> Option<&'a Catalog> {
        self.options.catalog.as_deref()
    }

    /// A diagnostic with the severity and kind its catalogue entry gives.
    pub fn diag(&self, code: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
        let info =
            rules::RULES.iter().find(|r| r.code == code).expect("every emitted code is in the catalogue");
        Diagnostic::new(code, info.severity, info.kind, message, span)
    }
}
