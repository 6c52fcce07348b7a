//! The grammar engine (`grammar::parse`) against pest itself: `pest_derive` generates a parser
//! from the same two grammar files, and both run on the same token sequences. They must agree
//! on everything the crate uses: whether the parse succeeds, every matched rule with its token
//! range and nesting, and on failure the position and the expected rules (pest's positives).
//!
//! Inputs: every statement of the conformance table and of the `.sql` fixtures, each also
//! mutated (a token dropped, inserted, replaced or two swapped) by proptest.

mod support;

use proptest::prelude::*;
use starrocks_backup_sql::grammar::{self, Pair, Rule};
use starrocks_backup_sql::lexer::Tok;

mod oracle {
    #[derive(pest_derive::Parser)]
    #[grammar = "src/grammar/tokens.pest"]
    #[grammar = "src/grammar/backup.pest"]
    pub struct Oracle;
}
use oracle::Rule as PestRule;

/// A matched rule as `(name, start, end, depth)`, in pre-order.
type Flat = Vec<(String, usize, usize, usize)>;

fn flatten_engine<'t>(pairs: impl Iterator<Item = Pair<'t>>, depth: usize, out: &mut Flat) {
    for p in pairs {
        let r = p.tokens();
        out.push((p.as_rule().name().to_string(), r.start, r.end, depth));
        flatten_engine(p.into_inner(), depth + 1, out);
    }
}

fn flatten_pest(pairs: pest::iterators::Pairs<'_, PestRule>, depth: usize, out: &mut Flat) {
    for p in pairs {
        let s = p.as_span();
        out.push((format!("{:?}", p.as_rule()), s.start() / 3, s.end() / 3, depth));
        flatten_pest(p.into_inner(), depth + 1, out);
    }
}

/// What a parser says about one input: the pairs, or the failure position and positives.
fn engine(kinds: &[u8]) -> Result<Flat, (usize, Vec<String>)> {
    match grammar::parse(Rule::statement_input, kinds) {
        Ok(tree) => {
            let mut out = Flat::new();
            flatten_engine(tree.pairs(), 0, &mut out);
            Ok(out)
        }
        Err(e) => Err((e.at, e.expected.iter().map(|r| r.name().to_string()).collect())),
    }
}

fn pest(kinds: &[u8]) -> Result<Flat, (usize, Vec<String>)> {
    use pest::Parser as _;
    let symbols: String = kinds.iter().map(|k| Tok::KINDS[*k as usize].symbol()).collect();
    match oracle::Oracle::parse(PestRule::statement_input, &symbols) {
        Ok(pairs) => {
            let mut out = Flat::new();
            flatten_pest(pairs, 0, &mut out);
            Ok(out)
        }
        Err(e) => {
            let at = match e.location {
                pest::error::InputLocation::Pos(p) | pest::error::InputLocation::Span((p, _)) => p / 3,
            };
            let positives = match e.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
                pest::error::ErrorVariant::CustomError { message } => panic!("pest gave up: {message}"),
            };
            Err((at, positives.iter().map(|r| format!("{r:?}")).collect()))
        }
    }
}

/// The statements of the conformance table and of every `.sql` fixture, as token kinds.
fn corpus() -> Vec<Vec<u8>> {
    let mut texts: Vec<String> = Vec::new();
    for line in include_str!("conformance/verdicts.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(stmt) = line.split('\t').nth(1) {
            texts.push(support::unescape(stmt).expect("the table's escapes decode"));
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/inputs"), root.join("tests/check")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                let text = std::fs::read_to_string(&path).expect("fixture");
                texts.extend(text.split(';').map(str::to_string));
            }
        }
    }
    let mut out: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| grammar::symbols(t))
        .filter(|k| !k.is_empty() && !k.contains(&(Tok::Semicolon as u8)))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn assert_agree(kinds: &[u8]) {
    let (ours, theirs) = (engine(kinds), pest(kinds));
    let names: Vec<&str> = kinds.iter().map(|k| Tok::KINDS[*k as usize].name()).collect();
    assert_eq!(ours, theirs, "tokens: {names:?}");
}

#[test]
fn agrees_with_pest_on_the_corpus() {
    let corpus = corpus();
    assert!(corpus.len() > 500, "corpus of {} statements", corpus.len());
    let mut failures = 0;
    for kinds in &corpus {
        assert_agree(kinds);
        failures += usize::from(engine(kinds).is_err());
    }
    // Both verdicts are exercised.
    assert!(failures > 100 && failures < corpus.len() - 100, "{failures} of {} fail", corpus.len());
}

/// One edit of a token sequence.
#[derive(Debug, Clone)]
enum Mutation {
    Drop(usize),
    Insert(usize, u8),
    Replace(usize, u8),
    Swap(usize),
}

fn mutate(kinds: &[u8], m: &Mutation) -> Vec<u8> {
    let mut v = kinds.to_vec();
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
    match *m {
        Mutation::Drop(i) if !v.is_empty() => {
            v.remove(at(i, kinds.len()));
        }
        Mutation::Insert(i, k) => v.insert(at(i, kinds.len() + 1), k),
        Mutation::Replace(i, k) if !v.is_empty() => {
            let i = at(i, kinds.len());
            v[i] = k;
        }
        Mutation::Swap(i) if v.len() > 1 => {
            let i = at(i, kinds.len() - 1);
            v.swap(i, i + 1);
        }
        _ => {}
    }
    v
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Any token kind the lexer produces outside the hidden channel.
    let kind = (0..Tok::KINDS.len() as u8).prop_filter("visible", |k| !Tok::KINDS[*k as usize].is_trivia());
    prop_oneof![
        any::<usize>().prop_map(Mutation::Drop),
        (any::<usize>(), kind.clone()).prop_map(|(i, k)| Mutation::Insert(i, k)),
        (any::<usize>(), kind).prop_map(|(i, k)| Mutation::Replace(i, k)),
        any::<usize>().prop_map(Mutation::Swap),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_pest_on_mutated_statements(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..4),
    ) {
        thread_local!(static CORPUS: Vec<Vec<u8>> = corpus());
        let base = CORPUS.with(|c| c[pick.index(c.len())].clone());
        let kinds = edits.iter().fold(base, |k, m| mutate(&k, m));
        assert_agree(&kinds);
    }
}
