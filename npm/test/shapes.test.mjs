// The objects the functions return have exactly the fields dist/index.d.ts declares: each report's
// keys are compared with the declaration generated from the Rust types.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as sr from "starrocks-backup-sql";
import { CATALOG, NPM } from "./support.mjs";

before(() => sr.init());

/** The fields of each plain object type in the generated declarations (`export type X = { … }`). */
function declaredFields() {
  const dts = readFileSync(`${NPM}dist/index.d.ts`, "utf8");
  const types = {};
  for (const m of dts.matchAll(/^export type (\w+) = \{\n([\s\S]*?)^\};/gm)) {
    types[m[1]] = [...m[2].matchAll(/^ {2}(\w+)\??: /gm)].map((f) => f[1]).sort();
  }
  return types;
}

const TYPES = declaredFields();
const keys = (o) => Object.keys(o).sort();

const RESTORE = 'RESTORE SNAPSHOT s FROM repo DATABASE sales ON (TABLE orders) PROPERTIES ("backup_timestamp" = "x")';

test("the declarations list the report types", () => {
  for (const name of ["CheckReport", "ParseReport", "Formatted", "PrivilegeReport", "PlanReport", "SqlReport", "ConvertedSql", "CompanionsReport", "Completion", "RuleInfo", "Diagnostic", "Range", "Options", "Catalog"]) {
    assert.ok(TYPES[name], name);
  }
  assert.deepEqual(TYPES.Range, ["column", "end", "endColumn", "endLine", "line", "start"]);
});

test("every report has exactly the declared fields", () => {
  const sql = "BACKUP SNAPSHOT sales.s TO r ON (ordrs);\nSHOW BAKUP";
  const check = sr.check(sql, { catalog: CATALOG });
  assert.deepEqual(keys(check), TYPES.CheckReport);
  assert.deepEqual(keys(sr.parse(sql)), TYPES.ParseReport);
  for (const d of check.diagnostics) {
    assert.deepEqual(keys(d), TYPES.Diagnostic);
    if (d.fix) {
      assert.deepEqual(keys(d.fix), TYPES.Fix);
      for (const e of d.fix.edits) assert.deepEqual(keys(e), TYPES.Edit);
    }
  }
  for (const s of check.statements) assert.deepEqual(keys(s), TYPES.StatementInfo);
  assert.deepEqual(keys(sr.format(sql)), TYPES.Formatted);
  const plan = sr.planFromSql(sql);
  assert.deepEqual(keys(plan), TYPES.PlanReport);
  assert.deepEqual(keys(sr.sqlFromPlan(plan.plan)), TYPES.SqlReport);
  assert.deepEqual(keys(sr.convertSyntax(sql, "v3.4")), TYPES.ConvertedSql);
  const companions = sr.companions(sql);
  assert.deepEqual(keys(companions), TYPES.CompanionsReport);
  assert.deepEqual(keys(companions.companions), TYPES.Companions);
  assert.deepEqual(keys(companions.companions.restore), TYPES.Companion);
  assert.deepEqual(keys(companions.companions.restorePlan), TYPES.RestorePlan);
  assert.deepEqual(keys(companions.companions.repositories[0]), TYPES.RepositoryTemplate);
  const completion = sr.complete(sql, 20);
  assert.deepEqual(keys(completion), TYPES.Completion);
  for (const r of sr.rules()) assert.deepEqual(keys(r), TYPES.RuleInfo);
  const privileges = sr.explainPrivileges(sql);
  assert.deepEqual(keys(privileges), TYPES.PrivilegeReport);
  assert.deepEqual(keys(privileges.grants), TYPES.GrantScript);
  for (const g of privileges.grants.grants) assert.deepEqual(keys(g), TYPES.Grant);
});

test(
  "absent values are null, never missing (privilege reports)",
  () => {
    const report = sr.explainPrivileges(`${RESTORE}; BACKUP SNAPSHOT s TO r ON (orders)`);
    for (const p of report.plans) {
      assert.deepEqual(keys(p), TYPES.PrivilegePlan, "PrivilegePlan");
      for (const r of p.requirements) assert.deepEqual(keys(r), TYPES.Requirement, "Requirement");
      for (const n of p.notes) assert.deepEqual(keys(n), TYPES.Note, "Note");
    }
    for (const g of report.grants.grants) for (const n of g.neededBy) assert.deepEqual(keys(n), TYPES.GrantNeed, "GrantNeed");
    for (const r of report.grants.refused) assert.deepEqual(keys(r), TYPES.Refusal, "Refusal");
    for (const n of report.grants.notes) assert.deepEqual(keys(n), TYPES.ScriptNote, "ScriptNote");
  },
);

test("absent values in a privilege report are null", () => {
  const report = sr.explainPrivileges(`${RESTORE}; BACKUP SNAPSHOT s TO r ON (orders)`);
  const [restore] = report.plans;
  assert.equal(restore.location, null);
  assert.equal(restore.requirements[0].condition, null);
  assert.equal(restore.requirements[1].condition, "only if database `sales` already exists");
  assert.equal(restore.notes[0].span, null);
  assert.equal(report.grants.refused.length, 1);
  assert.equal(report.grants.refused[0].location, null);
});
