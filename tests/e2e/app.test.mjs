// Browser end-to-end tests of the built app (dist/, from `cargo xtask test`'s release build) in
// headless Chromium, driven by playwright-core: the visual builder, the two-way SQL editor,
// diagnostics, privileges, companions, undo/redo and saved work. Run by `cargo xtask test`, or:
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

let server;
let browser;

before(async () => {
  assert.ok(existsSync(`${dist}/index.html`), `${dist}/index.html is missing: run \`cargo xtask test\` (or trunk build --release) first`);
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
const sqlOf = (page) => editorOf(page).inputValue();

/**
 * A page on the app that records every page error, console error, failed request and dialog
 * (an `alert` from injected markup would be one). `context` may be reused to keep storage.
 */
async function openApp({ colorScheme = "light", width = 1280, context, panels = true } = {}) {
  context ??= await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(server.url);
  await editorOf(page).waitFor();
  if (panels) await showPanels(page);
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


/** Replaces the editor's text, as a paste would. */
async function paste(page, text) {
  await editorOf(page).fill(text);
}

/** Waits until the editor holds `expected` (the app updates it from the builder). */
async function sqlBecomes(page, expected) {
  await page.waitForFunction((want) => document.querySelector("#sql").value === want, expected, { timeout: 5_000 })
    .catch(() => {});
  assert.equal(await sqlOf(page), expected);
}

/** Adds a named object in the builder. */
async function addObject(page, kind, name) {
  await page.selectOption("#f-new-kind", { label: kind });
  await page.fill("#f-new-name", name);
  await page.getByRole("button", { name: "Add object" }).click();
}

const grantsText = (page) => page.locator("#grants").innerText();

test("a BACKUP built only in the builder is the SQL in the editor", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "");
  await page.getByRole("button", { name: "+ New BACKUP" }).click();
  assert.match(await page.locator("#sql-position").innerText(), /Statement 1 of 1/);
  await page.fill("#f-database", "sales");
  await page.getByRole("button", { name: "Date-stamp" }).click();
  const snapshot = await page.inputValue("#f-snapshot");
  assert.match(snapshot, /^sales_\d{8}$/);
  await page.fill("#f-repository", "s3_repo");
  await addObject(page, "Table", "orders");
  // Partitions as chips: Enter and comma both add.
  await page.fill("#f-object-0-partition", "p20240601, p20240602");
  await page.press("#f-object-0-partition", "Enter");
  await page.getByRole("listitem").filter({ hasText: "p20240601" }).first().waitFor();
  await addObject(page, "View", "sales_summary");
  await addObject(page, "Materialized view", "mv_daily");
  await addObject(page, "Table", "customers");
  // Reorder by button and by keyboard (Alt+↑).
  await page.getByRole("button", { name: "Move TABLE customers up" }).click();
  await page.getByRole("button", { name: "Move TABLE customers up" }).click();
  await page.focus("#f-object-1-name");
  await page.keyboard.press("Alt+ArrowUp");
  await page.check("#f-all-function");
  // Properties: the timeout with its unit.
  await page.fill("#f-prop-timeout", "7200");
  await sqlBecomes(
    page,
    `BACKUP DATABASE sales SNAPSHOT ${snapshot}\nTO s3_repo\n` +
      // The canonical layout: a long list gets one object per line.
      "ON (\n    TABLE customers,\n    TABLE orders PARTITION (p20240601, p20240602),\n    VIEW sales_summary,\n" +
      "    MATERIALIZED VIEW mv_daily,\n    ALL FUNCTIONS\n)\n" +
      'PROPERTIES ("timeout" = "7200");\n',
  );
  await page.locator("#diagnostics .all-clear").waitFor();
  // Drag and drop: the materialized view onto the first row, and back with the keyboard.
  await page.locator("ol.objects > li").nth(3).dragTo(page.locator("ol.objects > li").nth(0));
  assert.match(await sqlOf(page), /ON \(\n    MATERIALIZED VIEW mv_daily,\n    TABLE customers,/);
  await page.focus("#f-object-0-name");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Alt+ArrowDown");
  assert.match(await sqlOf(page), /VIEW sales_summary,\n    MATERIALIZED VIEW mv_daily,\n    ALL FUNCTIONS/);
  // Download: the whole text as a .sql file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .sql" }).click()]);
  assert.equal(download.suggestedFilename(), "backup.sql");
  // Remove one object, then the temporary flag on the partitions.
  await page.getByRole("button", { name: "Remove MATERIALIZED VIEW mv_daily" }).click();
  await page.check("#f-object-1-temporary");
  assert.match(await sqlOf(page), /TABLE orders TEMPORARY PARTITION \(p20240601, p20240602\),\s+VIEW sales_summary,\s+ALL FUNCTIONS\s*\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("pasted SQL fills the builder, and the builder edits the statement at the cursor", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  const restore =
    "RESTORE SNAPSHOT sales_20240601\nFROM s3_repo\nDATABASE sales AS sales_copy\n" +
    "ON (TABLE orders PARTITION (p1) AS orders_old, VIEW v1)\n" +
    'PROPERTIES ("backup_timestamp" = "2024-06-01-10-00-00-000", "replication_num" = "1");';
  await paste(page, `BACKUP SNAPSHOT sales.s1 TO repo;\n\n${restore}`);
  // The caret is at the end: the builder shows the RESTORE.
  await page.locator("#sql-position").filter({ hasText: "Statement 2 of 2" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "RESTORE", exact: true }).getAttribute("aria-pressed"), "true");
  assert.equal(await page.inputValue("#f-database"), "sales");
  assert.equal(await page.inputValue("#f-database-alias"), "sales_copy");
  assert.equal(await page.inputValue("#f-snapshot"), "sales_20240601");
  assert.equal(await page.inputValue("#f-object-0-name"), "orders");
  assert.equal(await page.inputValue("#f-object-0-alias"), "orders_old");
  assert.equal(await page.inputValue("#f-object-1-name"), "v1");
  // A builder edit rewrites only that statement; the first stays exactly as typed.
  await page.fill("#f-object-1-alias", "v1_old");
  assert.match(await sqlOf(page), /^BACKUP SNAPSHOT sales\.s1 TO repo;\n\nRESTORE SNAPSHOT sales_20240601\n/);
  assert.match(await sqlOf(page), /VIEW v1 AS v1_old\)/);
  // Moving the caret to the first statement switches the builder to it.
  await editorOf(page).focus();
  await page.keyboard.press("Control+Home");
  await page.locator("#sql-position").filter({ hasText: "Statement 1 of 2" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "BACKUP", exact: true }).getAttribute("aria-pressed"), "true");
  assert.equal(await page.inputValue("#f-repository"), "repo");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an error is underlined at its span, selected from its diagnostic and fixed in one click", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  const text = 'BACKUP SNAPSHOT sales.s TO repo ON (TABLE orders) PROPERTIES ("tiemout" = "600");';
  await paste(page, text);
  const error = page.locator("#diagnostics .diagnostic.error").filter({ hasText: "SR320" });
  await error.waitFor();
  // The underline covers exactly the misspelt key.
  const underlined = await page.locator(".overlay mark.sq.error").allInnerTexts();
  assert.deepEqual(underlined.join(""), '"tiemout"');
  // The control beside the field shows it too (every control shows its own diagnostics).
  await error.getByRole("button", { name: /Select error SR320 1:63 in the SQL/ }).click();
  const selected = await page.evaluate(() => {
    const a = document.querySelector("#sql");
    return [document.activeElement === a, a.value.slice(a.selectionStart, a.selectionEnd)];
  });
  assert.deepEqual(selected, [true, '"tiemout"']);
  await error.getByRole("button", { name: /Apply fix: replace with "timeout"/ }).click();
  assert.equal(await sqlOf(page), text.replace("tiemout", "timeout"));
  await page.locator("#diagnostics .all-clear").waitFor();
  assert.equal(await page.locator(".overlay mark.sq").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("grants for a role and for a user, each grant naming its objects, the focused object's grant highlighted", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "BACKUP SNAPSHOT sales.s TO repo ON (TABLE orders, TABLE customers, ALL FUNCTIONS);");
  await page.fill("#f-grantee", "ROLE backup_operator");
  await page.selectOption("#f-scope", "exact");
  let grants = await grantsText(page);
  assert.match(grants, /GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator/);
  assert.match(grants, /GRANT EXPORT ON TABLE sales\.orders TO ROLE backup_operator/);
  assert.match(grants, /Needed by: table `orders`/);
  await page.fill("#f-grantee", "USER 'etl'@'%'");
  grants = await grantsText(page);
  assert.match(grants, /GRANT REPOSITORY ON SYSTEM TO USER 'etl'@'%'/);
  assert.doesNotMatch(grants, /ROLE backup_operator/);
  // A bad grantee says so and keeps the last valid grants.
  await page.fill("#f-grantee", "GROUP etl");
  await page.locator("#grantee-error").filter({ hasText: /./ }).waitFor();
  assert.match(await grantsText(page), /TO USER 'etl'@'%'/);
  await page.fill("#f-grantee", "USER 'etl'@'%'");
  // Focusing an object highlights the grant that covers it, and only that one.
  await page.focus("#f-object-0-name");
  const covering = page.locator("#grants .grant.covering");
  await covering.first().waitFor();
  assert.equal(await covering.count(), 1);
  assert.match(await covering.innerText(), /ON TABLE sales\.orders/);
  await page.focus("#f-object-1-name");
  await covering.filter({ hasText: "sales.customers" }).waitFor();
  // Broad scope: one grant covers both tables.
  await page.selectOption("#f-scope", "broad");
  assert.match(await covering.innerText(), /GRANT EXPORT ON ALL TABLES IN DATABASE sales/);
  assert.match(await covering.innerText(), /Needed by: table `orders`, table `customers`/);
  // The REVOKE script on demand, and the GRANT script copied.
  await page.locator("details.revoke summary").click();
  assert.match(await page.locator("#revoke-sql").innerText(), /REVOKE REPOSITORY ON SYSTEM FROM USER 'etl'@'%'/);
  await page.getByRole("button", { name: "Copy GRANTs" }).click();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^-- Privileges for USER 'etl'@'%'.*\n[^]*\nGRANT REPOSITORY ON SYSTEM TO USER 'etl'@'%';\n/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("companions: the matching RESTORE, repository templates (MinIO), copied", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "BACKUP SNAPSHOT sales.s1 TO s3_repo ON (TABLE orders);");
  const companion = page.locator("#companion-sql");
  await page.getByRole("tab", { name: "RESTORE" }).click();
  assert.match(await companion.innerText(), /^RESTORE SNAPSHOT s1\nFROM s3_repo\nDATABASE sales\nON \(TABLE orders\)/);
  await page.getByRole("tab", { name: "CREATE REPOSITORY" }).click();
  await page.selectOption("#f-repo-style", { label: "MinIO" });
  const repo = await companion.innerText();
  assert.match(repo, /CREATE REPOSITORY s3_repo/);
  assert.match(repo, /s3a:\/\//);
  await page.locator("#companion-panel").getByRole("button", { name: "Copy", exact: true }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), repo.replace(/\n$/, "") + (repo.endsWith("\n") ? "\n" : ""));
  await page.getByRole("button", { name: "Copy runbook" }).click();
  const runbook = await page.evaluate(() => navigator.clipboard.readText());
  for (const step of [/CREATE REPOSITORY s3_repo\nWITH BROKER\nON LOCATION "s3a:\/\/.*"aws\.s3\.enable_path_style_access" = "true"/s, /GRANT /,
    /BACKUP (SNAPSHOT sales\.s1|DATABASE sales SNAPSHOT s1)/, /SHOW BACKUP/, /SHOW SNAPSHOT/, /RESTORE SNAPSHOT/]) {
    assert.match(runbook, step);
  }
  assert.ok(runbook.indexOf("CREATE REPOSITORY") < runbook.search(/\nGRANT /) &&
    runbook.search(/\nGRANT /) < runbook.search(/\nBACKUP /) && runbook.search(/\nBACKUP /) < runbook.search(/\nRESTORE /), "the runbook is in order");
  assert.deepEqual(problems, []);
  await context.close();
});

test("undo and redo run across builder edits and typing", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "BACKUP SNAPSHOT sales.s1 TO repo;");
  const start = await sqlOf(page);
  await page.fill("#f-repository", "other_repo");
  const afterBuilder = await sqlOf(page);
  assert.match(afterBuilder, /TO other_repo/);
  await editorOf(page).focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" -- done");
  const afterTyping = await sqlOf(page);
  assert.ok(afterTyping.endsWith(" -- done"), afterTyping);
  await page.keyboard.press("Control+z");
  await sqlBecomes(page, afterBuilder);
  await page.keyboard.press("Control+z");
  await sqlBecomes(page, start);
  assert.equal(await page.inputValue("#f-repository"), "repo");
  await page.keyboard.press("Control+Shift+z");
  await sqlBecomes(page, afterBuilder);
  await page.getByRole("button", { name: "Redo" }).click();
  await sqlBecomes(page, afterTyping);
  await page.getByRole("button", { name: "Undo" }).click();
  await sqlBecomes(page, afterBuilder);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload restores a half-typed invalid statement and the options", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "BACKUP SNAPSHOT sales.s1 TO");
  await editorOf(page).press("End");
  await page.keyboard.type(" rep");
  await page.selectOption("#f-target", { index: 0 });
  const target = await page.inputValue("#f-target");
  await page.fill("#f-grantee", "USER 'etl'@'%'");
  await page.waitForTimeout(300);
  await page.reload();
  await editorOf(page).waitFor();
  await showPanels(page);
  assert.equal(await sqlOf(page), "BACKUP SNAPSHOT sales.s1 TO rep");
  assert.equal(await page.inputValue("#f-target"), target);
  assert.equal(await page.inputValue("#f-grantee"), "USER 'etl'@'%'");
  // A fresh browser (no saved work) starts from the example instead.
  const fresh = await openApp();
  assert.match(await sqlOf(fresh.page), /^BACKUP DATABASE sales SNAPSHOT/);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a second tab does not overwrite the first one's work silently", { timeout: 60_000 }, async () => {
  const first = await openApp();
  await paste(first.page, "BACKUP SNAPSHOT sales.first TO repo;");
  const second = await openApp({ context: first.context });
  assert.equal(await sqlOf(second.page), "BACKUP SNAPSHOT sales.first TO repo;");
  // The second tab saves; the first tab says so and stops saving until told what to do.
  await paste(second.page, "BACKUP SNAPSHOT sales.second TO repo;");
  const banner = first.page.getByRole("alert").filter({ hasText: "Another tab changed the saved work" });
  await banner.waitFor();
  await paste(first.page, "BACKUP SNAPSHOT sales.mine TO repo;");
  await first.page.waitForTimeout(200);
  assert.equal(await second.page.evaluate(() => localStorage.getItem("srbackup.v1.text")), "BACKUP SNAPSHOT sales.second TO repo;");
  // Keeping this tab's work saves it over the other's.
  await banner.getByRole("button", { name: "Keep this tab's work" }).click();
  await banner.waitFor({ state: "detached" });
  assert.equal(await first.page.evaluate(() => localStorage.getItem("srbackup.v1.text")), "BACKUP SNAPSHOT sales.mine TO repo;");
  assert.deepEqual([...first.problems, ...second.problems], []);
  await first.context.close();
});

test("Format rewrites the text in canonical form, and says when there is nothing to do", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "backup   snapshot db1.s1\n  to repo1");
  await page.getByRole("button", { name: "Format" }).click();
  await sqlBecomes(page, "BACKUP SNAPSHOT db1.s1\nTO repo1;\n");
  await page.getByRole("button", { name: "Format" }).click();
  await page.locator("#status").filter({ hasText: "Already in canonical form." }).waitFor();
  // Text the lexer cannot read would be lost by formatting: the button is off.
  await paste(page, "BACKUP SNAPSHOT db1.s1 TO repo1 \\");
  assert.equal(await page.getByRole("button", { name: "Format" }).isDisabled(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("hostile names render as text and round-trip exactly", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp();
  await paste(page, "");
  await page.getByRole("button", { name: "+ New BACKUP" }).click();
  const html = "<img src=x onerror=alert(1)>";
  await addObject(page, "Table", html);
  const built = await sqlOf(page);
  assert.match(built, /ON \(TABLE `<img src=x onerror=alert\(1\)>`\);\n$/);
  // No element was made from the name anywhere on the page: it is text in the editor, the
  // builder, the grants and the companions.
  assert.equal(await page.locator("img").count(), 0);
  assert.match(await grantsText(page), /Needed by: .*table `<img src=x onerror=alert\(1\)>`/);
  assert.match(await page.locator("#companion-sql").innerText(), /TABLE `<img src=x onerror=alert\(1\)>`/);
  // StarRocks drops every backquote of a quoted name (`a``b` reads as `ab`), so no name can
  // hold one: the builder says so, keeps what was typed and leaves the SQL alone.
  await addObject(page, "Table", "a`b");
  await page.locator(".field-diag.error").filter({ hasText: "Not added: the object name `a`b` contains a backquote" }).waitFor();
  assert.equal(await page.inputValue("#f-new-name"), "a`b");
  assert.equal(await sqlOf(page), built);
  // Typed SQL is kept exactly; the builder shows the names as StarRocks reads them.
  const typed = "BACKUP SNAPSHOT sales.s TO repo ON (TABLE `<img src=x onerror=alert(1)>`, TABLE `a``b`);";
  await paste(page, typed);
  assert.equal(await page.inputValue("#f-object-0-name"), html);
  assert.equal(await page.inputValue("#f-object-1-name"), "ab");
  assert.equal(await sqlOf(page), typed);
  // And a builder edit elsewhere writes the HTML-like name back exactly.
  await page.fill("#f-repository", "repo2");
  assert.match(await sqlOf(page), /TABLE `<img src=x onerror=alert\(1\)>`/);
  assert.equal(await page.locator("img").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every example loads, and shared-data mode says BACKUP cannot run there", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openApp();
  const options = await page.locator("#f-example option").allInnerTexts();
  const examples = options.slice(1);
  assert.ok(examples.length >= 8, `${examples.length} examples`);
  for (const label of examples) {
    await page.selectOption("#f-example", { label });
    const sql = await sqlOf(page);
    assert.match(sql, /^(BACKUP|RESTORE) /, label);
    // Every example is a statement StarRocks accepts: no syntax error.
    assert.equal(await page.locator("#diagnostics .diagnostic.error").filter({ hasText: /SR1\d\d/ }).count(), 0, label);
  }
  await page.selectOption("#f-cluster", "shared-data");
  assert.match(await page.locator(".builder .notice").innerText(), /CLUSTER SNAPSHOT/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("shared-data mode composes cluster snapshots, with their grants and checks", { timeout: 90_000 }, async () => {
  const { context, page, problems } = await openApp({ width: 1440 });
  await page.selectOption("#f-cluster", "shared-data");
  await paste(page, "");
  await page.getByRole("button", { name: "+ Automated snapshots" }).click();
  await page.locator("#f-cluster-action").waitFor();
  assert.match(await sqlOf(page), /^ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON\nINTERVAL 1 HOUR\nSTORAGE VOLUME my_volume;/);
  // Each control rewrites the statement.
  await page.fill("#f-cluster-interval", "30");
  await page.selectOption("#f-cluster-unit", "MINUTE");
  await page.fill("#f-cluster-volume", "snapshots_sv");
  await page.selectOption("#f-cluster-scope", "external");
  assert.equal(
    await sqlOf(page),
    'ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON\nINTERVAL 30 MINUTE\nSTORAGE VOLUME snapshots_sv\nPROPERTIES ("snapshot_scope" = "external");\n',
  );
  // Its privileges: OPERATE on SYSTEM and USAGE on the storage volume.
  await page.locator("#grants").getByText("GRANT OPERATE ON SYSTEM").first().waitFor();
  await page.locator("#grants").getByText("GRANT USAGE ON STORAGE VOLUME snapshots_sv").first().waitFor();
  await page.screenshot({ path: `${shots}cluster-snapshot-on.png`, fullPage: true });
  // Another statement of the form keeps what was typed where it applies.
  await page.selectOption("#f-cluster-action", "create");
  await page.fill("#f-cluster-snapshot", "before_upgrade");
  assert.equal(await sqlOf(page), "CREATE CLUSTER SNAPSHOT before_upgrade\nSTORAGE VOLUME snapshots_sv;\n");
  await page.selectOption("#f-cluster-action", "restore");
  await page.fill("#f-cluster-source-db", "sales");
  await page.fill("#f-cluster-source", "orders");
  await page.fill("#f-cluster-target-db", "sales");
  await page.fill("#f-cluster-target", "orders_restored");
  assert.equal(
    await sqlOf(page),
    "RESTORE TABLE sales.orders\nFROM SNAPSHOT before_upgrade\nTO TABLE sales.orders_restored;\n",
  );
  // The analyzer's rules apply: an interval of 0 is refused with StarRocks's message.
  await paste(page, "ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 0 HOUR;");
  await page.locator("#diagnostics").getByText("SR361").first().waitFor();
  // A syntax error gets the full explanation (the explainer loads on demand) and its fix.
  await paste(page, "DROP CLUSTER SNAPSHOT IF EXISTS s1;");
  await page.locator("#diagnostics").getByText("IF EXISTS comes after the snapshot name").first().waitFor();
  // On a shared-nothing cluster the same statements are errors with StarRocks's message.
  await paste(page, "CREATE CLUSTER SNAPSHOT s1;");
  await page.selectOption("#f-cluster", "shared-nothing");
  await page.locator("#diagnostics").getByText("SR609").first().waitFor();
  await page.screenshot({ path: `${shots}cluster-snapshot.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, colorScheme, width] of [
  ["light", "light", 1440],
  ["dark", "dark", 1440],
  ["narrow-light", "light", 720],
  ["narrow-dark", "dark", 720],
]) {
  test(`screenshot: ${name}`, { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openApp({ colorScheme, width });
    await page.focus("#f-object-0-name");
    await page.locator("#grants .grant.covering").first().waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    const brightness = (r + g + b) / 3;
    assert.ok(colorScheme === "light" ? brightness > 200 : brightness < 60, `${name}: ${background}`);
    // The page never scrolls sideways; long SQL scrolls inside its panel.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("without a clipboard API the copy buttons say so instead of failing", { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  // As on plain http from another host: browsers hide the clipboard outside secure contexts.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const { page, problems } = await openApp({ context });
  await page.getByRole("button", { name: "Copy", exact: true }).first().click();
  await page.locator("#status").filter({ hasText: "Could not copy SQL: this page has no clipboard access" }).waitFor();
  await page.getByRole("button", { name: "Copy GRANTs" }).click();
  await page.locator("#status").filter({ hasText: "Could not copy the GRANT script" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the theme toggle overrides the system and is remembered", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openApp({ colorScheme: "light" });
  await page.selectOption("#f-theme", "dark");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await page.reload();
  await editorOf(page).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.deepEqual(problems, []);
  await context.close();
});
