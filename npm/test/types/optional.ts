// Compiled by types.test.mjs (a todo until fixed): the options argument is optional at run time
// and in the docs, and every field of the catalog document has a default (docs/catalog.md).
import { check, format, explainPrivileges, planFromSql, sqlFromPlan, convertSyntax, companions, complete, type Catalog } from "starrocks-backup-sql";
check("SHOW BACKUP");
format("SHOW BACKUP");
explainPrivileges("SHOW BACKUP");
const p = planFromSql("BACKUP SNAPSHOT db.s TO r");
if (p.plan) { sqlFromPlan(p.plan); companions(p.plan); }
convertSyntax("x", "v3.4");
companions("x");
complete("x", 1);
const c: Catalog = { current_database: "sales", databases: [{ name: "sales", tables: [{ name: "orders" }] }], repositories: [{ name: "s3_repo" }] };
check("x", { catalog: c });
