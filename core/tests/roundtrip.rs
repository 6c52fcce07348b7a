//! Property tests: random ASTs of every statement kind → `format` → `parse` → the same AST.
//!
//! The generators build *canonical* trees, i.e. trees in the shape `parse(format(tree))`
//! gives back. The formatter legitimately rewrites some things the AST records, so the
//! generators produce the canonical form of each (property `spelling_is_all_that_changes`
//! checks the non-canonical forms modulo these):
//!
//! * `Ident::quoted` is true exactly when the formatter must backquote the name
//!   ([`lexer::quote_identifier`]); names never contain a backquote (StarRocks deletes every
//!   backquote from a quoted name, so such a name cannot be written).
//! * `StringLit::quote` is `Double` for property keys and values, locations, broker names and
//!   string partition names, and `Single` for literals inside expressions and key partitions.
//! * `FromDb::in_keyword` is false (`IN db` is written `FROM db`).
//! * `ExprKind::Paren` appears exactly where the grammar needs parentheses
//!   ([`canonical_parens`], derived from `backup.pest`'s expression layers); property
//!   `expression_structure_survives` checks arbitrary trees with arbitrary parentheses modulo
//!   parentheses.
//! * Comments are leading comments or trailing comments of the script (`format` moves inner
//!   comments above their statement: property `inner_comments_move_above_their_statement`);
//!   `--` comments end with a newline and hold no `\r`.
//! * A user variable written as a string (`@'x'`) is an `Ident` (what the parser builds).
//!
//! Statements are also valid for StarRocks's AST-builder rules (spec §3), so a round trip
//! must give no error diagnostics; `statement_rule_errors_survive` covers the invalid ones.

mod support;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use starrocks_backup_sql::ast::*;
use starrocks_backup_sql::lexer::quote_identifier;
use starrocks_backup_sql::{format, format_statement, parse, Span};
use support::{check_text, describe, errors, normalise, Ignore};

// ------------------------------------------------------------------ hostile names and strings

/// Names chosen to break naive quoting: reserved and non-reserved keywords, numbers, things
/// that lex as two tokens, comment and statement delimiters, characters StarRocks drops,
/// non-ASCII letters, whitespace StarRocks does and does not skip, and the empty name.
#[rustfmt::skip]
const HOSTILE_NAMES: &[&str] = &[
    // Reserved keywords (must be backquoted).
    "select", "SELECT", "all", "as", "database", "table", "on", "to", "from", "in", "for", "force",
    "partition", "read", "with", "create", "drop", "show", "where", "order", "by", "limit", "null",
    "true", "false", "case", "when", "and", "or", "not", "is", "like", "between", "distinct", "div",
    "asc", "desc", "else", "then", "function",
    // Non-reserved keywords (stay bare, and must not be read as keywords where they stand).
    "snapshot", "backup", "restore", "repository", "repositories", "tables", "views", "view",
    "functions", "materialized", "temporary", "properties", "location", "broker", "external", "catalog",
    "catalogs", "only", "offset", "end", "date", "datetime", "first", "last", "nulls", "partitions",
    "cancel", "type", "status",
    // Numbers and digit identifiers.
    "123", "0", "007", "1e5", "1E5", "1e", "1e5x", "1.5", ".5", "1a", "2024_01_01", "0x1F",
    "18446744073709551616",
    // Lexes as something else.
    "x'1'", "X\"ab\"", "a.b", "a,b", "a b", " lead", "trail ", "@x", "?", "...", "[*]", "$", "$$",
    "$$x", "x$$", "$$a$$", "a$b",
    // Quotes, escapes, delimiters.
    "it's", "say \"hi\"", "'", "\"", "\\", "a\\b", "\\_", "\\%", "a\nb", "a\r\nb", "tab\there", ";",
    "a;b", "--", "a--b", "-- c", "/*", "*/", "a/*b*/", "/*+ h */", "#", "a#b", "(", ")", "=",
    // Characters StarRocks's lexer drops, control characters.
    "\u{b}", "\u{c}", "\0", "\u{1a}", "\u{8}", "a\u{7f}",
    // Non-ASCII.
    "😀", "snap😀", "中文", "表1", "é", "ß", "\u{ffff}", "\u{10000}", "𝔸", "\u{a0}", "a\u{a0}b", "\u{3000}",
    "\u{3000}x", "x\u{3000}", "a\u{3000}b", "ſnapſhot", "ſelect", "ſ", "ı", "ıs", "Tableſ",
    // Empty.
    "",
];

/// Characters for random names and strings.
#[rustfmt::skip]
const SPECIAL_CHARS: &[char] = &[
    ' ', '\'', '"', '\\', '\n', '\r', '\t', ';', '-', '/', '*', '#', '😀', '中', '\u{a0}', '\u{3000}',
    'ſ', 'ı', '$', '.', '@', '_', '%', '0', '1', 'e', 'E', '(', ')', ',', '=', '\0', '\u{b}', '\u{c}',
    '+', 'x', 'a', 'Z', '\u{ffff}', '\u{10000}', '?', '!', '<', '>',
];

fn random_text(with_backquotes: bool) -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => select(SPECIAL_CHARS),
        1 => any::<char>(),
        1 => Just('`'),
    ];
    vec(ch, 0..7).prop_map(move |cs| {
        let s: String = cs.into_iter().collect();
        if with_backquotes {
            s
        } else {
            s.replace('`', "")
        }
    })
}

/// A name value: never contains a backquote.
fn name_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(HOSTILE_NAMES).prop_map(String::from),
        2 => "[a-zA-Z_][a-zA-Z0-9_]{0,5}",
        1 => "[0-9][a-z0-9_]{0,4}",
        3 => random_text(false),
    ]
}

/// A string value: anything, backquotes included.
fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(HOSTILE_NAMES).prop_map(String::from),
        1 => "[a-z_]{0,8}",
        1 => Just("a`b``c`".to_string()),
        4 => random_text(true),
    ]
}

fn sp() -> Span {
    Span::default()
}

/// The canonical identifier for a value.
fn ident_of(value: String) -> Ident {
    let quoted = quote_identifier(&value).expect("names hold no backquote").starts_with('`');
    Ident { value, quoted, span: sp() }
}

fn ident() -> impl Strategy<Value = Ident> {
    name_value().prop_map(ident_of)
}

fn qname(max_parts: usize) -> impl Strategy<Value = QualifiedName> {
    vec(ident(), 1..=max_parts).prop_map(|parts| QualifiedName { parts, span: sp() })
}

fn string_lit(quote: Quote) -> impl Strategy<Value = StringLit> {
    string_value().prop_map(move |value| StringLit { value, quote, span: sp() })
}

fn name_or_string() -> impl Strategy<Value = NameOrString> {
    prop_oneof![
        3 => ident().prop_map(NameOrString::Ident),
        1 => string_lit(Quote::Double).prop_map(NameOrString::String),
    ]
}

// ------------------------------------------------------------------ clauses

fn properties() -> impl Strategy<Value = Properties> {
    vec((string_lit(Quote::Double), string_lit(Quote::Double)), 1..5).prop_map(|entries| Properties {
        entries: entries.into_iter().map(|(key, value)| Property { key, value, span: sp() }).collect(),
        span: sp(),
    })
}

fn object_kind() -> impl Strategy<Value = ObjectKind> {
    select(vec![ObjectKind::Table, ObjectKind::MaterializedView, ObjectKind::View, ObjectKind::Function])
}

fn literal() -> impl Strategy<Value = Literal> {
    let number = prop_oneof![
        select(vec![
            "0",
            "1",
            "42",
            "007",
            "1.5",
            ".5",
            "1.",
            "1e5",
            "1E-3",
            "2.5e+10",
            "1.e5",
            "18446744073709551616"
        ])
        .prop_map(String::from),
        "[0-9]{1,20}",
        "[0-9]{0,3}\\.[0-9]{1,3}",
    ];
    let binary = ("[xX]", select(vec!['\'', '"']), "[0-9a-fA-F]{0,6}|[^'\"\\\\]{0,4}")
        .prop_map(|(x, q, body)| format!("{x}{q}{body}{q}"));
    prop_oneof![
        Just(Literal::Null),
        any::<bool>().prop_map(|value| Literal::Bool { value }),
        number.prop_map(|text| Literal::Number { text }),
        string_lit(Quote::Single).prop_map(Literal::String),
        (select(vec!["DATE", "DATETIME"]), string_lit(Quote::Single))
            .prop_map(|(t, value)| Literal::Typed { type_name: t.to_string(), value }),
        binary.prop_map(|text| Literal::Binary { text }),
        Just(Literal::Parameter),
    ]
}

fn partition_spec() -> impl Strategy<Value = PartitionSpec> {
    prop_oneof![
        (any::<bool>(), vec(name_or_string(), 1..4)).prop_map(|(temporary, names)| PartitionSpec::Names {
            temporary,
            names,
            span: sp()
        }),
        vec((ident(), literal()), 1..4).prop_map(|keys| PartitionSpec::Keys {
            keys: keys
                .into_iter()
                .map(|(column, value)| KeyPartition { column, value, span: sp() })
                .collect(),
            span: sp(),
        }),
    ]
}

/// An `AS alias` with probability `p` when `aliases`, else none.
fn optional_alias(aliases: bool, p: f64) -> BoxedStrategy<Option<Ident>> {
    if aliases {
        proptest::option::weighted(p, ident()).boxed()
    } else {
        Just(None).boxed()
    }
}

/// One ON item; aliases only when `aliases` (RESTORE).
fn object_item(aliases: bool) -> impl Strategy<Value = ObjectItem> {
    let alias = move || optional_alias(aliases, 0.4);
    prop_oneof![
        1 => object_kind().prop_map(|kind| ObjectItem::All { kind, span: sp() }),
        // Bare names and TABLE items take partitions.
        3 => (prop_oneof![Just(None), Just(Some(ObjectKind::Table))], qname(3), proptest::option::of(partition_spec()), alias())
            .prop_map(|(kind, name, partitions, alias)| {
                ObjectItem::Named(NamedObject { kind, name, partitions, alias, span: sp() })
            }),
        2 => (select(vec![ObjectKind::MaterializedView, ObjectKind::View, ObjectKind::Function]), qname(3), alias())
            .prop_map(|(kind, name, alias)| {
                ObjectItem::Named(NamedObject { kind: Some(kind), name, partitions: None, alias, span: sp() })
            }),
    ]
}

fn object_list(aliases: bool) -> impl Strategy<Value = ObjectList> {
    vec(object_item(aliases), 1..7).prop_map(|items| ObjectList { items, span: sp() })
}

fn catalogs(aliases: bool) -> impl Strategy<Value = CatalogClause> {
    let item = (ident(), optional_alias(aliases, 0.5)).prop_map(|(name, alias)| CatalogItem {
        name,
        alias,
        span: sp(),
    });
    prop_oneof![
        Just(CatalogClause::All { span: sp() }),
        vec(item, 1..4).prop_map(|items| CatalogClause::List { items, span: sp() }),
    ]
}

// ------------------------------------------------------------------ expressions

fn ex(kind: ExprKind) -> Expr {
    Expr { kind, span: sp() }
}

#[rustfmt::skip]
const BINARY_OPS: &[BinaryOp] = &[
    BinaryOp::Or, BinaryOp::And, BinaryOp::Eq, BinaryOp::NotEq, BinaryOp::Lt, BinaryOp::LtEq,
    BinaryOp::Gt, BinaryOp::GtEq, BinaryOp::NullSafeEq, BinaryOp::Plus, BinaryOp::Minus, BinaryOp::Mul,
    BinaryOp::Div, BinaryOp::Mod, BinaryOp::IntDiv, BinaryOp::BitAnd, BinaryOp::BitOr, BinaryOp::BitXor,
];

/// Any expression tree of every `ExprKind`, parentheses anywhere (`Paren` nodes are
/// generated too), without regard to precedence.
fn raw_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        3 => literal().prop_map(|l| ex(ExprKind::Literal(l))),
        3 => qname(3).prop_map(|q| ex(ExprKind::Column(q))),
        1 => ident().prop_map(|i| ex(ExprKind::UserVariable(i))),
        1 => ident().prop_map(|i| ex(ExprKind::SystemVariable(i))),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        let unary_op = select(vec![UnaryOp::Not, UnaryOp::Bang, UnaryOp::Neg, UnaryOp::Plus, UnaryOp::BitNot]);
        let like_op = select(vec![LikeOp::Like, LikeOp::Rlike, LikeOp::Regexp]);
        let bx = |e: Expr| Box::new(e);
        prop_oneof![
            4 => (select(BINARY_OPS), inner.clone(), inner.clone())
                .prop_map(move |(op, l, r)| ex(ExprKind::Binary { op, left: bx(l), right: bx(r) })),
            2 => (unary_op, inner.clone()).prop_map(move |(op, e)| ex(ExprKind::Unary { op, expr: bx(e) })),
            1 => inner.clone().prop_map(move |e| ex(ExprKind::Paren(bx(e)))),
            1 => (qname(2), 0..3u8, vec(inner.clone(), 0..3)).prop_map(|(name, form, args)| {
                let (distinct, star, args) = match form {
                    0 => (false, true, vec![]),
                    1 if !args.is_empty() => (true, false, args),
                    _ => (false, false, args),
                };
                ex(ExprKind::Function { name, distinct, star, args })
            }),
            1 => (inner.clone(), any::<bool>(), vec(inner.clone(), 1..4))
                .prop_map(move |(e, negated, list)| ex(ExprKind::InList { expr: bx(e), negated, list })),
            1 => (inner.clone(), any::<bool>(), inner.clone(), inner.clone()).prop_map(move |(e, negated, l, h)| {
                ex(ExprKind::Between { expr: bx(e), negated, low: bx(l), high: bx(h) })
            }),
            1 => (inner.clone(), any::<bool>(), like_op, inner.clone()).prop_map(move |(e, negated, op, p)| {
                ex(ExprKind::Like { expr: bx(e), negated, op, pattern: bx(p) })
            }),
            1 => (inner.clone(), any::<bool>()).prop_map(move |(e, negated)| ex(ExprKind::IsNull { expr: bx(e), negated })),
            1 => (
                proptest::option::of(inner.clone()),
                vec((inner.clone(), inner.clone()), 1..3),
                proptest::option::of(inner.clone())
            )
                .prop_map(move |(operand, whens, else_expr)| ex(ExprKind::Case {
                    operand: operand.map(bx),
                    whens,
                    else_expr: else_expr.map(bx),
                })),
        ]
    })
}

// Precedence layers of `backup.pest`, loosest first: expression (OR), and_expr, not_expr,
// boolean_expr (comparisons, IS NULL), predicate (IN, BETWEEN, LIKE), value_expr (|),
// bitand_expr, additive_expr, multiplicative_expr, bitxor_expr, unary_expr, primary.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const BOOLEAN: u8 = 4;
const PREDICATE: u8 = 5;
const VALUE: u8 = 6;
const UNARY: u8 = 11;
const PRIMARY: u8 = 12;

/// The grammar layer an expression's top node belongs to.
fn layer(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary { op, .. } => match op {
            BinaryOp::Or => OR,
            BinaryOp::And => AND,
            op if op.is_comparison() => BOOLEAN,
            BinaryOp::BitOr => VALUE,
            BinaryOp::BitAnd => 7,
            BinaryOp::Plus | BinaryOp::Minus => 8,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::IntDiv => 9,
            _ => 10,
        },
        ExprKind::Unary { op: UnaryOp::Not, .. } => NOT,
        ExprKind::Unary { .. } => UNARY,
        ExprKind::IsNull { .. } => BOOLEAN,
        ExprKind::InList { .. } | ExprKind::Between { .. } | ExprKind::Like { .. } => PREDICATE,
        _ => PRIMARY,
    }
}

/// Canonicalises `e` and wraps it in `Paren` when it sits below layer `min`.
fn at_least(e: Expr, min: u8, keep: bool) -> Expr {
    let e = parens(e, keep);
    if layer(&e) >= min {
        e
    } else {
        ex(ExprKind::Paren(Box::new(e)))
    }
}

/// The tree with parentheses exactly where the grammar needs them: existing `Paren` nodes
/// are dropped, and one is added around every operand that sits below the layer its position
/// accepts. Binary chains are left-associative (`a - b - c` is `(a - b) - c`), so a right
/// operand must bind strictly tighter than its operator.
fn canonical_parens(e: Expr) -> Expr {
    parens(e, false)
}

/// What the formatter writes for a tree with `Paren` nodes of its own: those are kept, and
/// the needed ones are added.
fn needed_parens(e: Expr) -> Expr {
    parens(e, true)
}

fn parens(e: Expr, keep: bool) -> Expr {
    let b = Box::new;
    let at_least = |e: Expr, min: u8| at_least(e, min, keep);
    let parens = |e: Expr| parens(e, keep);
    let kind = match e.kind {
        ExprKind::Paren(inner) if keep => ExprKind::Paren(b(parens(*inner))),
        ExprKind::Paren(inner) => return parens(*inner),
        ExprKind::Binary { op, left, right } => {
            let l = layer(&ex(ExprKind::Binary {
                op,
                left: b(ex(ExprKind::Literal(Literal::Null))),
                right: b(ex(ExprKind::Literal(Literal::Null))),
            }));
            // comparison: booleanExpression comparisonOperator predicate
            let right_min = if l == BOOLEAN { PREDICATE } else { l + 1 };
            ExprKind::Binary { op, left: b(at_least(*left, l)), right: b(at_least(*right, right_min)) }
        }
        // NOT* booleanExpression; -, +, ~, ! take a unary operand or a primary.
        ExprKind::Unary { op: UnaryOp::Not, expr } => {
            ExprKind::Unary { op: UnaryOp::Not, expr: b(at_least(*expr, NOT)) }
        }
        ExprKind::Unary { op, expr } => ExprKind::Unary { op, expr: b(at_least(*expr, UNARY)) },
        // primaryExpression '.' identifier: the base is a primary.
        ExprKind::Field { base, field } => ExprKind::Field { base: b(at_least(*base, PRIMARY)), field },
        ExprKind::IsNull { expr, negated } => ExprKind::IsNull { expr: b(at_least(*expr, BOOLEAN)), negated },
        // predicate : valueExpression (IN (expression, …) | BETWEEN valueExpression AND predicate | LIKE valueExpression)
        ExprKind::InList { expr, negated, list } => ExprKind::InList {
            expr: b(at_least(*expr, VALUE)),
            negated,
            list: list.into_iter().map(parens).collect(),
        },
        ExprKind::Between { expr, negated, low, high } => ExprKind::Between {
            expr: b(at_least(*expr, VALUE)),
            negated,
            low: b(at_least(*low, VALUE)),
            high: b(at_least(*high, PREDICATE)),
        },
        ExprKind::Like { expr, negated, op, pattern } => ExprKind::Like {
            expr: b(at_least(*expr, VALUE)),
            negated,
            op,
            pattern: b(at_least(*pattern, VALUE)),
        },
        ExprKind::Function { name, distinct, star, args } => {
            ExprKind::Function { name, distinct, star, args: args.into_iter().map(parens).collect() }
        }
        ExprKind::Case { operand, whens, else_expr } => ExprKind::Case {
            operand: operand.map(|o| b(parens(*o))),
            whens: whens.into_iter().map(|(w, t)| (parens(w), parens(t))).collect(),
            else_expr: else_expr.map(|e| b(parens(*e))),
        },
        leaf @ (ExprKind::Literal(_)
        | ExprKind::Column(_)
        | ExprKind::UserVariable(_)
        | ExprKind::SystemVariable(_)) => leaf,
    };
    ex(kind)
}

fn expr() -> impl Strategy<Value = Expr> {
    raw_expr().prop_map(canonical_parens)
}

fn limit_value() -> impl Strategy<Value = LimitValue> {
    prop_oneof![
        3 => prop_oneof![Just("0".to_string()), "[0-9]{1,4}", "[0-9]{19,22}"].prop_map(|text| LimitValue::Number { text }),
        1 => Just(LimitValue::Parameter),
        1 => ident().prop_map(|name| LimitValue::Variable { name }),
    ]
}

fn predicates() -> impl Strategy<Value = ShowPredicates> {
    let sort_item = (
        proptest::option::weighted(0.85, expr()),
        proptest::option::of(select(vec![Ordering::Asc, Ordering::Desc])),
        proptest::option::of(select(vec![NullsOrder::First, NullsOrder::Last])),
    )
        .prop_map(|(expr, ordering, nulls)| SortItem { expr, ordering, nulls, span: sp() });
    let limit = (limit_value(), proptest::option::of(limit_value())).prop_map(|(limit, offset)| Limit {
        limit,
        offset,
        span: sp(),
    });
    (
        proptest::option::weighted(0.6, expr()),
        prop_oneof![2 => Just(vec![]), 1 => vec(sort_item, 1..4)],
        proptest::option::weighted(0.4, limit),
    )
        .prop_map(|(where_clause, order_by, limit)| ShowPredicates { where_clause, order_by, limit })
}

// ------------------------------------------------------------------ statements

fn from_db() -> impl Strategy<Value = FromDb> {
    ident().prop_map(|db| FromDb { in_keyword: false, db })
}

/// BACKUP, valid for StarRocks's AST-builder rules: with external catalogs no DATABASE, no
/// `db.` prefix and no ON; with DATABASE no prefix; no aliases; at most two snapshot parts.
fn backup() -> impl Strategy<Value = Statement> {
    let with_catalogs = (catalogs(false), qname(1), ident(), proptest::option::of(properties())).prop_map(
        |(c, snapshot, repository, properties)| BackupStmt {
            catalogs: Some(c),
            database: None,
            snapshot,
            repository,
            on: None,
            properties,
        },
    );
    let with_db = (
        proptest::option::of(ident()),
        qname(2),
        ident(),
        proptest::option::of(object_list(false)),
        proptest::option::of(properties()),
    )
        .prop_map(|(database, mut snapshot, repository, on, properties)| {
            if database.is_some() {
                snapshot.parts.truncate(1);
            }
            BackupStmt { catalogs: None, database, snapshot, repository, on, properties }
        });
    prop_oneof![1 => with_catalogs, 3 => with_db].prop_map(Statement::Backup)
}

/// RESTORE, valid for the AST-builder rules: ON needs a database (DATABASE or `db.` prefix).
fn restore() -> impl Strategy<Value = Statement> {
    let with_catalogs = (qname(1), ident(), catalogs(true), proptest::option::of(properties())).prop_map(
        |(snapshot, repository, c, properties)| RestoreStmt {
            snapshot,
            repository,
            catalogs: Some(c),
            database: None,
            on: None,
            properties,
        },
    );
    let database = (ident(), proptest::option::of(ident())).prop_map(|(name, alias)| DatabaseClause {
        name,
        alias,
        span: sp(),
    });
    let with_db = (
        qname(2),
        ident(),
        proptest::option::of(database),
        proptest::option::of(object_list(true)),
        proptest::option::of(properties()),
    )
        .prop_map(|(mut snapshot, repository, database, mut on, properties)| {
            if database.is_some() {
                snapshot.parts.truncate(1);
            } else if snapshot.parts.len() < 2 {
                on = None;
            }
            RestoreStmt { snapshot, repository, catalogs: None, database, on, properties }
        });
    prop_oneof![1 => with_catalogs, 3 => with_db].prop_map(Statement::Restore)
}

fn statement() -> impl Strategy<Value = Statement> {
    let show_jobs = || {
        (proptest::option::of(from_db()), predicates())
            .prop_map(|(from, predicates)| ShowJobsStmt { from, predicates })
    };
    let cancel = || {
        prop_oneof![
            from_db().prop_map(CancelTarget::Database),
            Just(CancelTarget::ExternalCatalog { span: sp() }),
        ]
        .prop_map(|t| CancelStmt { target: Some(t) })
    };
    prop_oneof![
        4 => backup(),
        4 => restore(),
        2 => show_jobs().prop_map(Statement::ShowBackup),
        2 => show_jobs().prop_map(Statement::ShowRestore),
        1 => cancel().prop_map(Statement::CancelBackup),
        1 => cancel().prop_map(Statement::CancelRestore),
        2 => (ident(), predicates()).prop_map(|(repository, predicates)| Statement::ShowSnapshot(ShowSnapshotStmt { repository, predicates })),
        1 => (ident(), ident(), any::<bool>())
            .prop_map(|(snapshot, repository, force)| Statement::DropSnapshot(DropSnapshotStmt { snapshot, repository, force })),
        2 => (any::<bool>(), ident(), proptest::option::of(name_or_string()), string_lit(Quote::Double), proptest::option::of(properties()))
            .prop_map(|(read_only, name, broker, location, properties)| {
                Statement::CreateRepository(CreateRepositoryStmt { read_only, name, broker, location, properties })
            }),
        1 => ident().prop_map(|name| Statement::DropRepository(DropRepositoryStmt { name })),
        1 => predicates().prop_map(|predicates| Statement::ShowRepositories(ShowRepositoriesStmt { predicates })),
        3 => cluster_statement(),
        1 => select(vec!["SELECT 1", "SHOW DATABASES", "ALTER TABLE t ADD COLUMN c INT"])
            .prop_map(|t| Statement::Other(VerbatimStmt { text: t.to_string() })),
    ]
}

fn interval() -> impl Strategy<Value = Interval> {
    (expr(), select(IntervalUnit::ALL.to_vec())).prop_map(|(value, unit)| Interval {
        value: Box::new(value),
        unit,
        unit_span: sp(),
        span: sp(),
    })
}

/// The cluster-snapshot statements of shared-data clusters.
fn cluster_statement() -> impl Strategy<Value = Statement> {
    prop_oneof![
        Just(Statement::ShowAutomatedSnapshot),
        Just(Statement::SetAutomatedSnapshotOff),
        (proptest::option::of(interval()), proptest::option::of(ident()), proptest::option::of(properties()))
            .prop_map(|(interval, storage_volume, properties)| {
                Statement::SetAutomatedSnapshotOn(AutomatedSnapshotOnStmt {
                    interval,
                    storage_volume,
                    properties,
                })
            }),
        interval()
            .prop_map(|interval| Statement::AlterAutomatedSnapshot(AlterAutomatedSnapshotStmt { interval })),
        (
            any::<bool>(),
            ident(),
            proptest::option::of(string_lit(Quote::Double)),
            proptest::option::of(ident())
        )
            .prop_map(|(if_not_exists, name, comment, storage_volume)| {
                Statement::CreateClusterSnapshot(CreateClusterSnapshotStmt {
                    if_not_exists,
                    name,
                    comment,
                    storage_volume,
                })
            }),
        (ident(), any::<bool>()).prop_map(|(name, if_exists)| Statement::DropClusterSnapshot(
            DropClusterSnapshotStmt { name, if_exists }
        )),
        (qname(3), qname(2), qname(3), proptest::option::of(properties())).prop_map(
            |(source, snapshot, target, properties)| {
                Statement::RestoreTable(RestoreTableStmt { source, snapshot, target, properties })
            }
        ),
    ]
}

fn comment() -> impl Strategy<Value = Comment> {
    (0..3u8, random_text(true)).prop_map(|(style, body)| {
        let body = body.replace(['\n', '\r'], " ");
        let text = match style {
            0 => format!("--{body}\n"),
            1 => format!("/*{}*/", body.replace("*/", "* /")),
            _ => format!("/*+{}*/", body.replace("*/", "* /")),
        };
        Comment { text, span: sp() }
    })
}

fn statement_node() -> impl Strategy<Value = StatementNode> {
    (statement(), prop_oneof![3 => Just(vec![]), 1 => vec(comment(), 1..3)]).prop_map(
        |(stmt, leading_comments)| StatementNode {
            stmt,
            span: sp(),
            leading_comments,
            inner_comments: vec![],
        },
    )
}

fn script() -> impl Strategy<Value = Script> {
    (vec(statement_node(), 1..4), prop_oneof![3 => Just(vec![]), 1 => vec(comment(), 1..3)])
        .prop_map(|(statements, trailing_comments)| Script { statements, trailing_comments })
}

// ------------------------------------------------------------------ non-canonical spellings

/// Deterministic coin flips from a seed.
struct Coin(u64);

impl Coin {
    fn flip(&mut self) -> bool {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 & 1 == 1
    }

    /// Backquotes a name that does not need them.
    fn ident(&mut self, i: &mut Ident) {
        if self.flip() {
            i.quoted = true;
        }
    }

    /// Switches to the other quote.
    fn string(&mut self, s: &mut StringLit) {
        if self.flip() {
            s.quote = if s.quote == Quote::Single { Quote::Double } else { Quote::Single };
        }
    }

    fn properties(&mut self, p: &mut Option<Properties>) {
        for e in p.iter_mut().flat_map(|p| p.entries.iter_mut()) {
            self.string(&mut e.key);
            self.string(&mut e.value);
        }
    }

    fn respell_from_db(&mut self, f: &mut FromDb) {
        f.in_keyword = self.flip();
        self.ident(&mut f.db);
    }
}

/// Flips spelling choices the formatter overrides: backquotes on names that do not need
/// them, the other quote, `IN` for `FROM`.
fn respell(stmt: &mut Statement, coin: &mut Coin) {
    match stmt {
        Statement::Backup(b) => {
            b.snapshot.parts.iter_mut().for_each(|p| coin.ident(p));
            coin.ident(&mut b.repository);
            b.database.iter_mut().for_each(|d| coin.ident(d));
            coin.properties(&mut b.properties);
        }
        Statement::Restore(r) => {
            r.snapshot.parts.iter_mut().for_each(|p| coin.ident(p));
            coin.ident(&mut r.repository);
            coin.properties(&mut r.properties);
            for item in r.on.iter_mut().flat_map(|o| o.items.iter_mut()) {
                if let ObjectItem::Named(n) = item {
                    n.name.parts.iter_mut().for_each(|p| coin.ident(p));
                    n.alias.iter_mut().for_each(|a| coin.ident(a));
                }
            }
        }
        Statement::ShowBackup(s) | Statement::ShowRestore(s) => {
            s.from.iter_mut().for_each(|f| coin.respell_from_db(f))
        }
        Statement::CancelBackup(c) | Statement::CancelRestore(c) => {
            if let Some(CancelTarget::Database(f)) = &mut c.target {
                coin.respell_from_db(f);
            }
        }
        Statement::CreateRepository(c) => {
            coin.ident(&mut c.name);
            coin.string(&mut c.location);
            coin.properties(&mut c.properties);
        }
        Statement::DropSnapshot(d) => {
            coin.ident(&mut d.snapshot);
            coin.ident(&mut d.repository);
        }
        _ => {}
    }
}

// ------------------------------------------------------------------ properties

/// The parser keeps a statement whose expressions nest deeper than
/// `parser::MAX_NESTING` levels (parentheses of any kind, CASE, BETWEEN) as written, with
/// warning SR113, rather than parse it: such a case says nothing about the formatter and is
/// skipped (`deeply_nested_statements_are_kept_as_written` checks the fallback itself).
fn nested_too_deep(diags: &[starrocks_backup_sql::Diagnostic]) -> bool {
    diags.iter().any(|d| d.code == "SR113")
}

fn strict() -> Ignore {
    Ignore::default()
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, max_shrink_iters: 2000, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(1024))]

    /// format → parse gives back exactly the generated (canonical) tree, with no errors.
    #[test]
    fn format_then_parse_is_identity(script in script()) {
        let text = format(&script);
        let (parsed, diags) = parse(&text);
        prop_assume!(!nested_too_deep(&diags));
        prop_assert!(errors(&diags).is_empty(), "errors in\n{text}\n{}", describe(&diags));
        prop_assert_eq!(normalise(&parsed, strict()), normalise(&script, strict()), "\n{}", text);
    }

    /// format(parse(format(ast))) == format(ast), for whole scripts and single statements.
    #[test]
    fn formatting_is_idempotent(script in script()) {
        let once = format(&script);
        let twice = format(&parse(&once).0);
        prop_assert_eq!(&twice, &once);
        for node in &script.statements {
            let s = format_statement(node);
            let (again, _) = parse(&s);
            prop_assert_eq!(again.statements.len(), 1);
            prop_assert_eq!(format_statement(&again.statements[0]), s);
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// Arbitrary trees with parentheses anywhere (or nowhere) keep their structure: the
    /// formatter adds the parentheses precedence needs, so only `Paren` nodes may differ.
    #[test]
    fn expression_structure_survives(e in raw_expr()) {
        let stmt = Statement::ShowBackup(ShowJobsStmt {
            from: None,
            predicates: ShowPredicates { where_clause: Some(e.clone()), order_by: vec![], limit: None },
        });
        let node = StatementNode { stmt, span: sp(), leading_comments: vec![], inner_comments: vec![] };
        let text = format_statement(&node);
        let (parsed, diags) = parse(&text);
        prop_assume!(!nested_too_deep(&diags));
        prop_assert!(errors(&diags).is_empty(), "errors in\n{text}\n{}", describe(&diags));
        let Statement::ShowBackup(s) = &parsed.statements[0].stmt else { panic!("{text}") };
        let back = s.predicates.where_clause.as_ref().expect("a WHERE clause");
        let ignore = Ignore { parens: true, ..Ignore::default() };
        prop_assert_eq!(normalise(back, ignore), normalise(&e, ignore), "\n{}", text);
        // And the parentheses it wrote are exactly the needed ones.
        prop_assert_eq!(normalise(back, strict()), normalise(&needed_parens(e), strict()), "\n{}", text);
    }

    /// Spellings the formatter overrides (needless backquotes, the other quote, `IN db`)
    /// round-trip modulo spelling.
    #[test]
    fn spelling_is_all_that_changes(mut node in statement_node(), seed in any::<u64>()) {
        respell(&mut node.stmt, &mut Coin(seed | 1));
        let text = format_statement(&node);
        let (parsed, diags) = parse(&text);
        prop_assume!(!nested_too_deep(&diags));
        prop_assert!(errors(&diags).is_empty(), "errors in\n{text}\n{}", describe(&diags));
        let ignore = Ignore { spelling: true, comments: true, parens: false };
        prop_assert_eq!(normalise(&parsed.statements[0].stmt, ignore), normalise(&node.stmt, ignore), "\n{}", text);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Comments inside a statement are written above it: after a round trip they are leading
    /// comments, after the statement's own, in order.
    #[test]
    fn inner_comments_move_above_their_statement(mut node in statement_node(), inner in vec(comment(), 1..3)) {
        prop_assume!(!matches!(node.stmt, Statement::Other(_)));
        node.inner_comments = inner.clone();
        let script = Script { statements: vec![node.clone()], trailing_comments: vec![] };
        let text = format(&script);
        let (parsed, diags) = parse(&text);
        prop_assume!(!nested_too_deep(&diags));
        prop_assert!(errors(&diags).is_empty(), "errors in\n{text}\n{}", describe(&diags));
        let mut expected = node;
        expected.leading_comments.extend(inner);
        expected.inner_comments.clear();
        prop_assert_eq!(normalise(&parsed.statements[0], strict()), normalise(&expected, strict()), "\n{}", text);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// A statement nested deeper than the parser analyses is kept as written (a verbatim
    /// `Other` statement with warning SR113 and no error), so formatting leaves it unchanged.
    #[test]
    fn deeply_nested_statements_are_kept_as_written(e in raw_expr(), extra in 0..4usize) {
        let depth = starrocks_backup_sql::parser::MAX_NESTING + 1 + extra;
        let nested = (0..depth).fold(e, |inner, _| ex(ExprKind::Paren(Box::new(inner))));
        let node = StatementNode {
            stmt: Statement::ShowBackup(ShowJobsStmt {
                from: None,
                predicates: ShowPredicates { where_clause: Some(nested), order_by: vec![], limit: None },
            }),
            span: sp(),
            leading_comments: vec![],
            inner_comments: vec![],
        };
        let text = format_statement(&node);
        let (parsed, diags) = parse(&text);
        prop_assert!(nested_too_deep(&diags), "{}", text);
        prop_assert!(errors(&diags).is_empty(), "errors in\n{text}\n{}", describe(&diags));
        prop_assert_eq!(&parsed.statements[0].stmt, &Statement::Other(VerbatimStmt { text: text.clone() }));
        prop_assert_eq!(format(&parsed), format!("{text};\n"));
    }
}

// ------------------------------------------------------------------ arbitrary text

/// Words and symbols arbitrary scripts are made of.
#[rustfmt::skip]
const VOCABULARY: &[&str] = &[
    "BACKUP", "RESTORE", "SNAPSHOT", "TO", "FROM", "IN", "ON", "DATABASE", "AS", "ALL", "EXTERNAL",
    "CATALOG", "CATALOGS", "TABLE", "TABLES", "VIEW", "VIEWS", "MATERIALIZED", "FUNCTION", "FUNCTIONS",
    "PARTITION", "PARTITIONS", "TEMPORARY", "PROPERTIES", "SHOW", "CANCEL", "FOR", "DROP", "FORCE",
    "CREATE", "READ", "ONLY", "REPOSITORY", "REPOSITORIES", "WITH", "BROKER", "LOCATION", "WHERE",
    "ORDER", "BY", "LIMIT", "OFFSET", "ASC", "DESC", "NULLS", "FIRST", "AND", "OR", "NOT", "IS", "NULL",
    "LIKE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "DATE", "DISTINCT", "DIV", "select",
    "db1", "s1", "repo", "t1", "p1", "`a b`", "``", "1a", "123", "1e5", ".5", "x'1F'", "'v'", "\"k\"",
    "'it''s'", "'a\\'b'", "(", ")", ",", ".", ";", "=", "<>", "<=>", "<", "-", "--", "+", "*", "/", "%",
    "^", "|", "||", "&", "!", "~", "@", "@@", "?", "$$", "/*", "*/", "/*+", "#", "😀", "\u{3000}",
    "\u{a0}", "ſ", "\n", " ", "\t", "`", "'", "\"",
];

fn token_soup() -> impl Strategy<Value = String> {
    vec(prop_oneof![6 => select(VOCABULARY).prop_map(String::from), 1 => random_text(true)], 0..30)
        .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(config(2048))]

    /// Parsing arbitrary text never panics; every statement that parsed without errors
    /// formats to one that parses without errors, to the same tree, and formats the same
    /// again; the formatted script has no more errors than the input.
    #[test]
    fn arbitrary_text_formats_safely(text in prop_oneof![2 => token_soup(), 1 => any::<String>()]) {
        check_text(&text);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// Formatted scripts with random edits (a span deleted, a word inserted) are arbitrary
    /// text close to valid, where the interesting bugs are.
    #[test]
    fn edited_scripts_format_safely(script in script(), at in any::<prop::sample::Index>(), len in 0..12usize,
                                    word in select(VOCABULARY)) {
        let text = format(&script);
        let chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len() + 1);
        let mut edited: String = chars[..i].iter().collect();
        edited.push_str(word);
        edited.extend(chars[(i + len).min(chars.len())..].iter());
        check_text(&edited);
    }
}

// ------------------------------------------------------------------ AST-builder rules

proptest! {
    #![proptest_config(config(512))]

    /// Statements the grammar accepts but StarRocks's AST builder rejects (aliases in BACKUP,
    /// DATABASE with a `db.` prefix or with catalogs, ON with catalogs, RESTORE ON without a
    /// database, three-part snapshot names, bare CANCEL) keep exactly their errors.
    #[test]
    fn statement_rule_errors_survive(
        catalogs in proptest::option::of(catalogs(false)),
        database in proptest::option::of(ident()),
        snapshot in qname(3),
        on in proptest::option::of(object_list(true)),
        restore in any::<bool>(),
        cancel in any::<bool>(),
    ) {
        let stmt = if cancel {
            Statement::CancelRestore(CancelStmt { target: None })
        } else if restore {
            let database = database.map(|name| DatabaseClause { name, alias: None, span: sp() });
            Statement::Restore(RestoreStmt { snapshot, repository: Ident::new("r"), catalogs, database, on, properties: None })
        } else {
            Statement::Backup(BackupStmt { catalogs, database, snapshot, repository: Ident::new("r"), on, properties: None })
        };
        let node = StatementNode { stmt, span: sp(), leading_comments: vec![], inner_comments: vec![] };
        let once = format_statement(&node);
        let (parsed, d1) = parse(&once);
        let twice = format_statement(&parsed.statements[0]);
        let (_, d2) = parse(&twice);
        let codes = |d: &[starrocks_backup_sql::Diagnostic]| errors(d).iter().map(|d| d.code).collect::<Vec<_>>();
        // Only statement-rule errors: the grammar accepts every such statement.
        prop_assert!(errors(&d1).iter().all(|d| d.kind == starrocks_backup_sql::DiagnosticKind::Statement), "{}", describe(&d1));
        prop_assert_eq!(codes(&d1), codes(&d2));
        prop_assert_eq!(twice, once);
        prop_assert_eq!(normalise(&parsed.statements[0].stmt, strict()), normalise(&node.stmt, strict()));
    }
}

/// The generators really produce every statement kind and every hostile name (a guard
/// against a generator change that silently stops covering something).
#[test]
fn generators_cover_every_statement_kind() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut kinds = std::collections::BTreeSet::new();
    for _ in 0..2000 {
        let s = statement().new_tree(&mut runner).expect("a value").current();
        let v = serde_json::to_value(&s).expect("serialises");
        kinds.insert(v["type"].as_str().expect("tagged").to_string());
    }
    let expected = [
        "backup",
        "restore",
        "show_backup",
        "show_restore",
        "cancel_backup",
        "cancel_restore",
        "show_snapshot",
        "drop_snapshot",
        "create_repository",
        "drop_repository",
        "show_repositories",
        "other",
    ];
    for k in expected {
        assert!(kinds.contains(k), "no {k} generated: {kinds:?}");
    }
}
