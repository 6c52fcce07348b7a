//! The pest grammar of the statement family (`grammar/backup.pest`), written over token
//! symbols (`grammar/tokens.pest`, generated from [`crate::lexer::Tok`]).
//!
//! `build.rs` compiles the grammar with pest's own front end (`pest_meta`: parse, validate,
//! optimise) into static tables; [`BackupGrammar`] interprets them over pest's
//! [`ParserState`], so pairs, spans and errors (with their expected-rule positives) are
//! exactly what `pest_derive` would produce, while the grammar costs data instead of one
//! generated function per rule.
//!
//! Use [`BackupGrammar`] with [`pest::Parser`] to run single rules, e.g. in rule-level tests:
//! lex the text, map each non-hidden token to [`crate::lexer::Tok::symbol`], parse.

use pest::{Atomicity, ParseResult, ParserState};

/// How a rule treats pairs and implicit whitespace (pest's rule modifiers). Every form pest
/// has is interpreted, whether or not today's grammar uses it.
#[allow(dead_code)]
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// `a = { … }`
    Normal,
    /// `a = _{ … }`
    Silent,
    /// `a = @{ … }`
    Atomic,
    /// `a = ${ … }`
    CompoundAtomic,
    /// `a = !{ … }`
    NonAtomic,
}

/// One node of an optimised pest expression. Strings live in `STRINGS` and are referred to
/// by index, which keeps a node at six bytes.
#[allow(dead_code)]
#[derive(Clone, Copy, Debug)]
pub(crate) enum Node {
    /// `"text"`
    Str(u16),
    /// `^"text"`
    Insens(u16),
    /// `'a'..'z'` (the bounds are one-character strings)
    Range(u16, u16),
    /// A rule.
    Call(Rule),
    /// `SOI`
    Soi,
    /// `EOI`
    Eoi,
    /// `ANY`
    Any,
    /// `&e`
    Pos(u16),
    /// `!e`
    Neg(u16),
    /// `a ~ b`
    Seq(u16, u16),
    /// `a | b`
    Choice(u16, u16),
    /// `e?`
    Opt(u16),
    /// `e*`
    Rep(u16),
    /// Restores the stack on failure (from `PUSH`).
    Restore(u16),
    /// `(!("a" | "b") ~ ANY)*`, optimised; the strings are joined with NUL.
    Skip(u16),
}

include!(concat!(env!("OUT_DIR"), "/grammar_tables.rs"));

type State<'i> = Box<ParserState<'i, Rule>>;

/// The grammar's parser: implements [`pest::Parser`] for [`Rule`].
pub struct BackupGrammar;

impl pest::Parser<Rule> for BackupGrammar {
    fn parse(rule: Rule, input: &str) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
        pest::state(input, |state| call(rule, state))
    }
}

/// Runs a rule: pairs and error tracking for visible rules, as pest_derive generates them.
fn call(rule: Rule, state: State<'_>) -> ParseResult<State<'_>> {
    if rule == Rule::EOI {
        return state.rule(Rule::EOI, |s| s.end_of_input());
    }
    let (kind, root) = RULE_BODIES[rule as usize - 1];
    match kind {
        Kind::Normal => state.rule(rule, |s| run(root, s)),
        Kind::Silent => run(root, state),
        Kind::Atomic => state.rule(rule, |s| s.atomic(Atomicity::Atomic, |s| run(root, s))),
        Kind::CompoundAtomic => state.atomic(Atomicity::CompoundAtomic, |s| s.rule(rule, |s| run(root, s))),
        Kind::NonAtomic => state.atomic(Atomicity::NonAtomic, |s| s.rule(rule, |s| run(root, s))),
    }
}

/// Interprets one node. The grammar has no `WHITESPACE` or `COMMENT` rule (tokens carry no
/// blanks), so sequences and repetitions skip nothing between their parts.
fn run(node: u16, state: State<'_>) -> ParseResult<State<'_>> {
    match NODES[node as usize] {
        Node::Str(s) => state.match_string(STRINGS[s as usize]),
        Node::Insens(s) => state.match_insensitive(STRINGS[s as usize]),
        Node::Range(a, b) => {
            let bound = |i: u16| STRINGS[i as usize].chars().next().unwrap_or('\0');
            state.match_range(bound(a)..bound(b))
        }
        Node::Call(rule) => call(rule, state),
        Node::Soi => state.start_of_input(),
        Node::Eoi => state.rule(Rule::EOI, |s| s.end_of_input()),
        Node::Any => state.skip(1),
        Node::Pos(e) => state.lookahead(true, |s| run(e, s)),
        Node::Neg(e) => state.lookahead(false, |s| run(e, s)),
        Node::Seq(a, b) => state.sequence(|s| run(a, s).and_then(|s| run(b, s))),
        Node::Choice(a, b) => run(a, state).or_else(|s| run(b, s)),
        Node::Opt(e) => state.optional(|s| run(e, s)),
        Node::Rep(e) => state.repeat(|s| run(e, s)),
        Node::Restore(e) => state.restore_on_err(|s| run(e, s)),
        Node::Skip(s) => {
            let strings: Vec<&str> = STRINGS[s as usize].split('\0').collect();
            state.skip_until(&strings)
        }
    }
}

/// Lexes `text` and writes its non-hidden tokens as the symbol string the grammar parses.
pub fn symbols(text: &str) -> String {
    crate::lexer::lex(text).tokens.iter().filter(|t| !t.kind.is_trivia()).map(|t| t.kind.symbol()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        assert_eq!(RULES.len(), RULE_BODIES.len());
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(*r as usize, i + 1, "{r:?}");
        }
        assert!(NODES.len() < u16::MAX as usize);
        assert_eq!(std::mem::size_of::<Node>(), 6);
    }
}
