// format(sql, options): the canonical text, or the input kept when formatting would lose text.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, format, parse } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, assertSpans, assertTypeError, readCorpus, spanText } from "./support.mjs";

before(() => init());

test("canonical form: upper-case keywords, one clause per line, a final semicolon", () => {
  assert.deepEqual(format("backup snapshot sales.daily to s3_repo on (table orders, customers)"), {
    text: "BACKUP SNAPSHOT sales.daily\nTO s3_repo\nON (TABLE orders, customers);\n",
    changed: true,
    blockedBy: [],
  });
  const canonical = "BACKUP SNAPSHOT sales.daily\nTO s3_repo;\n";
  assert.deepEqual(format(canonical), { text: canonical, changed: false, blockedBy: [] });
});

test("long lists go one item per line; comments are kept", () => {
  const items = Array.from({ length: 12 }, (_, i) => `table_number_${i}`);
  const text = format(`BACKUP SNAPSHOT db.s TO r ON (${items.join(", ")})`).text;
  assert.equal(text, `BACKUP SNAPSHOT db.s\nTO r\nON (\n${items.map((t) => `    ${t}`).join(",\n")}\n);\n`);
  assert.equal(
    format("/* keep */ backup snapshot db.s to r; -- tail\nshow backup").text,
    "/* keep */\nBACKUP SNAPSHOT db.s\nTO r;\n\n-- tail\nSHOW BACKUP;\n",
  );
});

test("names are quoted only where StarRocks needs it: backquotes, CJK, emoji", () => {
  assert.equal(
    format("-- 😀 note\nbackup snapshot `数据库`.`s` to `r` on (`表😀`, `select`, `my-table`, `a\"b`)").text,
    "-- 😀 note\nBACKUP SNAPSHOT 数据库.s\nTO r\nON (\n    `表😀`,\n    `select`,\n    `my-table`,\n    `a\"b`\n);\n",
  );
});

test("statements that do not parse are written back unchanged", () => {
  const sql = "SHOW BAKUP FROM x;\nbackup snapshot db.s to r";
  assert.equal(format(sql).text, "SHOW BAKUP FROM x;\n\nBACKUP SNAPSHOT db.s\nTO r;\n");
});

test("text StarRocks's lexer drops blocks formatting, and blockedBy says where", () => {
  const sql = "BACKUP SNAPSHOT sales.daily TO s3_repo # comment";
  const result = format(sql);
  assert.equal(result.text, sql);
  assert.equal(result.changed, false);
  assert.deepEqual(result.blockedBy.map((d) => [d.code, d.severity, spanText(sql, d.span), d.message]), [
    ["SR003", "warning", "#", "StarRocks ignores the character #"],
  ]);
  const unterminated = "backup snapshot db.s to r on ('x";
  assert.deepEqual(format(unterminated).blockedBy.map((d) => d.code), ["SR001"]);
  assert.equal(format(unterminated).text, unterminated);
});

test("formatting is idempotent and keeps every statement's meaning (conformance corpus)", () => {
  let n = 0;
  for (const { verdict, sql } of readCorpus()) {
    const once = format(sql);
    if (once.blockedBy.length > 0) continue;
    const twice = format(once.text);
    assert.deepEqual([twice.text, twice.changed], [once.text, false], JSON.stringify(sql));
    if (verdict === "OK" && parse(sql).statements.length > 0) {
      assert.deepEqual(
        parse(once.text).statements.map((s) => [s.kind, s.summary]),
        parse(sql).statements.map((s) => [s.kind, s.summary]),
        JSON.stringify(sql),
      );
      assert.deepEqual(parse(once.text).diagnostics.filter((d) => d.severity === "error"), [], JSON.stringify(sql));
    }
    n++;
  }
  assert.ok(n > 1000, `${n} statements formatted`);
});

test(
  "formatting never turns accepted input into rejected input",
  { todo: "rough edge: format(';').text is '' (and '-- c\\n;' becomes '-- c\\n'), which StarRocks rejects (SR101)" },
  () => {
    for (const sql of [";", ";;", "-- c\n;"]) {
      assert.deepEqual(parse(sql).diagnostics, [], sql);
      assert.deepEqual(parse(format(sql).text).diagnostics, [], sql);
    }
  },
);

test("options are accepted (and validated) but do not change the text", () => {
  const sql = "backup database db snapshot s to r";
  const plain = format(sql);
  for (const options of [{ targetVersion: "3.3" }, { clusterMode: "shared-data" }, { catalog: CATALOG }, {}, null, undefined]) {
    assert.deepEqual(format(sql, options), plain);
  }
  assertTypeError(() => format(sql, { targetVersion: "x" }), "options.targetVersion");
});

test("hostile input never throws; blockedBy spans are in the text", () => {
  for (const sql of HOSTILE_SQL) {
    const result = format(sql);
    assert.equal(typeof result.text, "string");
    assert.equal(result.changed, result.text !== sql);
    if (result.blockedBy.length > 0) assert.equal(result.text, sql);
    assertSpans(sql, result.blockedBy);
  }
});

test("non-string SQL is a TypeError", () => {
  assertTypeError(() => format(123), "sql", /^sql: expected a string$/);
  assertTypeError(() => format(undefined, {}), "sql");
});
