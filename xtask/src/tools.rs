//! Installs the tools the tasks need, each only when it is missing or at another version.
//!
//! Versions and the reasons behind them are in the shared toolchain notes: wasm-bindgen-cli
//! must equal the `=0.2.130` crate pin; trunk 0.21.14 is the newest that builds on rustc 1.95;
//! wasm-opt comes from npm's binaryen 132, never from Debian (its binaryen 108 breaks the output).

use crate::{run, Workspace, WASM_TARGET};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// wasm-bindgen-cli's version: must equal the wasm-bindgen crate pin and Trunk.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// Trunk's version.
pub const TRUNK_VERSION: &str = "0.21.14";
/// wasm_split_cli_support's version: its `wasm-split-cli` cuts the app's lazy chunks; it must
/// read the split points of the `wasm_split_helpers` that Leptos uses (0.2.x).
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
/// The root package.json's devDependencies, exactly as pinned there.
pub const NODE_DEV_DEPENDENCIES: [(&str, &str); 7] = [
    ("axe-core", "4.14.1"),
    ("binaryen", "132.0.0"),
    ("esbuild", "0.25.12"),
    ("playwright-core", "1.65.1"),
    // React renders the Docusaurus embed component of docs/embedding.md in the e2e tests.
    ("react", "18.3.1"),
    ("react-dom", "18.3.1"),
    ("typescript", "5.9.3"),
];
/// Debian's Chromium, which the browser tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver (for wasm-bindgen-test-runner's browser tests).
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// One install step: what it found or did, or why it failed.
type Step = fn(&Workspace) -> Result<String, String>;

/// Makes sure every build tool is there. Tries every step, then reports all that failed at once.
pub fn ensure(ws: &Workspace) -> Result<(), String> {
    let steps: [(&str, Step); 6] = [
        ("rust wasm target", wasm_target),
        ("rust standard library source", rust_src),
        ("wasm-bindgen-cli", wasm_bindgen),
        ("trunk", trunk),
        ("wasm-split-cli", wasm_split),
        ("npm devDependencies", node_modules),
    ];
    let problems: Vec<String> = steps.into_iter().filter_map(|(name, step)| report(name, step(ws))).collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Makes sure Debian's Chromium and ChromeDriver are there (for the browser tests).
pub fn ensure_browser(ws: &Workspace) -> Result<(), String> {
    report("chromium", chromium(ws)).map_or(Ok(()), Err)
}

/// Prints a step's outcome; returns its problem, if any.
fn report(name: &str, outcome: Result<String, String>) -> Option<String> {
    match outcome {
        Ok(state) => {
            println!("setup: {name}: {state}");
            None
        }
        Err(e) => {
            println!("setup: {name}: FAILED: {e}");
            Some(format!("{name}: {e}"))
        }
    }
}

/// Trimmed stdout of a command that succeeded; `None` when it is missing or failed.
fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn wasm_target(ws: &Workspace) -> Result<String, String> {
    let installed = || {
        output(ws.cmd("rustc").args(["--print", "sysroot"]))
            .is_some_and(|sysroot| Path::new(&sysroot).join("lib/rustlib").join(WASM_TARGET).is_dir())
    };
    if installed() {
        return Ok("installed".into());
    }
    run(ws.cmd("rustup").args(["target", "add", WASM_TARGET]))
        .map_err(|e| format!("{e}; install the {WASM_TARGET} target for your Rust toolchain"))?;
    if installed() {
        Ok("installed now".into())
    } else {
        Err(format!("{WASM_TARGET} is still missing from `rustc --print sysroot`"))
    }
}

/// The standard library's source (`rust-src`): the npm build recompiles std for size.
fn rust_src(ws: &Workspace) -> Result<String, String> {
    let installed = || {
        output(ws.cmd("rustc").args(["--print", "sysroot"]))
            .is_some_and(|sysroot| Path::new(&sysroot).join("lib/rustlib/src/rust/library/std").is_dir())
    };
    if installed() {
        return Ok("installed".into());
    }
    run(ws.cmd("rustup").args(["component", "add", "rust-src"]))
        .map_err(|e| format!("{e}; install the rust-src component for your Rust toolchain"))?;
    if installed() {
        Ok("installed now".into())
    } else {
        Err("rust-src is still missing from `rustc --print sysroot`".into())
    }
}

/// Installs `krate` with `cargo install <extra…>` unless `binary --version` already prints
/// `expected`.
fn cargo_tool(ws: &Workspace, binary: &str, expected: &str, install: &[&str]) -> Result<String, String> {
    let version = || output(ws.cmd(binary).arg("--version"));
    if version().as_deref() == Some(expected) {
        return Ok(format!("{expected} installed"));
    }
    println!("setup: installing {expected} (found {:?}); this compiles from source", version());
    // Outside the workspace, so that its .cargo/config.toml cannot change how tools build.
    run(ws.cargo(install).current_dir(std::env::temp_dir()))?;
    match version() {
        Some(v) if v == expected => Ok(format!("{expected} installed now")),
        other => Err(format!("after installing, `{binary} --version` gives {other:?}, not {expected:?}")),
    }
}

fn wasm_bindgen(ws: &Workspace) -> Result<String, String> {
    // No --locked: its lock file wants a webpki-roots release the registry mirror lacks.
    let expected = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    cargo_tool(
        ws,
        "wasm-bindgen",
        &expected,
        &["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION],
    )
}

fn trunk(ws: &Workspace) -> Result<String, String> {
    let expected = format!("trunk {TRUNK_VERSION}");
    cargo_tool(ws, "trunk", &expected, &["install", "--locked", "trunk", "--version", TRUNK_VERSION])
}

fn wasm_split(ws: &Workspace) -> Result<String, String> {
    // `wasm-split-cli` has no --version; Cargo's list of installed crates says which it is.
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    let installed = || {
        output(&mut ws.cargo(&["install", "--list"]))
            .is_some_and(|list| list.lines().any(|l| l.starts_with(&wanted)))
    };
    if installed() {
        return Ok(format!("{WASM_SPLIT_VERSION} installed"));
    }
    println!("setup: installing wasm_split_cli_support {WASM_SPLIT_VERSION}; this compiles from source");
    run(ws
        .cargo(&[
            "install",
            "--locked",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_VERSION,
            "--features",
            "build-binary",
        ])
        .current_dir(std::env::temp_dir()))?;
    if installed() {
        Ok(format!("{WASM_SPLIT_VERSION} installed now"))
    } else {
        Err(format!("cargo install finished but wasm_split_cli_support {WASM_SPLIT_VERSION} is not listed"))
    }
}

/// The value of the first `"key": "value"` pair in a JSON text (enough for package.json).
pub fn json_string_field<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let after_key = &json[json.find(&format!("\"{key}\""))? + key.len() + 2..];
    let value = after_key.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(&value[..value.find('"')?])
}

fn node_modules(ws: &Workspace) -> Result<String, String> {
    let installed = || {
        NODE_DEV_DEPENDENCIES.iter().all(|(name, version)| {
            let manifest = ws.root.join("node_modules").join(name).join("package.json");
            fs::read_to_string(manifest).ok().as_deref().and_then(|m| json_string_field(m, "version"))
                == Some(version)
        })
    };
    let wanted = NODE_DEV_DEPENDENCIES.map(|(n, v)| format!("{n}@{v}")).join(", ");
    if installed() {
        return Ok(format!("{wanted} installed"));
    }
    if output(ws.cmd("node").arg("--version")).is_none() {
        return Err("Node.js is missing: install Node.js 18 or newer with npm".into());
    }
    run(ws.cmd("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    if !installed() {
        return Err(format!("`npm ci` did not install {wanted}"));
    }
    match output(ws.cmd("wasm-opt").arg("--version")) {
        Some(v) if v.contains("version_132") => Ok(format!("{wanted} installed now")),
        other => Err(format!("wasm-opt on PATH is {other:?}, not binaryen's version_132")),
    }
}

fn chromium(ws: &Workspace) -> Result<String, String> {
    // The browser tests honour CHROMIUM_PATH too (any Chromium or Chrome binary).
    if let Some(custom) = std::env::var_os("CHROMIUM_PATH").filter(|p| Path::new(p).exists()) {
        return Ok(format!("using CHROMIUM_PATH={}", custom.to_string_lossy()));
    }
    let present = || Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if present() {
        return Ok(format!("{CHROMIUM} and {CHROMEDRIVER} installed"));
    }
    let hint = "install Debian's `chromium` and `chromium-driver` packages \
                (sudo apt-get install chromium chromium-driver), or set CHROMIUM_PATH";
    if output(ws.cmd("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!("{CHROMIUM} or {CHROMEDRIVER} is missing and we are not root: {hint}"));
    }
    run(ws.cmd("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(ws
        .cmd("apt-get")
        .args(["install", "-y", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    if present() {
        Ok("installed now".into())
    } else {
        Err(format!("apt-get finished but {CHROMIUM} or {CHROMEDRIVER} is still missing: {hint}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        fs::read_to_string(root.join(name)).unwrap()
    }

    #[test]
    fn json_string_field_reads_the_first_match() {
        let json = r#"{ "name": "x", "version" :  "1.2.3", "nested": { "version": "9" } }"#;
        assert_eq!(json_string_field(json, "version"), Some("1.2.3"));
        assert_eq!(json_string_field(json, "name"), Some("x"));
        assert_eq!(json_string_field(json, "nested"), None);
        assert_eq!(json_string_field(json, "missing"), None);
    }

    #[test]
    fn pinned_versions_agree_with_the_workspace_files() {
        let package = read("package.json");
        for (name, version) in NODE_DEV_DEPENDENCIES {
            assert_eq!(json_string_field(&package, name), Some(version), "package.json pins {name}");
        }
        let trunk_toml = read("Trunk.toml");
        assert!(trunk_toml.contains(&format!("wasm_bindgen = \"{WASM_BINDGEN_VERSION}\"")));
        assert!(trunk_toml.contains("wasm_opt = \"version_132\""));
        assert!(trunk_toml.contains("offline = true"));
        assert!(read("Cargo.toml").contains(&format!("wasm-bindgen = \"={WASM_BINDGEN_VERSION}\"")));
        let lock = read("Cargo.lock");
        assert!(lock.contains(&format!("name = \"wasm-bindgen\"\nversion = \"{WASM_BINDGEN_VERSION}\"")));
    }
}
