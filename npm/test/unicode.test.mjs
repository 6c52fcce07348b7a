// Hostile names (backquotes, quotes, newlines, emoji, CJK) through every function, and the
// position model: UTF-16 offsets (`sql.slice(span.start, span.end)` is the text), 1-based
// lines and 1-based UTF-16 columns, `\n` ending a line (`\r\n` counts once).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as sr from "starrocks-backup-sql";
import { CATALOG, SCRIPT, assertSpan, assertSpans, spanText } from "./support.mjs";

before(() => sr.init());

// Two emoji (4 UTF-16 units) and CJK before the statement; names of every awkward kind in it.
const SQL =
  "-- 😀😀 备份\n" +
  "BACKUP DATABASE `数据` SNAPSHOT `a``b` TO `it's` ON (TABLE `say \"hi\"`, TABLE `line\nbreak`, VIEW `😀`) PROPERTIES (\"type\" = \"ful\");\n" +
  "SHOW BAKUP";

test("check: spans give the right text after emoji, CJK and a newline inside a name", () => {
  const report = sr.check(SQL);
  assert.deepEqual(
    report.statements.map((s) => [s.kind, s.summary, s.span.line, s.span.column, s.span.endLine]),
    [
      ["backup", "BACKUP DATABASE 数据 SNAPSHOT ab (3 objects)", 2, 1, 3],
      ["invalid", "SHOW BAKUP", 4, 1, 4],
    ],
  );
  assert.deepEqual(
    report.diagnostics.map((d) => [d.code, spanText(SQL, d.span), d.span]),
    [
      ["SR301", "`数据`", { start: 27, end: 31, line: 2, column: 17, endLine: 2, endColumn: 21 }],
      // StarRocks removes every backquote of a quoted name: `a``b` is `ab`.
      ["SR213", "`a``b`", { start: 41, end: 47, line: 2, column: 31, endLine: 2, endColumn: 37 }],
      ["SR321", '"ful"', { start: 132, end: 137, line: 3, column: 41, endLine: 3, endColumn: 46 }],
      ["SR104", "BAKUP", { start: 145, end: 150, line: 4, column: 6, endLine: 4, endColumn: 11 }],
    ],
  );
  assertSpans(SQL, report);
});

test("planFromSql decodes names as StarRocks does (backquotes removed), sqlFromPlan quotes them back", () => {
  const { plan } = sr.planFromSql(SQL);
  assert.deepEqual(
    [plan.database, plan.snapshot, plan.repository, plan.objects.map((o) => `${o.kind}:${o.name}`)],
    ["数据", "ab", "it's", ["table:say \"hi\"", "table:line\nbreak", "view:😀"]],
  );
  const written = sr.sqlFromPlan(plan);
  assert.equal(
    written.sql,
    'BACKUP DATABASE 数据 SNAPSHOT ab\nTO `it\'s`\nON (\n    TABLE `say "hi"`,\n    TABLE `line\nbreak`,\n    VIEW `😀`\n)\nPROPERTIES ("type" = "ful");\n',
  );
  assert.deepEqual(sr.planFromSql(written.sql).plan, plan);
  const sr321 = written.diagnostics.find((d) => d.code === "SR321");
  assert.equal(spanText(written.sql, sr321.span), '"ful"');
  assert.deepEqual([sr321.span.line, sr321.span.column], [9, 22]);
  assertSpans(written.sql, written);
});

test("explainPrivileges: neededBy spans after emoji, quoted names in GRANTs", () => {
  const report = sr.explainPrivileges(SQL, { scope: "exact", grantee: "ROLE `运维😀`" });
  // A view in the list needs a wildcard table grant, even with the exact scope.
  assert.deepEqual(
    report.grants.grants.map((g) => [g.grant, g.neededBy.map((n) => spanText(SQL, n.span))]),
    [
      ["GRANT REPOSITORY ON SYSTEM TO ROLE `运维😀`", ["`it's`"]],
      ["GRANT EXPORT ON ALL TABLES IN DATABASE 数据 TO ROLE `运维😀`", ['TABLE `say "hi"`', "TABLE `line\nbreak`", "VIEW `😀`"]],
    ],
  );
  assertSpans(SQL, report);
});

test("format keeps every awkward name intact", () => {
  const { text } = sr.format(SQL);
  assert.equal(
    text,
    '-- 😀😀 备份\nBACKUP DATABASE 数据 SNAPSHOT ab\nTO `it\'s`\nON (\n    TABLE `say "hi"`,\n    TABLE `line\nbreak`,\n    VIEW `😀`\n)\nPROPERTIES ("type" = "ful");\n\nSHOW BAKUP;\n',
  );
});

test("convertSyntax and companions with awkward names", () => {
  const legacy = "BACKUP SNAPSHOT `db😀`.`s 1` TO `r-2` ON (`表`, `a\"b`)";
  const converted = sr.convertSyntax(legacy, "v3.4");
  assert.equal(converted.sql, 'BACKUP DATABASE `db😀` SNAPSHOT `s 1`\nTO `r-2`\nON (TABLE 表, TABLE `a"b`);\n');
  assert.equal(sr.convertSyntax(converted.sql, "legacy").sql, 'BACKUP SNAPSHOT `db😀`.`s 1`\nTO `r-2`\nON (表, `a"b`);\n');
  const { companions } = sr.companions(legacy);
  assert.equal(companions.showSnapshot.sql, "SHOW SNAPSHOT ON `r-2` WHERE SNAPSHOT = 's 1';\n");
  assert.equal(companions.cancelBackup.sql, "CANCEL BACKUP FROM `db😀`;\n");
});

test("columns count UTF-16 units: an emoji is two, a CJK character one", () => {
  for (const [prefix, column] of [["", 10], ["😀", 12], ["数", 11], ["😀数😀", 15], ["\t", 11]]) {
    const sql = `/*${prefix}*/SHOW BAKUP`;
    const [d] = sr.parse(sql).diagnostics;
    assert.equal(spanText(sql, d.span), "BAKUP", prefix);
    assert.deepEqual([d.code, d.span.line, d.span.column], ["SR104", 1, column], prefix);
  }
});

test("line breaks: \\n and \\r\\n end a line, a lone \\r and U+2028 do not", () => {
  const crlf = "SHOW BACKUP;\r\nSHOW BAKUP;\r\n";
  const [d1] = sr.check(crlf).diagnostics;
  assert.deepEqual(d1.span, { start: 19, end: 24, line: 2, column: 6, endLine: 2, endColumn: 11 });
  const cr = "SHOW BACKUP;\rSHOW BAKUP";
  const [d2] = sr.check(cr).diagnostics;
  assert.deepEqual([spanText(cr, d2.span), d2.span.line, d2.span.column], ["BAKUP", 1, 19]);
  // U+2028 is a letter to StarRocks's lexer (it starts the name `\u2028SHOW`), not a line break.
  const ls = "SHOW BACKUP;\u2028SHOW BAKUP";
  const [d3] = sr.check(ls).diagnostics;
  assert.deepEqual([d3.code, spanText(ls, d3.span), d3.span.line, d3.span.column], ["SR100", "\u2028SHOW", 1, 13]);
});

test("a lone surrogate counts as one unit, like U+FFFD it becomes", () => {
  const sql = "\uD83D SHOW BAKUP \uDE00 SHOW";
  for (const d of sr.check(sql).diagnostics) assertSpan(sql, d.span);
  const [first] = sr.parse(sql).diagnostics;
  assert.equal(spanText(sql, first.span), "\uD83D");
});

test("every span of every function is consistent on a script and with a catalog", () => {
  const texts = [SQL, SCRIPT, "BACKUP SNAPSHOT sales.sales_2024 TO s3_repo ON (`订单😀` PARTITION (p9), ordrs, mysql_orders)"];
  let spans = 0;
  for (const sql of texts) {
    const options = { catalog: CATALOG };
    spans += assertSpans(sql, sr.parse(sql));
    spans += assertSpans(sql, sr.check(sql, options));
    spans += assertSpans(sql, sr.format(sql, options));
    spans += assertSpans(sql, sr.explainPrivileges(sql, options));
    spans += assertSpans(sql, sr.planFromSql(sql, options));
    spans += assertSpans(sql, sr.convertSyntax(sql, "legacy", options));
    spans += assertSpans(sql, sr.companions(sql, options));
    for (let offset = 0; offset <= sql.length; offset += 7) spans += assertSpans(sql, sr.complete(sql, offset, options));
  }
  assert.ok(spans > 100, `${spans} spans checked`);
});
