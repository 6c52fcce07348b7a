// complete(sql, offset, options): keywords the grammar expects at a cursor and, with a catalog,
// the names that fit there; `span` is the text the chosen item replaces.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, complete } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, assertSpans, assertTypeError, spanText } from "./support.mjs";

before(() => init());

/** Items as `label:kind` at the end of `sql`. */
const at = (sql, options) => complete(sql, sql.length, options).items.map((i) => `${i.label}:${i.kind}`);
const withCatalog = { catalog: CATALOG };

test("an empty text: the statements' first keywords", () => {
  assert.deepEqual(complete("", 0), {
    span: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 },
    items: ["ADMIN", "BACKUP", "CANCEL", "CREATE", "DROP", "RESTORE", "SHOW"].map((label) => ({ label, kind: "keyword", detail: null })),
  });
});

test("a partial keyword: filtered by the prefix, span covers it", () => {
  const result = complete("BACKUP sn", 9);
  assert.deepEqual(result, {
    span: { start: 7, end: 9, line: 1, column: 8, endLine: 1, endColumn: 10 },
    items: [{ label: "SNAPSHOT", kind: "keyword", detail: null }],
  });
});

test("without a catalog, only keywords are offered", () => {
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO "), []);
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo ON ("), [
    "ALL", "FUNCTION", "FUNCTIONS", "MATERIALIZED VIEW", "MATERIALIZED VIEWS", "TABLE", "TABLES", "VIEW", "VIEWS",
  ].map((k) => `${k}:keyword`));
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo PROPERTIES ("), ['"timeout":property', '"ttl":property', '"type":property']);
});

test("with a catalog: repositories, databases, tables, partitions, snapshots, catalogs", () => {
  assert.deepEqual(complete("BACKUP SNAPSHOT sales.s TO ", 27, withCatalog).items, [
    { label: "archive_repo", kind: "repository", detail: "read-only repository" },
    { label: "s3_repo", kind: "repository", detail: "repository" },
  ]);
  assert.deepEqual(at("BACKUP SNAPSHOT sa", withCatalog), ["sales:database"]);
  assert.deepEqual(at("BACKUP DATABASE ", withCatalog), ["ref:database", "sales:database"]);
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo ON (or", withCatalog), ["orders:table"]);
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo ON (orders PARTITION (", withCatalog), ["p2024:partition", "p2025:partition"]);
  // A RESTORE names a snapshot (the catalog's, each once), or a database before `.`.
  assert.deepEqual(at("RESTORE SNAPSHOT ", withCatalog), ["catalogs_2025:snapshot", "ref:database", "sales:database", "sales_2024:snapshot"]);
  assert.deepEqual(complete("RESTORE SNAPSHOT sales_", 23, withCatalog).items, [{ label: "sales_2024", kind: "snapshot", detail: "s3_repo" }]);
  assert.deepEqual(at("BACKUP EXTERNAL CATALOG (", withCatalog), ["hive_cat:catalog"]);
});

test("names come before keywords; names that need quoting are quoted, matched by their value", () => {
  const items = complete("BACKUP SNAPSHOT sales.s TO s3_repo ON (", 39, withCatalog).items;
  const names = items.filter((i) => i.kind !== "keyword");
  assert.deepEqual(items.slice(0, names.length), names, "names first");
  assert.ok(names.some((i) => i.label === "`订单😀`" && i.kind === "table" && i.detail === "table in sales"));
  assert.ok(names.some((i) => i.label === "`my-table`"));
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo ON (my", withCatalog), ["mysql_orders:table", "`my-table`:table"]);
  assert.deepEqual(at("BACKUP SNAPSHOT sales.s TO s3_repo ON (订", withCatalog), ["`订单😀`:table"]);
  assert.equal(new Set(items.map((i) => i.label)).size, items.length, "no duplicates");
});

test("UTF-16 offsets: the cursor and the span after emoji and CJK, on a later line", () => {
  const sql = "-- 😀 备份\nBACKUP SNAPSHOT sales.s TO s3";
  const result = complete(sql, sql.length, withCatalog);
  assert.deepEqual(result.span, { start: 36, end: 38, line: 2, column: 28, endLine: 2, endColumn: 30 });
  assert.equal(spanText(sql, result.span), "s3");
  assert.deepEqual(result.items.map((i) => i.label), ["s3_repo"]);
  // Replacing the span with the item gives the completed text.
  const done = sql.slice(0, result.span.start) + result.items[0].label + sql.slice(result.span.end);
  assert.equal(done, "-- 😀 备份\nBACKUP SNAPSHOT sales.s TO s3_repo");
});

test("the cursor in the middle of the text, and beyond its end", () => {
  const sql = "BACKUP SNAPSHOT sales.s TO s3_repo ON (orders)";
  const inside = complete(sql, sql.indexOf("orders") + 2, withCatalog);
  assert.equal(spanText(sql, inside.span), "or");
  assert.deepEqual(inside.items.map((i) => i.label), ["orders"]);
  const beyond = complete("BACKUP sn", 1000);
  assert.deepEqual(beyond.span, complete("BACKUP sn", 9).span);
  // Inside a surrogate pair: no throw, the span stays on character boundaries.
  const emoji = "BACKUP SNAPSHOT `😀`";
  for (let offset = 0; offset <= emoji.length; offset++) assertSpans(emoji, complete(emoji, offset, withCatalog));
});

test("a bad offset is a TypeError naming it", () => {
  assertTypeError(() => complete("x", -1), "offset", /^offset: -1 is not an offset \(a whole number ≥ 0\)$/);
  assertTypeError(() => complete("x", 1.5), "offset", /1\.5 is not an offset/);
  assertTypeError(() => complete("x", NaN), "offset", /NaN/);
  assertTypeError(() => complete("x", Infinity), "offset");
  assertTypeError(() => complete("x"), "offset");
  assertTypeError(() => complete(1, 0), "sql");
  assertTypeError(() => complete("x", 0, { catalog: { databases: [{ name: 1 }] } }), "options.catalog.databases[0].name", /expected a string/);
});

test("hostile input: never throws, spans in the text", () => {
  for (const sql of HOSTILE_SQL) {
    for (const offset of [0, sql.length >> 1, sql.length]) {
      const result = complete(sql, offset, withCatalog);
      assertSpans(sql, result);
      assert.ok(result.span.end <= offset, "the replaced text ends at the cursor");
    }
  }
});
