//! [`RestorePlan`]: a RESTORE statement as structure, with renames (`AS`), `DATABASE … AS`,
//! catalog aliases and the RESTORE properties.

use super::common::{
    check_snapshot_and_repository, first_error, plan_core_fields, push_err, set_property, CatalogSelection,
    PlanCore, SECONDS,
};
use super::model::{
    check_starrocks_name, check_timeout, parse_java_int, plan_operations, validate_extra, NameRole,
    PlanError, PlanObject, PlanOptions, Property, Syntax, TypedProperties,
};
use serde::{Deserialize, Serialize};

/// RESTORE's `PROPERTIES`: the keys StarRocks knows typed, anything else verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RestoreProperties {
    /// `"backup_timestamp"` (required): the snapshot's timestamp as `SHOW SNAPSHOT` prints it,
    /// e.g. `2024-12-09-10-25-58-842`.
    #[serde(default)]
    pub backup_timestamp: Option<String>,
    /// `"timeout"` in seconds (at least 600).
    #[serde(default)]
    pub timeout: Option<i64>,
    /// `"allow_load"`: let loads into the restored tables run during the restore.
    #[serde(default)]
    pub allow_load: Option<bool>,
    /// `"replication_num"`: replicas of the restored tables.
    #[serde(default)]
    pub replication_num: Option<i32>,
    /// `"meta_version"`: the metadata version to read the snapshot with.
    #[serde(default)]
    pub meta_version: Option<i32>,
    /// `"starrocks_meta_version"`.
    #[serde(default)]
    pub starrocks_meta_version: Option<i32>,
    /// Every other property, verbatim and in order.
    #[serde(default)]
    pub extra: Vec<Property>,
}

const INT: &str = "a whole number";

impl TypedProperties for RestoreProperties {
    fn assign(&mut self, key: &str, value: &str) -> Option<Result<(), PlanError>> {
        Some(match key {
            "backup_timestamp" => {
                self.backup_timestamp = Some(value.to_string());
                Ok(())
            }
            "timeout" => parse_java_int(key, value, SECONDS).map(|v| self.timeout = Some(v)),
            "allow_load" => {
                if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") {
                    self.allow_load = Some(value.eq_ignore_ascii_case("true"));
                    Ok(())
                } else {
                    Err(PlanError::InvalidPropertyValue {
                        key: key.into(),
                        value: value.into(),
                        expected: "true or false".into(),
                    })
                }
            }
            "replication_num" => parse_java_int(key, value, INT).map(|v| self.replication_num = Some(v)),
            "meta_version" => parse_java_int(key, value, INT).map(|v| self.meta_version = Some(v)),
            "starrocks_meta_version" => {
                parse_java_int(key, value, INT).map(|v| self.starrocks_meta_version = Some(v))
            }
            _ => return None,
        })
    }

    fn clear(&mut self, key: &str) -> bool {
        match key {
            "backup_timestamp" => self.backup_timestamp.take().is_some(),
            "timeout" => self.timeout.take().is_some(),
            "allow_load" => self.allow_load.take().is_some(),
            "replication_num" => self.replication_num.take().is_some(),
            "meta_version" => self.meta_version.take().is_some(),
            "starrocks_meta_version" => self.starrocks_meta_version.take().is_some(),
            _ => false,
        }
    }

    fn typed_entries(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(v) = &self.backup_timestamp {
            out.push(("backup_timestamp", v.clone()));
        }
        if let Some(v) = self.timeout {
            out.push(("timeout", v.to_string()));
        }
        if let Some(v) = self.allow_load {
            out.push(("allow_load", v.to_string()));
        }
        if let Some(v) = self.replication_num {
            out.push(("replication_num", v.to_string()));
        }
        if let Some(v) = self.meta_version {
            out.push(("meta_version", v.to_string()));
        }
        if let Some(v) = self.starrocks_meta_version {
            out.push(("starrocks_meta_version", v.to_string()));
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

impl RestoreProperties {
    /// Every property as `(key, value)`, typed ones first: what PROPERTIES (…) will hold.
    pub fn entries(&self) -> Vec<(String, String)> {
        TypedProperties::entries(self)
    }
}

/// An external catalog to restore, optionally under another name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CatalogRename {
    /// The catalog in the snapshot.
    pub name: String,
    /// The name to restore it as.
    #[serde(default)]
    pub alias: Option<String>,
}

/// The external catalogs of a RESTORE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "select", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum RestoreCatalogs {
    /// `ALL EXTERNAL CATALOGS`.
    All,
    /// `EXTERNAL CATALOG(S) (c1 [AS a1], …)`.
    List {
        /// The catalogs, at least one.
        catalogs: Vec<CatalogRename>,
    },
}

impl CatalogSelection for RestoreCatalogs {
    fn listed(&self) -> Option<Vec<(&str, Option<&str>)>> {
        match self {
            RestoreCatalogs::All => None,
            RestoreCatalogs::List { catalogs } => {
                Some(catalogs.iter().map(|c| (c.name.as_str(), c.alias.as_deref())).collect())
            }
        }
    }
}

/// Why a RESTORE without a database cannot list objects.
fn database_required() -> PlanError {
    PlanError::DatabaseRequired { needed_for: "a RESTORE with an ON list".into() }
}

/// A RESTORE statement as structure.
///
/// In the 3.4+ syntax `database` is the database in the snapshot (`DATABASE db`) and
/// `database_alias` the one to restore into (`AS new`). In the pre-3.4 syntax the database is
/// written as the snapshot's prefix (`db.snap`), which names the database to restore into;
/// there is no alias.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RestorePlan {
    /// The snapshot's name.
    pub snapshot: String,
    /// The repository it is read from.
    pub repository: String,
    /// The syntax to write.
    pub syntax: Syntax,
    /// The database (see the type's documentation); `None` restores the snapshot's own
    /// database (or, with catalogs, no database at all).
    pub database: Option<String>,
    /// `DATABASE db AS new`: the database to restore into (3.4+).
    #[serde(default)]
    pub database_alias: Option<String>,
    /// External catalogs (3.4+).
    #[serde(default)]
    pub catalogs: Option<RestoreCatalogs>,
    /// The `ON (…)` list; empty restores everything in the snapshot.
    #[serde(default)]
    pub objects: Vec<PlanObject>,
    /// `PROPERTIES (…)`; `backup_timestamp` is required.
    #[serde(default)]
    pub properties: RestoreProperties,
    /// What the plan is built for.
    #[serde(default)]
    pub options: PlanOptions,
}

plan_operations!(RestorePlan);

impl PlanCore for RestorePlan {
    type Catalogs = RestoreCatalogs;
    const RESTORE: bool = true;
    plan_core_fields!();

    /// External catalogs, or no database to restore the objects into.
    fn objects_blocked(&self) -> Option<PlanError> {
        if self.catalogs.is_some() {
            Some(PlanError::CatalogsWithObjects)
        } else if self.database.is_none() {
            Some(database_required())
        } else {
            None
        }
    }
}

impl RestorePlan {
    /// A RESTORE of everything in the snapshot, in the syntax of the target version.
    pub fn new(
        snapshot: impl Into<String>,
        repository: impl Into<String>,
        database: Option<String>,
        options: PlanOptions,
    ) -> Result<RestorePlan, PlanError> {
        let snapshot = snapshot.into();
        let repository = repository.into();
        check_snapshot_and_repository(&snapshot, &repository)?;
        if let Some(db) = &database {
            check_starrocks_name(NameRole::Database, db)?;
        }
        Ok(RestorePlan {
            snapshot,
            repository,
            syntax: Syntax::for_target(options.target),
            database,
            database_alias: None,
            catalogs: None,
            objects: Vec::new(),
            properties: RestoreProperties::default(),
            options,
        })
    }

    /// Renames (or, with `None`, un-renames) the object at `index` on restore.
    pub fn set_alias(&mut self, index: usize, alias: Option<String>) -> Result<(), PlanError> {
        self.editor().set_alias(index, alias)
    }

    /// Sets the database and the database to restore it into (`DATABASE db AS new`, 3.4+).
    pub fn set_database(&mut self, database: Option<String>, alias: Option<String>) -> Result<(), PlanError> {
        first_error(|out| {
            self.database_errors(database.as_deref(), alias.as_deref(), out);
            if database.is_some() && self.catalogs.is_some() {
                out.push(PlanError::CatalogsWithDatabase);
            }
        })?;
        self.database = database;
        self.database_alias = alias;
        Ok(())
    }

    fn database_errors(&self, database: Option<&str>, alias: Option<&str>, out: &mut Vec<PlanError>) {
        if let Some(db) = database {
            push_err(out, check_starrocks_name(NameRole::Database, db));
        }
        if let Some(a) = alias {
            push_err(out, check_starrocks_name(NameRole::DatabaseAlias, a));
            if database.is_none() {
                out.push(PlanError::AliasWithoutDatabase);
            }
            if self.syntax == Syntax::Pre34 {
                out.push(PlanError::NeedsNewSyntax { what: "`DATABASE … AS`".into() });
            }
        }
        if database.is_none() && !self.objects.is_empty() {
            out.push(database_required());
        }
    }

    /// Sets (or clears) the external catalogs (3.4+, no database, no object list).
    pub fn set_catalogs(&mut self, catalogs: Option<RestoreCatalogs>) -> Result<(), PlanError> {
        self.replace_catalogs(catalogs)
    }

    /// Sets a property by key; the keys StarRocks knows must get values it accepts.
    pub fn set_property(&mut self, key: &str, value: &str) -> Result<(), PlanError> {
        set_property(&mut self.properties, key, value)
    }

    /// Removes a property by key; true when it was set.
    pub fn remove_property(&mut self, key: &str) -> bool {
        self.properties.remove(key)
    }

    /// Sets `backup_timestamp`: the Timestamp column of `SHOW SNAPSHOT ON repo`.
    pub fn set_backup_timestamp(&mut self, timestamp: impl Into<String>) {
        self.properties.remove("backup_timestamp");
        self.properties.backup_timestamp = Some(timestamp.into());
    }

    /// Everything StarRocks (or the model) would object to; empty for a valid plan.
    pub fn validate(&self) -> Vec<PlanError> {
        let mut out = Vec::new();
        self.name_and_syntax_errors(&mut out);
        self.database_errors(self.database.as_deref(), self.database_alias.as_deref(), &mut out);
        self.catalog_and_object_errors(&mut out);
        if self.properties.backup_timestamp.is_none() {
            out.push(PlanError::MissingProperty { key: "backup_timestamp".into() });
        }
        if let Some(t) = self.properties.timeout {
            push_err(&mut out, check_timeout(t));
        }
        validate_extra(&self.properties, &mut out);
        out
    }
}
