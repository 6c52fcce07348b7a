//! `srbackup grants`: the GRANT statements a role or user needs to run the statements of the
//! given files, and why.
//!
//! ```text
//! srbackup grants [FILES…] --to 'ROLE r' | --to 'USER u@host' [--exact | --broad]
//!                 [--format sql|json] [--target-version V] [--catalog FILE]
//! ```
//! The SQL form is a ready-to-run script: one GRANT per object (privileges on the same object
//! merged), each after comments saying why, which statements need it and the REVOKE that undoes
//! it; what cannot be granted and every note follow as comments. Exit status: 0, or 1 when a
//! statement does not parse or a privilege cannot be granted as written, 2 on usage errors.

use clap::ValueEnum;
use serde::Serialize;
use starrocks_backup_sql::privileges::{
    render_grants, GrantOptions, GrantScript, Grantee, PrivilegePlan, Scope,
};
use starrocks_backup_sql::{LineIndex, Workspace};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `srbackup grants`.
#[derive(clap::Args)]
pub struct GrantsArgs {
    /// SQL files; standard input when none.
    files: Vec<PathBuf>,
    /// Who gets the privileges: 'ROLE name' or 'USER name@host' (quote parts as in SQL when
    /// needed, e.g. "USER 'it''s'@'%'").
    #[arg(long, value_name = "GRANTEE", value_parser = Grantee::parse)]
    to: Grantee,
    /// One grant per object wherever GRANT can name it (default: as the statements ask).
    #[arg(long, conflicts_with = "broad")]
    exact: bool,
    /// Grant on ALL TABLES / ALL FUNCTIONS IN DATABASE and ALL CATALOGS.
    #[arg(long)]
    broad: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GrantsFormat::Sql)]
    format: GrantsFormat,
    #[command(flatten)]
    target: crate::TargetArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GrantsFormat {
    /// A commented, ready-to-run SQL script.
    Sql,
    /// The plans and the grants as one JSON document.
    Json,
}

/// A statement that does not parse.
#[derive(Serialize)]
struct ParseError {
    location: String,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    target_version: String,
    plans: &'a [PrivilegePlan],
    grants: &'a GrantScript,
    errors: &'a [ParseError],
}

/// Runs `srbackup grants`.
pub fn run(args: &GrantsArgs) -> Result<u8, String> {
    let settings = args.target.settings()?;
    let inputs = crate::read_inputs(&args.files)?;
    let mut plans: Vec<PrivilegePlan> = Vec::new();
    let mut errors: Vec<ParseError> = Vec::new();
    let mut ws = Workspace::new("", settings);
    for input in &inputs {
        ws.set_text(input.text.as_str());
        let lines = LineIndex::new(&input.text);
        let at = |offset: usize| format!("{}:{}", input.name, lines.line_col(offset).line);
        for d in ws.parse_diagnostics().iter().filter(|d| d.is_error()) {
            errors.push(ParseError { location: at(d.span.start), message: d.message.clone() });
        }
        for plan in ws.privileges() {
            let mut plan = plan.clone();
            plan.location = Some(at(plan.span.start));
            plans.push(plan);
        }
    }
    let target = ws.settings().target;
    let scope = if args.exact {
        Scope::Exact
    } else if args.broad {
        Scope::Broad
    } else {
        Scope::Auto
    };
    let grants = render_grants(&plans, &GrantOptions { grantee: args.to.clone(), scope });
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| format!("cannot write output: {e}");
    match args.format {
        GrantsFormat::Sql => {
            for e in &errors {
                eprintln!("srbackup: {}: {} (no privileges explained for it)", e.location, e.message);
            }
            write!(out, "{}", grants.to_sql(&target.to_string())).map_err(io)?;
        }
        GrantsFormat::Json => {
            let report = Report {
                target_version: target.to_string(),
                plans: &plans,
                grants: &grants,
                errors: &errors,
            };
            let json = serde_json::to_string_pretty(&report).expect("the report serialises");
            writeln!(out, "{json}").map_err(io)?;
        }
    }
    Ok(if errors.is_empty() && grants.refused.is_empty() { 0 } else { 1 })
}
