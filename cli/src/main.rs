//! `srbackup`: lint and format StarRocks BACKUP-family SQL files.
//!
//! ```text
//! srbackup check [FILES…] [--format human|json] [--lines]
//! srbackup fmt [FILES…] [--check]
//! ```
//! With no files, both read standard input. Exit status: 0 clean, 1 errors found (or files
//! that `fmt --check` would change), 2 usage or I/O errors.

mod grants;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use starrocks_backup_sql::check::{Catalog, ClusterMode, Version};
use starrocks_backup_sql::span::with_positions;
use starrocks_backup_sql::{PositionEncoding, Settings, Workspace};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "srbackup", version, about = "Check and format StarRocks BACKUP/RESTORE SQL")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report syntax and statement errors, with positions, hints and fixes.
    Check(CheckArgs),
    /// Rewrite files in canonical form (standard input to standard output when no file is given).
    Fmt(FmtArgs),
    /// Print the GRANTs a role or user needs to run the statements, and why.
    Grants(grants::GrantsArgs),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// SQL files to check; standard input when none.
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Treat every input line as its own script; with `--format json`, print one JSON object
    /// per line, in order.
    #[arg(long)]
    lines: bool,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// How JSON offsets and columns are counted: utf8 (bytes), utf16 (code units, as
    /// JavaScript and the npm package count) or utf32 (characters, as Python counts).
    #[arg(long, value_enum, default_value_t = Encoding::Utf32)]
    position_encoding: Encoding,
    #[command(flatten)]
    target: TargetArgs,
}

/// `--position-encoding`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl From<Encoding> for PositionEncoding {
    fn from(e: Encoding) -> Self {
        match e {
            Encoding::Utf8 => PositionEncoding::Utf8,
            Encoding::Utf16 => PositionEncoding::Utf16,
            Encoding::Utf32 => PositionEncoding::Utf32,
        }
    }
}

/// What the statements will run against.
#[derive(clap::Args)]
struct TargetArgs {
    /// StarRocks version the statements will run on, e.g. 3.3 or 4.2 (default: latest).
    #[arg(long, value_name = "VERSION", value_parser = parse_version)]
    target_version: Option<Version>,
    /// The cluster runs in shared-data mode.
    #[arg(long)]
    shared_data: bool,
    /// A catalog of the cluster (JSON, see docs/catalog.md) for existence and submission checks.
    #[arg(long, value_name = "FILE")]
    catalog: Option<PathBuf>,
}

fn parse_version(s: &str) -> Result<Version, String> {
    Version::parse(s)
}

impl TargetArgs {
    /// The façade's settings (the default grantee and scope).
    fn settings(&self) -> Result<Settings, String> {
        let catalog = match &self.catalog {
            None => None,
            Some(p) => {
                let text =
                    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                let catalog: Catalog = serde_json::from_str(&text).map_err(|e| {
                    format!("{} is not a valid catalog: {e} (see docs/catalog.md)", p.display())
                })?;
                Some(catalog)
            }
        };
        Ok(Settings {
            target: self.target_version.unwrap_or_default(),
            cluster: if self.shared_data { ClusterMode::SharedData } else { ClusterMode::SharedNothing },
            catalog: catalog.map(std::sync::Arc::new),
            ..Settings::default()
        })
    }
}

#[derive(clap::Args)]
struct FmtArgs {
    /// SQL files to format in place; standard input to standard output when none.
    files: Vec<PathBuf>,
    /// Only report files whose formatting would change; exit 1 if any would.
    #[arg(long)]
    check: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// rustc-style diagnostics.
    Human,
    /// One JSON document (or one object per line with `--lines`).
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// One input: a display name and its text.
struct Input {
    name: String,
    text: String,
}

fn read_inputs(files: &[PathBuf]) -> Result<Vec<Input>, String> {
    if files.is_empty() {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(vec![Input { name: "<stdin>".into(), text }]);
    }
    files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{} is not valid UTF-8", p.display()))?;
            Ok(Input { name: p.display().to_string(), text })
        })
        .collect()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Fmt(args) => fmt(&args),
        Command::Grants(args) => grants::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("srbackup: {message}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &CheckArgs) -> Result<u8, String> {
    let settings = args.target.settings()?;
    let encoding = PositionEncoding::from(args.position_encoding);
    let inputs = read_inputs(&args.files)?;
    let stdout = std::io::stdout();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out = stdout.lock();
    let mut errors = 0usize;
    let mut warnings = 0usize;
    let io = |e: std::io::Error| format!("cannot write output: {e}");
    // One workspace, its text replaced for each input: the settings (and catalog) are read once.
    let mut ws = Workspace::new("", settings);

    if args.lines {
        for input in &inputs {
            // A final newline ends the last line; it does not start another.
            let body = input.text.strip_suffix('\n').unwrap_or(&input.text);
            for (i, line) in body.split('\n').enumerate() {
                let line = line.strip_suffix('\r').unwrap_or(line);
                ws.set_text(line);
                let report = ws.check_report();
                errors += report.errors;
                warnings += report.warnings + report.infos;
                match args.format {
                    OutputFormat::Json => {
                        let obj = output::LineReport {
                            path: input.name.clone(),
                            line: i + 1,
                            ok: report.errors == 0,
                            report,
                        };
                        let json = with_positions(line, encoding, || serde_json::to_string(&obj))
                            .expect("reports serialise");
                        writeln!(out, "{json}").map_err(io)?;
                    }
                    OutputFormat::Human => {
                        let name = format!("{}:{}", input.name, i + 1);
                        for d in &report.diagnostics {
                            write!(out, "{}", output::human(d, line, &name, color)).map_err(io)?;
                        }
                    }
                }
            }
        }
    } else {
        let mut reports = Vec::new();
        let mut summary = output::Summary::default();
        for input in &inputs {
            ws.set_text(input.text.as_str());
            let report = ws.check_report();
            errors += report.errors;
            warnings += report.warnings + report.infos;
            summary.add(&report);
            match args.format {
                OutputFormat::Json => {
                    // Spans are converted now, against this input's text.
                    let file =
                        output::FileReport { path: input.name.clone(), ok: report.errors == 0, report };
                    let value = with_positions(&input.text, encoding, || serde_json::to_value(&file))
                        .expect("reports serialise");
                    reports.push(value);
                }
                OutputFormat::Human => {
                    for d in &report.diagnostics {
                        write!(out, "{}", output::human(d, &input.text, &input.name, color)).map_err(io)?;
                        writeln!(out).map_err(io)?;
                    }
                }
            }
        }
        if args.format == OutputFormat::Json {
            let doc = output::Document { position_encoding: encoding, files: reports, summary };
            writeln!(out, "{}", serde_json::to_string_pretty(&doc).expect("serialisable")).map_err(io)?;
        }
    }
    if args.format == OutputFormat::Human {
        let files =
            if inputs.len() == 1 { "1 input".to_string() } else { format!("{} inputs", inputs.len()) };
        writeln!(
            out,
            "checked {files}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning or note")
        )
        .map_err(io)?;
    }
    Ok(u8::from(errors > 0))
}

fn plural(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "warning or note") => format!("{n} warnings or notes"),
        _ => format!("{n} {what}s"),
    }
}

fn fmt(args: &FmtArgs) -> Result<u8, String> {
    let inputs = read_inputs(&args.files)?;
    let mut failed = false;
    let mut ws = Workspace::new("", Settings::default());
    for input in &inputs {
        ws.set_text(input.text.as_str());
        let formatted = ws.formatted();
        // Text the lexer drops (ignored characters, unterminated strings) is not in the tree;
        // formatting would silently delete it, so the façade keeps the text and says why.
        if let Some(d) = formatted.blocked_by.first() {
            let lc = starrocks_backup_sql::LineIndex::new(&input.text).line_col(d.span.start);
            eprintln!(
                "srbackup: not formatting {}: {}:{}: {} (fix it first: formatting would drop text StarRocks ignores)",
                input.name, lc.line, lc.column, d.message
            );
            failed = true;
            continue;
        }
        if args.check {
            if formatted.changed {
                println!("{} would be reformatted", input.name);
                failed = true;
            }
        } else if args.files.is_empty() {
            print!("{}", formatted.text);
        } else if formatted.changed {
            std::fs::write(&input.name, &formatted.text)
                .map_err(|e| format!("cannot write {}: {e}", input.name))?;
            eprintln!("formatted {}", input.name);
        }
    }
    Ok(u8::from(failed))
}
