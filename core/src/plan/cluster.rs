//! The builder model of the cluster-snapshot statements, which shared-data clusters use
//! instead of BACKUP and RESTORE.
//!
//! A [`ClusterSnapshotPlan`] is a form: the statement to write ([`ClusterSnapshotAction`]) and
//! every field any of the seven statements takes. Switching the action keeps what was typed;
//! [`ClusterSnapshotPlan::to_sql`] writes the fields the action uses and ignores the others.

use super::model::{NameRole, PlanError, PlanOptions, Property, TypedProperties};
use crate::ast::{self, Ident, IntervalUnit, QualifiedName, Statement, StringLit};
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};

/// Which cluster-snapshot statement a [`ClusterSnapshotPlan`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ClusterSnapshotAction {
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON [INTERVAL …] [STORAGE VOLUME …] [PROPERTIES (…)]`
    #[default]
    AutomatedOn,
    /// `ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF`
    AutomatedOff,
    /// `ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL …`
    AlterInterval,
    /// `ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT`
    ShowAutomated,
    /// `CREATE CLUSTER SNAPSHOT [IF NOT EXISTS] name [COMMENT '…'] [STORAGE VOLUME …]`
    Create,
    /// `DROP CLUSTER SNAPSHOT name [IF EXISTS]`
    Drop,
    /// `RESTORE TABLE db.t FROM SNAPSHOT s TO TABLE db.t2 [WITH PROPERTIES (…)]`
    RestoreTable,
}

impl ClusterSnapshotAction {
    /// Every action, in the order a builder offers them.
    pub const ALL: [ClusterSnapshotAction; 7] = [
        ClusterSnapshotAction::AutomatedOn,
        ClusterSnapshotAction::AutomatedOff,
        ClusterSnapshotAction::AlterInterval,
        ClusterSnapshotAction::ShowAutomated,
        ClusterSnapshotAction::Create,
        ClusterSnapshotAction::Drop,
        ClusterSnapshotAction::RestoreTable,
    ];
}

/// `INTERVAL value unit` as the builder holds it: a whole number and a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SnapshotInterval {
    /// How many units (StarRocks wants at least 1).
    pub value: u64,
    /// The unit (automated snapshots accept SECOND, MINUTE, HOUR, DAY and WEEK).
    pub unit: IntervalUnit,
}

/// A table of RESTORE TABLE: `[database.]table`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TableName {
    /// The database; `None` uses the session's.
    #[serde(default)]
    pub database: Option<String>,
    /// The table.
    pub table: String,
}

/// A cluster-snapshot statement as a form (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ClusterSnapshotPlan {
    /// The statement to write.
    pub action: ClusterSnapshotAction,
    /// AutomatedOn (optional) and AlterInterval (required): how often.
    #[serde(default)]
    pub interval: Option<SnapshotInterval>,
    /// AutomatedOn and Create: where the snapshots go (`builtin_storage_volume` when `None`).
    #[serde(default)]
    pub storage_volume: Option<String>,
    /// AutomatedOn (`PROPERTIES`) and RestoreTable (`WITH PROPERTIES`).
    #[serde(default)]
    pub properties: Vec<Property>,
    /// Create and Drop: the snapshot's name; RestoreTable: the snapshot to restore from.
    #[serde(default)]
    pub snapshot: String,
    /// Create: `IF NOT EXISTS`; Drop: `IF EXISTS`.
    #[serde(default)]
    pub if_exists: bool,
    /// Create: `COMMENT '…'`.
    #[serde(default)]
    pub comment: Option<String>,
    /// RestoreTable: the table in the snapshot.
    #[serde(default)]
    pub source: TableName,
    /// RestoreTable: the new table.
    #[serde(default)]
    pub target: TableName,
    /// What the plan is built for.
    #[serde(default)]
    pub options: PlanOptions,
}

fn ident(value: &str) -> Ident {
    Ident::new(value)
}

fn name(value: &str, role: NameRole) -> Result<Ident, PlanError> {
    if value.trim().is_empty() {
        return Err(PlanError::EmptyName { role });
    }
    written(value, role)
}

/// A name as written, empty ones included: StarRocks's grammar takes `` `` `` for a cluster
/// snapshot or a table (its analyzer then says what it thinks of it), so a plan loaded from
/// such a statement writes it back.
fn written(value: &str, role: NameRole) -> Result<Ident, PlanError> {
    if value.contains('`') {
        return Err(PlanError::UnrepresentableName { role, name: value.to_string() });
    }
    Ok(ident(value))
}

fn table(t: &TableName) -> Result<QualifiedName, PlanError> {
    let mut parts = Vec::new();
    if let Some(db) = t.database.as_deref().filter(|d| !d.trim().is_empty()) {
        parts.push(name(db, NameRole::Database)?);
    }
    parts.push(written(&t.table, NameRole::Object)?);
    Ok(QualifiedName { parts, span: Default::default() })
}

/// The properties as written (StarRocks keeps the last of a repeated key, so a form that
/// repeats one is refused rather than written ambiguously).
fn properties(list: &Vec<Property>) -> Result<Option<ast::Properties>, PlanError> {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    if let Some(p) = list.iter().find(|p| seen.insert(p.key.clone(), 0).is_some()) {
        return Err(PlanError::DuplicateProperty { key: p.key.clone() });
    }
    Ok(super::to_sql::properties(list))
}

/// The cluster-snapshot statements have no typed properties: every key is kept verbatim, so
/// the BACKUP and RESTORE plans' loader and writer serve them too.
impl TypedProperties for Vec<Property> {
    fn assign(&mut self, _: &str, _: &str) -> Option<Result<(), PlanError>> {
        None
    }
    fn clear(&mut self, _: &str) -> bool {
        false
    }
    fn typed_entries(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    fn extra(&self) -> &Vec<Property> {
        self
    }
    fn extra_mut(&mut self) -> &mut Vec<Property> {
        self
    }
}

fn interval(i: SnapshotInterval) -> ast::Interval {
    let value = ast::Expr {
        kind: ast::ExprKind::Literal(ast::Literal::Number { text: i.value.to_string() }),
        span: Default::default(),
    };
    ast::Interval {
        value: Box::new(value),
        unit: i.unit,
        unit_span: Default::default(),
        span: Default::default(),
    }
}

fn volume(v: &Option<String>) -> Result<Option<Ident>, PlanError> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(_) => name(v.as_deref().unwrap_or_default(), NameRole::StorageVolume).map(Some),
    }
}

impl ClusterSnapshotPlan {
    /// A plan of `action` with every field empty.
    pub fn new(action: ClusterSnapshotAction, options: PlanOptions) -> Self {
        ClusterSnapshotPlan { action, options, ..Default::default() }
    }

    /// The statement the plan writes.
    pub fn to_statement(&self) -> Result<Statement, PlanError> {
        use ClusterSnapshotAction as A;
        Ok(match self.action {
            A::ShowAutomated => Statement::ShowAutomatedSnapshot,
            A::AutomatedOff => Statement::SetAutomatedSnapshotOff,
            A::AutomatedOn => Statement::SetAutomatedSnapshotOn(ast::AutomatedSnapshotOnStmt {
                interval: self.interval.map(interval),
                storage_volume: volume(&self.storage_volume)?,
                properties: properties(&self.properties)?,
            }),
            A::AlterInterval => Statement::AlterAutomatedSnapshot(ast::AlterAutomatedSnapshotStmt {
                interval: interval(self.interval.ok_or(PlanError::MissingInterval)?),
            }),
            A::Create => Statement::CreateClusterSnapshot(ast::CreateClusterSnapshotStmt {
                if_not_exists: self.if_exists,
                name: written(&self.snapshot, NameRole::Snapshot)?,
                comment: self.comment.as_ref().filter(|c| !c.is_empty()).map(|c| StringLit::new(c.clone())),
                storage_volume: volume(&self.storage_volume)?,
            }),
            A::Drop => Statement::DropClusterSnapshot(ast::DropClusterSnapshotStmt {
                name: written(&self.snapshot, NameRole::Snapshot)?,
                if_exists: self.if_exists,
            }),
            A::RestoreTable => Statement::RestoreTable(ast::RestoreTableStmt {
                source: table(&self.source)?,
                snapshot: QualifiedName {
                    parts: vec![written(&self.snapshot, NameRole::Snapshot)?],
                    span: Default::default(),
                },
                target: table(&self.target)?,
                properties: properties(&self.properties)?,
            }),
        })
    }

    /// Writes the plan as SQL with the canonical formatter, ending with `;` and a newline.
    pub fn to_sql(&self) -> Result<String, PlanError> {
        let stmt = self.to_statement()?;
        let node = ast::StatementNode {
            stmt,
            span: Default::default(),
            leading_comments: Vec::new(),
            inner_comments: Vec::new(),
        };
        Ok(format!("{};\n", crate::format::format_statement(&node)))
    }

    /// Builds a plan from a parsed cluster-snapshot statement, with the diagnostics (`SR810`)
    /// about what it could not hold; `None` for any other statement.
    pub fn from_ast(
        stmt: &Statement,
        options: PlanOptions,
    ) -> Option<(ClusterSnapshotPlan, Vec<Diagnostic>)> {
        use ClusterSnapshotAction as A;
        let mut plan = ClusterSnapshotPlan { options, ..Default::default() };
        let mut lost = Vec::new();
        match stmt {
            Statement::ShowAutomatedSnapshot => plan.action = A::ShowAutomated,
            Statement::SetAutomatedSnapshotOff => plan.action = A::AutomatedOff,
            Statement::SetAutomatedSnapshotOn(s) => {
                plan.action = A::AutomatedOn;
                if let Some(i) = &s.interval {
                    take_interval(i, &mut plan, &mut lost);
                }
                plan.storage_volume = s.storage_volume.as_ref().map(|v| v.value.clone());
                plan.properties = super::from_sql::properties(s.properties.as_ref(), &mut lost);
            }
            Statement::AlterAutomatedSnapshot(a) => {
                plan.action = A::AlterInterval;
                take_interval(&a.interval, &mut plan, &mut lost);
            }
            Statement::CreateClusterSnapshot(c) => {
                plan.action = A::Create;
                plan.if_exists = c.if_not_exists;
                plan.snapshot = c.name.value.clone();
                plan.comment = c.comment.as_ref().map(|s| s.value.clone());
                plan.storage_volume = c.storage_volume.as_ref().map(|v| v.value.clone());
            }
            Statement::DropClusterSnapshot(d) => {
                plan.action = A::Drop;
                plan.if_exists = d.if_exists;
                plan.snapshot = d.name.value.clone();
            }
            Statement::RestoreTable(r) => {
                plan.action = A::RestoreTable;
                let mut name_of = |q: &QualifiedName, what: &str| {
                    if q.parts.len() > 2 {
                        lost.push(
                            super::diagnostic("SR810", format!("the builder holds the {what} as <database>.<table>; this name has more parts and is kept only in the SQL"), q.span),
                        );
                    }
                    let n = q.parts.len();
                    TableName {
                        database: (n >= 2).then(|| q.parts[n - 2].value.clone()),
                        table: q.last().value.clone(),
                    }
                };
                plan.source = name_of(&r.source, "table to restore");
                plan.target = name_of(&r.target, "new table");
                if r.snapshot.parts.len() > 1 {
                    lost.push(super::diagnostic(
                        "SR810",
                        "the builder holds a snapshot name of one part; this one is kept only in the SQL",
                        r.snapshot.span,
                    ));
                }
                plan.snapshot = r.snapshot.last().value.clone();
                plan.properties = super::from_sql::properties(r.properties.as_ref(), &mut lost);
            }
            _ => return None,
        }
        Some((plan, lost))
    }
}

fn take_interval(i: &ast::Interval, plan: &mut ClusterSnapshotPlan, lost: &mut Vec<Diagnostic>) {
    let value = match &i.value.kind {
        ast::ExprKind::Literal(ast::Literal::Number { text }) => text.parse::<u64>().ok(),
        _ => None,
    };
    match value {
        Some(value) => plan.interval = Some(SnapshotInterval { value, unit: i.unit }),
        None => lost.push(
            super::diagnostic(
                "SR810",
                "the builder holds an interval that is a whole number; this one is kept only in the SQL",
                i.value.span,
            )
            .with_help("write a plain number such as INTERVAL 30 MINUTE to edit it in the builder"),
        ),
    }
}
