//! The privilege explainer: which GRANTs each object of a statement needs, and why.
//!
//! [`explain_privileges`] turns one statement into a [`PrivilegePlan`]: the privileges
//! StarRocks's authorizer checks (spec §7.1), each on its object (SYSTEM, a catalog, a database,
//! a table, a function), with the parts of the statement that need it, a one-sentence reason, what
//! StarRocks says when it is missing (and whether that message names the wrong privilege), and
//! notes: what was assumed without a catalog, what is uncertain, what the documentation gets
//! wrong, and what changes before 3.0 (`admin_priv`, no role-based GRANT).
//!
//! [`render_grants`] writes the GRANT (and REVOKE) statements for a grantee, exact or broad,
//! merging privileges that share an object and dropping grants a broader one covers. Every name
//! is quoted as StarRocks reads it back; a name it cannot read back is refused, not printed.
//! [`parse_grant`] parses GRANT/REVOKE with a grammar over the project's own tokens (`grant.pest`),
//! which is how the tests prove every printed statement valid.
//!
//! ```
//! use starrocks_backup_sql::check::Options;
//! use starrocks_backup_sql::privileges::{explain_script, render_grants, GrantOptions, Grantee, Scope};
//!
//! let (script, _) = starrocks_backup_sql::parse("BACKUP DATABASE db1 SNAPSHOT s TO repo ON (TABLE t1)");
//! let plans = explain_script(&script, &Options::default());
//! let grants = render_grants(&plans, &GrantOptions { grantee: Grantee::role("backup"), scope: Scope::Auto });
//! let sql: Vec<&str> = grants.grants.iter().map(|g| g.grant.as_str()).collect();
//! assert_eq!(sql, ["GRANT REPOSITORY ON SYSTEM TO ROLE backup", "GRANT EXPORT ON TABLE db1.t1 TO ROLE backup"]);
//! ```

mod backup;
mod cluster;
mod explain;
mod grant;
mod model;
mod restore;
mod validate;

pub(crate) use cluster::BUILTIN_STORAGE_VOLUME;
pub use explain::{explain_node, explain_privileges, explain_script, statement_kind};
pub use grant::{
    comment_safe, render_grants, Grant, GrantNeed, GrantOptions, GrantScript, Grantee, Refusal, Scope,
    ScriptNote,
};
pub use model::{
    Certainty, Denial, NeededBy, Note, NoteKind, ObjectType, Privilege, PrivilegeModel, PrivilegePlan,
    Requirement, Source, Target,
};
pub use validate::{is_valid_type, parse_grant, ParsedGrant, ParsedGrantee, ParsedObject};
