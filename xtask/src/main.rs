//! `cargo xtask`: the workspace's dev tasks, in plain Rust with no dependencies.
//!
//! * `cargo xtask serve`: install what is missing, then serve the app on http://127.0.0.1:8080.
//! * `cargo xtask test`: install what is missing, then run every check in order and print one
//!   line per stage and a final `N passed, N failed`.
//! * `cargo xtask setup`: only install what is missing.
//! * `cargo xtask npm`: only build the npm package into `npm/pkg-*`.
//!
//! Every install step checks the installed version first, so a second run installs nothing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod sizes;
mod tools;

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

/// The wasm target every browser-facing crate is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The web app's package (built by Trunk, checked on the wasm target only).
const WEB_PACKAGE: &str = "srbackup-web";
/// The npm package's wasm-bindgen crate.
const NPM_PACKAGE: &str = "starrocks-backup-sql-wasm";
/// The core library.
const CORE_PACKAGE: &str = "starrocks-backup-sql";
/// File stem of the npm package's JS and wasm files (`--out-name`).
pub const NPM_OUT_NAME: &str = "starrocks_backup_sql";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let ws = Workspace::new();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&ws),
        Some("test") => return test(&ws),
        Some("setup") => tools::ensure(&ws).and(tools::ensure_browser(&ws)),
        Some("npm") => tools::ensure(&ws).and_then(|()| build_npm(&ws)),
        Some("app") => tools::ensure(&ws).and_then(|()| build_app(&ws)),
        Some("differential") => differential(&ws, &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <serve|test|setup|npm|app>\n\
                 \n  serve  install missing tools, then serve the app on http://127.0.0.1:8080\
                 \n  test   install missing tools, then run every check (fmt, clippy, tests, e2e, sizes)\
                 \n  setup  only install missing tools\
                 \n  npm    only build the npm package into npm/pkg-*\
                 \n  app    only build the app's release into dist/ (with its lazy chunks)\
                 \n  differential [COUNT] [--seed N] [--relabel]\
                 \n         our grammar against StarRocks's on COUNT mutated statements (default\
                 \n         1,000,000) and on the conformance table; needs Java 17+ and\
                 \n         ../shared/oracle (--relabel rewrites the table's grammar column)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where things are, and the `PATH` every child process gets.
pub struct Workspace {
    /// The workspace root (holds Cargo.toml, package.json, Trunk.toml).
    pub root: PathBuf,
    /// `node_modules/.bin` and cargo's bin directory first, then the inherited `PATH`.
    path: OsString,
    /// The cargo that runs us (`$CARGO`), so children use the same toolchain.
    cargo: OsString,
}

impl Workspace {
    fn new() -> Self {
        let root =
            Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned();
        let cargo_bin = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .map(|p| p.join("bin"));
        // node_modules/.bin first: its wasm-opt (binaryen 132) must win over any other, e.g.
        // Debian's binaryen 108, which breaks wasm-bindgen 0.2.130 output.
        let mut dirs = vec![root.join("node_modules").join(".bin")];
        dirs.extend(cargo_bin);
        dirs.extend(
            env::var_os("PATH").map(|p| env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default(),
        );
        let path = env::join_paths(dirs).expect("PATH entries contain no separator");
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Workspace { root, path, cargo }
    }

    /// A command run in the workspace root with our `PATH`.
    pub fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.current_dir(&self.root).env("PATH", &self.path);
        c
    }

    /// `cargo <args…>` with the toolchain that runs xtask.
    pub fn cargo(&self, args: &[&str]) -> Command {
        let mut c = self.cmd(&self.cargo);
        c.args(args);
        c
    }

    /// Cargo's target directory (`$CARGO_TARGET_DIR` or `target/`).
    fn target_dir(&self) -> PathBuf {
        match env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// Trunk's output directory.
    pub fn dist(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// The npm package's directory.
    pub fn npm(&self) -> PathBuf {
        self.root.join("npm")
    }
}

/// Runs `cmd` with inherited output; an error names the command when it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = show(cmd);
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// The command line as a human would type it.
fn show(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program()).file_name().unwrap_or(cmd.get_program()).to_string_lossy();
    std::iter::once(program.into_owned())
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `trunk <subcommand>`, without Trunk's check for a newer release of itself.
fn trunk(ws: &Workspace, subcommand: &[&str]) -> Command {
    let mut c = ws.cmd("trunk");
    c.args(subcommand).env("TRUNK_SKIP_VERSION_CHECK", "true");
    c
}

/// The flags both size-built wasm binaries (the app and the npm package) are compiled with;
/// why each one, at [`NPM_RUSTFLAGS`].
macro_rules! size_rustflags {
    () => {
        "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none \
         -Cllvm-args=-inline-threshold=0"
    };
}

/// The optimisation level of the wasm builds (the app and the npm package): for size. The
/// workspace's `[profile.release]` is for speed (`opt-level = 3`: the CLI, the differential
/// run); these two builds override it through Cargo's environment.
const WASM_OPT_LEVEL: &str = "z";

/// Flags for the app's release build, which like the npm package rebuilds the standard
/// library with `panic=immediate-abort`, no panic locations and no `Debug` formatting (the
/// app prints nothing with `{:?}`), and erases Leptos's view types (`erase_components`, the
/// cfg `.cargo/config.toml` also sets for `trunk serve`; RUSTFLAGS replaces that list, so it
/// is repeated here), and LLVM's inline threshold 0 as for the npm package. Measured on the
/// visual builder (`trunk build --release`, gzip -9 of the wasm): 360,027 B plain, 328,246 B
/// with `erase_components`, 302,215 B with the standard library rebuilt, 284,687 B with the
/// inline threshold and case folding without Unicode's tables (docs/PERFORMANCE.md).
const APP_RUSTFLAGS: &str = concat!("--cfg erase_components ", size_rustflags!());

/// `trunk build --release` with [`APP_RUSTFLAGS`] and `-Zbuild-std` (through Cargo's
/// environment form of `[unstable]`, as Trunk runs Cargo itself), in its own target directory,
/// linked with relocations and `--cfg srbackup_split` so that Trunk's post-build hook
/// (xtask/js/finish-release.mjs) cuts web/src/lazy.rs's functions into lazy chunks.
/// The differential run against StarRocks's own grammar (core/tests/differential.rs): where
/// Java and `../shared/oracle/check` exist. Not part of `test`, which must not need Java.
fn differential(ws: &Workspace, args: &[String]) -> Result<(), String> {
    let oracle = env::var_os("SRBACKUP_ORACLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| ws.root.join("..").join("shared").join("oracle").join("check"));
    if !oracle.exists() {
        return Err(format!(
            "StarRocks's grammar oracle is not at {} (set SRBACKUP_ORACLE)",
            oracle.display()
        ));
    }
    let java = ws
        .cmd("java")
        .arg("-version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    if !java.is_ok_and(|s| s.success()) {
        return Err("the oracle needs Java 17+ (`java` is not on PATH)".into());
    }
    let mut count = "1000000".to_string();
    let mut seed = "12".to_string();
    let mut relabel = false;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--relabel" => relabel = true,
            "--seed" => seed = rest.next().ok_or("--seed needs a number")?.clone(),
            n if n.parse::<u64>().is_ok() => count = n.to_string(),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let mut cmd = ws.cargo(&[
        "test",
        "--release",
        "-p",
        CORE_PACKAGE,
        "--test",
        "differential",
        "--",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd.env("SRBACKUP_ORACLE", &oracle).env("SRBACKUP_DIFF_COUNT", count).env("SRBACKUP_DIFF_SEED", seed);
    if relabel {
        cmd.env("SRBACKUP_RELABEL", "1");
    }
    run(&mut cmd)
}

fn build_app(ws: &Workspace) -> Result<(), String> {
    let target_dir = ws.target_dir().join("app-build-std");
    let linked = target_dir.join(WASM_TARGET).join("release").join("srbackup-web.wasm");
    // Trunk stages wasm-bindgen's output here and keeps the JS snippets of earlier builds,
    // which would then be preloaded (and counted) though nothing imports them.
    let snippets = target_dir.join("wasm-bindgen").join("release").join("snippets");
    if snippets.exists() {
        fs::remove_dir_all(&snippets).map_err(|e| format!("cannot remove {}: {e}", snippets.display()))?;
    }
    run(trunk(ws, &["build", "--release"])
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", WASM_OPT_LEVEL)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_TARGET_DIR", &target_dir)
        .env("RUSTFLAGS", format!("{APP_RUSTFLAGS} --cfg srbackup_split --cfg srbackup_deferred_explain -Clink-args=--emit-relocs"))
        .env("SRBACKUP_SPLIT_INPUT", linked))
}

fn serve(ws: &Workspace) -> Result<(), String> {
    tools::ensure(ws)?;
    // Address and port come from Trunk.toml ([serve]): http://127.0.0.1:8080.
    run(&mut trunk(ws, &["serve"]))
}

/// Flags for the npm package's release build. It rebuilds the standard library
/// (`-Zbuild-std`, through `RUSTC_BOOTSTRAP=1` on the stable toolchain) with
/// `panic=immediate-abort`, no panic locations and no `Debug` formatting: a panic in the
/// package aborts the wasm instance either way, and dropping the machinery that would format
/// the panic message saves about 11 KB gzip (docs/PERFORMANCE.md). The core prints nothing
/// with `{:?}` at run time; serde quotes an unexpected string with it, which the npm crate
/// words around (`describe`). LLVM's inline threshold 0 (the `z` default is 5) keeps callees
/// shared by several entry points out of each of them (−793 B gzip; other thresholds and
/// `opt-level = "s"` were larger).
const NPM_RUSTFLAGS: &str = size_rustflags!();

/// Builds the npm package into `npm/pkg/` (the wasm and its ES-module glue, one of each) and
/// `npm/dist/` (the CommonJS entry and the TypeScript declarations): the wasm crate in
/// release, wasm-bindgen (`web` target) and wasm-opt -Oz, then esbuild for `dist/node.cjs`.
fn build_npm(ws: &Workspace) -> Result<(), String> {
    // Its own target directory: other flags would otherwise invalidate the normal wasm cache.
    let target_dir = ws.target_dir().join("npm-build-std");
    run(ws
        .cargo(&["build", "--release", "--target", WASM_TARGET, "-p", NPM_PACKAGE])
        .args(["-Zbuild-std=std,panic_abort", "--target-dir"])
        .arg(&target_dir)
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", WASM_OPT_LEVEL)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("RUSTFLAGS", NPM_RUSTFLAGS))?;
    let wasm = target_dir.join(WASM_TARGET).join("release").join("starrocks_backup_sql_wasm.wasm");
    let npm = ws.root.join("npm");
    let (pkg, dist) = (npm.join("pkg"), npm.join("dist"));
    for dir in [&pkg, &dist] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
        }
    }
    run(ws
        .cmd("wasm-bindgen")
        // `encodeInto` exists in every engine the package supports (Node 18+, current
        // browsers), so the glue needs no fallback for it.
        .args(["--target", "web", "--encode-into", "always"])
        .args(["--out-name", NPM_OUT_NAME, "--out-dir"])
        .arg(&pkg)
        .arg(&wasm))?;
    let bg = pkg.join(format!("{NPM_OUT_NAME}_bg.wasm"));
    // The producers and target-features sections are metadata no engine needs.
    run(ws
        .cmd("wasm-opt")
        .args(["-Oz", "--strip-producers", "--strip-target-features"])
        .arg(&bg)
        .arg("-o")
        .arg(&bg))?;
    // The declarations: wasm-bindgen's (the functions, with the types generated from Rust in
    // `npm/types/api.d.ts`), without its loader, plus the package's own `init`/`initSync`.
    let glue_types = pkg.join(format!("{NPM_OUT_NAME}.d.ts"));
    let generated =
        fs::read_to_string(&glue_types).map_err(|e| format!("cannot read {}: {e}", glue_types.display()))?;
    let init =
        fs::read_to_string(npm.join("js/init.d.ts")).map_err(|e| format!("cannot read init.d.ts: {e}"))?;
    let types = package_types(&generated, &init)?;
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    for name in ["index.d.ts", "index.d.cts"] {
        fs::write(dist.join(name), &types).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    for internal in [glue_types, pkg.join(format!("{NPM_OUT_NAME}_bg.wasm.d.ts"))] {
        let _ = fs::remove_file(internal);
    }
    // `require()`: the Node entry and the glue bundled as one CommonJS file.
    run(ws
        .cmd("esbuild")
        .arg(npm.join("js/node.js"))
        .args(["--bundle", "--format=cjs", "--platform=node", "--target=node18", "--log-level=warning"])
        .arg(format!("--inject:{}", npm.join("js/cjs-shim.js").display()))
        .arg("--define:import.meta.url=importMetaUrl")
        .arg(format!("--outfile={}", dist.join("node.cjs").display())))?;
    Ok(())
}

/// The package's `.d.ts`: wasm-bindgen's declarations up to its loader (`InitInput` and what
/// follows, replaced by `init`), laid out by brace depth (wasm-bindgen indents the custom
/// section cumulatively), `options` parameters optional, then `init`.
fn package_types(generated: &str, init: &str) -> Result<String, String> {
    let end = generated.find("export type InitInput").ok_or("wasm-bindgen's .d.ts has no InitInput")?;
    let mut out = String::from(
        "// The types of the npm package `starrocks-backup-sql`, generated from its Rust source:\n\
         // wasm-bindgen's declarations of the functions and the data types ts-rs derives.\n\n",
    );
    let mut depth = 0usize;
    for line in generated[..end].lines().map(str::trim) {
        if line.starts_with("/* tslint:disable */") || line.starts_with("/* eslint-disable */") {
            continue;
        }
        let opens = line.matches('{').count();
        let closes = line.matches('}').count();
        let this = if line.starts_with('}') { depth.saturating_sub(1) } else { depth };
        if !line.is_empty() {
            out.push_str(&"  ".repeat(this));
            if line.starts_with('*') {
                out.push(' ');
            }
        }
        // `[Symbol.dispose]` needs TypeScript's esnext library, which a user's project may
        // not have: `free()` does the same.
        if line.starts_with("[Symbol.dispose]") {
            continue;
        }
        // wasm-bindgen drops the `?` of an `Option` parameter whose type is given with
        // `unchecked_param_type`: every `options` parameter is optional.
        out.push_str(&line.replace("options: Options)", "options?: Options)"));
        out.push('\n');
        depth = (depth + opens).saturating_sub(closes);
    }
    out.push_str(init);
    Ok(out)
}

/// Builds the cargo-fuzz targets (`core/fuzz`, its own workspace) as plain binaries, which
/// need neither nightly nor cargo-fuzz, and replays the committed seeds through each: every
/// input runs once under the target's assertions (`parse_format`: no panic, clean statements
/// stay clean and format idempotently; `workspace`: every report of the façade serialises
/// with positions inside the text). Fuzzing itself is `cargo fuzz run` (docs/PERFORMANCE.md).
fn fuzz_smoke(ws: &Workspace) -> Result<(), String> {
    let manifest = ws.root.join("core/fuzz/Cargo.toml");
    let seeds = ws.root.join("core/fuzz/seeds");
    let mut inputs: Vec<PathBuf> = fs::read_dir(&seeds)
        .map_err(|e| format!("cannot list {}: {e}", seeds.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    inputs.sort();
    if inputs.is_empty() {
        return Err(format!("no seeds in {}", seeds.display()));
    }
    for target in ["parse_format", "workspace"] {
        run(ws.cargo(&["build", "--bin", target, "--manifest-path"]).arg(&manifest))?;
        run(ws.cmd(ws.root.join("core/fuzz/target/debug").join(target)).args(&inputs))?;
    }
    Ok(())
}

/// The `*.test.mjs` files directly inside `dir`, sorted.
fn test_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs files in {}", dir.display()));
    }
    Ok(files)
}

/// `node --test` over the test files of `dir` (relative to the root).
fn node_tests(ws: &Workspace, dir: &str) -> Result<(), String> {
    let files = test_files(&ws.root.join(dir))?;
    run(ws.cmd("node").arg("--test").args(files))
}

/// One stage's outcome.
struct Outcome {
    name: &'static str,
    result: Result<(), String>,
    took: Duration,
}

/// Runs stages in order, remembering each outcome.
struct Stages(Vec<Outcome>);

impl Stages {
    /// Whether the named earlier stage passed.
    fn passed(&self, name: &str) -> bool {
        self.0.iter().any(|o| o.name == name && o.result.is_ok())
    }

    /// Runs `f` as stage `name` unless one of `needs` failed (then the stage fails unrun).
    fn run(&mut self, name: &'static str, needs: &[&str], f: impl FnOnce() -> Result<(), String>) {
        println!("\n==> {name}");
        let start = Instant::now();
        let result = match needs.iter().find(|n| !self.passed(n)) {
            Some(missing) => Err(format!("not run: `{missing}` failed")),
            None => f(),
        };
        let took = start.elapsed();
        let outcome = Outcome { name, result, took };
        println!("<== {}", outcome.line());
        self.0.push(outcome);
    }
}

impl Outcome {
    fn line(&self) -> String {
        let verdict = if self.result.is_ok() { "PASS" } else { "FAIL" };
        let mut line = format!("{verdict}  {:<14} {:>7.1} s", self.name, self.took.as_secs_f64());
        if let Err(e) = &self.result {
            line.push_str("  ");
            line.push_str(e);
        }
        line
    }
}

fn test(ws: &Workspace) -> ExitCode {
    let started = Instant::now();
    let mut stages = Stages(Vec::new());
    stages.run("setup", &[], || tools::ensure(ws));
    stages.run("fmt", &[], || run(&mut ws.cargo(&["fmt", "--all", "--check"])));
    stages.run("clippy native", &[], || {
        run(&mut ws.cargo(&[
            "clippy",
            "--keep-going",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    stages.run("clippy wasm", &["setup"], || {
        run(&mut ws.cargo(&[
            "clippy",
            "--keep-going",
            "--target",
            WASM_TARGET,
            "-p",
            CORE_PACKAGE,
            "-p",
            NPM_PACKAGE,
            "-p",
            WEB_PACKAGE,
            "--",
            "-D",
            "warnings",
        ]))
    });
    // `--keep-going` / `--no-fail-fast`: one run reports every crate's problems. The web
    // crate's unit tests (its display logic: overlay, history, saved work) run natively too;
    // its views are tested in the browser (e2e).
    stages.run("native tests", &[], || run(&mut ws.cargo(&["test", "--no-fail-fast", "--workspace"])));
    stages.run("fuzz target", &[], || fuzz_smoke(ws));
    stages.run("npm build", &["setup"], || build_npm(ws));
    stages.run("npm tests", &["npm build"], || node_tests(ws, "npm/test"));
    stages.run("app build", &["setup"], || build_app(ws));
    // Its own stage, so that a machine without Chromium still runs everything else.
    stages.run("browser setup", &[], || tools::ensure_browser(ws));
    // The browser tests cover the app and the npm package in a page and through a bundler.
    stages.run("e2e", &["app build", "npm build", "browser setup"], || node_tests(ws, "tests/e2e"));
    stages.run("size budgets", &["npm build", "app build"], || sizes::check(ws));

    let failed = stages.0.iter().filter(|o| o.result.is_err()).count();
    println!("\nSummary (total {:.1} s):", started.elapsed().as_secs_f64());
    for outcome in &stages.0 {
        println!("  {}", outcome.line());
    }
    println!("{} passed, {} failed", stages.0.len() - failed, failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_types_drop_the_loader_and_make_options_optional() {
        let generated = "/* tslint:disable */\n/* eslint-disable */\nexport type A = {\n        x: number,\n            };\n\
                         export function check(sql: string, options: Options): CheckReport;\n\
                         export type InitInput = RequestInfo;\nexport default function __wbg_init(): void;\n";
        let types = package_types(generated, "export function init(): Promise<void>;\n").unwrap();
        assert!(types.contains("export type A = {\n  x: number,\n};\n"), "{types}");
        assert!(types.contains("check(sql: string, options?: Options): CheckReport;"), "{types}");
        assert!(!types.contains("__wbg_init") && !types.contains("InitInput = RequestInfo"), "{types}");
        assert!(types.ends_with("export function init(): Promise<void>;\n"));
        assert!(package_types("export function f(): void;", "").is_err());
    }

    #[test]
    fn a_stage_whose_prerequisite_failed_fails_without_running() {
        let mut stages = Stages(Vec::new());
        stages.run("build", &[], || Err("boom".into()));
        let mut ran = false;
        stages.run("use", &["build"], || {
            ran = true;
            Ok(())
        });
        stages.run("other", &[], || Ok(()));
        assert!(!ran);
        assert_eq!(stages.0[1].result, Err("not run: `build` failed".to_string()));
        assert!(stages.passed("other") && !stages.passed("use"));
        assert!(stages.0[1].line().starts_with("FAIL  use"));
    }

    #[test]
    fn test_files_lists_only_mjs_tests_in_order() {
        let dir = env::temp_dir().join(format!("xtask-test-files-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        for name in ["b.test.mjs", "a.test.mjs", "helper.mjs", "c.test.js"] {
            fs::write(dir.join(name), "").unwrap();
        }
        let names: Vec<String> = test_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(names, ["a.test.mjs", "b.test.mjs"]);
        assert!(test_files(&dir).is_err());
    }

    #[test]
    fn show_prints_the_command_line() {
        let mut c = Command::new("/usr/bin/node");
        c.args(["--test", "x.mjs"]);
        assert_eq!(show(&c), "node --test x.mjs");
    }
}
