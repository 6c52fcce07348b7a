//! SQL → plan: loads any BACKUP or RESTORE the grammar accepts, and reports (`SR8xx`)
//! whatever the plan cannot hold.

use super::backup::{BackupCatalogs, BackupPlan, BackupProperties};
use super::diagnostic;
use super::model::{NamedObject, Partitions, PlanObject, PlanOptions, Syntax, TypedProperties};
use super::restore::{CatalogRename, RestoreCatalogs, RestorePlan, RestoreProperties};
use crate::ast::{self, CatalogClause, ObjectItem, PartitionSpec, QualifiedName, Statement};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What loading SQL gave: the plan (when the text holds a statement to load) and the
/// diagnostics about what the plan could not hold. The parser's own diagnostics are not
/// repeated: run [`crate::parse`] or [`crate::parse_and_check`] for those.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded<P> {
    /// The plan; `None` when there is no statement to load (see the diagnostics).
    pub plan: Option<P>,
    /// `SR8xx` diagnostics, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<P> Loaded<P> {
    /// True when the plan holds everything the statement said: a plan was loaded and no
    /// diagnostic is an error or a warning.
    pub fn is_faithful(&self) -> bool {
        self.plan.is_some() && self.diagnostics.iter().all(|d| d.severity == crate::Severity::Info)
    }
}

/// A BACKUP or a RESTORE plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "statement", rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum AnyPlan {
    /// A BACKUP.
    Backup(BackupPlan),
    /// A RESTORE.
    Restore(RestorePlan),
    /// A cluster-snapshot statement (shared-data clusters).
    ClusterSnapshot(super::ClusterSnapshotPlan),
}

impl AnyPlan {
    /// Writes the plan as SQL (see [`BackupPlan::to_sql`]).
    pub fn to_sql(&self) -> Result<String, super::PlanError> {
        match self {
            AnyPlan::Backup(p) => p.to_sql(),
            AnyPlan::Restore(p) => p.to_sql(),
            AnyPlan::ClusterSnapshot(p) => p.to_sql(),
        }
    }
}

/// Loads the first BACKUP, RESTORE or cluster-snapshot statement of `text`.
pub fn load(text: &str, options: PlanOptions) -> Loaded<AnyPlan> {
    load_first(text, "BACKUP, RESTORE or cluster-snapshot", |stmt| match stmt {
        Statement::Backup(b) => Some(backup_from_ast(b, options.clone()).map(AnyPlan::Backup)),
        Statement::Restore(r) => Some(restore_from_ast(r, options.clone()).map(AnyPlan::Restore)),
        other => super::ClusterSnapshotPlan::from_ast(other, options.clone())
            .map(|(p, d)| Built(AnyPlan::ClusterSnapshot(p), d)),
    })
}

impl BackupPlan {
    /// Loads the first BACKUP statement of `text`.
    pub fn from_sql(text: &str, options: PlanOptions) -> Loaded<BackupPlan> {
        load_first(text, "BACKUP", |stmt| match stmt {
            Statement::Backup(b) => Some(backup_from_ast(b, options.clone())),
            _ => None,
        })
    }

    /// Builds a plan from a parsed BACKUP. The diagnostics (spans from the tree) say what
    /// the plan could not hold.
    pub fn from_ast(stmt: &ast::BackupStmt, options: PlanOptions) -> (BackupPlan, Vec<Diagnostic>) {
        backup_from_ast(stmt, options).into()
    }
}

impl RestorePlan {
    /// Loads the first RESTORE statement of `text`.
    pub fn from_sql(text: &str, options: PlanOptions) -> Loaded<RestorePlan> {
        load_first(text, "RESTORE", |stmt| match stmt {
            Statement::Restore(r) => Some(restore_from_ast(r, options.clone())),
            _ => None,
        })
    }

    /// Builds a plan from a parsed RESTORE, with the diagnostics about what it could not hold.
    pub fn from_ast(stmt: &ast::RestoreStmt, options: PlanOptions) -> (RestorePlan, Vec<Diagnostic>) {
        restore_from_ast(stmt, options).into()
    }
}

/// A plan and its diagnostics.
struct Built<P>(P, Vec<Diagnostic>);

impl<P> Built<P> {
    fn map<Q>(self, f: impl FnOnce(P) -> Q) -> Built<Q> {
        Built(f(self.0), self.1)
    }
}

impl<P> From<Built<P>> for (P, Vec<Diagnostic>) {
    fn from(b: Built<P>) -> Self {
        (b.0, b.1)
    }
}

fn load_first<P>(text: &str, what: &str, mut build: impl FnMut(&Statement) -> Option<Built<P>>) -> Loaded<P> {
    let (script, _) = crate::parse(text);
    let mut found: Option<(usize, Built<P>)> = None;
    for (i, node) in script.statements.iter().enumerate() {
        if let Some(built) = build(&node.stmt) {
            found = Some((i, built));
            break;
        }
    }
    let Some((chosen, Built(plan, mut diagnostics))) = found else {
        let invalid = script.statements.iter().find(|n| matches!(n.stmt, Statement::Invalid(_)));
        let d = match invalid {
            Some(node) => diagnostic(
                "SR801",
                format!("there is no {what} statement to load: this statement does not parse"),
                node.span,
            )
            .with_help("fix the syntax errors first; the builder loads only statements that parse"),
            None => diagnostic(
                "SR801",
                format!("the text holds no {what} statement to load"),
                Span::new(0, text.len()),
            )
            .with_help(format!("paste a {what} statement")),
        };
        return Loaded { plan: None, diagnostics: vec![d] };
    };
    for (i, node) in script.statements.iter().enumerate() {
        if i != chosen {
            diagnostics.push(
                diagnostic(
                    "SR802",
                    "this statement is not loaded: the builder holds one statement",
                    node.span,
                )
                .with_help("load statements one at a time"),
            );
        }
    }
    crate::order::sort_stable_by(&mut diagnostics, |d| (d.span.start, d.span.end));
    Loaded { plan: Some(plan), diagnostics }
}

/// True when the statement reads in the pre-3.4 grammar: no DATABASE clause, no catalogs,
/// and only bare names in `ON (…)`.
fn is_pre34(database_clause: bool, catalogs: bool, on: Option<&ast::ObjectList>) -> bool {
    !database_clause
        && !catalogs
        && on.is_none_or(|on| on.items.iter().all(|i| matches!(i, ObjectItem::Named(n) if n.kind.is_none())))
}

/// Splits the snapshot name and reconciles its `db.` prefix with a DATABASE clause.
fn database_and_snapshot(
    snapshot: &QualifiedName,
    clause: Option<&ast::Ident>,
    syntax: Syntax,
    restore: bool,
    d: &mut Vec<Diagnostic>,
) -> (Option<String>, String) {
    let parts = &snapshot.parts;
    let name = snapshot.last().value.clone();
    if parts.len() >= 3 {
        let kept = &parts[parts.len() - 2..];
        d.push(
            diagnostic(
                "SR808",
                format!(
                    "the snapshot name `{}` has {} parts; the builder keeps `{}.{}`",
                    snapshot.dotted(),
                    parts.len(),
                    kept[0].value,
                    kept[1].value
                ),
                Span::new(parts[0].span.start, kept[0].span.start),
            )
            .with_help(
                "StarRocks rejects it too: write `<db>.<snapshot>` or `DATABASE <db> SNAPSHOT <snapshot>`",
            ),
        );
    }
    let prefix = (parts.len() >= 2).then(|| &parts[parts.len() - 2]);
    let database = match (clause, prefix) {
        (Some(c), Some(p)) => {
            d.push(
                diagnostic(
                    "SR807",
                    format!(
                        "the database is named twice (`DATABASE {}` and `{}.`); the builder keeps `{}`",
                        c.value, p.value, c.value
                    ),
                    Span::new(p.span.start, snapshot.last().span.start),
                )
                .with_help(
                    "StarRocks rejects both together; the prefix is dropped when the plan is written back",
                ),
            );
            Some(c.value.clone())
        }
        (Some(c), None) => Some(c.value.clone()),
        (None, Some(p)) => {
            if syntax == Syntax::V34 {
                let note = if restore {
                    format!(
                        "written back as `DATABASE {0}`, which also checks that the snapshot holds a database named `{0}`",
                        p.value
                    )
                } else {
                    format!("written back as `DATABASE {} SNAPSHOT {}`, which means the same", p.value, name)
                };
                d.push(diagnostic(
                    "SR809",
                    format!(
                        "`{}.{}` mixes the pre-3.4 snapshot form with 3.4-only clauses: {note}",
                        p.value, name
                    ),
                    snapshot.span,
                ));
            }
            Some(p.value.clone())
        }
        (None, None) => None,
    };
    (database, name)
}

fn objects(on: Option<&ast::ObjectList>, restore: bool, d: &mut Vec<Diagnostic>) -> Vec<PlanObject> {
    let Some(on) = on else { return Vec::new() };
    let mut out = Vec::with_capacity(on.items.len());
    for item in &on.items {
        match item {
            ObjectItem::All { kind, .. } => out.push(PlanObject::All { kind: *kind }),
            ObjectItem::Named(n) => {
                let name = n.name.last();
                if n.name.parts.len() > 1 {
                    let qualifier = &n.name.parts[..n.name.parts.len() - 1];
                    let dotted: Vec<&str> = qualifier.iter().map(|p| p.value.as_str()).collect();
                    let what = if restore {
                        "StarRocks does not use it in RESTORE"
                    } else {
                        "StarRocks ignores it in BACKUP"
                    };
                    d.push(
                        diagnostic(
                            "SR805",
                            format!(
                                "the qualifier `{}.` of `{}` is not kept: {what}",
                                dotted.join("."),
                                n.name.dotted()
                            ),
                            Span::new(n.name.span.start, name.span.start),
                        )
                        .with_help("objects always belong to the statement's database; write the bare name"),
                    );
                }
                let partitions = match &n.partitions {
                    None => None,
                    Some(PartitionSpec::Names { temporary, names, .. }) => Some(Partitions {
                        names: names.iter().map(|p| p.value().to_string()).collect(),
                        temporary: *temporary,
                    }),
                    Some(PartitionSpec::Keys { span, .. }) => {
                        d.push(
                            diagnostic(
                                "SR803",
                                format!(
                                    "the builder cannot hold partitions given by value; `{}` is loaded as the whole table",
                                    name.value
                                ),
                                *span,
                            )
                            .with_help("name the partitions instead: `PARTITION (p1, p2)`"),
                        );
                        None
                    }
                };
                let alias = match &n.alias {
                    Some(a) if !restore => {
                        d.push(
                            diagnostic(
                                "SR804",
                                format!("the alias `{}` is dropped: BACKUP cannot rename objects", a.value),
                                a.span,
                            )
                            .with_help("rename objects in the RESTORE statement"),
                        );
                        None
                    }
                    other => other.as_ref().map(|a| a.value.clone()),
                };
                out.push(PlanObject::Named(NamedObject {
                    kind: n.effective_kind(),
                    name: name.value.clone(),
                    partitions,
                    alias,
                }));
            }
        }
    }
    out
}

/// Loads properties: a repeated key keeps its last value (as StarRocks does) and the earlier
/// ones are reported.
pub(super) fn properties<P: TypedProperties + Default>(
    props: Option<&ast::Properties>,
    d: &mut Vec<Diagnostic>,
) -> P {
    let mut out = P::default();
    let Some(props) = props else { return out };
    // Owned keys: the same map type as elsewhere, so the wasm build holds one copy of its code.
    let mut last: HashMap<String, usize> = HashMap::with_capacity(props.entries.len());
    for (i, e) in props.entries.iter().enumerate() {
        last.insert(e.key.value.clone(), i);
    }
    for (i, e) in props.entries.iter().enumerate() {
        let last_i = last[e.key.value.as_str()];
        if last_i != i {
            d.push(
                diagnostic(
                    "SR806",
                    format!(
                        "`{}` is given again later; StarRocks keeps the last value (`{}`), and so does the builder",
                        e.key.value, props.entries[last_i].value.value
                    ),
                    e.span,
                )
                .with_help("remove this entry"),
            );
        } else {
            out.load(&e.key.value, &e.value.value);
        }
    }
    out
}

fn backup_from_ast(b: &ast::BackupStmt, options: PlanOptions) -> Built<BackupPlan> {
    let mut d = Vec::new();
    let syntax = if is_pre34(b.database.is_some(), b.catalogs.is_some(), b.on.as_ref()) {
        Syntax::Pre34
    } else {
        Syntax::V34
    };
    let (database, snapshot) = database_and_snapshot(&b.snapshot, b.database.as_ref(), syntax, false, &mut d);
    let catalogs = b.catalogs.as_ref().map(|c| match c {
        CatalogClause::All { .. } => BackupCatalogs::All,
        CatalogClause::List { items, .. } => BackupCatalogs::List {
            names: items
                .iter()
                .map(|i| {
                    if let Some(a) = &i.alias {
                        d.push(diagnostic(
                            "SR804",
                            format!("the alias `{}` is dropped: BACKUP cannot rename catalogs", a.value),
                            a.span,
                        ));
                    }
                    i.name.value.clone()
                })
                .collect(),
        },
    });
    let objects = objects(b.on.as_ref(), false, &mut d);
    let properties: BackupProperties = properties(b.properties.as_ref(), &mut d);
    Built(
        BackupPlan {
            database,
            snapshot,
            repository: b.repository.value.clone(),
            syntax,
            catalogs,
            objects,
            properties,
            options,
        },
        d,
    )
}

fn restore_from_ast(r: &ast::RestoreStmt, options: PlanOptions) -> Built<RestorePlan> {
    let mut d = Vec::new();
    let syntax = if is_pre34(r.database.is_some(), r.catalogs.is_some(), r.on.as_ref()) {
        Syntax::Pre34
    } else {
        Syntax::V34
    };
    let clause = r.database.as_ref().map(|c| &c.name);
    let (database, snapshot) = database_and_snapshot(&r.snapshot, clause, syntax, true, &mut d);
    let catalogs = r.catalogs.as_ref().map(|c| match c {
        CatalogClause::All { .. } => RestoreCatalogs::All,
        CatalogClause::List { items, .. } => RestoreCatalogs::List {
            catalogs: items
                .iter()
                .map(|i| CatalogRename {
                    name: i.name.value.clone(),
                    alias: i.alias.as_ref().map(|a| a.value.clone()),
                })
                .collect(),
        },
    });
    let objects = objects(r.on.as_ref(), true, &mut d);
    let properties: RestoreProperties = properties(r.properties.as_ref(), &mut d);
    Built(
        RestorePlan {
            snapshot,
            repository: r.repository.value.clone(),
            syntax,
            database,
            database_alias: r.database.as_ref().and_then(|c| c.alias.as_ref()).map(|a| a.value.clone()),
            catalogs,
            objects,
            properties,
            options,
        },
        d,
    )
}
