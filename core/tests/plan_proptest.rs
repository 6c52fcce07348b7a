//! plan → SQL → plan for generated plans: whatever names (any text without a backquote),
//! objects and properties a plan holds, writing it and loading the SQL back gives the same
//! plan, with nothing reported.

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use starrocks_backup_sql::plan::*;

/// Names: plain identifiers, keywords, and any text without a backquote (blanks, quotes,
/// control characters, non-ASCII), including the empty name.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z_][a-z0-9_]{0,8}",
        1 => prop::sample::select(vec!["select", "TABLE", "all", "snapshot", "views", "Database", "1a", "1", "$x", "_"])
            .prop_map(String::from),
        3 => "[^`]{0,10}",
    ]
}

fn kind() -> impl Strategy<Value = ObjectKind> {
    prop::sample::select(ObjectKind::ALL.to_vec())
}

fn partitions() -> impl Strategy<Value = Partitions> {
    (vec(name(), 1..4), any::<bool>()).prop_map(|(names, temporary)| Partitions { names, temporary })
}

/// An object that `syntax` can write; `alias` decides whether named objects may carry one.
fn object(syntax: Syntax, alias: bool) -> BoxedStrategy<PlanObject> {
    let alias = if alias { option::of(name()).boxed() } else { Just(None).boxed() };
    let named_kind = match syntax {
        Syntax::Pre34 => Just(ObjectKind::Table).boxed(),
        Syntax::V34 => kind().boxed(),
    };
    let named =
        (named_kind, name(), option::of(partitions()), alias).prop_map(|(kind, name, partitions, alias)| {
            PlanObject::Named(NamedObject {
                kind,
                name,
                partitions: if kind == ObjectKind::Table { partitions } else { None },
                alias,
            })
        });
    match syntax {
        Syntax::Pre34 => named.boxed(),
        Syntax::V34 => prop_oneof![4 => named, 1 => kind().prop_map(|kind| PlanObject::All { kind })].boxed(),
    }
}

/// Extra properties: unique keys that are not typed ones (those load into typed fields).
fn extra(known: &'static [&'static str]) -> impl Strategy<Value = Vec<Property>> {
    btree_map("[^`]{0,8}", "[^`]{0,8}", 0..4).prop_map(move |m| {
        m.into_iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(key, value)| Property { key, value })
            .collect()
    })
}

fn syntax() -> impl Strategy<Value = Syntax> {
    prop::sample::select(vec![Syntax::Pre34, Syntax::V34])
}

fn backup_properties() -> impl Strategy<Value = BackupProperties> {
    (
        option::of(prop::sample::select(vec![BackupType::Full, BackupType::Incremental])),
        option::of(any::<i64>()),
        option::of("[^`]{0,8}"),
        extra(&["type", "timeout", "ttl"]),
    )
        .prop_map(|(backup_type, timeout, ttl, extra)| BackupProperties {
            backup_type,
            timeout,
            ttl,
            extra,
        })
}

fn restore_properties() -> impl Strategy<Value = RestoreProperties> {
    (
        option::of("[^`]{0,12}"),
        option::of(any::<i64>()),
        option::of(any::<bool>()),
        option::of(any::<i32>()),
        option::of(any::<i32>()),
        option::of(any::<i32>()),
        extra(&[
            "backup_timestamp",
            "timeout",
            "allow_load",
            "replication_num",
            "meta_version",
            "starrocks_meta_version",
        ]),
    )
        .prop_map(
            |(
                backup_timestamp,
                timeout,
                allow_load,
                replication_num,
                meta_version,
                starrocks_meta_version,
                extra,
            )| {
                RestoreProperties {
                    backup_timestamp,
                    timeout,
                    allow_load,
                    replication_num,
                    meta_version,
                    starrocks_meta_version,
                    extra,
                }
            },
        )
}

fn backup_plan() -> impl Strategy<Value = BackupPlan> {
    syntax().prop_flat_map(|syntax| {
        let catalogs = match syntax {
            Syntax::Pre34 => Just(None).boxed(),
            Syntax::V34 => option::weighted(
                0.2,
                prop_oneof![
                    Just(BackupCatalogs::All),
                    vec(name(), 1..4).prop_map(|names| BackupCatalogs::List { names }),
                ],
            )
            .boxed(),
        };
        (option::of(name()), name(), name(), catalogs, vec(object(syntax, false), 0..6), backup_properties())
            .prop_map(move |(database, snapshot, repository, catalogs, objects, properties)| BackupPlan {
                database,
                snapshot,
                repository,
                syntax,
                catalogs,
                objects,
                properties,
                options: PlanOptions::default(),
            })
    })
}

fn restore_plan() -> impl Strategy<Value = RestorePlan> {
    syntax().prop_flat_map(|syntax| {
        let catalogs = match syntax {
            Syntax::Pre34 => Just(None).boxed(),
            Syntax::V34 => option::weighted(
                0.2,
                prop_oneof![
                    Just(RestoreCatalogs::All),
                    vec((name(), option::of(name())), 1..4).prop_map(|c| RestoreCatalogs::List {
                        catalogs: c.into_iter().map(|(name, alias)| CatalogRename { name, alias }).collect(),
                    }),
                ],
            )
            .boxed(),
        };
        let database_alias = match syntax {
            Syntax::Pre34 => Just(None).boxed(),
            Syntax::V34 => option::of(name()).boxed(),
        };
        (
            option::of(name()),
            database_alias,
            name(),
            name(),
            catalogs,
            vec(object(syntax, true), 0..6),
            restore_properties(),
        )
            .prop_map(
                move |(database, database_alias, snapshot, repository, catalogs, objects, properties)| {
                    RestorePlan {
                        snapshot,
                        repository,
                        syntax,
                        database_alias: database.as_ref().and(database_alias),
                        database,
                        catalogs,
                        objects,
                        properties,
                        options: PlanOptions::default(),
                    }
                },
            )
    })
}

/// A 3.4+ plan that needs nothing of the 3.4 syntax is written exactly like its pre-3.4
/// twin (`BACKUP SNAPSHOT s TO r`), and loads back as pre-3.4: the same statement.
fn expected_syntax(written: &str, syntax: Syntax, other_sql: Option<String>) -> Option<Syntax> {
    match other_sql {
        Some(other) if other == written => None,
        _ => Some(syntax),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn backup_plans_round_trip(plan in backup_plan()) {
        let sql = plan.to_sql().unwrap();
        let loaded = BackupPlan::from_sql(&sql, plan.options.clone());
        prop_assert!(loaded.diagnostics.is_empty(), "{sql}{:?}", loaded.diagnostics);
        let mut back = loaded.plan.unwrap();
        let other = plan.convert(match plan.syntax { Syntax::V34 => Syntax::Pre34, Syntax::Pre34 => Syntax::V34 });
        if expected_syntax(&sql, plan.syntax, other.ok().and_then(|c| c.plan.to_sql().ok())).is_none() {
            back.syntax = plan.syntax;
        }
        prop_assert_eq!(&back, &plan, "{}", sql);
        prop_assert_eq!(back.to_sql().unwrap(), sql);
    }

    #[test]
    fn restore_plans_round_trip(plan in restore_plan()) {
        let sql = plan.to_sql().unwrap();
        let loaded = RestorePlan::from_sql(&sql, plan.options.clone());
        prop_assert!(loaded.diagnostics.is_empty(), "{sql}{:?}", loaded.diagnostics);
        let mut back = loaded.plan.unwrap();
        let other = plan.convert(match plan.syntax { Syntax::V34 => Syntax::Pre34, Syntax::Pre34 => Syntax::V34 });
        if expected_syntax(&sql, plan.syntax, other.ok().and_then(|c| c.plan.to_sql().ok())).is_none() {
            back.syntax = plan.syntax;
        }
        prop_assert_eq!(&back, &plan, "{}", sql);
    }

    /// The JSON form the app and the npm package exchange carries every plan exactly.
    #[test]
    fn plans_round_trip_through_json(plan in backup_plan(), restore in restore_plan()) {
        let json = serde_json::to_string(&AnyPlan::Backup(plan.clone())).unwrap();
        prop_assert_eq!(serde_json::from_str::<AnyPlan>(&json).unwrap(), AnyPlan::Backup(plan));
        let json = serde_json::to_string(&restore).unwrap();
        prop_assert_eq!(serde_json::from_str::<RestorePlan>(&json).unwrap(), restore);
    }

    /// Valid plans built through the operations convert down and back up unchanged when
    /// they hold only tables, and are refused with one reason per 3.4-only item otherwise.
    #[test]
    fn conversion_is_reversible_or_explained(objects in vec(object(Syntax::V34, false), 0..8)) {
        let mut plan = BackupPlan::new("d", "s", "r", PlanOptions::default()).unwrap();
        for o in objects {
            let _ = plan.add_object(o);
        }
        let only_v34 = plan.objects.iter().filter(|o| !matches!(o, PlanObject::Named(n) if n.kind == ObjectKind::Table)).count();
        match plan.convert(Syntax::Pre34) {
            Ok(down) => {
                prop_assert_eq!(only_v34, 0);
                prop_assert!(down.plan.validate().is_empty());
                let up = down.plan.convert(Syntax::V34).unwrap();
                prop_assert_eq!(up.plan, plan);
            }
            Err(reasons) => prop_assert_eq!(reasons.len(), only_v34),
        }
    }
}
