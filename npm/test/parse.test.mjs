// Behaviour of the Node flavour, loaded through the package's own `exports` map
// (self-reference by name resolves the "node" condition to pkg-nodejs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parse, format } from "starrocks-backup-sql";

const VALID = "BACKUP SNAPSHOT db1.s1 TO repo1";

/** The one error in `result`, asserting there is exactly one. */
function onlyError(result) {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  assert.equal(errors.length, 1, JSON.stringify(result.diagnostics, null, 2));
  return errors[0];
}

test("a valid BACKUP has no diagnostics and one backup statement", () => {
  const result = parse(VALID);
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(result.statements, [{ type: "backup", start: 0, end: VALID.length }]);
});

test("every diagnostic has the documented shape", () => {
  const d = onlyError(parse("BACKUP SNAPSHOT db.s TO"));
  assert.deepEqual(Object.keys(d).sort(), [
    "code", "column", "end", "endColumn", "endLine", "expected", "fix", "help", "kind",
    "line", "message", "severity", "start", "starrocksMessage",
  ].sort());
  assert.match(d.code, /^SR\d+$/);
  assert.equal(d.kind, "syntax");
  assert.ok(d.message.length > 0);
  assert.ok(Array.isArray(d.expected) && d.expected.length > 0, "a syntax error says what was expected");
  for (const key of ["help", "fix", "starrocksMessage"]) {
    assert.ok(d[key] === null || typeof d[key] === (key === "fix" ? "object" : "string"), key);
  }
});

test("a BACKUP without a repository is an error at the end of the input", () => {
  const text = "BACKUP SNAPSHOT db.s TO";
  const d = onlyError(parse(text));
  assert.equal(d.end, text.length);
  assert.ok(d.start >= text.indexOf("TO") + 2, `start ${d.start}`);
  assert.equal(d.line, 1);
  assert.equal(d.endLine, 1);
  assert.equal(d.endColumn, text.length + 1);
});

test("offsets and columns count UTF-16 code units after emoji and CJK", () => {
  // The comment holds CJK (3 UTF-8 bytes, 1 UTF-16 unit each) and an emoji (4 bytes, 2 units).
  const text = "/* 备份 😀 */ BACKUP SNAPSHOT db.s TO";
  assert.notEqual(Buffer.byteLength(text), text.length);
  const d = onlyError(parse(text));
  assert.equal(d.end, text.length);
  assert.equal(d.endColumn, text.length + 1);

  const twoLines = "-- 备份 😀\nBACKUP SNAPSHOT `数据😀库`.s TO";
  const e = onlyError(parse(twoLines));
  const secondLine = twoLines.split("\n")[1];
  assert.equal(e.end, twoLines.length);
  assert.equal(e.endLine, 2);
  assert.equal(e.endColumn, secondLine.length + 1);
});

test("an error in the middle points at the offending token in UTF-16", () => {
  // PROPERTIES needs at least one property: the error is at the `)`.
  const text = "BACKUP SNAPSHOT `数据😀库`.s TO repo1 PROPERTIES ()";
  const d = onlyError(parse(text));
  const at = text.lastIndexOf(")");
  assert.equal(d.start, at, `diagnostic starts at ${JSON.stringify(text.slice(d.start))}`);
  assert.equal(d.line, 1);
  assert.equal(d.column, at + 1);
});

test("statements are summarised in order with UTF-16 spans", () => {
  const first = "SHOW BACKUP FROM 数据库";
  const second = "DROP REPOSITORY `r😀`";
  const text = `${first};\n${second};`;
  const { diagnostics, statements } = parse(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(statements, [
    { type: "show_backup", start: 0, end: first.length },
    { type: "drop_repository", start: first.length + 2, end: first.length + 2 + second.length },
  ]);
});

test("parse never throws and keeps every span inside the text", () => {
  const inputs = ["", ";;;", "BACKUP", "\u0000😀", "RESTORE SNAPSHOT", "备份 `unterminated", "'''", "/*"];
  for (const text of inputs) {
    const { diagnostics, statements } = parse(text);
    for (const d of [...diagnostics, ...statements]) {
      assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length, `${JSON.stringify(text)}: ${JSON.stringify(d)}`);
    }
  }
  for (const text of ["BACKUP", "RESTORE SNAPSHOT", "备份 `unterminated"]) {
    assert.ok(parse(text).diagnostics.some((d) => d.severity === "error"), JSON.stringify(text));
  }
});

test("format gives canonical SQL and is idempotent", () => {
  const canonical = format("backup   snapshot db1.s1\n to repo1");
  assert.equal(canonical, "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");
  assert.equal(format(canonical), canonical);
});
