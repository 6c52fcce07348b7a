//! Statements to start from: the examples of StarRocks's BACKUP and RESTORE reference pages
//! (both syntaxes), with the `backup_timestamp` every RESTORE needs, and new-statement
//! templates for the builder.

use starrocks_backup_sql::plan::{AnyPlan, PlanEdit};
use starrocks_backup_sql::{BackupPlan, Settings};

/// (menu label, SQL).
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "BACKUP a table (before 3.4)",
        "BACKUP SNAPSHOT example_db.snapshot_label1\nTO example_repo\nON (example_tbl)\nPROPERTIES (\"type\" = \"full\");\n",
    ),
    (
        "BACKUP partitions of a table and another table (before 3.4)",
        "BACKUP SNAPSHOT example_db.snapshot_label2\nTO example_repo\nON (example_tbl PARTITION (p1, p2), example_tbl2);\n",
    ),
    ("BACKUP a whole database (3.4+)", "BACKUP DATABASE sr_hub SNAPSHOT sr_hub_backup\nTO test_repo;\n"),
    (
        "BACKUP tables (3.4+)",
        "BACKUP DATABASE sr_hub SNAPSHOT sr_member_backup\nTO test_repo\nON (TABLE sr_member, TABLE sr_pmc);\n",
    ),
    ("BACKUP all tables (3.4+)", "BACKUP DATABASE sr_hub SNAPSHOT sr_all_backup\nTO test_repo\nON (ALL TABLES);\n"),
    (
        "BACKUP materialized views (3.4+)",
        "BACKUP DATABASE sr_hub SNAPSHOT sr_mv_backup\nTO test_repo\nON (MATERIALIZED VIEW sr_mv1, MATERIALIZED VIEW sr_mv2);\n",
    ),
    ("BACKUP all views (3.4+)", "BACKUP DATABASE sr_hub SNAPSHOT sr_view_backup\nTO test_repo\nON (ALL VIEWS);\n"),
    ("BACKUP functions (3.4+)", "BACKUP DATABASE sr_hub SNAPSHOT sr_udf_backup\nTO test_repo\nON (FUNCTION sr_udf);\n"),
    ("BACKUP an external catalog (3.4+)", "BACKUP EXTERNAL CATALOG (iceberg)\nSNAPSHOT iceberg_backup\nTO test_repo;\n"),
    ("BACKUP all external catalogs (3.4+)", "BACKUP ALL EXTERNAL CATALOGS\nSNAPSHOT all_catalog_backup\nTO test_repo;\n"),
    (
        "RESTORE a table under a new name (before 3.4)",
        "RESTORE SNAPSHOT example_db1.snapshot_2\nFROM example_repo\nON (backup_tbl PARTITION (p1, p2), backup_tbl2 AS new_tbl)\nPROPERTIES (\"backup_timestamp\" = \"2018-05-04-17-11-01\");\n",
    ),
    (
        "RESTORE a whole database into a new one (3.4+)",
        "RESTORE SNAPSHOT sr_hub_backup\nFROM test_repo\nDATABASE sr_hub AS sr_hub_new\nPROPERTIES (\"backup_timestamp\" = \"2024-12-09-10-25-58-842\");\n",
    ),
    (
        "RESTORE tables with renames (3.4+)",
        "RESTORE SNAPSHOT sr_member_backup\nFROM test_repo\nDATABASE sr_hub\nON (TABLE sr_member AS sr_member_new, TABLE sr_pmc PARTITION (p1))\nPROPERTIES (\"backup_timestamp\" = \"2024-12-09-10-52-10-940\", \"replication_num\" = \"1\");\n",
    ),
    (
        "RESTORE all tables (3.4+)",
        "RESTORE SNAPSHOT sr_all_backup\nFROM test_repo\nDATABASE sr_hub\nON (ALL TABLES)\nPROPERTIES (\"backup_timestamp\" = \"2024-12-09-10-25-58-842\");\n",
    ),
    (
        "RESTORE an external catalog under a new name (3.4+)",
        "RESTORE SNAPSHOT iceberg_backup\nFROM test_repo\nEXTERNAL CATALOG (iceberg AS iceberg_new)\nPROPERTIES (\"backup_timestamp\" = \"2024-12-09-10-25-58-842\");\n",
    ),
    (
        "A mistake to learn from: RESTORE without backup_timestamp",
        "RESTORE SNAPSHOT sr_all_backup FROM test_repo DATABASE sr_hub ON (ALL TABLES);\n",
    ),
];

/// What the editor holds on a first visit.
pub const FIRST_VISIT: &str = "BACKUP DATABASE sales SNAPSHOT sales_20240601\nTO s3_repo\nON (TABLE orders PARTITION (p20240601, p20240602), TABLE customers)\nPROPERTIES (\"type\" = \"FULL\", \"timeout\" = \"86400\");\n";

/// A new BACKUP with names to replace.
pub fn new_backup(settings: Settings) -> AnyPlan {
    let plan = BackupPlan::new("my_db", format!("my_db_{}", today()), "my_repo", settings.plan_options())
        .expect("the template's names are valid");
    AnyPlan::Backup(plan)
}

/// A new RESTORE with names to replace.
pub fn new_restore(settings: Settings) -> AnyPlan {
    let backup = new_backup(settings);
    let restore = starrocks_backup_sql::plan::apply_edit(&backup, &PlanEdit::Statement { restore: true });
    restore.unwrap_or(backup)
}

/// Today's date as `YYYYMMDD` (the browser's local date).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}{:02}{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
