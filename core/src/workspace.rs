//! The façade every front end goes through: one text, one set of [`Settings`], and every
//! stage's result on demand.
//!
//! A [`Workspace`] parses, checks, formats, explains privileges, loads the builder plan,
//! converts syntax, writes companion statements and completes — each computed the first time
//! it is asked for and kept until what it depends on changes:
//!
//! | result | depends on |
//! |---|---|
//! | parse, statements, formatted text | the text |
//! | diagnostics, privilege plans | the text, target version, cluster mode, catalog |
//! | GRANT / REVOKE scripts | all of the above, grantee and scope |
//!
//! So an editor that changes the grantee re-renders the grants and nothing else, and one that
//! types re-parses once however many panels read the result. [`Workspace::stage_runs`] counts
//! how often each stage ran (the tests hold the caching to its promise).
//!
//! The `*_report` methods return plain serialisable values (camelCase fields): the CLI's JSON
//! and the npm package's results are these values. Their spans are byte offsets until they are
//! serialised inside [`crate::span::with_positions`], which turns every one into a
//! [`crate::span::Range`] in the encoding the front end counts in.
//!
//! ```
//! use starrocks_backup_sql::workspace::{Settings, Workspace};
//!
//! let mut ws = Workspace::new("RESTORE SNAPSHOT sales.snap FROM repo ON (TABLE orders)", Settings::default());
//! assert_eq!(ws.diagnostics()[0].code, "SR326"); // RESTORE needs "backup_timestamp"
//! ws.set_text("BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders)");
//! assert!(!ws.diagnostics().iter().any(|d| d.is_error()));
//! assert!(ws.grant_sql().contains("GRANT EXPORT ON TABLE sales.orders TO ROLE backup_operator"));
//! ```

use crate::ast::{Script, Statement, StatementKind, StatementNode};
use crate::catalogue::RuleInfo;
use crate::check::{Catalog, ClusterMode, Options, Version};
use crate::complete::Completion;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::plan::{AnyPlan, Companions, ConvertedSql, Part, PlanEdit, PlanError, PlanOptions, Syntax};
use crate::privileges::{GrantOptions, GrantScript, Grantee, PrivilegePlan, Scope};
use crate::span::Span;
use serde::Serialize;
use std::cell::{Cell, OnceCell};
use std::sync::Arc;

/// What the statements are checked against, and who the GRANTs are for.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The StarRocks version the statements will run on (default: the latest).
    pub target: Version,
    /// The cluster's mode (default: shared-nothing).
    pub cluster: ClusterMode,
    /// What the cluster holds, when known; shared, so settings copy cheaply.
    pub catalog: Option<Arc<Catalog>>,
    /// Who gets the GRANTs (default: `ROLE backup_operator`).
    pub grantee: Grantee,
    /// How wide the GRANTs are (default: as the statements ask).
    pub scope: Scope,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            target: Version::LATEST,
            cluster: ClusterMode::SharedNothing,
            catalog: None,
            grantee: Grantee::role(DEFAULT_ROLE),
            scope: Scope::Auto,
        }
    }
}

/// The role GRANTs are written for when no grantee is given.
pub const DEFAULT_ROLE: &str = "backup_operator";

impl Settings {
    /// The options the checks and the privilege explainer run with.
    pub fn options(&self) -> Options {
        Options { target: self.target, cluster: self.cluster, catalog: self.catalog.clone() }
    }

    /// The options the builder plan is made for.
    pub fn plan_options(&self) -> PlanOptions {
        PlanOptions { target: self.target, cluster: self.cluster, grantee: self.grantee.to_sql() }
    }

    /// True when the checks' results depend on a difference between `self` and `other`.
    fn checks_differ(&self, other: &Settings) -> bool {
        self.target != other.target
            || self.cluster != other.cluster
            || match (&self.catalog, &other.catalog) {
                (None, None) => false,
                (Some(a), Some(b)) => !Arc::ptr_eq(a, b) && a != b,
                _ => true,
            }
    }
}

/// How many times each stage ran since the workspace was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageRuns {
    /// Lexing and parsing.
    pub parse: u32,
    /// The checks after parsing.
    pub check: u32,
    /// The formatter.
    pub format: u32,
    /// The privilege explainer.
    pub privileges: u32,
    /// GRANT/REVOKE rendering.
    pub grants: u32,
}

/// One text and its settings, with every stage's result computed on demand and cached.
#[derive(Debug)]
pub struct Workspace {
    text: String,
    settings: Settings,
    parsed: OnceCell<(Script, Vec<Diagnostic>)>,
    statements: OnceCell<Vec<StatementInfo>>,
    diagnostics: OnceCell<Vec<Diagnostic>>,
    formatted: OnceCell<Formatted>,
    privileges: OnceCell<Vec<PrivilegePlan>>,
    grants: OnceCell<GrantScript>,
    runs: Cell<StageRuns>,
}

/// The canonical text, or why the input is kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Formatted {
    /// The canonical SQL; the input unchanged when formatting would lose text.
    pub text: String,
    /// True when `text` differs from the input.
    pub changed: bool,
    /// Why the input was kept as written: characters StarRocks's lexer drops (which a
    /// formatted copy would silently lose). Empty when it was formatted.
    pub blocked_by: Vec<Diagnostic>,
}

impl Workspace {
    /// A workspace over `text`. Nothing is computed until it is asked for.
    pub fn new(text: impl Into<String>, settings: Settings) -> Self {
        Workspace {
            text: text.into(),
            settings,
            parsed: OnceCell::new(),
            statements: OnceCell::new(),
            diagnostics: OnceCell::new(),
            formatted: OnceCell::new(),
            privileges: OnceCell::new(),
            grants: OnceCell::new(),
            runs: Cell::new(StageRuns::default()),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// How many times each stage has run.
    pub fn stage_runs(&self) -> StageRuns {
        self.runs.get()
    }

    fn count(&self, stage: impl FnOnce(&mut StageRuns)) {
        let mut runs = self.runs.get();
        stage(&mut runs);
        self.runs.set(runs);
    }

    /// Replaces the text; every result is recomputed when next asked for (nothing, when the
    /// text is the same).
    pub fn set_text(&mut self, text: impl Into<String>) {
        let text = text.into();
        if text != self.text {
            self.text = text;
            self.parsed.take();
            self.statements.take();
            self.formatted.take();
            self.forget_checks();
        }
    }

    /// Replaces the settings, dropping only the results that depend on what changed.
    pub fn set_settings(&mut self, settings: Settings) {
        if self.settings.checks_differ(&settings) {
            self.forget_checks();
        } else if self.settings.grantee != settings.grantee || self.settings.scope != settings.scope {
            self.grants.take();
        }
        self.settings = settings;
    }

    fn forget_checks(&mut self) {
        self.diagnostics.take();
        self.privileges.take();
        self.grants.take();
    }

    /// The parsed script.
    pub fn script(&self) -> &Script {
        &self.parsed().0
    }

    fn parsed(&self) -> &(Script, Vec<Diagnostic>) {
        self.parsed.get_or_init(|| {
            self.count(|r| r.parse += 1);
            crate::parse(&self.text)
        })
    }

    /// What the lexer, the grammar and StarRocks's AST builder report (no later stage).
    pub fn parse_diagnostics(&self) -> &[Diagnostic] {
        &self.parsed().1
    }

    /// Every diagnostic of every stage under the settings, in source order. Notes are left
    /// out for statements that have errors.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics.get_or_init(|| {
            let (script, parse) = self.parsed();
            self.count(|r| r.check += 1);
            crate::check::combine(script, parse.clone(), &self.settings.options())
        })
    }

    /// The statements: kind, span and a one-line summary.
    pub fn statements(&self) -> &[StatementInfo] {
        self.statements.get_or_init(|| {
            self.script()
                .statements
                .iter()
                .map(|n| StatementInfo { kind: n.stmt.kind(), span: n.span, summary: summary(n) })
                .collect()
        })
    }

    /// The index of the statement holding byte `offset` (the one before it when the offset is
    /// between statements); `None` for a text without statements.
    pub fn statement_at(&self, offset: usize) -> Option<usize> {
        let statements = &self.script().statements;
        let i = statements.partition_point(|n| n.span.start <= offset);
        match i.checked_sub(1) {
            Some(i) => Some(i),
            None => (!statements.is_empty()).then_some(0),
        }
    }

    /// Whether [`Self::formatted`] can rewrite the text (nothing blocks it), without
    /// formatting it.
    pub fn formattable(&self) -> bool {
        !self.parsed().1.iter().any(blocks_formatting)
    }

    /// The canonical text.
    pub fn formatted(&self) -> &Formatted {
        self.formatted.get_or_init(|| {
            let (script, parse) = self.parsed();
            self.count(|r| r.format += 1);
            let blocked_by: Vec<Diagnostic> =
                parse.iter().filter(|d| blocks_formatting(d)).cloned().collect();
            if blocked_by.is_empty() {
                let text = crate::format(script);
                Formatted { changed: text != self.text, text, blocked_by }
            } else {
                Formatted { text: self.text.clone(), changed: false, blocked_by }
            }
        })
    }

    /// What each statement needs, privilege by privilege (one plan per statement).
    pub fn privileges(&self) -> &[PrivilegePlan] {
        self.privileges.get_or_init(|| {
            let script = self.script();
            self.count(|r| r.privileges += 1);
            crate::privileges::explain_script(script, &self.settings.options())
        })
    }

    /// The GRANTs for the grantee and scope of the settings.
    pub fn grants(&self) -> &GrantScript {
        self.grants.get_or_init(|| {
            let plans = self.privileges();
            self.count(|r| r.grants += 1);
            let options = GrantOptions { grantee: self.settings.grantee.clone(), scope: self.settings.scope };
            crate::privileges::render_grants(plans, &options)
        })
    }

    /// The GRANT script: ready to run, each GRANT after comments saying why.
    pub fn grant_sql(&self) -> String {
        self.grants().to_sql(&self.settings.target.to_string())
    }

    /// The REVOKE script that undoes [`Self::grant_sql`], in reverse order.
    pub fn revoke_sql(&self) -> String {
        self.grants().revoke_sql()
    }

    /// The builder plan of the BACKUP or RESTORE holding byte `offset` (the first one in the
    /// text when `offset` is `None`), with what the plan cannot hold.
    pub fn plan_at(&self, offset: Option<usize>) -> PlanReport {
        let statements = &self.script().statements;
        let chosen = match offset {
            Some(o) => self.statement_at(o),
            None => statements.iter().position(|n| {
                matches!(n.stmt, Statement::Backup(_) | Statement::Restore(_)) || n.stmt.is_cluster_snapshot()
            }),
        };
        let node = chosen.map(|i| (i, &statements[i]));
        let options = self.settings.plan_options();
        let (plan, diagnostics) = match node.map(|(_, n)| &n.stmt) {
            Some(Statement::Backup(b)) => {
                let (p, d) = crate::plan::BackupPlan::from_ast(b, options);
                (Some(AnyPlan::Backup(p)), d)
            }
            Some(Statement::Restore(r)) => {
                let (p, d) = crate::plan::RestorePlan::from_ast(r, options);
                (Some(AnyPlan::Restore(p)), d)
            }
            Some(stmt) if stmt.is_cluster_snapshot() => {
                match crate::plan::ClusterSnapshotPlan::from_ast(stmt, options) {
                    Some((p, d)) => (Some(AnyPlan::ClusterSnapshot(p)), d),
                    None => (None, Vec::new()),
                }
            }
            _ => {
                let span = node.map_or(Span::empty(0), |(_, n)| n.span);
                let message = match node.map(|(_, n)| &n.stmt) {
                    Some(Statement::Invalid(_)) => {
                        "this statement does not parse, so the builder cannot hold it: fix the syntax error first"
                    }
                    Some(_) => "the builder holds BACKUP, RESTORE and cluster-snapshot statements; this is another statement",
                    None => "the text holds no BACKUP or RESTORE statement to load into the builder",
                };
                (None, vec![crate::plan::diagnostic("SR801", message, span)])
            }
        };
        let faithful = plan.is_some() && diagnostics.iter().all(|d| d.severity == Severity::Info);
        PlanReport { plan, statement: chosen, diagnostics, faithful }
    }

    /// What a visual builder shows for the statement holding byte `offset`: its plan, where
    /// it is written, and for every diagnostic of [`Self::diagnostics`] the part of the
    /// statement it belongs to (so each control can show its own).
    pub fn builder_at(&self, offset: usize) -> BuilderView {
        let report = self.plan_at(Some(offset));
        let node = report.statement.map(|i| &self.script().statements[i]);
        let parts = match node {
            Some(n) => crate::plan::attach(self.diagnostics(), &crate::plan::parts_of(&n.stmt), n.span),
            None => vec![None; self.diagnostics().len()],
        };
        BuilderView {
            span: node.map(|n| n.span),
            plan: report.plan,
            statement: report.statement,
            load_diagnostics: report.diagnostics,
            faithful: report.faithful,
            parts,
        }
    }

    /// Applies a builder edit to the BACKUP or RESTORE holding byte `offset` and writes it
    /// back: the new text has that statement (only) replaced by the edited plan's canonical
    /// SQL, with any comment it held kept above it. Refused, with the reason, when the
    /// statement cannot be loaded, when the plan does not hold everything it says (the edit
    /// would lose text), or when no SQL can hold the result.
    pub fn apply_edit(&self, offset: usize, edit: &PlanEdit) -> Result<Applied, Problem> {
        let view = self.plan_at(Some(offset));
        let (Some(plan), Some(i)) = (view.plan, view.statement) else {
            let message = view.diagnostics.first().map_or_else(
                || "there is no BACKUP or RESTORE at the cursor".to_string(),
                |d| d.message.clone(),
            );
            return Err(Problem { message, error: None });
        };
        if let Some(lost) = view.diagnostics.iter().find(|d| d.severity != Severity::Info) {
            return Err(Problem {
                message: format!(
                    "the builder cannot edit this statement without losing part of it: {}; edit it in the SQL",
                    lost.message
                ),
                error: None,
            });
        }
        let next = crate::plan::apply_edit(&plan, edit).map_err(Problem::from)?;
        let node = &self.script().statements[i];
        Ok(self.replace(node, &next))
    }

    /// The text with `plan` written as a new statement after the statement holding byte
    /// `offset` (at the end when there is none).
    pub fn insert_plan(&self, offset: usize, plan: &AnyPlan) -> Result<Applied, Problem> {
        let sql = plan.to_sql().map_err(Problem::from)?;
        let after = self.statement_at(offset).map(|i| &self.script().statements[i]);
        let text = &self.text;
        // After the statement and its `;`, or at the end of the text.
        let at = after.map_or(text.len(), |n| {
            let rest = &text[n.span.end..];
            let semi = rest.trim_start().strip_prefix(';').map(|r| text.len() - r.len());
            semi.unwrap_or(n.span.end)
        });
        let (head, tail) = text.split_at(at);
        let sep = match head.trim_end() {
            "" => "",
            h if h.ends_with(';') => "\n\n",
            _ => ";\n\n",
        };
        let head = head.trim_end();
        let body = sql.trim_end().trim_end_matches(';');
        let start = head.len() + sep.len();
        let rest =
            if tail.trim().is_empty() { ";\n".to_string() } else { format!(";\n\n{}", tail.trim_start()) };
        let text = format!("{head}{sep}{body}{rest}");
        Ok(Applied { span: Span::new(start, start + body.len()), text })
    }

    fn replace(&self, node: &StatementNode, plan: &AnyPlan) -> Applied {
        let sql = plan.to_sql().expect("apply_edit returns only plans SQL can hold");
        let body = sql.trim_end().trim_end_matches(';');
        let mut text = String::with_capacity(self.text.len() + body.len());
        text.push_str(&self.text[..node.span.start]);
        for c in &node.inner_comments {
            text.push_str(c.text.trim_end());
            text.push('\n');
        }
        let start = text.len();
        text.push_str(body);
        let end = text.len();
        text.push_str(&self.text[node.span.end..]);
        Applied { text, span: Span::new(start, end) }
    }

    /// The BACKUP or RESTORE at `offset` (or the first) rewritten in `to`'s syntax.
    pub fn convert(&self, to: Syntax, offset: Option<usize>) -> ConvertedSql {
        let loaded = self.plan_at(offset);
        crate::plan::convert_loaded(loaded.plan, loaded.diagnostics, to)
    }

    /// The companion statements of the BACKUP at `offset` (or the first statement the builder
    /// can load).
    pub fn companions(&self, offset: Option<usize>) -> CompanionsReport {
        let loaded = self.plan_at(offset);
        match loaded.plan {
            Some(plan) => {
                let mut report = companions_of(&plan);
                report.diagnostics.splice(0..0, loaded.diagnostics);
                report
            }
            None => {
                CompanionsReport { companions: None, problems: Vec::new(), diagnostics: loaded.diagnostics }
            }
        }
    }

    /// What may be typed at byte `offset`: keywords the grammar expects there and, with a
    /// catalog, the names that fit.
    pub fn complete(&self, offset: usize) -> Completion {
        crate::complete::complete_for(
            &self.text,
            offset,
            self.settings.catalog.as_deref(),
            self.settings.target,
        )
    }

    /// Everything [`Self::parse_diagnostics`] and [`Self::statements`] say, as one value.
    pub fn parse_report(&self) -> ParseReport {
        ParseReport { statements: self.statements().to_vec(), diagnostics: self.parse_diagnostics().to_vec() }
    }

    /// Every stage's diagnostics and the statements, as one value.
    pub fn check_report(&self) -> CheckReport {
        let diagnostics = self.diagnostics().to_vec();
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        CheckReport {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            statements: self.statements().to_vec(),
            diagnostics,
        }
    }

    /// The privilege plans, the grants and both scripts, as one value.
    pub fn privilege_report(&self) -> PrivilegeReport {
        PrivilegeReport {
            target_version: self.settings.target.to_string(),
            plans: self.privileges().to_vec(),
            grants: self.grants().clone(),
            grant_sql: self.grant_sql(),
            revoke_sql: self.revoke_sql(),
            diagnostics: self.parse_diagnostics().iter().filter(|d| d.is_error()).cloned().collect(),
        }
    }
}

/// Text the lexer drops (a lexical diagnostic) is not in the tree: formatting would delete it.
fn blocks_formatting(d: &Diagnostic) -> bool {
    d.kind == DiagnosticKind::Lexical
}

/// SQL from a builder plan, checked under `settings`.
pub fn sql_from_plan(plan: &AnyPlan, settings: &Settings) -> SqlReport {
    let mut problems: Vec<Problem> = match plan {
        AnyPlan::Backup(p) => p.validate(),
        AnyPlan::Restore(p) => p.validate(),
        AnyPlan::ClusterSnapshot(_) => Vec::new(),
    }
    .into_iter()
    .map(Problem::from)
    .collect();
    match plan.to_sql() {
        Ok(sql) => {
            let diagnostics = Workspace::new(sql.clone(), settings.clone()).diagnostics().to_vec();
            SqlReport { sql: Some(sql), problems, diagnostics }
        }
        Err(e) => {
            // `validate` usually names the same reason already.
            let e = Problem::from(e);
            if !problems.contains(&e) {
                problems.push(e);
            }
            SqlReport { sql: None, problems, diagnostics: Vec::new() }
        }
    }
}

/// The companion statements of a plan: a BACKUP's RESTORE, repository templates, SHOW and
/// CANCEL. A RESTORE plan has none; `problems` says so.
pub fn companions_of(plan: &AnyPlan) -> CompanionsReport {
    match plan {
        AnyPlan::Backup(b) => match b.companions() {
            Ok(c) => CompanionsReport { companions: Some(c), problems: Vec::new(), diagnostics: Vec::new() },
            Err(e) => {
                CompanionsReport { companions: None, problems: vec![e.into()], diagnostics: Vec::new() }
            }
        },
        AnyPlan::ClusterSnapshot(_) => CompanionsReport {
            companions: None,
            problems: vec![Problem {
                message: "companion statements are written for a BACKUP; a cluster snapshot's state is shown by \
                          ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT and SELECT * FROM information_schema.cluster_snapshots"
                    .into(),
                error: None,
            }],
            diagnostics: Vec::new(),
        },
        AnyPlan::Restore(_) => CompanionsReport {
            companions: None,
            problems: vec![Problem {
                message:
                    "companion statements are written for a BACKUP; for a RESTORE, SHOW RESTORE FROM <db> \
                          shows its progress and CANCEL RESTORE FROM <db> stops it"
                        .into(),
                error: None,
            }],
            diagnostics: Vec::new(),
        },
    }
}

/// Every rule of every stage, ordered by code.
pub fn rules() -> Vec<RuleInfo> {
    crate::catalogue::all().into_iter().copied().collect()
}

/// The library's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// A one-line description of a statement, e.g. `BACKUP DATABASE sales SNAPSHOT nightly (3 objects)`.
pub fn summary(node: &StatementNode) -> String {
    let stmt = &node.stmt;
    let text = match stmt {
        Statement::Other(v) | Statement::Invalid(v) => v.text.clone(),
        _ => crate::format::format_statement(node),
    };
    let mut line: String = text.lines().next().unwrap_or("").trim_end_matches(';').trim().to_string();
    const MAX: usize = 80;
    if line.chars().count() > MAX {
        line = line.chars().take(MAX - 1).collect::<String>() + "…";
    }
    let objects = match stmt {
        Statement::Backup(b) => b.on.as_ref().map(|o| o.items.len()),
        Statement::Restore(r) => r.on.as_ref().map(|o| o.items.len()),
        _ => None,
    };
    match objects {
        Some(1) => format!("{line} (1 object)"),
        Some(n) => format!("{line} ({n} objects)"),
        None => line,
    }
}

/// One statement of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StatementInfo {
    /// What it is.
    pub kind: StatementKind,
    /// From its first to its last token (the `;` excluded).
    pub span: Span,
    /// One line saying what it does.
    pub summary: String,
}

/// The parser's view of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ParseReport {
    /// The statements, in order.
    pub statements: Vec<StatementInfo>,
    /// What the lexer, grammar and AST builder report.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every stage's view of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CheckReport {
    /// The statements, in order.
    pub statements: Vec<StatementInfo>,
    /// Every diagnostic, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many diagnostics are errors (StarRocks rejects the statement).
    pub errors: usize,
    /// How many are warnings.
    pub warnings: usize,
    /// How many are notes.
    pub infos: usize,
}

/// What the statements need, and the GRANTs that give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PrivilegeReport {
    /// The version the privileges are explained for.
    pub target_version: String,
    /// One plan per statement: each privilege, its object, what needs it and why.
    pub plans: Vec<PrivilegePlan>,
    /// The GRANTs, merged across statements, with reasons and the REVOKE of each.
    pub grants: GrantScript,
    /// The GRANT script, ready to run.
    pub grant_sql: String,
    /// The REVOKE script that undoes it.
    pub revoke_sql: String,
    /// Syntax errors: statements that do not parse get no privileges explained.
    pub diagnostics: Vec<Diagnostic>,
}

/// The builder plan of a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PlanReport {
    /// The plan; `null` when the statement cannot be loaded (see the diagnostics).
    pub plan: Option<AnyPlan>,
    /// Which statement (0-based) it was loaded from.
    pub statement: Option<usize>,
    /// What the plan could not hold (`SR8xx`).
    pub diagnostics: Vec<Diagnostic>,
    /// True when the plan holds everything the statement says.
    pub faithful: bool,
}

/// A reason a plan cannot be written or used as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Problem {
    /// The reason, in words.
    pub message: String,
    /// The reason, structured (absent for problems that are not plan errors).
    pub error: Option<PlanError>,
}

impl From<PlanError> for Problem {
    fn from(e: PlanError) -> Self {
        Problem { message: e.to_string(), error: Some(e) }
    }
}

/// SQL written from a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SqlReport {
    /// The statement, canonical; `null` when the plan cannot be written (see `problems`).
    pub sql: Option<String>,
    /// What StarRocks would object to in the plan.
    pub problems: Vec<Problem>,
    /// What checking the SQL reports (spans are in `sql`).
    pub diagnostics: Vec<Diagnostic>,
}

/// The statements that come with a BACKUP.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct CompanionsReport {
    /// The companions; `null` when there are none (see `problems`).
    pub companions: Option<Companions>,
    /// Why there are none.
    pub problems: Vec<Problem>,
    /// What loading the statement reported.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a visual builder shows for one statement (see [`Workspace::builder_at`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuilderView {
    /// The statement's plan; `None` when the statement at the cursor cannot be loaded.
    pub plan: Option<AnyPlan>,
    /// Which statement (0-based).
    pub statement: Option<usize>,
    /// Where it is written.
    pub span: Option<Span>,
    /// What the plan could not hold (`SR8xx`).
    pub load_diagnostics: Vec<Diagnostic>,
    /// True when the plan holds everything the statement says (builder edits are allowed).
    pub faithful: bool,
    /// For each of the workspace's diagnostics, in order: the part of this statement it
    /// points at, or `None` when it is about another statement.
    pub parts: Vec<Option<Part>>,
}

/// A text after a builder edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    /// The whole new text.
    pub text: String,
    /// Where the edited (or inserted) statement now is.
    pub span: Span,
}
