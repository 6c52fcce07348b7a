// Workspace: a text and its options kept between calls. Every method answers what the
// function of the same name answers for the same text and options.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  init,
  Workspace,
  check,
  parse,
  format,
  explainPrivileges,
  planFromSql,
  convertSyntax,
  companions,
  complete,
} from "starrocks-backup-sql";
import { CATALOG, SCRIPT, assertTypeError } from "./support.mjs";

before(() => init());

const BACKUP = "BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders)";

test("every method answers what the function of the same name answers", () => {
  const options = { targetVersion: "3.4", catalog: CATALOG, grantee: "USER 'u'@'%'", scope: "exact" };
  const ws = new Workspace(SCRIPT, options);
  assert.equal(ws.text, SCRIPT);
  assert.deepEqual(ws.parse(), parse(SCRIPT));
  assert.deepEqual(ws.check(), check(SCRIPT, options));
  assert.deepEqual(ws.format(), format(SCRIPT, options));
  assert.deepEqual(ws.explainPrivileges(), explainPrivileges(SCRIPT, options));
  assert.deepEqual(ws.planFromSql(), planFromSql(SCRIPT, options));
  assert.deepEqual(ws.convertSyntax("legacy"), convertSyntax(SCRIPT, "legacy", options));
  assert.deepEqual(ws.companions(), companions(SCRIPT, options));
  assert.deepEqual(ws.complete(7), complete(SCRIPT, 7, options));
  const last = SCRIPT.length - 2;
  assert.deepEqual(ws.planFromSql(last), planFromSql(SCRIPT, { ...options, offset: last }));
  ws.free();
});

test("setText and setOptions change what the next call sees", () => {
  const ws = new Workspace("RESTORE SNAPSHOT sales.snap FROM repo ON (TABLE orders)");
  assert.ok(ws.check().diagnostics.some((d) => d.code === "SR326"), "RESTORE needs backup_timestamp");
  ws.setText(BACKUP);
  assert.equal(ws.text, BACKUP);
  assert.equal(ws.check().errors, 0);
  assert.match(ws.explainPrivileges().grantSql, /GRANT EXPORT ON TABLE sales\.orders TO ROLE backup_operator;/);
  ws.setOptions({ grantee: "ROLE ops" });
  assert.match(ws.explainPrivileges().grantSql, /GRANT EXPORT ON TABLE sales\.orders TO ROLE ops;/);
  ws.setOptions({ targetVersion: "3.3" });
  assert.deepEqual(ws.check(), check(BACKUP, { targetVersion: "3.3" }));
  assert.match(ws.explainPrivileges().grantSql, /TO ROLE backup_operator;/, "options not given take their defaults");
  ws.setOptions();
  assert.deepEqual(ws.check(), check(BACKUP));
  ws.free();
});

test("bad arguments are TypeErrors naming them, and leave the workspace as it was", () => {
  assertTypeError(() => new Workspace(42), "sql");
  assertTypeError(() => new Workspace(BACKUP, { clusterMode: "cloud" }), "options.clusterMode");
  const ws = new Workspace(BACKUP, { targetVersion: "3.4" });
  assertTypeError(() => ws.setText(null), "sql");
  assertTypeError(() => ws.setOptions({ scope: "wide" }), "options.scope");
  assertTypeError(() => ws.complete(-1), "offset");
  assertTypeError(() => ws.planFromSql(0.5), "offset");
  assertTypeError(() => ws.convertSyntax("v4"), "to");
  assert.equal(ws.text, BACKUP);
  assert.deepEqual(ws.check(), check(BACKUP, { targetVersion: "3.4" }));
  ws.free();
});

test("many edits keep answering like a fresh check", () => {
  const ws = new Workspace("");
  let text = "";
  let checked = 0;
  for (const ch of BACKUP) {
    text += ch;
    ws.setText(text);
    assert.deepEqual(ws.check(), check(text), text);
    checked += 1;
  }
  assert.equal(checked, BACKUP.length);
  ws.free();
});
