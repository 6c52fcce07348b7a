//! The typed syntax tree of the BACKUP statement family.
//!
//! Every node carries the [`Span`] (byte offsets) it was parsed from. Names keep their decoded
//! value and whether they were written in backquotes. The tree is a plain value: build it by
//! hand, parse it from text, format it back.

use crate::span::Span;
use serde::Serialize;

/// A whole input: statements in source order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Script {
    /// The statements, including ones that failed to parse ([`Statement::Invalid`]).
    pub statements: Vec<StatementNode>,
    /// Comments after the last statement, verbatim.
    pub trailing_comments: Vec<Comment>,
}

/// A statement with its span and surrounding trivia.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementNode {
    /// The statement.
    pub stmt: Statement,
    /// From the first to the last token of the statement (the `;` excluded).
    pub span: Span,
    /// Comments (and hints) written before the statement, verbatim.
    pub leading_comments: Vec<Comment>,
    /// Comments (and hints) written *inside* the statement, verbatim. StarRocks ignores them;
    /// the formatter moves them above the statement so that nothing typed is lost.
    pub inner_comments: Vec<Comment>,
}

/// A comment or optimizer hint, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The comment's text including its delimiters (`-- x`, `/* x */`).
    pub text: String,
    /// Where it was.
    pub span: Span,
}

/// One statement of the family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Statement {
    /// `BACKUP …`
    Backup(BackupStmt),
    /// `RESTORE …`
    Restore(RestoreStmt),
    /// `SHOW BACKUP …`
    ShowBackup(ShowJobsStmt),
    /// `SHOW RESTORE …`
    ShowRestore(ShowJobsStmt),
    /// `CANCEL BACKUP …`
    CancelBackup(CancelStmt),
    /// `CANCEL RESTORE …`
    CancelRestore(CancelStmt),
    /// `SHOW SNAPSHOT ON repo …`
    ShowSnapshot(ShowSnapshotStmt),
    /// `DROP SNAPSHOT snap ON repo [FORCE]`
    DropSnapshot(DropSnapshotStmt),
    /// `CREATE [READ ONLY] REPOSITORY …`
    CreateRepository(CreateRepositoryStmt),
    /// `DROP REPOSITORY repo`
    DropRepository(DropRepositoryStmt),
    /// `SHOW REPOSITORIES …`
    ShowRepositories(ShowRepositoriesStmt),
    /// `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT` (shared-data)
    ShowAutomatedSnapshot,
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON …` (shared-data)
    SetAutomatedSnapshotOn(AutomatedSnapshotOnStmt),
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF` (shared-data)
    SetAutomatedSnapshotOff,
    /// `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …` (shared-data)
    AlterAutomatedSnapshot(AlterAutomatedSnapshotStmt),
    /// `CREATE CLUSTER SNAPSHOT …` (shared-data)
    CreateClusterSnapshot(CreateClusterSnapshotStmt),
    /// `DROP CLUSTER SNAPSHOT … [IF EXISTS]` (shared-data)
    DropClusterSnapshot(DropClusterSnapshotStmt),
    /// `RESTORE TABLE … FROM SNAPSHOT … TO TABLE …` (shared-data)
    RestoreTable(RestoreTableStmt),
    /// A statement StarRocks has but this family does not cover (e.g. `SELECT 1`). Kept verbatim.
    Other(VerbatimStmt),
    /// A statement that failed to parse. Kept verbatim so nothing typed is lost.
    Invalid(VerbatimStmt),
}

/// What a statement is, as one word for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum StatementKind {
    /// `BACKUP …`
    Backup,
    /// `RESTORE …`
    Restore,
    /// `SHOW BACKUP …`
    ShowBackup,
    /// `SHOW RESTORE …`
    ShowRestore,
    /// `CANCEL BACKUP …`
    CancelBackup,
    /// `CANCEL RESTORE …`
    CancelRestore,
    /// `SHOW SNAPSHOT ON …`
    ShowSnapshot,
    /// `DROP SNAPSHOT …`
    DropSnapshot,
    /// `CREATE [READ ONLY] REPOSITORY …`
    CreateRepository,
    /// `DROP REPOSITORY …`
    DropRepository,
    /// `SHOW REPOSITORIES`
    ShowRepositories,
    /// `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT`
    ShowAutomatedSnapshot,
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON …`
    SetAutomatedSnapshotOn,
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF`
    SetAutomatedSnapshotOff,
    /// `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …`
    AlterAutomatedSnapshot,
    /// `CREATE CLUSTER SNAPSHOT …`
    CreateClusterSnapshot,
    /// `DROP CLUSTER SNAPSHOT …`
    DropClusterSnapshot,
    /// `RESTORE TABLE … FROM SNAPSHOT … TO TABLE …`
    RestoreTable,
    /// A statement outside the family, kept as written.
    Other,
    /// A statement that does not parse, kept as written.
    Invalid,
}

impl Statement {
    /// True for the cluster-snapshot statements of shared-data clusters.
    pub fn is_cluster_snapshot(&self) -> bool {
        matches!(
            self,
            Statement::ShowAutomatedSnapshot
                | Statement::SetAutomatedSnapshotOn(_)
                | Statement::SetAutomatedSnapshotOff
                | Statement::AlterAutomatedSnapshot(_)
                | Statement::CreateClusterSnapshot(_)
                | Statement::DropClusterSnapshot(_)
                | Statement::RestoreTable(_)
        )
    }

    /// What the statement is.
    pub fn kind(&self) -> StatementKind {
        match self {
            Statement::Backup(_) => StatementKind::Backup,
            Statement::Restore(_) => StatementKind::Restore,
            Statement::ShowBackup(_) => StatementKind::ShowBackup,
            Statement::ShowRestore(_) => StatementKind::ShowRestore,
            Statement::CancelBackup(_) => StatementKind::CancelBackup,
            Statement::CancelRestore(_) => StatementKind::CancelRestore,
            Statement::ShowSnapshot(_) => StatementKind::ShowSnapshot,
            Statement::DropSnapshot(_) => StatementKind::DropSnapshot,
            Statement::CreateRepository(_) => StatementKind::CreateRepository,
            Statement::DropRepository(_) => StatementKind::DropRepository,
            Statement::ShowRepositories(_) => StatementKind::ShowRepositories,
            Statement::ShowAutomatedSnapshot => StatementKind::ShowAutomatedSnapshot,
            Statement::SetAutomatedSnapshotOn(_) => StatementKind::SetAutomatedSnapshotOn,
            Statement::SetAutomatedSnapshotOff => StatementKind::SetAutomatedSnapshotOff,
            Statement::AlterAutomatedSnapshot(_) => StatementKind::AlterAutomatedSnapshot,
            Statement::CreateClusterSnapshot(_) => StatementKind::CreateClusterSnapshot,
            Statement::DropClusterSnapshot(_) => StatementKind::DropClusterSnapshot,
            Statement::RestoreTable(_) => StatementKind::RestoreTable,
            Statement::Other(_) => StatementKind::Other,
            Statement::Invalid(_) => StatementKind::Invalid,
        }
    }
}

/// A statement kept as its original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbatimStmt {
    /// The statement's text, as written.
    pub text: String,
}

/// An identifier: one name part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ident {
    /// The decoded name (backquotes removed).
    pub value: String,
    /// True when written in backquotes.
    pub quoted: bool,
    /// Where it was written.
    pub span: Span,
}

impl Ident {
    /// An unquoted identifier with an empty span (for building trees by hand).
    pub fn new(value: impl Into<String>) -> Self {
        Ident { value: value.into(), quoted: false, span: Span::default() }
    }
}

/// A dotted name: `a`, `db.tbl`, `a.b.c` (the grammar allows any number of parts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualifiedName {
    /// The parts, at least one.
    pub parts: Vec<Ident>,
    /// From the first part to the last.
    pub span: Span,
}

impl QualifiedName {
    /// A name from parts, with empty spans.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(parts: I) -> Self {
        QualifiedName { parts: parts.into_iter().map(Ident::new).collect(), span: Span::default() }
    }

    /// The last part (the object's own name).
    pub fn last(&self) -> &Ident {
        self.parts.last().expect("a qualified name has at least one part")
    }

    /// The parts joined with `.` (decoded values, unquoted).
    pub fn dotted(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.parts.iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            s.push_str(&p.value);
        }
        s
    }
}

/// Which quote a string literal was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quote {
    /// `'…'`
    Single,
    /// `"…"`
    Double,
}

/// A string literal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StringLit {
    /// The decoded value (quotes removed, escapes applied as StarRocks does).
    pub value: String,
    /// The quote used.
    pub quote: Quote,
    /// Where it was written.
    pub span: Span,
}

impl StringLit {
    /// A single-quoted literal with an empty span.
    pub fn new(value: impl Into<String>) -> Self {
        StringLit { value: value.into(), quote: Quote::Single, span: Span::default() }
    }
}

/// `PROPERTIES ("k" = "v", …)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Properties {
    /// The entries in source order (duplicates kept; StarRocks keeps the last).
    pub entries: Vec<Property>,
    /// From `PROPERTIES` to `)`.
    pub span: Span,
}

impl Properties {
    /// The value StarRocks uses for `key` (the last one written; keys are case-sensitive).
    pub fn get(&self, key: &str) -> Option<&Property> {
        self.entries.iter().rev().find(|p| p.key.value == key)
    }
}

/// One `"key" = "value"` pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Property {
    /// The key.
    pub key: StringLit,
    /// The value.
    pub value: StringLit,
    /// From key to value.
    pub span: Span,
}

/// Kinds of objects an `ON (…)` list can name (and a builder plan can list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ObjectKind {
    /// `TABLE`
    Table,
    /// `MATERIALIZED VIEW`
    MaterializedView,
    /// `VIEW`
    View,
    /// `FUNCTION`
    Function,
}

impl ObjectKind {
    /// Every kind, in the order the UI lists them.
    pub const ALL: [ObjectKind; 4] =
        [ObjectKind::Table, ObjectKind::MaterializedView, ObjectKind::View, ObjectKind::Function];

    /// True for tables, views and materialized views: StarRocks keeps them in one namespace
    /// (a view and a table cannot share a name in one `ON` list).
    pub fn is_relation(self) -> bool {
        self != ObjectKind::Function
    }

    /// The singular keyword(s).
    pub fn keyword(self) -> &'static str {
        match self {
            ObjectKind::Table => "TABLE",
            ObjectKind::MaterializedView => "MATERIALIZED VIEW",
            ObjectKind::View => "VIEW",
            ObjectKind::Function => "FUNCTION",
        }
    }

    /// The plural keyword(s).
    pub fn plural_keyword(self) -> &'static str {
        match self {
            ObjectKind::Table => "TABLES",
            ObjectKind::MaterializedView => "MATERIALIZED VIEWS",
            ObjectKind::View => "VIEWS",
            ObjectKind::Function => "FUNCTIONS",
        }
    }

    /// Lower-case words for messages: "table", "materialized view", …
    pub fn noun(self) -> &'static str {
        match self {
            ObjectKind::Table => "table",
            ObjectKind::MaterializedView => "materialized view",
            ObjectKind::View => "view",
            ObjectKind::Function => "function",
        }
    }
}

/// `ON ( item, … )`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectList {
    /// The items in source order.
    pub items: Vec<ObjectItem>,
    /// From `ON` to `)`.
    pub span: Span,
}

/// One item of an `ON (…)` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum ObjectItem {
    /// `ALL TABLES`, `ALL VIEW`, … (singular and plural mean the same).
    All {
        /// Which kind.
        kind: ObjectKind,
        /// Where.
        span: Span,
    },
    /// A named object, typed (`TABLE t`, `VIEW v`, …) or bare (`t`, a table).
    Named(NamedObject),
}

impl ObjectItem {
    /// The item's span.
    pub fn span(&self) -> Span {
        match self {
            ObjectItem::All { span, .. } => *span,
            ObjectItem::Named(n) => n.span,
        }
    }
}

/// A named object in an `ON (…)` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedObject {
    /// The kind from the item's keyword; `None` for a bare name (treated as a table).
    pub kind: Option<ObjectKind>,
    /// The object's name (StarRocks ignores a database qualifier on BACKUP items).
    pub name: QualifiedName,
    /// Partitions (tables and bare names only).
    pub partitions: Option<PartitionSpec>,
    /// `AS alias` (only valid in RESTORE).
    pub alias: Option<Ident>,
    /// The whole item.
    pub span: Span,
}

impl NamedObject {
    /// The kind StarRocks uses: bare names are tables.
    pub fn effective_kind(&self) -> ObjectKind {
        self.kind.unwrap_or(ObjectKind::Table)
    }
}

/// A partition name: an identifier or (for compatibility) a string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum NameOrString {
    /// An identifier.
    Ident(Ident),
    /// A string literal.
    String(StringLit),
}

impl NameOrString {
    /// The decoded text.
    pub fn value(&self) -> &str {
        match self {
            NameOrString::Ident(i) => &i.value,
            NameOrString::String(s) => &s.value,
        }
    }

    /// Where it was written.
    pub fn span(&self) -> Span {
        match self {
            NameOrString::Ident(i) => i.span,
            NameOrString::String(s) => s.span,
        }
    }
}

/// Partitions of a table item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum PartitionSpec {
    /// `[TEMPORARY] PARTITION(S) (p1, p2)` or without parentheses.
    Names {
        /// `TEMPORARY` was written.
        temporary: bool,
        /// The names (at least one).
        names: Vec<NameOrString>,
        /// The whole clause.
        span: Span,
    },
    /// `PARTITION (col = value, …)`.
    Keys {
        /// The pairs (at least one).
        keys: Vec<KeyPartition>,
        /// The whole clause.
        span: Span,
    },
}

impl PartitionSpec {
    /// The clause's span.
    pub fn span(&self) -> Span {
        match self {
            PartitionSpec::Names { span, .. } | PartitionSpec::Keys { span, .. } => *span,
        }
    }
}

/// `col = literal` inside a key partition clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyPartition {
    /// The partition column.
    pub column: Ident,
    /// Its value.
    pub value: Literal,
    /// The pair.
    pub span: Span,
}

/// The external-catalog clause of BACKUP and RESTORE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum CatalogClause {
    /// `ALL EXTERNAL CATALOGS`
    All {
        /// Where.
        span: Span,
    },
    /// `EXTERNAL CATALOG(S) (c1 [AS a1], …)` (aliases only in RESTORE).
    List {
        /// The catalogs.
        items: Vec<CatalogItem>,
        /// Where.
        span: Span,
    },
}

impl CatalogClause {
    /// The clause's span.
    pub fn span(&self) -> Span {
        match self {
            CatalogClause::All { span } | CatalogClause::List { span, .. } => *span,
        }
    }
}

/// One catalog in an external-catalog list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogItem {
    /// The catalog.
    pub name: Ident,
    /// `AS alias` (RESTORE only).
    pub alias: Option<Ident>,
    /// The item.
    pub span: Span,
}

/// `BACKUP [catalogs] [DATABASE db] SNAPSHOT name TO repo [ON (…)] [PROPERTIES (…)]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupStmt {
    /// External catalogs (3.4+).
    pub catalogs: Option<CatalogClause>,
    /// `DATABASE db` (3.4+).
    pub database: Option<Ident>,
    /// The snapshot name; `db.snap` in the pre-3.4 form.
    pub snapshot: QualifiedName,
    /// The repository.
    pub repository: Ident,
    /// The object list.
    pub on: Option<ObjectList>,
    /// Job properties.
    pub properties: Option<Properties>,
}

/// `DATABASE db [AS new]` in RESTORE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatabaseClause {
    /// The database in the snapshot.
    pub name: Ident,
    /// The database to restore into.
    pub alias: Option<Ident>,
    /// Where.
    pub span: Span,
}

/// `RESTORE SNAPSHOT name FROM repo [catalogs] [DATABASE db [AS new]] [ON (…)] [PROPERTIES (…)]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreStmt {
    /// The snapshot name; `db.snap` in the pre-3.4 form.
    pub snapshot: QualifiedName,
    /// The repository.
    pub repository: Ident,
    /// External catalogs (3.4+).
    pub catalogs: Option<CatalogClause>,
    /// `DATABASE db [AS new]` (3.4+).
    pub database: Option<DatabaseClause>,
    /// The object list.
    pub on: Option<ObjectList>,
    /// Job properties.
    pub properties: Option<Properties>,
}

/// `FROM db` or `IN db`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FromDb {
    /// True when written as `IN`.
    pub in_keyword: bool,
    /// The database.
    pub db: Ident,
}

/// `SHOW BACKUP` / `SHOW RESTORE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowJobsStmt {
    /// `FROM db` / `IN db`.
    pub from: Option<FromDb>,
    /// WHERE, ORDER BY, LIMIT.
    pub predicates: ShowPredicates,
}

/// What a CANCEL targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "target", rename_all = "snake_case")]
pub enum CancelTarget {
    /// `FROM db` / `IN db`.
    Database(FromDb),
    /// `FOR EXTERNAL CATALOG`.
    ExternalCatalog {
        /// Where.
        span: Span,
    },
}

/// `CANCEL BACKUP` / `CANCEL RESTORE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CancelStmt {
    /// What to cancel; `None` is rejected by StarRocks.
    pub target: Option<CancelTarget>,
}

/// `SHOW SNAPSHOT ON repo [WHERE …] [ORDER BY …] [LIMIT …]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowSnapshotStmt {
    /// The repository.
    pub repository: Ident,
    /// WHERE, ORDER BY, LIMIT.
    pub predicates: ShowPredicates,
}

/// `DROP SNAPSHOT snap ON repo [FORCE]` (4.2+).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropSnapshotStmt {
    /// The snapshot.
    pub snapshot: Ident,
    /// The repository.
    pub repository: Ident,
    /// `FORCE` was written.
    pub force: bool,
}

/// `CREATE [READ ONLY] REPOSITORY name WITH BROKER [broker] ON LOCATION 'loc' [PROPERTIES (…)]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateRepositoryStmt {
    /// `READ ONLY` was written.
    pub read_only: bool,
    /// The repository name.
    pub name: Ident,
    /// The broker name, if written.
    pub broker: Option<NameOrString>,
    /// The location.
    pub location: StringLit,
    /// Properties.
    pub properties: Option<Properties>,
}

/// `DROP REPOSITORY name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropRepositoryStmt {
    /// The repository.
    pub name: Ident,
}

/// `SHOW REPOSITORIES [WHERE …] [ORDER BY …] [LIMIT …]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowRepositoriesStmt {
    /// WHERE, ORDER BY, LIMIT.
    pub predicates: ShowPredicates,
}

/// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [INTERVAL n unit] [STORAGE VOLUME sv] [PROPERTIES (…)]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct AutomatedSnapshotOnStmt {
    /// How often a snapshot is taken (4.0.5+); without it the FE setting
    /// `automated_cluster_snapshot_interval_seconds` decides.
    pub interval: Option<Interval>,
    /// Where the snapshots go; StarRocks uses `builtin_storage_volume` when it is left out.
    pub storage_volume: Option<Ident>,
    /// Properties (`snapshot_scope`).
    pub properties: Option<Properties>,
}

/// `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL n unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlterAutomatedSnapshotStmt {
    /// The new interval.
    pub interval: Interval,
}

/// `CREATE CLUSTER SNAPSHOT [IF NOT EXISTS] name [COMMENT '…'] [STORAGE VOLUME sv]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreateClusterSnapshotStmt {
    /// `IF NOT EXISTS` was written.
    pub if_not_exists: bool,
    /// The snapshot's name.
    pub name: Ident,
    /// `COMMENT '…'`.
    pub comment: Option<StringLit>,
    /// `STORAGE VOLUME sv`; StarRocks uses `builtin_storage_volume` when it is left out.
    pub storage_volume: Option<Ident>,
}

/// `DROP CLUSTER SNAPSHOT name [IF EXISTS]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropClusterSnapshotStmt {
    /// The snapshot's name.
    pub name: Ident,
    /// `IF EXISTS` was written (after the name).
    pub if_exists: bool,
}

/// `RESTORE TABLE source FROM SNAPSHOT snapshot TO TABLE target [WITH PROPERTIES (…)]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreTableStmt {
    /// The table in the snapshot (`[catalog.]db.table`; the session's database when unqualified).
    pub source: QualifiedName,
    /// The cluster snapshot.
    pub snapshot: QualifiedName,
    /// The new table; it must not exist.
    pub target: QualifiedName,
    /// `WITH PROPERTIES (…)`.
    pub properties: Option<Properties>,
}

/// `INTERVAL value unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// The value (StarRocks's grammar takes any expression; its analyzer wants an integer).
    pub value: Box<Expr>,
    /// The unit.
    pub unit: IntervalUnit,
    /// Where the unit was written.
    pub unit_span: Span,
    /// From `INTERVAL` to the unit.
    pub span: Span,
}

/// The units of StarRocks's `unitIdentifier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum IntervalUnit {
    /// `YEAR`
    Year,
    /// `QUARTER`
    Quarter,
    /// `MONTH`
    Month,
    /// `WEEK`
    Week,
    /// `DAY`
    Day,
    /// `HOUR`
    Hour,
    /// `MINUTE`
    Minute,
    /// `SECOND`
    Second,
    /// `MILLISECOND`
    Millisecond,
    /// `MICROSECOND`
    Microsecond,
}

impl IntervalUnit {
    /// Every unit, longest first.
    pub const ALL: [IntervalUnit; 10] = [
        IntervalUnit::Year,
        IntervalUnit::Quarter,
        IntervalUnit::Month,
        IntervalUnit::Week,
        IntervalUnit::Day,
        IntervalUnit::Hour,
        IntervalUnit::Minute,
        IntervalUnit::Second,
        IntervalUnit::Millisecond,
        IntervalUnit::Microsecond,
    ];

    /// The keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            IntervalUnit::Year => "YEAR",
            IntervalUnit::Quarter => "QUARTER",
            IntervalUnit::Month => "MONTH",
            IntervalUnit::Week => "WEEK",
            IntervalUnit::Day => "DAY",
            IntervalUnit::Hour => "HOUR",
            IntervalUnit::Minute => "MINUTE",
            IntervalUnit::Second => "SECOND",
            IntervalUnit::Millisecond => "MILLISECOND",
            IntervalUnit::Microsecond => "MICROSECOND",
        }
    }

    /// Seconds per unit for the units automated cluster snapshots accept (SECOND, MINUTE,
    /// HOUR, DAY, WEEK); `None` for the others, which StarRocks's analyzer refuses there.
    pub fn snapshot_seconds(self) -> Option<u64> {
        match self {
            IntervalUnit::Second => Some(1),
            IntervalUnit::Minute => Some(60),
            IntervalUnit::Hour => Some(3_600),
            IntervalUnit::Day => Some(86_400),
            IntervalUnit::Week => Some(604_800),
            _ => None,
        }
    }
}

/// `[WHERE expr] [ORDER BY item, …] [LIMIT …]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ShowPredicates {
    /// The WHERE expression.
    pub where_clause: Option<Expr>,
    /// ORDER BY items.
    pub order_by: Vec<SortItem>,
    /// LIMIT.
    pub limit: Option<Limit>,
}

/// Ordering direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ordering {
    /// ASC
    Asc,
    /// DESC
    Desc,
}

/// `NULLS FIRST` / `NULLS LAST`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NullsOrder {
    /// NULLS FIRST
    First,
    /// NULLS LAST
    Last,
}

/// One ORDER BY item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SortItem {
    /// The expression; `None` for `ALL`.
    pub expr: Option<Expr>,
    /// ASC/DESC.
    pub ordering: Option<Ordering>,
    /// NULLS FIRST/LAST.
    pub nulls: Option<NullsOrder>,
    /// Where.
    pub span: Span,
}

/// A LIMIT value: a number, `?` or a user variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum LimitValue {
    /// An integer literal (kept as written; it may exceed 64 bits).
    Number {
        /// Digits.
        text: String,
    },
    /// `?`
    Parameter,
    /// `@name`
    Variable {
        /// The variable.
        name: Ident,
    },
}

/// `LIMIT n [OFFSET m]` or `LIMIT m, n`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Limit {
    /// Row count.
    pub limit: LimitValue,
    /// Rows skipped.
    pub offset: Option<LimitValue>,
    /// Where.
    pub span: Span,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "literal", rename_all = "snake_case")]
pub enum Literal {
    /// `NULL`
    Null,
    /// `TRUE` / `FALSE`
    Bool {
        /// The value.
        value: bool,
    },
    /// A number, as written (integer, decimal or double).
    Number {
        /// The digits as written.
        text: String,
    },
    /// A string.
    String(StringLit),
    /// `DATE '…'` / `DATETIME '…'`.
    Typed {
        /// `DATE` or `DATETIME`.
        type_name: String,
        /// The value.
        value: StringLit,
    },
    /// `x'…'` binary literal, as written.
    Binary {
        /// The text as written.
        text: String,
    },
    /// `?`
    Parameter,
    /// `INTERVAL value unit`.
    Interval(Interval),
}

/// Binary operators, in the spelling the formatter prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryOp {
    /// `OR` (also `||`)
    Or,
    /// `AND` (also `&&`)
    And,
    /// `=`
    Eq,
    /// `<>` / `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtEq,
    /// `>`
    Gt,
    /// `>=`
    GtEq,
    /// `<=>`
    NullSafeEq,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `DIV`
    IntDiv,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
}

impl BinaryOp {
    /// The canonical spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Or => "OR",
            BinaryOp::And => "AND",
            BinaryOp::Eq => "=",
            BinaryOp::NotEq => "<>",
            BinaryOp::Lt => "<",
            BinaryOp::LtEq => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::GtEq => ">=",
            BinaryOp::NullSafeEq => "<=>",
            BinaryOp::Plus => "+",
            BinaryOp::Minus => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Mod => "%",
            BinaryOp::IntDiv => "DIV",
            BinaryOp::BitAnd => "&",
            BinaryOp::BitOr => "|",
            BinaryOp::BitXor => "^",
        }
    }

    /// True for `=`, `<>`, `<`, `<=`, `>`, `>=`, `<=>`.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinaryOp::Eq
                | BinaryOp::NotEq
                | BinaryOp::Lt
                | BinaryOp::LtEq
                | BinaryOp::Gt
                | BinaryOp::GtEq
                | BinaryOp::NullSafeEq
        )
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnaryOp {
    /// `NOT`
    Not,
    /// `!`: like NOT, but binds as tightly as unary minus.
    Bang,
    /// `-`
    Neg,
    /// `+`
    Plus,
    /// `~`
    BitNot,
}

/// `LIKE`, `RLIKE`, `REGEXP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LikeOp {
    /// LIKE
    Like,
    /// RLIKE
    Rlike,
    /// REGEXP
    Regexp,
}

/// A SQL expression (the subset StarRocks's SHOW predicates use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
}

/// Expression forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "node", rename_all = "snake_case")]
pub enum ExprKind {
    /// A literal.
    Literal(Literal),
    /// A column reference (possibly qualified).
    Column(QualifiedName),
    /// `@var`
    UserVariable(Ident),
    /// `@@var`
    SystemVariable(Ident),
    /// `f(args)`, `f(*)`, `f(DISTINCT a)`.
    Function {
        /// The function name.
        name: QualifiedName,
        /// `DISTINCT` was written.
        distinct: bool,
        /// `*` as the only argument.
        star: bool,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// `( expr )`
    Paren(Box<Expr>),
    /// `expr.field`: a field of a primary that is not a plain column (`(a).b`, `f(x).y`).
    Field {
        /// What the field is read from.
        base: Box<Expr>,
        /// The field's name.
        field: Ident,
    },
    /// `op expr`
    Unary {
        /// Operator.
        op: UnaryOp,
        /// Operand.
        expr: Box<Expr>,
    },
    /// `left op right`
    Binary {
        /// Operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `expr [NOT] IN (list)`
    InList {
        /// Tested value.
        expr: Box<Expr>,
        /// `NOT IN`.
        negated: bool,
        /// The list (at least one).
        list: Vec<Expr>,
    },
    /// `expr [NOT] BETWEEN low AND high`
    Between {
        /// Tested value.
        expr: Box<Expr>,
        /// `NOT BETWEEN`.
        negated: bool,
        /// Lower bound.
        low: Box<Expr>,
        /// Upper bound.
        high: Box<Expr>,
    },
    /// `expr [NOT] LIKE pattern`
    Like {
        /// Tested value.
        expr: Box<Expr>,
        /// `NOT LIKE`.
        negated: bool,
        /// Which operator.
        op: LikeOp,
        /// The pattern.
        pattern: Box<Expr>,
    },
    /// `expr IS [NOT] NULL`
    IsNull {
        /// Tested value.
        expr: Box<Expr>,
        /// `IS NOT NULL`.
        negated: bool,
    },
    /// `CASE [operand] WHEN … THEN … [ELSE …] END`
    Case {
        /// `CASE x WHEN …` operand.
        operand: Option<Box<Expr>>,
        /// WHEN/THEN pairs.
        whens: Vec<(Expr, Expr)>,
        /// ELSE.
        else_expr: Option<Box<Expr>>,
    },
}
