//! What comes with a BACKUP: the matching RESTORE, the repository to create, and how to watch
//! and cancel the job or find the snapshot. Each companion is written by the canonical
//! formatter and parses without errors.

use super::backup::{BackupCatalogs, BackupPlan};
use super::model::{check_representable, NameRole, PlanError};
use super::restore::{CatalogRename, RestoreCatalogs, RestorePlan, RestoreProperties};
use super::to_sql::write;
use crate::ast::{
    BinaryOp, CancelStmt, CancelTarget, CreateRepositoryStmt, Expr, ExprKind, FromDb, Ident, Literal,
    NameOrString, Properties, Property, QualifiedName, ShowJobsStmt, ShowPredicates, ShowSnapshotStmt,
    Statement, StringLit,
};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The value the companion RESTORE carries for `backup_timestamp` until the user replaces it
/// with the snapshot's timestamp. A valid string, so the statement parses and checks.
pub const BACKUP_TIMESTAMP_PLACEHOLDER: &str = "<backup_timestamp>";

/// Which companion statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum CompanionKind {
    /// The matching RESTORE.
    Restore,
    /// A CREATE REPOSITORY template.
    CreateRepository,
    /// SHOW BACKUP: the job's progress.
    ShowBackup,
    /// CANCEL BACKUP.
    CancelBackup,
    /// SHOW SNAPSHOT: the snapshot and its timestamp.
    ShowSnapshot,
}

/// One companion statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Companion {
    /// Which one.
    pub kind: CompanionKind,
    /// A short title for the UI.
    pub title: String,
    /// The statement, canonical, ending in `;` and a newline.
    pub sql: String,
    /// What it does and what to fill in.
    pub explanation: String,
}

/// The storage a repository lives on, which decides its location and properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum RepositoryStyle {
    /// Through a named Broker process (`WITH BROKER <name>`), here for HDFS.
    Broker,
    /// AWS S3 (and S3-compatible storage such as MinIO) through StarRocks's own client.
    S3,
    /// HDFS through StarRocks's own client.
    Hdfs,
    /// Google Cloud Storage through its S3-compatible API.
    Gcs,
    /// Azure Blob Storage.
    Azure,
    /// MinIO (or another S3-compatible store that needs path-style addressing).
    Minio,
}

impl RepositoryStyle {
    /// Every style, in the order the UI lists them.
    pub const ALL: [RepositoryStyle; 6] = [
        RepositoryStyle::S3,
        RepositoryStyle::Minio,
        RepositoryStyle::Hdfs,
        RepositoryStyle::Gcs,
        RepositoryStyle::Azure,
        RepositoryStyle::Broker,
    ];

    /// A short name for the UI.
    pub fn label(self) -> &'static str {
        match self {
            RepositoryStyle::Broker => "Broker",
            RepositoryStyle::S3 => "AWS S3",
            RepositoryStyle::Hdfs => "HDFS",
            RepositoryStyle::Gcs => "Google GCS",
            RepositoryStyle::Azure => "Azure Blob Storage",
            RepositoryStyle::Minio => "MinIO",
        }
    }

    /// The broker name, location and properties of the template, with placeholders.
    ///
    /// Property keys, as StarRocks documents them:
    /// * S3 (`aws.s3.access_key`, `aws.s3.secret_key`, `aws.s3.region`, and in the notes
    ///   `aws.s3.endpoint`, `aws.s3.use_instance_profile`, `aws.s3.iam_role_arn`), HDFS
    ///   (`username`, `password`) and GCS (`fs.s3a.access.key`, `fs.s3a.secret.key`,
    ///   `fs.s3a.endpoint` with an `s3a://` location): verified against
    ///   docs/en/sql-reference/sql-statements/backup_restore/CREATE_REPOSITORY.md and
    ///   docs/en/administration/management/Backup_and_restore.md (StarRocks repository).
    ///   Note that GCS uses the `fs.s3a.*` keys, not `fs.gs.*`.
    /// * Azure (`azure.blob.storage_account`, `azure.blob.shared_key`, `azure.blob.sas_token`,
    ///   `wasb[s]://<container>@<account>.blob.core.windows.net/…`): verified against
    ///   StarRocks's Azure authentication and Broker Load pages; the CREATE REPOSITORY page
    ///   itself lists only HDFS, S3 and GCS.
    /// * MinIO: the S3 keys plus `aws.s3.endpoint` and `aws.s3.enable_path_style_access`;
    ///   StarRocks's quick-start says MinIO needs path-style access (users-and-peers
    ///   research §1, item 3). The region is MinIO's own default, `us-east-1`, not taken
    ///   from a StarRocks page.
    /// * Broker: `WITH BROKER <name>` is StarRocks grammar (spec §2.1); the HDFS keys are the
    ///   ones above. Not verified against a page that shows a named broker for a repository.
    fn parts(
        self,
    ) -> (Option<&'static str>, &'static str, &'static [(&'static str, &'static str)], &'static str) {
        match self {
            RepositoryStyle::Broker => (
                Some("<broker_name>"),
                "hdfs://<namenode_host>:<port>/<path>",
                &[("username", "<hdfs_username>"), ("password", "<hdfs_password>")],
                "For clusters that reach the storage through Broker processes: `SHOW BROKER` lists their names. \
                 The properties are the ones the broker needs for the storage (here HDFS; for S3-compatible \
                 storage through a broker, `fs.s3a.access.key`, `fs.s3a.secret.key` and `fs.s3a.endpoint`).",
            ),
            RepositoryStyle::S3 => (
                None,
                "s3a://<bucket>/<path>",
                &[
                    ("aws.s3.access_key", "<access_key>"),
                    ("aws.s3.secret_key", "<secret_key>"),
                    ("aws.s3.region", "<region>"),
                ],
                "AWS S3 with an IAM user's keys. Write the location with `s3a://`, not `s3://`. For an instance \
                 profile, replace the keys with \"aws.s3.use_instance_profile\" = \"true\" (add \
                 \"aws.s3.iam_role_arn\" for an assumed role). For MinIO or other S3-compatible storage, add \
                 \"aws.s3.endpoint\" (e.g. \"http://minio:9000\").",
            ),
            RepositoryStyle::Hdfs => (
                None,
                "hdfs://<namenode_host>:<port>/<path>",
                &[("username", "<hdfs_username>"), ("password", "<hdfs_password>")],
                "HDFS: the user name and password of an account that can reach the NameNode (leave the \
                 password empty when the cluster needs none).",
            ),
            RepositoryStyle::Gcs => (
                None,
                "s3a://<bucket>/<path>",
                &[
                    ("fs.s3a.access.key", "<hmac_access_key>"),
                    ("fs.s3a.secret.key", "<hmac_secret>"),
                    ("fs.s3a.endpoint", "storage.googleapis.com"),
                ],
                "Google Cloud Storage through its S3-compatible API: the location uses `s3a://` and the keys \
                 are HMAC keys. Do not write `https://` in the endpoint.",
            ),
            RepositoryStyle::Minio => (
                None,
                "s3a://<bucket>/<path>",
                &[
                    ("aws.s3.access_key", "<minio_access_key>"),
                    ("aws.s3.secret_key", "<minio_secret_key>"),
                    ("aws.s3.endpoint", "http://<minio_host>:9000"),
                    ("aws.s3.enable_path_style_access", "true"),
                    ("aws.s3.region", "us-east-1"),
                ],
                "MinIO and other self-hosted S3-compatible stores: the endpoint is the store's own URL, and \
                 path-style addressing must be on (without it the client asks for `<bucket>.<host>`, which \
                 MinIO does not answer). Keep the region MinIO is configured with (us-east-1 unless changed).",
            ),
            RepositoryStyle::Azure => (
                None,
                "wasbs://<container>@<storage_account>.blob.core.windows.net/<path>",
                &[("azure.blob.storage_account", "<storage_account>"), ("azure.blob.shared_key", "<shared_key>")],
                "Azure Blob Storage with a shared key (use `wasb://` if the account allows only HTTP). For a SAS \
                 token, replace the shared key with \"azure.blob.sas_token\". StarRocks's CREATE REPOSITORY page \
                 does not list Azure; these are the keys StarRocks documents for Azure Blob Storage elsewhere.",
            ),
        }
    }
}

/// A CREATE REPOSITORY template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RepositoryTemplate {
    /// The storage.
    pub style: RepositoryStyle,
    /// The statement, with `<placeholders>` in strings to fill in.
    pub sql: String,
    /// What to fill in and what the alternatives are.
    pub explanation: String,
}

/// Everything that comes with a BACKUP plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Companions {
    /// The matching RESTORE, with a `backup_timestamp` placeholder.
    pub restore: Companion,
    /// The same RESTORE as a plan, to edit further (renames, properties).
    pub restore_plan: RestorePlan,
    /// CREATE REPOSITORY templates, one per [`RepositoryStyle`].
    pub repositories: Vec<RepositoryTemplate>,
    /// SHOW BACKUP.
    pub show_backup: Companion,
    /// CANCEL BACKUP.
    pub cancel_backup: Companion,
    /// SHOW SNAPSHOT … WHERE SNAPSHOT = '…'.
    pub show_snapshot: Companion,
}

fn ident(s: &str) -> Ident {
    Ident::new(s)
}

fn expr(kind: ExprKind) -> Expr {
    Expr { kind, span: Span::default() }
}

impl BackupPlan {
    /// The matching RESTORE: same database, snapshot, repository, syntax, objects and
    /// catalogs, with `backup_timestamp` set to [`BACKUP_TIMESTAMP_PLACEHOLDER`].
    pub fn restore_plan(&self) -> Result<RestorePlan, PlanError> {
        self.require_database("the matching RESTORE")?;
        let catalogs = self.catalogs.as_ref().map(|c| match c {
            BackupCatalogs::All => RestoreCatalogs::All,
            BackupCatalogs::List { names } => RestoreCatalogs::List {
                catalogs: names.iter().map(|n| CatalogRename { name: n.clone(), alias: None }).collect(),
            },
        });
        Ok(RestorePlan {
            snapshot: self.snapshot.clone(),
            repository: self.repository.clone(),
            syntax: self.syntax,
            database: self.database.clone(),
            database_alias: None,
            catalogs,
            objects: self.objects.clone(),
            properties: RestoreProperties {
                backup_timestamp: Some(BACKUP_TIMESTAMP_PLACEHOLDER.to_string()),
                ..RestoreProperties::default()
            },
            options: self.options.clone(),
        })
    }

    /// A database backup needs its database named for the companions; the session's
    /// current database cannot be assumed.
    fn require_database(&self, what: &str) -> Result<(), PlanError> {
        if self.database.is_none() && self.catalogs.is_none() {
            return Err(PlanError::DatabaseRequired { needed_for: what.to_string() });
        }
        Ok(())
    }

    /// `SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 'snap'`.
    pub fn show_snapshot_sql(&self) -> Result<String, PlanError> {
        check_representable(NameRole::Repository, &self.repository)?;
        let predicate = expr(ExprKind::Binary {
            op: BinaryOp::Eq,
            left: Box::new(expr(ExprKind::Column(QualifiedName::new(["SNAPSHOT"])))),
            right: Box::new(expr(ExprKind::Literal(Literal::String(StringLit::new(&self.snapshot))))),
        });
        Ok(write(Statement::ShowSnapshot(ShowSnapshotStmt {
            repository: ident(&self.repository),
            predicates: ShowPredicates { where_clause: Some(predicate), ..ShowPredicates::default() },
        })))
    }

    /// A CREATE REPOSITORY template for the plan's repository in `style`.
    pub fn repository_template(&self, style: RepositoryStyle) -> Result<RepositoryTemplate, PlanError> {
        check_representable(NameRole::Repository, &self.repository)?;
        let (broker, location, props, explanation) = style.parts();
        let sql = write(Statement::CreateRepository(CreateRepositoryStmt {
            read_only: false,
            name: ident(&self.repository),
            broker: broker.map(|b| NameOrString::Ident(ident(b))),
            location: StringLit::new(location),
            properties: Some(Properties {
                entries: props
                    .iter()
                    .map(|(k, v)| Property {
                        key: StringLit::new(*k),
                        value: StringLit::new(*v),
                        span: Span::default(),
                    })
                    .collect(),
                span: Span::default(),
            }),
        }));
        let explanation = format!(
            "{explanation} Replace every <placeholder>. A cluster that only restores from this repository can \
             create it as `CREATE READ ONLY REPOSITORY`; to restore on another cluster, create the repository \
             there with the same name and location."
        );
        Ok(RepositoryTemplate { style, sql, explanation })
    }

    /// Every companion of the plan. Fails when the plan backs up the session's current
    /// database (no database named) or holds a name no SQL can carry.
    pub fn companions(&self) -> Result<Companions, PlanError> {
        self.require_database("the companion statements")?;
        let restore_plan = self.restore_plan()?;
        let show_snapshot = self.show_snapshot_sql()?;
        let catalogs = self.catalogs.is_some();
        let from_db = || {
            self.database
                .as_deref()
                .filter(|_| !catalogs)
                .map(|db| FromDb { in_keyword: false, db: ident(db) })
        };
        let show_backup = write(Statement::ShowBackup(ShowJobsStmt {
            from: from_db(),
            predicates: ShowPredicates::default(),
        }));
        let cancel_target = match from_db() {
            Some(f) => CancelTarget::Database(f),
            None => CancelTarget::ExternalCatalog { span: Span::default() },
        };
        let cancel_backup = write(Statement::CancelBackup(CancelStmt { target: Some(cancel_target) }));
        let repositories = RepositoryStyle::ALL
            .iter()
            .map(|s| self.repository_template(*s))
            .collect::<Result<Vec<_>, _>>()?;
        let snapshot_query = show_snapshot.trim_end().trim_end_matches(';').to_string();
        let (show_explanation, cancel_explanation) = match &self.database {
            Some(db) if !catalogs => (
                format!(
                    "Shows the last backup job of database `{db}`: its State goes from PENDING through \
                     SNAPSHOTING, UPLOADING and SAVE_META to FINISHED (or CANCELLED)."
                ),
                format!(
                    "Cancels the running backup job of database `{db}`. StarRocks runs one backup or restore \
                     job per database at a time."
                ),
            ),
            _ => (
                format!(
                    "Without FROM, lists the backup jobs of every database; a backup of external catalogs \
                     belongs to none, so find it by its snapshot name `{}`. Its State goes from PENDING to \
                     FINISHED (or CANCELLED).",
                    self.snapshot
                ),
                "Cancels the running backup of external catalogs. StarRocks runs one external-catalog backup \
                 or restore job at a time in the whole cluster."
                    .to_string(),
            ),
        };
        let rename = match (catalogs, self.syntax, &self.database) {
            (true, _, _) => " or catalogs".to_string(),
            (false, super::Syntax::V34, _) => {
                ", or restore into another database with `DATABASE … AS`".to_string()
            }
            (false, super::Syntax::Pre34, Some(db)) => {
                format!(", or restore into another database by changing the `{db}.` prefix")
            }
            (false, super::Syntax::Pre34, None) => String::new(),
        };
        Ok(Companions {
            restore: Companion {
                kind: CompanionKind::Restore,
                title: "Restore this snapshot".into(),
                sql: restore_plan.to_sql()?,
                explanation: format!(
                    "Restores what this backup saves. Replace {BACKUP_TIMESTAMP_PLACEHOLDER} with the snapshot's \
                     timestamp: once the backup has finished, `{snapshot_query}` lists it in the Timestamp column \
                     (e.g. 2024-12-09-10-25-58-842). To restore under other names, add `AS <new name>` to objects{rename}."
                ),
            },
            restore_plan,
            repositories,
            show_backup: Companion {
                kind: CompanionKind::ShowBackup,
                title: "Watch the backup".into(),
                sql: show_backup,
                explanation: show_explanation,
            },
            cancel_backup: Companion {
                kind: CompanionKind::CancelBackup,
                title: "Cancel the backup".into(),
                sql: cancel_backup,
                explanation: cancel_explanation,
            },
            show_snapshot: Companion {
                kind: CompanionKind::ShowSnapshot,
                title: "Find the snapshot".into(),
                sql: show_snapshot,
                explanation: format!(
                    "Lists snapshot `{}` in repository `{}` with its Timestamp (the RESTORE's backup_timestamp) \
                     and Status (OK once the backup has finished).",
                    self.snapshot, self.repository
                ),
            },
        })
    }
}
