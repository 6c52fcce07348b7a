//! End-to-end tests of `srbackup grants`.

mod common;
use common::srbackup;

use starrocks_backup_sql::privileges::parse_grant;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// The statements of a script: every line that is not a comment or blank.
fn statements(sql: &str) -> Vec<&str> {
    sql.lines().filter(|l| !l.starts_with("--") && !l.trim().is_empty()).collect()
}

const CATALOG: &str = "../core/tests/privileges/catalog.json";
const SCRIPT: &str = "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (TABLE t1, FUNCTION fn2);\n\
                      RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (t1) PROPERTIES (\"backup_timestamp\" = \"x\");\n";

#[test]
fn sql_script_from_stdin_is_ready_to_run() {
    let out = srbackup(&["grants", "--to", "ROLE backup_op", "--catalog", CATALOG], SCRIPT);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sql = text(&out.stdout);
    assert_eq!(
        statements(&sql),
        [
            "GRANT REPOSITORY ON SYSTEM TO ROLE backup_op;",
            "GRANT EXPORT ON TABLE db1.t1 TO ROLE backup_op;",
            "GRANT USAGE ON FUNCTION db1.fn2(VARCHAR(10), DECIMAL(10, 2)) TO ROLE backup_op;",
            "GRANT CREATE TABLE ON DATABASE db2 TO ROLE backup_op;",
            "GRANT INSERT ON TABLE db2.t1 TO ROLE backup_op;",
        ]
    );
    for s in statements(&sql) {
        parse_grant(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    }
    // A comment per grant says why, where, and how to undo it.
    assert!(sql.contains("--   why: BACKUP checks EXPORT on each table it copies."), "{sql}");
    assert!(sql.contains("--   needed by: <stdin>:1: table `t1`"), "{sql}");
    assert!(sql.contains("--   undo: REVOKE EXPORT ON TABLE db1.t1 FROM ROLE backup_op;"), "{sql}");
    assert!(sql.contains("[misleading message]"), "{sql}");
}

#[test]
fn merged_grants_and_scopes() {
    let both = "BACKUP DATABASE db2 SNAPSHOT s1 TO repo1 ON (t1);\n\
                RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (t1) PROPERTIES (\"backup_timestamp\" = \"x\");\n";
    let out = srbackup(&["grants", "--to", "USER 'bob'@'%'", "--catalog", CATALOG, "--exact"], both);
    assert_eq!(out.status.code(), Some(0));
    let sql = text(&out.stdout);
    assert!(statements(&sql).contains(&"GRANT INSERT, EXPORT ON TABLE db2.t1 TO USER 'bob'@'%';"), "{sql}");
    let out = srbackup(&["grants", "--to", "USER bob@10.0.0.1", "--broad"], both);
    let sql = text(&out.stdout);
    assert!(
        statements(&sql)
            .contains(&"GRANT INSERT, EXPORT ON ALL TABLES IN DATABASE db2 TO USER 'bob'@'10.0.0.1';"),
        "{sql}"
    );
    let out = srbackup(&["grants", "--to", "ROLE r", "--exact", "--broad"], both);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_report() {
    let dir = std::env::temp_dir().join(format!("srbackup-grants-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("job.sql");
    std::fs::write(&file, SCRIPT).unwrap();
    let out = srbackup(
        &["grants", file.to_str().unwrap(), "--to", "ROLE r", "--format", "json", "--target-version", "3.4"],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["targetVersion"], "3.4");
    assert_eq!(v["plans"].as_array().unwrap().len(), 2);
    assert_eq!(v["plans"][0]["statement"], "BACKUP");
    assert_eq!(v["plans"][0]["location"], format!("{}:1", file.display()));
    let req = &v["plans"][0]["requirements"][2];
    assert_eq!(req["privilege"], "USAGE");
    assert_eq!(req["objectType"], "FUNCTION");
    assert_eq!(req["denial"]["mislabelled"], true);
    let grants = v["grants"]["grants"].as_array().unwrap();
    assert_eq!(grants[0]["grant"], "GRANT REPOSITORY ON SYSTEM TO ROLE r");
    assert_eq!(grants[0]["revoke"], "REVOKE REPOSITORY ON SYSTEM FROM ROLE r");
    // No catalog: the function's argument types are unknown, so ALL FUNCTIONS, saying why.
    let f = grants.iter().find(|g| g["objectType"] == "FUNCTION").unwrap();
    assert_eq!(f["on"], "ALL FUNCTIONS IN DATABASE db1");
    assert!(f["broaderBecause"][0].as_str().unwrap().contains("argument types"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn before_3_0_there_is_no_grant() {
    let out = srbackup(&["grants", "--to", "ROLE r", "--target-version", "2.5"], SCRIPT);
    assert_eq!(out.status.code(), Some(0));
    let sql = text(&out.stdout);
    assert!(statements(&sql).is_empty(), "{sql}");
    assert!(sql.contains("admin_priv"), "{sql}");
}

#[test]
fn refusals_and_errors_exit_1() {
    // A catalog table whose name holds a backquote cannot be granted exactly.
    let dir = std::env::temp_dir().join(format!("srbackup-grants-bq-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cat = dir.join("catalog.json");
    std::fs::write(&cat, r#"{"databases": [{"name": "db1", "tables": [{"name": "a`b"}]}]}"#).unwrap();
    let out = srbackup(
        &["grants", "--to", "ROLE r", "--exact", "--catalog", cat.to_str().unwrap()],
        "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1;",
    );
    assert_eq!(out.status.code(), Some(1));
    let sql = text(&out.stdout);
    assert!(sql.contains("-- Not granted:"), "{sql}");
    assert!(sql.contains("holds a backquote"), "{sql}");
    assert!(sql.contains("ON ALL TABLES IN DATABASE db1"), "the broad form is suggested: {sql}");
    assert!(!statements(&sql).iter().any(|s| s.contains("a`b") || s.contains("TABLE db1")), "{sql}");
    std::fs::remove_dir_all(&dir).ok();

    let out = srbackup(&["grants", "--to", "ROLE r"], "BACKUP SNAPSHOT TO;");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("<stdin>:1"), "{}", text(&out.stderr));
}

#[test]
fn bad_grantee_is_a_usage_error() {
    let out = srbackup(&["grants", "--to", "bob"], SCRIPT);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ROLE name"), "{}", text(&out.stderr));
    let out = srbackup(&["grants"], SCRIPT);
    assert_eq!(out.status.code(), Some(2));
}
