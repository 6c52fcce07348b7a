//! Compiles the pest grammars into static tables at build time: the statement family
//! (`src/grammar/*.pest` → `grammar_tables.rs`) and GRANT/REVOKE (`tokens.pest` +
//! `src/privileges/grant.pest` → `grant_tables.rs`).
//!
//! pest's own front end (`pest_meta`) parses, validates and optimises each grammar exactly as
//! `pest_derive` would. Instead of generating one Rust function per rule (which made the
//! grammar most of the wasm), this writes the optimised rules as data: a `Rule` enum and a
//! node table that `src/engine.rs` interprets with pest's semantics. Same grammar, same
//! matches and error reports, a fraction of the code.
//!
//! The grammars run over token symbols, so the only string a rule may match is one symbol: a
//! private-use character from U+E000 to U+E0FF (`tokens.pest`, and the GRANT keywords of
//! `grant.pest`), which becomes the byte `char − U+E000`. The compiler refuses the pest
//! constructs the engine does not implement (other strings, ranges, atomic rules, the stack)
//! with a clear message.

use pest_meta::ast::RuleType;
use pest_meta::optimizer::OptimizedExpr as E;
use std::fmt::Write;

/// Each grammar: its source files, in order, and the file the tables are written to.
const GRAMMARS: &[(&[&str], &str)] = &[
    (&["src/grammar/tokens.pest", "src/grammar/backup.pest"], "grammar_tables.rs"),
    (&["src/grammar/tokens.pest", "src/privileges/grant.pest"], "grant_tables.rs"),
];

fn main() {
    for (sources, out) in GRAMMARS {
        compile(sources, out);
    }
}

/// Compiles the grammar made of `sources` into `OUT_DIR/<out>`.
fn compile(sources: &[&str], out_file: &str) {
    let mut grammar = String::new();
    for path in sources {
        println!("cargo:rerun-if-changed={path}");
        grammar
            .push_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")));
        grammar.push('\n');
    }
    let (_, rules) = pest_meta::parse_and_optimize(&grammar).unwrap_or_else(|errors| {
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("the pest grammar does not compile:\n{}", text.join("\n"))
    });

    let names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
    let mut nodes: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    for r in &rules {
        let root = emit(&r.expr, &names, &mut nodes);
        let kind = match r.ty {
            RuleType::Normal => "Normal",
            RuleType::Silent => "Silent",
            other => {
                panic!("rule `{}` is {other:?}: the grammar engine runs normal and silent rules only", r.name)
            }
        };
        entries.push(format!("(crate::engine::Kind::{kind}, {root})"));
    }

    let mut out = String::new();
    out.push_str("/// One variant per grammar rule, plus `EOI` (end of input), as pest_derive names them.\n");
    out.push_str("#[allow(non_camel_case_types, clippy::upper_case_acronyms)]\n");
    out.push_str("#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]\n#[repr(u16)]\n");
    out.push_str("pub enum Rule {\n    /// End of input.\n    EOI,\n");
    for n in &names {
        let _ = writeln!(out, "    /// Grammar rule `{n}`.\n    {n},");
    }
    out.push_str("}\n\n");
    out.push_str("impl Rule {\n    /// The rule's name as the grammar spells it.\n    pub fn name(self) -> &'static str {\n        RULE_NAMES[self as usize]\n    }\n}\n\n");
    let _ = writeln!(
        out,
        "/// Rule names, indexed by discriminant.\nstatic RULE_NAMES: &[&str] = &[\"EOI\", {}];\n",
        names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
    );
    out.push_str("/// Every rule by discriminant (`EOI` first).\n#[cfg(test)]\n#[allow(dead_code)]\n");
    out.push_str("pub(crate) static RULE_LIST: &[Rule] = &[Rule::EOI, ");
    for n in &names {
        let _ = write!(out, "Rule::{n}, ");
    }
    out.push_str("];\n\n");
    out.push_str(
        "impl crate::engine::RuleId for Rule {\n    const EOI: Rule = Rule::EOI;\n    fn index(self) -> usize {\n        self as usize\n    }\n}\n\n",
    );
    let _ = writeln!(
        out,
        "/// The compiled grammar: each rule's kind and root node (index = discriminant − 1), and\n\
         /// the expression nodes of every rule.\n\
         pub(crate) static TABLES: crate::engine::Tables<Rule> = crate::engine::Tables {{\n    \
         bodies: &[{}],\n    nodes: &[\n        {}\n    ],\n}};",
        entries.join(", "),
        nodes.join(",\n        ")
    );

    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out_file);
    std::fs::write(dest, out).expect("write the grammar tables");
}

/// Appends the nodes of `e` and returns the index of its root.
fn emit(e: &E, names: &[&str], nodes: &mut Vec<String>) -> u16 {
    let node = match e {
        E::Str(s) => {
            let mut chars = s.chars();
            match (chars.next().map(|c| c as u32), chars.next()) {
                (Some(c @ 0xE000..=0xE0FF), None) => format!("crate::engine::Node::Tok({})", c - 0xE000),
                _ => panic!(
                    "the grammar matches the string {s:?}: rules match tokens, written as their private-use character (tokens.pest)"
                ),
            }
        }
        E::Ident(name) => match name.as_str() {
            "EOI" => "crate::engine::Node::Eoi".to_string(),
            "SOI" => "crate::engine::Node::Soi".to_string(),
            other if names.contains(&other) => format!("crate::engine::Node::Call(Rule::{other})"),
            other => {
                panic!("the grammar uses the builtin `{other}`, which the grammar engine does not support")
            }
        },
        // Children come before their parent (post-order), so a parent stores how far back
        // each child is: small, repetitive numbers, which compress well in the shipped wasm.
        E::PosPred(a) => format!("crate::engine::Node::Pos({})", back(emit(a, names, nodes), nodes)),
        E::NegPred(a) => format!("crate::engine::Node::Neg({})", back(emit(a, names, nodes), nodes)),
        E::Seq(a, b) => {
            let (a, b) = (emit(a, names, nodes), emit(b, names, nodes));
            format!("crate::engine::Node::Seq({}, {})", back(a, nodes), back(b, nodes))
        }
        E::Choice(a, b) => {
            let (a, b) = (emit(a, names, nodes), emit(b, names, nodes));
            format!("crate::engine::Node::Choice({}, {})", back(a, nodes), back(b, nodes))
        }
        E::Opt(a) => format!("crate::engine::Node::Opt({})", back(emit(a, names, nodes), nodes)),
        E::Rep(a) => format!("crate::engine::Node::Rep({})", back(emit(a, names, nodes), nodes)),
        other => panic!("the grammar engine does not support {other:?}"),
    };
    nodes.push(node);
    u16::try_from(nodes.len() - 1).expect("fewer than 65536 grammar nodes")
}

/// How far back from the node about to be appended `child` is.
fn back(child: u16, nodes: &[String]) -> u16 {
    u16::try_from(nodes.len()).expect("fewer than 65536 grammar nodes") - child
}
