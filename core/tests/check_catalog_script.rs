//! The catalog documentation and its producer script.
//!
//! * `docs/examples/catalog_from_cluster.py` turns the fake cluster outputs under
//!   `docs/examples/cluster/` into exactly `docs/examples/catalog.json`, both from the TSV files
//!   and through a stand-in `mysql` client (`tests/check/catalog/fake_mysql.py`). These two tests
//!   need `python3`; where it is missing they say so on stderr and pass.
//! * Every JSON example in `docs/catalog.md`, and `docs/examples/catalog.json`, is a catalog this
//!   crate accepts, and the example catalog drives the checks the documentation shows.

use serde_json::Value;
use starrocks_backup_sql::check::{Catalog, Options};
use starrocks_backup_sql::parse_and_check;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

fn read(rel: &str) -> String {
    let p = repo_path(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn example_catalog() -> Catalog {
    serde_json::from_str(&read("docs/examples/catalog.json"))
        .expect("docs/examples/catalog.json is a catalog")
}

fn python3() -> Option<&'static str> {
    let ok = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("python3 is not installed: the catalog script is not tested here");
    }
    ok.then_some("python3")
}

/// Runs the script with `args` (from `docs/examples/`) and returns its JSON output.
fn run_script(python: &str, args: &[&str]) -> Value {
    let out = Command::new(python)
        .arg("catalog_from_cluster.py")
        .args(args)
        .current_dir(repo_path("docs/examples"))
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "the script failed:\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "the script warned:\n{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let _: Catalog = serde_json::from_str(&text).expect("the script writes a catalog this crate accepts");
    serde_json::from_str(&text).expect("JSON")
}

fn committed_example() -> Value {
    serde_json::from_str(&read("docs/examples/catalog.json")).expect("JSON")
}

#[test]
fn script_turns_tsv_outputs_into_the_example_catalog() {
    let Some(python) = python3() else { return };
    let produced = run_script(python, &["--from-dir", "cluster"]);
    assert_eq!(produced, committed_example(), "regenerate docs/examples/catalog.json (see docs/catalog.md)");
}

#[test]
fn script_runs_queries_through_the_mysql_client() {
    let Some(python) = python3() else { return };
    let fake = repo_path("core/tests/check/catalog/fake_mysql.py");
    let client = format!("{python} {} cluster", fake.display());
    let produced = run_script(python, &["--mysql", &client, "--database", "sales", "--snapshot-details"]);
    assert_eq!(produced, committed_example());
}

#[test]
fn documented_catalogs_are_accepted() {
    let doc = read("docs/catalog.md");
    let mut blocks = 0;
    let mut rest = doc.as_str();
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("```").expect("a closed code block");
        let json = &body[..end];
        if let Err(e) = serde_json::from_str::<Catalog>(json) {
            panic!("docs/catalog.md example {} is not a catalog: {e}\n{json}", blocks + 1);
        }
        blocks += 1;
        rest = &body[end..];
    }
    assert!(blocks >= 2, "docs/catalog.md should show full and minimal catalogs");
    let c = example_catalog();
    assert_eq!(c.current_database.as_deref(), Some("sales"));
    assert!(c.databases.iter().any(|d| d.name == "staging_area" && d.tables.is_empty()));
}

#[test]
fn unknown_fields_are_rejected() {
    let err = serde_json::from_str::<Catalog>(r#"{"databases": [{"name": "a", "table": []}]}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `table`"), "{err}");
}

/// The walk-through in docs/catalog.md: these statements against the example catalog.
#[test]
fn example_catalog_drives_the_checks() {
    let options = Options { catalog: Some(std::sync::Arc::new(example_catalog())), ..Options::default() };
    let codes = |sql: &str| -> Vec<&'static str> {
        let (_, diags) = parse_and_check(sql, &options);
        let mut codes: Vec<_> = diags.iter().filter(|d| !d.code.starts_with("SR7")).map(|d| d.code).collect();
        codes.sort_unstable();
        codes
    };
    // orders has a temporary partition; sales_2024 is taken; a BACKUP of sales is running.
    assert_eq!(
        codes("BACKUP SNAPSHOT sales.sales_2024 TO s3_repo ON (orders);"),
        ["SR503", "SR504", "SR506"]
    );
    assert_eq!(codes("BACKUP DATABASE ref SNAPSHOT ref_2025 TO archive_repo;"), ["SR502"]);
    assert_eq!(codes("SHOW BACKUP FROM Sales;"), ["SR401"]);
    assert_eq!(
        codes(
            "RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy ON (TABLE regions) \
             PROPERTIES (\"backup_timestamp\" = \"2024-12-09-10-25-58-842\");"
        ),
        // The example cluster has two alive backends: RESTORE's default of 3 replicas is too many.
        ["SR415", "SR513", "SR517"]
    );
    assert!(codes("BACKUP DATABASE ref SNAPSHOT ref_2025 TO s3_repo;").is_empty());
}
