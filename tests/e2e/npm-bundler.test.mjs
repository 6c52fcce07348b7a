// The npm package through a bundler: a tiny page that imports 'starrocks-backup-sql', bundled by
// esbuild for the browser (the package resolved through its exports map, from a node_modules
// link to the repository's npm/ directory). esbuild does not copy files named by
// `new URL(…, import.meta.url)`, so, as the README's esbuild recipe says, the .wasm is copied
// next to the bundle and its URL passed to init. Run with `node --test tests/e2e/npm-*.test.mjs`.
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { EXPECTED, LAUNCH, PAGE_SCRIPT, ROOT, SHOTS, html, open } from "./npm-page.mjs";

const NPM = join(ROOT, "npm");
const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");
const VERSION = JSON.parse(readFileSync(join(NPM, "package.json"), "utf8")).version;
let dir;
let site;
let meta;
let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(NPM, "pkg/starrocks_backup_sql_bg.wasm")), "npm/pkg is missing: run `cargo xtask npm` first");
  assert.ok(existsSync(ESBUILD), "esbuild is missing: run `npm ci` at the repository root");
  mkdirSync(SHOTS, { recursive: true });
  // A project whose node_modules holds the package (a link to npm/, resolved by its exports map).
  dir = mkdtempSync(join(tmpdir(), "srbackup-npm-bundler-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(NPM, join(dir, "node_modules/starrocks-backup-sql"), "dir");
  writeFileSync(
    join(dir, "app.js"),
    `import { init, check, format, explainPrivileges, version } from "starrocks-backup-sql";\n` +
      `await init(new URL("./starrocks_backup_sql_bg.wasm", import.meta.url));\n${PAGE_SCRIPT}`,
  );
  site = join(dir, "dist");
  meta = join(dir, "meta.json");
  execFileSync(
    ESBUILD,
    ["app.js", "--bundle", "--format=esm", "--platform=browser", "--minify", `--outdir=${site}`, `--metafile=${meta}`, "--log-level=warning"],
    { cwd: dir, encoding: "utf8" },
  );
  copyFileSync(join(dir, "node_modules/starrocks-backup-sql/pkg/starrocks_backup_sql_bg.wasm"), join(site, "starrocks_backup_sql_bg.wasm"));
  writeFileSync(join(site, "index.html"), html("starrocks-backup-sql: esbuild bundle", `import "./app.js";`));
  server = await serve(site);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("esbuild bundles the browser entry (js/index.js), not Node's", () => {
  const inputs = Object.keys(JSON.parse(readFileSync(meta, "utf8")).inputs)
    .map((p) => p.replace(/^.*?(npm|node_modules\/starrocks-backup-sql)\//, ""))
    .sort();
  assert.deepEqual(inputs, ["app.js", "js/api.js", "js/index.js", "js/state.js", "pkg/starrocks_backup_sql.js"]);
  const bundle = readFileSync(join(site, "app.js"), "utf8");
  assert.doesNotMatch(bundle, /node:fs/, "nothing of Node's in the browser bundle");
});

test("the bundled page loads the copied .wasm and runs check, format and explainPrivileges", { timeout: 60_000 }, async () => {
  const { context, page, problems, requests } = await open(browser, server.url);
  assert.equal(await page.locator("#out").innerText(), EXPECTED(VERSION));
  assert.deepEqual(requests.sort(), ["/", "/app.js", "/starrocks_backup_sql_bg.wasm"]);
  await page.screenshot({ path: `${SHOTS}npm-bundler.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
