// The docs playground and the cluster-aware builder in headless Chromium: what a fresh load
// fetches, share links (round trip in a fresh browser, damaged and foreign links, never
// overwriting local work), the catalog (demo, bad documents), completion in the SQL editor,
// embed mode on examples/docs-embed.html (two embeds, read-only, heights), the Embed button,
// and axe-core in embed mode. Run by `cargo xtask test`, or `node --test tests/e2e/`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { catalogOfTables, openCompletion, pasteCatalog } from "./catalogs.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = `${root}dist`;
const shots = fileURLToPath(new URL("./screenshots/", import.meta.url));
const axePath = `${root}node_modules/axe-core/axe.min.js`;
/** The files a fresh page load may not fetch: lazy chunks and the demo catalog. */
const ON_DEMAND = /\/(split_[^/]*|chunk_[^/]*)\.wasm$|\/catalog\.json$/;

let server; // the repository's root: the app is at /dist/, the docs example at /examples/
let browser;
let app;

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), "dist/index.html is missing: run `cargo xtask test` (or `cargo xtask app`) first");
  mkdirSync(shots, { recursive: true });
  server = await serve(root);
  app = `${server.url}dist/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records page errors, console errors and failed requests. */
async function open(url, { context, colorScheme = "light", width = 1280, height = 800 } = {}) {
  context ??= await browser.newContext({ colorScheme, viewport: { width, height } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  const problems = [];
  const fetched = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("response", (r) => {
    fetched.push(new URL(r.url()).pathname);
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  return { context, page, problems, fetched };
}

const editor = (page) => page.locator("#sql");

/** Scrolls the deferred panels in and waits for the privileges panel. */
async function showPanels(page) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator("#grants").waitFor({ state: "attached" });
  await page.evaluate(() => window.scrollTo(0, 0));
}

test("a fresh load fetches only the first-load files (within 300 KB gzip); the panels below come when scrolled to", { timeout: 60_000 }, async () => {
  const { context, page, problems, fetched } = await open(app);
  await editor(page).waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  assert.deepEqual(fetched.filter((p) => ON_DEMAND.test(p)), [], "nothing loaded on demand is fetched by a fresh load");
  assert.ok(fetched.some((p) => p.endsWith("_bg.wasm")), "the app's wasm is fetched");
  let total = 0;
  let counted = 0;
  for (const path of new Set(fetched)) {
    const file = `${root}${path.slice(1)}${path.endsWith("/") ? "index.html" : ""}`;
    total += gzipSync(readFileSync(file), { level: 9 }).length;
    counted++;
  }
  assert.ok(counted >= 4, `only ${counted} files were fetched`);
  assert.ok(total <= 300_000, `the first load is ${total} B gzip`);
  console.log(`first load: ${counted} files, ${total} B gzip`);
  // The privileges panel is a placeholder until it comes near the viewport.
  assert.equal(await page.locator("#grants").count(), 0);
  assert.match(await page.locator("section.privileges.pending").innerText(), /Privileges/);
  await page.locator("section.privileges.pending").scrollIntoViewIfNeeded();
  await page.locator("#grants li").first().waitFor();
  assert.ok(fetched.some((p) => /split_privileges_panel/.test(p)), "the privileges chunk came when needed");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a share link opens exactly the shared work in a fresh browser", { timeout: 60_000 }, async () => {
  const a = await open(app);
  const sql = "BACKUP SNAPSHOT sales.`s-é✓` TO repo\nON (TABLE orders);\n-- « shared »";
  await editor(a.page).fill(sql);
  await a.page.selectOption("#f-target", { index: 1 });
  const target = await a.page.inputValue("#f-target");
  await showPanels(a.page);
  await a.page.fill("#f-grantee", "USER 'etl'@'%'");
  await a.page.click("#share");
  await a.page.locator("#status").filter({ hasText: "Copied the share link." }).waitFor();
  const link = await a.page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#share=1\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 400, `a short statement makes a short link (${link.length})`);
  // A fresh browser (no saved work) opens it at once.
  const b = await open(link);
  await editor(b.page).waitFor();
  await b.page.waitForFunction((want) => document.querySelector("#sql").value === want, sql);
  assert.equal(await b.page.inputValue("#f-target"), target);
  await showPanels(b.page);
  assert.equal(await b.page.inputValue("#f-grantee"), "USER 'etl'@'%'");
  assert.match(await b.page.locator("#grants").innerText(), /TO USER 'etl'@'%'/);
  // The link is gone from the address: a reload shows the (now saved) work, not the link again.
  assert.equal(new URL(b.page.url()).hash, "");
  // The catalog is not shared unless asked for …
  await a.page.click("#catalog-open");
  await a.page.click("#catalog-demo");
  await a.page.locator("#catalog-state").filter({ hasText: "Loaded: the demo catalog" }).waitFor();
  await a.page.click("#share");
  await a.page.locator("#status").filter({ hasText: "Copied the share link." }).waitFor();
  const without = await a.page.evaluate(() => navigator.clipboard.readText());
  const c = await open(without);
  await c.page.waitForFunction((want) => document.querySelector("#sql").value === want, sql);
  assert.match(await c.page.locator("#catalog-state").innerText(), /No catalog loaded/);
  // … and then it comes with the link.
  await a.page.check("#catalog-share");
  await a.page.click("#share");
  await a.page.waitForFunction((old) => navigator.clipboard.readText().then((t) => t !== old), without);
  const withCatalog = await a.page.evaluate(() => navigator.clipboard.readText());
  const d = await open(withCatalog);
  await d.page.locator("#catalog-state").filter({ hasText: "Loaded: the shared catalog — 3 databases" }).waitFor();
  assert.equal(await d.page.inputValue("#sql"), sql);
  assert.deepEqual([...a.problems, ...b.problems, ...c.problems, ...d.problems], []);
  for (const x of [a, b, c, d]) await x.context.close();
});

test("a damaged, foreign or newer link says so and leaves local work intact; a valid one asks first", { timeout: 60_000 }, async () => {
  let { context, page, problems } = await open(app);
  const mine = "BACKUP SNAPSHOT sales.mine TO repo;";
  await editor(page).fill(mine);
  await page.waitForTimeout(200);
  const cases = [
    ["#share=1.AAAA$$", /cannot be read: its data is not base64url/],
    ["#share=1.q1ZKTc7PLShKLS5OTVGyUlAqzkxPTVEoLklMSgEA", /cannot be read/],
    ["#share=9.abc", /newer version of the app \(format 9\)/],
    ["#section-2", /not a share link of this app/],
  ];
  let checked = 0;
  for (const [hash, message] of cases) {
    // A new tab of the same browser, as clicking the link would open.
    const tab = await context.newPage();
    tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await tab.goto(`${app}${hash}`);
    const banner = tab.getByRole("alert").filter({ hasText: message });
    await banner.waitFor();
    assert.equal(await editor(tab).inputValue(), mine, hash);
    await banner.getByRole("button", { name: "Dismiss" }).click();
    await banner.waitFor({ state: "detached" });
    assert.equal(new URL(tab.url()).hash, "", "the fragment is cleared once dismissed");
    await tab.close();
    checked++;
  }
  assert.equal(await editor(page).inputValue(), mine);
  assert.equal(checked, cases.length);
  // A good link while other work is saved: asked, and "Keep my work" keeps it.
  const other = await open(app);
  await editor(other.page).fill("RESTORE SNAPSHOT sales.theirs FROM repo;");
  await other.page.click("#share");
  await other.page.locator("#status").filter({ hasText: "Copied the share link." }).waitFor();
  const link = await other.page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  page = await context.newPage();
  await page.goto(link);
  const ask = page.getByRole("alert").filter({ hasText: "This link holds shared work" });
  await ask.waitFor();
  assert.equal(await editor(page).inputValue(), mine);
  await ask.getByRole("button", { name: "Keep my work" }).click();
  assert.equal(await editor(page).inputValue(), mine);
  // … and "Open the shared work" opens it, undoably.
  await page.close();
  page = await context.newPage();
  await page.goto(link);
  await page.getByRole("button", { name: "Open the shared work" }).click();
  await page.waitForFunction(() => document.querySelector("#sql").value.startsWith("RESTORE SNAPSHOT sales.theirs"));
  await page.click("#undo");
  await page.waitForFunction((want) => document.querySelector("#sql").value === want, mine);
  assert.deepEqual([...problems, ...other.problems], []);
  await context.close();
  await other.context.close();
});

test("the demo catalog completes names, flags an unknown table, and a bad catalog keeps the old one", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(app);
  await editor(page).waitFor();
  assert.match(await page.locator("#catalog-state").innerText(), /No catalog loaded/);
  await page.click("#catalog-open");
  await page.click("#catalog-demo");
  await page.locator("#catalog-state").filter({ hasText: "Loaded: the demo catalog" }).waitFor();
  // Completion at the caret offers the catalog's tables; Enter takes one.
  const list = await openCompletion(page, "BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE ord");
  assert.match(await list.innerText(), /orders/);
  assert.equal(await editor(page).getAttribute("aria-activedescendant"), "sql-completion-0");
  await editor(page).press("Enter");
  await page.waitForFunction(() => document.querySelector("#sql").value.includes("TABLE orders"));
  await list.waitFor({ state: "detached" });
  // Esc closes the list without changing the text.
  await editor(page).press("Control+Space");
  await list.waitFor();
  const before = await editor(page).inputValue();
  await editor(page).press("Escape");
  await list.waitFor({ state: "detached" });
  assert.equal(await editor(page).inputValue(), before);
  // An unknown table is flagged against the catalog.
  await editor(page).fill("BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE no_such_table);");
  await page.locator("#diagnostics, .diagnostics").filter({ hasText: "no_such_table" }).first().waitFor();
  // A bad catalog: its position, and the demo stays loaded.
  await page.click("#catalog-paste");
  await page.fill("#catalog-text", '{\n  "databases": [{"name": "d", "tabels": []}]\n}');
  await page.click("#catalog-use");
  const error = page.locator("#catalog-error");
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /the pasted catalog is not a valid catalog at line 2, column \d+: unknown field `tabels`/);
  assert.match(text, /The catalog loaded before \(the demo catalog\) is still in use/);
  assert.match(await page.locator("#catalog-state").innerText(), /Loaded: the demo catalog/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("docs-embed.html: two embeds, the read-only one refuses edits, heights are posted", { timeout: 90_000 }, async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page, problems } = await open(`${server.url}examples/docs-embed.html`, { colorScheme, width: 1000, height: 900 });
    await page.waitForFunction(() => new Set(window.srbackupMessages.filter((m) => m.type === "ready").map((m) => m.id)).size === 2);
    const frames = { playground: page.frameLocator("#playground"), reference: page.frameLocator("#reference") };
    // The editable one: typing changes its diagnostics; nothing is saved for the reader.
    const playground = frames.playground.locator("#sql");
    await playground.fill("BACKUP SNAPSHOT sales.s TO");
    await frames.playground.locator("#diagnostics-summary").filter({ hasText: /error/ }).waitFor();
    // The read-only one: the text cannot change and the builder is disabled.
    const reference = frames.reference.locator("#sql");
    const before = await reference.inputValue();
    assert.ok(before.startsWith("RESTORE SNAPSHOT sales.sales_2024"), before);
    assert.match(await frames.reference.locator("#diagnostics-summary").innerText(), /No problems/);
    assert.equal(await reference.getAttribute("readonly"), "");
    await reference.click();
    await page.keyboard.type("xyz");
    assert.equal(await reference.inputValue(), before);
    assert.ok(await frames.reference.locator("fieldset.statement-form").evaluate((f) => f.disabled));
    assert.equal(await frames.reference.getByRole("button", { name: "Format" }).count(), 0);
    // Heights: each iframe is as tall as its content said, and the content fits it.
    await page.waitForTimeout(500);
    for (const id of ["playground", "reference"]) {
      const { frame, content, said } = await page.evaluate((id) => {
        const f = document.getElementById(id);
        const heights = window.srbackupMessages.filter((m) => m.id === id).map((m) => m.height);
        return { frame: f.getBoundingClientRect().height, content: f.contentDocument.body.getBoundingClientRect().height, said: heights.at(-1) };
      }, id);
      assert.ok(said > 200, `${id} said ${said}`);
      assert.ok(Math.abs(frame - said) <= 2, `${id}: frame ${frame}, said ${said}`);
      assert.ok(Math.abs(content - said) <= 40, `${id}: content ${content}, said ${said}`);
    }
    // Neither embed wrote the reader's saved work.
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("srbackup.v1.")).length), 0);
    // The whole page in one viewport (a full-page capture skips content the iframes have not painted).
    await page.setViewportSize({ width: 1000, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}docs-embed-${colorScheme}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the Embed button writes an iframe for the current work that opens it", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(app);
  const sql = "BACKUP SNAPSHOT sales.embedded TO repo;";
  await editor(page).fill(sql);
  await page.click("#embed");
  await page.locator("#embed-html").waitFor();
  await page.check("#f-embed-readonly");
  const html = await page.inputValue("#embed-html");
  const src = html.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  assert.match(src, /\?embed&readonly&sql=/);
  const embedded = await open(src, { context });
  await embedded.page.waitForFunction((want) => document.querySelector("#sql")?.value === want, sql);
  assert.equal(await embedded.page.locator("#sql").getAttribute("readonly"), "");
  assert.deepEqual([...problems, ...embedded.problems], []);
  await context.close();
});

test("axe-core finds no violation in embed mode (light and dark, editable and read-only)", { timeout: 90_000 }, async () => {
  let checked = 0;
  for (const colorScheme of ["light", "dark"]) {
    for (const query of ["?embed", "?embed&readonly&panels=builder,sql,diagnostics,privileges,companions"]) {
      const { context, page, problems } = await open(`${app}${query}`, { colorScheme, width: 800, height: 3000 });
      await page.locator("#sql").waitFor();
      await page.locator("#grants").waitFor({ state: "attached" });
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document);
        return { passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) };
      });
      assert.ok(result.passes > 20, `axe checked only ${result.passes} rules`);
      assert.deepEqual(result.violations, [], `${colorScheme} ${query}`);
      assert.deepEqual(problems, []);
      checked++;
      await context.close();
    }
  }
  assert.equal(checked, 4);
});

test("the Docusaurus component (docs/embedding.md) renders on the server and sizes two playgrounds in React", { timeout: 90_000 }, async () => {
  const out = `${root}target/e2e/docusaurus/`;
  mkdirSync(out, { recursive: true });
  const component = `${root}examples/docusaurus/BackupStudio.jsx`;
  // Docusaurus renders every page on the server first: the component must render there.
  await build({
    entryPoints: [component], bundle: true, platform: "node", format: "esm", jsx: "automatic",
    packages: "external", outfile: `${out}ssr.mjs`, logLevel: "silent",
  });
  const { renderToString } = await import("react-dom/server");
  const { createElement } = await import("react");
  const { default: Ssr } = await import(`${out}ssr.mjs?${Date.now()}`);
  const html = renderToString(createElement(Ssr, { app: "/dist/", sql: "BACKUP SNAPSHOT a.b TO r;", readOnly: true }));
  assert.match(html, /^<iframe src="\/dist\/\?embed&amp;readonly&amp;sql=BACKUP%20SNAPSHOT%20a\.b%20TO%20r%3B"/);
  // In the browser: a page with two playgrounds, as an MDX page would hold them.
  await build({
    stdin: {
      contents: `
        import React from "react";
        import { createRoot } from "react-dom/client";
        import BackupStudio from ${JSON.stringify(component)};
        createRoot(document.getElementById("root")).render(<>
          <h1>Docs page</h1>
          <BackupStudio app="/dist/" title="Try a BACKUP" sql={"BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders);"} />
          <BackupStudio app="/dist/" title="A RESTORE (read-only)" readOnly theme="dark" panels={["sql", "diagnostics"]}
            target="3.3" sql={"RESTORE SNAPSHOT sales.s FROM repo ON (orders);"} />
        </>);`,
      resolveDir: root, loader: "jsx",
    },
    bundle: true, format: "esm", jsx: "automatic", outfile: `${out}bundle.js`, logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  writeFileSync(`${out}index.html`, '<!doctype html><html lang="en"><meta charset="utf-8"><title>Docs</title><link rel="icon" href="data:,"><main id="root"></main><script type="module" src="bundle.js"></script></html>');
  const { context, page, problems } = await open(`${server.url}target/e2e/docusaurus/`);
  const frames = page.locator("iframe[data-srbackup-embed]");
  await page.waitForFunction(() => document.querySelectorAll("iframe[data-srbackup-embed]").length === 2);
  const ro = page.frameLocator('iframe[title="A RESTORE (read-only)"]');
  await ro.locator("#sql").waitFor();
  assert.equal(await ro.locator("#sql").getAttribute("readonly"), "");
  assert.equal(await ro.locator("#sql").inputValue(), "RESTORE SNAPSHOT sales.s FROM repo ON (orders);");
  // Each iframe takes the height its app posts (not the 420px it starts with).
  await page.waitForFunction(() => [...document.querySelectorAll("iframe[data-srbackup-embed]")]
    .every((f) => f.contentDocument?.body && Math.abs(f.getBoundingClientRect().height - f.contentDocument.body.getBoundingClientRect().height) < 40
      && f.getBoundingClientRect().height !== 420));
  assert.equal(await frames.count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no violation with the catalog, the completion list and the Embed panel open (light and dark)", { timeout: 90_000 }, async () => {
  let checked = 0;
  for (const colorScheme of ["light", "dark"]) {
    const { context, page, problems } = await open(app, { colorScheme, width: 1280, height: 900 });
    await editor(page).waitFor();
    await showPanels(page);
    await page.click("#catalog-open");
    await page.click("#catalog-demo");
    await page.locator("#catalog-state").filter({ hasText: "Loaded" }).waitFor();
    await page.click("#catalog-paste");
    await page.click("#embed");
    await page.locator("#embed-html").waitFor();
    await openCompletion(page, "BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE ");
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document);
      return { passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) };
    });
    assert.ok(result.passes > 20, `axe checked only ${result.passes} rules`);
    assert.deepEqual(result.violations, [], colorScheme);
    await page.screenshot({ path: `${shots}catalog-completion-embed-${colorScheme}.png` });
    assert.deepEqual(problems, []);
    checked++;
    await context.close();
  }
  assert.equal(checked, 2);
});

test("a catalog of 10,000 tables loads, completes and flags names", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await open(app);
  await editor(page).waitFor();
  await pasteCatalog(page, catalogOfTables(10_000), "10000 tables and views");
  const list = await openCompletion(page, "BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE t999");
  // The list is capped (the first 50 that fit), not 10,000 elements.
  const options = await list.getByRole("option").count();
  assert.ok(options >= 1 && options <= 60, `${options} options`);
  assert.match(await list.innerText(), /t9999?/);
  await editor(page).press("Escape");
  await editor(page).fill("BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE t10000);");
  await page.locator(".diagnostics").filter({ hasText: "t10000" }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("an uploaded catalog fills the builder's name lists and flags an unknown table in the builder", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(app);
  await editor(page).waitFor();
  await editor(page).fill("BACKUP DATABASE sales SNAPSHOT s1 TO repo1 ON (TABLE orders, TABLE nosuch);");
  await page.click("#catalog-open");
  // Without a catalog the lists are empty.
  assert.equal(await page.locator("#dl-objects option").count(), 0);
  await page.setInputFiles("#catalog-file", `${root}docs/examples/catalog.json`);
  await page.locator("#catalog-state").filter({ hasText: "Loaded: catalog.json" }).waitFor();
  // The builder's fields complete from the catalog: databases, repositories, the database's objects.
  assert.equal(await page.locator("#f-database").getAttribute("list"), "dl-databases");
  const names = async (id) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => o.value));
  assert.ok((await names("dl-databases")).includes("sales"), await names("dl-databases"));
  assert.ok((await names("dl-objects")).includes("orders"), await names("dl-objects"));
  assert.ok((await names("dl-repositories")).length > 0);
  // The unknown table is flagged at its row in the builder, not only in the SQL's diagnostics.
  await page.locator(".builder .field-diag").filter({ hasText: "nosuch" }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a share link longer than 2,000 characters comes with a warning", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open(app);
  await editor(page).waitFor();
  // Names that deflate poorly: a long statement of distinct random-looking table names.
  const names = Array.from({ length: 400 }, (_, i) => `TABLE t_${(i * 2654435761 % 4294967296).toString(36)}`);
  await editor(page).fill(`BACKUP DATABASE sales SNAPSHOT s1 TO repo1 ON (${names.join(", ")});`);
  await page.click("#share");
  const status = page.locator("#status").filter({ hasText: "Copied the share link." });
  await status.waitFor();
  assert.match(await status.innerText(), /It is \d+ characters long: some chat tools and browsers cut links over 2000/);
  assert.deepEqual(problems, []);
  await context.close();
});
