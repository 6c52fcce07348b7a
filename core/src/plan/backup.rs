//! [`BackupPlan`]: a BACKUP statement as structure, and the operations a UI edits it with.

use super::common::{
    check_snapshot_and_repository, plan_core_fields, push_err, set_property, CatalogSelection, PlanCore,
    SECONDS,
};
use super::model::{
    check_starrocks_name, check_timeout, parse_java_int, plan_operations, validate_extra, NameRole,
    PlanError, PlanObject, PlanOptions, Property, Syntax, TypedProperties,
};
use crate::check::Feature;
use serde::{Deserialize, Serialize};

/// What needs a target of 4.2+.
const TTL: &str = "the `ttl` property";

/// The `type` property of a BACKUP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum BackupType {
    /// `FULL` (StarRocks's default).
    Full,
    /// `INCREMENTAL`: accepted by the analyzer, refused at submission when the snapshot exists.
    Incremental,
}

impl BackupType {
    /// The value as written in PROPERTIES.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupType::Full => "FULL",
            BackupType::Incremental => "INCREMENTAL",
        }
    }

    /// Reads a value as StarRocks does (`BackupType.valueOf(value.toUpperCase())`).
    pub fn parse(value: &str) -> Option<BackupType> {
        match crate::lexer::java_upper_str(value).as_str() {
            "FULL" => Some(BackupType::Full),
            "INCREMENTAL" => Some(BackupType::Incremental),
            _ => None,
        }
    }
}

/// BACKUP's `PROPERTIES`: `type`, `timeout` and `ttl` typed, anything else verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BackupProperties {
    /// `"type"`: FULL or INCREMENTAL.
    #[serde(rename = "type", default)]
    pub backup_type: Option<BackupType>,
    /// `"timeout"` in seconds (StarRocks wants at least 600).
    #[serde(default)]
    pub timeout: Option<i64>,
    /// `"ttl"`: how long the snapshot is kept, e.g. `7 DAY` (4.2+); empty keeps it forever.
    #[serde(default)]
    pub ttl: Option<String>,
    /// Every other property, verbatim and in order (also a known key whose value StarRocks
    /// cannot parse, so that nothing pasted is lost).
    #[serde(default)]
    pub extra: Vec<Property>,
}

impl TypedProperties for BackupProperties {
    fn assign(&mut self, key: &str, value: &str) -> Option<Result<(), PlanError>> {
        Some(match key {
            "type" => match BackupType::parse(value) {
                Some(t) => {
                    self.backup_type = Some(t);
                    Ok(())
                }
                None => Err(PlanError::InvalidPropertyValue {
                    key: key.into(),
                    value: value.into(),
                    expected: "FULL or INCREMENTAL".into(),
                }),
            },
            "timeout" => parse_java_int(key, value, SECONDS).map(|t| self.timeout = Some(t)),
            "ttl" => {
                self.ttl = Some(value.to_string());
                Ok(())
            }
            _ => return None,
        })
    }

    fn clear(&mut self, key: &str) -> bool {
        match key {
            "type" => self.backup_type.take().is_some(),
            "timeout" => self.timeout.take().is_some(),
            "ttl" => self.ttl.take().is_some(),
            _ => false,
        }
    }

    fn typed_entries(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(t) = self.backup_type {
            out.push(("type", t.as_str().to_string()));
        }
        if let Some(t) = self.timeout {
            out.push(("timeout", t.to_string()));
        }
        if let Some(t) = &self.ttl {
            out.push(("ttl", t.clone()));
        }
        out
    }

    fn extra(&self) -> &Vec<Property> {
        &self.extra
    }

    fn extra_mut(&mut self) -> &mut Vec<Property> {
        &mut self.extra
    }
}

impl BackupProperties {
    /// Every property as `(key, value)`, typed ones first: what PROPERTIES (…) will hold.
    pub fn entries(&self) -> Vec<(String, String)> {
        TypedProperties::entries(self)
    }

    /// True when no property is set.
    pub fn is_empty(&self) -> bool {
        self.backup_type.is_none() && self.timeout.is_none() && self.ttl.is_none() && self.extra.is_empty()
    }
}

/// The external catalogs of a BACKUP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "select", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum BackupCatalogs {
    /// `ALL EXTERNAL CATALOGS`.
    All,
    /// `EXTERNAL CATALOG(S) (c1, c2)`.
    List {
        /// The catalogs, at least one.
        names: Vec<String>,
    },
}

impl CatalogSelection for BackupCatalogs {
    fn listed(&self) -> Option<Vec<(&str, Option<&str>)>> {
        match self {
            BackupCatalogs::All => None,
            BackupCatalogs::List { names } => Some(names.iter().map(|n| (n.as_str(), None)).collect()),
        }
    }
}

/// A BACKUP statement as structure.
///
/// A plan names a database and lists objects (none: the whole database), or names external
/// catalogs instead. It is written in the [`Syntax`] the user picks. The editing methods keep
/// it valid for its syntax and target version, or return a [`PlanError`] saying why not; a
/// plan loaded from SQL holds whatever the statement said, and [`BackupPlan::validate`] lists
/// what StarRocks would object to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BackupPlan {
    /// The database; `None` backs up the session's current database (or, with catalogs,
    /// no database at all).
    pub database: Option<String>,
    /// The snapshot's name.
    pub snapshot: String,
    /// The repository to write it to.
    pub repository: String,
    /// The syntax to write.
    pub syntax: Syntax,
    /// External catalogs (3.4+); excludes the database and the object list.
    #[serde(default)]
    pub catalogs: Option<BackupCatalogs>,
    /// The `ON (…)` list, in order; empty backs up the whole database.
    #[serde(default)]
    pub objects: Vec<PlanObject>,
    /// `PROPERTIES (…)`.
    #[serde(default)]
    pub properties: BackupProperties,
    /// What the plan is built for.
    #[serde(default)]
    pub options: PlanOptions,
}

plan_operations!(BackupPlan);

impl PlanCore for BackupPlan {
    type Catalogs = BackupCatalogs;
    const RESTORE: bool = false;
    plan_core_fields!();
}

impl BackupPlan {
    /// A whole-database backup in the syntax of the target version.
    pub fn new(
        database: impl Into<String>,
        snapshot: impl Into<String>,
        repository: impl Into<String>,
        options: PlanOptions,
    ) -> Result<BackupPlan, PlanError> {
        let database = database.into();
        check_starrocks_name(NameRole::Database, &database)?;
        BackupPlan::empty(Some(database), snapshot.into(), repository.into(), options)
    }

    /// A backup of external catalogs (3.4+).
    pub fn for_catalogs(
        catalogs: BackupCatalogs,
        snapshot: impl Into<String>,
        repository: impl Into<String>,
        options: PlanOptions,
    ) -> Result<BackupPlan, PlanError> {
        let mut plan = BackupPlan::empty(None, snapshot.into(), repository.into(), options)?;
        plan.set_catalogs(Some(catalogs))?;
        Ok(plan)
    }

    fn empty(
        database: Option<String>,
        snapshot: String,
        repository: String,
        options: PlanOptions,
    ) -> Result<BackupPlan, PlanError> {
        check_snapshot_and_repository(&snapshot, &repository)?;
        Ok(BackupPlan {
            database,
            snapshot,
            repository,
            syntax: Syntax::for_target(options.target),
            catalogs: None,
            objects: Vec::new(),
            properties: BackupProperties::default(),
            options,
        })
    }

    /// Sets the database (`None`: the session's current database).
    pub fn set_database(&mut self, database: Option<String>) -> Result<(), PlanError> {
        if let Some(db) = &database {
            check_starrocks_name(NameRole::Database, db)?;
            if self.catalogs.is_some() {
                return Err(PlanError::CatalogsWithDatabase);
            }
        }
        self.database = database;
        Ok(())
    }

    /// Sets (or clears) the external catalogs. They need the 3.4+ syntax, no database and
    /// no object list.
    pub fn set_catalogs(&mut self, catalogs: Option<BackupCatalogs>) -> Result<(), PlanError> {
        self.replace_catalogs(catalogs)
    }

    /// Sets a property by key. `type`, `timeout` and `ttl` must get values StarRocks
    /// accepts (and `ttl` a target of 4.2+); other keys are kept verbatim.
    pub fn set_property(&mut self, key: &str, value: &str) -> Result<(), PlanError> {
        if key == "ttl" {
            self.options.require(Feature::Ttl, TTL)?;
        }
        set_property(&mut self.properties, key, value)
    }

    /// Removes a property by key; true when it was set.
    pub fn remove_property(&mut self, key: &str) -> bool {
        self.properties.remove(key)
    }

    /// Sets the backup type (`None`: StarRocks's default, FULL).
    pub fn set_backup_type(&mut self, backup_type: Option<BackupType>) {
        self.properties.remove("type");
        self.properties.backup_type = backup_type;
    }

    /// Sets the job timeout in seconds (at least 600).
    pub fn set_timeout(&mut self, seconds: Option<i64>) -> Result<(), PlanError> {
        if let Some(s) = seconds {
            check_timeout(s)?;
        }
        self.properties.remove("timeout");
        self.properties.timeout = seconds;
        Ok(())
    }

    /// Sets how long the snapshot is kept (`7 DAY`, `12 HOUR`; empty: forever). Needs 4.2+.
    pub fn set_ttl(&mut self, ttl: Option<String>) -> Result<(), PlanError> {
        if ttl.is_some() {
            self.options.require(Feature::Ttl, TTL)?;
        }
        self.properties.remove("ttl");
        self.properties.ttl = ttl;
        Ok(())
    }

    /// Everything StarRocks (or the model) would object to, in a fixed order: names, syntax
    /// and version, catalogs, objects, properties. Empty for a valid plan. Linear in the
    /// size of the plan.
    pub fn validate(&self) -> Vec<PlanError> {
        let mut out = Vec::new();
        if let Some(db) = &self.database {
            push_err(&mut out, check_starrocks_name(NameRole::Database, db));
        }
        self.name_and_syntax_errors(&mut out);
        self.catalog_and_object_errors(&mut out);
        if let Some(t) = self.properties.timeout {
            push_err(&mut out, check_timeout(t));
        }
        if self.properties.ttl.is_some() {
            push_err(&mut out, self.options.require(Feature::Ttl, TTL));
        }
        validate_extra(&self.properties, &mut out);
        out
    }
}
