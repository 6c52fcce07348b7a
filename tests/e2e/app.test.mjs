// Browser end-to-end tests of the built app (dist/, from `trunk build --release`) in headless
// Chromium, driven by playwright-core. Run by `cargo xtask test`, or directly:
//   node --test tests/e2e/
// Environment: DIST (default dist/), CHROMIUM_PATH (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = process.env.DIST ?? `${root}dist`;
const shots = fileURLToPath(new URL("./screenshots/", import.meta.url));
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
};
// A screenshot-worthy input: one good statement, one with an error.
const SHOWCASE = `BACKUP SNAPSHOT sales.snapshot_20240601
TO s3_repo
ON (TABLE orders PARTITION (p20240601), TABLE customers)
PROPERTIES ("type" = "full", "timeout" = "86400");

RESTORE SNAPSHOT sales.snapshot_20240601 FROM s3_repo PROPERTIES ()`;

let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), `${dist}/index.html is missing: run \`trunk build --release\` first`);
  mkdirSync(shots, { recursive: true });
  server = await serve(dist);
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The SQL editor, found by its accessible role and label. */
const editorOf = (page) => page.getByRole("textbox", { name: "SQL", exact: true });

/** A page on the app that records every page error, console error and failed request. */
async function openApp(colorScheme, initScript) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
  if (initScript) await context.addInitScript(initScript);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(server.url);
  await editorOf(page).waitFor();
  return { context, page, problems };
}

/** Replaces the editor's text by typing it, as a user would. */
async function type(page, text) {
  const editor = editorOf(page);
  await editor.fill("");
  await editor.pressSequentially(text);
}

test("the example loads clean, an error is reported and formatting follows", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp("light");
  assert.match(await editorOf(page).inputValue(), /^BACKUP SNAPSHOT sales\.snapshot_20240601/);
  await page.locator("#diagnostics .all-clear").waitFor();
  assert.match(await page.locator("#formatted").innerText(), /^BACKUP SNAPSHOT sales\.snapshot_20240601\nTO s3_repo/);
  // A clean BACKUP still gets the checks' notes, folded away below the list.
  assert.match(await page.locator("#notes summary").innerText(), /^Notes \(\d+\)$/);
  await page.locator("#notes summary").click();
  assert.match(await page.locator("#notes").innerText(), /SR702/);

  // The checks run too: a RESTORE without backup_timestamp is an error.
  await type(page, "RESTORE SNAPSHOT db1.s1 FROM repo1");
  await page.locator("#diagnostics .diagnostic.error").filter({ hasText: "SR326" }).waitFor();

  await type(page, "BACKUP SNAPSHOT db.s TO");
  const error = page.locator("#diagnostics .diagnostic.error");
  await error.first().waitFor();
  assert.equal(await error.count(), 1);
  const text = await error.innerText();
  assert.match(text, /SR\d+/, text);
  assert.match(text, /\b1:24\b/, text); // the end of the input: line 1, column 24
  assert.match(await page.locator("#diagnostics-heading .count").innerText(), /^1$/);

  await type(page, "backup   snapshot db1.s1\n  to repo1");
  await page.locator("#diagnostics .all-clear").waitFor();
  assert.equal(await page.locator("#formatted").innerText(), "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");

  await page.getByRole("button", { name: "Copy" }).click();
  await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");

  assert.deepEqual(problems, []);
  await context.close();
});

test("a diagnostic's fix is applied to the editor in one click", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp("light");
  await type(page, "BACKUP SNAPSHOT db1.s1 repo1");
  const error = page.locator("#diagnostics .diagnostic.error").filter({ hasText: "SR110" });
  await error.waitFor();
  await error.getByRole("button", { name: /Apply fix: insert `TO`/ }).click();
  assert.equal(await editorOf(page).inputValue(), "BACKUP SNAPSHOT db1.s1 TO repo1");
  await page.locator("#diagnostics .all-clear").waitFor();
  assert.equal(await page.locator("#formatted").innerText(), "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");
  assert.deepEqual(problems, []);
  await context.close();
});

test("without a clipboard API the copy button says so instead of failing", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp("light", () => {
    // As on plain http from another host: browsers hide the clipboard outside secure contexts.
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
  });
  await page.getByRole("button", { name: "Copy" }).click();
  await page.getByRole("status").filter({ hasText: "Could not copy" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`screenshot in the ${scheme} theme`, { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openApp(scheme);
    await editorOf(page).fill(SHOWCASE);
    await page.locator("#diagnostics .diagnostic.error").first().waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The theme follows prefers-color-scheme: a light page is bright, a dark one is dark.
    const [r, g, b] = background.match(/\d+/g).map(Number);
    const brightness = (r + g + b) / 3;
    assert.ok(scheme === "light" ? brightness > 200 : brightness < 60, `${scheme}: ${background}`);
    // Long SQL scrolls inside its panel; the page itself never scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: `${shots}${scheme}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
