// The npm package in a browser without a bundler: a plain HTML page whose
// `<script type="module">` imports /npm/js/index.js (the repository's npm/ directory, served as
// published: js/ next to pkg/) and calls init() without an argument, which must find
// ../pkg/starrocks_backup_sql_bg.wasm by itself. Run with `node --test tests/e2e/npm-*.test.mjs`.
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { EXPECTED, LAUNCH, PAGE_SCRIPT, ROOT, SHOTS, html, open } from "./npm-page.mjs";

const NPM = join(ROOT, "npm");
const VERSION = JSON.parse(readFileSync(join(NPM, "package.json"), "utf8")).version;
let dir;
let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(NPM, "pkg/starrocks_backup_sql_bg.wasm")), "npm/pkg is missing: run `cargo xtask npm` first");
  mkdirSync(SHOTS, { recursive: true });
  // The site: the page, and the package directory under /npm/ as a link (nothing is copied).
  dir = mkdtempSync(join(tmpdir(), "srbackup-npm-module-"));
  symlinkSync(NPM, join(dir, "npm"), "dir");
  writeFileSync(
    join(dir, "index.html"),
    html("starrocks-backup-sql: plain module", `import { init, check, format, explainPrivileges, version } from "/npm/js/index.js";\nawait init();\n${PAGE_SCRIPT}`),
  );
  writeFileSync(
    join(dir, "before-init.html"),
    html(
      "before init",
      `import { check } from "/npm/js/index.js";\nconst out = document.getElementById("out");\ntry { check("SHOW BACKUP"); out.textContent = "no error"; } catch (e) { out.textContent = e.message; }\nout.dataset.done = "yes";`,
    ),
  );
  server = await serve(dir);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("a <script type=module> page: init() finds the .wasm, check/format/explainPrivileges run", { timeout: 60_000 }, async () => {
  const { context, page, problems, requests } = await open(browser, server.url);
  assert.equal(await page.locator("#out").innerText(), EXPECTED(VERSION));
  // What was loaded: the entry, the shared module, the glue and the .wasm next to it; not Node's entry.
  assert.deepEqual(
    requests.filter((p) => p.startsWith("/npm/")).sort(),
    ["/npm/js/api.js", "/npm/js/index.js", "/npm/js/state.js", "/npm/pkg/starrocks_backup_sql.js", "/npm/pkg/starrocks_backup_sql_bg.wasm"],
  );
  await page.screenshot({ path: `${SHOTS}npm-module.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("before init, the page gets the package's own error, and nothing is fetched", { timeout: 60_000 }, async () => {
  const { context, page, problems, requests } = await open(browser, `${server.url}before-init.html`);
  assert.equal(await page.locator("#out").innerText(), "starrocks-backup-sql: call init() (or initSync()) before check()");
  assert.ok(!requests.some((p) => p.endsWith(".wasm")), "no .wasm fetched at import");
  assert.deepEqual(problems, []);
  await context.close();
});
