//! Syntax-error explanations for the cluster-snapshot statements (shared-data clusters):
//! their odd clause positions (`DROP CLUSTER SNAPSHOT s IF EXISTS`, `WITH PROPERTIES` only in
//! RESTORE TABLE), the words people leave out (AUTOMATED, INTERVAL, TO, TABLE) and what each
//! statement does not take.

use super::Explainer;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::grammar::Rule;
use crate::lexer::Tok;
use crate::span::Span;

const SET_ON_ORDER: &str =
    "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [INTERVAL <n> <unit>] [STORAGE VOLUME <volume>] [PROPERTIES (…)]";
const CREATE_ORDER: &str =
    "CREATE CLUSTER SNAPSHOT [IF NOT EXISTS] <name> [COMMENT '<comment>'] [STORAGE VOLUME <volume>]";
const RESTORE_TABLE_ORDER: &str =
    "RESTORE TABLE <db>.<table> FROM SNAPSHOT <snapshot> TO TABLE <db>.<new table> [WITH PROPERTIES (…)]";

impl Explainer<'_> {
    /// The explanation of an error in a cluster-snapshot statement, when one of these cases
    /// applies; the generic explanations handle the rest.
    pub(super) fn cluster_snapshot(&self) -> Option<Diagnostic> {
        let first = self.first?;
        let second = self.kind_at(1);
        if first == Tok::RESTORE && self.at == 1 && second == Some(Tok::CLUSTER) {
            return Some(self.error(
                "SR100",
                "StarRocks has no `RESTORE CLUSTER …` statement: a whole cluster is restored from a cluster snapshot when it starts".into(),
                Some("give the snapshot in fe/conf/cluster_snapshot.yaml and start the FE with `./fe/bin/start_fe.sh --cluster_snapshot --daemon`; one table is restored with RESTORE TABLE <db>.<table> FROM SNAPSHOT <snapshot> TO TABLE <db>.<new table>".into()),
                None,
            ));
        }
        let admin_set = first == Tok::ADMIN && second == Some(Tok::SET);
        let in_family = match first {
            Tok::ADMIN => true,
            Tok::CREATE | Tok::DROP => second == Some(Tok::CLUSTER),
            Tok::RESTORE => second == Some(Tok::TABLE),
            _ => false,
        };
        if !in_family {
            return None;
        }
        let f = self.found;
        let kind = f.map(|t| t.kind);
        let next = self.kind_at(self.at + 1);
        let insert = |word: &str| {
            f.and_then(|t| {
                self.checked(Fix::single(
                    format!("insert `{word}`"),
                    Span::empty(t.span.start),
                    format!("{word} "),
                ))
            })
        };
        let order = |message: &str, help: &str| {
            Some(self.error("SR108", message.to_string(), Some(help.to_string()), None))
        };

        // DROP CLUSTER SNAPSHOT IF EXISTS s → DROP CLUSTER SNAPSHOT s IF EXISTS
        if first == Tok::DROP && kind == Some(Tok::IF) && next == Some(Tok::EXISTS) {
            let (if_, name) = (f?, self.toks.get(self.at + 2)?);
            let fix = Fix {
                message: "move IF EXISTS after the name".into(),
                edits: vec![
                    Edit { span: Span::new(if_.span.start, name.span.start), replacement: String::new() },
                    Edit { span: Span::empty(name.span.end), replacement: " IF EXISTS".into() },
                ],
            };
            return Some(self.error(
                "SR108",
                "in DROP CLUSTER SNAPSHOT, IF EXISTS comes after the snapshot name".into(),
                Some("unlike the other DROP statements: DROP CLUSTER SNAPSHOT <name> IF EXISTS".into()),
                self.checked(fix),
            ));
        }
        // CREATE CLUSTER SNAPSHOT s IF NOT EXISTS → CREATE CLUSTER SNAPSHOT IF NOT EXISTS s
        if first == Tok::CREATE && kind == Some(Tok::IF) && next == Some(Tok::NOT) {
            let (name, exists) = (self.prev?, self.toks.get(self.at + 2)?);
            let fix = Fix {
                message: "move IF NOT EXISTS before the name".into(),
                edits: vec![
                    Edit { span: Span::empty(name.span.start), replacement: "IF NOT EXISTS ".into() },
                    Edit { span: Span::new(name.span.end, exists.span.end), replacement: String::new() },
                ],
            };
            return Some(self.error(
                "SR108",
                "in CREATE CLUSTER SNAPSHOT, IF NOT EXISTS comes before the snapshot name".into(),
                Some(format!("the clauses go in this order: {CREATE_ORDER}")),
                self.checked(fix),
            ));
        }
        // RESTORE TABLE … TO TABLE t2 PROPERTIES (…) → WITH PROPERTIES
        if kind == Some(Tok::PROPERTIES)
            && (self.expects(Rule::with_properties) || (first == Tok::RESTORE && self.expects(Rule::KW_WITH)))
        {
            return Some(self.error(
                "SR110",
                "expected WITH PROPERTIES (…), found PROPERTIES without WITH".into(),
                Some("RESTORE TABLE … FROM SNAPSHOT takes its properties as WITH PROPERTIES (…)".into()),
                insert("WITH"),
            ));
        }
        // ADMIN SET … ON WITH PROPERTIES (…) → PROPERTIES (…)
        if first == Tok::ADMIN && kind == Some(Tok::WITH) && next == Some(Tok::PROPERTIES) {
            let (with, props) = (f?, self.toks.get(self.at + 1)?);
            let fix = Fix::single("remove WITH", Span::new(with.span.start, props.span.start), "");
            return Some(self.error(
                "SR110",
                "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON takes PROPERTIES (…) without WITH".into(),
                Some(format!("the clauses go in this order: {SET_ON_ORDER}")),
                self.checked(fix),
            ));
        }
        // ADMIN SET CLUSTER SNAPSHOT ON → ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON
        if first == Tok::ADMIN
            && self.expects(Rule::KW_AUTOMATED)
            && matches!(kind, Some(Tok::CLUSTER | Tok::SNAPSHOT))
        {
            let words = if kind == Some(Tok::SNAPSHOT) { "AUTOMATED CLUSTER" } else { "AUTOMATED" };
            return Some(self.error(
                "SR110",
                format!("expected {words} before {}", self.describe_found()),
                Some("the statements are ADMIN SHOW|SET|ALTER AUTOMATED CLUSTER SNAPSHOT …".into()),
                insert(words),
            ));
        }
        // ON 10 MINUTE / SET 1 HOUR → INTERVAL 10 MINUTE
        if (self.expects(Rule::KW_INTERVAL) || self.expects(Rule::interval))
            && matches!(
                kind,
                Some(
                    Tok::IntegerValue
                        | Tok::DecimalValue
                        | Tok::DoubleValue
                        | Tok::SingleQuoted
                        | Tok::DoubleQuoted
                        | Tok::Minus
                )
            )
        {
            return Some(self.error(
                "SR110",
                format!("expected INTERVAL before {}", self.describe_found()),
                Some("an interval is written INTERVAL <n> <unit>, e.g. INTERVAL 1 HOUR".into()),
                insert("INTERVAL"),
            ));
        }
        // INTERVAL = 1 HOUR
        if kind == Some(Tok::Eq) && self.prev.is_some_and(|p| p.kind == Tok::INTERVAL) {
            return Some(self.error(
                "SR110",
                "INTERVAL takes no `=`".into(),
                Some("write INTERVAL <n> <unit>, e.g. INTERVAL 1 HOUR".into()),
                self.checked(Fix::single(
                    "remove `=`",
                    self.with_leading_space(f?.span.start, f?.span.end),
                    "",
                )),
            ));
        }
        // RESTORE TABLE t FROM SNAPSHOT s TABLE t2 / … TO t2 / FROM CLUSTER SNAPSHOT
        if first == Tok::RESTORE {
            if kind == Some(Tok::TABLE) && self.expects(Rule::KW_TO) {
                return Some(self.error(
                    "SR110",
                    "expected TO TABLE <new table> after the snapshot".into(),
                    Some(format!("the clauses go in this order: {RESTORE_TABLE_ORDER}")),
                    insert("TO"),
                ));
            }
            if self.expects(Rule::KW_TABLE) && self.prev.is_some_and(|p| p.kind == Tok::TO) {
                return Some(self.error(
                    "SR110",
                    format!("expected TABLE before {}", self.describe_found()),
                    Some(format!("the clauses go in this order: {RESTORE_TABLE_ORDER}")),
                    insert("TABLE"),
                ));
            }
            if kind == Some(Tok::CLUSTER) && self.expects(Rule::KW_SNAPSHOT) {
                let (cluster, snapshot) = (f?, self.toks.get(self.at + 1)?);
                return Some(self.error(
                    "SR110",
                    "RESTORE TABLE names the snapshot as FROM SNAPSHOT <snapshot>, without CLUSTER".into(),
                    Some(format!("the clauses go in this order: {RESTORE_TABLE_ORDER}")),
                    self.checked(Fix::single(
                        "remove CLUSTER",
                        Span::new(cluster.span.start, snapshot.span.start),
                        "",
                    )),
                ));
            }
            let message = match kind {
                Some(Tok::PARTITION | Tok::PARTITIONS | Tok::TEMPORARY) if !self.seen(Tok::FROM) => {
                    "RESTORE TABLE … FROM SNAPSHOT restores one whole table: partitions cannot be chosen"
                }
                Some(Tok::Comma) if !self.seen(Tok::FROM) => {
                    "RESTORE TABLE … FROM SNAPSHOT restores one table; write one statement per table"
                }
                Some(Tok::AS) => {
                    "RESTORE TABLE … FROM SNAPSHOT names the new table with TO TABLE <db>.<new table>, not AS"
                }
                Some(Tok::TO | Tok::ON | Tok::KwReserved | Tok::KwNonReserved | Tok::LetterIdent)
                    if self.expects(Rule::KW_FROM) && !self.seen(Tok::FROM) =>
                {
                    "in RESTORE TABLE, FROM SNAPSHOT <snapshot> comes right after the table"
                }
                _ => return None,
            };
            return order(message, &format!("the clauses go in this order: {RESTORE_TABLE_ORDER}"));
        }
        // Clause order and clauses a statement does not take.
        let message = match kind {
            Some(Tok::INTERVAL) if admin_set && (self.seen(Tok::STORAGE) || self.seen(Tok::PROPERTIES)) => {
                "INTERVAL comes right after ON, before STORAGE VOLUME and PROPERTIES"
            }
            Some(Tok::STORAGE) if admin_set && self.seen(Tok::PROPERTIES) => "STORAGE VOLUME comes before PROPERTIES",
            Some(Tok::INTERVAL | Tok::STORAGE | Tok::PROPERTIES) if admin_set && self.seen(Tok::OFF) => {
                "ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF takes nothing after OFF"
            }
            Some(Tok::COMMENT) if first == Tok::CREATE && self.seen(Tok::STORAGE) => {
                "in CREATE CLUSTER SNAPSHOT, COMMENT comes before STORAGE VOLUME"
            }
            Some(Tok::STORAGE | Tok::PROPERTIES | Tok::WITH) if first == Tok::ADMIN && second == Some(Tok::ALTER) => {
                "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT only changes the interval; to use another storage volume, turn the automated snapshot OFF and ON again with STORAGE VOLUME"
            }
            Some(_) if first == Tok::ADMIN && second == Some(Tok::SHOW) && self.expects(Rule::EOI) => {
                "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT takes no WHERE, LIKE, ORDER BY or LIMIT: it returns one row"
            }
            Some(Tok::PROPERTIES | Tok::WITH) if first == Tok::CREATE => {
                "CREATE CLUSTER SNAPSHOT takes no properties: only COMMENT and STORAGE VOLUME"
            }
            _ => return None,
        };
        let help = match first {
            Tok::CREATE => format!("the clauses go in this order: {CREATE_ORDER}"),
            _ if admin_set => format!("the clauses go in this order: {SET_ON_ORDER}"),
            _ => format!("found {}", self.describe_found()),
        };
        order(message, &help)
    }
}
