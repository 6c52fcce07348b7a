//! # starrocks-backup-sql
//!
//! Parses, checks and formats StarRocks's BACKUP / RESTORE statement family exactly as
//! StarRocks's own parser does, and explains every rejection with a span, a hint and a fix.
//!
//! ```
//! let (script, diagnostics) = starrocks_backup_sql::parse("backup snapshot db1.s1 to repo1");
//! assert!(diagnostics.is_empty());
//! assert_eq!(starrocks_backup_sql::format(&script), "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");
//! ```
//!
//! Parsing never fails: [`parse`] returns what it understood plus diagnostics, and never
//! panics. Spans are byte offsets; [`LineIndex`] converts them to lines, columns and UTF-16
//! offsets.
//!
//! After parsing:
//! * [`check()`] / [`parse_and_check`] run StarRocks's analyzer and submission rules, the
//!   version and cluster-mode rules, and (given a [`check::Catalog`]) the existence rules;
//! * [`explain_privileges`] says which GRANTs each object of a statement needs, and
//!   [`privileges::render_grants`] writes them;
//! * [`BackupPlan`] and [`RestorePlan`] are the builder model: structure ⇄ SQL, syntax
//!   conversion, companion statements;
//! * [`catalogue::all`] lists every rule, with its code, kind and StarRocks's own message.
//!
//! ```
//! use starrocks_backup_sql::{parse_and_check, Options};
//! let (_, diagnostics) = parse_and_check("RESTORE SNAPSHOT db1.s1 FROM repo1", &Options::default());
//! assert_eq!(diagnostics[0].code, "SR326"); // RESTORE needs "backup_timestamp"
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ast;
pub mod catalogue;
pub mod check;
pub mod complete;
pub mod diagnostic;
pub mod engine;
mod explain;
#[cfg(srbackup_deferred_explain)]
pub use explain::{explainer_installed, install_explainer};
pub mod format;
pub mod grammar;
pub mod highlight;
mod keywords;
pub mod lexer;
mod order;
pub mod parser;
pub mod plan;
pub mod privileges;
pub mod span;
mod statement_rules;
pub mod workspace;

pub use ast::Script;
pub use check::{check, parse_and_check, Options};
pub use diagnostic::{render, Diagnostic, DiagnosticKind, Edit, Fix, Severity};
pub use format::{format, format_statement};
pub use parser::parse;
pub use plan::{BackupPlan, RestorePlan};
pub use privileges::explain_privileges;
pub use span::{LineCol, LineIndex, PositionEncoding, Range, Span};
pub use workspace::{Settings, Workspace};
