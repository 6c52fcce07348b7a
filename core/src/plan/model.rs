//! The plan types shared by BACKUP and RESTORE, the typed errors of the editing operations,
//! and the one mechanism that decides whether a list of objects is valid ([`ObjectIndex`]).

use crate::check::{ClusterMode, Feature, Version};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Which BACKUP/RESTORE syntax a plan is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Syntax {
    /// The form every version reads: `BACKUP SNAPSHOT db.snap TO repo ON (t1, t2 PARTITION (p1))`.
    /// Only tables (bare names) can be listed. Serialised as `"legacy"`.
    #[serde(rename = "legacy")]
    Pre34,
    /// The StarRocks 3.4+ form: `BACKUP DATABASE db SNAPSHOT snap TO repo ON (TABLE t1, VIEW v1, …)`,
    /// with views, functions, materialized views, `ALL …` items and external catalogs.
    /// Serialised as `"v3.4"`.
    #[serde(rename = "v3.4")]
    V34,
}

impl Syntax {
    /// The syntax to write for a target version: the 3.4 form from 3.4 on.
    pub fn for_target(target: Version) -> Syntax {
        if target.at_least(Feature::NewSyntax.since()) {
            Syntax::V34
        } else {
            Syntax::Pre34
        }
    }

    /// Words for messages: `pre-3.4` or `3.4+`.
    pub fn label(self) -> &'static str {
        match self {
            Syntax::Pre34 => "pre-3.4",
            Syntax::V34 => "3.4+",
        }
    }
}

pub use crate::ast::ObjectKind;

/// The partitions of a table item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Partitions {
    /// Partition names, at least one.
    pub names: Vec<String>,
    /// `TEMPORARY PARTITION (…)`. StarRocks refuses to back up or restore temporary
    /// partitions; the flag exists so that a pasted statement loses nothing.
    #[serde(default)]
    pub temporary: bool,
}

impl Partitions {
    /// Ordinary (not temporary) partitions.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(names: I) -> Self {
        Partitions { names: names.into_iter().map(Into::into).collect(), temporary: false }
    }
}

/// A named object of an `ON (…)` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct NamedObject {
    /// What it is.
    pub kind: ObjectKind,
    /// Its name (without a database qualifier: StarRocks ignores one on BACKUP items).
    pub name: String,
    /// Partitions to take (tables only); `None` takes the whole table.
    #[serde(default)]
    pub partitions: Option<Partitions>,
    /// `AS alias`: the name to restore it under (RESTORE only).
    #[serde(default)]
    pub alias: Option<String>,
}

/// One entry of a plan's object list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "select", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PlanObject {
    /// `ALL TABLES`, `ALL VIEWS`, …: every object of the kind (3.4+).
    All {
        /// Which kind.
        kind: ObjectKind,
    },
    /// One named object.
    Named(NamedObject),
}

impl PlanObject {
    /// A named object of `kind`, whole, without alias.
    pub fn named(kind: ObjectKind, name: impl Into<String>) -> Self {
        PlanObject::Named(NamedObject { kind, name: name.into(), partitions: None, alias: None })
    }

    /// `TABLE name`.
    pub fn table(name: impl Into<String>) -> Self {
        PlanObject::named(ObjectKind::Table, name)
    }

    /// `MATERIALIZED VIEW name`.
    pub fn materialized_view(name: impl Into<String>) -> Self {
        PlanObject::named(ObjectKind::MaterializedView, name)
    }

    /// `VIEW name`.
    pub fn view(name: impl Into<String>) -> Self {
        PlanObject::named(ObjectKind::View, name)
    }

    /// `FUNCTION name`.
    pub fn function(name: impl Into<String>) -> Self {
        PlanObject::named(ObjectKind::Function, name)
    }

    /// `ALL <kind>S`.
    pub fn all(kind: ObjectKind) -> Self {
        PlanObject::All { kind }
    }

    /// The same object limited to `partitions` (meaningful for named tables only; the plan
    /// operations reject it elsewhere).
    pub fn with_partitions<I: IntoIterator<Item = S>, S: Into<String>>(mut self, names: I) -> Self {
        if let PlanObject::Named(n) = &mut self {
            n.partitions = Some(Partitions::new(names));
        }
        self
    }

    /// The same object restored as `alias` (RESTORE only).
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        if let PlanObject::Named(n) = &mut self {
            n.alias = Some(alias.into());
        }
        self
    }

    /// The object's kind.
    pub fn kind(&self) -> ObjectKind {
        match self {
            PlanObject::All { kind } => *kind,
            PlanObject::Named(n) => n.kind,
        }
    }
}

/// A `"key" = "value"` property the plan has no typed field for, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Property {
    /// The key (StarRocks compares keys case-sensitively).
    pub key: String,
    /// The value.
    pub value: String,
}

/// The options a plan is built for: they decide what the operations allow and what the
/// checks are run against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PlanOptions {
    /// The StarRocks version the statement will run on.
    #[serde(default)]
    pub target: Version,
    /// The cluster's mode.
    #[serde(default)]
    pub cluster: ClusterMode,
    /// The user or role that will run the statement (`'user'@'host'` or a role name), for
    /// explaining the privileges it needs; empty when unknown.
    #[serde(default)]
    pub grantee: String,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions { target: Version::LATEST, cluster: ClusterMode::default(), grantee: String::new() }
    }
}

impl PlanOptions {
    /// Options for a target version, with the default cluster mode and no grantee.
    pub fn for_target(target: Version) -> Self {
        PlanOptions { target, ..PlanOptions::default() }
    }

    /// The options to run [`crate::check()`] with (no catalog of the cluster).
    pub fn check_options(&self) -> crate::check::Options {
        crate::check::Options { target: self.target, cluster: self.cluster, catalog: None }
    }

    /// True when the target version has `feature`.
    pub fn has(&self, feature: Feature) -> bool {
        self.target.at_least(feature.since())
    }

    /// Duplicate objects are compared case-sensitively from 3.4 on.
    pub(crate) fn case_sensitive_duplicates(&self) -> bool {
        self.has(Feature::CaseSensitiveDuplicates)
    }

    /// `Err(NeedsVersion)` when the target lacks `feature`.
    pub(crate) fn require(&self, feature: Feature, what: &str) -> Result<(), PlanError> {
        if self.has(feature) {
            Ok(())
        } else {
            Err(PlanError::NeedsVersion {
                feature: what.to_string(),
                since: feature.since(),
                target: self.target,
            })
        }
    }
}

/// Which name a [`PlanError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum NameRole {
    /// The database.
    Database,
    /// The database to restore into (`DATABASE db AS new`).
    DatabaseAlias,
    /// The snapshot.
    Snapshot,
    /// The repository.
    Repository,
    /// An object of the `ON` list.
    Object,
    /// A partition.
    Partition,
    /// An external catalog.
    Catalog,
    /// A RESTORE alias (`AS new`).
    Alias,
    /// A storage volume (cluster snapshots).
    StorageVolume,
}

impl NameRole {
    fn noun(self) -> &'static str {
        match self {
            NameRole::Database => "database",
            NameRole::DatabaseAlias => "target database",
            NameRole::Snapshot => "snapshot",
            NameRole::Repository => "repository",
            NameRole::Object => "object",
            NameRole::Partition => "partition",
            NameRole::Catalog => "external catalog",
            NameRole::Alias => "alias",
            NameRole::StorageVolume => "storage volume",
        }
    }
}

/// Why an operation on a plan was refused, or what [`crate::plan::BackupPlan::validate`]
/// found. Every variant says which rule of StarRocks (or of the model) stands in the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum PlanError {
    /// No object at that position.
    IndexOutOfRange {
        /// The position asked for.
        index: usize,
        /// How many objects there are.
        len: usize,
    },
    /// A name is empty; StarRocks rejects empty names.
    EmptyName {
        /// Which name.
        role: NameRole,
    },
    /// A name StarRocks's name rules reject (`FeNameFormat`): databases and repositories
    /// start with a letter (or `_` and a letter or digit) and hold only letters, digits and
    /// `_`, up to 256 (database) or 64 (repository) characters.
    InvalidName {
        /// Which name.
        role: NameRole,
        /// The name.
        name: String,
    },
    /// A name contains a backquote. StarRocks deletes every backquote from a quoted name, so
    /// no SQL text can carry it.
    UnrepresentableName {
        /// Which name.
        role: NameRole,
        /// The name.
        name: String,
    },
    /// The object (or another of its namespace) is already listed.
    DuplicateObject {
        /// The name.
        name: String,
        /// The kind of the entry already listed.
        existing: ObjectKind,
    },
    /// `ALL` of this kind is already listed.
    DuplicateAll {
        /// The kind.
        kind: ObjectKind,
    },
    /// A partition is listed twice.
    DuplicatePartition {
        /// The partition.
        name: String,
    },
    /// A property key is given twice.
    DuplicateProperty {
        /// The key.
        key: String,
    },
    /// An external catalog is listed twice.
    DuplicateCatalog {
        /// The catalog.
        name: String,
    },
    /// A RESTORE alias clashes with a listed name or another alias (StarRocks:
    /// `Duplicated alias name`).
    DuplicateAlias {
        /// The alias.
        alias: String,
    },
    /// The entry at that position is an `ALL …` item, which has no name to partition or rename.
    NotNamed {
        /// The position.
        index: usize,
    },
    /// A partition list with no partition.
    EmptyPartitionList,
    /// ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT without an interval.
    MissingInterval,
    /// An edit of one kind of plan sent to another (a cluster-snapshot edit to a BACKUP).
    WrongPlan,
    /// A syntax conversion asked of a cluster-snapshot statement, which has one syntax.
    OneSyntax,
    /// Partitions on something that is not a named table.
    PartitionsNotAllowed {
        /// The kind that was given partitions.
        kind: ObjectKind,
    },
    /// `TEMPORARY PARTITION`: StarRocks neither backs up nor restores temporary partitions.
    TemporaryPartitions,
    /// An alias in a BACKUP: aliases rename objects on RESTORE only.
    AliasInBackup,
    /// `DATABASE … AS new` without a database.
    AliasWithoutDatabase,
    /// Something only the 3.4+ syntax can express, in a pre-3.4 plan.
    NeedsNewSyntax {
        /// What, in words (`views`, ``ALL TABLES``, …).
        what: String,
    },
    /// Something the target version does not have.
    NeedsVersion {
        /// What, in words.
        feature: String,
        /// The first version that has it.
        since: Version,
        /// The plan's target.
        target: Version,
    },
    /// External catalogs together with a database.
    CatalogsWithDatabase,
    /// External catalogs together with an `ON` list.
    CatalogsWithObjects,
    /// An external-catalog list with no catalog.
    EmptyCatalogList,
    /// `default_catalog` cannot be backed up or restored, nor be a restore alias.
    DefaultCatalog,
    /// A function name StarRocks rejects.
    InvalidFunctionName {
        /// The name.
        name: String,
        /// Why.
        reason: String,
    },
    /// A `timeout` under 600 seconds (StarRocks: `timeout must be at least 10 min`).
    TimeoutTooShort {
        /// The value given.
        seconds: i64,
    },
    /// A value StarRocks cannot parse for a property the plan types.
    InvalidPropertyValue {
        /// The key.
        key: String,
        /// The value.
        value: String,
        /// What StarRocks expects.
        expected: String,
    },
    /// A property StarRocks requires is not set.
    MissingProperty {
        /// The key.
        key: String,
    },
    /// The statement needs a database that the plan does not name (the session's current
    /// database cannot be assumed).
    DatabaseRequired {
        /// What needs it.
        needed_for: String,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::IndexOutOfRange { index, len } => {
                write!(f, "there is no object at position {index}: the list has {len}")
            }
            PlanError::EmptyName { role } => write!(f, "the {} name is empty", role.noun()),
            PlanError::InvalidName { role, name } => write!(
                f,
                "StarRocks rejects the {} name `{name}`: it must start with a letter and hold only letters, digits and `_`",
                role.noun()
            ),
            PlanError::UnrepresentableName { role, name } => write!(
                f,
                "the {} name `{name}` contains a backquote, which StarRocks cannot read in any name",
                role.noun()
            ),
            PlanError::DuplicateObject { name, existing } => {
                write!(f, "`{name}` is already listed (as a {})", existing.noun())
            }
            PlanError::DuplicateAll { kind } => {
                write!(f, "ALL {} is already listed", kind.plural_keyword())
            }
            PlanError::DuplicatePartition { name } => write!(f, "partition `{name}` is listed twice"),
            PlanError::DuplicateProperty { key } => write!(f, "property `{key}` is given twice"),
            PlanError::DuplicateCatalog { name } => write!(f, "external catalog `{name}` is listed twice"),
            PlanError::DuplicateAlias { alias } => write!(
                f,
                "the alias `{alias}` clashes with a listed name or another alias (StarRocks: Duplicated alias name)"
            ),
            PlanError::MissingInterval => {
                write!(f, "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT needs an interval: SET INTERVAL <n> <unit>")
            }
            PlanError::WrongPlan => write!(f, "this edit is for another kind of statement"),
            PlanError::OneSyntax => {
                write!(f, "cluster-snapshot statements have one syntax: there is nothing to convert")
            }
            PlanError::NotNamed { index } => write!(
                f,
                "the entry at position {index} is an ALL item, which has no name to partition or rename"
            ),
            PlanError::EmptyPartitionList => write!(f, "a partition list needs at least one partition"),
            PlanError::PartitionsNotAllowed { kind } => {
                write!(f, "only named tables take partitions, not a {}", kind.noun())
            }
            PlanError::TemporaryPartitions => {
                write!(f, "StarRocks does not back up or restore temporary partitions")
            }
            PlanError::AliasInBackup => {
                write!(f, "BACKUP cannot rename objects; aliases belong in the RESTORE statement")
            }
            PlanError::AliasWithoutDatabase => {
                write!(f, "`DATABASE … AS new` needs the database name in the snapshot")
            }
            PlanError::NeedsNewSyntax { what } => {
                write!(f, "{what} can only be written in the 3.4+ syntax (`DATABASE db SNAPSHOT snap`)")
            }
            PlanError::NeedsVersion { feature, since, target } => {
                write!(f, "{feature} needs StarRocks {since} or later; the target is {target}")
            }
            PlanError::CatalogsWithDatabase => write!(
                f,
                "external catalogs are backed up and restored on their own, without a database"
            ),
            PlanError::CatalogsWithObjects => {
                write!(f, "a statement for external catalogs cannot list objects in ON (…)")
            }
            PlanError::EmptyCatalogList => write!(f, "an external-catalog list needs at least one catalog"),
            PlanError::DefaultCatalog => {
                write!(f, "`default_catalog` cannot be backed up, restored or used as an alias")
            }
            PlanError::InvalidFunctionName { name, reason } => {
                write!(f, "StarRocks rejects the function name `{name}`: {reason}")
            }
            PlanError::TimeoutTooShort { seconds } => {
                write!(f, "timeout {seconds} is under 600 seconds (StarRocks: timeout must be at least 10 min)")
            }
            PlanError::InvalidPropertyValue { key, value, expected } => {
                write!(f, "`{value}` is not a valid `{key}`: expected {expected}")
            }
            PlanError::MissingProperty { key } => write!(f, "the `{key}` property is required"),
            PlanError::DatabaseRequired { needed_for } => {
                write!(f, "the database must be named for {needed_for}")
            }
        }
    }
}

impl std::error::Error for PlanError {}

/// `Ok` when `name` can be written in SQL and is not empty.
pub(crate) fn check_name(role: NameRole, name: &str) -> Result<(), PlanError> {
    if name.is_empty() {
        return Err(PlanError::EmptyName { role });
    }
    check_representable(role, name)
}

/// `Ok` when `name` passes `FeNameFormat`'s rule for `role`: `DB_NAME_REGEX` for databases,
/// `COMMON_NAME_REGEX` for repositories (any other role is only checked by [`check_name`]).
/// Mirrors `check::rules::is_valid_db_name` / `is_valid_common_name`, which are private to
/// the checks.
pub(crate) fn check_starrocks_name(role: NameRole, name: &str) -> Result<(), PlanError> {
    check_name(role, name)?;
    let max = match role {
        NameRole::Database | NameRole::DatabaseAlias => 256,
        NameRole::Repository => 64,
        _ => return Ok(()),
    };
    let ok = crate::check::matches_name_regex(name, max);
    if ok {
        Ok(())
    } else {
        Err(PlanError::InvalidName { role, name: name.to_string() })
    }
}

/// `Ok` when `name` can be written in SQL (it has no backquote); empty names are allowed,
/// since `` `` `` is valid syntax.
pub(crate) fn check_representable(role: NameRole, name: &str) -> Result<(), PlanError> {
    if name.contains('`') {
        Err(PlanError::UnrepresentableName { role, name: name.to_string() })
    } else {
        Ok(())
    }
}

/// StarRocks's `FunctionName` rules: letters, digits and `_` only, no leading digit.
pub(crate) fn check_function_name(name: &str) -> Result<(), PlanError> {
    let bad = |reason: &str| {
        Err(PlanError::InvalidFunctionName { name: name.to_string(), reason: reason.to_string() })
    };
    if name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return bad("a function name cannot start with a digit");
    }
    if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return bad("a function name holds only letters, digits and `_`");
    }
    Ok(())
}

/// Whether a plan is a BACKUP or a RESTORE, and the syntax and options that decide what its
/// object list may hold.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ObjectContext<'a> {
    pub syntax: Syntax,
    pub options: &'a PlanOptions,
    pub restore: bool,
}

impl ObjectContext<'_> {
    /// The checks on one object that need no other object.
    pub fn check_alone(&self, obj: &PlanObject) -> Result<(), PlanError> {
        match obj {
            PlanObject::All { kind } => {
                if self.syntax == Syntax::Pre34 {
                    return Err(PlanError::NeedsNewSyntax {
                        what: format!("`ALL {}`", kind.plural_keyword()),
                    });
                }
            }
            PlanObject::Named(n) => {
                check_name(NameRole::Object, &n.name)?;
                if self.syntax == Syntax::Pre34 && n.kind != ObjectKind::Table {
                    return Err(PlanError::NeedsNewSyntax { what: format!("{} items", n.kind.keyword()) });
                }
                if n.kind == ObjectKind::Function {
                    check_function_name(&n.name)?;
                }
                if let Some(p) = &n.partitions {
                    if n.kind != ObjectKind::Table {
                        return Err(PlanError::PartitionsNotAllowed { kind: n.kind });
                    }
                    check_partitions(p)?;
                }
                if let Some(alias) = &n.alias {
                    if !self.restore {
                        return Err(PlanError::AliasInBackup);
                    }
                    check_name(NameRole::Alias, alias)?;
                    if n.kind.is_relation() && alias == &n.name {
                        return Err(PlanError::DuplicateAlias { alias: alias.clone() });
                    }
                }
            }
        }
        Ok(())
    }
}

/// Names, at least one, no duplicates, not temporary.
pub(crate) fn check_partitions(p: &Partitions) -> Result<(), PlanError> {
    if p.names.is_empty() {
        return Err(PlanError::EmptyPartitionList);
    }
    if p.temporary {
        return Err(PlanError::TemporaryPartitions);
    }
    // Owned names: the set type the object index uses too, one copy of its code in the wasm build.
    let mut seen: HashSet<String> = HashSet::with_capacity(p.names.len());
    for name in &p.names {
        check_name(NameRole::Partition, name)?;
        if !seen.insert(name.clone()) {
            return Err(PlanError::DuplicatePartition { name: name.clone() });
        }
    }
    Ok(())
}

/// What an object list holds so far, for checking one more object in constant time: the
/// single mechanism behind adding, editing and validating, so that every path applies the
/// same duplicate rules and none is quadratic.
///
/// StarRocks's rules: tables, views and MVs share one namespace, compared case-sensitively
/// from 3.4 on and case-insensitively before; function names are matched case-insensitively;
/// RESTORE aliases must differ from every listed table name and from each other (compared
/// exactly, StarRocks uses a `HashSet`).
pub(crate) struct ObjectIndex<'c> {
    cx: ObjectContext<'c>,
    relations: HashMap<String, ObjectKind>,
    relation_names: HashSet<String>,
    functions: HashSet<String>,
    /// The kinds listed as "all", each once (a handful at most).
    alls: Vec<ObjectKind>,
    aliases: HashSet<String>,
}

impl<'c> ObjectIndex<'c> {
    /// An index over `objects`, leaving out the one at `skip` (the one being edited).
    /// Objects already in the list are indexed without being checked.
    pub fn new(cx: ObjectContext<'c>, objects: &[PlanObject], skip: Option<usize>) -> Self {
        let mut index = ObjectIndex {
            cx,
            relations: HashMap::with_capacity(objects.len()),
            relation_names: HashSet::with_capacity(objects.len()),
            functions: HashSet::new(),
            alls: Vec::new(),
            aliases: HashSet::new(),
        };
        for (i, obj) in objects.iter().enumerate() {
            if Some(i) != skip {
                index.insert(obj);
            }
        }
        index
    }

    fn relation_key(&self, name: &str) -> String {
        if self.cx.options.case_sensitive_duplicates() {
            name.to_string()
        } else {
            crate::lexer::fold_case(name)
        }
    }

    fn insert(&mut self, obj: &PlanObject) {
        match obj {
            PlanObject::All { kind } => {
                if !self.alls.contains(kind) {
                    self.alls.push(*kind);
                }
            }
            PlanObject::Named(n) if n.kind.is_relation() => {
                let key = self.relation_key(&n.name);
                self.relations.entry(key).or_insert(n.kind);
                self.relation_names.insert(n.name.clone());
                if let Some(a) = &n.alias {
                    self.aliases.insert(a.clone());
                }
            }
            PlanObject::Named(n) => {
                self.functions.insert(crate::lexer::fold_case(&n.name));
            }
        }
    }

    /// Checks `obj` against itself and everything indexed, then indexes it.
    pub fn admit(&mut self, obj: &PlanObject) -> Result<(), PlanError> {
        self.cx.check_alone(obj)?;
        match obj {
            PlanObject::All { kind } => {
                if self.alls.contains(kind) {
                    return Err(PlanError::DuplicateAll { kind: *kind });
                }
            }
            PlanObject::Named(n) if n.kind.is_relation() => {
                if let Some(existing) = self.relations.get(&self.relation_key(&n.name)) {
                    return Err(PlanError::DuplicateObject { name: n.name.clone(), existing: *existing });
                }
                if self.aliases.contains(&n.name) {
                    return Err(PlanError::DuplicateAlias { alias: n.name.clone() });
                }
                if let Some(a) = &n.alias {
                    if self.relation_names.contains(a) || self.aliases.contains(a) {
                        return Err(PlanError::DuplicateAlias { alias: a.clone() });
                    }
                }
            }
            PlanObject::Named(n) => {
                if self.functions.contains(&crate::lexer::fold_case(&n.name)) {
                    return Err(PlanError::DuplicateObject {
                        name: n.name.clone(),
                        existing: ObjectKind::Function,
                    });
                }
            }
        }
        self.insert(obj);
        Ok(())
    }
}

/// Every problem of an object list, in list order (one pass).
pub(crate) fn validate_objects(cx: ObjectContext<'_>, objects: &[PlanObject], out: &mut Vec<PlanError>) {
    let mut index = ObjectIndex::new(cx, &[], None);
    for obj in objects {
        if let Err(e) = index.admit(obj) {
            out.push(e);
            // Index it anyway, so a later clash is reported against it.
            index.insert(obj);
        }
    }
}

/// The object-list operations shared by [`crate::plan::BackupPlan`] and
/// [`crate::plan::RestorePlan`]. Each leaves the list unchanged when it fails.
pub(crate) struct ObjectEditor<'a, 'c> {
    pub cx: ObjectContext<'c>,
    pub objects: &'a mut Vec<PlanObject>,
    /// Why the plan cannot list objects at all (external catalogs; a RESTORE without a
    /// database), if it cannot.
    pub blocked: Option<PlanError>,
}

impl ObjectEditor<'_, '_> {
    fn in_range(&self, index: usize) -> Result<(), PlanError> {
        if index < self.objects.len() {
            Ok(())
        } else {
            Err(PlanError::IndexOutOfRange { index, len: self.objects.len() })
        }
    }

    fn can_list_objects(&self) -> Result<(), PlanError> {
        match &self.blocked {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    pub fn insert_all(&mut self, at: usize, new: Vec<PlanObject>) -> Result<(), PlanError> {
        if at > self.objects.len() {
            return Err(PlanError::IndexOutOfRange { index: at, len: self.objects.len() });
        }
        if new.is_empty() {
            return Ok(());
        }
        self.can_list_objects()?;
        let mut index = ObjectIndex::new(self.cx, self.objects, None);
        for obj in &new {
            index.admit(obj)?;
        }
        self.objects.splice(at..at, new);
        Ok(())
    }

    pub fn replace(&mut self, at: usize, obj: PlanObject) -> Result<(), PlanError> {
        self.in_range(at)?;
        ObjectIndex::new(self.cx, self.objects, Some(at)).admit(&obj)?;
        self.objects[at] = obj;
        Ok(())
    }

    pub fn remove(&mut self, at: usize) -> Result<PlanObject, PlanError> {
        self.in_range(at)?;
        Ok(self.objects.remove(at))
    }

    pub fn move_to(&mut self, from: usize, to: usize) -> Result<(), PlanError> {
        self.in_range(from)?;
        self.in_range(to)?;
        let obj = self.objects.remove(from);
        self.objects.insert(to, obj);
        Ok(())
    }

    pub fn set_all(&mut self, kind: ObjectKind, on: bool) -> Result<(), PlanError> {
        let at = self.objects.iter().position(|o| matches!(o, PlanObject::All { kind: k } if *k == kind));
        match (at, on) {
            (Some(_), true) | (None, false) => Ok(()),
            (Some(i), false) => {
                self.objects.remove(i);
                Ok(())
            }
            (None, true) => {
                let len = self.objects.len();
                self.insert_all(len, vec![PlanObject::All { kind }])
            }
        }
    }

    pub fn set_partitions(&mut self, at: usize, partitions: Option<Partitions>) -> Result<(), PlanError> {
        self.in_range(at)?;
        let PlanObject::Named(n) = &self.objects[at] else {
            return if partitions.is_some() { Err(PlanError::NotNamed { index: at }) } else { Ok(()) };
        };
        let mut edited = n.clone();
        edited.partitions = partitions;
        self.replace(at, PlanObject::Named(edited))
    }

    pub fn set_alias(&mut self, at: usize, alias: Option<String>) -> Result<(), PlanError> {
        self.in_range(at)?;
        let PlanObject::Named(n) = &self.objects[at] else {
            return if alias.is_some() { Err(PlanError::NotNamed { index: at }) } else { Ok(()) };
        };
        let mut edited = n.clone();
        edited.alias = alias;
        self.replace(at, PlanObject::Named(edited))
    }
}

/// Generates the editing methods BACKUP and RESTORE plans share: the object list (which
/// delegates to [`ObjectEditor`]), the snapshot, the repository and the target version.
macro_rules! plan_operations {
    ($plan:ty) => {
        impl $plan {
            /// Renames the snapshot (StarRocks only requires a name).
            pub fn set_snapshot(
                &mut self,
                snapshot: impl Into<String>,
            ) -> Result<(), $crate::plan::PlanError> {
                let snapshot = snapshot.into();
                $crate::plan::model::check_name($crate::plan::NameRole::Snapshot, &snapshot)?;
                self.snapshot = snapshot;
                Ok(())
            }

            /// Changes the repository (a name StarRocks accepts for CREATE REPOSITORY).
            pub fn set_repository(
                &mut self,
                repository: impl Into<String>,
            ) -> Result<(), $crate::plan::PlanError> {
                let repository = repository.into();
                $crate::plan::model::check_starrocks_name($crate::plan::NameRole::Repository, &repository)?;
                self.repository = repository;
                Ok(())
            }

            /// Changes the target version. Refused when the plan uses something the version
            /// lacks (the 3.4 syntax, `ttl`) or when its duplicate rules (case-insensitive
            /// before 3.4) would be broken; problems the plan already had do not count.
            pub fn set_target(
                &mut self,
                target: $crate::check::Version,
            ) -> Result<(), $crate::plan::PlanError> {
                let before = self.validate();
                let mut candidate = self.clone();
                candidate.options.target = target;
                if let Some(e) = candidate.validate().into_iter().find(|e| !before.contains(e)) {
                    return Err(e);
                }
                self.options.target = target;
                Ok(())
            }

            /// Appends an object. Fails, leaving the plan unchanged, when the object is
            /// invalid, already listed, or cannot be written in the plan's syntax.
            pub fn add_object(
                &mut self,
                object: $crate::plan::PlanObject,
            ) -> Result<(), $crate::plan::PlanError> {
                let at = self.objects.len();
                self.editor().insert_all(at, vec![object])
            }

            /// Appends many objects at once, in linear time. All or nothing: on the first
            /// refused object the plan is left unchanged.
            pub fn add_objects<I: IntoIterator<Item = $crate::plan::PlanObject>>(
                &mut self,
                objects: I,
            ) -> Result<(), $crate::plan::PlanError> {
                let at = self.objects.len();
                self.editor().insert_all(at, objects.into_iter().collect())
            }

            /// Inserts an object at `index` (0 ..= the number of objects).
            pub fn insert_object(
                &mut self,
                index: usize,
                object: $crate::plan::PlanObject,
            ) -> Result<(), $crate::plan::PlanError> {
                self.editor().insert_all(index, vec![object])
            }

            /// Replaces the object at `index` (an edit: rename, change kind, …).
            pub fn replace_object(
                &mut self,
                index: usize,
                object: $crate::plan::PlanObject,
            ) -> Result<(), $crate::plan::PlanError> {
                self.editor().replace(index, object)
            }

            /// Removes and returns the object at `index`.
            pub fn remove_object(
                &mut self,
                index: usize,
            ) -> Result<$crate::plan::PlanObject, $crate::plan::PlanError> {
                self.editor().remove(index)
            }

            /// Moves the object at `from` to position `to`.
            pub fn move_object(&mut self, from: usize, to: usize) -> Result<(), $crate::plan::PlanError> {
                self.editor().move_to(from, to)
            }

            /// Turns `ALL <kind>S` on (appended) or off.
            pub fn set_all(
                &mut self,
                kind: $crate::plan::ObjectKind,
                on: bool,
            ) -> Result<(), $crate::plan::PlanError> {
                self.editor().set_all(kind, on)
            }

            /// Sets (or, with `None`, clears) the partitions of the named table at `index`.
            pub fn set_partitions(
                &mut self,
                index: usize,
                partitions: Option<$crate::plan::Partitions>,
            ) -> Result<(), $crate::plan::PlanError> {
                self.editor().set_partitions(index, partitions)
            }
        }
    };
}
pub(crate) use plan_operations;

/// Properties with typed fields for the keys StarRocks knows and a verbatim list for the
/// rest. A known key whose value does not parse is kept in the verbatim list, so loading a
/// statement never drops a property.
pub(crate) trait TypedProperties {
    /// Stores `value` in the typed field of `key`: `None` when `key` has no typed field,
    /// `Some(Err)` (field unchanged) when StarRocks cannot parse the value.
    fn assign(&mut self, key: &str, value: &str) -> Option<Result<(), PlanError>>;
    /// Clears the typed field of `key`; false when `key` has none.
    fn clear(&mut self, key: &str) -> bool;
    /// The typed fields that are set, as StarRocks strings, in a fixed order.
    fn typed_entries(&self) -> Vec<(&'static str, String)>;
    /// The verbatim properties.
    fn extra(&self) -> &Vec<Property>;
    /// The verbatim properties, mutably.
    fn extra_mut(&mut self) -> &mut Vec<Property>;

    /// Loads a property from SQL: typed when it parses, verbatim otherwise. Never fails.
    fn load(&mut self, key: &str, value: &str) {
        if !matches!(self.assign(key, value), Some(Ok(()))) {
            self.extra_mut().push(Property { key: key.to_string(), value: value.to_string() });
        }
    }

    /// Sets a property: a known key must get a value StarRocks parses. Any earlier entry
    /// of the key is replaced.
    fn set(&mut self, key: &str, value: &str) -> Result<(), PlanError> {
        let typed = match self.assign(key, value) {
            Some(r) => {
                r?;
                true
            }
            None => false,
        };
        self.extra_mut().retain(|p| p.key != key);
        if !typed {
            self.extra_mut().push(Property { key: key.to_string(), value: value.to_string() });
        }
        Ok(())
    }

    /// Removes a property, typed or verbatim; true when it was set.
    fn remove(&mut self, key: &str) -> bool {
        let typed = self.clear(key);
        let before = self.extra().len();
        self.extra_mut().retain(|p| p.key != key);
        typed || self.extra().len() != before
    }

    /// Every property, typed ones first, as `(key, value)`.
    fn entries(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            self.typed_entries().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        out.extend(self.extra().iter().map(|p| (p.key.clone(), p.value.clone())));
        out
    }
}

/// The problems of the verbatim properties: a key given twice, or a known key whose value
/// StarRocks cannot parse (found by assigning it to a scratch copy).
pub(crate) fn validate_extra<P: TypedProperties + Clone>(props: &P, out: &mut Vec<PlanError>) {
    let mut seen: HashSet<String> = props.typed_entries().into_iter().map(|(k, _)| k.to_string()).collect();
    let mut scratch = props.clone();
    for p in props.extra() {
        if !seen.insert(p.key.clone()) {
            out.push(PlanError::DuplicateProperty { key: p.key.clone() });
        } else if let Some(Err(e)) = scratch.assign(&p.key, &p.value) {
            out.push(e);
        }
    }
}

/// Parses a number as Java's `Long.parseLong` / `Integer.parseInt` do (ASCII digits, an
/// optional sign).
pub(crate) fn parse_java_int<T: std::str::FromStr>(
    key: &str,
    value: &str,
    expected: &str,
) -> Result<T, PlanError> {
    value.parse::<T>().map_err(|_| PlanError::InvalidPropertyValue {
        key: key.to_string(),
        value: value.to_string(),
        expected: expected.to_string(),
    })
}

/// The timeout rule StarRocks applies to BACKUP and RESTORE alike.
pub(crate) fn check_timeout(seconds: i64) -> Result<(), PlanError> {
    if seconds.saturating_mul(1000) < 600_000 {
        Err(PlanError::TimeoutTooShort { seconds })
    } else {
        Ok(())
    }
}
