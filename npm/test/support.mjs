// Shared fixtures and helpers of the Node tests (not a test file itself: `node --test` runs
// only *.test.mjs). Everything here is plain data or a small pure function.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The npm package's directory (npm/), with a trailing slash. */
export const NPM = fileURLToPath(new URL("../", import.meta.url));
/** The repository's root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The package's own .wasm. */
export const WASM_PATH = `${NPM}pkg/starrocks_backup_sql_bg.wasm`;
/** The package's version, as package.json says it. */
export const PACKAGE_VERSION = JSON.parse(readFileSync(`${NPM}package.json`, "utf8")).version;

/** Every function the package exports besides `init` and `initSync`. */
export const FUNCTIONS = [
  "parse",
  "check",
  "format",
  "explainPrivileges",
  "planFromSql",
  "sqlFromPlan",
  "convertSyntax",
  "companions",
  "complete",
  "rules",
  "version",
];

/**
 * A small but realistic catalog in the format of docs/catalog.md: the documentation's example
 * cluster, plus names that need quoting (CJK, emoji, a dash) to exercise completion and the
 * UTF-16 positions of catalog diagnostics. The job that is running is on `ref`, so that
 * statements on `sales` are not blocked by it.
 */
export const CATALOG = Object.freeze({
  version: 1,
  current_database: "sales",
  databases: [
    {
      name: "sales",
      tables: [
        {
          name: "orders",
          engine: "StarRocks",
          partition_type: "range",
          partitions: ["p2024", "p2025"],
          temporary_partitions: ["tp_fix"],
        },
        { name: "customers", engine: "StarRocks", partition_type: "unpartitioned", partitions: ["customers"] },
        { name: "regions", engine: "StarRocks", partition_type: "list", partitions: ["p_east", "p_west"] },
        { name: "mysql_orders", engine: "MySQL" },
        { name: "order_summary", kind: "view", engine: "" },
        {
          name: "daily_totals",
          kind: "materialized_view",
          engine: "StarRocks",
          partitions: ["p202401"],
          base_tables: ["orders", "ref.currencies"],
        },
        { name: "订单😀", engine: "StarRocks", partitions: ["p1"] },
        { name: "my-table", engine: "StarRocks" },
      ],
      functions: [{ name: "normalize_phone", args: ["VARCHAR"] }],
    },
    { name: "ref", tables: [{ name: "currencies", partitions: ["currencies"] }] },
  ],
  external_catalogs: ["hive_cat"],
  repositories: [
    {
      name: "s3_repo",
      location: "s3://backups/starrocks",
      snapshots: [
        {
          name: "sales_2024",
          timestamp: "2024-12-09-10-25-58-842",
          database: "sales",
          tables: [
            { name: "orders", partitions: ["p2024"] },
            { name: "order_summary", kind: "view" },
          ],
          functions: ["normalize_phone"],
        },
        { name: "sales_2024", timestamp: "2025-01-09-10-00-00-000" },
        { name: "catalogs_2025", timestamp: "2025-02-01-00-00-00-000", catalogs: ["hive_cat"] },
      ],
    },
    { name: "archive_repo", read_only: true },
  ],
  running_jobs: [
    {
      kind: "backup",
      database: "ref",
      label: "ref_nightly",
      repository: "s3_repo",
      job_id: "10042",
      state: "UPLOADING",
    },
  ],
});

/** A script of most statement kinds, with non-ASCII names and errors that carry fixes. */
export const SCRIPT = `-- nightly 备份 😀
CREATE REPOSITORY repo1 WITH BROKER ON LOCATION "s3a://bucket/backup"
PROPERTIES ("aws.s3.access_key" = "k", "aws.s3.secret_key" = "s", "aws.s3.endpoint" = "e");
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION (p1, p2), TABLE t2, ALL VIEWS) PROPERTIES ("type" = "full");
BACKUP SNAPSHOT db1.s2 TO repo1 ON (TABLE \`表😀\`);
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (TABLE t1 AS t1_copy) PROPERTIES ("backup_timestamp" = "2024-01-01-00-00-00-000");
SHOW BACKUP FROM db1;
SHOW RESTORE FROM db1 WHERE SnapshotName = "s1";
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT = "s1";
CANCEL BACKUP FROM db1;
DROP SNAPSHOT ON repo1 WHERE SNAPSHOT = "s1";
BACKUP SNAPSHOT db1.s3 TO;
BACKUP SNAPSHOT db1.s4 TO repo1 PROPERTIES ();
RESTORE SNAPSHOT db1.s5 FORM repo1;
SELECT 1;
BACKUP SNAPSHOT db1.s6 TO repo1 ON (TABLE t1 PARTITION (p1,
`;

/**
 * Inputs no function may throw on: empty, blank, NUL, lone surrogates, control characters,
 * unterminated quotes and comments, long and deeply repeated text, emoji and CJK everywhere.
 */
export const HOSTILE_SQL = [
  "",
  " ",
  ";;;",
  "\0",
  "\uD800",
  "\uDC00 BACKUP",
  "BACKUP SNAPSHOT db.s TO r\u0000;",
  "\u0001\u0002\u001b[31m",
  "'",
  '"',
  "`",
  "/*",
  "-- only a comment",
  "BACKUP SNAPSHOT `db`.`s``` TO `r",
  "BACKUP SNAPSHOT 😀.😀 TO 😀 ON (😀 PARTITION (😀))",
  "BACKUP SNAPSHOT `数据库`.`快照` TO `仓库` ON (TABLE `表`) PROPERTIES (\"type\" = \"全量\")",
  "RESTORE SNAPSHOT `a\nb`.s FROM r PROPERTIES ('backup_timestamp' = 'x\ny')",
  "BACKUP SNAPSHOT db.s TO r ON (" + "t, ".repeat(2000) + "t)",
  "(".repeat(5000),
  ")".repeat(5000),
  "BACKUP ".repeat(3000),
  "SHOW BACKUP;".repeat(3000),
  "\u202EBACKUP SNAPSHOT db.s TO r\u202C",
  "\uFEFFSHOW BACKUP",
  "SHOW BACKUP\u2028FROM db\u2029",
  "\u3000SHOW\u3000BACKUP",
  "<script>alert(1)</script>",
  "${x}",
  "__proto__",
  "constructor",
];

/** The text a span covers. */
export function spanText(text, span) {
  return text.slice(span.start, span.end);
}

/** Line and column (1-based, UTF-16) of a UTF-16 offset, computed independently of the package. */
export function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

/** Asserts a span is well formed in `text`: offsets in range, line/column matching them. */
export function assertSpan(text, span, where = "span") {
  assert.deepEqual(Object.keys(span).sort(), ["column", "end", "endColumn", "endLine", "line", "start"], where);
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: integer offsets`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${where}: ${span.start}..${span.end} in 0..${text.length}`);
  const start = lineColumn(text, span.start);
  const end = lineColumn(text, span.end);
  assert.deepEqual(
    { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn },
    { line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
    `${where}: line/column of ${span.start}..${span.end}`,
  );
}

/** Every span (an object with offsets and line/columns) anywhere in a report, with its path. */
export function* spansOf(value, path = "$") {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* spansOf(value[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    if ("start" in value && "end" in value && "line" in value && "endColumn" in value) {
      yield [path, value];
      return;
    }
    for (const [k, v] of Object.entries(value)) yield* spansOf(v, `${path}.${k}`);
  }
}

/** Asserts every span of a report is well formed in `text`; returns how many there were. */
export function assertSpans(text, report) {
  let n = 0;
  for (const [path, span] of spansOf(report)) {
    assertSpan(text, span, path);
    n++;
  }
  return n;
}

/** Applies a fix's edits (from the last to the first, so earlier offsets stay valid). */
export function applyFix(text, fix) {
  for (const e of [...fix.edits].reverse()) {
    text = text.slice(0, e.span.start) + e.replacement + text.slice(e.span.end);
  }
  return text;
}

/**
 * Asserts `fn` throws a TypeError whose message starts with `path:` (the field that is wrong),
 * and optionally matches `detail`. Returns the message.
 */
export function assertTypeError(fn, path, detail) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `expected a TypeError naming ${path}, but nothing was thrown`);
  assert.ok(error instanceof TypeError, `expected a TypeError, got ${error?.constructor?.name}: ${error?.message}`);
  assert.ok(error.message.startsWith(`${path}: `), `the message names \`${path}\`: ${error.message}`);
  if (detail) assert.match(error.message, detail);
  return error.message;
}

const ESCAPES = { t: "\t", n: "\n", r: "\r", v: "\v", f: "\f", "\\": "\\" };

/**
 * The conformance corpus (core/tests/conformance/verdicts.tsv): StarRocks's verdict (`OK` or
 * `ERR`) on each statement, with the file's escapes (`\t \n \r \v \f \\ \u{XXXX}`) decoded.
 */
export function readCorpus() {
  const text = readFileSync(`${ROOT}core/tests/conformance/verdicts.tsv`, "utf8");
  const rows = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const [verdict, statement, source] = line.split("\t");
    const sql = statement.replace(/\\(u\{([0-9A-Fa-f]+)\}|[tnrvf\\])/g, (_, e, hex) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : ESCAPES[e],
    );
    rows.push({ verdict, sql, source });
  }
  return rows;
}
