//! The pest grammar of the statement family (`grammar/backup.pest`), written over token
//! kinds (`grammar/tokens.pest`, generated from [`crate::lexer::Tok`]), and the small engine
//! that runs it.
//!
//! `build.rs` compiles the grammar with pest's own front end (`pest_meta`: parse, validate,
//! optimise) into static tables. [`parse`] interprets them over a statement's token kinds
//! with pest's semantics — ordered choice, greedy repetition, lookahead, silent rules — and
//! pest's error tracking, so the rules a failure reports as expected (the *positives*) are
//! the ones `pest_derive` would report. What it returns is lighter than pest's pairs: one flat
//! array of matched rules in pre-order ([`Tree`]), walked with the copyable cursor [`Pair`].
//!
//! To run a single rule, e.g. in rule-level tests: `parse(rule, &symbols(text))`.

/// How a rule treats pairs (pest's rule modifiers; the table compiler accepts these two).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// `a = { … }`: a pair, and tracked for error reports.
    Normal,
    /// `a = _{ … }`: neither.
    Silent,
}

/// One node of an optimised pest expression: six bytes. Nodes refer to their children by
/// distance: child = this node's index − the number stored (children precede parents).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Node {
    /// A token rule's body (`"\u{E000}"` in `tokens.pest`): one token of this kind.
    Tok(u8),
    /// A rule.
    Call(Rule),
    /// `SOI`
    Soi,
    /// `EOI`
    Eoi,
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
}

include!(concat!(env!("OUT_DIR"), "/grammar_tables.rs"));

/// One matched rule: its token range and where its subtree ends in [`Tree::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Matched {
    rule: Rule,
    /// Index of the first token.
    start: u32,
    /// Index one past the last token.
    end: u32,
    /// Index (in the tree) of the node after this one's subtree: its next sibling, if any.
    next: u32,
}

/// What a successful [`parse`] matched: every non-silent rule, in pre-order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    nodes: Vec<Matched>,
}

impl Tree {
    /// The top-level pairs (for a whole-statement parse: the statement rule's own pair).
    pub fn pairs(&self) -> Pairs<'_> {
        Pairs { nodes: &self.nodes, next: 0, end: self.nodes.len() }
    }
}

/// A matched rule inside a [`Tree`]: a cursor, cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'t> {
    nodes: &'t [Matched],
    i: usize,
}

impl<'t> Pair<'t> {
    /// The rule matched.
    pub fn as_rule(&self) -> Rule {
        self.nodes[self.i].rule
    }

    /// The matched tokens, as indices into the parsed input: `start..end`.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        let n = self.nodes[self.i];
        n.start as usize..n.end as usize
    }

    /// The pairs of the rules matched directly inside this one.
    pub fn into_inner(self) -> Pairs<'t> {
        Pairs { nodes: self.nodes, next: self.i + 1, end: self.nodes[self.i].next as usize }
    }
}

/// Sibling pairs, in input order.
#[derive(Clone, Debug)]
pub struct Pairs<'t> {
    nodes: &'t [Matched],
    next: usize,
    end: usize,
}

impl<'t> Iterator for Pairs<'t> {
    type Item = Pair<'t>;

    fn next(&mut self) -> Option<Pair<'t>> {
        (self.next < self.end).then(|| {
            let pair = Pair { nodes: self.nodes, i: self.next };
            self.next = self.nodes[self.next].next as usize;
            pair
        })
    }
}

/// Why a parse failed, as pest reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Index of the token where the furthest attempt failed (the input's length at its end).
    pub at: usize,
    /// The rules attempted there (pest's *positives*), in declaration order, each once.
    pub expected: Vec<Rule>,
}

/// Runs `rule` over `input`, a sequence of token kinds (`Tok as u8`, see [`symbols`]).
///
/// Succeeds when the rule matches a prefix of the input (rules that must reach the end say
/// `EOI`, as `statement_input` does).
pub fn parse(rule: Rule, input: &[u8]) -> Result<Tree, SyntaxError> {
    let mut engine = Engine {
        input,
        pos: 0,
        nodes: Vec::new(),
        look: Look::None,
        positives: Vec::new(),
        negatives: 0,
        attempt_pos: 0,
    };
    if engine.call(rule) {
        return Ok(Tree { nodes: engine.nodes });
    }
    // Sorted by declaration and deduplicated, as pest does (the list is short).
    let mut expected: Vec<Rule> = Vec::new();
    for rule in engine.positives {
        if let Err(i) = expected.binary_search(&rule) {
            expected.insert(i, rule);
        }
    }
    Err(SyntaxError { at: engine.attempt_pos, expected })
}

/// Which lookahead the engine is inside (pest's `Lookahead`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    None,
    Positive,
    Negative,
}

/// The interpreter's state: pest's `ParserState`, reduced to what the grammar uses.
struct Engine<'i> {
    input: &'i [u8],
    pos: usize,
    nodes: Vec<Matched>,
    look: Look,
    /// Rules that failed at `attempt_pos` outside negative lookahead.
    positives: Vec<Rule>,
    /// How many rules matched at `attempt_pos` inside a negative lookahead (pest keeps them
    /// as *negatives*; only their count matters here).
    negatives: usize,
    /// The furthest position where a tracked rule failed.
    attempt_pos: usize,
}

impl Engine<'_> {
    fn call(&mut self, rule: Rule) -> bool {
        if rule == Rule::EOI {
            return self.rule(Rule::EOI, None);
        }
        match RULE_BODIES[rule as usize - 1] {
            (Kind::Normal, root) => self.rule(rule, Some(root)),
            (Kind::Silent, root) => self.run(root),
        }
    }

    /// pest's `ParserState::rule`: records a pair and tracks the attempt. `body` is `None`
    /// for `EOI`.
    fn rule(&mut self, rule: Rule, body: Option<u16>) -> bool {
        let start = self.pos;
        let index = self.nodes.len();
        let (pos_index, neg_index) =
            if start == self.attempt_pos { (self.positives.len(), self.negatives) } else { (0, 0) };
        let record = self.look == Look::None;
        if record {
            self.nodes.push(Matched { rule, start: start as u32, end: 0, next: 0 });
        }
        let attempts = self.attempts_at(start);
        let ok = match body {
            Some(root) => self.run(root),
            None => self.pos == self.input.len(),
        };
        if ok {
            if self.look == Look::Negative {
                self.track(rule, start, pos_index, neg_index, attempts);
            }
            if record {
                let next = self.nodes.len() as u32;
                let node = &mut self.nodes[index];
                node.end = self.pos as u32;
                node.next = next;
            }
        } else {
            if self.look != Look::Negative {
                self.track(rule, start, pos_index, neg_index, attempts);
            }
            if record {
                self.nodes.truncate(index);
            }
        }
        ok
    }

    fn attempts_at(&self, pos: usize) -> usize {
        if pos == self.attempt_pos {
            self.positives.len() + self.negatives
        } else {
            0
        }
    }

    /// pest's `ParserState::track`, step for step.
    fn track(&mut self, rule: Rule, pos: usize, pos_index: usize, neg_index: usize, before: usize) {
        // Nested rules that made no progress are replaced by this one, unless exactly one
        // attempt was made inside it.
        let now = self.attempts_at(pos);
        if now > before && now - before == 1 {
            return;
        }
        if pos == self.attempt_pos {
            self.positives.truncate(pos_index);
            self.negatives = self.negatives.min(neg_index);
        }
        if pos > self.attempt_pos {
            self.positives.clear();
            self.negatives = 0;
            self.attempt_pos = pos;
        }
        if pos == self.attempt_pos {
            if self.look == Look::Negative {
                self.negatives += 1;
            } else {
                self.positives.push(rule);
            }
        }
    }

    /// Interprets one node. A failing node leaves the position where it found it.
    fn run(&mut self, node: u16) -> bool {
        match NODES[node as usize] {
            Node::Tok(kind) => {
                let ok = self.input.get(self.pos) == Some(&kind);
                self.pos += usize::from(ok);
                ok
            }
            Node::Call(rule) => self.call(rule),
            Node::Soi => self.pos == 0,
            Node::Eoi => self.rule(Rule::EOI, None),
            Node::Pos(e) => self.lookahead(true, node - e),
            Node::Neg(e) => self.lookahead(false, node - e),
            Node::Seq(a, b) => {
                let (a, b) = (node - a, node - b);
                let (pos, len) = (self.pos, self.nodes.len());
                let ok = self.run(a) && self.run(b);
                if !ok {
                    self.pos = pos;
                    self.nodes.truncate(len);
                }
                ok
            }
            Node::Choice(a, b) => self.run(node - a) || self.run(node - b),
            Node::Opt(e) => {
                self.run(node - e);
                true
            }
            Node::Rep(e) => {
                while self.run(node - e) {}
                true
            }
        }
    }

    /// pest's `ParserState::lookahead`: runs `e` without consuming input or recording pairs.
    fn lookahead(&mut self, positive: bool, e: u16) -> bool {
        let (look, pos) = (self.look, self.pos);
        self.look = match (positive, look) {
            (true, Look::Negative) | (false, Look::None | Look::Positive) => Look::Negative,
            _ => Look::Positive,
        };
        let ok = self.run(e);
        self.pos = pos;
        self.look = look;
        ok == positive
    }
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
        assert_eq!(RULE_BODIES.len() + 1, RULE_NAMES.len());
        for (i, r) in RULE_LIST.iter().enumerate() {
            assert_eq!(*r as usize, i, "{r:?}");
            assert_eq!(r.name(), RULE_NAMES[i]);
        }
        assert!(NODES.len() < u16::MAX as usize);
        assert_eq!(std::mem::size_of::<Node>(), 6);
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
