//! GRANT and REVOKE statements for the requirements of one or more plans: one grant per object,
//! privileges sharing an object merged, duplicates and grants a broader grant covers dropped,
//! names quoted as StarRocks reads them back. A name StarRocks cannot read back (one holding a
//! backquote) is refused with a note, never printed.

use super::model::*;
use super::validate::is_valid_type;
use crate::lexer::{lex, quote_identifier, quote_string_with, string_value, Tok};
use crate::span::Span;
use serde::Serialize;
use std::fmt;

/// Who receives the privileges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[serde(rename_all_fields = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Grantee {
    /// `ROLE name`
    Role {
        /// The role.
        name: String,
    },
    /// `USER 'name'@'host'`
    User {
        /// The user name.
        name: String,
        /// The host (`%` for any).
        host: String,
    },
}

impl Grantee {
    /// A role.
    pub fn role(name: impl Into<String>) -> Self {
        Grantee::Role { name: name.into() }
    }

    /// A user at a host.
    pub fn user(name: impl Into<String>, host: impl Into<String>) -> Self {
        Grantee::User { name: name.into(), host: host.into() }
    }

    /// Reads `ROLE r`, ``ROLE `r 1` ``, `ROLE 'r'`, `USER u`, `USER u@host`, `USER 'u'@'host'`
    /// (the keyword in any case). Quoted parts are decoded as StarRocks decodes them; an unquoted
    /// part is taken as written. A user without a host gets `%`, as in StarRocks.
    pub fn parse(text: &str) -> Result<Grantee, String> {
        let t = text.trim();
        let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let rest = rest.trim();
        let usage = "write the grantee as `ROLE name` or `USER name@host` (quote parts as 'it''s' if needed)";
        if word.eq_ignore_ascii_case("ROLE") {
            if rest.is_empty() {
                return Err(format!("the role has no name: {usage}"));
            }
            let (name, after) = part(rest, false)?;
            if !after.trim().is_empty() {
                return Err(format!("unexpected `{}` after the role name: {usage}", after.trim()));
            }
            Ok(Grantee::Role { name })
        } else if word.eq_ignore_ascii_case("USER") {
            if rest.is_empty() {
                return Err(format!("the user has no name: {usage}"));
            }
            let (name, after) = part(rest, true)?;
            let after = after.trim_start();
            let host = match after.strip_prefix('@') {
                Some(h) => {
                    let (host, after) = part(h.trim_start(), false)?;
                    if !after.trim().is_empty() {
                        return Err(format!("unexpected `{}` after the host: {usage}", after.trim()));
                    }
                    host
                }
                None if after.is_empty() => "%".to_string(),
                None => return Err(format!("unexpected `{after}` after the user name: {usage}")),
            };
            Ok(Grantee::User { name, host })
        } else {
            Err(format!("`{t}` names no grantee: {usage}"))
        }
    }

    /// The grantee as GRANT writes it: `ROLE r`, `USER 'u'@'%'`.
    pub fn to_sql(&self) -> String {
        match self {
            Grantee::Role { name } => {
                format!("ROLE {}", quote_identifier(name).unwrap_or_else(|| quote_string_with(name, '\'')))
            }
            Grantee::User { name, host } => {
                format!("USER {}@{}", quote_string_with(name, '\''), quote_string_with(host, '\''))
            }
        }
    }
}

impl fmt::Display for Grantee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_sql())
    }
}

/// One part of a grantee: a quoted string or name, or raw text (up to `@` for a user name).
fn part(s: &str, stop_at_at: bool) -> Result<(String, &str), String> {
    if s.starts_with(['\'', '"', '`']) {
        let lexed = lex(s);
        let t = lexed.tokens.first().copied().ok_or("empty grantee")?;
        let raw = t.span.slice(s);
        let closed = raw.len() >= 2
            && raw.ends_with(&raw[..1])
            && lexed.diagnostics.iter().all(|d| d.span.start >= t.span.end);
        if !closed {
            return Err(format!("the quote in `{s}` is not closed"));
        }
        let value = match t.kind {
            Tok::SingleQuoted | Tok::DoubleQuoted => string_value(raw),
            Tok::BackquotedIdent => crate::lexer::backquoted_value(raw),
            _ => return Err(format!("cannot read `{s}`")),
        };
        return Ok((value, &s[t.span.end..]));
    }
    let end = if stop_at_at { s.rfind('@').unwrap_or(s.len()) } else { s.len() };
    Ok((s[..end].trim_end().to_string(), &s[end..]))
}

/// How wide each grant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub enum Scope {
    /// Follow the statement: objects it names get exact grants; `ALL …` items, whole-database
    /// BACKUPs and `ALL EXTERNAL CATALOGS` get the `ON ALL … IN DATABASE` / `ON ALL CATALOGS` forms.
    #[default]
    Auto,
    /// One grant per object wherever StarRocks's GRANT syntax can name it.
    Exact,
    /// `ON ALL TABLES IN DATABASE db`, `ON ALL FUNCTIONS IN DATABASE db`, `ON ALL CATALOGS`.
    Broad,
}

/// Who gets the grants, and how wide they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantOptions {
    /// The grantee.
    pub grantee: Grantee,
    /// The scope.
    pub scope: Scope,
}

/// The statement part a grant is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GrantNeed {
    /// Which plan (0-based, in the order given).
    pub statement: usize,
    /// The plan's location, if its caller set one.
    pub location: Option<String>,
    /// The statement part.
    pub what: String,
    /// Where it is in its statement's text.
    pub span: Span,
}

/// One GRANT and its REVOKE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Grant {
    /// The privileges granted.
    pub privileges: Vec<Privilege>,
    /// The kind of object.
    pub object_type: ObjectType,
    /// The `ON …` clause, e.g. `TABLE db1.t1`, `ALL TABLES IN DATABASE db1`, `SYSTEM`.
    pub on: String,
    /// The GRANT statement (no final `;`).
    pub grant: String,
    /// The REVOKE that undoes it.
    pub revoke: String,
    /// Why: the distinct reasons of the requirements it covers.
    pub reasons: Vec<String>,
    /// The statement parts that need it.
    pub needed_by: Vec<GrantNeed>,
    /// Why the grant is broader than the object named, when it is.
    pub broader_because: Vec<String>,
    /// When every requirement it covers is conditional: the conditions. Empty when needed.
    pub only_if: Vec<String>,
    /// The weakest certainty of the requirements it covers.
    pub certainty: Certainty,
}

/// A requirement no GRANT can satisfy as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Refusal {
    /// Which plan.
    pub statement: usize,
    /// The plan's location, if set.
    pub location: Option<String>,
    /// The privilege.
    pub privilege: Privilege,
    /// The object, described.
    pub object: String,
    /// Why no GRANT is printed.
    pub reason: String,
}

/// A plan's note, with the plan it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ScriptNote {
    /// The plans that carry it (0-based).
    pub statements: Vec<usize>,
    /// Their locations, where set.
    pub locations: Vec<String>,
    /// The note.
    #[serde(flatten)]
    pub note: Note,
}

/// The grants for a set of plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct GrantScript {
    /// The grantee, as GRANT writes it.
    pub grantee: String,
    /// The scope used.
    pub scope: Scope,
    /// The grants, in the order of their first requirement (statement by statement).
    pub grants: Vec<Grant>,
    /// Requirements no GRANT is printed for.
    pub refused: Vec<Refusal>,
    /// The plans' notes, each once.
    pub notes: Vec<ScriptNote>,
}

/// The object of a grant, structured, for merging and subsumption.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    System,
    Catalog(String),
    AllCatalogs,
    Database(String),
    Table(String, String),
    AllTablesIn(String),
    AllTablesEverywhere,
    Function(String, String, Vec<String>),
    AllFunctionsIn(String),
    StorageVolume(String),
}

impl Key {
    fn object_type(&self) -> ObjectType {
        match self {
            Key::System => ObjectType::System,
            Key::Catalog(_) | Key::AllCatalogs => ObjectType::Catalog,
            Key::Database(_) => ObjectType::Database,
            Key::Table(..) | Key::AllTablesIn(_) | Key::AllTablesEverywhere => ObjectType::Table,
            Key::Function(..) | Key::AllFunctionsIn(_) => ObjectType::Function,
            Key::StorageVolume(_) => ObjectType::StorageVolume,
        }
    }

    /// The broader objects whose grant covers this one.
    fn parents(&self) -> Vec<Key> {
        match self {
            Key::Catalog(_) => vec![Key::AllCatalogs],
            Key::Table(db, _) => vec![Key::AllTablesIn(db.clone()), Key::AllTablesEverywhere],
            Key::AllTablesIn(_) => vec![Key::AllTablesEverywhere],
            Key::Function(db, ..) => vec![Key::AllFunctionsIn(db.clone())],
            _ => vec![],
        }
    }

    /// The `ON …` clause; `Err` with the reason when a name cannot be written.
    fn on(&self) -> Result<String, String> {
        Ok(match self {
            Key::System => "SYSTEM".into(),
            Key::Catalog(c) => format!("CATALOG {}", name(c, false)?),
            Key::AllCatalogs => "ALL CATALOGS".into(),
            Key::Database(d) => format!("DATABASE {}", name(d, false)?),
            Key::Table(d, t) => format!("TABLE {}.{}", name(d, false)?, name(t, true)?),
            Key::AllTablesIn(d) => format!("ALL TABLES IN DATABASE {}", name(d, false)?),
            Key::AllTablesEverywhere => "ALL TABLES IN ALL DATABASES".into(),
            Key::Function(d, f, args) => {
                format!("FUNCTION {}.{}({})", name(d, false)?, name(f, true)?, args.join(", "))
            }
            Key::AllFunctionsIn(d) => format!("ALL FUNCTIONS IN DATABASE {}", name(d, false)?),
            Key::StorageVolume(v) => format!("STORAGE VOLUME {}", name(v, false)?),
        })
    }
}

/// A name part as StarRocks reads it back. After a dot, a part that starts with a digit is
/// backquoted: `db.1a` would lex as `db` and the single token `.1a`, which GRANT's object names
/// do not accept.
fn name(value: &str, after_dot: bool) -> Result<String, String> {
    let Some(q) = quote_identifier(value) else {
        return Err(format!(
            "the name `{value}` holds a backquote. StarRocks deletes every backquote from a quoted name, so no \
             GRANT can name this object (and no SQL statement can either)"
        ));
    };
    if after_dot && value.starts_with(|c: char| c.is_ascii_digit()) && !q.starts_with('`') {
        return Ok(format!("`{value}`"));
    }
    Ok(q)
}

fn broad(source: Source, scope: Scope) -> bool {
    match scope {
        Scope::Exact => false,
        Scope::Broad => true,
        Scope::Auto => matches!(source, Source::All | Source::WholeDatabase),
    }
}

const NO_DATABASE: &str = "the statement names no database and StarRocks would use the session's, which is not \
                           known: name the database in the statement, or give a catalog with current_database";

/// The grant object for a requirement, and why it is broader than the requirement's object.
fn key_for(req: &Requirement, scope: Scope) -> Result<(Key, Option<String>), String> {
    let db = |d: &Option<String>| d.clone().ok_or_else(|| NO_DATABASE.to_string());
    let wide = broad(req.source, scope);
    Ok(match &req.object {
        Target::System => (Key::System, None),
        Target::Catalog { name } if wide && req.privilege == Privilege::Usage => (Key::AllCatalogs, None),
        Target::Catalog { name } => (Key::Catalog(name.clone()), None),
        Target::EveryExternalCatalog => {
            (Key::AllCatalogs, Some("the external catalogs are not known without a catalog document".into()))
        }
        Target::Database { name } => (Key::Database(db(name)?), None),
        Target::Table { database, name, kind, .. } => {
            let d = db(database)?;
            match kind {
                crate::ast::ObjectKind::View | crate::ast::ObjectKind::MaterializedView => (
                    Key::AllTablesIn(d),
                    Some(format!(
                        "`{name}` is a {}: StarRocks checks it with the table check, and only a wildcard table grant \
                         is expected to cover it",
                        kind.noun()
                    )),
                ),
                _ if wide => (Key::AllTablesIn(d), None),
                _ => (Key::Table(d, name.clone()), None),
            }
        }
        Target::EveryTableIn { database } => (Key::AllTablesIn(db(database)?), None),
        Target::EveryTableEverywhere => (Key::AllTablesEverywhere, None),
        Target::Function { database, name, args } => {
            let d = db(database)?;
            match args {
                _ if wide => (Key::AllFunctionsIn(d), None),
                None => (
                    Key::AllFunctionsIn(d),
                    Some(format!(
                        "GRANT on one function needs its argument types (`ON FUNCTION db.{name}(INT, …)`), and they \
                         are not known: give a catalog with the function's `args`"
                    )),
                ),
                Some(a) => match a.iter().enumerate().find(|(i, t)| !(is_valid_type(t) || (*t == "..." && i + 1 == a.len()))) {
                    Some((_, bad)) => (
                        Key::AllFunctionsIn(d),
                        Some(format!(
                            "the catalog gives `{bad}` as an argument type of `{name}`, which is not a type \
                             StarRocks's GRANT syntax accepts"
                        )),
                    ),
                    None => (Key::Function(d, name.clone(), a.iter().map(|t| t.trim().to_string()).collect()), None),
                },
            }
        }
        Target::EveryFunctionIn { database } => (Key::AllFunctionsIn(db(database)?), None),
        Target::StorageVolume { name } => (Key::StorageVolume(name.clone()), None),
    })
}

/// A covered requirement: (plan index, requirement index, privilege).
type Cover = (usize, usize, Privilege);

struct Group {
    key: Key,
    covers: Vec<Cover>,
    broader: Vec<String>,
    /// The privileges of its covers whose requirement has no condition.
    unconditional: Vec<Privilege>,
}

impl Group {
    fn add(&mut self, cover: Cover, plans: &[PrivilegePlan]) {
        let (i, j, p) = cover;
        if plans[i].requirements[j].condition.is_none() && !self.unconditional.contains(&p) {
            self.unconditional.push(p);
        }
        self.covers.push(cover);
    }
}

/// The grants for `plans` (one plan: the statement's; several: a script's, merged). Requirements
/// on `admin_priv` (targets before 3.0) get no grant: their plan's notes say why.
pub fn render_grants(plans: &[PrivilegePlan], options: &GrantOptions) -> GrantScript {
    let mut groups: Vec<Group> = Vec::new();
    // Each group's position by its `ON …` text (one text per key): a look-up, not a scan.
    let mut by_on: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut refused = Vec::new();
    // Sets beside the lists, keyed by text (`HashMap<String, usize>` is the one map type this
    // module uses: each other key type would add its own copy of hashbrown to the wasm builds).
    let mut refused_seen: std::collections::HashMap<String, usize> = Default::default();
    let mut broader_seen: std::collections::HashMap<String, usize> = Default::default();
    for (i, plan) in plans.iter().enumerate() {
        for (j, req) in plan.requirements.iter().enumerate() {
            if req.privilege == Privilege::AdminPriv {
                continue;
            }
            let (key, on, broader) =
                match key_for(req, options.scope).and_then(|(k, b)| k.on().map(|on| (k, on, b))) {
                    Ok(kob) => kob,
                    Err(mut reason) => {
                        let broad = match key_for(req, Scope::Broad) {
                            Ok((k, _)) if k.on().is_ok() => k.on().ok(),
                            _ => None,
                        };
                        if let Some(on) = broad {
                            reason.push_str(&format!("; the broad form can be granted instead: ON {on}"));
                        }
                        let r = Refusal {
                            statement: i,
                            location: plan.location.clone(),
                            privilege: req.privilege,
                            object: req.object.describe(),
                            reason,
                        };
                        // A set beside the list: one look-up per refusal, not a scan.
                        let seen = format!(
                            "{}\u{0}{}\u{0}{}\u{0}{}",
                            r.statement,
                            r.privilege.sql(),
                            r.object,
                            r.reason
                        );
                        if refused_seen.insert(seen, 0).is_none() {
                            refused.push(r);
                        }
                        continue;
                    }
                };
            let at = *by_on.entry(on).or_insert_with(|| {
                groups.push(Group {
                    key,
                    covers: Vec::new(),
                    broader: Vec::new(),
                    unconditional: Vec::new(),
                });
                groups.len() - 1
            });
            let g = &mut groups[at];
            g.add((i, j, req.privilege), plans);
            if let Some(b) = broader {
                // One reason per view can join a wildcard grant: a set, not a scan.
                if broader_seen.insert(format!("{at}\u{0}{b}"), 0).is_none() {
                    g.broader.push(b);
                }
            }
        }
    }
    // A grant a broader one covers is dropped (privilege by privilege), and its statement parts
    // move to the broader grant, but only into a grant that is itself unconditional.
    for k in 0..groups.len() {
        for parent in groups[k].key.parents() {
            let Some(&pi) = parent.on().ok().and_then(|on| by_on.get(&on)) else { continue };
            let (moved, kept): (Vec<Cover>, Vec<Cover>) =
                groups[k].covers.iter().partition(|&&(_, _, p)| groups[pi].unconditional.contains(&p));
            groups[k].covers = kept;
            for cover in moved {
                groups[pi].add(cover, plans);
            }
        }
    }
    groups.retain(|g| !g.covers.is_empty());
    // In statement order: each grant where its first requirement is.
    for g in &mut groups {
        crate::order::sort_stable_by(&mut g.covers, |&(i, j, _)| (i, j));
    }
    // Every group kept has a cover (see `retain` above).
    crate::order::sort_stable_by(&mut groups, |g| (g.covers[0].0, g.covers[0].1));

    let grantee = options.grantee.to_sql();
    let grants = groups
        .into_iter()
        .map(|g| {
            let on = g.key.on().expect("checked above");
            // Each privilege once, in `Privilege`'s order (its declaration order).
            let mut privileges: Vec<Privilege> = g.covers.iter().map(|c| c.2).collect();
            crate::order::sort_stable_by(&mut privileges, |&p| (p as usize, 0));
            privileges.dedup();
            let list = privileges.iter().map(|p| p.sql()).collect::<Vec<_>>().join(", ");
            let reqs: Vec<(usize, &Requirement)> =
                g.covers.iter().map(|&(i, j, _)| (i, &plans[i].requirements[j])).collect();
            // A grant can cover one requirement per object of a statement (a wildcard grant for
            // thousands of views): each list is deduplicated through a set, not by scanning it.
            let mut reasons: Vec<String> = Vec::new();
            let mut reasons_seen: std::collections::HashMap<String, usize> = Default::default();
            let mut needed_by: Vec<GrantNeed> = Vec::new();
            let mut needs_seen: std::collections::HashMap<String, usize> = Default::default();
            for (i, r) in &reqs {
                if reasons_seen.insert(r.reason.clone(), 0).is_none() {
                    reasons.push(r.reason.clone());
                }
                for n in &r.needed_by {
                    let key = format!("{i}\u{0}{}\u{0}{}\u{0}{}", n.span.start, n.span.end, n.what);
                    if needs_seen.insert(key, 0).is_none() {
                        needed_by.push(GrantNeed {
                            statement: *i,
                            location: plans[*i].location.clone(),
                            what: n.what.clone(),
                            span: n.span,
                        });
                    }
                }
            }
            let only_if = if reqs.iter().all(|(_, r)| r.condition.is_some()) {
                let mut c: Vec<String> = Vec::new();
                let mut seen: std::collections::HashMap<String, usize> = Default::default();
                for (_, r) in &reqs {
                    let t = r.condition.as_deref().expect("all conditional");
                    if seen.insert(t.to_string(), 0).is_none() {
                        c.push(t.to_string());
                    }
                }
                c
            } else {
                Vec::new()
            };
            let certainty = reqs
                .iter()
                .map(|(_, r)| r.certainty)
                .max_by_key(|c| match c {
                    Certainty::Checked => 0,
                    Certainty::Documented => 1,
                    Certainty::Uncertain => 2,
                })
                .unwrap_or(Certainty::Checked);
            Grant {
                privileges,
                object_type: g.key.object_type(),
                grant: format!("GRANT {list} ON {on} TO {grantee}"),
                revoke: format!("REVOKE {list} ON {on} FROM {grantee}"),
                on,
                reasons,
                needed_by,
                broader_because: g.broader,
                only_if,
                certainty,
            }
        })
        .collect();

    let mut notes: Vec<ScriptNote> = Vec::new();
    // Each note's position by (kind, text): a plan can carry one note per object.
    let mut note_at: std::collections::HashMap<String, usize> = Default::default();
    for (i, plan) in plans.iter().enumerate() {
        for n in &plan.notes {
            let key = format!("{}\u{0}{}", n.kind as u8, n.text);
            match note_at.get(&key).map(|&k| &mut notes[k]) {
                Some(s) => {
                    s.statements.push(i);
                    s.locations.extend(plan.location.clone());
                    if s.note.span != n.span {
                        s.note.span = None;
                    }
                }
                None => {
                    note_at.insert(key, notes.len());
                    notes.push(ScriptNote {
                        statements: vec![i],
                        locations: plan.location.iter().cloned().collect(),
                        note: n.clone(),
                    });
                }
            }
        }
    }
    GrantScript { grantee, scope: options.scope, grants, refused, notes }
}

impl PrivilegePlan {
    /// This plan's grants (see [`render_grants`]).
    pub fn grants(&self, options: &GrantOptions) -> GrantScript {
        render_grants(std::slice::from_ref(self), options)
    }
}

/// Text that is safe inside a `--` comment: line breaks and other control characters are
/// written as escapes, so that no name can end the comment and start a statement.
pub fn comment_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Word-wraps `text` into `--` comment lines: the first starts with `first`, the others with
/// `prefix`.
fn comment(out: &mut String, first: &str, prefix: &str, text: &str) {
    const WIDTH: usize = 100;
    let text = comment_safe(text);
    let mut line = first.to_string();
    let mut start = line.chars().count();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = line.chars().count();
        if len > start && len + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = prefix.to_string();
            start = line.chars().count();
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

impl GrantScript {
    /// The REVOKE statements that undo the grants, last grant first, one per line with `;`.
    pub fn revoke_sql(&self) -> String {
        let mut out = format!("-- Undoes the GRANTs to {}.\n", self.grantee);
        if self.grants.is_empty() {
            out.push_str("-- Nothing to revoke.\n");
        }
        for g in self.grants.iter().rev() {
            out.push_str(&g.revoke);
            out.push_str(";\n");
        }
        out
    }

    /// A ready-to-run SQL script: each GRANT after comments saying why, which statement parts
    /// need it and the REVOKE that undoes it; then what could not be granted, and the notes.
    /// Everything but the GRANTs is in `--` comments.
    pub fn to_sql(&self, target_version: &str) -> String {
        let mut out = String::new();
        comment(
            &mut out,
            "--",
            "--",
            &format!(
                "Privileges for {} on StarRocks {target_version} (scope: {}), written by srbackup grants.",
                self.grantee,
                match self.scope {
                    Scope::Auto => "as the statements ask",
                    Scope::Exact => "exact",
                    Scope::Broad => "broad",
                }
            ),
        );
        if self.grants.is_empty() {
            out.push_str("-- No GRANT to print: see the notes below.\n");
        }
        for g in &self.grants {
            out.push('\n');
            let privs = g.privileges.iter().map(|p| p.sql()).collect::<Vec<_>>().join(", ");
            comment(&mut out, "--", "--", &format!("{privs} on {}", g.on));
            for r in &g.reasons {
                comment(&mut out, "--   why:", "--       ", r);
            }
            for b in &g.broader_because {
                comment(&mut out, "--   broader than the object named, because", "--       ", b);
            }
            for c in &g.only_if {
                comment(&mut out, "--   needed", "--       ", c);
            }
            match g.certainty {
                Certainty::Checked => {}
                Certainty::Documented => comment(
                    &mut out,
                    "--   certainty:",
                    "--       ",
                    "from StarRocks's documentation; the code was not read",
                ),
                Certainty::Uncertain => {
                    comment(&mut out, "--   certainty:", "--       ", "uncertain, see the notes below")
                }
            }
            let mut needs: Vec<(String, Vec<String>)> = Vec::new();
            for n in &g.needed_by {
                let at = n.location.clone().unwrap_or_else(|| format!("statement {}", n.statement + 1));
                match needs.iter_mut().find(|(a, _)| *a == at) {
                    Some((_, whats)) => whats.push(n.what.clone()),
                    None => needs.push((at, vec![n.what.clone()])),
                }
            }
            let needs: Vec<String> =
                needs.into_iter().map(|(at, w)| format!("{at}: {}", w.join(", "))).collect();
            comment(&mut out, "--   needed by:", "--       ", &needs.join("; "));
            comment(&mut out, "--   undo:", "--       ", &format!("{};", g.revoke));
            out.push_str(&g.grant);
            out.push_str(";\n");
        }
        if !self.refused.is_empty() {
            out.push_str("\n-- Not granted:\n");
            for r in &self.refused {
                let at = r.location.clone().unwrap_or_else(|| format!("statement {}", r.statement + 1));
                comment(
                    &mut out,
                    "-- *",
                    "--  ",
                    &format!("{} on {} ({at}): {}.", r.privilege, r.object, r.reason),
                );
            }
        }
        if !self.notes.is_empty() {
            out.push_str("\n-- Notes:\n");
            for n in &self.notes {
                let kind = match n.note.kind {
                    NoteKind::Assumption => "assumption",
                    NoteKind::Mislabelled => "misleading message",
                    NoteKind::Uncertain => "uncertain",
                    NoteKind::Version => "version",
                    NoteKind::Docs => "the docs are wrong",
                    NoteKind::NotFound => "not found",
                    NoteKind::Refused => "refused",
                    NoteKind::Info => "note",
                };
                let at = if n.locations.is_empty() {
                    n.statements.iter().map(|s| (s + 1).to_string()).collect::<Vec<_>>().join(", ")
                } else {
                    n.locations.join(", ")
                };
                let label = if n.locations.is_empty() { format!("statement {at}") } else { at };
                comment(&mut out, &format!("-- * [{kind}] ({label}):"), "--  ", &n.note.text);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grantees() {
        assert_eq!(Grantee::parse("ROLE r").unwrap(), Grantee::role("r"));
        assert_eq!(Grantee::parse("role `r 1`").unwrap(), Grantee::role("r 1"));
        assert_eq!(Grantee::parse("ROLE 'it''s'").unwrap(), Grantee::role("it's"));
        assert_eq!(Grantee::parse("USER u@10.0.0.1").unwrap(), Grantee::user("u", "10.0.0.1"));
        assert_eq!(Grantee::parse("user 'u@x'@'%'").unwrap(), Grantee::user("u@x", "%"));
        assert_eq!(Grantee::parse("USER bob").unwrap(), Grantee::user("bob", "%"));
        assert_eq!(Grantee::parse("USER ''@'%'").unwrap(), Grantee::user("", "%"));
        assert!(Grantee::parse("bob").is_err());
        assert!(Grantee::parse("ROLE").is_err());
        assert!(Grantee::parse("ROLE 'r").is_err());
        assert!(Grantee::parse("ROLE 'r' x").is_err());
        assert_eq!(Grantee::role("select").to_sql(), "ROLE `select`");
        assert_eq!(Grantee::role("a`b").to_sql(), "ROLE 'a`b'");
        assert_eq!(Grantee::user("it's", "%").to_sql(), r"USER 'it\'s'@'%'");
    }

    #[test]
    fn names_after_a_dot_never_start_with_a_bare_digit() {
        assert_eq!(name("1a", false).unwrap(), "1a");
        assert_eq!(name("1a", true).unwrap(), "`1a`");
        assert_eq!(name("123", true).unwrap(), "`123`");
        assert_eq!(name("t1", true).unwrap(), "t1");
        assert!(name("a`b", false).is_err());
    }

    #[test]
    fn comments_cannot_be_escaped() {
        assert_eq!(comment_safe("a\nGRANT x;\r\u{2028}"), "a\\nGRANT x;\\r\\u{2028}");
    }
}
