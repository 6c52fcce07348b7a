//! The façade: each stage runs once per change of what it depends on, and its reports agree
//! with the stages they wrap.

use starrocks_backup_sql::check::{Catalog, ClusterMode, Version};
use starrocks_backup_sql::plan::{AnyPlan, Syntax};
use starrocks_backup_sql::privileges::{Grantee, Scope};
use starrocks_backup_sql::workspace::{companions_of, sql_from_plan, StageRuns};
use starrocks_backup_sql::{parse_and_check, PositionEncoding, Settings, Workspace};
use std::sync::Arc;

const SCRIPT: &str = "BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders, VIEW v1);\n\
                      RESTORE SNAPSHOT sales.s FROM repo ON (TABLE orders AS o2);\n";

fn runs(ws: &Workspace) -> [u32; 5] {
    let StageRuns { parse, check, format, privileges, grants } = ws.stage_runs();
    [parse, check, format, privileges, grants]
}

#[test]
fn each_stage_runs_once_until_what_it_depends_on_changes() {
    let mut ws = Workspace::new(SCRIPT, Settings::default());
    assert_eq!(runs(&ws), [0; 5], "nothing is computed up front");
    let _ = ws.check_report();
    let _ = ws.formatted();
    let _ = ws.privilege_report();
    let _ = ws.check_report();
    let _ = ws.formatted();
    let _ = ws.grant_sql();
    assert_eq!(runs(&ws), [1, 1, 1, 1, 1]);

    // The grantee changes: only the GRANTs are rendered again.
    ws.set_settings(Settings { grantee: Grantee::role("ops"), ..ws.settings().clone() });
    let _ = ws.check_report();
    let _ = ws.grant_sql();
    assert_eq!(runs(&ws), [1, 1, 1, 1, 2]);
    assert!(ws.grant_sql().contains("TO ROLE ops"));

    // The target changes: checks and privileges again, not the parse or the format.
    ws.set_settings(Settings { target: Version::new(3, 3), ..ws.settings().clone() });
    let _ = ws.check_report();
    let _ = ws.formatted();
    let _ = ws.grant_sql();
    assert_eq!(runs(&ws), [1, 2, 1, 2, 3]);

    // The same text again: nothing.
    ws.set_text(SCRIPT);
    let _ = ws.check_report();
    assert_eq!(runs(&ws), [1, 2, 1, 2, 3]);

    // A new text: everything, when asked.
    ws.set_text("SHOW BACKUP FROM sales");
    let _ = ws.check_report();
    assert_eq!(runs(&ws), [2, 3, 1, 2, 3]);
    let _ = ws.formatted();
    assert_eq!(runs(&ws), [2, 3, 2, 2, 3]);
}

#[test]
fn an_equal_catalog_keeps_the_checks_a_different_one_drops_them() {
    let catalog: Catalog = Catalog { current_database: Some("sales".into()), ..Catalog::default() };
    let mut ws =
        Workspace::new(SCRIPT, Settings { catalog: Some(Arc::new(catalog.clone())), ..Settings::default() });
    let _ = ws.diagnostics();
    ws.set_settings(Settings { catalog: Some(Arc::new(catalog.clone())), ..ws.settings().clone() });
    let _ = ws.diagnostics();
    assert_eq!(ws.stage_runs().check, 1);
    let other = Catalog { current_database: Some("other".into()), ..catalog };
    ws.set_settings(Settings { catalog: Some(Arc::new(other)), ..ws.settings().clone() });
    let _ = ws.diagnostics();
    assert_eq!(ws.stage_runs().check, 2);
}

#[test]
fn the_check_report_is_parse_and_check() {
    let cases = [
        ("RESTORE SNAPSHOT sales.snap FROM repo ON (TABLE orders)", Settings::default()),
        (SCRIPT, Settings { target: Version::new(3, 3), ..Settings::default() }),
        (SCRIPT, Settings { cluster: ClusterMode::SharedData, ..Settings::default() }),
        ("BACKUP SNAPSHOT db.s INTO r; SELECT 1; DROP SNAPSHOT x", Settings::default()),
    ];
    for (text, settings) in cases {
        let report = Workspace::new(text, settings.clone()).check_report();
        let (script, diagnostics) = parse_and_check(text, &settings.options());
        assert_eq!(report.diagnostics, diagnostics, "{text}");
        assert_eq!(report.statements.len(), script.statements.len());
        assert_eq!(report.errors, diagnostics.iter().filter(|d| d.is_error()).count());
        assert_eq!(report.errors + report.warnings + report.infos, diagnostics.len());
    }
    let report =
        Workspace::new("RESTORE SNAPSHOT sales.snap FROM repo ON (TABLE orders)", Settings::default())
            .check_report();
    assert!(report.diagnostics.iter().any(|d| d.code == "SR326"), "the missing backup_timestamp");
}

#[test]
fn statements_have_kinds_spans_and_summaries() {
    let ws = Workspace::new(SCRIPT, Settings::default());
    let statements = ws.statements();
    let kinds: Vec<String> = statements
        .iter()
        .map(|s| serde_json::to_value(s.kind).unwrap().as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["backup", "restore"]);
    assert_eq!(statements[0].summary, "BACKUP DATABASE sales SNAPSHOT s (2 objects)");
    assert_eq!(statements[1].summary, "RESTORE SNAPSHOT sales.s (1 object)");
    assert_eq!(
        statements[0].span.slice(SCRIPT),
        "BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders, VIEW v1)"
    );
    assert_eq!(ws.statement_at(0), Some(0));
    assert_eq!(ws.statement_at(SCRIPT.find("RESTORE").unwrap() + 3), Some(1));
    assert_eq!(Workspace::new("", Settings::default()).statement_at(0), None);
}

#[test]
fn reports_serialise_with_positions_in_the_encoding_asked() {
    let text = "-- 😀\nRESTORE SNAPSHOT sales.snap FROM repo ON (TABLE orders)";
    let ws = Workspace::new(text, Settings::default());
    let report = ws.check_report();
    let json = starrocks_backup_sql::span::with_positions(text, PositionEncoding::Utf16, || {
        serde_json::to_value(&report).unwrap()
    });
    let statement = &json["statements"][0]["span"];
    assert_eq!(statement["start"], 6, "after a UTF-16 surrogate pair: 3 + 2 + 1");
    assert_eq!(statement["line"], 2);
    assert_eq!(statement["column"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "SR326");
    assert!(d["span"]["endColumn"].as_u64().unwrap() >= 1);
    assert!(d.get("starrocksMessage").is_some(), "fields are camelCase: {d}");
}

#[test]
fn plans_load_from_the_statement_at_the_cursor_and_write_back() {
    let ws = Workspace::new(SCRIPT, Settings::default());
    let first = ws.plan_at(None);
    assert_eq!(first.statement, Some(0));
    assert!(matches!(first.plan, Some(AnyPlan::Backup(_))));
    let second = ws.plan_at(Some(SCRIPT.find("RESTORE").unwrap()));
    assert_eq!(second.statement, Some(1));
    let Some(AnyPlan::Restore(restore)) = &second.plan else { panic!("{second:?}") };
    assert_eq!(restore.objects.len(), 1);

    let backup = first.plan.unwrap();
    let sql = sql_from_plan(&backup, ws.settings());
    assert_eq!(
        sql.sql.as_deref(),
        Some("BACKUP DATABASE sales SNAPSHOT s\nTO repo\nON (TABLE orders, VIEW v1);\n")
    );
    assert!(sql.problems.is_empty());

    // A statement the builder cannot hold says why.
    let other = Workspace::new("SHOW BACKUP", Settings::default()).plan_at(None);
    assert!(other.plan.is_none());
    assert_eq!(other.diagnostics[0].code, "SR801");
}

#[test]
fn conversion_and_companions_go_through_the_loaded_plan() {
    let ws =
        Workspace::new("BACKUP SNAPSHOT sales.s TO repo ON (orders PARTITION (p1))", Settings::default());
    let converted = ws.convert(Syntax::V34, None);
    assert_eq!(
        converted.sql.as_deref(),
        Some("BACKUP DATABASE sales SNAPSHOT s\nTO repo\nON (TABLE orders PARTITION (p1));\n")
    );
    let companions = ws.companions(None);
    let c = companions.companions.expect("a BACKUP has companions");
    assert!(c.restore.sql.starts_with("RESTORE SNAPSHOT sales.s"), "{}", c.restore.sql);

    let restore = Workspace::new(SCRIPT, Settings::default()).plan_at(Some(SCRIPT.len() - 3)).plan.unwrap();
    let none = companions_of(&restore);
    assert!(none.companions.is_none());
    assert!(none.problems[0].message.contains("SHOW RESTORE"));
}

#[test]
fn privilege_reports_carry_both_scripts() {
    let mut ws = Workspace::new(
        "BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders)",
        Settings {
            grantee: Grantee::parse("USER 'u'@'%'").unwrap(),
            scope: Scope::Exact,
            ..Settings::default()
        },
    );
    let report = ws.privilege_report();
    assert!(
        report.grant_sql.contains("GRANT EXPORT ON TABLE sales.orders TO USER 'u'@'%';"),
        "{}",
        report.grant_sql
    );
    assert!(
        report.revoke_sql.contains("REVOKE EXPORT ON TABLE sales.orders FROM USER 'u'@'%';"),
        "{}",
        report.revoke_sql
    );
    assert_eq!(report.plans.len(), 1);
    ws.set_text("BACKUP SNAPSHOT");
    assert_eq!(ws.privilege_report().diagnostics.len(), 1, "the syntax error is reported");
}

#[test]
fn formatting_refuses_to_drop_text() {
    let ws = Workspace::new("backup snapshot db.s to r", Settings::default());
    assert_eq!(ws.formatted().text, "BACKUP SNAPSHOT db.s\nTO r;\n");
    assert!(ws.formatted().changed);
    // `#` is a character StarRocks's lexer drops (SR003): a formatted copy would lose it.
    let text = "backup snapshot db.s to r # note";
    let ws = Workspace::new(text, Settings::default());
    assert_eq!(ws.formatted().text, text);
    assert!(!ws.formatted().changed);
    assert_eq!(ws.formatted().blocked_by[0].code, "SR003");
}

#[test]
fn rules_and_version() {
    let rules = starrocks_backup_sql::workspace::rules();
    assert!(rules.len() > 50);
    assert!(rules.windows(2).all(|w| w[0].code < w[1].code));
    assert!(rules.iter().any(|r| r.code == "SR326"));
    assert_eq!(starrocks_backup_sql::workspace::version(), env!("CARGO_PKG_VERSION"));
}

mod builder {
    use starrocks_backup_sql::plan::{ObjectKind, Part, PlanEdit, PlanObject};
    use starrocks_backup_sql::{Settings, Workspace};

    const TWO: &str = "SHOW BACKUP;\n-- nightly\nBACKUP DATABASE sales SNAPSHOT s /* why */ TO repo ON (TABLE a);\nSHOW SNAPSHOT ON repo;\n";

    #[test]
    fn an_edit_rewrites_only_the_statement_at_the_cursor_and_keeps_its_comments() {
        let ws = Workspace::new(TWO, Settings::default());
        let at = TWO.find("SNAPSHOT s").unwrap();
        let add = PlanEdit::AddObject { object: PlanObject::view("v") };
        let applied = ws.apply_edit(at, &add).unwrap();
        assert_eq!(
            applied.text,
            "SHOW BACKUP;\n-- nightly\n/* why */\nBACKUP DATABASE sales SNAPSHOT s\nTO repo\nON (TABLE a, VIEW v);\nSHOW SNAPSHOT ON repo;\n"
        );
        assert!(applied.span.slice(&applied.text).starts_with("BACKUP DATABASE"));
        assert!(applied.span.slice(&applied.text).ends_with("VIEW v)"));
        // The cursor on another statement: nothing to edit, and the reason.
        assert!(ws.apply_edit(0, &add).unwrap_err().message.contains("another statement"));
    }

    #[test]
    fn a_statement_the_plan_cannot_hold_whole_is_not_rewritten() {
        let sql = "BACKUP DATABASE d SNAPSHOT s TO r ON (TABLE t PARTITION (k = 1))";
        let ws = Workspace::new(sql, Settings::default());
        let e = ws.apply_edit(0, &PlanEdit::All { kind: ObjectKind::View, on: true }).unwrap_err();
        assert!(e.message.contains("without losing part of it"), "{}", e.message);
    }

    #[test]
    fn the_builder_view_puts_each_diagnostic_on_its_part() {
        let sql = "SHOW BACKUP;\nBACKUP DATABASE `my-db` SNAPSHOT s TO repo ON (TABLE t, TABLE t)";
        let ws = Workspace::new(sql, Settings::default());
        let view = ws.builder_at(sql.len());
        assert_eq!(view.statement, Some(1));
        assert_eq!(view.parts.len(), ws.diagnostics().len());
        assert!(view.parts.contains(&Some(Part::Database)), "{:?}", view.parts);
        assert!(view.parts.contains(&Some(Part::Object(1))), "{:?}", view.parts);
    }

    #[test]
    fn a_new_plan_is_inserted_after_the_statement_at_the_cursor() {
        let ws = Workspace::new("SHOW BACKUP;\nSHOW SNAPSHOT ON r;", Settings::default());
        let plan = starrocks_backup_sql::plan::AnyPlan::Backup(
            starrocks_backup_sql::BackupPlan::new("d", "s", "r", Default::default()).unwrap(),
        );
        let applied = ws.insert_plan(0, &plan).unwrap();
        assert_eq!(
            applied.text,
            "SHOW BACKUP;\n\nBACKUP DATABASE d SNAPSHOT s\nTO r;\n\nSHOW SNAPSHOT ON r;"
        );
        assert_eq!(applied.span.slice(&applied.text), "BACKUP DATABASE d SNAPSHOT s\nTO r");
        let empty = Workspace::new("", Settings::default()).insert_plan(0, &plan).unwrap();
        assert_eq!(empty.text, "BACKUP DATABASE d SNAPSHOT s\nTO r;\n");
    }
}
