// The options every function takes: each form accepted, and every bad value a TypeError whose
// message starts with the path of the field (`options.catalog.databases[0].tables[0].name: …`).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as sr from "starrocks-backup-sql";
import { CATALOG, assertTypeError } from "./support.mjs";

before(() => sr.init());

const SQL = "BACKUP SNAPSHOT sales.s TO s3_repo ON (orders)";

/** Every function that takes options, called with `options`. */
const WITH_OPTIONS = {
  check: (o) => sr.check(SQL, o),
  format: (o) => sr.format(SQL, o),
  explainPrivileges: (o) => sr.explainPrivileges(SQL, o),
  planFromSql: (o) => sr.planFromSql(SQL, o),
  sqlFromPlan: (o) => sr.sqlFromPlan(sr.planFromSql(SQL).plan, o),
  convertSyntax: (o) => sr.convertSyntax(SQL, "v3.4", o),
  companions: (o) => sr.companions(SQL, o),
  companionsOfPlan: (o) => sr.companions(sr.planFromSql(SQL).plan, o),
  complete: (o) => sr.complete(SQL, 10, o),
};

const GOOD = [
  undefined,
  null,
  {},
  { targetVersion: "3.3" },
  { targetVersion: "v3.4.2" },
  { targetVersion: "3.4.2" },
  { targetVersion: "latest" },
  { targetVersion: "4.2" },
  { targetVersion: "2.5" },
  { clusterMode: "shared-nothing" },
  { clusterMode: "shared-data" },
  { catalog: CATALOG },
  { catalog: {} },
  { catalog: { current_database: "sales", databases: [{ name: "sales", tables: [{ name: "orders" }] }], repositories: [{ name: "s3_repo" }] } },
  { grantee: "ROLE r" },
  { grantee: "USER 'u'@'h'" },
  { grantee: "USER 'o''brien'@'10.%'" },
  { scope: "auto" },
  { scope: "exact" },
  { scope: "broad" },
  { offset: 0 },
  { offset: 20 },
  { offset: 1_000_000 },
  { targetVersion: undefined, clusterMode: undefined, catalog: undefined, grantee: undefined, scope: undefined, offset: undefined },
  { targetVersion: null, clusterMode: null, catalog: null, grantee: null, scope: null, offset: null },
  {
    targetVersion: "3.3",
    clusterMode: "shared-data",
    catalog: CATALOG,
    grantee: "USER 'u'@'%'",
    scope: "exact",
    offset: 3,
  },
];

test("every function accepts every good option", () => {
  for (const [name, call] of Object.entries(WITH_OPTIONS)) {
    for (const options of GOOD) {
      const result = call(options);
      assert.equal(typeof result, "object", `${name}(${JSON.stringify(options)})`);
    }
  }
});

test("options change results where they should", () => {
  assert.equal(sr.planFromSql(SQL, { targetVersion: "3.3" }).plan.options.target, "3.3");
  assert.equal(sr.planFromSql(SQL, { targetVersion: "v3.4.2" }).plan.options.target, "3.4");
  assert.equal(sr.planFromSql(SQL, { targetVersion: "latest" }).plan.options.target, "4.2");
  assert.equal(sr.planFromSql(SQL, { clusterMode: "shared-data" }).plan.options.cluster, "shared-data");
  assert.equal(sr.planFromSql(SQL, { grantee: "USER 'u'@'h'" }).plan.options.grantee, "USER 'u'@'h'");
  assert.deepEqual(sr.planFromSql(SQL, { targetVersion: null }), sr.planFromSql(SQL));
  assert.deepEqual(sr.check(SQL, { catalog: CATALOG }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["SR506"]);
});

/** [options, path of the field named, what the message says]. */
const BAD = [
  [5, "options", /^options: expected an object$/],
  ["3.3", "options", /^options: expected an object$/],
  [true, "options", /^options: expected an object$/],
  [["3.3", null, null, null, null, null], "options", /^options: expected an object$/],
  [{ targetVersion: "three" }, "options.targetVersion", /`three` is not a StarRocks version: write it as 3\.4 \(or 3\.4\.2, or latest\)/],
  [{ targetVersion: "" }, "options.targetVersion", /is not a StarRocks version/],
  [{ targetVersion: "4" }, "options.targetVersion", /`4` is not a StarRocks version/],
  [{ targetVersion: 3.3 }, "options.targetVersion", /expected a string/],
  [{ clusterMode: "cloud" }, "options.clusterMode", /unknown variant `cloud`, expected `shared-nothing` or `shared-data`/],
  [{ clusterMode: "SHARED-DATA" }, "options.clusterMode", /unknown variant/],
  [{ grantee: "GROUP x" }, "options.grantee", /`GROUP x` names no grantee/],
  [{ grantee: "ROLE" }, "options.grantee", /the role has no name/],
  [{ grantee: ["ROLE r"] }, "options.grantee", /expected a string/],
  [{ scope: "wide" }, "options.scope", /unknown variant `wide`, expected one of `auto`, `exact`, `broad`/],
  [{ offset: -1 }, "options.offset", /^options\.offset: -1 is not an offset \(a whole number ≥ 0\)$/],
  [{ offset: 1.5 }, "options.offset", /1\.5 is not an offset/],
  [{ offset: "3" }, "options.offset", /expected f64/],
  [{ targetversion: "3.3" }, "options", /unknown field `targetversion`, expected one of `targetVersion`, `clusterMode`, `catalog`, `grantee`, `scope`, `offset`/],
  [{ catalog: 5 }, "options.catalog", /expected struct Catalog/],
  [{ catalog: "catalog.json" }, "options.catalog", /expected struct Catalog/],
  [{ catalog: { version: "1" } }, "options.catalog.version", /expected u32/],
  [{ catalog: { version: -1 } }, "options.catalog.version", /expected u32/],
  [{ catalog: { current_database: 1 } }, "options.catalog.current_database", /expected a string/],
  [{ catalog: { databases: {} } }, "options.catalog.databases", /expected a sequence/],
  [{ catalog: { databases: "x" } }, "options.catalog.databases", /expected a sequence/],
  [{ catalog: { tables: [] } }, "options.catalog", /unknown field `tables`/],
  [{ catalog: { databases: [{ name: "sales", tabels: [] }] } }, "options.catalog.databases[0]", /unknown field `tabels`, expected one of `name`, `tables`, `functions`/],
  [{ catalog: { databases: [{ name: "d", tables: [{ name: 1 }] }] } }, "options.catalog.databases[0].tables[0].name", /expected a string/],
  [{ catalog: { databases: [{ name: "d", tables: [{ name: "t" }, { name: 2 }] }] } }, "options.catalog.databases[0].tables[1].name", /expected a string/],
  [{ catalog: { databases: [{ name: "d", tables: [{ name: "t", kind: "index" }] }] } }, "options.catalog.databases[0].tables[0].kind", /unknown variant `index`, expected one of `table`, `view`, `materialized_view`/],
  [{ catalog: { databases: [{ name: "d", tables: [{ name: "t", temporary: 1 }] }] } }, "options.catalog.databases[0].tables[0].temporary", /expected a boolean/],
  [{ catalog: { databases: [{ name: "d", tables: [{ name: "t", partitions: "p1" }] }] } }, "options.catalog.databases[0].tables[0].partitions", /expected a sequence/],
  [{ catalog: { databases: [{ name: "d", functions: [{ name: "f", args: [1] }] }] } }, "options.catalog.databases[0].functions[0].args[0]", /expected a string/],
  [{ catalog: { external_catalogs: [1] } }, "options.catalog.external_catalogs[0]", /expected a string/],
  [{ catalog: { repositories: [{ name: "r", read_only: "yes" }] } }, "options.catalog.repositories[0].read_only", /expected a boolean/],
  [{ catalog: { repositories: [{ name: "r", snapshots: [{ name: "s", timestamp: 5 }] }] } }, "options.catalog.repositories[0].snapshots[0].timestamp", /expected a string/],
  [{ catalog: { running_jobs: [{ kind: "export", database: "d", label: "l" }] } }, "options.catalog.running_jobs[0].kind", /unknown variant `export`, expected `backup` or `restore`/],
  [{ catalog: { running_jobs: [{ kind: "backup", database: "d", label: "l", extra: 1 }] } }, "options.catalog.running_jobs[0]", /unknown field `extra`/],
  [{ catalog: { ...CATALOG, databases: [CATALOG.databases[0], { name: "ref", tables: [{ name: "t", base_tables: "x" }] }] } }, "options.catalog.databases[1].tables[0].base_tables", /expected a sequence/],
];

test("every bad option is a TypeError naming its field, in every function", () => {
  for (const [name, call] of Object.entries(WITH_OPTIONS)) {
    for (const [options, path, detail] of BAD) {
      try {
        assertTypeError(() => call(options), path, detail);
      } catch (e) {
        e.message = `${name}(${JSON.stringify(options)}): ${e.message}`;
        throw e;
      }
    }
  }
});

test("the field path of a bad option is exact in a deep catalog", () => {
  const catalog = structuredClone(CATALOG);
  catalog.databases[0].tables[2].name = 42;
  const message = assertTypeError(() => sr.check(SQL, { catalog }), "options.catalog.databases[0].tables[2].name");
  assert.match(message, /^options\.catalog\.databases\[0\]\.tables\[2\]\.name: invalid type: integer `42`, expected a string$/);
});

test("a bad argument fails before any work and leaves the module usable", () => {
  for (const [options] of BAD) assert.throws(() => sr.check(SQL, options), TypeError);
  assert.equal(sr.check("SHOW BACKUP").statements[0].kind, "show_backup");
});

test("unknown option and catalog fields are rejected, as the CLI rejects them (docs/catalog.md: a typo fails loudly)", () => {
  assertTypeError(() => sr.check(SQL, { targetversion: "3.3" }), "options", /unknown field `targetversion`/);
  assertTypeError(() => sr.check(SQL, { catalog: { databases: [{ name: "sales", tabels: [] }] } }), "options.catalog.databases[0]", /unknown field `tabels`/);
  assertTypeError(() => sr.explainPrivileges(SQL, { catalog: { repositories: [{ name: "r", readonly: true }] } }), "options.catalog.repositories[0]", /unknown field `readonly`/);
});

test(
  "NaN and Infinity are not offsets",
  () => {
    assertTypeError(() => sr.planFromSql(SQL, { offset: NaN }), "options.offset");
    assertTypeError(() => sr.planFromSql(SQL, { offset: Infinity }), "options.offset");
  },
);

test("an array is not an options object", () => {
  assertTypeError(() => sr.check(SQL, ["3.3", null, null, null, null, null]), "options");
});

test(
  "an array is not a catalog either",
  { todo: "rough edge: below the top level, serde_json reads a struct from an array (fields by position), so {catalog: []} is an empty catalog" },
  () => {
    assertTypeError(() => sr.check(SQL, { catalog: [] }), "options.catalog");
  },
);

test("values JSON cannot hold (BigInt, cycles) are TypeErrors", () => {
  assert.throws(() => sr.check(SQL, { offset: 10n }), TypeError);
  const cyclic = { name: "d" };
  cyclic.self = cyclic;
  assert.throws(() => sr.check(SQL, { catalog: { databases: [cyclic] } }), TypeError);
});

test("values JSON cannot hold are TypeErrors that name the options and say why", () => {
  const message = assertTypeError(() => sr.check(SQL, { offset: 10n }), "options");
  assert.match(message, /^options: cannot be read as JSON \(TypeError: .*BigInt.*\)$/);
});

test(
  "messages are plain sentences: no `Error: ` prefix inside, the value shown",
  () => {
    for (const [options] of BAD) {
      let message = "";
      try {
        sr.check(SQL, options);
      } catch (e) {
        message = e.message;
      }
      assert.doesNotMatch(message, /: (Error|TypeError): /, message);
      assert.doesNotMatch(message, /invalid type: (string )?,/, message);
    }
  },
);
