//! The plan types: what a statement needs, on which object, for which part of the statement,
//! and why. Every type serialises (surfaces render the plan as JSON).

use crate::ast::ObjectKind;
use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// A privilege StarRocks checks for the BACKUP family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Privilege {
    /// Before 3.0: the legacy `admin_priv` (no role-based privileges exist).
    #[serde(rename = "admin_priv")]
    AdminPriv,
    /// `REPOSITORY` on SYSTEM.
    #[serde(rename = "REPOSITORY")]
    Repository,
    /// `CREATE EXTERNAL CATALOG` on SYSTEM.
    #[serde(rename = "CREATE EXTERNAL CATALOG")]
    CreateExternalCatalog,
    /// `CREATE DATABASE` on a catalog.
    #[serde(rename = "CREATE DATABASE")]
    CreateDatabase,
    /// `CREATE TABLE` on a database.
    #[serde(rename = "CREATE TABLE")]
    CreateTable,
    /// `INSERT` on a table.
    #[serde(rename = "INSERT")]
    Insert,
    /// `EXPORT` on a table.
    #[serde(rename = "EXPORT")]
    Export,
    /// `USAGE` on a function, a catalog or a storage volume.
    #[serde(rename = "USAGE")]
    Usage,
    /// `OPERATE` on SYSTEM (automated cluster snapshots).
    #[serde(rename = "OPERATE")]
    Operate,
}

impl Privilege {
    /// The privilege as GRANT spells it (`admin_priv` for the legacy privilege).
    pub fn sql(self) -> &'static str {
        match self {
            Privilege::AdminPriv => "admin_priv",
            Privilege::Repository => "REPOSITORY",
            Privilege::CreateExternalCatalog => "CREATE EXTERNAL CATALOG",
            Privilege::CreateDatabase => "CREATE DATABASE",
            Privilege::CreateTable => "CREATE TABLE",
            Privilege::Insert => "INSERT",
            Privilege::Export => "EXPORT",
            Privilege::Usage => "USAGE",
            Privilege::Operate => "OPERATE",
        }
    }
}

impl fmt::Display for Privilege {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.sql())
    }
}

/// The kind of object a privilege is checked on, as StarRocks's authorizer names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum ObjectType {
    /// The cluster itself (`ON SYSTEM`).
    System,
    /// A catalog.
    Catalog,
    /// A database.
    Database,
    /// A table. StarRocks also checks views and materialized views with the table check.
    Table,
    /// A user-defined function.
    Function,
    /// A storage volume (shared-data clusters).
    StorageVolume,
}

impl ObjectType {
    /// The upper-case keyword.
    pub fn keyword(self) -> &'static str {
        match self {
            ObjectType::System => "SYSTEM",
            ObjectType::Catalog => "CATALOG",
            ObjectType::Database => "DATABASE",
            ObjectType::Table => "TABLE",
            ObjectType::Function => "FUNCTION",
            ObjectType::StorageVolume => "STORAGE VOLUME",
        }
    }
}

/// The object a privilege is needed on. Database names are `None` when the statement names no
/// database and no catalog says which one is current (StarRocks then uses the session's).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "scope", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Target {
    /// The cluster.
    System,
    /// One catalog.
    Catalog {
        /// Its name.
        name: String,
    },
    /// Every external catalog; which ones exist is unknown without a catalog document.
    EveryExternalCatalog,
    /// One database.
    Database {
        /// Its name.
        name: Option<String>,
    },
    /// One table, view or materialized view (all checked as tables).
    Table {
        /// Its database.
        database: Option<String>,
        /// Its name.
        name: String,
        /// What it is: a table, a view or a materialized view.
        kind: ObjectKind,
        /// True when the kind comes from the catalog, false when it is read from the statement.
        kind_known: bool,
    },
    /// Every table, view and materialized view of a database.
    EveryTableIn {
        /// The database.
        database: Option<String>,
    },
    /// Every table of every database.
    EveryTableEverywhere,
    /// One function overload, or every overload of a name when `args` is unknown.
    Function {
        /// Its database.
        database: Option<String>,
        /// Its name.
        name: String,
        /// Its argument types (from the catalog); `None` when unknown.
        args: Option<Vec<String>>,
    },
    /// Every user-defined function of a database.
    EveryFunctionIn {
        /// The database.
        database: Option<String>,
    },
    /// One storage volume.
    StorageVolume {
        /// Its name.
        name: String,
    },
}

impl Target {
    /// A short human description: `table db1.t1`, `every table of db1`, `SYSTEM`.
    pub fn describe(&self) -> String {
        let db = |d: &Option<String>| match d {
            Some(d) => format!("`{d}`"),
            None => "the session database".to_string(),
        };
        let in_db = |d: &Option<String>, what: String| match d {
            Some(d) => format!("{what} `{d}`.`"),
            None => format!("{what} (session database) `"),
        };
        match self {
            Target::System => "SYSTEM".into(),
            Target::Catalog { name } => format!("catalog `{name}`"),
            Target::EveryExternalCatalog => "every external catalog".into(),
            Target::Database { name } => format!("database {}", db(name)),
            Target::Table { database, name, kind, .. } => {
                format!("{}{name}`", in_db(database, kind.noun().into()))
            }
            Target::EveryTableIn { database } => {
                format!("every table, view and materialized view of {}", db(database))
            }
            Target::EveryTableEverywhere => "every table of every database".into(),
            Target::Function { database, name, args } => match args {
                Some(a) => format!("{}{name}`({})", in_db(database, "function".into()), a.join(", ")),
                None => format!("{}{name}` (every overload)", in_db(database, "function".into())),
            },
            Target::EveryFunctionIn { database } => format!("every function of {}", db(database)),
            Target::StorageVolume { name } => format!("storage volume `{name}`"),
        }
    }
}

/// How a requirement came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Source {
    /// The statement as a whole (e.g. REPOSITORY on SYSTEM for any BACKUP).
    Statement,
    /// An object the statement names.
    Listed,
    /// An `ALL …` item (or `ALL EXTERNAL CATALOGS`).
    All,
    /// A BACKUP without `ON`: the whole database.
    WholeDatabase,
}

/// How sure the requirement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Certainty {
    /// Read in StarRocks's authorizer code.
    Checked,
    /// Stated in StarRocks's documentation; the code was not read.
    Documented,
    /// The code checks it, but how a GRANT can satisfy the check is not known for sure.
    Uncertain,
}

/// The text StarRocks answers with when the privilege is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Denial {
    /// The message up to "for this operation".
    pub message: String,
    /// True when the message names a different privilege from the one checked.
    pub mislabelled: bool,
}

/// A part of the statement that needs the privilege.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct NeededBy {
    /// What it is, e.g. "table `t1`", "the whole database `db1`".
    pub what: String,
    /// Where it is written (the whole statement for implicit objects).
    pub span: Span,
}

/// One privilege on one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Requirement {
    /// The privilege.
    pub privilege: Privilege,
    /// The kind of object it is checked on.
    pub object_type: ObjectType,
    /// The object.
    pub object: Target,
    /// The parts of the statement that need it.
    pub needed_by: Vec<NeededBy>,
    /// Why, in one sentence.
    pub reason: String,
    /// How it came about (decides the default GRANT scope).
    pub source: Source,
    /// When it is needed only in some cases, which ones; `None` when always needed.
    pub condition: Option<String>,
    /// How sure it is.
    pub certainty: Certainty,
    /// What StarRocks says when it is missing.
    pub denial: Option<Denial>,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum NoteKind {
    /// Something assumed because no catalog (or no database name) was given.
    Assumption,
    /// StarRocks's denial message names the wrong privilege.
    Mislabelled,
    /// The spec marks this as uncertain.
    Uncertain,
    /// The target version changes the answer.
    Version,
    /// StarRocks's documentation says something else, and is wrong.
    Docs,
    /// Nothing was found in StarRocks's code.
    NotFound,
    /// A GRANT that cannot be written.
    Refused,
    /// Anything else worth knowing.
    Info,
}

/// A remark attached to a plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Note {
    /// What it is about.
    pub kind: NoteKind,
    /// The remark.
    pub text: String,
    /// Where in the statement, if one place.
    pub span: Option<Span>,
}

impl Note {
    /// A note without a position.
    pub fn new(kind: NoteKind, text: impl Into<String>) -> Self {
        Note { kind, text: text.into(), span: None }
    }

    /// A note about one place of the statement.
    pub fn at(kind: NoteKind, text: impl Into<String>, span: Span) -> Self {
        Note { kind, text: text.into(), span: Some(span) }
    }
}

/// Which privilege system applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PrivilegeModel {
    /// 3.0 and later: role-based privileges, granted with `GRANT … ON …`.
    Rbac,
    /// Before 3.0: `admin_priv`; no role-based GRANT exists.
    AdminPriv,
    /// Not a statement of the family (or one that does not parse): nothing explained.
    None,
}

/// What one statement needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrivilegePlan {
    /// The statement's kind: `BACKUP`, `RESTORE`, `SHOW BACKUP`, …
    pub statement: &'static str,
    /// Where the statement is.
    pub span: Span,
    /// Where the statement comes from (e.g. `file.sql:3`), set by callers for their reports.
    pub location: Option<String>,
    /// The StarRocks version explained for, `major.minor`.
    pub target_version: String,
    /// Which privilege system applies.
    pub model: PrivilegeModel,
    /// The privileges, in the order StarRocks checks them.
    pub requirements: Vec<Requirement>,
    /// Assumptions, quirks and warnings.
    pub notes: Vec<Note>,
}
