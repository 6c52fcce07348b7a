//! plan → SQL: builds the statement's syntax tree and writes it with the canonical formatter.

use super::backup::BackupPlan;
use super::common::{CatalogSelection, PlanCore};
use super::model::{check_representable, NameRole, PlanError, PlanObject, Syntax, TypedProperties};
use super::restore::RestorePlan;
use crate::ast::{self, Ident, NameOrString, QualifiedName, StatementNode, StringLit};
use crate::span::Span;

impl BackupPlan {
    /// The statement as a syntax tree (empty spans), in the plan's syntax.
    ///
    /// Fails only when the plan holds something the grammar cannot express (a view in the
    /// pre-3.4 syntax, partitions on a view, an empty list) or a name no SQL can carry (one
    /// with a backquote); the editing methods refuse all of them.
    pub fn to_statement(&self) -> Result<ast::Statement, PlanError> {
        if let Some(db) = &self.database {
            check_representable(NameRole::Database, db)?;
        }
        let catalogs = snapshot_repository_and_catalogs(self)?;
        let (database, snapshot) =
            database_and_snapshot(self.syntax, self.database.as_deref(), &self.snapshot);
        Ok(ast::Statement::Backup(ast::BackupStmt {
            catalogs,
            database,
            snapshot,
            repository: Ident::new(&self.repository),
            on: object_list(self.syntax, &self.objects)?,
            properties: properties(&self.properties),
        }))
    }

    /// The statement as canonical SQL, ending in `;` and a newline.
    pub fn to_sql(&self) -> Result<String, PlanError> {
        Ok(write(self.to_statement()?))
    }
}

impl RestorePlan {
    /// The statement as a syntax tree (empty spans), in the plan's syntax. Fails like
    /// [`BackupPlan::to_statement`].
    pub fn to_statement(&self) -> Result<ast::Statement, PlanError> {
        let catalogs = snapshot_repository_and_catalogs(self)?;
        if let Some(db) = &self.database {
            check_representable(NameRole::Database, db)?;
        }
        if let Some(a) = &self.database_alias {
            require_v34(self.syntax, "`DATABASE … AS`")?;
            check_representable(NameRole::DatabaseAlias, a)?;
            if self.database.is_none() {
                return Err(PlanError::AliasWithoutDatabase);
            }
        }
        let (database, snapshot) =
            database_and_snapshot(self.syntax, self.database.as_deref(), &self.snapshot);
        let database = database.map(|name| ast::DatabaseClause {
            name,
            alias: self.database_alias.as_deref().map(Ident::new),
            span: Span::default(),
        });
        Ok(ast::Statement::Restore(ast::RestoreStmt {
            snapshot,
            repository: Ident::new(&self.repository),
            catalogs,
            database,
            on: object_list(self.syntax, &self.objects)?,
            properties: properties(&self.properties),
        }))
    }

    /// The statement as canonical SQL, ending in `;` and a newline.
    pub fn to_sql(&self) -> Result<String, PlanError> {
        Ok(write(self.to_statement()?))
    }
}

/// Formats one statement as a script: canonical text ending in `;\n`.
pub(crate) fn write(stmt: ast::Statement) -> String {
    let node = StatementNode {
        stmt,
        span: Span::default(),
        leading_comments: Vec::new(),
        inner_comments: Vec::new(),
    };
    crate::format(&ast::Script { statements: vec![node], trailing_comments: Vec::new() })
}

fn require_v34(syntax: Syntax, what: &str) -> Result<(), PlanError> {
    match syntax {
        Syntax::V34 => Ok(()),
        Syntax::Pre34 => Err(PlanError::NeedsNewSyntax { what: what.to_string() }),
    }
}

/// `DATABASE db SNAPSHOT snap` (3.4+) or `SNAPSHOT db.snap` (pre-3.4).
fn database_and_snapshot(
    syntax: Syntax,
    database: Option<&str>,
    snapshot: &str,
) -> (Option<Ident>, QualifiedName) {
    match (syntax, database) {
        (Syntax::V34, Some(db)) => (Some(Ident::new(db)), QualifiedName::new([snapshot])),
        (Syntax::Pre34, Some(db)) => (None, QualifiedName::new([db, snapshot])),
        (_, None) => (None, QualifiedName::new([snapshot])),
    }
}

/// Checks that the snapshot and the repository can be written, then builds the catalog clause
/// (3.4+; a list needs at least one catalog).
fn snapshot_repository_and_catalogs<P: PlanCore>(plan: &P) -> Result<Option<ast::CatalogClause>, PlanError> {
    check_representable(NameRole::Snapshot, plan.snapshot())?;
    check_representable(NameRole::Repository, plan.repository())?;
    let Some(catalogs) = plan.catalogs() else {
        return Ok(None);
    };
    require_v34(plan.syntax(), "external catalogs")?;
    Ok(Some(match catalogs.listed() {
        None => ast::CatalogClause::All { span: Span::default() },
        Some(listed) if listed.is_empty() => return Err(PlanError::EmptyCatalogList),
        Some(listed) => ast::CatalogClause::List {
            items: listed
                .into_iter()
                .map(|(name, alias)| catalog_item(name, alias))
                .collect::<Result<_, _>>()?,
            span: Span::default(),
        },
    }))
}

fn catalog_item(name: &str, alias: Option<&str>) -> Result<ast::CatalogItem, PlanError> {
    check_representable(NameRole::Catalog, name)?;
    if let Some(a) = alias {
        check_representable(NameRole::Alias, a)?;
    }
    Ok(ast::CatalogItem { name: Ident::new(name), alias: alias.map(Ident::new), span: Span::default() })
}

/// The `ON (…)` list: typed items in the 3.4+ syntax, bare table names before.
fn object_list(syntax: Syntax, objects: &[PlanObject]) -> Result<Option<ast::ObjectList>, PlanError> {
    if objects.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(objects.len());
    for obj in objects {
        items.push(match obj {
            PlanObject::All { kind } => {
                let kind = *kind;
                require_v34(syntax, &format!("`ALL {}`", kind.plural_keyword()))?;
                ast::ObjectItem::All { kind, span: Span::default() }
            }
            PlanObject::Named(n) => {
                check_representable(NameRole::Object, &n.name)?;
                let kind = match syntax {
                    Syntax::V34 => Some(n.kind),
                    Syntax::Pre34 if n.kind == super::ObjectKind::Table => None,
                    Syntax::Pre34 => {
                        return Err(PlanError::NeedsNewSyntax {
                            what: format!("the {} `{}`", n.kind.noun(), n.name),
                        })
                    }
                };
                if let Some(a) = &n.alias {
                    check_representable(NameRole::Alias, a)?;
                }
                if let Some(p) = &n.partitions {
                    // The grammar takes partitions on table items only, and at least one.
                    if n.kind != super::ObjectKind::Table {
                        return Err(PlanError::PartitionsNotAllowed { kind: n.kind });
                    }
                    if p.names.is_empty() {
                        return Err(PlanError::EmptyPartitionList);
                    }
                }
                ast::ObjectItem::Named(ast::NamedObject {
                    kind,
                    name: QualifiedName::new([n.name.as_str()]),
                    partitions: n.partitions.as_ref().map(|p| ast::PartitionSpec::Names {
                        temporary: p.temporary,
                        names: p.names.iter().map(|name| partition_name(name)).collect(),
                        span: Span::default(),
                    }),
                    alias: n.alias.as_deref().map(Ident::new),
                    span: Span::default(),
                })
            }
        });
    }
    Ok(Some(ast::ObjectList { items, span: Span::default() }))
}

/// A partition name: an identifier when one can carry it (no backquote), otherwise a string
/// (the grammar takes both).
fn partition_name(name: &str) -> NameOrString {
    if name.contains('`') {
        NameOrString::String(StringLit::new(name))
    } else {
        NameOrString::Ident(Ident::new(name))
    }
}

pub(super) fn properties<P: TypedProperties>(props: &P) -> Option<ast::Properties> {
    let entries = props.entries();
    if entries.is_empty() {
        return None;
    }
    Some(ast::Properties {
        entries: entries
            .into_iter()
            .map(|(k, v)| ast::Property {
                key: StringLit::new(k),
                value: StringLit::new(v),
                span: Span::default(),
            })
            .collect(),
        span: Span::default(),
    })
}
