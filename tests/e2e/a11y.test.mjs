// Accessibility of the built app in headless Chromium: axe-core (from the npm registry, injected
// into the page) in several states and both themes, a keyboard-only flow, no keyboard trap in
// the editor, and diagnostics announced through a live region. Run by `cargo xtask test`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = process.env.DIST ?? `${root}dist`;
const axePath = `${root}node_modules/axe-core/axe.min.js`;
let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), `${dist}/index.html is missing: run \`cargo xtask test\` first`);
  server = await serve(dist);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openApp({ colorScheme = "light", width = 1280 } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  await page.goto(server.url);
  await page.locator("#sql").waitFor();
  await showPanels(page);
  return { context, page, problems };
}

/**
 * Brings the panels below the fold (privileges, companions) in: they load when they come near
 * the viewport or at the first key press, as a reader scrolling down would see them.
 */
async function showPanels(page) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator("#grants").waitFor({ state: "attached" });
  await page.locator("#companions-heading").waitFor({ state: "attached" });
  await page.evaluate(() => window.scrollTo(0, 0));
}


/** axe-core's violations on the whole page, as short readable lines. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return { passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) };
  });
  assert.ok(result.passes > 20, `axe checked only ${result.passes} rules`);
  return result.violations;
}

const STATES = {
  "the example": null,
  "a RESTORE with errors and renames": 'RESTORE SNAPSHOT s FROM r DATABASE d ON (TABLE t PARTITION (p) AS t2) PROPERTIES ("tiemout" = "1");',
  "external catalogs": "BACKUP EXTERNAL CATALOGS (hive1, iceberg2) SNAPSHOT s TO r;",
  "a syntax error": "BACKUP SNAPSHOT db.s TO",
};

for (const colorScheme of ["light", "dark"]) {
  for (const width of [1280, 700]) {
    test(`axe-core finds no violation (${colorScheme}, ${width}px)`, { timeout: 90_000 }, async () => {
      const { context, page, problems } = await openApp({ colorScheme, width });
      let checked = 0;
      for (const [state, sql] of Object.entries(STATES)) {
        if (sql) await page.locator("#sql").fill(sql);
        assert.deepEqual(await violations(page), [], state);
        checked++;
      }
      assert.equal(checked, Object.keys(STATES).length);
      // Shared-data mode: the cluster-snapshot form (loaded on demand) with a syntax error
      // explained (the explainer is loaded on demand too).
      await page.selectOption("#f-cluster", "shared-data");
      await page.locator("#sql").fill("DROP CLUSTER SNAPSHOT IF EXISTS s1;\nADMIN SET AUTOMATED CLUSTER SNAPSHOT ON INTERVAL 30 MINUTE STORAGE VOLUME sv1;");
      await page.locator("#f-cluster-action").waitFor();
      await page.locator("#diagnostics").getByText("IF EXISTS comes after").first().waitFor();
      assert.deepEqual(await violations(page), [], "cluster-snapshot form");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` (a CSS selector, or
 * `text=…` for a button's text); fails after `limit` presses.
 */
async function tabTo(page, selector, { limit = 120, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    const found = await page.evaluate((s) => {
      const e = document.activeElement;
      if (!e) return false;
      return s.startsWith("text=") ? e.textContent.trim() === s.slice(5) : e.matches(s);
    }, selector);
    if (found) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  assert.fail(`${selector} was not reached with ${back ? "Shift+Tab" : "Tab"}`);
}

test("a statement is built and its grants copied with the keyboard alone", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openApp();
  // Clear the editor with the keyboard, then go to the builder.
  await tabTo(page, "#sql");
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.press("Escape");
  await tabTo(page, "text=+ New BACKUP", { back: true });
  await page.keyboard.press("Enter");
  await tabTo(page, "#f-database");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("sales");
  await tabTo(page, "#f-repository");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("s3_repo");
  await tabTo(page, "#f-new-name");
  await page.keyboard.type("orders");
  await page.keyboard.press("Enter");
  await tabTo(page, "#f-new-name", { back: true });
  await page.keyboard.type("customers");
  await page.keyboard.press("Enter");
  // The new objects: move customers up with Alt+↑ from its name field.
  await tabTo(page, "#f-object-1-name", { back: true });
  await page.keyboard.press("Alt+ArrowUp");
  const sql = await page.locator("#sql").inputValue();
  assert.match(sql, /^BACKUP DATABASE sales SNAPSHOT \w+\nTO s3_repo\nON \(TABLE customers, TABLE orders\);\n$/);
  // Copy the grants.
  await tabTo(page, "text=Copy GRANTs");
  await page.keyboard.press("Enter");
  await page.locator("#status").filter({ hasText: "Copied the GRANT script." }).waitFor();
  const grants = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(grants, /GRANT EXPORT ON TABLE sales\.customers TO ROLE backup_operator;/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Esc then Tab leaves the editor, and Tab inside it moves on too", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await page.locator("#sql").focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "sql");
  await page.locator("#sql").focus();
  await page.keyboard.press("Shift+Tab");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "sql");
  // The focused control shows a visible outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  assert.deepEqual(problems, []);
  await context.close();
});

test("diagnostics are announced through a live region", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  const live = page.locator("#diagnostics-summary");
  assert.equal(await live.getAttribute("aria-live"), "polite");
  await page.locator("#sql").fill("BACKUP SNAPSHOT db.s TO");
  await live.filter({ hasText: /1 error/ }).waitFor();
  await page.locator("#sql").fill("BACKUP SNAPSHOT db.s TO r;");
  await live.filter({ hasText: /No problems/ }).waitFor();
  // Status messages (copied, applied, refused) go to their own polite live region.
  assert.equal(await page.locator("#status").getAttribute("aria-live"), "polite");
  assert.deepEqual(problems, []);
  await context.close();
});
