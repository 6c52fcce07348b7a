//! End-to-end tests of the `srbackup` binary.

mod common;
use common::srbackup;

use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

#[test]
fn lines_json_gives_one_object_per_line_in_order() {
    let out = srbackup(&["check", "--lines", "--format", "json", "tests/data/mixed.sql"], "");
    assert_eq!(out.status.code(), Some(1), "errors present → exit 1");
    let text = stdout(&out);
    let objs: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(objs.len(), 10);
    let ok: Vec<bool> = objs.iter().map(|o| o["ok"].as_bool().unwrap()).collect();
    assert_eq!(ok, [true, false, false, false, true, false, true, false, true, true]);
    for (i, o) in objs.iter().enumerate() {
        assert_eq!(o["line"], i + 1);
    }
    let has =
        |i: usize, code: &str| objs[i]["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == code);
    assert!(has(1, "SR104")); // BAKUP → did you mean BACKUP
    assert!(has(2, "SR110")); // missing TO
    assert!(has(3, "SR205") && has(3, "SR326")); // ON without database; no backup_timestamp
    assert!(has(4, "SR003")); // `#` ignored: a warning, still ok
    assert!(has(5, "SR102")); // trailing comma
    assert!(has(6, "SR107")); // not in the family: info
    assert!(has(7, "SR207")); // CANCEL without database
                              // Notes accompany statements that will run, never ones with errors.
    assert!(has(0, "SR702") && !has(3, "SR703"));
    // Positions: `line` is the file's line; spans are within the line (its line 1),
    // columns 1-based, counted in characters by default.
    assert_eq!(objs[2]["line"], 3);
    let d = &objs[2]["diagnostics"][0];
    assert_eq!(d["span"]["line"], 1);
    assert_eq!(d["span"]["column"], 27);
    assert_eq!(d["span"]["start"], 26);
    assert_eq!(d["fix"]["edits"][0]["replacement"], "TO ");
    assert_eq!(d["fix"]["edits"][0]["span"]["start"], 26);
    for key in ["code", "severity", "kind", "message", "span", "expected", "help", "fix", "starrocksMessage"]
    {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    for key in ["start", "end", "line", "column", "endLine", "endColumn"] {
        assert!(d["span"].get(key).is_some(), "missing span.{key}");
    }
}

#[test]
fn check_exit_codes() {
    assert_eq!(srbackup(&["check"], "SHOW BACKUP;").status.code(), Some(0));
    assert_eq!(srbackup(&["check"], "SHOW BACKUP FROM").status.code(), Some(1));
    assert_eq!(srbackup(&["check", "--nope"], "").status.code(), Some(2));
    assert_eq!(srbackup(&["check", "tests/data/does-not-exist.sql"], "").status.code(), Some(2));
}

#[test]
fn human_output_is_rustc_style() {
    let out = srbackup(&["check", "--color", "never"], "BACKUP SNAPSHOT db.s TO r ON ()");
    let text = stdout(&out);
    assert!(text.contains("error[SR103]: empty list: ON () needs at least one item"), "{text}");
    assert!(text.contains("--> <stdin>:1:31"), "{text}");
    assert!(text.contains("checked 1 input: 1 error"), "{text}");
}

#[test]
fn json_document_has_files_and_summary() {
    let out = srbackup(&["check", "--format", "json"], "SHOW BACKUP # FROM d;\nCANCEL RESTORE;");
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON document");
    let statements = doc["files"][0]["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 2);
    assert_eq!(statements[1]["kind"], "cancel_restore");
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 1);
    assert_eq!(doc["files"][0]["diagnostics"][1]["span"]["line"], 2);
    assert_eq!(doc["positionEncoding"], "utf32");
}

#[test]
fn position_encodings_count_offsets_and_columns_in_their_units() {
    // `😀` is 4 bytes, 2 UTF-16 units, 1 character.
    let text = "-- 😀\nSHOW BACKUP FROM";
    let at = |encoding: &str| {
        let out = srbackup(&["check", "--format", "json", "--position-encoding", encoding], text);
        let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON document");
        let span = doc["files"][0]["statements"][0]["span"].clone();
        (span["start"].as_u64().unwrap(), span["line"].as_u64().unwrap(), span["endColumn"].as_u64().unwrap())
    };
    assert_eq!(at("utf8"), (8, 2, 17));
    assert_eq!(at("utf16"), (6, 2, 17));
    assert_eq!(at("utf32"), (5, 2, 17));
}

#[test]
fn fmt_formats_stdin_and_checks_files() {
    let out = srbackup(&["fmt"], "show backup in db1 limit 5");
    assert_eq!(stdout(&out), "SHOW BACKUP FROM db1 LIMIT 5;\n");
    assert_eq!(out.status.code(), Some(0));
    let out = srbackup(&["fmt", "--check", "tests/data/mixed.sql"], "");
    assert_eq!(out.status.code(), Some(1), "mixed.sql is not canonical");
    // Formatting must not silently delete characters StarRocks ignores.
    let out = srbackup(&["fmt"], "SHOW BACKUP # FROM db1");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}

#[test]
fn fmt_round_trips_through_check() {
    let out = srbackup(&["fmt"], "restore snapshot db1.s from r on (t1 partition p1 as t2, view v) properties ('backup_timestamp'='2024-01-01-00-00-00')");
    let formatted = stdout(&out);
    let again = srbackup(&["fmt", "--check"], &formatted);
    assert_eq!(again.status.code(), Some(0), "formatted output is already canonical:\n{formatted}");
    assert_eq!(srbackup(&["check"], &formatted).status.code(), Some(0));
}

/// The cluster-snapshot statements go through the same façade: checked (shared-data only,
/// StarRocks's analyzer messages), formatted and explained (OPERATE, storage volume USAGE).
#[test]
fn cluster_snapshot_statements_are_checked_formatted_and_granted() {
    let sql = "admin set automated cluster snapshot on interval 0 hour storage volume sv1;\n\
               drop cluster snapshot if exists s1;\n";
    let out = srbackup(&["check", "--format", "json"], sql);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for code in ["SR609", "SR361", "SR108"] {
        assert!(text.contains(&format!("\"{code}\"")), "{code} missing: {text}");
    }
    assert!(text.contains("Automated snapshot only support share data mode"), "{text}");
    // In shared-data mode only the analyzer's and the grammar's errors remain.
    let out = srbackup(&["check", "--shared-data", "--format", "json"], sql);
    let text = stdout(&out);
    assert!(!text.contains("\"SR609\"") && text.contains("\"SR361\""), "{text}");

    let out = srbackup(
        &["fmt"],
        "admin set automated cluster snapshot on interval 30 minute storage volume `my sv`;",
    );
    assert_eq!(
        stdout(&out),
        "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON\nINTERVAL 30 MINUTE\nSTORAGE VOLUME `my sv`;\n"
    );

    let out = srbackup(
        &["grants", "--to", "ROLE snapshots"],
        "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON STORAGE VOLUME sv1; CREATE CLUSTER SNAPSHOT s1;",
    );
    let text = stdout(&out);
    assert!(text.contains("GRANT OPERATE ON SYSTEM TO ROLE snapshots"), "{text}");
    assert!(text.contains("GRANT USAGE ON STORAGE VOLUME sv1 TO ROLE snapshots"), "{text}");
    assert!(text.contains("No privilege rule for CREATE CLUSTER SNAPSHOT was found"), "{text}");
}
