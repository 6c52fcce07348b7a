//! StarRocks's AST-builder rules (spec §3): checks StarRocks makes right after its grammar
//! accepts a statement, reported as syntax errors without a position. We report them with
//! one, plus warnings where the grammar accepts something that probably does not mean what
//! the user thinks (kind `statement`).

use crate::ast::*;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Edit, Fix, Severity};
use crate::lexer::{Tok, Token};
use crate::span::{LineIndex, Span};

/// Runs every statement rule on one parsed statement.
pub(crate) fn check(
    stmt: &Statement,
    _span: Span,
    text: &str,
    index: &LineIndex<'_>,
    toks: &[Token],
    diags: &mut Vec<Diagnostic>,
) {
    let cx = Cx { text, index, toks };
    match stmt {
        Statement::Backup(b) => {
            cx.snapshot_and_database(&b.snapshot, b.database.as_ref(), None, b.catalogs.as_ref(), diags);
            if let Some(on) = &b.on {
                for item in &on.items {
                    if let ObjectItem::Named(NamedObject { alias: Some(alias), .. }) = item {
                        let remove = cx.alias_span(alias);
                        diags.push(
                            cx.error(
                                "SR204",
                                format!("BACKUP objects cannot be renamed: remove `AS {}`", alias.value),
                                remove,
                            )
                            .with_help("aliases rename objects when they are restored; write the AS in the RESTORE statement instead")
                            .with_fix(Fix::single("remove the alias", cx.with_leading_space(remove), ""))
                            .with_starrocks("Getting syntax error. Detail message: Specifying alias for backup object is forbidden in BACKUP stmt."),
                        );
                    }
                }
                if b.catalogs.is_some() {
                    diags.push(
                        cx.error("SR206", "a BACKUP of external catalogs cannot have an ON clause", on.span)
                            .with_help("external catalogs are backed up whole; back up databases in a separate BACKUP statement")
                            .with_fix(Fix::single("remove the ON clause", cx.with_leading_space(on.span), ""))
                            .with_starrocks("Getting syntax error. Detail message: Can not sepcify `ON` clause for external catalog Backup/Restore."),
                    );
                }
                cx.object_list_warnings(on, diags);
            }
        }
        Statement::Restore(r) => {
            let db = r.database.as_ref().map(|d| &d.name);
            cx.snapshot_and_database(
                &r.snapshot,
                db,
                r.database.as_ref().map(|d| d.span),
                r.catalogs.as_ref(),
                diags,
            );
            if let Some(on) = &r.on {
                if db.is_none() && r.snapshot.parts.len() < 2 {
                    let mut d =
                        cx.error("SR205", "RESTORE with an ON clause must name the database", on.span);
                    d = if r.catalogs.is_some() {
                        d.with_help("external catalogs are restored whole and take no ON clause; restore databases in a separate RESTORE")
                            .with_fix(Fix::single("remove the ON clause", cx.with_leading_space(on.span), ""))
                    } else {
                        d.with_help(format!(
                            "add `DATABASE <db>` after `FROM {}`, or write the snapshot as `<db>.{}`",
                            r.repository.value,
                            r.snapshot.dotted()
                        ))
                    };
                    diags.push(
                        d
                            .with_starrocks("Getting syntax error. Detail message: `ON` clause is forbidden if no Database explicitly specified in Restore stmt."),
                    );
                }
                cx.object_list_warnings(on, diags);
            }
        }
        Statement::CancelBackup(c) | Statement::CancelRestore(c) if c.target.is_none() => {
            let what = if matches!(stmt, Statement::CancelBackup(_)) { "BACKUP" } else { "RESTORE" };
            let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
            diags.push(
                cx.error("SR207", format!("CANCEL {what} needs the database whose job to cancel"), span)
                    .with_help(format!(
                        "write `CANCEL {what} FROM <db>` (StarRocks does not use the current database here), or `CANCEL {what} FOR EXTERNAL CATALOG`"
                    ))
                    .with_starrocks("Getting syntax error. Detail message: No selected database for cancel BACKUP/RESTORE."),
            );
        }
        Statement::ShowRestore(s) => {
            if let (None, Some(w)) = (&s.from, &s.predicates.where_clause) {
                diags.push(
                    Diagnostic::new(
                        "SR212",
                        Severity::Warning,
                        DiagnosticKind::Statement,
                        "StarRocks ignores this WHERE clause because SHOW RESTORE names no database",
                        w.span,
                    )
                    .with_help(
                        "add `FROM <db>` to filter the jobs of one database; without it every job is listed",
                    ),
                );
            }
        }
        _ => {}
    }
}

struct Cx<'a> {
    text: &'a str,
    index: &'a LineIndex<'a>,
    toks: &'a [Token],
}

impl<'a> Cx<'a> {
    fn error(&self, code: &'static str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, DiagnosticKind::Statement, message, span)
    }

    /// The token starting at `offset` (tokens are in source order: a binary search).
    fn token_index_at(&self, offset: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&offset, |t| t.span.start).ok()
    }

    /// The span of `AS alias` given the alias.
    fn alias_span(&self, alias: &Ident) -> Span {
        match self.token_index_at(alias.span.start) {
            Some(i) if i > 0 && self.toks[i - 1].kind == Tok::AS => self.toks[i - 1].span.cover(alias.span),
            _ => alias.span,
        }
    }

    /// Extends a span left over blanks (so removing it leaves tidy text).
    fn with_leading_space(&self, span: Span) -> Span {
        let trimmed = self.text[..span.start].trim_end_matches([' ', '\t', '\r', '\n']);
        Span::new(trimmed.len(), span.end)
    }

    /// The `DATABASE` keyword's span before the name at `name`.
    fn database_clause_span(&self, name: &Ident) -> Span {
        match self.token_index_at(name.span.start) {
            Some(i) if i > 0 && self.toks[i - 1].kind == Tok::DATABASE => {
                self.toks[i - 1].span.cover(name.span)
            }
            _ => name.span,
        }
    }

    /// Rules 2–5 of spec §3, shared by BACKUP and RESTORE.
    fn snapshot_and_database(
        &self,
        snapshot: &QualifiedName,
        database: Option<&Ident>,
        database_clause: Option<Span>,
        catalogs: Option<&CatalogClause>,
        diags: &mut Vec<Diagnostic>,
    ) {
        let sr_catalog = "Getting syntax error. Detail message: Can not sepcify database name for external catalog Backup/Restore.";
        if let (Some(db), Some(_)) = (database, catalogs) {
            let span = database_clause.unwrap_or_else(|| self.database_clause_span(db));
            diags.push(
                self.error("SR201", "a database cannot be named together with external catalogs", span)
                    .with_help("external catalogs are backed up and restored on their own; use a separate statement for the database")
                    .with_fix(Fix::single("remove the DATABASE clause", self.with_leading_space(span), ""))
                    .with_starrocks(sr_catalog),
            );
        }
        if snapshot.parts.len() >= 3 {
            diags.push(
                self.error(
                    "SR202",
                    format!("the snapshot name `{}` has {} parts; it takes at most two (`db.snapshot`)", snapshot.dotted(), snapshot.parts.len()),
                    snapshot.span,
                )
                .with_help("write `<db>.<snapshot>`, or `DATABASE <db> SNAPSHOT <snapshot>` from StarRocks 3.4")
                .with_starrocks({
                    let at = self.index.line_col(snapshot.span.start);
                    format!(
                        "Getting syntax error at line {}, column {}. Detail message: Invalid table name format '{}'.",
                        at.line,
                        at.column - 1,
                        snapshot.dotted()
                    )
                }),
            );
        }
        if let (Some(db), 2) = (database, snapshot.parts.len()) {
            let prefix = &snapshot.parts[0];
            let prefix_span = Span::new(prefix.span.start, snapshot.parts[1].span.start);
            let mut d = self
                .error(
                    "SR203",
                    format!("the database is named twice: `DATABASE {}` and the prefix `{}.`", db.value, prefix.value),
                    prefix_span,
                )
                .with_starrocks("Getting syntax error. Detail message: Specifying dbName before snapshot name is forbidden if the DbName is specified explicitly in BACKUP/RESTORE.");
            if prefix.value == db.value {
                d = d
                    .with_help("drop the prefix; the DATABASE clause already names the database")
                    .with_fix(Fix::single(format!("remove `{}.`", prefix.value), prefix_span, ""));
            } else {
                d = d.with_help(format!(
                    "the two names differ (`{}` and `{}`); keep the one you mean and remove the other",
                    db.value, prefix.value
                ));
            }
            diags.push(d);
        }
        if let (None, Some(_), 2) = (database, catalogs, snapshot.parts.len()) {
            let prefix = &snapshot.parts[0];
            let prefix_span = Span::new(prefix.span.start, snapshot.parts[1].span.start);
            diags.push(
                self.error(
                    "SR201",
                    "a snapshot of external catalogs cannot have a database prefix",
                    prefix_span,
                )
                .with_help("name the snapshot without `<db>.`")
                .with_fix(Fix::single(format!("remove `{}.`", prefix.value), prefix_span, ""))
                .with_starrocks(sr_catalog),
            );
        }
    }

    /// Warnings about ON lists the grammar accepts but that rarely mean what was written.
    fn object_list_warnings(&self, on: &ObjectList, diags: &mut Vec<Diagnostic>) {
        let mut plural: Option<(ObjectKind, &NamedObject, &'static str)> = None;
        for item in &on.items {
            let ObjectItem::Named(obj) = item else {
                plural = None;
                continue;
            };
            match obj.kind {
                Some(kind) => {
                    plural = self.plural_keyword(obj).map(|kw| (kind, obj, kw));
                }
                None => {
                    if let Some((kind, first, kw)) = plural {
                        if kind != ObjectKind::Table {
                            diags.push(
                                Diagnostic::new(
                                    "SR210",
                                    Severity::Warning,
                                    DiagnosticKind::Statement,
                                    format!(
                                        "`{}` is read as a table: {kw} applies only to the first name, `{}`",
                                        obj.name.dotted(),
                                        first.name.dotted()
                                    ),
                                    obj.name.span,
                                )
                                .with_help(format!(
                                    "repeat the keyword for every {}: `{} {}`",
                                    kind.noun(),
                                    kind.keyword(),
                                    obj.name.dotted()
                                ))
                                .with_fix(Fix::single(
                                    format!("insert `{}`", kind.keyword()),
                                    Span::empty(obj.span.start),
                                    format!("{} ", kind.keyword()),
                                )),
                            );
                        }
                    }
                }
            }
            if let Some(PartitionSpec::Names { names, span, .. }) = &obj.partitions {
                if names.len() > 1 && !self.parenthesised(*span) {
                    let listed: Vec<&str> = names[1..].iter().map(|n| n.value()).collect();
                    let one = listed.len() == 1;
                    let (first, last) = (names[0].span(), names[names.len() - 1].span());
                    diags.push(
                        Diagnostic::new(
                            "SR211",
                            Severity::Warning,
                            DiagnosticKind::Statement,
                            format!(
                                "without parentheses, {} {} read as {} of `{}`, not as {}",
                                listed.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                                if one { "is" } else { "are" },
                                if one { "a partition" } else { "partitions" },
                                obj.name.dotted(),
                                if one { "a table" } else { "tables" },
                            ),
                            *span,
                        )
                        .with_help(format!(
                            "write the partitions in parentheses to make the intent explicit: `PARTITION ({})`; if some of these are tables, close the list before them",
                            names.iter().map(|n| n.value()).collect::<Vec<_>>().join(", ")
                        ))
                        .with_fix(Fix {
                            message: "put the partition names in parentheses (same meaning, explicit)".into(),
                            edits: vec![
                                Edit { span: Span::empty(first.start), replacement: "(".into() },
                                Edit { span: Span::empty(last.end), replacement: ")".into() },
                            ],
                        }),
                    );
                }
            }
        }
    }

    /// The plural keyword a typed item starts with (`VIEWS`, `FUNCTIONS`, `MATERIALIZED VIEWS`).
    fn plural_keyword(&self, obj: &NamedObject) -> Option<&'static str> {
        let i = self.token_index_at(obj.span.start)?;
        match self.toks[i].kind {
            Tok::VIEWS => Some("VIEWS"),
            Tok::FUNCTIONS => Some("FUNCTIONS"),
            Tok::TABLES => Some("TABLES"),
            Tok::MATERIALIZED if self.toks.get(i + 1).map(|t| t.kind) == Some(Tok::VIEWS) => {
                Some("MATERIALIZED VIEWS")
            }
            _ => None,
        }
    }

    fn parenthesised(&self, span: Span) -> bool {
        let first = self.toks.partition_point(|t| t.span.start < span.start);
        self.toks[first..]
            .iter()
            .take_while(|t| t.span.end <= span.end)
            .find(|t| !matches!(t.kind, Tok::TEMPORARY | Tok::PARTITION | Tok::PARTITIONS))
            .is_some_and(|t| t.kind == Tok::LParen)
    }
}
