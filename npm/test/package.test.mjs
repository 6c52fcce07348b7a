// The published package: `npm pack` it, check the tarball, install it into a fresh project and
// use it from an ES module, a CommonJS script and the browser condition, as a user would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NPM, PACKAGE_VERSION } from "./support.mjs";

const NPM_BIN = process.platform === "win32" ? "npm.cmd" : "npm";
let dir;
let pack;
let project;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "srbackup-npm-pack-"));
  const out = execFileSync(NPM_BIN, ["pack", "--json", "--pack-destination", dir], {
    cwd: NPM,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  [pack] = JSON.parse(out);
  project = join(dir, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "srbackup-npm-probe", version: "1.0.0", private: true }));
  // The package has no dependencies, so installing the tarball needs no registry.
  execFileSync(NPM_BIN, ["install", join(dir, pack.filename), "--no-audit", "--no-fund", "--offline"], {
    cwd: project,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs a script file in the installed project; returns its stdout. */
function run(name, code, args = []) {
  const file = join(project, name);
  writeFileSync(file, code);
  const out = spawnSync(process.execPath, [...args, file], { cwd: project, encoding: "utf8", timeout: 60_000 });
  assert.equal(out.status, 0, `${name} exited ${out.status}\n${out.stdout}\n${out.stderr}`);
  assert.equal(out.stderr, "", `${name} wrote to stderr`);
  return out.stdout;
}

test("the tarball holds the entry points, the glue, the wasm, the types and the README, nothing else", () => {
  assert.equal(pack.name, "starrocks-backup-sql");
  assert.equal(pack.version, PACKAGE_VERSION);
  assert.deepEqual(pack.files.map((f) => f.path).sort(), [
    "README.md",
    "dist/index.d.cts",
    "dist/index.d.ts",
    "dist/node.cjs",
    "js/api.js",
    "js/index.js",
    "js/node.js",
    "js/state.js",
    "package.json",
    "pkg/starrocks_backup_sql.js",
    "pkg/starrocks_backup_sql_bg.wasm",
  ]);
  assert.ok(pack.unpackedSize < 1_000_000, `unpacked ${pack.unpackedSize} B`);
  assert.equal(pack.entryCount, 11);
});

test("the installed package.json: no dependencies, an exports map with types first", () => {
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/starrocks-backup-sql/package.json"), "utf8"));
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.type, "module");
  assert.deepEqual(Object.keys(manifest.exports), [".", "./wasm", "./package.json"]);
  assert.deepEqual(Object.keys(manifest.exports["."]), ["node", "browser", "default"]);
  assert.deepEqual(Object.keys(manifest.exports["."].node.import), ["types", "default"]);
  assert.deepEqual(Object.keys(manifest.exports["."].node.require), ["types", "default"]);
  for (const file of ["dist/index.d.ts", "dist/index.d.cts", "dist/node.cjs", "js/node.js", "js/index.js", "pkg/starrocks_backup_sql_bg.wasm"]) {
    assert.ok(existsSync(join(project, "node_modules/starrocks-backup-sql", file)), file);
  }
});

test("ES module: import { init, check } from 'starrocks-backup-sql'", () => {
  const out = run(
    "esm.mjs",
    `import { init, check, version } from "starrocks-backup-sql";
let before;
try { check("SHOW BACKUP"); } catch (e) { before = e.message; }
await init();
const report = check("-- 😀\\nSHOW BAKUP FROM sales");
console.log(before);
console.log(version());
for (const d of report.diagnostics) console.log(\`\${d.span.line}:\${d.span.column} \${d.code} \${d.message}\`);
`,
  );
  assert.equal(
    out,
    "starrocks-backup-sql: call init() (or initSync()) before check()\n" +
      `${PACKAGE_VERSION}\n` +
      "2:6 SR104 unknown keyword `BAKUP`: did you mean `BACKUP`?\n",
  );
});

test("CommonJS: const { initSync, check } = require('starrocks-backup-sql')", () => {
  const out = run(
    "cjs.cjs",
    `const { initSync, check, planFromSql, sqlFromPlan } = require("starrocks-backup-sql");
let before;
try { check("SHOW BACKUP"); } catch (e) { before = e.message; }
initSync();
console.log(before);
console.log(JSON.stringify(check("BACKUP SNAPSHOT sales.s TO r ON (orders)", { targetVersion: "3.3" }).statements));
console.log(sqlFromPlan(planFromSql("backup snapshot sales.s to r").plan).sql.trim());
console.log(require.resolve("starrocks-backup-sql").split("node_modules/")[1]);
`,
  );
  assert.equal(
    out,
    "starrocks-backup-sql: call init() (or initSync()) before check()\n" +
      '[{"kind":"backup","span":{"start":0,"end":40,"line":1,"column":1,"endLine":1,"endColumn":41},"summary":"BACKUP SNAPSHOT sales.s (1 object)"}]\n' +
      "BACKUP SNAPSHOT sales.s\nTO r;\n" +
      "starrocks-backup-sql/dist/node.cjs\n",
  );
});

test("importing does nothing heavy: nothing compiled, every function waits for init", () => {
  const out = run(
    "light.mjs",
    `const compiled = [];
for (const name of ["compile", "instantiate"]) {
  const f = WebAssembly[name];
  WebAssembly[name] = (...a) => { compiled.push(name); return f(...a); };
}
const started = performance.now();
const sr = await import("starrocks-backup-sql");
const ms = performance.now() - started;
const refused = [];
for (const name of ["parse", "check", "format", "explainPrivileges", "planFromSql", "sqlFromPlan", "convertSyntax", "companions", "complete", "rules", "version"]) {
  try { sr[name]("x", 0); } catch (e) { refused.push(e.message.endsWith("before " + name + "()")); }
}
console.log(JSON.stringify({ compiled, refused: refused.filter(Boolean).length, fast: ms < 500 }));
`,
  );
  assert.deepEqual(JSON.parse(out), { compiled: [], refused: 11, fast: true });
});

test("in Node the node condition wins, even with --conditions=browser", () => {
  const out = run(
    "conditions.mjs",
    `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { init, check } from "starrocks-backup-sql";
const require = createRequire(import.meta.url);
await init(readFileSync(require.resolve("starrocks-backup-sql/wasm")));
console.log(require.resolve("starrocks-backup-sql/wasm").split("node_modules/")[1]);
console.log(check("SHOW BACKUP").statements[0].kind);
`,
    ["--conditions=browser"],
  );
  assert.equal(out, "starrocks-backup-sql/pkg/starrocks_backup_sql_bg.wasm\nshow_backup\n");
});

test("a bundler resolves the browser entry (js/index.js) for the browser and js/node.js for Node", () => {
  const esbuild = join(NPM, "../node_modules/.bin/esbuild");
  assert.ok(existsSync(esbuild), "esbuild is installed by `cargo xtask setup` (root package.json)");
  writeFileSync(join(project, "entry.mjs"), `import { init, check } from "starrocks-backup-sql";\nawait init();\nconsole.log(check("SHOW BACKUP"));\n`);
  const inputs = (platform) => {
    const meta = join(dir, `meta-${platform}.json`);
    execFileSync(esbuild, ["entry.mjs", "--bundle", "--format=esm", `--platform=${platform}`, `--metafile=${meta}`, `--outfile=${join(dir, `out-${platform}.js`)}`, "--log-level=error"], { cwd: project });
    return Object.keys(JSON.parse(readFileSync(meta, "utf8")).inputs).map((p) => p.replace(/^.*node_modules\//, "")).sort();
  };
  assert.deepEqual(inputs("browser"), ["entry.mjs", "starrocks-backup-sql/js/api.js", "starrocks-backup-sql/js/index.js", "starrocks-backup-sql/js/state.js", "starrocks-backup-sql/pkg/starrocks_backup_sql.js"]);
  assert.deepEqual(inputs("node"), ["entry.mjs", "starrocks-backup-sql/js/api.js", "starrocks-backup-sql/js/node.js", "starrocks-backup-sql/js/state.js", "starrocks-backup-sql/pkg/starrocks_backup_sql.js"]);
});

test("subpaths: ./wasm and ./package.json are exported, internals are not", () => {
  const out = run(
    "subpaths.cjs",
    `const tryResolve = (s) => { try { return require.resolve(s).split("node_modules/")[1]; } catch (e) { return e.code; } };
console.log(JSON.stringify([
  tryResolve("starrocks-backup-sql/wasm"),
  tryResolve("starrocks-backup-sql/package.json"),
  tryResolve("starrocks-backup-sql/js/api.js"),
  tryResolve("starrocks-backup-sql/pkg/starrocks_backup_sql.js"),
]));
console.log(require("starrocks-backup-sql/package.json").version);
`,
  );
  assert.equal(
    out,
    JSON.stringify([
      "starrocks-backup-sql/pkg/starrocks_backup_sql_bg.wasm",
      "starrocks-backup-sql/package.json",
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
      "ERR_PACKAGE_PATH_NOT_EXPORTED",
    ]) + `\n${PACKAGE_VERSION}\n`,
  );
});
