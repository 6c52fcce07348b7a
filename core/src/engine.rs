//! The engine that runs the crate's pest grammars.
//!
//! `build.rs` compiles each grammar with pest's own front end (`pest_meta`: parse, validate,
//! optimise) into static `Tables`; `run` interprets them over a sequence of token symbols
//! (one byte each) with pest's semantics — ordered choice, greedy repetition, lookahead,
//! silent rules — and pest's error tracking, so the rules a failure reports as expected (the
//! *positives*) are the ones `pest_derive` would report. What it returns is lighter than
//! pest's pairs: one flat array of matched rules in pre-order ([`Tree`]), walked with the
//! copyable cursor [`Pair`]. `tests/engine_vs_pest.rs` runs pest's generated parser on the
//! same grammar files as an oracle.
//!
//! Two grammars use it: the statement family ([`crate::grammar`]) and GRANT/REVOKE
//! ([`crate::privileges::parse_grant`]).

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
pub(crate) enum Node<R> {
    /// A token rule's body (`"\u{E000}"` in `tokens.pest`): one symbol, `char − U+E000`.
    Tok(u8),
    /// A rule.
    Call(R),
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

/// A grammar's rule type, as `build.rs` generates it: `EOI` first, then the rules in
/// declaration order.
pub trait RuleId: Copy + Ord + std::fmt::Debug {
    /// The end-of-input pseudo-rule.
    const EOI: Self;
    /// The rule's discriminant (`EOI` is 0).
    fn index(self) -> usize;
}

/// How deeply rules may nest before a parse gives up. pest guards the native stack the same
/// way; here the limit is a count, so it holds on every target (wasm's stack is 1 MiB). The
/// statement family stays well below it: the parser keeps statements nested more than
/// `parser::MAX_NESTING` levels as written, and the deepest it parses reach about 115 rule
/// levels. Deeper input, such as a type of thousands of nested `ARRAY<…>` in a GRANT, fails to
/// parse instead of overflowing the stack.
pub const MAX_RULE_DEPTH: usize = 250;

/// A compiled grammar.
pub(crate) struct Tables<R: 'static> {
    /// Each rule's kind and root node; index = discriminant − 1.
    pub(crate) bodies: &'static [(Kind, u16)],
    /// The expression nodes of every rule.
    pub(crate) nodes: &'static [Node<R>],
}

/// One matched rule: its token range and where its subtree ends in [`Tree::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Matched<R> {
    rule: R,
    /// Index of the first token.
    start: u32,
    /// Index one past the last token.
    end: u32,
    /// Index (in the tree) of the node after this one's subtree: its next sibling, if any.
    next: u32,
}

/// What a successful parse matched: every non-silent rule, in pre-order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree<R> {
    nodes: Vec<Matched<R>>,
}

impl<R: RuleId> Tree<R> {
    /// The top-level pairs (for a whole-statement parse: the statement rule's own pair).
    pub fn pairs(&self) -> Pairs<'_, R> {
        Pairs { nodes: &self.nodes, next: 0, end: self.nodes.len() }
    }
}

/// A matched rule inside a [`Tree`]: a cursor, cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'t, R> {
    nodes: &'t [Matched<R>],
    i: usize,
}

impl<'t, R: RuleId> Pair<'t, R> {
    /// The rule matched.
    pub fn as_rule(&self) -> R {
        self.nodes[self.i].rule
    }

    /// The matched tokens, as indices into the parsed input: `start..end`.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        let n = &self.nodes[self.i];
        n.start as usize..n.end as usize
    }

    /// The pairs of the rules matched directly inside this one.
    pub fn into_inner(self) -> Pairs<'t, R> {
        Pairs { nodes: self.nodes, next: self.i + 1, end: self.nodes[self.i].next as usize }
    }
}

/// Sibling pairs, in input order.
#[derive(Clone, Debug)]
pub struct Pairs<'t, R> {
    nodes: &'t [Matched<R>],
    next: usize,
    end: usize,
}

impl<'t, R: RuleId> Iterator for Pairs<'t, R> {
    type Item = Pair<'t, R>;

    fn next(&mut self) -> Option<Pair<'t, R>> {
        (self.next < self.end).then(|| {
            let pair = Pair { nodes: self.nodes, i: self.next };
            self.next = self.nodes[self.next].next as usize;
            pair
        })
    }
}

/// Why a parse failed, as pest reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError<R> {
    /// Index of the token where the furthest attempt failed (the input's length at its end).
    pub at: usize,
    /// The rules attempted there (pest's *positives*), in declaration order, each once.
    pub expected: Vec<R>,
}

/// Runs `rule` of the grammar `tables` over `input`, a sequence of token symbols.
///
/// Succeeds when the rule matches a prefix of the input (rules that must reach the end say
/// `EOI`). Fails, with no expected rules, when rules nest deeper than [`MAX_RULE_DEPTH`].
pub(crate) fn run<R: RuleId>(
    tables: &'static Tables<R>,
    rule: R,
    input: &[u8],
) -> Result<Tree<R>, SyntaxError<R>> {
    let mut engine = Engine {
        tables,
        input,
        pos: 0,
        nodes: Vec::new(),
        look: Look::None,
        positives: Vec::new(),
        negatives: 0,
        attempt_pos: 0,
        depth: 0,
        too_deep: None,
    };
    if engine.call(rule) {
        return Ok(Tree { nodes: engine.nodes });
    }
    if let Some(at) = engine.too_deep {
        // Nothing sensible was expected: the input is nested past the engine's limit.
        return Err(SyntaxError { at, expected: Vec::new() });
    }
    // Sorted by declaration and deduplicated, as pest does (the list is short).
    let mut expected: Vec<R> = Vec::new();
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

/// The interpreter's state: pest's `ParserState`, reduced to what the grammars use.
struct Engine<'i, R: 'static> {
    tables: &'static Tables<R>,
    input: &'i [u8],
    pos: usize,
    nodes: Vec<Matched<R>>,
    look: Look,
    /// Rules that failed at `attempt_pos` outside negative lookahead.
    positives: Vec<R>,
    /// How many rules matched at `attempt_pos` inside a negative lookahead (pest keeps them
    /// as *negatives*; only their count matters here).
    negatives: usize,
    /// The furthest position where a tracked rule failed.
    attempt_pos: usize,
    /// How many rules are being matched, one inside the other.
    depth: usize,
    /// Where `depth` passed [`MAX_RULE_DEPTH`]; from then on everything fails.
    too_deep: Option<usize>,
}

impl<R: RuleId> Engine<'_, R> {
    fn call(&mut self, rule: R) -> bool {
        if rule == R::EOI {
            return self.rule(R::EOI, None);
        }
        if self.too_deep.is_some() {
            return false;
        }
        if self.depth >= MAX_RULE_DEPTH {
            self.too_deep = Some(self.pos);
            return false;
        }
        self.depth += 1;
        let ok = match self.tables.bodies[rule.index() - 1] {
            (Kind::Normal, root) => self.rule(rule, Some(root)),
            (Kind::Silent, root) => self.run(root),
        };
        self.depth -= 1;
        ok && self.too_deep.is_none()
    }

    /// pest's `ParserState::rule`: records a pair and tracks the attempt. `body` is `None`
    /// for `EOI`.
    fn rule(&mut self, rule: R, body: Option<u16>) -> bool {
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
    fn track(&mut self, rule: R, pos: usize, pos_index: usize, neg_index: usize, before: usize) {
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
        match self.tables.nodes[node as usize] {
            Node::Tok(symbol) => {
                let ok = self.input.get(self.pos) == Some(&symbol);
                self.pos += usize::from(ok);
                ok
            }
            Node::Call(rule) => self.call(rule),
            Node::Soi => self.pos == 0,
            Node::Eoi => self.rule(R::EOI, None),
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
