//! The builder model: a structured backup plan ⇄ SQL, syntax conversion and companion statements.
//!
//! A [`BackupPlan`] (or [`RestorePlan`]) is a BACKUP (RESTORE) statement as plain,
//! serde-serialisable structure: database, snapshot, repository, the syntax to write
//! ([`Syntax::Pre34`] or [`Syntax::V34`]), the objects of the `ON (…)` list, external
//! catalogs, properties, and the [`PlanOptions`] it is built for.
//!
//! * **Editing.** The methods (`add_object`, `move_object`, `set_all`, `set_partitions`, …)
//!   keep a plan valid for its syntax and target version, or return a [`PlanError`] saying
//!   why not. `validate()` lists what StarRocks would object to in a plan loaded from SQL
//!   or JSON.
//! * **plan → SQL.** `to_sql()` builds an [`crate::ast::Statement`] and writes it with the
//!   canonical formatter, in the plan's syntax.
//! * **SQL → plan.** [`BackupPlan::from_sql`], [`RestorePlan::from_sql`] and [`load`] take any
//!   statement the grammar accepts. What a plan cannot hold is reported as a diagnostic of
//!   the `SR8xx` series ([`PLAN_RULES`]); nothing is dropped silently.
//! * **Conversion.** `convert(Syntax)` rewrites a plan between the pre-3.4 and the 3.4+
//!   syntax, or lists every reason it cannot; [`convert_sql`] does it on text.
//! * **Companions.** [`BackupPlan::companions`] gives the matching RESTORE, CREATE REPOSITORY
//!   templates, SHOW BACKUP, CANCEL BACKUP and SHOW SNAPSHOT.
//!
//! Every operation is linear in the size of the plan.
//!
//! ```
//! use starrocks_backup_sql::plan::{BackupPlan, PlanObject, PlanOptions, Syntax};
//!
//! let mut plan = BackupPlan::new("sales", "nightly", "s3_repo", PlanOptions::default()).unwrap();
//! plan.add_object(PlanObject::table("orders").with_partitions(["p202401"])).unwrap();
//! plan.add_object(PlanObject::view("v_orders")).unwrap();
//! assert_eq!(
//!     plan.to_sql().unwrap(),
//!     "BACKUP DATABASE sales SNAPSHOT nightly\nTO s3_repo\nON (TABLE orders PARTITION (p202401), VIEW v_orders);\n"
//! );
//! // Views need the 3.4 syntax:
//! assert!(plan.convert(Syntax::Pre34).is_err());
//! ```

mod backup;
mod cluster;
mod common;
mod companions;
mod convert;
mod edit;
mod from_sql;
mod model;
mod parts;
mod restore;
mod to_sql;

pub use backup::{BackupCatalogs, BackupPlan, BackupProperties, BackupType};
pub use cluster::{ClusterSnapshotAction, ClusterSnapshotPlan, SnapshotInterval, TableName};
pub use companions::{
    Companion, CompanionKind, Companions, RepositoryStyle, RepositoryTemplate, BACKUP_TIMESTAMP_PLACEHOLDER,
};
pub use convert::{convert_loaded, convert_sql, Converted, ConvertedSql};
pub use edit::{apply_edit, PlanEdit};
pub use from_sql::{load, AnyPlan, Loaded};
pub use model::{
    NameRole, NamedObject, ObjectKind, Partitions, PlanError, PlanObject, PlanOptions, Property, Syntax,
};
pub use parts::{attach, parts_of, Part};
pub use restore::{CatalogRename, RestoreCatalogs, RestorePlan, RestoreProperties};

use crate::catalogue::RuleInfo;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

/// The diagnostics of the builder model (`SR8xx`, kind `statement`): what a plan cannot hold
/// when it is loaded from SQL. To be merged into [`crate::catalogue::RULES`].
pub static PLAN_RULES: &[RuleInfo] = &[
    RuleInfo::error(
        "SR801",
        "plan-no-statement",
        DiagnosticKind::Statement,
        "The text holds no BACKUP or RESTORE statement that parses, so there is nothing to load into the builder.",
    ),
    RuleInfo::warning(
        "SR802",
        "plan-extra-statement",
        DiagnosticKind::Statement,
        "The text holds more statements than the one loaded into the builder; the others are left out.",
    ),
    RuleInfo::error(
        "SR803",
        "plan-key-partitions",
        DiagnosticKind::Statement,
        "`PARTITION (col = value)` cannot be held by the builder; the table is loaded without partitions.",
    ),
    RuleInfo::warning(
        "SR804",
        "plan-backup-alias",
        DiagnosticKind::Statement,
        "An `AS` alias in a BACKUP (which StarRocks rejects) is not held by the builder; it is dropped.",
    )
    .versions("3.4+"),
    RuleInfo::warning(
        "SR805",
        "plan-qualified-object",
        DiagnosticKind::Statement,
        "A database qualifier on an object name (`db.t`), which StarRocks ignores, is not held by the builder.",
    ),
    RuleInfo::warning(
        "SR806",
        "plan-duplicate-property",
        DiagnosticKind::Statement,
        "A property key given twice: StarRocks keeps the last value, and so does the builder.",
    ),
    RuleInfo::error(
        "SR807",
        "plan-database-named-twice",
        DiagnosticKind::Statement,
        "Both `DATABASE db` and a `db.` prefix (which StarRocks rejects); the builder keeps the DATABASE clause.",
    )
    .versions("3.4+"),
    RuleInfo::error(
        "SR808",
        "plan-snapshot-name-parts",
        DiagnosticKind::Statement,
        "A snapshot name of three or more parts (which StarRocks rejects); the builder keeps the last two.",
    ),
    RuleInfo::info(
        "SR809",
        "plan-mixed-syntax",
        DiagnosticKind::Statement,
        "The pre-3.4 `db.snapshot` form mixed with 3.4-only clauses; the builder writes it in the 3.4 form.",
    )
    .versions("3.4+"),
    RuleInfo::warning(
        "SR810",
        "plan-cluster-snapshot-unheld",
        DiagnosticKind::Statement,
        "A cluster-snapshot statement with an INTERVAL that is not a whole number, or a table or snapshot name of more parts than the builder holds: kept in the SQL only.",
    ),
];

/// A diagnostic with the severity and kind [`PLAN_RULES`] gives `code`.
pub(crate) fn diagnostic(code: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
    let info = PLAN_RULES.iter().find(|r| r.code == code).expect("every plan code is in PLAN_RULES");
    Diagnostic::new(code, info.severity, info.kind, message, span)
}
