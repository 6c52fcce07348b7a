//! A catalog: what a StarRocks cluster holds, as far as the BACKUP family cares.
//!
//! It is optional. Given one, the checks can say that a table does not exist, that a
//! repository is read-only or that a job is already running, and the object lists of
//! `ALL …` items and of BACKUPs without `ON` can be expanded. Without one those checks stay
//! silent. The JSON form is documented in `docs/catalog.md`; every field is optional.

use crate::ast::{BackupStmt, ObjectItem, ObjectKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The catalog document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Catalog {
    /// Format version of the document (1).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub version: u32,
    /// The session's current database (`SELECT DATABASE()`), used when a statement names none.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub current_database: Option<String>,
    /// The session's current catalog; `default_catalog` when absent.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub current_catalog: Option<String>,
    /// Databases of the default catalog.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub databases: Vec<Database>,
    /// External catalogs (`SHOW CATALOGS`, without `default_catalog`).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub external_catalogs: Vec<String>,
    /// Repositories (`SHOW REPOSITORIES`) and their snapshots.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub repositories: Vec<Repository>,
    /// Unfinished BACKUP and RESTORE jobs (`SHOW BACKUP` / `SHOW RESTORE` rows whose state is
    /// not FINISHED or CANCELLED).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub running_jobs: Vec<RunningJob>,
    /// How many alive backends the cluster has (`SHOW BACKENDS` rows with `Alive` true): a
    /// RESTORE creates each table with `replication_num` replicas on as many different hosts.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub backends: Option<u32>,
    /// Shared-data clusters: the storage volumes (`SHOW STORAGE VOLUMES`); `None` when not
    /// listed (their existence is then not checked).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub storage_volumes: Option<Vec<String>>,
    /// Shared-data clusters: the cluster snapshots, automated and manual
    /// (`information_schema.cluster_snapshots`, with the state of their jobs from
    /// `information_schema.cluster_snapshot_jobs`); `None` when not listed.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub cluster_snapshots: Option<Vec<ClusterSnapshot>>,
    /// Shared-data clusters: whether automated cluster snapshots are on (`ADMIN SHOW
    /// AUTOMATED CLUSTER SNAPSHOT`'s `Enabled`, 4.0.6+); `None` when not known.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub automated_snapshot: Option<bool>,
}

/// A cluster snapshot of a shared-data cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ClusterSnapshot {
    /// Its name (`automated_cluster_snapshot_<ms>` for automated ones).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Its job's state (`FINISHED`, `SNAPSHOTING`, `UPLOADING`, `ERROR`, …); `None` when not known.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub state: Option<String>,
}

/// One database.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Database {
    /// Its name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Tables, views and materialized views.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub tables: Vec<Table>,
    /// User-defined functions (one entry per overload).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub functions: Vec<Function>,
    /// Where each table is, by name: built on the first look-up, not part of the document.
    #[doc(hidden)]
    #[serde(skip)]
    #[cfg_attr(feature = "typescript", ts(skip))]
    pub tables_index: NameIndex,
    /// Where each function's overloads are, by ASCII-lower-cased name: likewise.
    #[doc(hidden)]
    #[serde(skip)]
    #[cfg_attr(feature = "typescript", ts(skip))]
    pub functions_index: NameIndex,
}

/// Positions of names in a list, built once on the first look-up so that finding one of N
/// objects costs O(1) rather than O(N) (a BACKUP of 10,000 tables checked against a catalog of
/// as many took 200 ms, 100,000 about 20 s). It is not part of the document: it compares
/// equal to any other, clones empty, and is rebuilt if the list's length changes; a position
/// is checked against the list before it is trusted.
#[derive(Default)]
pub struct NameIndex(std::sync::OnceLock<Built>);

/// A built [`NameIndex`]: the list's length when it was built, each key's slot, and each
/// slot's positions. (`HashMap<String, usize>` is the map type the crate already uses
/// elsewhere: one more instance of hashbrown's code would cost the wasm builds about 1 KB.)
#[derive(Default)]
struct Built {
    len: usize,
    slots: std::collections::HashMap<String, usize>,
    positions: Vec<Vec<u32>>,
}

impl NameIndex {
    /// The positions of `key` in `items`, whose keys `key_of` gives (`None` when the index is
    /// stale: the caller then scans).
    fn positions<T>(&self, items: &[T], key_of: impl Fn(&T) -> String, key: &str) -> Option<&[u32]> {
        let built = self.0.get_or_init(|| {
            let mut b = Built { len: items.len(), ..Built::default() };
            for (i, item) in items.iter().enumerate() {
                let next = b.positions.len();
                let slot = *b.slots.entry(key_of(item)).or_insert(next);
                if slot == next {
                    b.positions.push(Vec::new());
                }
                b.positions[slot].push(i as u32);
            }
            b
        });
        (built.len == items.len())
            .then(|| built.slots.get(key).map_or(&[][..], |&slot| built.positions[slot].as_slice()))
    }
}

impl Clone for NameIndex {
    fn clone(&self) -> Self {
        NameIndex::default()
    }
}

impl PartialEq for NameIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for NameIndex {}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NameIndex")
    }
}

/// What kind of object a table entry is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum TableKind {
    /// A table (see [`Table::engine`] for its storage).
    #[default]
    Table,
    /// A logical view.
    View,
    /// An asynchronous materialized view.
    MaterializedView,
}

/// A table, view or materialized view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Table {
    /// Its name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Table, view or materialized view.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub kind: TableKind,
    /// Storage engine as `information_schema.tables.ENGINE` shows it: `StarRocks`/`OLAP` for
    /// native tables; `MySQL`, `Elasticsearch`, `Hive`, … for external tables (which cannot be
    /// backed up).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub engine: String,
    /// How it is partitioned: `range`, `list`, `expression` or `unpartitioned`.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub partition_type: Option<String>,
    /// Partition names.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub partitions: Vec<String>,
    /// Temporary partition names.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub temporary_partitions: Vec<String>,
    /// For materialized views: base tables as `db.table` (or `table` in the same database).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub base_tables: Vec<String>,
    /// A temporary table (never backed up).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub temporary: bool,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            name: String::new(),
            kind: TableKind::Table,
            engine: "OLAP".into(),
            partition_type: None,
            partitions: Vec::new(),
            temporary_partitions: Vec::new(),
            base_tables: Vec::new(),
            temporary: false,
        }
    }
}

impl Table {
    /// True for tables stored by StarRocks itself (the only tables BACKUP supports).
    pub fn is_native(&self) -> bool {
        matches!(self.engine.to_ascii_uppercase().as_str(), "OLAP" | "STARROCKS" | "CLOUD_NATIVE" | "")
    }

    /// The [`ObjectKind`] this entry answers to.
    pub fn object_kind(&self) -> ObjectKind {
        match self.kind {
            TableKind::Table => ObjectKind::Table,
            TableKind::View => ObjectKind::View,
            TableKind::MaterializedView => ObjectKind::MaterializedView,
        }
    }
}

/// A user-defined function overload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Function {
    /// Its name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Argument types, e.g. `["INT", "STRING"]`.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub args: Vec<String>,
}

impl Function {
    /// `name(INT, STRING)`.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name, self.args.join(", "))
    }
}

/// A repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Repository {
    /// Its name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Created `READ ONLY`.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub read_only: bool,
    /// Its location.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub location: Option<String>,
    /// Snapshots it holds (`SHOW SNAPSHOT ON repo`), one entry per (name, timestamp).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub snapshots: Vec<Snapshot>,
}

/// A snapshot in a repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Snapshot {
    /// The snapshot (label) name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Its backup timestamp, e.g. `2024-12-09-10-25-58-842`.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub timestamp: String,
    /// The database it was taken from; absent for a snapshot of external catalogs.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub database: Option<String>,
    /// Tables, views and materialized views in it.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub tables: Vec<SnapshotTable>,
    /// Function names in it.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub functions: Vec<String>,
    /// External catalogs in it.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub catalogs: Vec<String>,
}

/// A table inside a snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SnapshotTable {
    /// Its name.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub name: String,
    /// Its kind.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub kind: TableKind,
    /// Partitions in the snapshot.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub partitions: Vec<String>,
}

/// BACKUP or RESTORE.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum JobKind {
    /// A BACKUP job.
    #[default]
    Backup,
    /// A RESTORE job.
    Restore,
}

/// An unfinished job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RunningJob {
    /// BACKUP or RESTORE.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub kind: JobKind,
    /// Its database; empty for an external-catalog job.
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub database: String,
    /// Its label (snapshot name).
    #[cfg_attr(feature = "typescript", ts(as = "Option<_>", optional))]
    pub label: String,
    /// Its repository.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub repository: Option<String>,
    /// Its job id.
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub job_id: Option<String>,
    /// Its state (`PENDING`, `SNAPSHOTING`, `UPLOADING`, …).
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub state: Option<String>,
}

impl Catalog {
    /// The database named `name` (names are compared exactly, as StarRocks does).
    pub fn database(&self, name: &str) -> Option<&Database> {
        self.databases.iter().find(|d| d.name == name)
    }

    /// The repository named `name`.
    pub fn repository(&self, name: &str) -> Option<&Repository> {
        self.repositories.iter().find(|r| r.name == name)
    }

    /// The external catalog named `name` (case-insensitive, as StarRocks compares them).
    pub fn external_catalog(&self, name: &str) -> Option<&str> {
        self.external_catalogs.iter().find(|c| c.eq_ignore_ascii_case(name)).map(String::as_str)
    }

    /// The cluster snapshot named `name` (exact, as StarRocks looks its jobs up); `None` also
    /// when the catalog does not list cluster snapshots.
    pub fn cluster_snapshot(&self, name: &str) -> Option<&ClusterSnapshot> {
        self.cluster_snapshots.as_ref()?.iter().find(|s| s.name == name)
    }

    /// The current catalog (default `default_catalog`).
    pub fn current_catalog(&self) -> &str {
        self.current_catalog.as_deref().unwrap_or("default_catalog")
    }
}

impl Database {
    /// The table, view or materialized view named `name` (exact).
    pub fn table(&self, name: &str) -> Option<&Table> {
        match self.tables_index.positions(&self.tables, |t| t.name.clone(), name) {
            Some(at) => at.iter().map(|&i| &self.tables[i as usize]).find(|t| t.name == name),
            None => self.tables.iter().find(|t| t.name == name),
        }
    }

    /// Every overload of the function `name` (case-insensitive, as StarRocks matches them).
    pub fn functions_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Function> + 'a {
        let key = name.to_ascii_lowercase();
        let at = self.functions_index.positions(&self.functions, |f| f.name.to_ascii_lowercase(), &key);
        let all: Box<dyn Iterator<Item = &'a Function> + 'a> = match at {
            Some(at) => Box::new(at.iter().map(move |&i| &self.functions[i as usize])),
            None => Box::new(self.functions.iter()),
        };
        all.filter(move |f| f.name.eq_ignore_ascii_case(name))
    }
}

/// Why an object is in a BACKUP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Named in the ON list.
    Listed,
    /// Brought in by an `ALL …` item.
    All,
    /// The BACKUP has no ON clause: the whole database.
    WholeDatabase,
}

/// One object a BACKUP will include, after expansion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpandedObject {
    /// Its kind (bare names are tables).
    pub kind: ObjectKind,
    /// Its name.
    pub name: String,
    /// Partitions named in the statement (empty: the whole object).
    pub partitions: Vec<String>,
    /// How it got in.
    pub origin: Origin,
    /// The statement text that brought it in (the item, or the whole statement).
    pub span: Span,
}

/// Expands a BACKUP's objects against a database of the catalog, as StarRocks's analyzer
/// does: with no ON clause every table, materialized view, view and function; `ALL TABLES`,
/// `ALL MATERIALIZED VIEWS`, `ALL VIEWS` and `ALL FUNCTIONS` add every object of that kind
/// not already listed (names compared case-insensitively); temporary tables are skipped.
/// Listed objects are kept as written, even when the catalog lacks them.
pub fn expand_backup(stmt: &BackupStmt, db: &Database, statement_span: Span) -> Vec<ExpandedObject> {
    let mut out: Vec<ExpandedObject> = Vec::new();
    let (all_kinds, origin): (Vec<(ObjectKind, Span)>, Origin) = match &stmt.on {
        None => (
            [ObjectKind::Table, ObjectKind::MaterializedView, ObjectKind::View, ObjectKind::Function]
                .into_iter()
                .map(|k| (k, statement_span))
                .collect(),
            Origin::WholeDatabase,
        ),
        Some(on) => {
            let mut kinds = Vec::new();
            for item in &on.items {
                match item {
                    ObjectItem::All { kind, span } => kinds.push((*kind, *span)),
                    ObjectItem::Named(n) => out.push(ExpandedObject {
                        kind: n.effective_kind(),
                        name: n.name.last().value.clone(),
                        partitions: match &n.partitions {
                            Some(crate::ast::PartitionSpec::Names { names, .. }) => {
                                names.iter().map(|p| p.value().to_string()).collect()
                            }
                            _ => Vec::new(),
                        },
                        origin: Origin::Listed,
                        span: n.span,
                    }),
                }
            }
            (kinds, Origin::All)
        }
    };
    for (kind, span) in all_kinds {
        if kind == ObjectKind::Function {
            let mut seen: Vec<String> = Vec::new();
            for f in &db.functions {
                let listed = out
                    .iter()
                    .any(|o| o.kind == ObjectKind::Function && o.name.eq_ignore_ascii_case(&f.name));
                if !listed && !seen.iter().any(|s| s.eq_ignore_ascii_case(&f.name)) {
                    seen.push(f.name.clone());
                    out.push(ExpandedObject { kind, name: f.name.clone(), partitions: vec![], origin, span });
                }
            }
            continue;
        }
        for t in db.tables.iter().filter(|t| !t.temporary && t.object_kind() == kind) {
            let listed =
                out.iter().any(|o| o.kind != ObjectKind::Function && o.name.eq_ignore_ascii_case(&t.name));
            if !listed {
                out.push(ExpandedObject { kind, name: t.name.clone(), partitions: vec![], origin, span });
            }
        }
    }
    out
}
