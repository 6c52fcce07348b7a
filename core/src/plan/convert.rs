//! Conversion between the pre-3.4 syntax (`BACKUP SNAPSHOT db.snap TO repo ON (t1, t2)`)
//! and the 3.4+ syntax (`BACKUP DATABASE db SNAPSHOT snap TO repo ON (TABLE t1, …)`).
//!
//! Tables and their partitions convert both ways. Views, functions, typed materialized
//! views, `ALL …` items and external catalogs exist only in the 3.4+ syntax; converting
//! them down is refused with one [`PlanError::NeedsNewSyntax`] per item. RESTORE's database
//! clause converts with a note, because the two forms check the snapshot differently.

use super::backup::BackupPlan;
use super::from_sql::{load, AnyPlan};
use super::model::{PlanError, PlanObject, PlanOptions, Syntax};
use super::restore::RestorePlan;
use crate::check::Feature;
use crate::diagnostic::Diagnostic;
use serde::Serialize;

/// A converted plan and what the user should know about the conversion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Converted<P> {
    /// The plan in the new syntax.
    pub plan: P,
    /// Where the two forms do not mean exactly the same, in words; empty when they do.
    pub notes: Vec<String>,
}

/// [`convert_sql`]'s result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ConvertedSql {
    /// The statement in the new syntax; `None` when nothing was loaded or it cannot be
    /// converted (see `reasons`).
    pub sql: Option<String>,
    /// Where the two forms differ in meaning (see [`Converted::notes`]).
    pub notes: Vec<String>,
    /// Why the statement cannot be converted; empty when it was.
    pub reasons: Vec<PlanError>,
    /// What loading the statement reported (`SR8xx`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Converts the first BACKUP or RESTORE of `text` to `to`.
pub fn convert_sql(text: &str, to: Syntax, options: PlanOptions) -> ConvertedSql {
    let loaded = load(text, options);
    convert_loaded(loaded.plan, loaded.diagnostics, to)
}

/// Converts a loaded plan (`None` when nothing was loaded; `diagnostics` say why) to `to`.
pub fn convert_loaded(plan: Option<AnyPlan>, diagnostics: Vec<Diagnostic>, to: Syntax) -> ConvertedSql {
    let mut out = ConvertedSql { sql: None, notes: Vec::new(), reasons: Vec::new(), diagnostics };
    let converted = match &plan {
        None => return out,
        Some(AnyPlan::Backup(p)) => p.convert(to).map(|c| (AnyPlan::Backup(c.plan), c.notes)),
        Some(AnyPlan::Restore(p)) => p.convert(to).map(|c| (AnyPlan::Restore(c.plan), c.notes)),
        Some(AnyPlan::ClusterSnapshot(_)) => Err(vec![PlanError::OneSyntax]),
    };
    match converted {
        Ok((plan, notes)) => match plan.to_sql() {
            Ok(sql) => {
                out.sql = Some(sql);
                out.notes = notes;
            }
            Err(e) => out.reasons.push(e),
        },
        Err(reasons) => out.reasons = reasons,
    }
    out
}

/// Why `objects` cannot be written before 3.4: one reason per item.
fn object_blockers(objects: &[PlanObject], out: &mut Vec<PlanError>) {
    for obj in objects {
        match obj {
            PlanObject::All { kind } => {
                out.push(PlanError::NeedsNewSyntax { what: format!("`ALL {}`", kind.plural_keyword()) })
            }
            PlanObject::Named(n) if n.kind != super::ObjectKind::Table => {
                out.push(PlanError::NeedsNewSyntax { what: format!("the {} `{}`", n.kind.noun(), n.name) })
            }
            PlanObject::Named(_) => {}
        }
    }
}

fn blockers(to: Syntax, options: &PlanOptions, has_catalogs: bool, objects: &[PlanObject]) -> Vec<PlanError> {
    let mut out = Vec::new();
    match to {
        Syntax::V34 => {
            if let Err(e) = options.require(Feature::NewSyntax, "the 3.4 syntax") {
                out.push(e);
            }
        }
        Syntax::Pre34 => {
            if has_catalogs {
                out.push(PlanError::NeedsNewSyntax { what: "external catalogs".into() });
            }
            object_blockers(objects, &mut out);
        }
    }
    out
}

impl BackupPlan {
    /// Why the plan cannot be written in `to`: empty when it can.
    pub fn conversion_blockers(&self, to: Syntax) -> Vec<PlanError> {
        if to == self.syntax {
            return Vec::new();
        }
        blockers(to, &self.options, self.catalogs.is_some(), &self.objects)
    }

    /// The same backup in the other syntax, or every reason it has no equivalent there.
    /// BACKUP converts without loss: tables become bare names before 3.4 and `TABLE t` after.
    pub fn convert(&self, to: Syntax) -> Result<Converted<BackupPlan>, Vec<PlanError>> {
        let reasons = self.conversion_blockers(to);
        if !reasons.is_empty() {
            return Err(reasons);
        }
        Ok(Converted { plan: BackupPlan { syntax: to, ..self.clone() }, notes: Vec::new() })
    }

    /// Converts the plan in place (see [`BackupPlan::convert`]); returns the notes.
    pub fn set_syntax(&mut self, to: Syntax) -> Result<Vec<String>, Vec<PlanError>> {
        let converted = self.convert(to)?;
        *self = converted.plan;
        Ok(converted.notes)
    }
}

impl RestorePlan {
    /// Why the plan cannot be written in `to`: empty when it can.
    pub fn conversion_blockers(&self, to: Syntax) -> Vec<PlanError> {
        if to == self.syntax {
            return Vec::new();
        }
        blockers(to, &self.options, self.catalogs.is_some(), &self.objects)
    }

    /// The same restore in the other syntax, or every reason it has no equivalent there.
    ///
    /// The database converts with a note: before 3.4, `db.snap` names the database to
    /// restore into, whatever the snapshot's database was called; from 3.4, `DATABASE db`
    /// names the database in the snapshot (checked) and `AS new` the one to restore into.
    pub fn convert(&self, to: Syntax) -> Result<Converted<RestorePlan>, Vec<PlanError>> {
        let reasons = self.conversion_blockers(to);
        if !reasons.is_empty() {
            return Err(reasons);
        }
        let mut plan = RestorePlan { syntax: to, ..self.clone() };
        let mut notes = Vec::new();
        if to == self.syntax {
            return Ok(Converted { plan, notes });
        }
        match (to, &self.database, &self.database_alias) {
            (Syntax::Pre34, Some(db), Some(alias)) => {
                notes.push(format!(
                    "`DATABASE {db} AS {alias}` becomes `{alias}.{snap}`: before 3.4 the prefix names the database to \
                     restore into, and StarRocks does not check that the snapshot's database is `{db}`",
                    snap = self.snapshot
                ));
                plan.database = Some(alias.clone());
                plan.database_alias = None;
            }
            (Syntax::Pre34, Some(db), None) => notes.push(format!(
                "`DATABASE {db}` becomes `{db}.{snap}`: before 3.4 StarRocks does not check that the snapshot's \
                 database is `{db}`",
                snap = self.snapshot
            )),
            (Syntax::V34, Some(db), _) => notes.push(format!(
                "`{db}.{snap}` becomes `DATABASE {db}`, which also requires the snapshot's database to be named \
                 `{db}`; if it has another name, write `DATABASE <its name> AS {db}`",
                snap = self.snapshot
            )),
            _ => {}
        }
        Ok(Converted { plan, notes })
    }

    /// Converts the plan in place (see [`RestorePlan::convert`]); returns the notes.
    pub fn set_syntax(&mut self, to: Syntax) -> Result<Vec<String>, Vec<PlanError>> {
        let converted = self.convert(to)?;
        *self = converted.plan;
        Ok(converted.notes)
    }
}
