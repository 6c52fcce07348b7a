//! Spec §7.1 (authorizer rules) and §7.3 (matrix by object kind), row by row: each row of the
//! two tables is named in [`SPEC_ROWS`], and [`ROWS`] holds, for each, a statement whose plan
//! and GRANTs must say what the row says. `every_spec_row_has_a_case` fails when a row has no
//! case; `rows_match_the_spec` runs them.

use starrocks_backup_sql::check::{Catalog, Options, Version};
use starrocks_backup_sql::privileges::*;

/// The rows of spec §7.1 and §7.3, by their first column.
const SPEC_ROWS: &[&str] = &[
    "7.1 any BACKUP",
    "7.1 BACKUP, whole db (no ON)",
    "7.1 BACKUP, table or partition",
    "7.1 BACKUP, synchronous MV",
    "7.1 BACKUP, async MV",
    "7.1 BACKUP, logical view",
    "7.1 BACKUP, UDF",
    "7.1 BACKUP, global UDF",
    "7.1 BACKUP, external catalog(s), incl. ALL",
    "7.1 BACKUP with nothing to back up",
    "7.1 any RESTORE",
    "7.1 RESTORE, external catalog(s)",
    "7.1 RESTORE, whole db (no ON), into a new or existing db",
    "7.1 RESTORE with ON, target db exists",
    "7.1 RESTORE with ON, target db does not exist",
    "7.1 RESTORE, UDF / view / MV items",
    "7.1 SHOW BACKUP",
    "7.1 SHOW RESTORE",
    "7.1 CANCEL BACKUP / CANCEL RESTORE",
    "7.1 SHOW SNAPSHOT",
    "7.1 CREATE REPOSITORY",
    "7.1 DROP REPOSITORY",
    "7.1 DROP SNAPSHOT",
    "7.1 SHOW REPOSITORIES",
    "7.1 Before v3.0: admin_priv",
    "7.1 Uncertainty: views and async MVs",
    "7.3 (always)",
    "7.3 whole database",
    "7.3 table",
    "7.3 partition",
    "7.3 sync MV",
    "7.3 async MV",
    "7.3 logical view",
    "7.3 UDF (db)",
    "7.3 global UDF",
    "7.3 external catalog",
    "7.3 new target db",
];

struct Out {
    plans: Vec<PrivilegePlan>,
    grants: GrantScript,
}

impl Out {
    fn notes(&self) -> String {
        self.plans.iter().flat_map(|p| p.notes.iter().map(|n| n.text.clone())).collect::<Vec<_>>().join("\n")
    }

    fn reqs(&self) -> Vec<&Requirement> {
        self.plans.iter().flat_map(|p| p.requirements.iter()).collect()
    }

    fn req(&self, privilege: Privilege, object: &str) -> &Requirement {
        self.reqs()
            .into_iter()
            .find(|r| r.privilege == privilege && r.object.describe() == object)
            .unwrap_or_else(|| panic!("no {privilege} on {object}"))
    }
}

struct Row {
    /// The spec rows this case shows.
    spec: &'static [&'static str],
    sql: &'static str,
    catalog: bool,
    version: Version,
    scope: Scope,
    /// The GRANTs, exactly, for `ROLE r`.
    grants: &'static [&'static str],
    /// Further checks (denial messages, notes, conditions).
    check: fn(&Out),
}

const REPO: &str = "GRANT REPOSITORY ON SYSTEM TO ROLE r";

fn no_check(_: &Out) {}

const fn row(spec: &'static [&'static str], sql: &'static str, grants: &'static [&'static str]) -> Row {
    Row { spec, sql, catalog: false, version: Version::LATEST, scope: Scope::Auto, grants, check: no_check }
}

static ROWS: &[Row] = &[
    Row {
        check: |o| {
            let r = &o.reqs()[0];
            assert_eq!((r.privilege, r.object_type), (Privilege::Repository, ObjectType::System));
            assert!(r.denial.as_ref().unwrap().message.contains("the REPOSITORY privilege(s) on SYSTEM for this operation"));
        },
        ..row(
            &["7.1 any BACKUP", "7.3 (always)", "7.3 table"],
            "BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1)",
            &[REPO, "GRANT EXPORT ON TABLE db1.t1 TO ROLE r"],
        )
    },
    // Whole database, with a catalog: EXPORT on each table, view and MV found, USAGE on each UDF.
    Row {
        catalog: true,
        scope: Scope::Exact,
        check: |o| {
            for t in ["table `db1`.`t1`", "table `db1`.`t2`", "view `db1`.`v1`", "materialized view `db1`.`mv1`"] {
                o.req(Privilege::Export, t);
            }
            assert!(!o.reqs().iter().any(|r| r.object.describe().contains("tmp1")), "temporary tables are skipped");
            for f in ["function `db1`.`fn1`(INT)", "function `db1`.`fn1`(INT, STRING)"] {
                o.req(Privilege::Usage, f);
            }
        },
        ..row(
            &["7.1 BACKUP, whole db (no ON)", "7.3 whole database"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1",
            &[
                REPO,
                "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r",
                "GRANT USAGE ON FUNCTION db1.fn1(INT) TO ROLE r",
                "GRANT USAGE ON FUNCTION db1.fn1(INT, STRING) TO ROLE r",
                "GRANT USAGE ON FUNCTION db1.fn2(VARCHAR(10), DECIMAL(10, 2)) TO ROLE r",
            ],
        )
    },
    // Whole database, no catalog: "in practice EXPORT ON ALL TABLES IN DATABASE db".
    Row {
        check: |o| {
            assert!(o.notes().contains("Without a catalog the database's contents are not known"));
            let usage = o.req(Privilege::Usage, "every function of `db1`");
            assert_eq!(usage.condition.as_deref(), Some("only if the database has user-defined functions"));
        },
        ..row(
            &["7.1 BACKUP, whole db (no ON)", "7.3 whole database"],
            "BACKUP SNAPSHOT db1.s1 TO repo1",
            &[
                REPO,
                "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r",
                "GRANT USAGE ON ALL FUNCTIONS IN DATABASE db1 TO ROLE r",
            ],
        )
    },
    Row {
        check: |o| {
            let r = o.req(Privilege::Export, "table `db1`.`t1`");
            assert!(r.reason.contains("no partition-level privilege"), "{}", r.reason);
            assert!(r.denial.as_ref().unwrap().message.contains("the EXPORT privilege(s) on TABLE db1.t1"));
        },
        ..row(
            &["7.1 BACKUP, table or partition", "7.3 partition"],
            "BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION (p1, p2))",
            &[REPO, "GRANT EXPORT ON TABLE db1.t1 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| {
            assert!(o.notes().contains("If `sync_mv1` is a synchronous materialized view, it cannot be named"));
            assert!(o.notes().contains("covered by the base table's EXPORT"));
        },
        ..row(
            &["7.1 BACKUP, synchronous MV", "7.3 sync MV"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (MATERIALIZED VIEW sync_mv1)",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r"],
        )
    },
    // A sync MV of a whole database: nothing of its own beyond the table's EXPORT.
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("Synchronous materialized views are indexes of their base tables")),
        ..row(
            &["7.1 BACKUP, synchronous MV", "7.3 sync MV"],
            "BACKUP DATABASE db2 SNAPSHOT s1 TO repo1",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db2 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        scope: Scope::Exact,
        check: |o| {
            let r = o.req(Privilege::Export, "materialized view `db1`.`mv1`");
            assert_eq!(r.object_type, ObjectType::Table);
            assert_eq!(r.certainty, Certainty::Uncertain);
            assert!(r.denial.as_ref().unwrap().message.contains("the EXPORT privilege(s) on TABLE db1.mv1"));
            assert!(o.grants.grants[1].broader_because[0].contains("materialized view"));
        },
        ..row(
            &["7.1 BACKUP, async MV", "7.3 async MV", "7.1 Uncertainty: views and async MVs"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (MATERIALIZED VIEW mv1)",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        scope: Scope::Exact,
        check: |o| {
            let r = o.req(Privilege::Export, "view `db1`.`v1`");
            assert_eq!(r.certainty, Certainty::Uncertain);
            assert!(r.denial.as_ref().unwrap().message.contains("the EXPORT privilege(s) on TABLE db1.v1"));
            let uncertain = o.plans[0].notes.iter().find(|n| n.kind == NoteKind::Uncertain).expect("a note");
            assert!(uncertain.text.contains("EXPORT ON ALL TABLES IN DATABASE db"));
            assert_eq!(o.grants.grants[1].certainty, Certainty::Uncertain);
        },
        ..row(
            &["7.1 BACKUP, logical view", "7.3 logical view", "7.1 Uncertainty: views and async MVs"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (VIEW v1)",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| {
            let r = o.req(Privilege::Usage, "function `db1`.`fn2`(VARCHAR(10), DECIMAL(10, 2))");
            let d = r.denial.as_ref().unwrap();
            assert!(d.mislabelled);
            assert!(d.message.contains("the DROP privilege(s) on FUNCTION db1.fn2(VARCHAR(10), DECIMAL(10, 2))"));
            assert!(o.plans[0].notes.iter().any(|n| n.kind == NoteKind::Mislabelled && n.text.contains("DROP")));
        },
        ..row(
            &["7.1 BACKUP, UDF", "7.3 UDF (db)"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (FUNCTION fn2)",
            &[REPO, "GRANT USAGE ON FUNCTION db1.fn2(VARCHAR(10), DECIMAL(10, 2)) TO ROLE r"],
        )
    },
    // No catalog: argument types unknown, so `ON ALL FUNCTIONS IN DATABASE`, saying why.
    Row {
        check: |o| assert!(o.grants.grants[1].broader_because[0].contains("needs its argument types")),
        ..row(
            &["7.1 BACKUP, UDF", "7.3 UDF (db)"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (FUNCTION fn1)",
            &[REPO, "GRANT USAGE ON ALL FUNCTIONS IN DATABASE db1 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| {
            assert!(o.notes().contains("global functions are never candidates"));
            assert!(o.notes().contains("Invalid backup function(s), function name: global_fn"));
        },
        ..row(
            &["7.1 BACKUP, global UDF", "7.3 global UDF"],
            "BACKUP DATABASE db1 SNAPSHOT s1 TO repo1 ON (FUNCTION global_fn)",
            &[REPO, "GRANT USAGE ON ALL FUNCTIONS IN DATABASE db1 TO ROLE r"],
        )
    },
    Row {
        check: |o| {
            let r = o.req(Privilege::Usage, "catalog `hive_c`");
            let d = r.denial.as_ref().unwrap();
            assert!(d.mislabelled && d.message.contains("the CREATE DATABASE privilege(s) on CATALOG hive_c"));
            assert!(o.notes().contains("grant USAGE, not CREATE DATABASE"));
        },
        ..row(
            &["7.1 BACKUP, external catalog(s), incl. ALL", "7.3 external catalog"],
            "BACKUP EXTERNAL CATALOGS (hive_c, iceberg_c) SNAPSHOT s1 TO repo1",
            &[REPO, "GRANT USAGE ON CATALOG hive_c TO ROLE r", "GRANT USAGE ON CATALOG iceberg_c TO ROLE r"],
        )
    },
    // ALL EXTERNAL CATALOGS with a catalog: each one (exact), or ON ALL CATALOGS (auto).
    Row {
        catalog: true,
        scope: Scope::Exact,
        ..row(
            &["7.1 BACKUP, external catalog(s), incl. ALL", "7.3 external catalog"],
            "BACKUP ALL EXTERNAL CATALOGS SNAPSHOT s1 TO repo1",
            &[REPO, "GRANT USAGE ON CATALOG hive_c TO ROLE r", "GRANT USAGE ON CATALOG iceberg_c TO ROLE r"],
        )
    },
    row(
        &["7.1 BACKUP, external catalog(s), incl. ALL", "7.3 external catalog"],
        "BACKUP ALL EXTERNAL CATALOGS SNAPSHOT s1 TO repo1",
        &[REPO, "GRANT USAGE ON ALL CATALOGS TO ROLE r"],
    ),
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("Database: db_empty is empty")),
        ..row(&["7.1 BACKUP with nothing to back up"], "BACKUP DATABASE db_empty SNAPSHOT s1 TO repo1", &[REPO])
    },
    Row {
        check: |o| {
            assert_eq!(o.reqs()[0].privilege, Privilege::Repository);
            // §8.2 #1: the English RESTORE page is wrong.
            assert!(o.plans[0].notes.iter().any(|n| n.kind == NoteKind::Docs && n.text.contains("EXPORT")));
        },
        ..row(
            &["7.1 any RESTORE", "7.3 (always)", "7.3 new target db"],
            "RESTORE SNAPSHOT db1.s1 FROM repo1 PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE DATABASE ON CATALOG default_catalog TO ROLE r"],
        )
    },
    Row {
        check: |o| {
            let r = o.req(Privilege::CreateExternalCatalog, "SYSTEM");
            assert!(r.denial.as_ref().unwrap().message.contains("CREATE EXTERNAL CATALOG privilege(s) on SYSTEM"));
        },
        ..row(
            &["7.1 RESTORE, external catalog(s)", "7.3 external catalog"],
            "RESTORE SNAPSHOT s1 FROM repo1 EXTERNAL CATALOGS (hive_c AS hive_new) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &["GRANT REPOSITORY, CREATE EXTERNAL CATALOG ON SYSTEM TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| {
            let r = o.req(Privilege::CreateDatabase, "catalog `default_catalog`");
            assert!(r.denial.as_ref().unwrap().message.contains("CREATE DATABASE privilege(s) on CATALOG default_catalog"));
            assert!(o.notes().contains("checks neither CREATE TABLE nor INSERT"));
        },
        ..row(
            &["7.1 RESTORE, whole db (no ON), into a new or existing db", "7.3 whole database", "7.3 new target db"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db1 AS brand_new PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE DATABASE ON CATALOG default_catalog TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| {
            o.req(Privilege::CreateTable, "database `db2`");
            assert!(!o.reqs().iter().any(|r| r.object.describe().contains("t9")), "t9 does not exist in db2");
        },
        ..row(
            &["7.1 RESTORE with ON, target db exists", "7.3 table"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (t1, TABLE t9) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE TABLE ON DATABASE db2 TO ROLE r", "GRANT INSERT ON TABLE db2.t1 TO ROLE r"],
        )
    },
    // The INSERT check is on the original name, not the alias.
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("checks INSERT on the original name `t9`")),
        ..row(
            &["7.1 RESTORE with ON, target db exists", "7.3 table", "7.3 partition"],
            "RESTORE SNAPSHOT db2.s1 FROM repo1 ON (t1 PARTITION (p1) AS t1_old, t9 AS t1) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE TABLE ON DATABASE db2 TO ROLE r", "GRANT INSERT ON TABLE db2.t1 TO ROLE r"],
        )
    },
    // Without a catalog both cases are listed, each with its condition.
    Row {
        check: |o| {
            let c = o.req(Privilege::CreateTable, "database `db2`").condition.clone().unwrap();
            assert!(c.contains("already exists"), "{c}");
            assert!(o.req(Privilege::Insert, "table `db2`.`t1`").condition.is_some());
        },
        ..row(
            &["7.1 RESTORE with ON, target db exists", "7.1 RESTORE with ON, target db does not exist", "7.3 table"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (t1) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE TABLE ON DATABASE db2 TO ROLE r", "GRANT INSERT ON TABLE db2.t1 TO ROLE r"],
        )
    },
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("creates the database when the job is submitted")),
        ..row(
            &["7.1 RESTORE with ON, target db does not exist", "7.3 new target db"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db1 AS brand_new ON (t1, VIEW v1) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO],
        )
    },
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("nothing for FUNCTION items")),
        ..row(
            &["7.1 RESTORE, UDF / view / MV items", "7.3 UDF (db)"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (FUNCTION fn1) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE TABLE ON DATABASE db2 TO ROLE r"],
        )
    },
    // A view or MV item gets the INSERT check only because its name exists, like a table.
    Row {
        catalog: true,
        check: |o| {
            assert_eq!(o.req(Privilege::Insert, "view `db2`.`v1`").certainty, Certainty::Uncertain);
            o.req(Privilege::Insert, "materialized view `db2`.`mv1`");
        },
        ..row(
            &["7.1 RESTORE, UDF / view / MV items", "7.3 async MV", "7.3 logical view", "7.3 sync MV"],
            "RESTORE SNAPSHOT s1 FROM repo1 DATABASE db2 ON (VIEW v1, MATERIALIZED VIEW mv1, VIEW v9) PROPERTIES (\"backup_timestamp\" = \"x\")",
            &[REPO, "GRANT CREATE TABLE ON DATABASE db2 TO ROLE r", "GRANT INSERT ON ALL TABLES IN DATABASE db2 TO ROLE r"],
        )
    },
    Row {
        check: |o| {
            let r = o.req(Privilege::Export, "every table, view and materialized view of `db1`");
            assert!(r.condition.as_ref().unwrap().contains("only to see the jobs"));
        },
        ..row(
            &["7.1 SHOW BACKUP"],
            "SHOW BACKUP FROM db1",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r"],
        )
    },
    row(&["7.1 SHOW BACKUP"], "SHOW BACKUP", &[REPO, "GRANT EXPORT ON ALL TABLES IN ALL DATABASES TO ROLE r"]),
    row(&["7.1 SHOW RESTORE"], "SHOW RESTORE FROM db1", &[REPO]),
    Row {
        catalog: true,
        check: |o| {
            assert!(o.req(Privilege::Export, "every table, view and materialized view of `db1`").condition.as_ref().unwrap().contains("nightly"));
        },
        ..row(
            &["7.1 CANCEL BACKUP / CANCEL RESTORE"],
            "CANCEL BACKUP FROM db1; CANCEL RESTORE FROM db1",
            &[REPO, "GRANT EXPORT ON ALL TABLES IN DATABASE db1 TO ROLE r"],
        )
    },
    // No running BACKUP job on db2 per the catalog: only REPOSITORY.
    Row {
        catalog: true,
        check: |o| assert!(o.notes().contains("No backup job is currently running")),
        ..row(&["7.1 CANCEL BACKUP / CANCEL RESTORE"], "CANCEL BACKUP FROM db2", &[REPO])
    },
    row(&["7.1 SHOW SNAPSHOT"], "SHOW SNAPSHOT ON repo1", &[REPO]),
    Row {
        check: |o| assert!(o.notes().contains("ADMIN privilege")),
        ..row(
            &["7.1 CREATE REPOSITORY"],
            "CREATE REPOSITORY repo2 WITH BROKER ON LOCATION 's3://b/p' PROPERTIES ('k' = 'v')",
            &[REPO],
        )
    },
    row(&["7.1 DROP REPOSITORY"], "DROP REPOSITORY repo2", &[REPO]),
    Row {
        check: |o| {
            assert_eq!(o.reqs()[0].certainty, Certainty::Documented);
            assert_eq!(o.grants.grants[0].certainty, Certainty::Documented);
        },
        ..row(&["7.1 DROP SNAPSHOT"], "DROP SNAPSHOT s1 ON repo1", &[REPO])
    },
    Row {
        check: |o| {
            assert!(o.reqs().is_empty());
            assert!(o.plans[0].notes.iter().any(|n| n.kind == NoteKind::NotFound));
        },
        ..row(&["7.1 SHOW REPOSITORIES"], "SHOW REPOSITORIES", &[])
    },
    Row {
        version: Version::V2_5,
        check: |o| {
            assert_eq!(o.plans[0].model, PrivilegeModel::AdminPriv);
            assert_eq!(o.reqs()[0].privilege, Privilege::AdminPriv);
            assert!(o.plans[0].notes.iter().any(|n| n.kind == NoteKind::Version && n.text.contains("no GRANT is printed")));
        },
        ..row(&["7.1 Before v3.0: admin_priv"], "BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1)", &[])
    },
    Row {
        version: Version::new(2, 0),
        check: |o| assert_eq!(o.plans[0].model, PrivilegeModel::AdminPriv),
        ..row(&["7.1 Before v3.0: admin_priv"], "RESTORE SNAPSHOT db1.s1 FROM repo1 PROPERTIES (\"backup_timestamp\" = \"x\")", &[])
    },
];

#[test]
fn every_spec_row_has_a_case() {
    for spec in SPEC_ROWS {
        assert!(ROWS.iter().any(|r| r.spec.contains(spec)), "no case for spec row `{spec}`");
    }
    for r in ROWS {
        for s in r.spec {
            assert!(SPEC_ROWS.contains(s), "`{s}` is not a spec row");
        }
    }
}

#[test]
fn rows_match_the_spec() {
    let catalog: Catalog = serde_json::from_str(include_str!("privileges/catalog.json")).unwrap();

    for r in ROWS {
        let options = Options {
            target: r.version,
            catalog: r.catalog.then(|| std::sync::Arc::new(catalog.clone())),
            ..Options::default()
        };
        let (script, diags) = starrocks_backup_sql::parse(r.sql);
        assert!(diags.iter().all(|d| !d.is_error()), "{}: {diags:?}", r.sql);
        let plans = explain_script(&script, &options);
        let grants = render_grants(&plans, &GrantOptions { grantee: Grantee::role("r"), scope: r.scope });
        let printed: Vec<&str> = grants.grants.iter().map(|g| g.grant.as_str()).collect();
        assert_eq!(printed, r.grants, "{:?}: {}", r.spec, r.sql);
        assert!(grants.refused.is_empty(), "{}: {:?}", r.sql, grants.refused);
        for g in &grants.grants {
            parse_grant(&g.grant).unwrap();
            parse_grant(&g.revoke).unwrap();
        }
        (r.check)(&Out { plans, grants });
    }
}
