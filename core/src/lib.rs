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
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod ast;
pub mod catalogue;
pub mod check;
pub mod diagnostic;
mod explain;
pub mod format;
pub mod grammar;
mod keywords;
pub mod lexer;
mod order;
pub mod parser;
pub mod plan;
pub mod privileges;
pub mod span;
mod statement_rules;

pub use ast::Script;
pub use check::{check, parse_and_check, Options};
pub use diagnostic::{render, Diagnostic, DiagnosticKind, Edit, Fix, Severity};
pub use format::{format, format_statement};
pub use parser::parse;
pub use plan::{BackupPlan, RestorePlan};
pub use privileges::explain_privileges;
pub use span::{LineCol, LineIndex, Span};
