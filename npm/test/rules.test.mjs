// rules() and version(): the rule catalogue and the package's version.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, rules, version, check, planFromSql } from "starrocks-backup-sql";
import { CATALOG, PACKAGE_VERSION, ROOT, readCorpus } from "./support.mjs";

before(() => init());

test("rules(): every rule with a stable code, in code order", () => {
  const all = rules();
  assert.equal(all.length, 132);
  assert.deepEqual(all[0], {
    code: "SR001",
    name: "unterminated-string",
    kind: "lexical",
    severity: "warning",
    summary: "A string literal has no closing quote: StarRocks's lexer drops it and the rest of the input without an error of its own, so the statement fails where the dropped text was needed (usually) or runs without it.",
    starrocksMessage: "Getting syntax error at line L, column C. Detail message: Unexpected input '<EOF>' (when the dropped text was needed).",
    versions: "all",
  });
  // Its default severity; check() lowers it to a warning where the docs are not definite.
  assert.deepEqual(all.find((r) => r.code === "SR606"), {
    code: "SR606",
    name: "shared-data-cluster",
    kind: "compat",
    severity: "error",
    summary: "BACKUP or RESTORE on a shared-data cluster, where StarRocks's docs say they are not supported.",
    starrocksMessage: null,
    versions: "all",
  });
  const codes = all.map((r) => r.code);
  assert.deepEqual(codes, [...codes].sort(), "sorted");
  assert.equal(new Set(codes).size, codes.length, "unique");
  for (const r of all) {
    assert.match(r.code, /^SR\d{3}$/);
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.code);
    assert.ok(["lexical", "syntax", "statement", "semantic", "catalog", "submission", "compat"].includes(r.kind), r.code);
    assert.ok(["error", "warning", "info"].includes(r.severity), r.code);
    assert.match(r.versions, /^(all|<?\d+\.\d+\+?)$/, r.code);
    assert.ok(r.summary.length > 10 && r.summary.endsWith("."), r.code);
    assert.ok(r.starrocksMessage === null || typeof r.starrocksMessage === "string", r.code);
  }
  // A fresh array each call: callers may sort or filter it.
  assert.notEqual(rules(), rules());
  assert.deepEqual(rules(), rules());
});

test("rules() matches docs/rules.md row by row", () => {
  const rows = readFileSync(`${ROOT}docs/rules.md`, "utf8")
    .split("\n")
    .filter((l) => /^\| SR\d{3} \|/.test(l))
    .map((l) => l.slice(2, -2).split(/ \| /));
  const documented = rows.map(([code, name, kind, severity, versions]) => ({ code, name, kind, severity, versions }));
  assert.deepEqual(
    rules().map(({ code, name, kind, severity, versions }) => ({ code, name, kind, severity, versions })),
    documented,
  );
});

test("every code a diagnostic carries is in the catalogue", () => {
  const known = new Set(rules().map((r) => r.code));
  const seen = new Set();
  for (const { sql } of readCorpus()) {
    for (const options of [undefined, { catalog: CATALOG, targetVersion: "3.3", clusterMode: "shared-data" }]) {
      for (const d of check(sql, options).diagnostics) seen.add(d.code);
      for (const d of planFromSql(sql, options).diagnostics) seen.add(d.code);
    }
  }
  for (const code of seen) assert.ok(known.has(code), code);
  assert.ok(seen.size > 60, `${seen.size} codes seen`);
});

test("version() is the package's version", () => {
  assert.equal(version(), PACKAGE_VERSION);
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("rules() and version() ignore arguments", () => {
  assert.deepEqual(rules("ignored", { targetVersion: "bad" }), rules());
  assert.equal(version(42), version());
});
