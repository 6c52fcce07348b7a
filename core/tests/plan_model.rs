//! The builder model's editing operations: each keeps the plan valid or returns the typed
//! error that says why not, and a refused operation leaves the plan as it was.

use starrocks_backup_sql::check::Version;
use starrocks_backup_sql::plan::*;

fn latest() -> PlanOptions {
    PlanOptions::default()
}

fn v3_3() -> PlanOptions {
    PlanOptions::for_target(Version::new(3, 3))
}

fn backup(options: PlanOptions) -> BackupPlan {
    BackupPlan::new("sales", "nightly", "repo", options).unwrap()
}

fn restore() -> RestorePlan {
    RestorePlan::new("nightly", "repo", Some("sales".into()), latest()).unwrap()
}

/// Runs `op` and checks that it fails with `expected` and leaves the plan unchanged.
fn refused<P: Clone + PartialEq + std::fmt::Debug, T: std::fmt::Debug>(
    plan: &mut P,
    expected: PlanError,
    op: impl FnOnce(&mut P) -> Result<T, PlanError>,
) {
    let before = plan.clone();
    let result = op(plan);
    assert_eq!(result.unwrap_err(), expected);
    assert_eq!(*plan, before, "a refused operation changed the plan");
}

#[test]
fn builds_a_backup_in_both_syntaxes() {
    let mut plan = backup(latest());
    assert_eq!(plan.syntax, Syntax::V34);
    assert_eq!(plan.to_sql().unwrap(), "BACKUP DATABASE sales SNAPSHOT nightly\nTO repo;\n");
    plan.add_object(PlanObject::table("orders").with_partitions(["p1", "p2"])).unwrap();
    plan.add_object(PlanObject::table("customers")).unwrap();
    plan.set_timeout(Some(7200)).unwrap();
    assert_eq!(
        plan.to_sql().unwrap(),
        "BACKUP DATABASE sales SNAPSHOT nightly\nTO repo\nON (TABLE orders PARTITION (p1, p2), TABLE customers)\n\
         PROPERTIES (\"timeout\" = \"7200\");\n"
    );
    plan.set_syntax(Syntax::Pre34).unwrap();
    assert_eq!(
        plan.to_sql().unwrap(),
        "BACKUP SNAPSHOT sales.nightly\nTO repo\nON (orders PARTITION (p1, p2), customers)\n\
         PROPERTIES (\"timeout\" = \"7200\");\n"
    );
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
}

#[test]
fn a_new_plan_takes_the_syntax_of_its_target() {
    assert_eq!(backup(v3_3()).syntax, Syntax::Pre34);
    assert_eq!(backup(v3_3()).to_sql().unwrap(), "BACKUP SNAPSHOT sales.nightly\nTO repo;\n");
    assert_eq!(
        BackupPlan::new("", "s", "r", latest()).unwrap_err(),
        PlanError::EmptyName { role: NameRole::Database }
    );
    assert_eq!(
        BackupPlan::new("d", "s`x", "r", latest()).unwrap_err(),
        PlanError::UnrepresentableName { role: NameRole::Snapshot, name: "s`x".into() }
    );
}

#[test]
fn names_with_a_backquote_or_empty_are_refused() {
    let mut plan = backup(latest());
    refused(&mut plan, PlanError::UnrepresentableName { role: NameRole::Object, name: "a`b".into() }, |p| {
        p.add_object(PlanObject::table("a`b"))
    });
    refused(&mut plan, PlanError::EmptyName { role: NameRole::Object }, |p| {
        p.add_object(PlanObject::view(""))
    });
    refused(
        &mut plan,
        PlanError::UnrepresentableName { role: NameRole::Partition, name: "p`".into() },
        |p| p.add_object(PlanObject::table("t").with_partitions(["p`"])),
    );
    refused(&mut plan, PlanError::EmptyName { role: NameRole::Repository }, |p| p.set_repository(""));
    refused(&mut plan, PlanError::UnrepresentableName { role: NameRole::Database, name: "`".into() }, |p| {
        p.set_database(Some("`".into()))
    });
    // StarRocks's name rules for databases and repositories.
    refused(&mut plan, PlanError::InvalidName { role: NameRole::Database, name: "my db".into() }, |p| {
        p.set_database(Some("my db".into()))
    });
    refused(&mut plan, PlanError::InvalidName { role: NameRole::Repository, name: "1repo".into() }, |p| {
        p.set_repository("1repo")
    });
    refused(&mut plan, PlanError::InvalidName { role: NameRole::Repository, name: "_".into() }, |p| {
        p.set_repository("_")
    });
    refused(&mut plan, PlanError::InvalidName { role: NameRole::Database, name: "d".repeat(257) }, |p| {
        p.set_database(Some("d".repeat(257)))
    });
    plan.set_database(Some(format!("_1{}", "d".repeat(254)))).unwrap();
    plan.set_repository("select").unwrap();
    assert!(plan.to_sql().unwrap().contains("TO `select`"));
    // Names StarRocks reads only in backquotes are fine: the formatter quotes them.
    plan.add_object(PlanObject::table("select")).unwrap();
    plan.add_object(PlanObject::table("my table")).unwrap();
    assert!(plan.to_sql().unwrap().contains("ON (TABLE `select`, TABLE `my table`)"));
}

#[test]
fn partitions_belong_to_named_tables_only() {
    let mut plan = backup(latest());
    refused(&mut plan, PlanError::PartitionsNotAllowed { kind: ObjectKind::View }, |p| {
        p.add_object(PlanObject::view("v").with_partitions(["p1"]))
    });
    plan.add_object(PlanObject::materialized_view("mv")).unwrap();
    plan.add_object(PlanObject::all(ObjectKind::Table)).unwrap();
    plan.add_object(PlanObject::table("t")).unwrap();
    refused(&mut plan, PlanError::PartitionsNotAllowed { kind: ObjectKind::MaterializedView }, |p| {
        p.set_partitions(0, Some(Partitions::new(["p1"])))
    });
    refused(&mut plan, PlanError::NotNamed { index: 1 }, |p| {
        p.set_partitions(1, Some(Partitions::new(["p1"])))
    });
    refused(&mut plan, PlanError::EmptyPartitionList, |p| {
        p.set_partitions(2, Some(Partitions::new(Vec::<String>::new())))
    });
    refused(&mut plan, PlanError::DuplicatePartition { name: "p1".into() }, |p| {
        p.set_partitions(2, Some(Partitions::new(["p1", "p2", "p1"])))
    });
    refused(&mut plan, PlanError::TemporaryPartitions, |p| {
        p.set_partitions(2, Some(Partitions { names: vec!["p1".into()], temporary: true }))
    });
    refused(&mut plan, PlanError::IndexOutOfRange { index: 3, len: 3 }, |p| p.set_partitions(3, None));
    plan.set_partitions(2, Some(Partitions::new(["p1", "P1"]))).unwrap();
    assert_eq!(plan.objects[2], PlanObject::table("t").with_partitions(["p1", "P1"]));
    plan.set_partitions(2, None).unwrap();
    assert_eq!(plan.objects[2], PlanObject::table("t"));
}

#[test]
fn duplicates_follow_starrocks_namespaces_and_case_rules() {
    let mut plan = backup(latest());
    plan.add_object(PlanObject::table("t1")).unwrap();
    // Tables, views and MVs share a namespace.
    refused(&mut plan, PlanError::DuplicateObject { name: "t1".into(), existing: ObjectKind::Table }, |p| {
        p.add_object(PlanObject::view("t1"))
    });
    // From 3.4 the comparison is case-sensitive (StarRocks accepts `ON (t3, T3)`).
    plan.add_object(PlanObject::table("T1")).unwrap();
    // Functions have their own namespace, matched case-insensitively.
    plan.add_object(PlanObject::function("t1")).unwrap();
    refused(
        &mut plan,
        PlanError::DuplicateObject { name: "T1".into(), existing: ObjectKind::Function },
        |p| p.add_object(PlanObject::function("T1")),
    );
    plan.set_all(ObjectKind::View, true).unwrap();
    refused(&mut plan, PlanError::DuplicateAll { kind: ObjectKind::View }, |p| {
        p.add_object(PlanObject::all(ObjectKind::View))
    });

    // Before 3.4 the comparison ignores case.
    let mut old = backup(v3_3());
    old.add_object(PlanObject::table("t1")).unwrap();
    refused(&mut old, PlanError::DuplicateObject { name: "T1".into(), existing: ObjectKind::Table }, |p| {
        p.add_object(PlanObject::table("T1"))
    });
}

#[test]
fn editing_an_object_does_not_clash_with_itself() {
    let mut plan = backup(latest());
    plan.add_objects([PlanObject::table("a"), PlanObject::table("b"), PlanObject::view("c")]).unwrap();
    plan.replace_object(0, PlanObject::table("a").with_partitions(["p"])).unwrap();
    plan.replace_object(2, PlanObject::materialized_view("c")).unwrap();
    refused(&mut plan, PlanError::DuplicateObject { name: "b".into(), existing: ObjectKind::Table }, |p| {
        p.replace_object(0, PlanObject::view("b"))
    });
    refused(&mut plan, PlanError::IndexOutOfRange { index: 5, len: 3 }, |p| {
        p.replace_object(5, PlanObject::table("x"))
    });
    assert_eq!(
        plan.objects,
        vec![
            PlanObject::table("a").with_partitions(["p"]),
            PlanObject::table("b"),
            PlanObject::materialized_view("c")
        ]
    );
}

#[test]
fn moves_removes_and_inserts() {
    let mut plan = backup(latest());
    plan.add_objects(["a", "b", "c"].map(PlanObject::table)).unwrap();
    plan.move_object(0, 2).unwrap();
    assert_eq!(plan.objects, ["b", "c", "a"].map(PlanObject::table));
    plan.move_object(2, 0).unwrap();
    assert_eq!(plan.objects, ["a", "b", "c"].map(PlanObject::table));
    refused(&mut plan, PlanError::IndexOutOfRange { index: 3, len: 3 }, |p| p.move_object(0, 3));
    assert_eq!(plan.remove_object(1).unwrap(), PlanObject::table("b"));
    refused(&mut plan, PlanError::IndexOutOfRange { index: 2, len: 2 }, |p| p.remove_object(2));
    plan.insert_object(1, PlanObject::view("v")).unwrap();
    assert_eq!(plan.objects, vec![PlanObject::table("a"), PlanObject::view("v"), PlanObject::table("c")]);
    refused(&mut plan, PlanError::IndexOutOfRange { index: 4, len: 3 }, |p| {
        p.insert_object(4, PlanObject::view("w"))
    });
}

#[test]
fn adding_many_is_all_or_nothing() {
    let mut plan = backup(latest());
    plan.add_object(PlanObject::table("a")).unwrap();
    refused(&mut plan, PlanError::DuplicateObject { name: "b".into(), existing: ObjectKind::Table }, |p| {
        p.add_objects([PlanObject::table("b"), PlanObject::table("c"), PlanObject::view("b")])
    });
    assert_eq!(plan.objects.len(), 1);
}

#[test]
fn toggles_all_of_a_kind() {
    let mut plan = backup(latest());
    plan.set_all(ObjectKind::Table, true).unwrap();
    plan.set_all(ObjectKind::Table, true).unwrap();
    plan.set_all(ObjectKind::Function, true).unwrap();
    assert_eq!(plan.objects, vec![PlanObject::all(ObjectKind::Table), PlanObject::all(ObjectKind::Function)]);
    assert!(plan.to_sql().unwrap().contains("ON (ALL TABLES, ALL FUNCTIONS)"));
    plan.set_all(ObjectKind::Table, false).unwrap();
    plan.set_all(ObjectKind::View, false).unwrap();
    assert_eq!(plan.objects, vec![PlanObject::all(ObjectKind::Function)]);
}

#[test]
fn the_pre_3_4_syntax_lists_tables_only() {
    let mut plan = backup(v3_3());
    let needs = |what: &str| PlanError::NeedsNewSyntax { what: what.into() };
    refused(&mut plan, needs("VIEW items"), |p| p.add_object(PlanObject::view("v")));
    refused(&mut plan, needs("FUNCTION items"), |p| p.add_object(PlanObject::function("f")));
    refused(&mut plan, needs("MATERIALIZED VIEW items"), |p| {
        p.add_object(PlanObject::materialized_view("m"))
    });
    refused(&mut plan, needs("`ALL TABLES`"), |p| p.set_all(ObjectKind::Table, true));
    plan.set_database(None).unwrap();
    refused(&mut plan, needs("external catalogs"), |p| p.set_catalogs(Some(BackupCatalogs::All)));
    // 3.4 syntax on a 3.3 target.
    refused(
        &mut plan,
        PlanError::NeedsVersion {
            feature: "the 3.4 syntax".into(),
            since: Version::V3_4,
            target: Version::new(3, 3),
        },
        |p| p.set_syntax(Syntax::V34).map_err(|mut e| e.remove(0)),
    );
}

#[test]
fn functions_need_a_name_starrocks_accepts() {
    let mut plan = backup(latest());
    refused(
        &mut plan,
        PlanError::InvalidFunctionName {
            name: "1f".into(),
            reason: "a function name cannot start with a digit".into(),
        },
        |p| p.add_object(PlanObject::function("1f")),
    );
    refused(
        &mut plan,
        PlanError::InvalidFunctionName {
            name: "my-fn".into(),
            reason: "a function name holds only letters, digits and `_`".into(),
        },
        |p| p.add_object(PlanObject::function("my-fn")),
    );
    plan.add_object(PlanObject::function("fn_été_2")).unwrap();
}

#[test]
fn catalogs_exclude_database_and_objects() {
    let mut plan = BackupPlan::for_catalogs(BackupCatalogs::All, "cats", "repo", latest()).unwrap();
    assert_eq!(plan.to_sql().unwrap(), "BACKUP ALL EXTERNAL CATALOGS SNAPSHOT cats\nTO repo;\n");
    refused(&mut plan, PlanError::CatalogsWithObjects, |p| p.add_object(PlanObject::table("t")));
    refused(&mut plan, PlanError::CatalogsWithObjects, |p| p.set_all(ObjectKind::Table, true));
    refused(&mut plan, PlanError::CatalogsWithDatabase, |p| p.set_database(Some("d".into())));
    refused(&mut plan, PlanError::EmptyCatalogList, |p| {
        p.set_catalogs(Some(BackupCatalogs::List { names: vec![] }))
    });
    refused(&mut plan, PlanError::DefaultCatalog, |p| {
        p.set_catalogs(Some(BackupCatalogs::List { names: vec!["hive".into(), "Default_Catalog".into()] }))
    });
    refused(&mut plan, PlanError::DuplicateCatalog { name: "HIVE".into() }, |p| {
        p.set_catalogs(Some(BackupCatalogs::List { names: vec!["hive".into(), "HIVE".into()] }))
    });
    plan.set_catalogs(Some(BackupCatalogs::List { names: vec!["hive".into(), "iceberg".into()] })).unwrap();
    assert_eq!(plan.to_sql().unwrap(), "BACKUP EXTERNAL CATALOGS (hive, iceberg) SNAPSHOT cats\nTO repo;\n");

    let mut db = backup(latest());
    refused(&mut db, PlanError::CatalogsWithDatabase, |p| p.set_catalogs(Some(BackupCatalogs::All)));
}

#[test]
fn properties_are_typed_and_checked() {
    let mut plan = backup(PlanOptions::for_target(Version::V3_4));
    refused(&mut plan, PlanError::TimeoutTooShort { seconds: 599 }, |p| p.set_timeout(Some(599)));
    refused(&mut plan, PlanError::TimeoutTooShort { seconds: 60 }, |p| p.set_property("timeout", "60"));
    refused(
        &mut plan,
        PlanError::InvalidPropertyValue {
            key: "timeout".into(),
            value: "1h".into(),
            expected: "a whole number of seconds".into(),
        },
        |p| p.set_property("timeout", "1h"),
    );
    refused(
        &mut plan,
        PlanError::InvalidPropertyValue {
            key: "type".into(),
            value: "DIFF".into(),
            expected: "FULL or INCREMENTAL".into(),
        },
        |p| p.set_property("type", "DIFF"),
    );
    refused(
        &mut plan,
        PlanError::NeedsVersion {
            feature: "the `ttl` property".into(),
            since: Version::V4_2,
            target: Version::V3_4,
        },
        |p| p.set_ttl(Some("7 DAY".into())),
    );
    plan.set_property("type", "full").unwrap();
    plan.set_property("timeout", "3600").unwrap();
    plan.set_property("custom.key", "a").unwrap();
    plan.set_property("custom.key", "b").unwrap();
    assert_eq!(plan.properties.backup_type, Some(BackupType::Full));
    assert_eq!(plan.properties.timeout, Some(3600));
    assert_eq!(plan.properties.extra, vec![Property { key: "custom.key".into(), value: "b".into() }]);
    assert_eq!(
        plan.properties.entries(),
        vec![
            ("type".into(), "FULL".into()),
            ("timeout".into(), "3600".into()),
            ("custom.key".into(), "b".into())
        ]
    );
    assert!(plan.remove_property("custom.key"));
    assert!(!plan.remove_property("custom.key"));
    plan.set_backup_type(None);
    assert!(plan.to_sql().unwrap().ends_with("PROPERTIES (\"timeout\" = \"3600\");\n"));
    plan.set_target(Version::V4_2).unwrap();
    plan.set_ttl(Some("7 DAY".into())).unwrap();
    refused(
        &mut plan,
        PlanError::NeedsVersion {
            feature: "the `ttl` property".into(),
            since: Version::V4_2,
            target: Version::V3_4,
        },
        |p| p.set_target(Version::V3_4),
    );
}

#[test]
fn a_known_key_with_a_bad_value_loaded_from_sql_stays_verbatim_until_set() {
    let loaded = BackupPlan::from_sql(
        "BACKUP SNAPSHOT d.s TO r PROPERTIES ('timeout' = 'soon', 'type' = 'Incremental')",
        latest(),
    );
    let mut plan = loaded.plan.unwrap();
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(plan.properties.backup_type, Some(BackupType::Incremental));
    assert_eq!(plan.properties.extra, vec![Property { key: "timeout".into(), value: "soon".into() }]);
    assert_eq!(
        plan.validate(),
        vec![PlanError::InvalidPropertyValue {
            key: "timeout".into(),
            value: "soon".into(),
            expected: "a whole number of seconds".into()
        }]
    );
    plan.set_timeout(Some(900)).unwrap();
    assert!(plan.properties.extra.is_empty());
    assert!(plan.validate().is_empty());
}

#[test]
fn changing_the_target_keeps_the_plan_valid() {
    let mut plan = backup(latest());
    refused(
        &mut plan,
        PlanError::NeedsVersion {
            feature: "the 3.4 syntax".into(),
            since: Version::V3_4,
            target: Version::new(3, 3),
        },
        |p| p.set_target(Version::new(3, 3)),
    );
    let mut old = backup(PlanOptions::for_target(Version::V3_4));
    old.set_syntax(Syntax::Pre34).unwrap();
    old.add_objects([PlanObject::table("t"), PlanObject::table("T")]).unwrap();
    // 3.3 compares names case-insensitively: `t` and `T` would clash.
    refused(&mut old, PlanError::DuplicateObject { name: "T".into(), existing: ObjectKind::Table }, |p| {
        p.set_target(Version::new(3, 3))
    });
    old.remove_object(1).unwrap();
    old.set_target(Version::new(3, 3)).unwrap();
}

#[test]
fn validate_reports_what_a_loaded_plan_breaks() {
    let plan = BackupPlan::from_sql(
        "BACKUP DATABASE d SNAPSHOT s TO r ON (t1, TABLE t1, VIEW v PARTITION_X, ALL VIEWS, ALL VIEW) \
         PROPERTIES ('timeout' = '5')",
        latest(),
    );
    // `VIEW v PARTITION_X` does not parse, so use what does.
    assert!(plan.plan.is_none());
    let plan = BackupPlan::from_sql(
        "BACKUP DATABASE d SNAPSHOT s TO r ON (t1, TABLE t1, TEMPORARY_T TEMPORARY PARTITION (p), ALL VIEWS, ALL VIEW) \
         PROPERTIES ('timeout' = '5')",
        latest(),
    )
    .plan
    .unwrap();
    assert_eq!(
        plan.validate(),
        vec![
            PlanError::DuplicateObject { name: "t1".into(), existing: ObjectKind::Table },
            PlanError::TemporaryPartitions,
            PlanError::DuplicateAll { kind: ObjectKind::View },
            PlanError::TimeoutTooShort { seconds: 5 },
        ]
    );
    // It is still written back as it was loaded.
    assert_eq!(
        plan.to_sql().unwrap(),
        "BACKUP DATABASE d SNAPSHOT s\nTO r\nON (\n    TABLE t1,\n    TABLE t1,\n    TABLE TEMPORARY_T TEMPORARY PARTITION (p),\n    \
         ALL VIEWS,\n    ALL VIEWS\n)\nPROPERTIES (\"timeout\" = \"5\");\n"
    );
}

#[test]
fn restore_renames_objects_and_the_database() {
    let mut plan = restore();
    plan.add_object(PlanObject::table("orders").with_alias("orders_old")).unwrap();
    plan.add_object(PlanObject::function("f").with_alias("f2")).unwrap();
    plan.set_database(Some("sales".into()), Some("sales_copy".into())).unwrap();
    plan.set_backup_timestamp("2024-12-09-10-25-58-842");
    plan.set_property("allow_load", "TRUE").unwrap();
    plan.set_property("replication_num", "1").unwrap();
    assert_eq!(
        plan.to_sql().unwrap(),
        "RESTORE SNAPSHOT nightly\nFROM repo\nDATABASE sales AS sales_copy\nON (TABLE orders AS orders_old, FUNCTION f AS f2)\n\
         PROPERTIES (\n    \"backup_timestamp\" = \"2024-12-09-10-25-58-842\",\n    \"allow_load\" = \"true\",\n    \
         \"replication_num\" = \"1\"\n);\n"
    );
    assert!(plan.validate().is_empty(), "{:?}", plan.validate());
    // StarRocks's alias rules: an alias must differ from every listed name and alias.
    refused(&mut plan, PlanError::DuplicateAlias { alias: "orders_old".into() }, |p| {
        p.add_object(PlanObject::table("orders_old"))
    });
    refused(&mut plan, PlanError::DuplicateAlias { alias: "orders_old".into() }, |p| {
        p.add_object(PlanObject::view("v").with_alias("orders_old"))
    });
    refused(&mut plan, PlanError::DuplicateAlias { alias: "t".into() }, |p| {
        p.add_object(PlanObject::table("t").with_alias("t"))
    });
    plan.add_object(PlanObject::table("items")).unwrap();
    refused(&mut plan, PlanError::DuplicateAlias { alias: "items".into() }, |p| {
        p.set_alias(0, Some("items".into()))
    });
    plan.set_alias(0, None).unwrap();
    refused(&mut plan, PlanError::UnrepresentableName { role: NameRole::Alias, name: "x`".into() }, |p| {
        p.set_alias(2, Some("x`".into()))
    });
}

#[test]
fn restore_rules_on_database_catalogs_and_properties() {
    let mut plan = RestorePlan::new("s", "r", None, latest()).unwrap();
    assert_eq!(plan.validate(), vec![PlanError::MissingProperty { key: "backup_timestamp".into() }]);
    refused(&mut plan, PlanError::DatabaseRequired { needed_for: "a RESTORE with an ON list".into() }, |p| {
        p.add_object(PlanObject::table("t"))
    });
    refused(&mut plan, PlanError::AliasWithoutDatabase, |p| p.set_database(None, Some("x".into())));
    plan.set_catalogs(Some(RestoreCatalogs::List {
        catalogs: vec![CatalogRename { name: "hive".into(), alias: Some("hive_new".into()) }],
    }))
    .unwrap();
    refused(&mut plan, PlanError::CatalogsWithDatabase, |p| p.set_database(Some("d".into()), None));
    refused(&mut plan, PlanError::DefaultCatalog, |p| {
        p.set_catalogs(Some(RestoreCatalogs::List {
            catalogs: vec![CatalogRename { name: "hive".into(), alias: Some("default_catalog".into()) }],
        }))
    });
    refused(
        &mut plan,
        PlanError::InvalidPropertyValue {
            key: "allow_load".into(),
            value: "yes".into(),
            expected: "true or false".into(),
        },
        |p| p.set_property("allow_load", "yes"),
    );
    refused(
        &mut plan,
        PlanError::InvalidPropertyValue {
            key: "meta_version".into(),
            value: "x".into(),
            expected: "a whole number".into(),
        },
        |p| p.set_property("meta_version", "x"),
    );

    let mut old = RestorePlan::new("s", "r", Some("d".into()), v3_3()).unwrap();
    refused(&mut old, PlanError::NeedsNewSyntax { what: "`DATABASE … AS`".into() }, |p| {
        p.set_database(Some("d".into()), Some("d2".into()))
    });
    old.add_object(PlanObject::table("t").with_alias("t2")).unwrap();
    old.set_backup_timestamp("ts");
    assert_eq!(
        old.to_sql().unwrap(),
        "RESTORE SNAPSHOT d.s\nFROM r\nON (t AS t2)\nPROPERTIES (\"backup_timestamp\" = \"ts\");\n"
    );
}

#[test]
fn a_backup_has_no_aliases() {
    let mut plan = backup(latest());
    refused(&mut plan, PlanError::AliasInBackup, |p| p.add_object(PlanObject::table("t").with_alias("t2")));
}

#[test]
fn serialises_to_json_and_back() {
    let mut plan = backup(latest());
    plan.add_object(PlanObject::table("t").with_partitions(["p1"])).unwrap();
    plan.set_all(ObjectKind::View, true).unwrap();
    plan.set_property("type", "full").unwrap();
    plan.set_property("x", "y").unwrap();
    plan.options.grantee = "'bob'@'%'".into();
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(
        json["objects"][0],
        serde_json::json!({"select": "named", "kind": "table", "name": "t", "partitions": {"names": ["p1"], "temporary": false}, "alias": null})
    );
    assert_eq!(json["objects"][1], serde_json::json!({"select": "all", "kind": "view"}));
    assert_eq!(json["properties"]["type"], "full");
    assert_eq!(json["syntax"], "v3.4");
    assert_eq!(json["options"]["target"], "4.2", "versions are strings");
    let back: BackupPlan = serde_json::from_value(json).unwrap();
    assert_eq!(back, plan);

    // Optional fields may be left out.
    let minimal: BackupPlan = serde_json::from_str(
        r#"{"database": "d", "snapshot": "s", "repository": "r", "syntax": "legacy",
            "objects": [{"select": "named", "kind": "table", "name": "t"}]}"#,
    )
    .unwrap();
    assert_eq!(minimal.to_sql().unwrap(), "BACKUP SNAPSHOT d.s\nTO r\nON (t);\n");

    let any: AnyPlan =
        serde_json::from_str(&serde_json::to_string(&AnyPlan::Restore(restore())).unwrap()).unwrap();
    assert_eq!(any, AnyPlan::Restore(restore()));

    let err = serde_json::to_value(PlanError::DuplicateAll { kind: ObjectKind::Table }).unwrap();
    assert_eq!(err, serde_json::json!({"error": "duplicate_all", "kind": "table"}));
}

#[test]
fn a_plan_from_json_that_breaks_the_grammar_is_not_written() {
    let mut plan = backup(latest());
    plan.objects.push(PlanObject::Named(NamedObject {
        kind: ObjectKind::View,
        name: "v".into(),
        partitions: Some(Partitions::new(["p"])),
        alias: None,
    }));
    assert_eq!(plan.to_sql().unwrap_err(), PlanError::PartitionsNotAllowed { kind: ObjectKind::View });
    plan.objects = vec![PlanObject::table("a`b")];
    assert_eq!(
        plan.to_sql().unwrap_err(),
        PlanError::UnrepresentableName { role: NameRole::Object, name: "a`b".into() }
    );
    plan.objects = vec![PlanObject::view("v")];
    plan.syntax = Syntax::Pre34;
    assert_eq!(plan.to_sql().unwrap_err(), PlanError::NeedsNewSyntax { what: "the view `v`".into() });
    plan.objects.clear();
    plan.database = None;
    plan.syntax = Syntax::V34;
    plan.catalogs = Some(BackupCatalogs::List { names: vec![] });
    assert_eq!(plan.to_sql().unwrap_err(), PlanError::EmptyCatalogList);
}

#[test]
fn errors_read_well() {
    assert_eq!(
        PlanError::PartitionsNotAllowed { kind: ObjectKind::View }.to_string(),
        "only named tables take partitions, not a view"
    );
    assert_eq!(
        PlanError::NeedsNewSyntax { what: "the view `v`".into() }.to_string(),
        "the view `v` can only be written in the 3.4+ syntax (`DATABASE db SNAPSHOT snap`)"
    );
    assert_eq!(
        PlanError::UnrepresentableName { role: NameRole::Object, name: "a`b".into() }.to_string(),
        "the object name `a`b` contains a backquote, which StarRocks cannot read in any name"
    );
}
