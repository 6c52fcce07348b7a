// The CLI and the npm package are two front ends over one façade: the same statements under the
// same options must give the same statements and diagnostics, with the same UTF-16 positions.
// `srbackup check --format json --position-encoding utf16` is compared with `check(sql, options)`
// over the conformance corpus (one statement per line with `--lines`; statements with line
// breaks and multi-statement scripts as files of one invocation), under several option sets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { init, check } from "starrocks-backup-sql";
import { CATALOG, HOSTILE_SQL, ROOT, SCRIPT, readCorpus } from "./support.mjs";

const BIN = process.env.SRBACKUP ?? `${ROOT}target/debug/srbackup${process.platform === "win32" ? ".exe" : ""}`;
let dir;
let catalogFile;

/** The option sets, as CLI flags (the catalog file is written in `before`) and as npm options. */
const VARIANTS = [
  { name: "defaults", flags: () => [], options: undefined },
  { name: "3.3", flags: () => ["--target-version", "3.3"], options: { targetVersion: "3.3" } },
  {
    name: "v3.4.2, shared-data",
    flags: () => ["--target-version", "v3.4.2", "--shared-data"],
    options: { targetVersion: "v3.4.2", clusterMode: "shared-data" },
  },
  { name: "catalog", flags: () => ["--catalog", catalogFile], options: { catalog: CATALOG } },
  {
    name: "3.3, shared-data, catalog",
    flags: () => ["--target-version", "3.3", "--shared-data", "--catalog", catalogFile],
    options: { targetVersion: "3.3", clusterMode: "shared-data", catalog: CATALOG },
  },
];

before(async () => {
  if (!existsSync(BIN)) {
    // Usually built already: the native tests run first. 2 cores: this takes a few minutes.
    const build = spawnSync("cargo", ["build", "-p", "srbackup-cli"], { cwd: ROOT, encoding: "utf8", stdio: "inherit" });
    assert.equal(build.status, 0, "cargo build -p srbackup-cli");
  }
  await init();
  dir = mkdtempSync(join(tmpdir(), "srbackup-parity-"));
  catalogFile = join(dir, "catalog.json");
  writeFileSync(catalogFile, JSON.stringify(CATALOG, null, 2));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `srbackup check` and returns its stdout (exit code 1 only means errors were found). */
function cli(args) {
  const run = spawnSync(BIN, ["check", "--format", "json", "--position-encoding", "utf16", ...args], {
    encoding: "utf8",
    maxBuffer: 512 << 20,
    timeout: 300_000,
  });
  assert.ok(run.status === 0 || run.status === 1, `srbackup exited ${run.status}: ${run.stderr}`);
  assert.equal(run.stderr, "");
  return run.stdout;
}

/** Asserts a CLI report equals npm's for `text`; `where` names it in a failure. */
function same(cliReport, text, options, where) {
  const npm = check(text, options);
  assert.deepEqual(cliReport.statements, npm.statements, `${where}: statements of ${JSON.stringify(text)}`);
  assert.deepEqual(cliReport.diagnostics, npm.diagnostics, `${where}: diagnostics of ${JSON.stringify(text)}`);
  assert.deepEqual([cliReport.errors, cliReport.warnings, cliReport.infos], [npm.errors, npm.warnings, npm.infos], where);
  assert.equal(cliReport.ok, npm.errors === 0, where);
  return npm.statements.length;
}

const CORPUS = readCorpus().map((r) => r.sql);
// `--lines` splits at `\n` and drops one `\r` before it: statements with either go into files.
const ONE_LINE = CORPUS.filter((s) => !/[\r\n]/.test(s));
const MULTI_LINE = CORPUS.filter((s) => /[\r\n]/.test(s));
// Scripts of several statements, hostile text included. Lone surrogates cannot be written to a
// UTF-8 file, so the text compared is what the file holds when read back.
const SCRIPTS = [
  SCRIPT,
  ONE_LINE.slice(0, 200).join(";\n"),
  ONE_LINE.filter((s) => !/['"`]|\/\*/.test(s)).join(";\n"),
  "-- 😀😀 备份\nBACKUP DATABASE `数据` SNAPSHOT `a``b` TO `it's` ON (TABLE `say \"hi\"`, TABLE `line\nbreak`, VIEW `😀`);\nSHOW BAKUP",
  "BACKUP SNAPSHOT sales.sales_2024 TO s3_repo ON (ordrs, mysql_orders, `订单😀` PARTITION (p9));\r\nRESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (TABLE orders) PROPERTIES (\"backup_timestamp\" = \"2024-12-09\")",
  ...HOSTILE_SQL.filter((s) => s !== ""),
];

for (const variant of VARIANTS) {
  test(`one statement per line (--lines): ${variant.name}`, { timeout: 300_000 }, () => {
    const file = join(dir, `lines-${variant.name.replace(/\W+/g, "_")}.sql`);
    writeFileSync(file, ONE_LINE.join("\n") + "\n");
    const out = cli(["--lines", ...variant.flags(), file]).trimEnd().split("\n");
    assert.equal(out.length, ONE_LINE.length, "one JSON object per input line");
    let statements = 0;
    out.forEach((json, i) => {
      const report = JSON.parse(json);
      assert.deepEqual([report.path, report.line], [file, i + 1]);
      statements += same(report, ONE_LINE[i], variant.options, `line ${i + 1}`);
    });
    assert.ok(statements > 1000, `${statements} statements compared`);
  });

  test(`statements with line breaks and multi-statement scripts, as files: ${variant.name}`, { timeout: 300_000 }, () => {
    const texts = [...MULTI_LINE, ...SCRIPTS];
    const files = texts.map((text, i) => {
      const file = join(dir, `file-${i}.sql`);
      writeFileSync(file, text);
      return file;
    });
    const doc = JSON.parse(cli([...variant.flags(), ...files]));
    assert.equal(doc.positionEncoding, "utf16");
    assert.equal(doc.files.length, files.length);
    let statements = 0;
    doc.files.forEach((report, i) => {
      assert.equal(report.path, files[i]);
      statements += same(report, readFileSync(files[i], "utf8"), variant.options, files[i]);
    });
    assert.ok(statements > 300, `${statements} statements compared`);
  });
}

test("the whole corpus: more than 1000 statements compared under each option set", () => {
  const statements = ONE_LINE.length + MULTI_LINE.length;
  assert.ok(statements > 1000, `${statements}`);
  assert.equal(statements, CORPUS.length);
});

test("a catalog the CLI accepts, npm accepts too; one with a wrong type both reject", () => {
  const file = join(dir, "bad-type.json");
  writeFileSync(file, JSON.stringify({ databases: [{ name: "d", tables: [{ name: 1 }] }] }));
  const run = spawnSync(BIN, ["check", "--catalog", file, catalogFile], { encoding: "utf8" });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /is not a valid catalog: invalid type: integer `1`, expected a string/);
  assert.throws(() => check("SHOW BACKUP", { catalog: JSON.parse(readFileSync(file, "utf8")) }), {
    name: "TypeError",
    message: /^options\.catalog\.databases\[0\]\.tables\[0\]\.name: /,
  });
});

test("a catalog with an unknown field: the CLI rejects it, and so does npm, naming the field", () => {
  const catalog = { databases: [{ name: "sales", tabels: [{ name: "orders" }] }] };
  const file = join(dir, "typo.json");
  writeFileSync(file, JSON.stringify(catalog));
  const run = spawnSync(BIN, ["check", "--catalog", file, catalogFile], { encoding: "utf8" });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /unknown field `tabels`/);
  assert.throws(() => check("SHOW BACKUP", { catalog }), {
    name: "TypeError",
    message: "options.catalog.databases[0]: unknown field `tabels`, expected one of `name`, `tables`, `functions`",
  });
});
