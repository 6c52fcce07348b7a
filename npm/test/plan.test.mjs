// The builder model: planFromSql, sqlFromPlan, convertSyntax and companions.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, check, companions, convertSyntax, planFromSql, sqlFromPlan } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, assertSpans, assertTypeError, readCorpus, spanText } from "./support.mjs";

before(() => init());

const DEFAULT_OPTIONS = { target: "4.2", cluster: "shared-nothing", grantee: "ROLE backup_operator" };

test("planFromSql: a BACKUP as structure", () => {
  const sql = 'BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders PARTITION (p1, p2), VIEW v1, ALL FUNCTIONS) PROPERTIES ("type" = "full", "timeout" = "3600", "x" = "y")';
  assert.deepEqual(planFromSql(sql), {
    plan: {
      statement: "backup",
      database: "sales",
      snapshot: "s",
      repository: "repo",
      syntax: "v3.4",
      catalogs: null,
      objects: [
        { select: "named", kind: "table", name: "orders", partitions: { names: ["p1", "p2"], temporary: false }, alias: null },
        { select: "named", kind: "view", name: "v1", partitions: null, alias: null },
        { select: "all", kind: "function" },
      ],
      properties: { type: "full", timeout: 3600, ttl: null, extra: [{ key: "x", value: "y" }] },
      options: DEFAULT_OPTIONS,
    },
    statement: 0,
    diagnostics: [],
    faithful: true,
  });
});

test("planFromSql: a RESTORE, external catalogs, and the options the plan is built for", () => {
  const restore = planFromSql(
    "RESTORE SNAPSHOT s FROM r DATABASE db AS db2 ON (TABLE t AS t2) PROPERTIES ('backup_timestamp' = '2024-01-01-00-00-00-000', 'allow_load' = 'true', 'replication_num' = '2')",
    { targetVersion: "v3.5.1", clusterMode: "shared-data", grantee: "USER 'u'@'%'" },
  );
  assert.deepEqual(restore.plan, {
    statement: "restore",
    snapshot: "s",
    repository: "r",
    syntax: "v3.4",
    database: "db",
    databaseAlias: "db2",
    catalogs: null,
    objects: [{ select: "named", kind: "table", name: "t", partitions: null, alias: "t2" }],
    properties: {
      backupTimestamp: "2024-01-01-00-00-00-000",
      timeout: null,
      allowLoad: true,
      replicationNum: 2,
      metaVersion: null,
      starrocksMetaVersion: null,
      extra: [],
    },
    options: { target: "3.5", cluster: "shared-data", grantee: "USER 'u'@'%'" },
  });
  assert.deepEqual(planFromSql("BACKUP ALL EXTERNAL CATALOGS SNAPSHOT s TO r").plan.catalogs, { select: "all" });
  assert.deepEqual(planFromSql("RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (hive1 AS h2, iceberg)").plan.catalogs, {
    select: "list",
    catalogs: [
      { name: "hive1", alias: "h2" },
      { name: "iceberg", alias: null },
    ],
  });
});

test("planFromSql: options.offset picks the statement (UTF-16 offsets, after emoji)", () => {
  const sql = "SHOW BACKUP; -- 😀😀\nBACKUP SNAPSHOT a.s1 TO r;\nRESTORE SNAPSHOT `数据😀`.s2 FROM r PROPERTIES ('backup_timestamp' = 't')";
  assert.equal(planFromSql(sql).statement, 1, "default: the first BACKUP or RESTORE");
  assert.equal(planFromSql(sql).plan.snapshot, "s1");
  const at = sql.indexOf("RESTORE") + 3;
  const restore = planFromSql(sql, { offset: at });
  assert.deepEqual([restore.statement, restore.plan.statement, restore.plan.database, restore.plan.snapshot], [2, "restore", "数据😀", "s2"]);
  assert.equal(planFromSql(sql, { offset: sql.length }).statement, 2);
  // At a statement that is neither: no plan, and a diagnostic on that statement.
  const show = planFromSql(sql, { offset: 2 });
  assert.deepEqual([show.plan, show.statement, show.faithful], [null, 0, false]);
  assert.deepEqual(show.diagnostics.map((d) => [d.code, spanText(sql, d.span), d.message]), [
    ["SR801", "SHOW BACKUP", "the builder holds BACKUP, RESTORE and cluster-snapshot statements; this is another statement"],
  ]);
});

test("planFromSql: no BACKUP or RESTORE, or one that does not parse", () => {
  for (const sql of ["", "SHOW BACKUP", "BACKUP SNAPSHOT sales.s TO"]) {
    const report = planFromSql(sql);
    assert.deepEqual([report.plan, report.statement, report.faithful], [null, null, false], sql);
    assert.deepEqual(report.diagnostics.map((d) => [d.code, d.message]), [["SR801", "the text holds no BACKUP or RESTORE statement to load into the builder"]], sql);
  }
});

test("planFromSql: what the plan cannot hold is reported and faithful says so", () => {
  const sql = "RESTORE SNAPSHOT sales.s FROM r ON (TABLE t AS t2) PROPERTIES ('backup_timestamp' = 't')";
  const report = planFromSql(sql);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.severity, spanText(sql, d.span)]), [["SR809", "info", "sales.s"]]);
  assert.equal(report.plan.syntax, "v3.4");
});

test("sqlFromPlan: canonical SQL, problems, and diagnostics whose spans are in the returned SQL", () => {
  const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r ON (orders) PROPERTIES ('timeout' = '5')");
  const report = sqlFromPlan(plan);
  assert.equal(report.sql, 'BACKUP SNAPSHOT sales.s\nTO r\nON (orders)\nPROPERTIES ("timeout" = "5");\n');
  assert.deepEqual(report.problems, [
    { message: "timeout 5 is under 600 seconds (StarRocks: timeout must be at least 10 min)", error: { error: "timeout_too_short", seconds: 5 } },
  ]);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, spanText(report.sql, d.span)]), [["SR324", '"5"']]);
  assertSpans(report.sql, report);
});

test("sqlFromPlan: an edited plan, and names that need quoting", () => {
  const { plan } = planFromSql("BACKUP DATABASE sales SNAPSHOT s TO repo");
  const edited = {
    ...plan,
    snapshot: "夜间😀",
    objects: [
      { select: "named", kind: "table", name: "表😀", partitions: { names: ["p1"], temporary: false }, alias: null },
      { select: "named", kind: "view", name: "my-view", partitions: null, alias: null },
      { select: "all", kind: "function" },
    ],
    properties: { ...plan.properties, type: "full", timeout: 86400 },
  };
  const report = sqlFromPlan(edited);
  assert.equal(
    report.sql,
    'BACKUP DATABASE sales SNAPSHOT `夜间😀`\nTO repo\nON (TABLE `表😀` PARTITION (p1), VIEW `my-view`, ALL FUNCTIONS)\nPROPERTIES ("type" = "FULL", "timeout" = "86400");\n',
  );
  assert.deepEqual(report.problems, []);
  assert.deepEqual(planFromSql(report.sql).plan, edited);
});

test("sqlFromPlan: a name StarRocks cannot read gives no SQL, and problems say why", () => {
  const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r");
  const report = sqlFromPlan({ ...plan, snapshot: "a`b" });
  assert.equal(report.sql, null);
  assert.deepEqual(report.diagnostics, []);
  assert.deepEqual(report.problems[0], {
    message: "the snapshot name `a`b` contains a backquote, which StarRocks cannot read in any name",
    error: { error: "unrepresentable_name", role: "snapshot", name: "a`b" },
  });
  const empty = sqlFromPlan({ ...plan, snapshot: "" });
  assert.equal(empty.sql, "BACKUP SNAPSHOT sales.``\nTO r;\n");
  assert.deepEqual(empty.problems.map((p) => p.error), [{ error: "empty_name", role: "snapshot" }]);
  assert.deepEqual(empty.diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["SR302"]);
});

test(
  "sqlFromPlan: each problem is listed once",
  () => {
    const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r");
    const messages = sqlFromPlan({ ...plan, snapshot: "a`b" }).problems.map((p) => p.message);
    assert.deepEqual(messages, [...new Set(messages)]);
  },
);

test("sqlFromPlan: the plan's own options decide its problems", () => {
  const { plan } = planFromSql("BACKUP DATABASE sales SNAPSHOT s TO repo ON (VIEW v1)", { targetVersion: "3.3" });
  assert.deepEqual(plan.options, { ...DEFAULT_OPTIONS, target: "3.3" });
  assert.deepEqual(sqlFromPlan(plan).problems.map((p) => p.error), [{ error: "needs_version", feature: "the 3.4 syntax", since: "3.4", target: "3.3" }]);
  assert.deepEqual(sqlFromPlan({ ...plan, options: { ...plan.options, target: "latest" } }).problems, []);
});

test("round trip: planFromSql → sqlFromPlan → planFromSql gives the same plan for every corpus statement", () => {
  let n = 0;
  for (const { sql } of readCorpus()) {
    const { plan } = planFromSql(sql);
    if (plan === null) continue;
    const written = sqlFromPlan(plan);
    assert.notEqual(written.sql, null, sql);
    assert.deepEqual(planFromSql(written.sql).plan, plan, `${sql}\n→ ${written.sql}`);
    assert.deepEqual(sqlFromPlan(planFromSql(written.sql).plan).sql, written.sql, "stable");
    n++;
  }
  assert.ok(n > 250, `${n} plans`);
});

test("sqlFromPlan: a bad plan is a TypeError naming the field", () => {
  const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r");
  assertTypeError(() => sqlFromPlan(null), "plan", /^plan: expected an object$/);
  assertTypeError(() => sqlFromPlan(undefined), "plan");
  assertTypeError(() => sqlFromPlan("BACKUP SNAPSHOT s TO r"), "plan", /^plan: expected an object$/);
  assertTypeError(() => sqlFromPlan({}), "plan", /missing field `statement`/);
  assertTypeError(() => sqlFromPlan({ ...plan, statement: "drop" }), "plan.statement", /unknown variant `drop`, expected one of `backup`, `restore`, `cluster_snapshot`/);
  assertTypeError(() => sqlFromPlan({ statement: "restore" }), "plan", /missing field `snapshot`/);
  assertTypeError(() => sqlFromPlan({ ...plan, snapshot: 1 }), "plan.snapshot", /invalid type: integer `1`, expected a string/);
  assertTypeError(() => sqlFromPlan({ ...plan, objects: [{ select: "everything", kind: "table" }] }), "plan.objects[0].select", /unknown variant `everything`, expected `all` or `named`/);
  assertTypeError(() => sqlFromPlan({ ...plan, properties: { ...plan.properties, timeout: 1.5 } }), "plan.properties.timeout", /floating point `1\.5`, expected i64/);
  assertTypeError(() => sqlFromPlan({ ...plan, options: { ...plan.options, target: "three" } }), "plan.options.target", /`three` is not a StarRocks version/);
  assertTypeError(() => sqlFromPlan(plan, { targetVersion: "three" }), "options.targetVersion");
});

test(
  "sqlFromPlan: a TypeError names a field inside an object entry",
  { todo: "bug: inside an internally tagged value (PlanObject, catalogs) the path stops at the list: `plan.objects: invalid type: integer `5`, expected a string` instead of `plan.objects[0].name: …`" },
  () => {
    const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r");
    assertTypeError(() => sqlFromPlan({ ...plan, objects: [{ select: "named", kind: "table", name: 5, partitions: null, alias: null }] }), "plan.objects[0].name");
  },
);

test(
  "sqlFromPlan(undefined) says a plan is expected",
  () => {
    assertTypeError(() => sqlFromPlan(undefined), "plan", /expected/);
  },
);

test("convertSyntax: pre-3.4 → 3.4 and back", () => {
  assert.deepEqual(convertSyntax("BACKUP SNAPSHOT sales.s TO repo ON (orders)", "v3.4"), {
    sql: "BACKUP DATABASE sales SNAPSHOT s\nTO repo\nON (TABLE orders);\n",
    notes: [],
    reasons: [],
    diagnostics: [],
  });
  assert.deepEqual(convertSyntax("BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders)", "legacy"), {
    sql: "BACKUP SNAPSHOT sales.s\nTO repo\nON (orders);\n",
    notes: [],
    reasons: [],
    diagnostics: [],
  });
  const restore = convertSyntax('RESTORE SNAPSHOT s FROM r DATABASE db AS db2 PROPERTIES ("backup_timestamp" = "x")', "legacy");
  assert.equal(restore.sql, 'RESTORE SNAPSHOT db2.s\nFROM r\nPROPERTIES ("backup_timestamp" = "x");\n');
  assert.deepEqual(restore.notes, [
    "`DATABASE db AS db2` becomes `db2.s`: before 3.4 the prefix names the database to restore into, and StarRocks does not check that the snapshot's database is `db`",
  ]);
  const cjk = convertSyntax("BACKUP SNAPSHOT `数据😀`.s TO r ON (`表😀`)", "v3.4");
  assert.equal(cjk.sql, "BACKUP DATABASE `数据😀` SNAPSHOT s\nTO r\nON (TABLE `表😀`);\n");
});

test("convertSyntax: refusals (views and catalogs need 3.4; the 3.4 syntax needs a 3.4 target)", () => {
  assert.deepEqual(convertSyntax("BACKUP DATABASE sales SNAPSHOT s TO repo ON (VIEW v1)", "legacy"), {
    sql: null,
    notes: [],
    reasons: [{ error: "needs_new_syntax", what: "the view `v1`" }],
    diagnostics: [],
  });
  assert.deepEqual(convertSyntax("BACKUP ALL EXTERNAL CATALOGS SNAPSHOT s TO r", "legacy").reasons, [{ error: "needs_new_syntax", what: "external catalogs" }]);
  assert.deepEqual(convertSyntax("BACKUP SNAPSHOT sales.s TO repo", "v3.4", { targetVersion: "3.3" }).reasons, [
    { error: "needs_version", feature: "the 3.4 syntax", since: "3.4", target: "3.3" },
  ]);
});

test("convertSyntax: options.offset picks the statement; other statements get SR801", () => {
  const sql = "SHOW BACKUP; BACKUP SNAPSHOT a.b TO r; BACKUP SNAPSHOT `😀c`.d TO r";
  assert.equal(convertSyntax(sql, "v3.4").sql, "BACKUP DATABASE a SNAPSHOT b\nTO r;\n");
  assert.equal(convertSyntax(sql, "v3.4", { offset: sql.indexOf("😀") + 3 }).sql, "BACKUP DATABASE `😀c` SNAPSHOT d\nTO r;\n");
  // Outside backquotes StarRocks's lexer drops an emoji (SR003), as the plan does.
  assert.equal(convertSyntax("BACKUP SNAPSHOT 😀c.d TO r", "v3.4").sql, "BACKUP DATABASE c SNAPSHOT d\nTO r;\n");
  const none = convertSyntax("SHOW BACKUP", "v3.4");
  assert.equal(none.sql, null);
  assert.deepEqual(none.diagnostics.map((d) => d.code), ["SR801"]);
});

test("convertSyntax: the converted SQL checks clean for its syntax (corpus)", () => {
  let converted = 0;
  for (const { verdict, sql } of readCorpus()) {
    if (verdict !== "OK") continue;
    for (const to of ["legacy", "v3.4"]) {
      const result = convertSyntax(sql, to);
      if (result.sql === null) continue;
      const plan = planFromSql(result.sql).plan;
      // Without a database and an ON list both syntaxes are the same text.
      if (plan.database !== null || plan.objects.length > 0) assert.equal(plan.syntax, to, `${sql} → ${to}`);
      assert.equal(convertSyntax(result.sql, to).sql, result.sql, "converting again changes nothing");
      assert.deepEqual(check(result.sql).diagnostics.filter((d) => d.kind === "syntax" && d.severity === "error"), [], result.sql);
      converted++;
    }
  }
  assert.ok(converted > 300, `${converted} conversions`);
});

test("convertSyntax: a bad target syntax is a TypeError naming `to`", () => {
  assertTypeError(() => convertSyntax("BACKUP SNAPSHOT a.b TO r", "v3.3"), "to", /unknown variant `v3\.3`, expected `legacy` or `v3\.4`/);
  assertTypeError(() => convertSyntax("BACKUP SNAPSHOT a.b TO r"), "to");
  assertTypeError(() => convertSyntax("BACKUP SNAPSHOT a.b TO r", 3.4), "to");
  assertTypeError(() => convertSyntax(null, "v3.4"), "sql");
  assertTypeError(() => convertSyntax("x", "v3.4", { offset: -1 }), "options.offset");
});

test("companions from SQL: RESTORE, repositories, SHOW/CANCEL BACKUP, SHOW SNAPSHOT", () => {
  const report = companions("BACKUP SNAPSHOT sales.s1 TO repo ON (orders)");
  assert.deepEqual([report.problems, report.diagnostics], [[], []]);
  const c = report.companions;
  assert.deepEqual(Object.keys(c).sort(), ["cancelBackup", "repositories", "restore", "restorePlan", "showBackup", "showSnapshot"]);
  assert.deepEqual([c.restore.kind, c.restore.title], ["restore", "Restore this snapshot"]);
  assert.equal(c.restore.sql, 'RESTORE SNAPSHOT sales.s1\nFROM repo\nON (orders)\nPROPERTIES ("backup_timestamp" = "<backup_timestamp>");\n');
  assert.match(c.restore.explanation, /SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 's1'/);
  assert.equal(c.restorePlan.properties.backupTimestamp, "<backup_timestamp>");
  assert.deepEqual(sqlFromPlan({ statement: "restore", ...c.restorePlan }).sql, c.restore.sql);
  assert.deepEqual(c.repositories.map((r) => r.style), ["s3", "minio", "hdfs", "gcs", "azure", "broker"].filter((s) => c.repositories.some((r) => r.style === s)));
  assert.ok(c.repositories.length >= 3);
  for (const r of c.repositories) assert.match(r.sql, /^CREATE REPOSITORY repo\n/);
  assert.deepEqual(
    [c.showBackup.sql, c.cancelBackup.sql, c.showSnapshot.sql],
    ["SHOW BACKUP FROM sales;\n", "CANCEL BACKUP FROM sales;\n", "SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 's1';\n"],
  );
  assert.deepEqual([c.showBackup.kind, c.cancelBackup.kind, c.showSnapshot.kind], ["show_backup", "cancel_backup", "show_snapshot"]);
});

test("companions from a plan equal those from its SQL", () => {
  const sql = "BACKUP DATABASE `数据😀` SNAPSHOT `s'1` TO repo ON (TABLE `表😀`)";
  const { plan } = planFromSql(sql);
  const fromPlan = companions(plan);
  assert.deepEqual(fromPlan, companions(sql));
  assert.equal(fromPlan.companions.showSnapshot.sql, "SHOW SNAPSHOT ON repo WHERE SNAPSHOT = 's\\'1';\n");
  assert.equal(fromPlan.companions.showBackup.sql, "SHOW BACKUP FROM `数据😀`;\n");
});

test("companions: options.offset, and why there are none", () => {
  const sql = "BACKUP SNAPSHOT sales.s1 TO repo; BACKUP SNAPSHOT other.s2 TO repo2";
  assert.equal(companions(sql, { offset: sql.length - 1 }).companions.showBackup.sql, "SHOW BACKUP FROM other;\n");
  assert.deepEqual(companions("SHOW BACKUP").diagnostics.map((d) => d.code), ["SR801"]);
  assert.equal(companions("SHOW BACKUP").companions, null);
  const restore = companions("RESTORE SNAPSHOT sales.s1 FROM repo PROPERTIES ('backup_timestamp' = 'x')");
  assert.equal(restore.companions, null);
  assert.deepEqual(restore.problems, [
    {
      message: "companion statements are written for a BACKUP; for a RESTORE, SHOW RESTORE FROM <db> shows its progress and CANCEL RESTORE FROM <db> stops it",
      error: null,
    },
  ]);
  const noDatabase = companions("BACKUP SNAPSHOT s TO r");
  assert.equal(noDatabase.companions, null);
  assert.deepEqual(noDatabase.problems.map((p) => p.error), [{ error: "database_required", neededFor: "the companion statements" }]);
});

test("companions: a bad plan or options is a TypeError", () => {
  assertTypeError(() => companions(5), "plan", /^plan: expected an object$/);
  assertTypeError(() => companions(null), "plan");
  assertTypeError(() => companions({ statement: "restore" }), "plan", /missing field `snapshot`/);
  const { plan } = planFromSql("BACKUP SNAPSHOT sales.s TO r");
  assertTypeError(() => companions(plan, { clusterMode: "cloud" }), "options.clusterMode");
  assertTypeError(() => companions("BACKUP SNAPSHOT sales.s TO r", { offset: 0.5 }), "options.offset");
});

test("hostile input never throws in any plan function", () => {
  for (const sql of HOSTILE_SQL) {
    for (const options of [undefined, { offset: sql.length }, { catalog: CATALOG, targetVersion: "3.3" }]) {
      const plan = planFromSql(sql, options);
      assertSpans(sql, plan);
      if (plan.plan) assertSpans(sqlFromPlan(plan.plan).sql ?? "", sqlFromPlan(plan.plan));
      assertSpans(sql, convertSyntax(sql, "legacy", options));
      assertSpans(sql, convertSyntax(sql, "v3.4", options));
      assertSpans(sql, companions(sql, options));
    }
  }
});
