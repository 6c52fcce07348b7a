//! Size budgets: gzip sizes of what users download, printed as a table.

use crate::{Workspace, NPM_OUT_NAME};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a browser loads of the npm package (the wasm, wasm-bindgen's glue and the package's
/// own entry), gzip, in bytes: a ceiling against regressions, just above today's size with the
/// whole API in one wasm. The goal is [`CORE_GOAL`]; docs/PERFORMANCE.md says where the bytes
/// go and why the goal is not met.
pub const CORE_BUDGET: u64 = 285_000;
/// The size issue 10 asks for (whole API, one wasm + glue). Printed beside the budget.
pub const CORE_GOAL: u64 = 120_000;
/// The app's first load: everything in `dist/` (html, js, wasm, css, icon) but what is fetched
/// on demand ([`on_demand`]), gzip (300 KB).
pub const APP_BUDGET: u64 = 300_000;

/// One measured file.
struct Measured {
    path: PathBuf,
    bytes: u64,
    gzip: u64,
    brotli: u64,
}

/// Size of `path` after brotli at its best quality (through Node's zlib; what CDNs send).
fn brotli_size(path: &Path) -> Result<u64, String> {
    let script = "const z=require('zlib'),f=require('fs');\
                  process.stdout.write(String(z.brotliCompressSync(f.readFileSync(process.argv[1]),\
                  {params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))";
    let out = Command::new("node")
        .args(["-e", script])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| format!("brotli failed on {}", path.display()))
}

/// Size of `path` after `gzip -9 -n` (what a server sends with compression on).
fn gzip_size(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

fn measure(paths: Vec<PathBuf>) -> Result<Vec<Measured>, String> {
    paths
        .into_iter()
        .map(|path| {
            let bytes = fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?.len();
            Ok(Measured { gzip: gzip_size(&path)?, brotli: brotli_size(&path)?, bytes, path })
        })
        .collect()
}

/// Every file under `dir`, sorted.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether a file of `dist/` is fetched only on demand, not by a fresh page load: the lazy wasm
/// chunks `wasm-split-cli` cuts (`split_*.wasm` and the `chunk_*.wasm` they share, loaded by
/// web/src/lazy.rs's split points) and the demo catalog (fetched by "Load demo"). The e2e test
/// "a fresh load fetches only the first-load files" checks this list against the browser.
fn on_demand(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    (name.ends_with(".wasm") && (name.starts_with("split_") || name.starts_with("chunk_")))
        || name == "catalog.json"
}

/// Prints one budget's table; returns an error when its gzip total is over `budget`.
fn report(ws: &Workspace, title: &str, files: &[Measured], budget: u64) -> Result<(), String> {
    println!("\n{title}");
    println!("  {:<52} {:>10} {:>10} {:>10}", "file", "bytes", "gzip -9", "brotli");
    for f in files {
        let shown = f.path.strip_prefix(&ws.root).unwrap_or(&f.path).display().to_string();
        println!("  {shown:<52} {:>10} {:>10} {:>10}", f.bytes, f.gzip, f.brotli);
    }
    let (bytes, gzip, brotli) =
        files.iter().fold((0, 0, 0), |(b, g, r), f| (b + f.bytes, g + f.gzip, r + f.brotli));
    let verdict = if gzip <= budget { "within" } else { "OVER" };
    println!("  {:<52} {bytes:>10} {gzip:>10} {brotli:>10}  gzip {verdict} budget {budget}", "total");
    if gzip <= budget {
        Ok(())
    } else {
        Err(format!("{title}: {gzip} B gzip is over the budget of {budget} B"))
    }
}

/// Measures the npm package's browser flavour and the app in `dist/` against their budgets.
pub fn check(ws: &Workspace) -> Result<(), String> {
    let npm = ws.npm();
    let core = measure(vec![
        npm.join("pkg").join(format!("{NPM_OUT_NAME}_bg.wasm")),
        npm.join("pkg").join(format!("{NPM_OUT_NAME}.js")),
        npm.join("js/index.js"),
        npm.join("js/api.js"),
        npm.join("js/state.js"),
    ])?;
    let (later, app): (Vec<PathBuf>, Vec<PathBuf>) =
        files_under(&ws.dist())?.into_iter().partition(|p| on_demand(p));
    let app = measure(app)?;
    let later = measure(later)?;
    let core_result = report(ws, "npm package in a browser (wasm + glue + entry)", &core, CORE_BUDGET);
    let core_gzip: u64 = core.iter().map(|f| f.gzip).sum();
    println!(
        "  goal {CORE_GOAL} B gzip: {}",
        if core_gzip <= CORE_GOAL {
            "met".to_string()
        } else {
            format!("not met, {} B over", core_gzip - CORE_GOAL)
        }
    );
    let app_result = report(ws, "app first load (dist/ but the files fetched on demand)", &app, APP_BUDGET);
    let later_gzip: u64 = later.iter().map(|f| f.gzip).sum();
    println!("\napp files fetched on demand (lazy chunks, demo catalog): {later_gzip} B gzip in all");
    for f in &later {
        let shown = f.path.strip_prefix(&ws.root).unwrap_or(&f.path).display().to_string();
        println!("  {shown:<52} {:>10} {:>10} {:>10}", f.bytes, f.gzip, f.brotli);
    }
    core_result.and(app_result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_chunks_and_the_demo_catalog_are_not_first_load() {
        for name in ["split_suggest_123-ab.wasm", "chunk_12-cd.wasm", "catalog.json"] {
            assert!(on_demand(Path::new("dist").join(name).as_path()), "{name}");
        }
        for name in ["srbackup-web-1_bg.wasm", "__wasm_split-2.js", "index.html", "snippets/x/js/page.js"] {
            assert!(!on_demand(Path::new("dist").join(name).as_path()), "{name}");
        }
    }

    #[test]
    fn gzip_shrinks_repetitive_text_and_keeps_its_size_honest() {
        let path = std::env::temp_dir().join(format!("xtask-gzip-{}", std::process::id()));
        fs::write(&path, "BACKUP SNAPSHOT db.s TO repo;\n".repeat(1000)).unwrap();
        let size = gzip_size(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert!(size > 20 && size < 1000, "{size}");
    }
}
