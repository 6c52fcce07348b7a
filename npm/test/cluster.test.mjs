// The cluster-snapshot statements of shared-data clusters through the package: parsed, checked
// with StarRocks's messages, formatted, explained (OPERATE, storage volume USAGE) and held by
// the builder model.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, check, explainPrivileges, format, parse, planFromSql, sqlFromPlan } from "starrocks-backup-sql";

before(() => init());

const SHARED = { clusterMode: "shared-data" };

test("parse: each cluster-snapshot statement has its kind", () => {
  const sql = [
    "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT",
    "ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON INTERVAL 1 HOUR STORAGE VOLUME sv1",
    "ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF",
    "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 2 DAY",
    "CREATE CLUSTER SNAPSHOT IF NOT EXISTS s1 COMMENT 'c'",
    "DROP CLUSTER SNAPSHOT s1 IF EXISTS",
    "RESTORE TABLE db.t FROM SNAPSHOT s1 TO TABLE db.t2",
  ].join(";\n");
  const kinds = parse(sql).statements.map((s) => s.kind);
  assert.deepEqual(kinds, [
    "show_automated_snapshot",
    "set_automated_snapshot_on",
    "set_automated_snapshot_off",
    "alter_automated_snapshot",
    "create_cluster_snapshot",
    "drop_cluster_snapshot",
    "restore_table",
  ]);
});

test("check: shared-data only, the analyzer's interval rules, UTF-16 spans", () => {
  const sql = "-- é\nADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 1 MONTH";
  const nothing = check(sql).diagnostics.map((d) => d.code);
  assert.ok(nothing.includes("SR609"), nothing.join());
  const d = check(sql, SHARED).diagnostics.find((x) => x.code === "SR362");
  assert.ok(d, "SR362");
  assert.equal(d.starrocksMessage, "Unsupported interval unit: MONTH, only SECOND, MINUTE, HOUR, DAY, WEEK are supported");
  assert.equal(sql.slice(d.span.start, d.span.end), "MONTH");
  assert.equal(d.span.line, 2);
});

test("check: a syntax error in a cluster statement comes with its fix", () => {
  const d = check("DROP CLUSTER SNAPSHOT IF EXISTS s1", SHARED).diagnostics[0];
  assert.equal(d.code, "SR108");
  assert.match(d.message, /IF EXISTS comes after the snapshot name/);
  assert.ok(d.fix, "a fix");
});

test("format and explainPrivileges", () => {
  assert.equal(
    format("create cluster snapshot s1 comment 'x' storage volume sv1").text,
    "CREATE CLUSTER SNAPSHOT s1\nCOMMENT \"x\"\nSTORAGE VOLUME sv1;\n",
  );
  const grants = explainPrivileges("ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON", { ...SHARED, grantee: "ROLE r" })
    .grants.grants.map((g) => g.grant);
  assert.deepEqual(grants, ["GRANT OPERATE ON SYSTEM TO ROLE r", "GRANT USAGE ON STORAGE VOLUME builtin_storage_volume TO ROLE r"]);
});

test("planFromSql and sqlFromPlan hold cluster snapshots", () => {
  const { plan, faithful } = planFromSql("ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON INTERVAL 30 MINUTE STORAGE VOLUME sv1", SHARED);
  assert.equal(faithful, true);
  assert.equal(plan.statement, "cluster_snapshot");
  assert.equal(plan.action, "automated_on");
  assert.deepEqual(plan.interval, { value: 30, unit: "MINUTE" });
  const next = { ...plan, action: "create", snapshot: "before_upgrade" };
  assert.equal(sqlFromPlan(next, SHARED).sql, "CREATE CLUSTER SNAPSHOT before_upgrade\nSTORAGE VOLUME sv1;\n");
  const bad = sqlFromPlan({ ...plan, action: "drop", snapshot: "a`b" }, SHARED);
  assert.equal(bad.sql, null);
  assert.match(bad.problems[0].message, /backquote/);
  const missing = sqlFromPlan({ ...plan, action: "alter_interval", interval: null }, SHARED);
  assert.match(missing.problems[0].message, /needs an interval/);
});
