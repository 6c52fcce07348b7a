// parse(sql): statements and what the lexer, the grammar and StarRocks's AST builder report.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, parse, check } from "starrocks-backup-sql";
import { HOSTILE_SQL, SCRIPT, assertSpans, assertTypeError, spanText } from "./support.mjs";

before(() => init());

// One statement of every kind, in order.
const KINDS = [
  ["BACKUP SNAPSHOT db.s TO r", "backup", "BACKUP SNAPSHOT db.s"],
  ["RESTORE SNAPSHOT db.s FROM r PROPERTIES ('backup_timestamp' = 'x')", "restore", "RESTORE SNAPSHOT db.s"],
  ["SHOW BACKUP", "show_backup", "SHOW BACKUP"],
  ["SHOW RESTORE FROM db", "show_restore", "SHOW RESTORE FROM db"],
  ["CANCEL BACKUP FROM db", "cancel_backup", "CANCEL BACKUP FROM db"],
  ["CANCEL RESTORE FROM db", "cancel_restore", "CANCEL RESTORE FROM db"],
  ["SHOW SNAPSHOT ON r", "show_snapshot", "SHOW SNAPSHOT ON r"],
  ["DROP SNAPSHOT snap1 ON repo1", "drop_snapshot", "DROP SNAPSHOT snap1 ON repo1"],
  ["CREATE REPOSITORY r1 WITH BROKER ON LOCATION 's3a://b/p'", "create_repository", "CREATE REPOSITORY r1"],
  ["DROP REPOSITORY r", "drop_repository", "DROP REPOSITORY r"],
  ["SHOW REPOSITORIES", "show_repositories", "SHOW REPOSITORIES"],
  ["SELECT 1", "other", "SELECT 1"],
  ["BACKUP TO", "invalid", "BACKUP TO"],
];

test("every statement kind, with its span and summary", () => {
  const sql = KINDS.map(([s]) => s).join(";\n") + ";\n";
  const report = parse(sql);
  assert.deepEqual(Object.keys(report).sort(), ["diagnostics", "statements"]);
  assert.deepEqual(
    report.statements.map((s) => [spanText(sql, s.span), s.kind, s.summary]),
    KINDS,
  );
  assert.deepEqual(report.statements[2].span, { start: 95, end: 106, line: 3, column: 1, endLine: 3, endColumn: 12 });
  assertSpans(sql, report);
});

test("diagnostics: code, severity, kind, message, span, expected, help, fix, StarRocks's message", () => {
  const sql = "SHOW BAKUP FROM sales";
  const { statements, diagnostics } = parse(sql);
  assert.deepEqual(statements, [
    { kind: "invalid", span: { start: 0, end: 21, line: 1, column: 1, endLine: 1, endColumn: 22 }, summary: "SHOW BAKUP FROM sales" },
  ]);
  assert.deepEqual(diagnostics, [
    {
      code: "SR104",
      severity: "error",
      kind: "syntax",
      message: "unknown keyword `BAKUP`: did you mean `BACKUP`?",
      span: { start: 5, end: 10, line: 1, column: 6, endLine: 1, endColumn: 11 },
      expected: ["BACKUP", "REPOSITORIES", "RESTORE", "SNAPSHOT"],
      help: "expected BACKUP, REPOSITORIES, RESTORE or SNAPSHOT",
      fix: {
        message: "replace with `BACKUP`",
        edits: [{ span: { start: 5, end: 10, line: 1, column: 6, endLine: 1, endColumn: 11 }, replacement: "BACKUP" }],
      },
      starrocksMessage:
        "Getting syntax error at line 1, column 5. Detail message: Unexpected input 'BAKUP', the most similar input is {'BACKUP', 'REPOSITORIES', 'RESTORE', 'SNAPSHOT'}.",
    },
  ]);
});

test("one bad statement never hides the next", () => {
  const sql = "BACKUP SNAPSHOT db.s TO;\nRESTORE SNAPSHOT db.s FORM r;\nSHOW BACKUP";
  const { statements, diagnostics } = parse(sql);
  assert.deepEqual(statements.map((s) => s.kind), ["invalid", "invalid", "show_backup"]);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message, d.span]),
    [
      ["SR100", "expected a repository name, found the end of the statement", { start: 23, end: 23, line: 1, column: 24, endLine: 1, endColumn: 24 }],
      ["SR100", "expected FROM or `.`, found name `FORM`", { start: 47, end: 51, line: 2, column: 23, endLine: 2, endColumn: 27 }],
    ],
  );
});

test("parse runs no analyzer or version check (check does)", () => {
  const sql = "RESTORE SNAPSHOT db.s FROM r";
  assert.deepEqual(parse(sql).diagnostics, []);
  assert.deepEqual(check(sql).diagnostics.filter((d) => d.severity === "error").map((d) => d.code), ["SR326"]);
});

test("statements outside the family and blank input", () => {
  // StarRocks rejects input made only of blanks and comments; empty statements are fine.
  for (const blank of ["", "  ", "-- c", "/* c */"]) {
    assert.deepEqual(parse(blank).statements, []);
    assert.deepEqual(parse(blank).diagnostics.map((d) => [d.code, d.severity, d.message]), [["SR101", "error", "the input holds no statement"]]);
  }
  assert.deepEqual(parse(" ;; \n -- c\n"), { statements: [], diagnostics: [] });
  const other = parse("SELECT * FROM t");
  assert.deepEqual(other.statements.map((s) => s.kind), ["other"]);
  assert.deepEqual(other.diagnostics.map((d) => [d.code, d.severity]), [["SR107", "info"]]);
});

test("the mixed script parses into every statement, errors included", () => {
  const { statements, diagnostics } = parse(SCRIPT);
  assert.deepEqual(statements.map((s) => s.kind), [
    "create_repository", "backup", "backup", "restore", "show_backup", "show_restore", "show_snapshot",
    "cancel_backup", "invalid", "invalid", "invalid", "invalid", "other", "invalid",
  ]);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.span.line, spanText(SCRIPT, d.span), d.fix !== null]),
    [
      ["SR112", 11, "", false],
      ["SR100", 12, "", false],
      ["SR103", 13, ")", true],
      ["SR100", 14, "FORM", false],
      ["SR107", 15, "SELECT 1", false],
      ["SR100", 16, "", false],
    ],
  );
  assertSpans(SCRIPT, { statements, diagnostics });
});

test("hostile input never throws and every span is in the text", () => {
  for (const sql of HOSTILE_SQL) {
    const report = parse(sql);
    assert.ok(Array.isArray(report.statements) && Array.isArray(report.diagnostics), JSON.stringify(sql.slice(0, 20)));
    assertSpans(sql, report);
  }
});

test("a lone surrogate is one UTF-16 unit, as in JavaScript", () => {
  const sql = "\uD800 BAKUP";
  const [d] = parse(sql).diagnostics;
  assert.equal(d.code, "SR100");
  assert.deepEqual(d.span, { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 });
});

test("non-string SQL is a TypeError", () => {
  for (const bad of [undefined, null, 5, true, {}, [], new String("SHOW BACKUP"), Symbol("x"), () => "SHOW BACKUP"]) {
    assertTypeError(() => parse(bad), "sql", /^sql: expected a string$/);
  }
});
