//! Hostile names: every GRANT and REVOKE the explainer prints for them parses with the GRANT
//! grammar and reads back the exact names (databases, tables, functions, catalogs, roles, users,
//! hosts); names StarRocks cannot read back (holding a backquote) are refused with a note, never
//! printed; and no name can break out of the SQL script's comments.

use proptest::prelude::*;
use starrocks_backup_sql::ast::*;
use starrocks_backup_sql::check::catalog::{Database, Function, Table, TableKind};
use starrocks_backup_sql::check::{Catalog, Options};
use starrocks_backup_sql::lexer::{lex, Tok};
use starrocks_backup_sql::privileges::*;

const HOSTILE: &[&str] = &[
    "select",
    "all",
    "table",
    "system",
    "role",
    "user",
    "grant",
    "export",
    "to",
    "123",
    "1a",
    "1e5",
    "0x1F",
    "a b",
    " lead",
    "trail ",
    "it's",
    "say \"hi\"",
    "back\\slash",
    "\\_%",
    "😀",
    "数据库",
    "",
    "\u{3000}x",
    "x\u{3000}",
    "\u{a0}",
    "$$x",
    "$x$$",
    "a.b",
    "a-b",
    "--x",
    "/*x*/",
    "a;b",
    "x\ny",
    "tab\t",
    "NULL",
    "ı",
    "_",
    "@h",
    "a@b",
    "'",
    "\"",
];

/// A BACKUP of `table` in database `db` (and a RESTORE into it), a function `func(INT)`, a
/// catalog `cat`: every kind of name a GRANT can hold.
fn statements(db: &str, table: &str, func: &str, cat: &str) -> Vec<Statement> {
    let backup = |on: Option<ObjectList>| {
        Statement::Backup(BackupStmt {
            catalogs: None,
            database: Some(Ident::new(db)),
            snapshot: QualifiedName::new(["s1"]),
            repository: Ident::new("repo1"),
            on,
            properties: None,
        })
    };
    let item = |kind: Option<ObjectKind>, name: &str| {
        ObjectItem::Named(NamedObject {
            kind,
            name: QualifiedName::new([name]),
            partitions: None,
            alias: None,
            span: Default::default(),
        })
    };
    let list = |items| Some(ObjectList { items, span: Default::default() });
    vec![
        backup(list(vec![item(None, table), item(Some(ObjectKind::Function), func)])),
        backup(list(vec![ObjectItem::All { kind: ObjectKind::Table, span: Default::default() }])),
        backup(None),
        Statement::Backup(BackupStmt {
            catalogs: Some(CatalogClause::List {
                items: vec![CatalogItem { name: Ident::new(cat), alias: None, span: Default::default() }],
                span: Default::default(),
            }),
            database: None,
            snapshot: QualifiedName::new(["s1"]),
            repository: Ident::new("repo1"),
            on: None,
            properties: None,
        }),
        Statement::Restore(RestoreStmt {
            snapshot: QualifiedName::new(["s1"]),
            repository: Ident::new("repo1"),
            catalogs: None,
            database: Some(DatabaseClause { name: Ident::new(db), alias: None, span: Default::default() }),
            on: list(vec![item(None, table), item(Some(ObjectKind::View), "v")]),
            properties: None,
        }),
        Statement::Restore(RestoreStmt {
            snapshot: QualifiedName::new([db, "s1"]),
            repository: Ident::new("repo1"),
            catalogs: None,
            database: None,
            on: None,
            properties: None,
        }),
        Statement::ShowBackup(ShowJobsStmt {
            from: Some(FromDb { in_keyword: false, db: Ident::new(db) }),
            predicates: Default::default(),
        }),
    ]
}

fn catalog(db: &str, table: &str, func: &str, cat: &str) -> Catalog {
    Catalog {
        current_catalog: Some(cat.to_string()),
        databases: vec![Database {
            name: db.to_string(),
            tables: vec![
                Table { name: table.to_string(), ..Table::default() },
                Table { name: "v".into(), kind: TableKind::View, ..Table::default() },
            ],
            functions: vec![
                Function { name: func.to_string(), args: vec!["INT".into()] },
                Function { name: func.to_string(), args: vec!["ARRAY<VARCHAR(10)>".into(), "...".into()] },
            ],
            ..Database::default()
        }],
        external_catalogs: vec![cat.to_string()],
        ..Catalog::default()
    }
}

/// Explains the statements for each scope and grantee, checks every GRANT/REVOKE read back, and
/// returns how many were checked.
fn check_names(db: &str, table: &str, func: &str, cat: &str, role: &str, user: &str, host: &str) -> usize {
    let mut checked = 0;
    let names = [db, table, func, cat];
    let unwritable = |n: &str| n.contains('`');
    for with_catalog in [false, true] {
        let options = Options {
            catalog: with_catalog.then(|| std::sync::Arc::new(catalog(db, table, func, cat))),
            ..Options::default()
        };
        let plans: Vec<PrivilegePlan> =
            statements(db, table, func, cat).iter().map(|s| explain_privileges(s, &options)).collect();
        for grantee in [Grantee::role(role), Grantee::user(user, host)] {
            for scope in [Scope::Auto, Scope::Exact, Scope::Broad] {
                let script = render_grants(&plans, &GrantOptions { grantee: grantee.clone(), scope });
                for g in &script.grants {
                    for (sql, revoke) in [(&g.grant, false), (&g.revoke, true)] {
                        let p = parse_grant(sql).unwrap_or_else(|e| panic!("{sql:?}: {e}"));
                        assert_eq!(p.revoke, revoke);
                        let expected_grantee = match &grantee {
                            Grantee::Role { name } => ParsedGrantee::Role { name: name.clone() },
                            Grantee::User { name, host } => {
                                ParsedGrantee::User { name: name.clone(), host: Some(host.clone()) }
                            }
                        };
                        assert_eq!(p.grantee, expected_grantee, "{sql:?}");
                        let read: Vec<String> = match &p.object {
                            ParsedObject::System => vec![],
                            ParsedObject::Objects { names, .. } => names.concat(),
                            ParsedObject::Functions { functions, .. } => {
                                functions.iter().flat_map(|(n, _)| n.clone()).collect()
                            }
                            ParsedObject::All { in_database, .. } => in_database.iter().cloned().collect(),
                        };
                        for r in &read {
                            assert!(
                                names.contains(&r.as_str()) || r == "default_catalog",
                                "{sql:?} reads {r:?}"
                            );
                        }
                        if let ParsedObject::Objects { object_type: Some(t), names } = &p.object {
                            match t.as_str() {
                                "TABLE" => assert_eq!(names, &vec![vec![db.to_string(), table.to_string()]]),
                                "DATABASE" => assert_eq!(names, &vec![vec![db.to_string()]]),
                                "CATALOG" => assert!(names == &vec![vec![cat.to_string()]] || !with_catalog),
                                other => panic!("unexpected object type {other}"),
                            }
                        }
                        if let ParsedObject::Functions { functions, .. } = &p.object {
                            assert_eq!(functions[0].0, vec![db.to_string(), func.to_string()], "{sql:?}");
                        }
                        checked += 1;
                    }
                }
                // A name with a backquote is refused whenever a grant would have to print it: the
                // database always, a table when granted exactly.
                if unwritable(db) || (unwritable(table) && scope == Scope::Exact) {
                    assert!(!script.refused.is_empty(), "{names:?} {scope:?}: nothing refused");
                }
                for r in &script.refused {
                    assert!(r.reason.contains("holds a backquote"), "{r:?}");
                }
                if names.iter().all(|n| !unwritable(n)) {
                    assert!(script.refused.is_empty(), "{:?}", script.refused);
                }
                check_script(&script);
            }
        }
    }
    checked
}

/// The SQL script is exactly the GRANTs: everything else is in comments that no name ends.
fn check_script(script: &GrantScript) {
    let sql = script.to_sql("4.2");
    let lexed = lex(&sql);
    let statements: Vec<String> = {
        let mut out = Vec::new();
        let mut cur = String::new();
        for t in lexed.tokens.iter().filter(|t| t.kind != Tok::Comment) {
            if t.kind == Tok::Semicolon {
                out.push(cur.trim_matches(|c: char| c.is_ascii_whitespace()).to_string());
                cur.clear();
            } else {
                cur.push_str(t.span.slice(&sql));
            }
        }
        assert!(
            cur.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty(),
            "text after the last GRANT: {cur:?}"
        );
        out
    };
    let expected: Vec<String> = script.grants.iter().map(|g| g.grant.clone()).collect();
    assert_eq!(statements, expected, "the script holds exactly the GRANTs:\n{sql}");
}

#[test]
fn hostile_names_round_trip() {
    let mut checked = 0;
    for n in HOSTILE {
        checked += check_names(n, n, n, n, n, n, n);
        checked += check_names("db1", n, "fn1", "c1", "r", n, "%");
    }
    assert!(checked > 2000, "{checked}");
}

#[test]
fn backquotes_are_refused_with_a_clear_note() {
    let plans: Vec<PrivilegePlan> = statements("a`b", "t`1", "f`n", "c`at")
        .iter()
        .map(|s| explain_privileges(s, &Options::default()))
        .collect();
    let script = render_grants(&plans, &GrantOptions { grantee: Grantee::role("r`x"), scope: Scope::Auto });
    // Only grants naming no such object can be written (the whole-database RESTORE needs CREATE
    // DATABASE on the catalog, not on the database); the role with a backquote is a string.
    let printed: Vec<&str> = script.grants.iter().map(|g| g.grant.as_str()).collect();
    assert_eq!(
        printed,
        [
            "GRANT REPOSITORY ON SYSTEM TO ROLE 'r`x'",
            "GRANT CREATE DATABASE ON CATALOG default_catalog TO ROLE 'r`x'"
        ]
    );
    let reasons: Vec<&str> = script.refused.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.iter().all(|r| r.contains("StarRocks deletes every backquote from a quoted name")));
    assert!(script.refused.iter().any(|r| r.object.contains("a`b")));
    assert!(script.refused.iter().any(|r| r.object.contains("c`at")));
    let sql = script.to_sql("4.2");
    assert!(sql.contains("-- Not granted:"), "{sql}");
    check_script(&script);
}

#[test]
fn bad_argument_types_fall_back_to_all_functions() {
    let mut cat = catalog("db1", "t1", "f", "c");
    cat.databases[0].functions =
        vec![Function { name: "f".into(), args: vec!["INT) TO ROLE admin; --".into()] }];
    let options = Options { catalog: Some(std::sync::Arc::new(cat)), ..Options::default() };
    let stmt = &statements("db1", "t1", "f", "c")[0];
    let plan = explain_privileges(stmt, &options);
    let script = plan.grants(&GrantOptions { grantee: Grantee::role("r"), scope: Scope::Exact });
    let g = script.grants.iter().find(|g| g.object_type == ObjectType::Function).unwrap();
    assert_eq!(g.grant, "GRANT USAGE ON ALL FUNCTIONS IN DATABASE db1 TO ROLE r");
    assert!(g.broader_because[0].contains("not a type"), "{:?}", g.broader_because);
}

fn name_strategy() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        Just('a'),
        Just('Z'),
        Just('_'),
        Just('$'),
        Just('0'),
        Just('9'),
        Just('.'),
        Just(' '),
        Just('\u{3000}'),
        Just('\''),
        Just('"'),
        Just('\\'),
        Just('`'),
        Just('@'),
        Just('-'),
        Just('/'),
        Just('*'),
        Just(';'),
        Just('\n'),
        Just('é'),
        Just('😀'),
        any::<char>(),
    ];
    prop::collection::vec(chars, 0..8).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_names_round_trip_or_are_refused(
        db in name_strategy(),
        table in name_strategy(),
        func in name_strategy(),
        role in name_strategy(),
        user in name_strategy(),
        host in name_strategy(),
    ) {
        check_names(&db, &table, &func, "c1", &role, &user, &host);
    }
}
