//! The canonical formatter.
//!
//! Keywords upper case, one space between tokens, one clause per line for BACKUP and RESTORE,
//! and long `ON (…)` and `PROPERTIES (…)` lists one entry per line. Names are backquoted only
//! when StarRocks needs it ([`crate::lexer::quote_identifier`]); strings are escaped so they
//! decode to exactly their value. Syntax that has a shorter equivalent is normalised:
//! `TABLES t` → `TABLE t`, `ALL TABLE` → `ALL TABLES`, `PARTITIONS p1, p2` →
//! `PARTITION (p1, p2)`, `IN db` → `FROM db`, `||` → `OR`. Bare (untyped) names stay bare,
//! since only StarRocks 3.4+ reads `TABLE t`.
//!
//! Comments are kept: those inside a statement move above it. Statements that failed to parse
//! and statements outside the family are written back verbatim. Formatting is idempotent.

use crate::ast::*;
use crate::lexer::{quote_identifier, quote_string, quote_string_with};

/// Longest single-line `ON (…)` / `PROPERTIES (…)` clause before it is broken into lines.
const MAX_INLINE: usize = 80;
/// Most entries a list may have and still stay on one line.
const MAX_INLINE_ITEMS: usize = 3;
const INDENT: &str = "    ";

/// Formats a whole script canonically: every statement ends with `;` and a newline. A blank
/// line separates two statements when either takes several lines (its comments included);
/// one-line statements stay together.
///
/// One exception keeps verbatim text intact: a statement kept as written whose text starts
/// with U+3000 follows the previous `;` (or its last comment) directly, because after a blank
/// StarRocks's lexer would take that U+3000 as whitespace, while after `;` it is part of the
/// first word.
pub fn format(script: &Script) -> String {
    let mut out = String::new();
    let mut previous_multiline = false;
    for (i, node) in script.statements.iter().enumerate() {
        let text = format_statement(node);
        // A verbatim statement's text already holds its inner comments.
        let inner: &[Comment] = if is_verbatim(&node.stmt) { &[] } else { &node.inner_comments };
        let comments: Vec<&Comment> = node.leading_comments.iter().chain(inner).collect();
        let glued = text.starts_with('\u{3000}');
        let multiline = text.contains('\n') || !comments.is_empty();
        if i > 0 && (multiline || previous_multiline) && !(glued && comments.is_empty()) {
            out.push('\n');
        }
        previous_multiline = multiline;
        if glued && comments.is_empty() && out.ends_with('\n') {
            out.pop();
        }
        for (j, c) in comments.iter().enumerate() {
            let last = j + 1 == comments.len();
            // A `--` comment ends with its own line break; nothing else may come between.
            if glued && last && !c.text.starts_with("--") {
                out.push_str(&c.text);
            } else {
                push_comment(&mut out, &c.text);
            }
        }
        out.push_str(&text);
        out.push_str(";\n");
    }
    for c in &script.trailing_comments {
        push_comment(&mut out, &c.text);
    }
    out
}

fn is_verbatim(stmt: &Statement) -> bool {
    matches!(stmt, Statement::Other(_) | Statement::Invalid(_))
}

fn push_comment(out: &mut String, text: &str) {
    out.push_str(text.trim_end_matches(['\n', '\r']));
    out.push('\n');
}

/// Formats one statement, without its `;`.
pub fn format_statement(node: &StatementNode) -> String {
    let mut f = Formatter::default();
    f.statement(&node.stmt);
    f.out
}

#[derive(Default)]
struct Formatter {
    out: String,
}

/// A name that cannot be written (it holds a backquote) loses its backquotes; only trees
/// built by hand have such names, the parser never produces one.
fn ident(i: &Ident) -> String {
    quote_identifier(&i.value).unwrap_or_else(|| format!("`{}`", i.value.replace('`', "")))
}

/// `@name`: a user variable may also be written as a string, which keeps a backquote.
fn variable(i: &Ident) -> String {
    match quote_identifier(&i.value) {
        Some(name) => format!("@{name}"),
        None => format!("@{}", quote_string_with(&i.value, '\'')),
    }
}

fn qname(q: &QualifiedName) -> String {
    q.parts.iter().map(ident).collect::<Vec<_>>().join(".")
}

fn name_or_string(n: &NameOrString) -> String {
    match n {
        NameOrString::Ident(i) => ident(i),
        NameOrString::String(s) => quote_string(&s.value),
    }
}

impl Formatter {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn statement(&mut self, stmt: &Statement) {
        match stmt {
            Statement::Backup(b) => self.backup(b),
            Statement::Restore(r) => self.restore(r),
            Statement::ShowBackup(s) => self.show_jobs("SHOW BACKUP", s),
            Statement::ShowRestore(s) => self.show_jobs("SHOW RESTORE", s),
            Statement::CancelBackup(c) => self.cancel("CANCEL BACKUP", c),
            Statement::CancelRestore(c) => self.cancel("CANCEL RESTORE", c),
            Statement::ShowSnapshot(s) => {
                self.push("SHOW SNAPSHOT ON ");
                self.push(&ident(&s.repository));
                self.predicates(&s.predicates);
            }
            Statement::DropSnapshot(d) => {
                self.push("DROP SNAPSHOT ");
                self.push(&ident(&d.snapshot));
                self.push(" ON ");
                self.push(&ident(&d.repository));
                if d.force {
                    self.push(" FORCE");
                }
            }
            Statement::CreateRepository(c) => {
                self.push("CREATE ");
                if c.read_only {
                    self.push("READ ONLY ");
                }
                self.push("REPOSITORY ");
                self.push(&ident(&c.name));
                self.push("\nWITH BROKER");
                if let Some(b) = &c.broker {
                    self.push(" ");
                    self.push(&name_or_string(b));
                }
                self.push("\nON LOCATION ");
                self.push(&quote_string(&c.location.value));
                if let Some(p) = &c.properties {
                    self.push("\n");
                    self.properties(p);
                }
            }
            Statement::DropRepository(d) => {
                self.push("DROP REPOSITORY ");
                self.push(&ident(&d.name));
            }
            Statement::ShowRepositories(s) => {
                self.push("SHOW REPOSITORIES");
                self.predicates(&s.predicates);
            }
            Statement::ShowAutomatedSnapshot => self.push("ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT"),
            Statement::SetAutomatedSnapshotOn(s) => {
                self.push("ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON");
                if let Some(i) = &s.interval {
                    self.push("\n");
                    self.push(&interval(i));
                }
                self.storage_volume(s.storage_volume.as_ref());
                if let Some(p) = &s.properties {
                    self.push("\n");
                    self.properties(p);
                }
            }
            Statement::SetAutomatedSnapshotOff => self.push("ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF"),
            Statement::AlterAutomatedSnapshot(a) => {
                self.push("ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET ");
                self.push(&interval(&a.interval));
            }
            Statement::CreateClusterSnapshot(c) => {
                self.push("CREATE CLUSTER SNAPSHOT ");
                if c.if_not_exists {
                    self.push("IF NOT EXISTS ");
                }
                self.push(&ident(&c.name));
                if let Some(comment) = &c.comment {
                    self.push("\nCOMMENT ");
                    self.push(&quote_string(&comment.value));
                }
                self.storage_volume(c.storage_volume.as_ref());
            }
            Statement::DropClusterSnapshot(d) => {
                self.push("DROP CLUSTER SNAPSHOT ");
                self.push(&ident(&d.name));
                if d.if_exists {
                    self.push(" IF EXISTS");
                }
            }
            Statement::RestoreTable(r) => {
                self.push("RESTORE TABLE ");
                self.push(&qname(&r.source));
                self.push("\nFROM SNAPSHOT ");
                self.push(&qname(&r.snapshot));
                self.push("\nTO TABLE ");
                self.push(&qname(&r.target));
                if let Some(p) = &r.properties {
                    self.push("\nWITH ");
                    self.properties(p);
                }
            }
            Statement::Other(v) | Statement::Invalid(v) => self.push(&v.text),
        }
    }

    fn storage_volume(&mut self, volume: Option<&Ident>) {
        if let Some(v) = volume {
            self.push("\nSTORAGE VOLUME ");
            self.push(&ident(v));
        }
    }

    fn catalogs(&mut self, c: &CatalogClause) {
        match c {
            CatalogClause::All { .. } => self.push("ALL EXTERNAL CATALOGS"),
            CatalogClause::List { items, .. } => {
                self.push(if items.len() == 1 { "EXTERNAL CATALOG (" } else { "EXTERNAL CATALOGS (" });
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| match &i.alias {
                        Some(a) => format!("{} AS {}", ident(&i.name), ident(a)),
                        None => ident(&i.name),
                    })
                    .collect();
                self.push(&parts.join(", "));
                self.push(")");
            }
        }
    }

    fn backup(&mut self, b: &BackupStmt) {
        self.push("BACKUP");
        if let Some(c) = &b.catalogs {
            self.push(" ");
            self.catalogs(c);
        }
        if let Some(db) = &b.database {
            self.push(" DATABASE ");
            self.push(&ident(db));
        }
        self.push(" SNAPSHOT ");
        self.push(&qname(&b.snapshot));
        self.push("\nTO ");
        self.push(&ident(&b.repository));
        self.tail(b.on.as_ref(), b.properties.as_ref());
    }

    fn restore(&mut self, r: &RestoreStmt) {
        self.push("RESTORE SNAPSHOT ");
        self.push(&qname(&r.snapshot));
        self.push("\nFROM ");
        self.push(&ident(&r.repository));
        if let Some(c) = &r.catalogs {
            self.push("\n");
            self.catalogs(c);
        }
        if let Some(d) = &r.database {
            self.push("\nDATABASE ");
            self.push(&ident(&d.name));
            if let Some(a) = &d.alias {
                self.push(" AS ");
                self.push(&ident(a));
            }
        }
        self.tail(r.on.as_ref(), r.properties.as_ref());
    }

    fn tail(&mut self, on: Option<&ObjectList>, props: Option<&Properties>) {
        if let Some(on) = on {
            self.push("\n");
            let items: Vec<String> = on.items.iter().map(object_item).collect();
            self.list("ON", &items);
        }
        if let Some(p) = props {
            self.push("\n");
            self.properties(p);
        }
    }

    /// `KEYWORD (a, b)` on one line when short, otherwise one entry per line.
    fn list(&mut self, keyword: &str, items: &[String]) {
        let inline = format!("{keyword} ({})", items.join(", "));
        if items.len() <= MAX_INLINE_ITEMS && inline.len() <= MAX_INLINE && !inline.contains('\n') {
            self.push(&inline);
        } else {
            self.push(keyword);
            self.push(" (\n");
            for (i, item) in items.iter().enumerate() {
                self.push(INDENT);
                self.push(item);
                if i + 1 < items.len() {
                    self.push(",");
                }
                self.push("\n");
            }
            self.push(")");
        }
    }

    fn properties(&mut self, p: &Properties) {
        let items: Vec<String> = p
            .entries
            .iter()
            .map(|e| format!("{} = {}", quote_string(&e.key.value), quote_string(&e.value.value)))
            .collect();
        self.list("PROPERTIES", &items);
    }

    fn show_jobs(&mut self, head: &str, s: &ShowJobsStmt) {
        self.push(head);
        if let Some(f) = &s.from {
            self.push(" FROM ");
            self.push(&ident(&f.db));
        }
        self.predicates(&s.predicates);
    }

    fn cancel(&mut self, head: &str, c: &CancelStmt) {
        self.push(head);
        match &c.target {
            Some(CancelTarget::Database(f)) => {
                self.push(" FROM ");
                self.push(&ident(&f.db));
            }
            Some(CancelTarget::ExternalCatalog { .. }) => self.push(" FOR EXTERNAL CATALOG"),
            None => {}
        }
    }

    fn predicates(&mut self, p: &ShowPredicates) {
        if let Some(w) = &p.where_clause {
            self.push(" WHERE ");
            self.push(&expr(w));
        }
        if !p.order_by.is_empty() {
            self.push(" ORDER BY ");
            let items: Vec<String> = p.order_by.iter().map(sort_item).collect();
            self.push(&items.join(", "));
        }
        if let Some(l) = &p.limit {
            self.push(" LIMIT ");
            self.push(&limit_value(&l.limit));
            if let Some(o) = &l.offset {
                self.push(" OFFSET ");
                self.push(&limit_value(o));
            }
        }
    }
}

fn object_item(item: &ObjectItem) -> String {
    match item {
        ObjectItem::All { kind, .. } => format!("ALL {}", kind.plural_keyword()),
        ObjectItem::Named(n) => {
            let mut s = String::new();
            if let Some(k) = n.kind {
                s.push_str(k.keyword());
                s.push(' ');
            }
            s.push_str(&qname(&n.name));
            match &n.partitions {
                Some(PartitionSpec::Names { temporary, names, .. }) => {
                    s.push_str(if *temporary { " TEMPORARY PARTITION (" } else { " PARTITION (" });
                    s.push_str(&names.iter().map(name_or_string).collect::<Vec<_>>().join(", "));
                    s.push(')');
                }
                Some(PartitionSpec::Keys { keys, .. }) => {
                    s.push_str(" PARTITION (");
                    let parts: Vec<String> = keys
                        .iter()
                        .map(|k| format!("{} = {}", ident(&k.column), literal(&k.value)))
                        .collect();
                    s.push_str(&parts.join(", "));
                    s.push(')');
                }
                None => {}
            }
            if let Some(a) = &n.alias {
                s.push_str(" AS ");
                s.push_str(&ident(a));
            }
            s
        }
    }
}

fn sort_item(s: &SortItem) -> String {
    let mut out = match &s.expr {
        Some(e) => expr(e),
        None => "ALL".to_string(),
    };
    match s.ordering {
        Some(Ordering::Asc) => out.push_str(" ASC"),
        Some(Ordering::Desc) => out.push_str(" DESC"),
        None => {}
    }
    match s.nulls {
        Some(NullsOrder::First) => out.push_str(" NULLS FIRST"),
        Some(NullsOrder::Last) => out.push_str(" NULLS LAST"),
        None => {}
    }
    out
}

fn limit_value(v: &LimitValue) -> String {
    match v {
        LimitValue::Number { text } => text.clone(),
        LimitValue::Parameter => "?".into(),
        LimitValue::Variable { name } => variable(name),
    }
}

fn literal(l: &Literal) -> String {
    match l {
        Literal::Null => "NULL".into(),
        Literal::Bool { value } => if *value { "TRUE" } else { "FALSE" }.into(),
        Literal::Number { text } | Literal::Binary { text } => text.clone(),
        Literal::String(s) => quote_string_with(&s.value, '\''),
        Literal::Typed { type_name, value } => {
            format!("{type_name} {}", quote_string_with(&value.value, '\''))
        }
        Literal::Parameter => "?".into(),
        Literal::Interval(i) => interval(i),
    }
}

/// `INTERVAL value UNIT`: the value is a whole expression, ended by the unit keyword.
pub fn interval(i: &Interval) -> String {
    format!("INTERVAL {} {}", expr(&i.value), i.unit.keyword())
}

// Precedence levels, loosest first; they mirror the grammar's expression layers.
const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_BOOLEAN: u8 = 4;
const P_PREDICATE: u8 = 5;
const P_BITOR: u8 = 6;
const P_BITAND: u8 = 7;
const P_ADDITIVE: u8 = 8;
const P_MULTIPLICATIVE: u8 = 9;
const P_BITXOR: u8 = 10;
const P_UNARY: u8 = 11;
const P_PRIMARY: u8 = 12;

fn binary_level(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Or => P_OR,
        BinaryOp::And => P_AND,
        o if o.is_comparison() => P_BOOLEAN,
        BinaryOp::BitOr => P_BITOR,
        BinaryOp::BitAnd => P_BITAND,
        BinaryOp::Plus | BinaryOp::Minus => P_ADDITIVE,
        BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::IntDiv => P_MULTIPLICATIVE,
        _ => P_BITXOR,
    }
}

fn level(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary { op, .. } => binary_level(*op),
        ExprKind::Unary { op: UnaryOp::Not, .. } => P_NOT,
        ExprKind::Unary { .. } => P_UNARY,
        ExprKind::IsNull { .. } => P_BOOLEAN,
        ExprKind::InList { .. } | ExprKind::Between { .. } | ExprKind::Like { .. } => P_PREDICATE,
        _ => P_PRIMARY,
    }
}

/// Writes `e` so that it parses back at precedence `min` or tighter.
fn write_operand(out: &mut String, e: &Expr, min: u8) {
    if level(e) >= min {
        write_expr(out, e);
    } else {
        out.push('(');
        write_expr(out, e);
        out.push(')');
    }
}

/// True when `e`, as written, starts with `-` (so a unary minus before it needs a space:
/// `- -x` must not become the comment `--x`).
fn starts_with_minus(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Unary { op: UnaryOp::Neg, .. } => true,
        ExprKind::Literal(Literal::Number { text } | Literal::Binary { text }) => text.starts_with('-'),
        _ => false,
    }
}

/// Formats an expression; parentheses are added only where precedence needs them.
pub fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e);
    out
}

/// Writes an expression into `out`. Chains of one binary operator level (`a OR b OR c …`,
/// left-deep as the parser builds them) and runs of prefix operators (`NOT NOT x`, `- - x`)
/// are walked in a loop, so a long chain does not recurse once per operator.
fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Literal(l) => out.push_str(&literal(l)),
        ExprKind::Column(q) => out.push_str(&qname(q)),
        ExprKind::UserVariable(i) => out.push_str(&variable(i)),
        ExprKind::SystemVariable(i) => {
            out.push_str("@@");
            out.push_str(&ident(i));
        }
        ExprKind::Function { name, distinct, star, args } => {
            // IF(…), LEFT(…), … are named by reserved words that StarRocks's grammar takes bare
            // there, with these argument counts (specialFunctionExpression, the parser's
            // `special_function`); any other call of such a name is written backquoted.
            let bare = match name.parts.as_slice() {
                [one] if !one.quoted && !*distinct && !*star => match one.value.as_str() {
                    "IF" => true,
                    "LEFT" | "RIGHT" | "LIKE" | "MOD" | "REGEXP" | "RLIKE" => args.len() == 2,
                    "CHAR" => args.len() == 1,
                    // informationFunctionExpression, kept as written.
                    v if v.eq_ignore_ascii_case("DATABASE") || v.eq_ignore_ascii_case("CATALOG") => {
                        args.is_empty()
                    }
                    _ => false,
                },
                _ => false,
            };
            out.push_str(&if bare { name.parts[0].value.clone() } else { qname(name) });
            out.push('(');
            if *star {
                out.push('*');
            } else {
                if *distinct {
                    out.push_str("DISTINCT ");
                }
                write_list(out, args);
            }
            out.push(')');
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write_expr(out, inner);
            out.push(')');
        }
        ExprKind::Field { base, field } => {
            write_expr(out, base);
            out.push('.');
            out.push_str(&ident(field));
        }
        ExprKind::Unary { .. } => {
            let mut cur = e;
            while let ExprKind::Unary { op, expr: inner } = &cur.kind {
                out.push_str(match op {
                    UnaryOp::Not => "NOT ",
                    UnaryOp::Bang => "!",
                    UnaryOp::Neg if starts_with_minus(inner) => "- ",
                    UnaryOp::Neg => "-",
                    UnaryOp::Plus => "+",
                    UnaryOp::BitNot => "~",
                });
                let min = if *op == UnaryOp::Not { P_NOT } else { P_UNARY };
                if level(inner) < min {
                    write_operand(out, inner, min);
                    return;
                }
                cur = inner;
            }
            write_expr(out, cur);
        }
        ExprKind::Binary { op, .. } => {
            // The left spine of operators of this level, outermost first.
            let l = binary_level(*op);
            let mut spine = Vec::new();
            let mut leftmost = e;
            while let ExprKind::Binary { op, left, right } = &leftmost.kind {
                if binary_level(*op) != l {
                    break;
                }
                spine.push((*op, &**right));
                leftmost = left;
            }
            write_operand(out, leftmost, l);
            for (op, right) in spine.into_iter().rev() {
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                // Comparisons: booleanExpression comparisonOperator predicate.
                let right_min = if op.is_comparison() { P_PREDICATE } else { l + 1 };
                write_operand(out, right, right_min);
            }
        }
        ExprKind::InList { expr: inner, negated, list } => {
            write_operand(out, inner, P_BITOR);
            out.push_str(if *negated { " NOT IN (" } else { " IN (" });
            write_list(out, list);
            out.push(')');
        }
        ExprKind::Between { expr: inner, negated, low, high } => {
            write_operand(out, inner, P_BITOR);
            out.push_str(if *negated { " NOT BETWEEN " } else { " BETWEEN " });
            write_operand(out, low, P_BITOR);
            out.push_str(" AND ");
            write_operand(out, high, P_PREDICATE);
        }
        ExprKind::Like { expr: inner, negated, op, pattern } => {
            write_operand(out, inner, P_BITOR);
            out.push(' ');
            if *negated {
                out.push_str("NOT ");
            }
            out.push_str(match op {
                LikeOp::Like => "LIKE ",
                LikeOp::Rlike => "RLIKE ",
                LikeOp::Regexp => "REGEXP ",
            });
            write_operand(out, pattern, P_BITOR);
        }
        ExprKind::IsNull { expr: inner, negated } => {
            write_operand(out, inner, P_BOOLEAN);
            out.push_str(if *negated { " IS NOT NULL" } else { " IS NULL" });
        }
        ExprKind::Case { operand: op, whens, else_expr } => {
            out.push_str("CASE");
            if let Some(o) = op {
                out.push(' ');
                write_expr(out, o);
            }
            for (w, t) in whens {
                out.push_str(" WHEN ");
                write_expr(out, w);
                out.push_str(" THEN ");
                write_expr(out, t);
            }
            if let Some(e) = else_expr {
                out.push_str(" ELSE ");
                write_expr(out, e);
            }
            out.push_str(" END");
        }
    }
}

/// `a, b, c`
fn write_list(out: &mut String, items: &[Expr]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, item);
    }
}

#[cfg(test)]
mod tests {
    use crate::{format, parse};

    fn fmt(s: &str) -> String {
        format(&parse(s).0)
    }

    #[test]
    fn formats_and_is_idempotent() {
        let cases = [
            "backup snapshot db1.s1 to repo1",
            "BACKUP DATABASE d SNAPSHOT s TO r ON (tables t1 partitions p1, p2, all view, materialized views mv) properties('type'='full', \"timeout\"=\"3600\")",
            "restore snapshot d.s from r on (t1 as t2) properties ('backup_timestamp'='2024-01-01-00-00-00')",
            "show backup in d where a = 1 and not b like 'x%' or c in (1, 2) order by x desc nulls last limit 1, 2",
            "create read only repository `r` with broker on location 's3a://b/p' properties ('k'='v')",
            "-- lead\nSHOW /* in */ RESTORE; select 1;",
        ];
        for c in cases {
            let once = fmt(c);
            assert_eq!(fmt(&once), once, "not idempotent for {c}:\n{once}");
            assert!(parse(&once).1.iter().all(|d| !d.is_error()), "{once}");
        }
        assert_eq!(fmt("backup snapshot db1.s1 to repo1"), "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");
    }

    #[test]
    fn blank_lines_only_around_multiline_statements() {
        // One-line statements stay together, however many there are.
        assert_eq!(
            fmt("show backup; show restore; drop repository r"),
            "SHOW BACKUP;\nSHOW RESTORE;\nDROP REPOSITORY r;\n"
        );
        assert_eq!(
            fmt("show backup; backup snapshot a.b to r; show restore; -- c\nshow backup"),
            "SHOW BACKUP;\n\nBACKUP SNAPSHOT a.b\nTO r;\n\nSHOW RESTORE;\n\n-- c\nSHOW BACKUP;\n"
        );
        assert_eq!(fmt("show backup in d where -(-1) = - -1"), "SHOW BACKUP FROM d WHERE -(-1) = - -1;\n");
    }
}
