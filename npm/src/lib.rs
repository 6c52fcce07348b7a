//! The JavaScript face of `starrocks-backup-sql`, built with wasm-bindgen into the npm package
//! `starrocks-backup-sql`.
//!
//! This is the only crate that knows JS shapes, and it only converts: every function builds a
//! [`Workspace`] (the core's façade, the same one the CLI and the web app use), asks it for a
//! report, and hands the report to JS with serde-wasm-bindgen inside
//! [`span::with_positions`], so that every span of every report becomes UTF-16 offsets and
//! 1-based line/UTF-16 column. Values cross the boundary as JSON text (`serde_json` on this
//! side, `JSON.parse` / `JSON.stringify` on the other) rather than through serde-wasm-bindgen:
//! it made the package smaller, and it reads options and catalogs exactly as the CLI reads
//! its `--catalog` file, unknown fields refused included (serde-wasm-bindgen only looks at the
//! fields it expects). docs/PERFORMANCE.md has the measurements. A bad option or plan is a
//! `TypeError` naming the field's path. SQL, however broken, never throws: it gets diagnostics.
//!
//! The TypeScript declarations are generated from the Rust types (`ts-rs`, see
//! [`Options`] and the test `types_are_current`) into `types/api.d.ts`, which wasm-bindgen
//! puts into the package's `.d.ts` beside the functions' signatures.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use serde::{Deserialize, Serialize};
use starrocks_backup_sql::check::{Catalog, ClusterMode, Version};
use starrocks_backup_sql::plan::{AnyPlan, Syntax};
use starrocks_backup_sql::privileges::{Grantee, Scope};
use starrocks_backup_sql::workspace::{self, Settings, Workspace};
use starrocks_backup_sql::{span, LineIndex, PositionEncoding};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The heap of the wasm build: Talc instead of std's dlmalloc, which made the npm package
/// 1.7 KB (gzip) larger. Freed blocks are reused, so an editor that calls `check` on every
/// keystroke stays in bounded memory (`npm/test/memory.test.mjs`). Threaded builds (`atomics`)
/// keep std's allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = include_str!("../types/api.d.ts");

/// The options every function takes (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
pub struct Options {
    /// The StarRocks version the statements will run on: `"3.3"`, `"v3.4.2"`, `"latest"`
    /// (default).
    pub target_version: Option<String>,
    /// `"shared-nothing"` (default) or `"shared-data"`.
    pub cluster_mode: Option<ClusterMode>,
    /// What the cluster holds, in the catalog format of the CLI's `--catalog` (docs/catalog.md).
    pub catalog: Option<Catalog>,
    /// Who gets the GRANTs: `"ROLE name"` or `"USER 'name'@'host'"` (default
    /// `"ROLE backup_operator"`).
    pub grantee: Option<String>,
    /// How wide the GRANTs are: `"auto"` (default: as the statements ask), `"exact"` or
    /// `"broad"`.
    pub scope: Option<Scope>,
    /// A UTF-16 offset into the SQL: the statement there is the one `planFromSql`,
    /// `convertSyntax` and `companions` use (default: the first BACKUP or RESTORE).
    pub offset: Option<f64>,
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `TypeError` (bound here rather than through js-sys, which is not
    /// otherwise needed).
    #[wasm_bindgen(js_name = TypeError)]
    type JsTypeError;
    #[wasm_bindgen(constructor, js_class = "TypeError")]
    fn new(message: &str) -> JsTypeError;
    /// `JSON.parse`, which turns a report into plain objects; it never throws on what
    /// serde_json writes.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
    /// `JSON.stringify`, which reads an argument; it throws on cycles and BigInts.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;
    /// `String(value)`: an exception's message, for a TypeError of ours.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

/// The TypeError thrown for a bad argument.
fn type_error(message: String) -> JsValue {
    JsTypeError::new(&message).into()
}

/// `value` (`what`, for messages) as JSON text, through `JSON.stringify`. `object`: the value
/// must be an object (serde would read a struct from an array, field by position).
fn stringify(value: &JsValue, what: &str, object: bool) -> Result<String, JsValue> {
    let json = json_stringify(value)
        .map_err(|e| type_error(format!("{what}: cannot be read as JSON ({})", js_string(&e))))?
        .as_string();
    match json {
        Some(json) if !object || json.starts_with('{') => Ok(json),
        _ if object => Err(type_error(format!("{what}: expected an object"))),
        _ => Err(type_error(format!("{what}: missing (undefined)"))),
    }
}

/// Reads `value` as a `T` through its JSON text, or says which field is wrong and why.
fn read<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str, object: bool) -> Result<T, JsValue> {
    from_json(&stringify(&value, what, object)?, what)
}

/// Reads the JSON text `json` of `what` as a `T`, or says which field is wrong and why.
fn from_json<'a, T: Deserialize<'a>>(json: &'a str, what: &str) -> Result<T, JsValue> {
    serde_json::from_str(json).map_err(|e| type_error(describe(json, what, &e)))
}

/// A reading error in words, led by the path of the field it is about.
fn describe(json: &str, what: &str, e: &serde_json::Error) -> String {
    // serde_json says where in the JSON text it stopped; the path leading there names the
    // field. The text is JSON.stringify's, so it is one line.
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or("");
    // The package is built without `Debug` formatting, which serde uses to quote an
    // unexpected string: say what it is without it.
    let message = message.replace("invalid type: string ,", "invalid type: a string,");
    format!("{what}{}: {message}", json_path(json, e.column()))
}

/// Reads a plan in two passes over its JSON, its `statement` and then the plan of that kind,
/// rather than through `AnyPlan`'s own `Deserialize`: serde reads an internally tagged enum by
/// buffering the whole value first, and that code made the package larger (docs/PERFORMANCE.md).
/// The plans ignore unknown fields, so the tag is no trouble in the second pass.
fn read_plan(value: JsValue) -> Result<AnyPlan, JsValue> {
    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Statement {
        Backup,
        Restore,
        ClusterSnapshot,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "internally tagged enum AnyPlan")]
    struct Tag {
        statement: Statement,
    }
    let json = stringify(&value, "plan", true)?;
    let tag: Tag = from_json(&json, "plan")?;
    Ok(match tag.statement {
        Statement::Backup => AnyPlan::Backup(from_json(&json, "plan")?),
        Statement::Restore => AnyPlan::Restore(from_json(&json, "plan")?),
        Statement::ClusterSnapshot => AnyPlan::ClusterSnapshot(from_json(&json, "plan")?),
    })
}

/// The path (`.key`, `[index]`) to the value at one-based byte column `column` of one line of
/// JSON, as serde_path_to_error would name it: one pass over the text before the error, with
/// no code per type (serde_path_to_error's wrappers made the package 14.7 KB gzip larger).
fn json_path(json: &str, column: usize) -> String {
    // One entry per open container: the key being read (objects), or the index (arrays).
    enum Open<'a> {
        Object(Option<&'a str>, bool),
        Array(usize),
    }
    let bytes = json.as_bytes();
    let end = column.min(bytes.len());
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Open::Object(None, false)),
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Open::Object(_, colon)) = stack.last_mut() {
                    *colon = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Open::Object(key, colon)) => (*key, *colon) = (None, false),
                Some(Open::Array(n)) => *n += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Open::Object(key @ None, false)) = stack.last_mut() {
                    *key = json.get(start..i.min(bytes.len()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key), true) => {
                path.push('.');
                path.push_str(key);
            }
            Open::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
            Open::Object(..) => break,
        }
    }
    path
}

/// The SQL argument, which must be a string.
fn sql_text(value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error("sql: expected a string".into()))
}

/// The options argument read into settings, plus the byte offset it names (if any).
fn settings(options: Option<JsValue>, text: &str) -> Result<(Settings, Option<usize>), JsValue> {
    let options: Options = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => read(o, "options", true)?,
        _ => Options::default(),
    };
    let mut settings = Settings::default();
    if let Some(v) = &options.target_version {
        settings.target = Version::parse(v).map_err(|e| type_error(format!("options.targetVersion: {e}")))?;
    }
    settings.cluster = options.cluster_mode.unwrap_or_default();
    settings.catalog = options.catalog.map(Arc::new);
    if let Some(g) = &options.grantee {
        settings.grantee = Grantee::parse(g).map_err(|e| type_error(format!("options.grantee: {e}")))?;
    }
    settings.scope = options.scope.unwrap_or_default();
    let offset = options.offset.map(|o| byte_offset(text, o, "options.offset")).transpose()?;
    Ok((settings, offset))
}

/// The byte offset of UTF-16 offset `offset` of `text` (clamped into it); `what` names the
/// argument in the TypeError for a value that is not an offset.
fn byte_offset(text: &str, offset: f64, what: &str) -> Result<usize, JsValue> {
    if !(offset.is_finite() && offset >= 0.0 && offset.fract() == 0.0) {
        return Err(type_error(format!("{what}: {offset} is not an offset (a whole number ≥ 0)")));
    }
    Ok(LineIndex::new(text).byte_offset(offset as usize, PositionEncoding::Utf16))
}

/// A workspace over `sql` with `options`, and the byte offset `options.offset` names: what
/// every function starts from.
fn open(sql: &JsValue, options: Option<JsValue>) -> Result<(JsWorkspace, Option<usize>), JsValue> {
    let text = sql_text(sql)?;
    let (settings, offset) = settings(options, &text)?;
    Ok((JsWorkspace { ws: Workspace::new(text, settings) }, offset))
}

/// Converts a report for JS: camelCase objects, `null` for absent values, every span as UTF-16
/// positions in `text`.
fn to_js<T: Serialize>(text: &str, value: &T) -> JsValue {
    let json = span::with_positions(text, PositionEncoding::Utf16, || serde_json::to_string(value))
        .expect("reports are plain data");
    json_parse(&json)
}

/// Parses `sql`: the statements and what the lexer, the grammar and StarRocks's AST builder
/// report. No later check runs (see `check`).
#[wasm_bindgen(unchecked_return_type = "ParseReport")]
pub fn parse(#[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue) -> Result<JsValue, JsValue> {
    Ok(open(&sql, None)?.0.parse())
}

/// Runs every stage on `sql` under the options: syntax, StarRocks's analyzer and job
/// submission rules, the target version and cluster mode, and (with a catalog) existence.
#[wasm_bindgen(unchecked_return_type = "CheckReport")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    Ok(open(&sql, options)?.0.check())
}

/// The canonical form of `sql`; the text unchanged when formatting would lose characters
/// StarRocks's lexer drops (`blockedBy` says which).
#[wasm_bindgen(unchecked_return_type = "Formatted")]
pub fn format(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    Ok(open(&sql, options)?.0.format())
}

/// The privileges each statement needs and the GRANT (and REVOKE) statements that give them
/// to `options.grantee`, with `options.scope`.
#[wasm_bindgen(js_name = explainPrivileges, unchecked_return_type = "PrivilegeReport")]
pub fn explain_privileges(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    Ok(open(&sql, options)?.0.explain_privileges())
}

/// The builder plan of the BACKUP or RESTORE at `options.offset` (default: the first one),
/// and what the plan cannot hold.
#[wasm_bindgen(js_name = planFromSql, unchecked_return_type = "PlanReport")]
pub fn plan_from_sql(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (js, offset) = open(&sql, options)?;
    Ok(to_js(js.ws.text(), &js.ws.plan_at(offset)))
}

/// SQL from a plan (as `planFromSql` returns it), with what StarRocks would object to and the
/// diagnostics of the SQL (their spans are in the returned `sql`).
#[wasm_bindgen(js_name = sqlFromPlan, unchecked_return_type = "SqlReport")]
pub fn sql_from_plan(
    #[wasm_bindgen(unchecked_param_type = "AnyPlan")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let plan = read_plan(plan)?;
    let (settings, _) = settings(options, "")?;
    let report = workspace::sql_from_plan(&plan, &settings);
    Ok(to_js(report.sql.as_deref().unwrap_or(""), &report))
}

/// The BACKUP or RESTORE at `options.offset` (default: the first) rewritten in the other
/// syntax: `"legacy"` (before 3.4) or `"v3.4"`.
#[wasm_bindgen(js_name = convertSyntax, unchecked_return_type = "ConvertedSql")]
pub fn convert_syntax(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Syntax")] to: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = sql_text(&sql)?;
    let to: Syntax = read(to, "to", false)?;
    let (settings, offset) = settings(options, &text)?;
    let ws = Workspace::new(text.as_str(), settings);
    Ok(to_js(&text, &ws.convert(to, offset)))
}

/// The statements that come with a BACKUP (given as SQL or as a plan): the matching RESTORE,
/// CREATE REPOSITORY templates, SHOW BACKUP, CANCEL BACKUP and SHOW SNAPSHOT.
#[wasm_bindgen(unchecked_return_type = "CompanionsReport")]
pub fn companions(
    #[wasm_bindgen(unchecked_param_type = "string | AnyPlan")] sql_or_plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    if sql_or_plan.is_string() {
        let (js, offset) = open(&sql_or_plan, options)?;
        return Ok(to_js(js.ws.text(), &js.ws.companions(offset)));
    }
    let plan = read_plan(sql_or_plan)?;
    settings(options, "")?;
    Ok(to_js("", &workspace::companions_of(&plan)))
}

/// What may be typed at UTF-16 `offset` of `sql`: the keywords the grammar expects there and,
/// with `options.catalog`, the names that fit. `span` is the text an item replaces.
#[wasm_bindgen(unchecked_return_type = "Completion")]
pub fn complete(
    #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    offset: f64,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = sql_text(&sql)?;
    let byte = byte_offset(&text, offset, "offset")?;
    let (settings, _) = settings(options, &text)?;
    let ws = Workspace::new(text.as_str(), settings);
    Ok(to_js(&text, &ws.complete(byte)))
}

/// Every rule: code, name, severity, kind (the StarRocks stage it mirrors), summary, the
/// versions it applies to and StarRocks's own message.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> JsValue {
    to_js("", &workspace::rules())
}

/// The package's version.
#[wasm_bindgen]
pub fn version() -> String {
    workspace::version().to_string()
}

/// A text and its options kept between calls, for editors: each result is computed once and
/// computed again only when what it depends on changes (the text for parsing and formatting;
/// also the version, cluster mode and catalog for the checks and privileges; also the grantee
/// and scope for the GRANTs). The methods return what the functions of the same names return.
/// Call `free()` when done with it.
#[wasm_bindgen(js_name = Workspace)]
pub struct JsWorkspace {
    ws: Workspace,
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// A workspace over `sql` with `options` (`options.offset` is not used here: the methods
    /// that choose a statement take an offset).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<JsWorkspace, JsValue> {
        Ok(open(&sql, options)?.0)
    }

    /// Replaces the text.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] sql: JsValue,
    ) -> Result<(), JsValue> {
        self.ws.set_text(sql_text(&sql)?);
        Ok(())
    }

    /// Replaces the options (all of them: what is not given takes its default).
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
    ) -> Result<(), JsValue> {
        let (settings, _) = settings(options, self.ws.text())?;
        self.ws.set_settings(settings);
        Ok(())
    }

    /// The text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.ws.text().to_string()
    }

    /// See `parse`.
    #[wasm_bindgen(unchecked_return_type = "ParseReport")]
    pub fn parse(&self) -> JsValue {
        to_js(self.ws.text(), &self.ws.parse_report())
    }

    /// See `check`.
    #[wasm_bindgen(unchecked_return_type = "CheckReport")]
    pub fn check(&self) -> JsValue {
        to_js(self.ws.text(), &self.ws.check_report())
    }

    /// See `format`.
    #[wasm_bindgen(unchecked_return_type = "Formatted")]
    pub fn format(&self) -> JsValue {
        to_js(self.ws.text(), self.ws.formatted())
    }

    /// See `explainPrivileges`.
    #[wasm_bindgen(js_name = explainPrivileges, unchecked_return_type = "PrivilegeReport")]
    pub fn explain_privileges(&self) -> JsValue {
        to_js(self.ws.text(), &self.ws.privilege_report())
    }

    /// See `planFromSql`; `offset` (UTF-16) chooses the statement.
    #[wasm_bindgen(js_name = planFromSql, unchecked_return_type = "PlanReport")]
    pub fn plan_from_sql(&self, offset: Option<f64>) -> Result<JsValue, JsValue> {
        let at = offset.map(|o| byte_offset(self.ws.text(), o, "offset")).transpose()?;
        Ok(to_js(self.ws.text(), &self.ws.plan_at(at)))
    }

    /// See `convertSyntax`; `offset` (UTF-16) chooses the statement.
    #[wasm_bindgen(js_name = convertSyntax, unchecked_return_type = "ConvertedSql")]
    pub fn convert_syntax(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Syntax")] to: JsValue,
        offset: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let to: Syntax = read(to, "to", false)?;
        let at = offset.map(|o| byte_offset(self.ws.text(), o, "offset")).transpose()?;
        Ok(to_js(self.ws.text(), &self.ws.convert(to, at)))
    }

    /// See `companions`; `offset` (UTF-16) chooses the statement.
    #[wasm_bindgen(unchecked_return_type = "CompanionsReport")]
    pub fn companions(&self, offset: Option<f64>) -> Result<JsValue, JsValue> {
        let at = offset.map(|o| byte_offset(self.ws.text(), o, "offset")).transpose()?;
        Ok(to_js(self.ws.text(), &self.ws.companions(at)))
    }

    /// See `complete`.
    #[wasm_bindgen(unchecked_return_type = "Completion")]
    pub fn complete(&self, offset: f64) -> Result<JsValue, JsValue> {
        let at = byte_offset(self.ws.text(), offset, "offset")?;
        Ok(to_js(self.ws.text(), &self.ws.complete(at)))
    }
}

#[cfg(test)]
mod tests {
    //! The TypeScript declarations of everything that crosses the boundary, generated from the
    //! Rust types. `UPDATE_TYPES=1 cargo test -p starrocks-backup-sql-wasm` rewrites the file.
    use super::*;
    use starrocks_backup_sql::catalogue::RuleInfo;
    use starrocks_backup_sql::complete::Completion;
    use starrocks_backup_sql::plan::ConvertedSql;
    use starrocks_backup_sql::workspace::{
        CheckReport, CompanionsReport, Formatted, ParseReport, PlanReport, PrivilegeReport, SqlReport,
    };
    use std::collections::BTreeMap;
    use ts_rs::{Config, TypeVisitor, TS};

    /// Collects the declaration of every type reachable from the visited ones, by name.
    struct Collect<'a> {
        cfg: &'a Config,
        decls: BTreeMap<String, String>,
    }

    impl TypeVisitor for Collect<'_> {
        fn visit<T: TS + 'static + ?Sized>(&mut self) {
            // Derived types have a file to go to; built-ins (string, arrays, options) do not,
            // and only their parameters need declaring.
            if T::output_path().is_none() {
                T::visit_dependencies(self);
                T::visit_generics(self);
                return;
            }
            let name = T::ident(self.cfg);
            if self.decls.contains_key(&name) {
                return;
            }
            let docs = T::docs().map(|d| d.trim_end().to_string() + "\n").unwrap_or_default();
            self.decls.insert(name, format!("{docs}export {}", T::decl(self.cfg)));
            T::visit_dependencies(self);
            T::visit_generics(self);
        }
    }

    fn declarations() -> String {
        let cfg = Config::new().with_large_int("number");
        let mut c = Collect { cfg: &cfg, decls: BTreeMap::new() };
        c.visit::<Options>();
        c.visit::<ParseReport>();
        c.visit::<CheckReport>();
        c.visit::<Formatted>();
        c.visit::<PrivilegeReport>();
        c.visit::<PlanReport>();
        c.visit::<SqlReport>();
        c.visit::<ConvertedSql>();
        c.visit::<CompanionsReport>();
        c.visit::<Completion>();
        c.visit::<RuleInfo>();
        c.visit::<AnyPlan>();
        c.visit::<Syntax>();
        let mut out = String::from(
            "// Generated from the Rust types by `UPDATE_TYPES=1 cargo test -p starrocks-backup-sql-wasm`.\n\
             // Do not edit: the test `types_are_current` fails when this file is out of date.\n\n",
        );
        for decl in c.decls.values() {
            out.push_str(&indent(decl));
            out.push('\n');
        }
        out
    }

    /// Lays out ts-rs's one-line-per-field output: every line indented by its brace depth,
    /// closing braces on their own line.
    fn indent(decl: &str) -> String {
        let decl = decl.replace(", }", ",\n}").replace("{ \n", "{\n");
        let mut out = String::new();
        let mut depth = 0usize;
        for line in decl.lines().map(str::trim_end) {
            let (opens, closes) = line.chars().fold((0, 0), |(o, c), ch| match ch {
                '{' => (o + 1, c),
                '}' => (o, c + 1),
                _ => (o, c),
            });
            let this = if line.trim_start().starts_with('}') { depth.saturating_sub(1) } else { depth };
            let line = line.trim_start();
            let pad = if line.starts_with('*') { " " } else { "" };
            out.push_str(&"  ".repeat(this));
            out.push_str(pad);
            out.push_str(line);
            out.push('\n');
            depth = (depth + opens).saturating_sub(closes);
        }
        out
    }

    /// The message for reading `json` as Options.
    fn options_error(json: &str) -> String {
        let e = serde_json::from_str::<Options>(json).expect_err(json);
        describe(json, "options", &e)
    }

    #[test]
    fn reading_errors_name_the_field_path() {
        assert_eq!(
            options_error(r#"{"catalog":{"databases":[{"name":"d","tables":[{"name":"a"},{"name":1}]}]}}"#),
            "options.catalog.databases[0].tables[1].name: invalid type: integer `1`, expected a string"
        );
        assert_eq!(
            options_error(r#"{"clusterMode":"cloud"}"#),
            "options.clusterMode: unknown variant `cloud`, expected `shared-nothing` or `shared-data`"
        );
        assert!(
            options_error(r#"{"targetVersoin":"3.3"}"#).starts_with("options: unknown field `targetVersoin`")
        );
        assert!(options_error(r#"{"catalog":{"databases":[{"name":"d","tabels":[]}]}}"#)
            .starts_with("options.catalog.databases[0]: unknown field `tabels`"));
        // Keys with escaped quotes and brackets inside strings do not confuse the path.
        assert_eq!(
            options_error(r#"{"grantee":"ROLE \"[x","scope":"wide"}"#),
            "options.scope: unknown variant `wide`, expected one of `auto`, `exact`, `broad`"
        );
    }

    #[test]
    fn types_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/types/api.d.ts");
        let want = declarations();
        if std::env::var_os("UPDATE_TYPES").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "npm/types/api.d.ts is out of date: run UPDATE_TYPES=1 cargo test -p starrocks-backup-sql-wasm"
        );
        assert!(!want.contains(": any") && !want.contains("<any>"), "no `any` in the API");
    }
}
