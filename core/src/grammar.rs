//! The pest grammar of the statement family (`grammar/backup.pest`), written over token
//! kinds (`grammar/tokens.pest`, generated from [`crate::lexer::Tok`]), and [`parse`], which
//! runs it with [`crate::engine`].
//!
//! To run a single rule, e.g. in rule-level tests: `parse(rule, &symbols(text))`.

use crate::engine;

include!(concat!(env!("OUT_DIR"), "/grammar_tables.rs"));

/// What a successful [`parse`] matched.
pub type Tree = engine::Tree<Rule>;
/// A matched rule: a cursor into a [`Tree`].
pub type Pair<'t> = engine::Pair<'t, Rule>;
/// Sibling [`Pair`]s.
pub type Pairs<'t> = engine::Pairs<'t, Rule>;
/// Why a [`parse`] failed.
pub type SyntaxError = engine::SyntaxError<Rule>;

/// Runs `rule` over `input`, a sequence of token kinds (`Tok as u8`, see [`symbols`]).
///
/// Succeeds when the rule matches a prefix of the input (rules that must reach the end say
/// `EOI`, as `statement_input` does).
pub fn parse(rule: Rule, input: &[u8]) -> Result<Tree, SyntaxError> {
    engine::run(&TABLES, rule, input)
}

/// Lexes `text` and returns the kinds of its non-hidden tokens, the input [`parse`] takes.
pub fn symbols(text: &str) -> Vec<u8> {
    crate::lexer::lex(text).tokens.iter().filter(|t| !t.kind.is_trivia()).map(|t| t.kind as u8).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        assert_eq!(RULE_LIST.len(), RULE_NAMES.len());
        assert_eq!(TABLES.bodies.len() + 1, RULE_NAMES.len());
        for (i, r) in RULE_LIST.iter().enumerate() {
            assert_eq!(*r as usize, i, "{r:?}");
            assert_eq!(r.name(), RULE_NAMES[i]);
        }
        assert!(TABLES.nodes.len() < u16::MAX as usize);
        assert_eq!(std::mem::size_of::<engine::Node<Rule>>(), 6);
    }

    #[test]
    fn pairs_nest_in_pre_order() {
        let input = symbols("SHOW BACKUP FROM db WHERE a = 1");
        let tree = parse(Rule::statement_input, &input).expect("parses");
        let top: Vec<Pair<'_>> = tree.pairs().collect();
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].as_rule(), Rule::statement_input);
        assert_eq!(top[0].tokens(), 0..input.len());
        let inner: Vec<Rule> = top[0].into_inner().map(|p| p.as_rule()).collect();
        assert_eq!(inner, [Rule::show_backup_stmt, Rule::EOI]);
        let stmt = top[0].into_inner().next().unwrap();
        let mut covered = stmt.tokens().start;
        for child in stmt.into_inner() {
            assert!(child.tokens().start >= covered, "children are in order and do not overlap");
            covered = child.tokens().end;
        }
        assert!(covered <= stmt.tokens().end);
    }

    #[test]
    fn failures_report_the_furthest_position_and_its_rules() {
        let input = symbols("BACKUP SNAPSHOT s1 INTO r");
        let err = parse(Rule::statement_input, &input).unwrap_err();
        assert_eq!(err.at, 3);
        assert!(err.expected.contains(&Rule::KW_TO), "{:?}", err.expected);
        let mut sorted = err.expected.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, err.expected);
    }
}
