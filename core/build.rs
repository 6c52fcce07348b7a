//! Compiles the pest grammar (`src/grammar/*.pest`) into static tables at build time.
//!
//! pest's own front end (`pest_meta`) parses, validates and optimises the grammar exactly as
//! `pest_derive` would. Instead of generating one Rust function per rule (which made the
//! grammar most of the wasm), this writes the optimised rules as data: a `Rule` enum and a
//! node table that `src/grammar.rs` interprets over pest's `ParserState`. Same grammar, same
//! pairs and errors, a fraction of the code.

use pest_meta::ast::RuleType;
use pest_meta::optimizer::OptimizedExpr as E;
use std::fmt::Write;

const SOURCES: &[&str] = &["src/grammar/tokens.pest", "src/grammar/backup.pest"];

fn main() {
    let mut grammar = String::new();
    for path in SOURCES {
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
    let mut strings: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    for r in &rules {
        let root = emit(&r.expr, &names, &mut nodes, &mut strings);
        let kind = match r.ty {
            RuleType::Normal => "Normal",
            RuleType::Silent => "Silent",
            RuleType::Atomic => "Atomic",
            RuleType::CompoundAtomic => "CompoundAtomic",
            RuleType::NonAtomic => "NonAtomic",
        };
        entries.push(format!("(Kind::{kind}, {root})"));
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
    out.push_str("/// Every rule in declaration order (`EOI` excluded); index = discriminant − 1.\n");
    out.push_str("#[allow(dead_code)]\npub(crate) static RULES: &[Rule] = &[");
    for n in &names {
        let _ = write!(out, "Rule::{n}, ");
    }
    out.push_str("];\n\n/// Each rule's kind and root node, in declaration order.\n");
    let _ = writeln!(out, "pub(crate) static RULE_BODIES: &[(Kind, u16)] = &[{}];\n", entries.join(", "));
    let _ = writeln!(
        out,
        "/// The expression nodes of every rule.\npub(crate) static NODES: &[Node] = &[\n    {}\n];",
        nodes.join(",\n    ")
    );
    let _ = writeln!(
        out,
        "/// The strings nodes refer to by index.\npub(crate) static STRINGS: &[&str] = &[{}];",
        strings.join(", ")
    );

    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("grammar_tables.rs");
    std::fs::write(dest, out).expect("write the grammar tables");
}

/// Appends the nodes of `e` and returns the index of its root.
fn emit(e: &E, names: &[&str], nodes: &mut Vec<String>, strings: &mut Vec<String>) -> u16 {
    let mut string = |s: &str| {
        let lit = format!("{s:?}");
        let i = strings.iter().position(|x| *x == lit).unwrap_or_else(|| {
            strings.push(lit);
            strings.len() - 1
        });
        u16::try_from(i).expect("fewer than 65536 strings")
    };
    let node = match e {
        E::Str(s) => format!("Node::Str({})", string(s)),
        E::Insens(s) => format!("Node::Insens({})", string(s)),
        E::Range(a, b) => format!("Node::Range({}, {})", string(a), string(b)),
        E::Ident(name) => match name.as_str() {
            "EOI" => "Node::Eoi".to_string(),
            "SOI" => "Node::Soi".to_string(),
            "ANY" => "Node::Any".to_string(),
            other if names.contains(&other) => format!("Node::Call(Rule::{other})"),
            other => {
                panic!("the grammar uses the builtin `{other}`, which the table compiler does not support")
            }
        },
        E::PosPred(a) => format!("Node::Pos({})", emit(a, names, nodes, strings)),
        E::NegPred(a) => format!("Node::Neg({})", emit(a, names, nodes, strings)),
        E::Seq(a, b) => {
            let (a, b) = (emit(a, names, nodes, strings), emit(b, names, nodes, strings));
            format!("Node::Seq({a}, {b})")
        }
        E::Choice(a, b) => {
            let (a, b) = (emit(a, names, nodes, strings), emit(b, names, nodes, strings));
            format!("Node::Choice({a}, {b})")
        }
        E::Opt(a) => format!("Node::Opt({})", emit(a, names, nodes, strings)),
        E::Rep(a) => format!("Node::Rep({})", emit(a, names, nodes, strings)),
        E::RestoreOnErr(a) => format!("Node::Restore({})", emit(a, names, nodes, strings)),
        E::Skip(list) => {
            let joined = list.join("\u{0}");
            format!("Node::Skip({})", string(&joined))
        }
        other => panic!("the table compiler does not support {other:?}"),
    };
    nodes.push(node);
    u16::try_from(nodes.len() - 1).expect("fewer than 65536 grammar nodes")
}
