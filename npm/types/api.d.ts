// Generated from the Rust types by `UPDATE_TYPES=1 cargo test -p starrocks-backup-sql-wasm`.
// Do not edit: the test `types_are_current` fails when this file is out of date.

/**
 * A BACKUP or a RESTORE plan.
 */
export type AnyPlan = { "statement": "backup" } & BackupPlan | { "statement": "restore" } & RestorePlan | { "statement": "cluster_snapshot" } & ClusterSnapshotPlan;

/**
 * The external catalogs of a BACKUP.
 */
export type BackupCatalogs = { "select": "all" } | { "select": "list",
  /**
   * The catalogs, at least one.
   */
  names: Array<string>,
};

/**
 * A BACKUP statement as structure.
 *
 * A plan names a database and lists objects (none: the whole database), or names external
 * catalogs instead. It is written in the [`Syntax`] the user picks. The editing methods keep
 * it valid for its syntax and target version, or return a [`PlanError`] saying why not; a
 * plan loaded from SQL holds whatever the statement said, and [`BackupPlan::validate`] lists
 * what StarRocks would object to.
 */
export type BackupPlan = {
  /**
   * The database; `None` backs up the session's current database (or, with catalogs,
   * no database at all).
   */
  database: string | null,
  /**
   * The snapshot's name.
   */
  snapshot: string,
  /**
   * The repository to write it to.
   */
  repository: string,
  /**
   * The syntax to write.
   */
  syntax: Syntax,
  /**
   * External catalogs (3.4+); excludes the database and the object list.
   */
  catalogs: BackupCatalogs | null,
  /**
   * The `ON (…)` list, in order; empty backs up the whole database.
   */
  objects: Array<PlanObject>,
  /**
   * `PROPERTIES (…)`.
   */
  properties: BackupProperties,
  /**
   * What the plan is built for.
   */
  options: PlanOptions,
};

/**
 * BACKUP's `PROPERTIES`: `type`, `timeout` and `ttl` typed, anything else verbatim.
 */
export type BackupProperties = {
  /**
   * `"type"`: FULL or INCREMENTAL.
   */
  type: BackupType | null,
  /**
   * `"timeout"` in seconds (StarRocks wants at least 600).
   */
  timeout: number | null,
  /**
   * `"ttl"`: how long the snapshot is kept, e.g. `7 DAY` (4.2+); empty keeps it forever.
   */
  ttl: string | null,
  /**
   * Every other property, verbatim and in order (also a known key whose value StarRocks
   * cannot parse, so that nothing pasted is lost).
   */
  extra: Array<Property>,
};

/**
 * The `type` property of a BACKUP.
 */
export type BackupType = "full" | "incremental";

/**
 * The catalog document.
 */
export type Catalog = {
  /**
   * Format version of the document (1).
   */
  version?: number,
  /**
   * The session's current database (`SELECT DATABASE()`), used when a statement names none.
   */
  current_database?: string | null,
  /**
   * The session's current catalog; `default_catalog` when absent.
   */
  current_catalog?: string | null,
  /**
   * Databases of the default catalog.
   */
  databases?: Array<Database>,
  /**
   * External catalogs (`SHOW CATALOGS`, without `default_catalog`).
   */
  external_catalogs?: Array<string>,
  /**
   * Repositories (`SHOW REPOSITORIES`) and their snapshots.
   */
  repositories?: Array<Repository>,
  /**
   * Unfinished BACKUP and RESTORE jobs (`SHOW BACKUP` / `SHOW RESTORE` rows whose state is
   * not FINISHED or CANCELLED).
   */
  running_jobs?: Array<RunningJob>,
  /**
   * How many alive backends the cluster has (`SHOW BACKENDS` rows with `Alive` true): a
   * RESTORE creates each table with `replication_num` replicas on as many different hosts.
   */
  backends?: number | null,
  /**
   * Shared-data clusters: the storage volumes (`SHOW STORAGE VOLUMES`); `None` when not
   * listed (their existence is then not checked).
   */
  storage_volumes?: Array<string> | null,
  /**
   * Shared-data clusters: the cluster snapshots, automated and manual
   * (`information_schema.cluster_snapshots`, with the state of their jobs from
   * `information_schema.cluster_snapshot_jobs`); `None` when not listed.
   */
  cluster_snapshots?: Array<ClusterSnapshot> | null,
  /**
   * Shared-data clusters: whether automated cluster snapshots are on (`ADMIN SHOW
   * AUTOMATED CLUSTER SNAPSHOT`'s `Enabled`, 4.0.6+); `None` when not known.
   */
  automated_snapshot?: boolean | null,
};

/**
 * An external catalog to restore, optionally under another name.
 */
export type CatalogRename = {
  /**
   * The catalog in the snapshot.
   */
  name: string,
  /**
   * The name to restore it as.
   */
  alias: string | null,
};

/**
 * How sure the requirement is.
 */
export type Certainty = "checked" | "documented" | "uncertain";

/**
 * Every stage's view of a text.
 */
export type CheckReport = {
  /**
   * The statements, in order.
   */
  statements: Array<StatementInfo>,
  /**
   * Every diagnostic, in source order.
   */
  diagnostics: Array<Diagnostic>,
  /**
   * How many diagnostics are errors (StarRocks rejects the statement).
   */
  errors: number,
  /**
   * How many are warnings.
   */
  warnings: number,
  /**
   * How many are notes.
   */
  infos: number,
};

/**
 * Where table data lives.
 */
export type ClusterMode = "shared-nothing" | "shared-data";

/**
 * A cluster snapshot of a shared-data cluster.
 */
export type ClusterSnapshot = {
  /**
   * Its name (`automated_cluster_snapshot_<ms>` for automated ones).
   */
  name?: string,
  /**
   * Its job's state (`FINISHED`, `SNAPSHOTING`, `UPLOADING`, `ERROR`, …); `None` when not known.
   */
  state?: string | null,
};

/**
 * Which cluster-snapshot statement a [`ClusterSnapshotPlan`] writes.
 */
export type ClusterSnapshotAction = "automated_on" | "automated_off" | "alter_interval" | "show_automated" | "create" | "drop" | "restore_table";

/**
 * A cluster-snapshot statement as a form (see the module documentation).
 */
export type ClusterSnapshotPlan = {
  /**
   * The statement to write.
   */
  action: ClusterSnapshotAction,
  /**
   * AutomatedOn (optional) and AlterInterval (required): how often.
   */
  interval: SnapshotInterval | null,
  /**
   * AutomatedOn and Create: where the snapshots go (`builtin_storage_volume` when `None`).
   */
  storageVolume: string | null,
  /**
   * AutomatedOn (`PROPERTIES`) and RestoreTable (`WITH PROPERTIES`).
   */
  properties: Array<Property>,
  /**
   * Create and Drop: the snapshot's name; RestoreTable: the snapshot to restore from.
   */
  snapshot: string,
  /**
   * Create: `IF NOT EXISTS`; Drop: `IF EXISTS`.
   */
  ifExists: boolean,
  /**
   * Create: `COMMENT '…'`.
   */
  comment: string | null,
  /**
   * RestoreTable: the table in the snapshot.
   */
  source: TableName,
  /**
   * RestoreTable: the new table.
   */
  target: TableName,
  /**
   * What the plan is built for.
   */
  options: PlanOptions,
};

/**
 * One companion statement.
 */
export type Companion = {
  /**
   * Which one.
   */
  kind: CompanionKind,
  /**
   * A short title for the UI.
   */
  title: string,
  /**
   * The statement, canonical, ending in `;` and a newline.
   */
  sql: string,
  /**
   * What it does and what to fill in.
   */
  explanation: string,
};

/**
 * Which companion statement.
 */
export type CompanionKind = "restore" | "create_repository" | "show_backup" | "cancel_backup" | "show_snapshot";

/**
 * Everything that comes with a BACKUP plan.
 */
export type Companions = {
  /**
   * The matching RESTORE, with a `backup_timestamp` placeholder.
   */
  restore: Companion,
  /**
   * The same RESTORE as a plan, to edit further (renames, properties).
   */
  restorePlan: RestorePlan,
  /**
   * CREATE REPOSITORY templates, one per [`RepositoryStyle`].
   */
  repositories: Array<RepositoryTemplate>,
  /**
   * SHOW BACKUP.
   */
  showBackup: Companion,
  /**
   * CANCEL BACKUP.
   */
  cancelBackup: Companion,
  /**
   * SHOW SNAPSHOT … WHERE SNAPSHOT = '…'.
   */
  showSnapshot: Companion,
};

/**
 * The statements that come with a BACKUP.
 */
export type CompanionsReport = {
  /**
   * The companions; `null` when there are none (see `problems`).
   */
  companions: Companions | null,
  /**
   * Why there are none.
   */
  problems: Array<Problem>,
  /**
   * What loading the statement reported.
   */
  diagnostics: Array<Diagnostic>,
};

/**
 * What to offer at a cursor.
 */
export type Completion = {
  /**
   * The text the chosen item replaces: the partial word (or quoted name) the cursor is in
   * or right after; empty at the cursor when there is none.
   */
  span: Range,
  /**
   * The items, best first: names before keywords; within a group, items that start with
   * the typed prefix (case-insensitively) first, then alphabetically. Filtered by the
   * typed prefix (case-insensitive prefix match; a name matches by its value, so `my`
   * finds `` `my-table` ``); no duplicates (no two items share a label).
   */
  items: Array<CompletionItem>,
};

/**
 * One thing to offer.
 */
export type CompletionItem = {
  /**
   * What to insert: a keyword in upper case (words the grammar requires together, such as
   * `ORDER BY`, as one item), or a name quoted as StarRocks needs it
   * ([`crate::lexer::quote_identifier`]), or a property key as a string literal.
   */
  label: string,
  /**
   * What it is.
   */
  kind: CompletionKind,
  /**
   * A few words for the UI (e.g. "table in sales", "repository"); `None` for keywords.
   */
  detail: string | null,
};

/**
 * The kind of a [`CompletionItem`].
 */
export type CompletionKind = "keyword" | "database" | "table" | "view" | "materialized_view" | "function" | "partition" | "repository" | "snapshot" | "catalog" | "property";

/**
 * [`convert_sql`]'s result.
 */
export type ConvertedSql = {
  /**
   * The statement in the new syntax; `None` when nothing was loaded or it cannot be
   * converted (see `reasons`).
   */
  sql: string | null,
  /**
   * Where the two forms differ in meaning (see [`Converted::notes`]).
   */
  notes: Array<string>,
  /**
   * Why the statement cannot be converted; empty when it was.
   */
  reasons: Array<PlanError>,
  /**
   * What loading the statement reported (`SR8xx`).
   */
  diagnostics: Array<Diagnostic>,
};

/**
 * One database.
 */
export type Database = {
  /**
   * Its name.
   */
  name?: string,
  /**
   * Tables, views and materialized views.
   */
  tables?: Array<Table>,
  /**
   * User-defined functions (one entry per overload).
   */
  functions?: Array<Function>,
};

/**
 * The text StarRocks answers with when the privilege is missing.
 */
export type Denial = {
  /**
   * The message up to "for this operation".
   */
  message: string,
  /**
   * True when the message names a different privilege from the one checked.
   */
  mislabelled: boolean,
};

/**
 * One finding about the input.
 */
export type Diagnostic = {
  /**
   * Stable code from the rule catalogue, e.g. `SR100`.
   */
  code: string,
  /**
   * How serious it is.
   */
  severity: Severity,
  /**
   * Which stage it mirrors.
   */
  kind: DiagnosticKind,
  /**
   * One sentence saying what is wrong.
   */
  message: string,
  /**
   * Where: byte offsets into the whole input in Rust; serialised inside
   * [`crate::span::with_positions`], a [`crate::span::Range`] in the front end's encoding.
   */
  span: Range,
  /**
   * For syntax errors: what would have been accepted here, in words.
   */
  expected: Array<string>,
  /**
   * How to put it right, in words.
   */
  help: string | null,
  /**
   * A machine-applicable fix, when one is obvious.
   */
  fix: Fix | null,
  /**
   * The message StarRocks itself prints for this, when known.
   */
  starrocksMessage: string | null,
};

/**
 * Which stage of StarRocks (or of this tool) the diagnostic mirrors.
 */
export type DiagnosticKind = "lexical" | "syntax" | "statement" | "semantic" | "catalog" | "submission" | "compat";

/**
 * One text replacement.
 */
export type Edit = {
  /**
   * The bytes to replace (empty for an insertion).
   */
  span: Range,
  /**
   * What to put there.
   */
  replacement: string,
};

/**
 * A machine-applicable fix: a description plus the edits that carry it out.
 */
export type Fix = {
  /**
   * What the fix does, e.g. "insert `TO`".
   */
  message: string,
  /**
   * Non-overlapping edits, in source order.
   */
  edits: Array<Edit>,
};

/**
 * The canonical text, or why the input is kept as written.
 */
export type Formatted = {
  /**
   * The canonical SQL; the input unchanged when formatting would lose text.
   */
  text: string,
  /**
   * True when `text` differs from the input.
   */
  changed: boolean,
  /**
   * Why the input was kept as written: characters StarRocks's lexer drops (which a
   * formatted copy would silently lose). Empty when it was formatted.
   */
  blockedBy: Array<Diagnostic>,
};

/**
 * A user-defined function overload.
 */
export type Function = {
  /**
   * Its name.
   */
  name?: string,
  /**
   * Argument types, e.g. `["INT", "STRING"]`.
   */
  args?: Array<string>,
};

/**
 * One GRANT and its REVOKE.
 */
export type Grant = {
  /**
   * The privileges granted.
   */
  privileges: Array<Privilege>,
  /**
   * The kind of object.
   */
  objectType: ObjectType,
  /**
   * The `ON …` clause, e.g. `TABLE db1.t1`, `ALL TABLES IN DATABASE db1`, `SYSTEM`.
   */
  on: string,
  /**
   * The GRANT statement (no final `;`).
   */
  grant: string,
  /**
   * The REVOKE that undoes it.
   */
  revoke: string,
  /**
   * Why: the distinct reasons of the requirements it covers.
   */
  reasons: Array<string>,
  /**
   * The statement parts that need it.
   */
  neededBy: Array<GrantNeed>,
  /**
   * Why the grant is broader than the object named, when it is.
   */
  broaderBecause: Array<string>,
  /**
   * When every requirement it covers is conditional: the conditions. Empty when needed.
   */
  onlyIf: Array<string>,
  /**
   * The weakest certainty of the requirements it covers.
   */
  certainty: Certainty,
};

/**
 * The statement part a grant is for.
 */
export type GrantNeed = {
  /**
   * Which plan (0-based, in the order given).
   */
  statement: number,
  /**
   * The plan's location, if its caller set one.
   */
  location: string | null,
  /**
   * The statement part.
   */
  what: string,
  /**
   * Where it is in its statement's text.
   */
  span: Range,
};

/**
 * The grants for a set of plans.
 */
export type GrantScript = {
  /**
   * The grantee, as GRANT writes it.
   */
  grantee: string,
  /**
   * The scope used.
   */
  scope: Scope,
  /**
   * The grants, in the order of their first requirement (statement by statement).
   */
  grants: Array<Grant>,
  /**
   * Requirements no GRANT is printed for.
   */
  refused: Array<Refusal>,
  /**
   * The plans' notes, each once.
   */
  notes: Array<ScriptNote>,
};

/**
 * The units of StarRocks's `unitIdentifier`.
 */
export type IntervalUnit = "YEAR" | "QUARTER" | "MONTH" | "WEEK" | "DAY" | "HOUR" | "MINUTE" | "SECOND" | "MILLISECOND" | "MICROSECOND";

/**
 * BACKUP or RESTORE.
 */
export type JobKind = "backup" | "restore";

/**
 * Which name a [`PlanError`] is about.
 */
export type NameRole = "database" | "database_alias" | "snapshot" | "repository" | "object" | "partition" | "catalog" | "alias" | "storage_volume";

/**
 * A named object of an `ON (…)` list.
 */
export type NamedObject = {
  /**
   * What it is.
   */
  kind: ObjectKind,
  /**
   * Its name (without a database qualifier: StarRocks ignores one on BACKUP items).
   */
  name: string,
  /**
   * Partitions to take (tables only); `None` takes the whole table.
   */
  partitions: Partitions | null,
  /**
   * `AS alias`: the name to restore it under (RESTORE only).
   */
  alias: string | null,
};

/**
 * A part of the statement that needs the privilege.
 */
export type NeededBy = {
  /**
   * What it is, e.g. "table `t1`", "the whole database `db1`".
   */
  what: string,
  /**
   * Where it is written (the whole statement for implicit objects).
   */
  span: Range,
};

/**
 * A remark attached to a plan.
 */
export type Note = {
  /**
   * What it is about.
   */
  kind: NoteKind,
  /**
   * The remark.
   */
  text: string,
  /**
   * Where in the statement, if one place.
   */
  span: Range | null,
};

/**
 * What a note is about.
 */
export type NoteKind = "assumption" | "mislabelled" | "uncertain" | "version" | "docs" | "not_found" | "refused" | "info";

/**
 * Kinds of objects an `ON (…)` list can name (and a builder plan can list).
 */
export type ObjectKind = "table" | "materialized_view" | "view" | "function";

/**
 * The kind of object a privilege is checked on, as StarRocks's authorizer names it.
 */
export type ObjectType = "SYSTEM" | "CATALOG" | "DATABASE" | "TABLE" | "FUNCTION" | "STORAGEVOLUME";

/**
 * The options every function takes (all optional).
 */
export type Options = {
  /**
   * The StarRocks version the statements will run on: `"3.3"`, `"v3.4.2"`, `"latest"`
   * (default).
   */
  targetVersion?: string,
  /**
   * `"shared-nothing"` (default) or `"shared-data"`.
   */
  clusterMode?: ClusterMode,
  /**
   * What the cluster holds, in the catalog format of the CLI's `--catalog` (docs/catalog.md).
   */
  catalog?: Catalog,
  /**
   * Who gets the GRANTs: `"ROLE name"` or `"USER 'name'@'host'"` (default
   * `"ROLE backup_operator"`).
   */
  grantee?: string,
  /**
   * How wide the GRANTs are: `"auto"` (default: as the statements ask), `"exact"` or
   * `"broad"`.
   */
  scope?: Scope,
  /**
   * A UTF-16 offset into the SQL: the statement there is the one `planFromSql`,
   * `convertSyntax` and `companions` use (default: the first BACKUP or RESTORE).
   */
  offset?: number,
};

/**
 * The parser's view of a text.
 */
export type ParseReport = {
  /**
   * The statements, in order.
   */
  statements: Array<StatementInfo>,
  /**
   * What the lexer, grammar and AST builder report.
   */
  diagnostics: Array<Diagnostic>,
};

/**
 * The partitions of a table item.
 */
export type Partitions = {
  /**
   * Partition names, at least one.
   */
  names: Array<string>,
  /**
   * `TEMPORARY PARTITION (…)`. StarRocks refuses to back up or restore temporary
   * partitions; the flag exists so that a pasted statement loses nothing.
   */
  temporary: boolean,
};

/**
 * Why an operation on a plan was refused, or what [`crate::plan::BackupPlan::validate`]
 * found. Every variant says which rule of StarRocks (or of the model) stands in the way.
 */
export type PlanError = { "error": "index_out_of_range",
  /**
   * The position asked for.
   */
  index: number,
  /**
   * How many objects there are.
   */
  len: number,
} | { "error": "empty_name",
  /**
   * Which name.
   */
  role: NameRole,
} | { "error": "invalid_name",
  /**
   * Which name.
   */
  role: NameRole,
  /**
   * The name.
   */
  name: string,
} | { "error": "unrepresentable_name",
  /**
   * Which name.
   */
  role: NameRole,
  /**
   * The name.
   */
  name: string,
} | { "error": "duplicate_object",
  /**
   * The name.
   */
  name: string,
  /**
   * The kind of the entry already listed.
   */
  existing: ObjectKind,
} | { "error": "duplicate_all",
  /**
   * The kind.
   */
  kind: ObjectKind,
} | { "error": "duplicate_partition",
  /**
   * The partition.
   */
  name: string,
} | { "error": "duplicate_property",
  /**
   * The key.
   */
  key: string,
} | { "error": "duplicate_catalog",
  /**
   * The catalog.
   */
  name: string,
} | { "error": "duplicate_alias",
  /**
   * The alias.
   */
  alias: string,
} | { "error": "not_named",
  /**
   * The position.
   */
  index: number,
} | { "error": "empty_partition_list" } | { "error": "missing_interval" } | { "error": "wrong_plan" } | { "error": "one_syntax" } | { "error": "partitions_not_allowed",
  /**
   * The kind that was given partitions.
   */
  kind: ObjectKind,
} | { "error": "temporary_partitions" } | { "error": "alias_in_backup" } | { "error": "alias_without_database" } | { "error": "needs_new_syntax",
  /**
   * What, in words (`views`, ``ALL TABLES``, …).
   */
  what: string,
} | { "error": "needs_version",
  /**
   * What, in words.
   */
  feature: string,
  /**
   * The first version that has it.
   */
  since: Version,
  /**
   * The plan's target.
   */
  target: Version,
} | { "error": "catalogs_with_database" } | { "error": "catalogs_with_objects" } | { "error": "empty_catalog_list" } | { "error": "default_catalog" } | { "error": "invalid_function_name",
  /**
   * The name.
   */
  name: string,
  /**
   * Why.
   */
  reason: string,
} | { "error": "timeout_too_short",
  /**
   * The value given.
   */
  seconds: number,
} | { "error": "invalid_property_value",
  /**
   * The key.
   */
  key: string,
  /**
   * The value.
   */
  value: string,
  /**
   * What StarRocks expects.
   */
  expected: string,
} | { "error": "missing_property",
  /**
   * The key.
   */
  key: string,
} | { "error": "database_required",
  /**
   * What needs it.
   */
  neededFor: string,
};

/**
 * One entry of a plan's object list.
 */
export type PlanObject = { "select": "all",
  /**
   * Which kind.
   */
  kind: ObjectKind,
} | { "select": "named" } & NamedObject;

/**
 * The options a plan is built for: they decide what the operations allow and what the
 * checks are run against.
 */
export type PlanOptions = {
  /**
   * The StarRocks version the statement will run on.
   */
  target: Version,
  /**
   * The cluster's mode.
   */
  cluster: ClusterMode,
  /**
   * The user or role that will run the statement (`'user'@'host'` or a role name), for
   * explaining the privileges it needs; empty when unknown.
   */
  grantee: string,
};

/**
 * The builder plan of a statement.
 */
export type PlanReport = {
  /**
   * The plan; `null` when the statement cannot be loaded (see the diagnostics).
   */
  plan: AnyPlan | null,
  /**
   * Which statement (0-based) it was loaded from.
   */
  statement: number | null,
  /**
   * What the plan could not hold (`SR8xx`).
   */
  diagnostics: Array<Diagnostic>,
  /**
   * True when the plan holds everything the statement says.
   */
  faithful: boolean,
};

/**
 * A privilege StarRocks checks for the BACKUP family.
 */
export type Privilege = "admin_priv" | "REPOSITORY" | "CREATE EXTERNAL CATALOG" | "CREATE DATABASE" | "CREATE TABLE" | "INSERT" | "EXPORT" | "USAGE" | "OPERATE";

/**
 * Which privilege system applies.
 */
export type PrivilegeModel = "rbac" | "admin_priv" | "none";

/**
 * What one statement needs.
 */
export type PrivilegePlan = {
  /**
   * The statement's kind: `BACKUP`, `RESTORE`, `SHOW BACKUP`, …
   */
  statement: string,
  /**
   * Where the statement is.
   */
  span: Range,
  /**
   * Where the statement comes from (e.g. `file.sql:3`), set by callers for their reports.
   */
  location: string | null,
  /**
   * The StarRocks version explained for, `major.minor`.
   */
  targetVersion: string,
  /**
   * Which privilege system applies.
   */
  model: PrivilegeModel,
  /**
   * The privileges, in the order StarRocks checks them.
   */
  requirements: Array<Requirement>,
  /**
   * Assumptions, quirks and warnings.
   */
  notes: Array<Note>,
};

/**
 * What the statements need, and the GRANTs that give it.
 */
export type PrivilegeReport = {
  /**
   * The version the privileges are explained for.
   */
  targetVersion: string,
  /**
   * One plan per statement: each privilege, its object, what needs it and why.
   */
  plans: Array<PrivilegePlan>,
  /**
   * The GRANTs, merged across statements, with reasons and the REVOKE of each.
   */
  grants: GrantScript,
  /**
   * The GRANT script, ready to run.
   */
  grantSql: string,
  /**
   * The REVOKE script that undoes it.
   */
  revokeSql: string,
  /**
   * Syntax errors: statements that do not parse get no privileges explained.
   */
  diagnostics: Array<Diagnostic>,
};

/**
 * A reason a plan cannot be written or used as it is.
 */
export type Problem = {
  /**
   * The reason, in words.
   */
  message: string,
  /**
   * The reason, structured (absent for problems that are not plan errors).
   */
  error: PlanError | null,
};

/**
 * A `"key" = "value"` property the plan has no typed field for, kept verbatim.
 */
export type Property = {
  /**
   * The key (StarRocks compares keys case-sensitively).
   */
  key: string,
  /**
   * The value.
   */
  value: string,
};

/**
 * A span as a front end shows it: offsets and 1-based line/column, offsets and columns
 * counted in one [`PositionEncoding`].
 */
export type Range = {
  /**
   * Offset of the first unit.
   */
  start: number,
  /**
   * Offset one past the last unit (equal to `start` for a point).
   */
  end: number,
  /**
   * 1-based line of `start`.
   */
  line: number,
  /**
   * 1-based column of `start`.
   */
  column: number,
  /**
   * 1-based line of `end`.
   */
  endLine: number,
  /**
   * 1-based column of `end`.
   */
  endColumn: number,
};

/**
 * A requirement no GRANT can satisfy as written.
 */
export type Refusal = {
  /**
   * Which plan.
   */
  statement: number,
  /**
   * The plan's location, if set.
   */
  location: string | null,
  /**
   * The privilege.
   */
  privilege: Privilege,
  /**
   * The object, described.
   */
  object: string,
  /**
   * Why no GRANT is printed.
   */
  reason: string,
};

/**
 * A repository.
 */
export type Repository = {
  /**
   * Its name.
   */
  name?: string,
  /**
   * Created `READ ONLY`.
   */
  read_only?: boolean,
  /**
   * Its location.
   */
  location?: string | null,
  /**
   * Snapshots it holds (`SHOW SNAPSHOT ON repo`), one entry per (name, timestamp).
   */
  snapshots?: Array<Snapshot>,
};

/**
 * The storage a repository lives on, which decides its location and properties.
 */
export type RepositoryStyle = "broker" | "s3" | "hdfs" | "gcs" | "azure" | "minio";

/**
 * A CREATE REPOSITORY template.
 */
export type RepositoryTemplate = {
  /**
   * The storage.
   */
  style: RepositoryStyle,
  /**
   * The statement, with `<placeholders>` in strings to fill in.
   */
  sql: string,
  /**
   * What to fill in and what the alternatives are.
   */
  explanation: string,
};

/**
 * One privilege on one object.
 */
export type Requirement = {
  /**
   * The privilege.
   */
  privilege: Privilege,
  /**
   * The kind of object it is checked on.
   */
  objectType: ObjectType,
  /**
   * The object.
   */
  object: Target,
  /**
   * The parts of the statement that need it.
   */
  neededBy: Array<NeededBy>,
  /**
   * Why, in one sentence.
   */
  reason: string,
  /**
   * How it came about (decides the default GRANT scope).
   */
  source: Source,
  /**
   * When it is needed only in some cases, which ones; `None` when always needed.
   */
  condition: string | null,
  /**
   * How sure it is.
   */
  certainty: Certainty,
  /**
   * What StarRocks says when it is missing.
   */
  denial: Denial | null,
};

/**
 * The external catalogs of a RESTORE.
 */
export type RestoreCatalogs = { "select": "all" } | { "select": "list",
  /**
   * The catalogs, at least one.
   */
  catalogs: Array<CatalogRename>,
};

/**
 * A RESTORE statement as structure.
 *
 * In the 3.4+ syntax `database` is the database in the snapshot (`DATABASE db`) and
 * `database_alias` the one to restore into (`AS new`). In the pre-3.4 syntax the database is
 * written as the snapshot's prefix (`db.snap`), which names the database to restore into;
 * there is no alias.
 */
export type RestorePlan = {
  /**
   * The snapshot's name.
   */
  snapshot: string,
  /**
   * The repository it is read from.
   */
  repository: string,
  /**
   * The syntax to write.
   */
  syntax: Syntax,
  /**
   * The database (see the type's documentation); `None` restores the snapshot's own
   * database (or, with catalogs, no database at all).
   */
  database: string | null,
  /**
   * `DATABASE db AS new`: the database to restore into (3.4+).
   */
  databaseAlias: string | null,
  /**
   * External catalogs (3.4+).
   */
  catalogs: RestoreCatalogs | null,
  /**
   * The `ON (…)` list; empty restores everything in the snapshot.
   */
  objects: Array<PlanObject>,
  /**
   * `PROPERTIES (…)`; `backup_timestamp` is required.
   */
  properties: RestoreProperties,
  /**
   * What the plan is built for.
   */
  options: PlanOptions,
};

/**
 * RESTORE's `PROPERTIES`: the keys StarRocks knows typed, anything else verbatim.
 */
export type RestoreProperties = {
  /**
   * `"backup_timestamp"` (required): the snapshot's timestamp as `SHOW SNAPSHOT` prints it,
   * e.g. `2024-12-09-10-25-58-842`.
   */
  backupTimestamp: string | null,
  /**
   * `"timeout"` in seconds (at least 600).
   */
  timeout: number | null,
  /**
   * `"allow_load"`: let loads into the restored tables run during the restore.
   */
  allowLoad: boolean | null,
  /**
   * `"replication_num"`: replicas of the restored tables.
   */
  replicationNum: number | null,
  /**
   * `"meta_version"`: the metadata version to read the snapshot with.
   */
  metaVersion: number | null,
  /**
   * `"starrocks_meta_version"`.
   */
  starrocksMetaVersion: number | null,
  /**
   * Every other property, verbatim and in order.
   */
  extra: Array<Property>,
};

/**
 * What the catalogue knows about one rule.
 */
export type RuleInfo = {
  /**
   * Stable code, e.g. `SR204`.
   */
  code: string,
  /**
   * Short kebab-case name, e.g. `alias-in-backup`.
   */
  name: string,
  /**
   * Which stage it mirrors.
   */
  kind: DiagnosticKind,
  /**
   * Default severity.
   */
  severity: Severity,
  /**
   * One sentence on what it catches.
   */
  summary: string,
  /**
   * StarRocks's own message for it, when StarRocks reports it.
   */
  starrocksMessage: string | null,
  /**
   * StarRocks versions it applies to.
   */
  versions: string,
};

/**
 * An unfinished job.
 */
export type RunningJob = {
  /**
   * BACKUP or RESTORE.
   */
  kind?: JobKind,
  /**
   * Its database; empty for an external-catalog job.
   */
  database?: string,
  /**
   * Its label (snapshot name).
   */
  label?: string,
  /**
   * Its repository.
   */
  repository?: string | null,
  /**
   * Its job id.
   */
  job_id?: string | null,
  /**
   * Its state (`PENDING`, `SNAPSHOTING`, `UPLOADING`, …).
   */
  state?: string | null,
};

/**
 * How wide each grant is.
 */
export type Scope = "auto" | "exact" | "broad";

/**
 * A plan's note, with the plan it came from.
 */
export type ScriptNote = {
  /**
   * The plans that carry it (0-based).
   */
  statements: Array<number>,
  /**
   * Their locations, where set.
   */
  locations: Array<string>,
  /**
   * What it is about.
   */
  kind: NoteKind,
  /**
   * The remark.
   */
  text: string,
  /**
   * Where in the statement, if one place.
   */
  span: Range | null,
};

/**
 * How serious a diagnostic is.
 */
export type Severity = "error" | "warning" | "info";

/**
 * A snapshot in a repository.
 */
export type Snapshot = {
  /**
   * The snapshot (label) name.
   */
  name?: string,
  /**
   * Its backup timestamp, e.g. `2024-12-09-10-25-58-842`.
   */
  timestamp?: string,
  /**
   * The database it was taken from; absent for a snapshot of external catalogs.
   */
  database?: string | null,
  /**
   * Tables, views and materialized views in it.
   */
  tables?: Array<SnapshotTable>,
  /**
   * Function names in it.
   */
  functions?: Array<string>,
  /**
   * External catalogs in it.
   */
  catalogs?: Array<string>,
};

/**
 * `INTERVAL value unit` as the builder holds it: a whole number and a unit.
 */
export type SnapshotInterval = {
  /**
   * How many units (StarRocks wants at least 1).
   */
  value: number,
  /**
   * The unit (automated snapshots accept SECOND, MINUTE, HOUR, DAY and WEEK).
   */
  unit: IntervalUnit,
};

/**
 * A table inside a snapshot.
 */
export type SnapshotTable = {
  /**
   * Its name.
   */
  name?: string,
  /**
   * Its kind.
   */
  kind?: TableKind,
  /**
   * Partitions in the snapshot.
   */
  partitions?: Array<string>,
};

/**
 * How a requirement came about.
 */
export type Source = "statement" | "listed" | "all" | "whole_database";

/**
 * SQL written from a plan.
 */
export type SqlReport = {
  /**
   * The statement, canonical; `null` when the plan cannot be written (see `problems`).
   */
  sql: string | null,
  /**
   * What StarRocks would object to in the plan.
   */
  problems: Array<Problem>,
  /**
   * What checking the SQL reports (spans are in `sql`).
   */
  diagnostics: Array<Diagnostic>,
};

/**
 * One statement of the text.
 */
export type StatementInfo = {
  /**
   * What it is.
   */
  kind: StatementKind,
  /**
   * From its first to its last token (the `;` excluded).
   */
  span: Range,
  /**
   * One line saying what it does.
   */
  summary: string,
};

/**
 * What a statement is, as one word for tools.
 */
export type StatementKind = "backup" | "restore" | "show_backup" | "show_restore" | "cancel_backup" | "cancel_restore" | "show_snapshot" | "drop_snapshot" | "create_repository" | "drop_repository" | "show_repositories" | "show_automated_snapshot" | "set_automated_snapshot_on" | "set_automated_snapshot_off" | "alter_automated_snapshot" | "create_cluster_snapshot" | "drop_cluster_snapshot" | "restore_table" | "other" | "invalid";

/**
 * Which BACKUP/RESTORE syntax a plan is written in.
 */
export type Syntax = "legacy" | "v3.4";

/**
 * A table, view or materialized view.
 */
export type Table = {
  /**
   * Its name.
   */
  name?: string,
  /**
   * Table, view or materialized view.
   */
  kind?: TableKind,
  /**
   * Storage engine as `information_schema.tables.ENGINE` shows it: `StarRocks`/`OLAP` for
   * native tables; `MySQL`, `Elasticsearch`, `Hive`, … for external tables (which cannot be
   * backed up).
   */
  engine?: string,
  /**
   * How it is partitioned: `range`, `list`, `expression` or `unpartitioned`.
   */
  partition_type?: string | null,
  /**
   * Partition names.
   */
  partitions?: Array<string>,
  /**
   * Temporary partition names.
   */
  temporary_partitions?: Array<string>,
  /**
   * For materialized views: base tables as `db.table` (or `table` in the same database).
   */
  base_tables?: Array<string>,
  /**
   * A temporary table (never backed up).
   */
  temporary?: boolean,
};

/**
 * What kind of object a table entry is.
 */
export type TableKind = "table" | "view" | "materialized_view";

/**
 * A table of RESTORE TABLE: `[database.]table`.
 */
export type TableName = {
  /**
   * The database; `None` uses the session's.
   */
  database: string | null,
  /**
   * The table.
   */
  table: string,
};

/**
 * The object a privilege is needed on. Database names are `None` when the statement names no
 * database and no catalog says which one is current (StarRocks then uses the session's).
 */
export type Target = { "scope": "system" } | { "scope": "catalog",
  /**
   * Its name.
   */
  name: string,
} | { "scope": "every_external_catalog" } | { "scope": "database",
  /**
   * Its name.
   */
  name: string | null,
} | { "scope": "table",
  /**
   * Its database.
   */
  database: string | null,
  /**
   * Its name.
   */
  name: string,
  /**
   * What it is: a table, a view or a materialized view.
   */
  kind: ObjectKind,
  /**
   * True when the kind comes from the catalog, false when it is read from the statement.
   */
  kindKnown: boolean,
} | { "scope": "every_table_in",
  /**
   * The database.
   */
  database: string | null,
} | { "scope": "every_table_everywhere" } | { "scope": "function",
  /**
   * Its database.
   */
  database: string | null,
  /**
   * Its name.
   */
  name: string,
  /**
   * Its argument types (from the catalog); `None` when unknown.
   */
  args: Array<string> | null,
} | { "scope": "every_function_in",
  /**
   * The database.
   */
  database: string | null,
} | { "scope": "storage_volume",
  /**
   * Its name.
   */
  name: string,
};

/**
 * A StarRocks release line, `major.minor`. Serialised as the string `"3.4"`; read from any
 * form [`Version::parse`] takes.
 */
export type Version = string;

