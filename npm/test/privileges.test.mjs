// explainPrivileges(sql, options): requirements per statement, and the GRANT / REVOKE script
// for `options.grantee` with `options.scope`.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, explainPrivileges } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, assertSpans, assertTypeError, spanText } from "./support.mjs";

before(() => init());

const grantsOf = (sql, options) => explainPrivileges(sql, options).grants.grants.map((g) => g.grant);

test("a BACKUP needs REPOSITORY on SYSTEM and EXPORT on each table, each explained", () => {
  const sql = "BACKUP SNAPSHOT sales.s TO r ON (orders)";
  const report = explainPrivileges(sql);
  assert.deepEqual(Object.keys(report).sort(), ["diagnostics", "grantSql", "grants", "plans", "revokeSql", "targetVersion"]);
  assert.equal(report.targetVersion, "4.2");
  assert.deepEqual(report.diagnostics, []);
  const [plan] = report.plans;
  assert.deepEqual([plan.statement, plan.model, plan.targetVersion, spanText(sql, plan.span)], ["BACKUP", "rbac", "4.2", sql]);
  assert.deepEqual(
    plan.requirements.map((r) => [r.privilege, r.objectType, r.object, r.neededBy.map((n) => [n.what, spanText(sql, n.span)]), r.source, r.certainty]),
    [
      ["REPOSITORY", "SYSTEM", { scope: "system" }, [["repository `r`", "r"]], "statement", "checked"],
      ["EXPORT", "TABLE", { scope: "table", database: "sales", name: "orders", kind: "table", kindKnown: false }, [["table `orders`", "orders"]], "listed", "checked"],
    ],
  );
  assert.equal(plan.requirements[1].reason, "BACKUP checks EXPORT on each table it copies.");
  assert.deepEqual(plan.requirements[1].denial, {
    message: "Access denied; you need (at least one of) the EXPORT privilege(s) on TABLE sales.orders for this operation",
    mislabelled: false,
  });
  const export_ = report.grants.grants[1];
  assert.deepEqual(
    [export_.privileges, export_.objectType, export_.on, export_.grant, export_.revoke, export_.onlyIf, export_.certainty],
    [["EXPORT"], "TABLE", "TABLE sales.orders", "GRANT EXPORT ON TABLE sales.orders TO ROLE backup_operator", "REVOKE EXPORT ON TABLE sales.orders FROM ROLE backup_operator", [], "checked"],
  );
  assert.deepEqual(export_.neededBy.map((n) => [n.statement, n.what, spanText(sql, n.span)]), [[0, "table `orders`", "orders"]]);
});

test("grantSql and revokeSql are runnable scripts", () => {
  const report = explainPrivileges("BACKUP SNAPSHOT sales.s TO r ON (orders)", { grantee: "USER 'bob'@'%'" });
  const statements = (script) => script.split("\n").filter((l) => l !== "" && !l.startsWith("--"));
  assert.deepEqual(statements(report.grantSql), [
    "GRANT REPOSITORY ON SYSTEM TO USER 'bob'@'%';",
    "GRANT EXPORT ON TABLE sales.orders TO USER 'bob'@'%';",
  ]);
  assert.deepEqual(statements(report.revokeSql), [
    "REVOKE EXPORT ON TABLE sales.orders FROM USER 'bob'@'%';",
    "REVOKE REPOSITORY ON SYSTEM FROM USER 'bob'@'%';",
  ]);
  assert.match(report.grantSql, /^-- Privileges for USER 'bob'@'%' on StarRocks 4\.2 \(scope: as the statements ask\)/);
});

test("grantee: ROLE and USER forms, quoted where needed", () => {
  const sql = "BACKUP SNAPSHOT sales.s TO r";
  const grantee = (g) => explainPrivileges(sql, g === undefined ? undefined : { grantee: g }).grants.grantee;
  assert.equal(grantee(undefined), "ROLE backup_operator");
  assert.equal(grantee("ROLE ops"), "ROLE ops");
  assert.equal(grantee("role ops"), "ROLE ops");
  assert.equal(grantee("ROLE `运维😀`"), "ROLE `运维😀`");
  assert.equal(grantee("USER 'bob'@'%'"), "USER 'bob'@'%'");
  assert.equal(grantee("USER 'b''ob'@'10.0.0.1'"), "USER 'b\\'ob'@'10.0.0.1'");
  assert.equal(grantee("USER bob"), "USER 'bob'@'%'");
  assert.deepEqual(grantsOf(sql, { grantee: "ROLE `运维😀`" }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE `运维😀`",
    "GRANT EXPORT ON ALL TABLES IN DATABASE sales TO ROLE `运维😀`",
    "GRANT USAGE ON ALL FUNCTIONS IN DATABASE sales TO ROLE `运维😀`",
  ]);
});

test("scope: auto follows the statement, exact lists objects, broad widens", () => {
  const table = "BACKUP SNAPSHOT sales.s TO r ON (orders)";
  assert.deepEqual(grantsOf(table, { scope: "auto" }), grantsOf(table));
  assert.deepEqual(grantsOf(table, { scope: "exact" }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.orders TO ROLE backup_operator",
  ]);
  assert.deepEqual(grantsOf(table, { scope: "broad" }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT EXPORT ON ALL TABLES IN DATABASE sales TO ROLE backup_operator",
  ]);
  // Even exact cannot name views one by one: broaderBecause says why the grant is wider.
  const exactWhole = explainPrivileges("BACKUP SNAPSHOT sales.s TO r", { scope: "exact", catalog: CATALOG }).grants.grants[1];
  assert.deepEqual([exactWhole.grant, exactWhole.broaderBecause], [
    "GRANT EXPORT ON ALL TABLES IN DATABASE sales TO ROLE backup_operator",
    [
      "`daily_totals` is a materialized view: StarRocks checks it with the table check, and only a wildcard table grant is expected to cover it",
      "`order_summary` is a view: StarRocks checks it with the table check, and only a wildcard table grant is expected to cover it",
    ],
  ]);
  // A whole-database BACKUP with a catalog: exact lists the catalog's tables one by one.
  const whole = "BACKUP DATABASE sales SNAPSHOT s TO r ON (FUNCTION normalize_phone, ALL TABLES)";
  assert.deepEqual(grantsOf(whole, { scope: "exact", catalog: CATALOG }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT USAGE ON FUNCTION sales.normalize_phone(VARCHAR) TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.orders TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.customers TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.regions TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.mysql_orders TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.`订单😀` TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.`my-table` TO ROLE backup_operator",
  ]);
  // auto: the function is named, so it gets its own grant; ALL TABLES gets a wildcard.
  assert.deepEqual(grantsOf(whole, { scope: "auto", catalog: CATALOG }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT USAGE ON FUNCTION sales.normalize_phone(VARCHAR) TO ROLE backup_operator",
    "GRANT EXPORT ON ALL TABLES IN DATABASE sales TO ROLE backup_operator",
  ]);
  const catalogs = "BACKUP EXTERNAL CATALOG (hive_cat) SNAPSHOT s TO r";
  assert.deepEqual(grantsOf(catalogs, { scope: "exact" }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT USAGE ON CATALOG hive_cat TO ROLE backup_operator",
  ]);
  assert.deepEqual(grantsOf(catalogs, { scope: "broad" }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT USAGE ON ALL CATALOGS TO ROLE backup_operator",
  ]);
  for (const scope of ["auto", "exact", "broad"]) assert.equal(explainPrivileges(table, { scope }).grants.scope, scope);
});

test("a RESTORE: conditional grants say when they apply", () => {
  const sql = "RESTORE SNAPSHOT s FROM repo DATABASE sales ON (TABLE orders) PROPERTIES (\"backup_timestamp\" = \"x\")";
  const { grants } = explainPrivileges(sql);
  assert.deepEqual(grants.grants.map((g) => [g.grant, g.onlyIf]), [
    ["GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator", []],
    ["GRANT CREATE TABLE ON DATABASE sales TO ROLE backup_operator", ["only if database `sales` already exists"]],
    ["GRANT INSERT ON TABLE sales.orders TO ROLE backup_operator", ["only if `sales` exists and already holds an object named `orders`"]],
  ]);
});

test("targetVersion: before 3.0 the admin_priv model applies and no GRANT is written", () => {
  const sql = "BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders)";
  const report = explainPrivileges(sql, { targetVersion: "2.5" });
  assert.equal(report.targetVersion, "2.5");
  assert.deepEqual(report.plans.map((p) => p.model), ["admin_priv"]);
  assert.deepEqual(report.grants.grants, []);
  assert.equal(explainPrivileges(sql, { targetVersion: "v3.3.1" }).targetVersion, "3.3");
});

test("catalog: the session database and object kinds come from it", () => {
  const sql = "BACKUP SNAPSHOT s TO r ON (orders)";
  const without = explainPrivileges(sql);
  assert.deepEqual(without.grants.grants.map((g) => g.grant), ["GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator"]);
  assert.deepEqual(without.grants.refused.map((r) => [r.statement, r.privilege, r.object]), [[0, "EXPORT", "table (session database) `orders`"]]);
  assert.deepEqual(grantsOf(sql, { catalog: CATALOG }), [
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator",
    "GRANT EXPORT ON TABLE sales.orders TO ROLE backup_operator",
  ]);
  const view = explainPrivileges("BACKUP SNAPSHOT sales.s TO r ON (order_summary)", { catalog: CATALOG });
  assert.deepEqual(view.plans[0].requirements[1].object, { scope: "table", database: "sales", name: "order_summary", kind: "view", kindKnown: true });
});

test("several statements: one plan each, grants merged, syntax errors reported", () => {
  const sql = "BACKUP SNAPSHOT sales.a TO r ON (orders);\nBACKUP SNAPSHOT sales.b TO r ON (orders);\nSHOW BAKUP";
  const report = explainPrivileges(sql);
  assert.deepEqual(report.plans.map((p) => [p.statement, p.model]), [["BACKUP", "rbac"], ["BACKUP", "rbac"], ["invalid statement", "none"]]);
  assert.deepEqual(report.grants.grants[1].neededBy.map((n) => [n.statement, spanText(sql, n.span)]), [[0, "orders"], [1, "orders"]]);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, spanText(sql, d.span)]), [["SR104", "BAKUP"]]);
  assertSpans(sql, report);
});

test("CJK and emoji names are quoted in GRANTs, spans stay right after emoji", () => {
  const sql = "-- 😀😀\nBACKUP SNAPSHOT `数据😀`.s TO r ON (`表😀`)";
  const report = explainPrivileges(sql, { scope: "exact" });
  assert.deepEqual(report.grants.grants.map((g) => [g.grant, g.neededBy.map((n) => spanText(sql, n.span))]), [
    ["GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator", ["r"]],
    ["GRANT EXPORT ON TABLE `数据😀`.`表😀` TO ROLE backup_operator", ["`表😀`"]],
  ]);
  assertSpans(sql, report);
});

test("empty input: no plan, no grant, and the script says so", () => {
  const report = explainPrivileges("");
  assert.deepEqual(report.plans, []);
  assert.deepEqual(report.grants.grants, []);
  assert.match(report.grantSql, /No GRANT to print/);
  assert.match(report.revokeSql, /Nothing to revoke/);
  assert.deepEqual(report.diagnostics.map((d) => d.code), ["SR101"]);
});

test("bad grantee and scope are TypeErrors naming the option", () => {
  const sql = "SHOW BACKUP";
  assertTypeError(() => explainPrivileges(sql, { grantee: "GROUP x" }), "options.grantee", /`GROUP x` names no grantee/);
  assertTypeError(() => explainPrivileges(sql, { grantee: "" }), "options.grantee");
  assertTypeError(() => explainPrivileges(sql, { grantee: "ROLE" }), "options.grantee", /the role has no name/);
  assertTypeError(() => explainPrivileges(sql, { grantee: 7 }), "options.grantee", /expected a string/);
  assertTypeError(() => explainPrivileges(sql, { scope: "wide" }), "options.scope", /unknown variant `wide`, expected one of `auto`, `exact`, `broad`/);
  assertTypeError(() => explainPrivileges(5), "sql");
});

test("hostile input never throws", () => {
  for (const sql of HOSTILE_SQL) {
    const report = explainPrivileges(sql, { grantee: "USER 'x'@'%'", scope: "broad" });
    assert.equal(typeof report.grantSql, "string");
    assertSpans(sql, report);
  }
});
