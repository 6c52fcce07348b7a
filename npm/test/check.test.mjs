// check(sql, options): every stage, under the target version, the cluster mode and a catalog;
// and every fix removes the diagnostic it is attached to.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, check, parse } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, SCRIPT, applyFix, assertSpans, assertTypeError, readCorpus, spanText } from "./support.mjs";

before(() => init());

/** The diagnostics that are not notes, as [code, severity, covered text]. */
const findings = (sql, options) =>
  check(sql, options)
    .diagnostics.filter((d) => d.severity !== "info")
    .map((d) => [d.code, d.severity, spanText(sql, d.span)]);

test("a report: statements, diagnostics in source order, and counts by severity", () => {
  const sql = "BACKUP SNAPSHOT db.s TO r;\nRESTORE SNAPSHOT db.s FROM r;\nSELECT 1";
  const report = check(sql);
  assert.deepEqual(Object.keys(report).sort(), ["diagnostics", "errors", "infos", "statements", "warnings"]);
  assert.deepEqual(report.statements, parse(sql).statements);
  assert.deepEqual(
    report.diagnostics.map((d) => [d.code, d.severity, d.kind, spanText(sql, d.span)]),
    [
      ["SR701", "info", "semantic", "db"],
      ["SR705", "info", "semantic", "db.s"],
      ["SR702", "info", "semantic", "s"],
      ["SR326", "error", "semantic", "db.s"],
      ["SR107", "info", "syntax", "SELECT 1"],
    ],
  );
  assert.deepEqual([report.errors, report.warnings, report.infos], [1, 0, 4]);
  const sr326 = report.diagnostics[3];
  assert.equal(sr326.message, 'RESTORE needs the "backup_timestamp" property');
  assert.equal(sr326.starrocksMessage, "Missing backup_timestamp property");
  assert.ok(sr326.fix.edits.length === 1 && sr326.fix.edits[0].replacement.includes("backup_timestamp"));
});

test("notes are dropped from statements that have errors", () => {
  assert.deepEqual(check("BACKUP SNAPSHOT db.s TO r PROPERTIES ('timeout' = '5')").diagnostics.map((d) => d.code), ["SR324"]);
});

test("the counts agree with the diagnostics on the mixed script", () => {
  const report = check(SCRIPT);
  const count = (s) => report.diagnostics.filter((d) => d.severity === s).length;
  assert.deepEqual([report.errors, report.warnings, report.infos], [count("error"), count("warning"), count("info")]);
  assert.equal(report.errors, 5);
  assertSpans(SCRIPT, report);
});

test("targetVersion: every form of the version, and what it changes", () => {
  const newSyntax = "BACKUP DATABASE db1 SNAPSHOT s TO r ON (TABLE t1)";
  const codes = (sql, v) => findings(sql, { targetVersion: v }).map(([c]) => c);
  for (const v of ["3.3", "v3.3", "V3.3", "3.3.9", " 3.3", "3.0", "2.5"]) assert.deepEqual(codes(newSyntax, v), ["SR601"], v);
  for (const v of ["3.4", "v3.4.2", "3.4.0", "4.2", "latest", "LATEST", "9.9", "3.10"]) assert.deepEqual(codes(newSyntax, v), [], v);
  assert.equal(findings(newSyntax, { targetVersion: "3.3" })[0][2], "db1");
  assert.equal(check(newSyntax, { targetVersion: "3.3" }).diagnostics[0].message, "`DATABASE …` and typed ON items need StarRocks 3.4; the target is 3.3");
  // DROP SNAPSHOT came in 4.2; the default target is the latest release.
  assert.deepEqual(codes("DROP SNAPSHOT s ON r FORCE", "4.1"), ["SR603"]);
  assert.deepEqual(codes("DROP SNAPSHOT s ON r FORCE", "4.2"), []);
  assert.deepEqual(check("DROP SNAPSHOT s ON r FORCE"), check("DROP SNAPSHOT s ON r FORCE", { targetVersion: "latest" }));
  assert.deepEqual(check("DROP SNAPSHOT s ON r FORCE", {}), check("DROP SNAPSHOT s ON r FORCE", undefined));
});

test("clusterMode: shared-data warns on the latest release and refuses on 4.0", () => {
  const sql = "BACKUP SNAPSHOT db1.s TO r";
  assert.deepEqual(findings(sql, { clusterMode: "shared-data" }), [["SR606", "warning", "BACKUP"]]);
  assert.deepEqual(findings(sql, { clusterMode: "shared-data", targetVersion: "4.0" }), [["SR606", "error", "BACKUP"]]);
  assert.equal(check(sql, { clusterMode: "shared-data", targetVersion: "4.0" }).diagnostics[0].message, "BACKUP is not supported on shared-data clusters");
  assert.deepEqual(findings(sql, { clusterMode: "shared-nothing" }), []);
  assert.deepEqual(check(sql, { clusterMode: "shared-nothing" }), check(sql));
});

test("catalog: existence and submission checks, silent without one", () => {
  const cases = [
    ["BACKUP SNAPSHOT sales.sales_2024 TO s3_repo ON (ordrs, mysql_orders)", [
      ["SR503", "error", "sales_2024"],
      ["SR403", "error", "ordrs"],
      ["SR505", "error", "mysql_orders"],
    ]],
    ["BACKUP SNAPSHOT Sales.n1 TO s3_repo ON (customers)", [["SR401", "error", "Sales"]]],
    ["BACKUP SNAPSHOT sales.n1 TO s3_repo ON (orders)", [["SR506", "error", "orders"]]],
    ["BACKUP SNAPSHOT sales.n1 TO archive_repo ON (customers)", [["SR502", "error", "archive_repo"]]],
    ["BACKUP SNAPSHOT sales.n1 TO s3_rep ON (customers)", [["SR413", "error", "s3_rep"]]],
    ["BACKUP SNAPSHOT sales.n1 TO s3_repo ON (`订单😀` PARTITION (p9))", [["SR406", "error", "p9"]]],
    ["BACKUP SNAPSHOT ref.n1 TO s3_repo", [["SR504", "error", "ref"]]],
    ["BACKUP EXTERNAL CATALOG (hive) SNAPSHOT c1 TO s3_repo", [["SR408", "error", "hive"]]],
    ["BACKUP DATABASE sales SNAPSHOT n1 TO s3_repo ON (FUNCTION normalize_phon)", [["SR407", "error", "normalize_phon"]]],
    ['RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (TABLE orders) PROPERTIES ("backup_timestamp" = "2024-12-09")', [
      ["SR507", "error", '"2024-12-09"'],
    ]],
    // A materialized view built on another database's table: that table is not backed up with it.
    ["BACKUP SNAPSHOT sales.n1 TO s3_repo ON (customers, order_summary, daily_totals)", [["SR411", "warning", "daily_totals"]]],
  ];
  for (const [sql, want] of cases) {
    assert.deepEqual(findings(sql, { catalog: CATALOG }), want, sql);
    assert.deepEqual(findings(sql).filter(([c]) => c >= "SR400" && c < "SR600"), [], `no catalog: ${sql}`);
  }
  const [sr504] = check("BACKUP SNAPSHOT ref.n1 TO s3_repo", { catalog: CATALOG }).diagnostics;
  assert.equal(sr504.message, "the BACKUP job `ref_nightly` (id 10042, UPLOADING) is still running on database `ref`, and StarRocks runs one job per database at a time");
  assert.equal(sr504.kind, "submission");
  assert.equal(sr504.starrocksMessage, "Can only run one backup or restore job of a database at same time");
});

test("catalog with targetVersion: list partitions before 3.4", () => {
  const sql = "BACKUP SNAPSHOT sales.n1 TO s3_repo ON (regions)";
  assert.deepEqual(findings(sql, { catalog: CATALOG }), []);
  assert.deepEqual(findings(sql, { catalog: CATALOG, targetVersion: "3.3" }), [["SR414", "error", "regions"]]);
});

test("catalog: the current database stands in for a missing one, and a minimal catalog works", () => {
  assert.deepEqual(findings("BACKUP SNAPSHOT n1 TO s3_repo ON (customers)", { catalog: CATALOG }), []);
  const noCurrent = { ...CATALOG, current_database: null };
  assert.deepEqual(findings("BACKUP SNAPSHOT n1 TO s3_repo ON (customers)", { catalog: noCurrent }).map(([c]) => c), ["SR402"]);
  const minimal = {
    current_database: "sales",
    databases: [{ name: "sales", tables: [{ name: "orders" }] }],
    repositories: [{ name: "s3_repo" }],
  };
  assert.deepEqual(findings("BACKUP SNAPSHOT sales.s1 TO s3_repo ON (orders)", { catalog: minimal }), []);
  assert.deepEqual(findings("BACKUP SNAPSHOT sales.s1 TO s3_repo ON (ordrs)", { catalog: minimal }), [["SR403", "error", "ordrs"]]);
  assert.deepEqual(findings("BACKUP SNAPSHOT sales.s1 TO s3_repo ON (orders)", { catalog: {} }).map(([c]) => c), ["SR401", "SR413"]);
});

test("a catalog diagnostic's fix writes the near name", () => {
  const sql = "-- 😀\nBACKUP SNAPSHOT sales.n1 TO s3_repo ON (`订单😀` PARTITION (p9), custmers)";
  const report = check(sql, { catalog: CATALOG });
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  assert.deepEqual(errors.map((d) => [d.code, spanText(sql, d.span), d.fix.edits.map((e) => e.replacement)]), [
    ["SR406", "p9", ["p1"]],
    ["SR403", "custmers", ["customers"]],
  ]);
  let fixed = sql;
  for (const d of [...errors].reverse()) fixed = applyFix(fixed, d.fix);
  assert.equal(fixed, "-- 😀\nBACKUP SNAPSHOT sales.n1 TO s3_repo ON (`订单😀` PARTITION (p1), customers)");
  assert.equal(check(fixed, { catalog: CATALOG }).errors, 0);
});

test("every fix removes its diagnostic (corpus, with and without a catalog, and on 3.3)", () => {
  let fixes = 0;
  const codes = new Set();
  for (const { sql } of readCorpus()) {
    for (const options of [undefined, { catalog: CATALOG }, { targetVersion: "3.3" }]) {
      for (const d of check(sql, options).diagnostics) {
        if (!d.fix) continue;
        const fixed = applyFix(sql, d.fix);
        assert.notEqual(fixed, sql, `${d.code} changes the text`);
        const after = check(fixed, options).diagnostics;
        assert.ok(
          !after.some((a) => a.code === d.code && a.message === d.message),
          `${d.code} (${d.fix.message}) stays after its fix:\n  ${sql}\n→ ${fixed}`,
        );
        fixes++;
        codes.add(d.code);
      }
    }
  }
  assert.ok(fixes > 1000, `${fixes} fixes applied`);
  for (const code of ["SR001", "SR003", "SR104", "SR105", "SR110", "SR204", "SR326", "SR601"]) assert.ok(codes.has(code), code);
});

test("the fix of an unknown property given twice removes every copy", () => {
  for (const sql of [
    "BACKUP SNAPSHOT db1.s TO r PROPERTIES ('a' = 'b', 'a' = 'c')",
    "BACKUP SNAPSHOT db1.s TO r PROPERTIES ('a' = 'b', 'type' = 'full', 'a' = 'c')",
    "BACKUP SNAPSHOT db1.s TO r PROPERTIES ('type' = 'full', 'a' = 'b', 'a' = 'c')",
  ]) {
    const d = check(sql).diagnostics.find((x) => x.code === "SR320");
    const fixed = applyFix(sql, d.fix);
    assert.deepEqual(check(fixed).diagnostics.filter((x) => x.code === "SR320"), [], fixed);
    assert.equal(check(fixed).errors, 0, fixed);
  }
});

test("the conformance corpus: errors exactly where StarRocks reports a syntax error", () => {
  let n = 0;
  for (const { verdict, sql } of readCorpus()) {
    const syntax = parse(sql).diagnostics.filter((d) => d.severity === "error");
    assert.equal(syntax.length > 0, verdict === "ERR", `${verdict}: ${JSON.stringify(sql)}`);
    n++;
  }
  assert.ok(n > 1000, `${n} statements`);
});

test("hostile input never throws, with or without options", () => {
  for (const sql of HOSTILE_SQL) {
    for (const options of [undefined, { catalog: CATALOG }, { targetVersion: "2.5", clusterMode: "shared-data" }]) {
      const report = check(sql, options);
      assert.equal(report.errors + report.warnings + report.infos, report.diagnostics.length);
      assertSpans(sql, report);
    }
  }
});

test("non-string SQL is a TypeError", () => {
  for (const bad of [undefined, null, 42, {}, ["SHOW BACKUP"], new String("SHOW BACKUP")]) {
    assertTypeError(() => check(bad), "sql", /^sql: expected a string$/);
    assertTypeError(() => check(bad, { catalog: CATALOG }), "sql");
  }
});
