// Shared by the browser tests and the keystroke bench: generated catalogs, and the app's
// catalog and completion controls as a user drives them.

/** A catalog (docs/catalog.md) of `count` tables `t0`… in database `sales`, one partition each, and a repository `repo`. */
export function catalogOfTables(count) {
  const tables = Array.from({ length: count }, (_, i) => ({ name: `t${i}`, partitions: [`p${i}`] }));
  return { version: 1, current_database: "sales", databases: [{ name: "sales", tables }], repositories: [{ name: "repo", snapshots: [] }] };
}

/** Pastes `catalog` through "Load a catalog…" → "Paste…" → "Use this catalog"; resolves once the state line shows `loaded`. */
export async function pasteCatalog(page, catalog, loaded = "Loaded") {
  await page.click("#catalog-open");
  await page.click("#catalog-paste");
  await page.locator("#catalog-text").fill(JSON.stringify(catalog));
  await page.click("#catalog-use");
  await page.locator("#catalog-state").filter({ hasText: loaded }).waitFor();
}

/** Types `sql` into the SQL editor, puts the caret at its end and presses Ctrl+Space; resolves to the open suggestion list. */
export async function openCompletion(page, sql) {
  const editor = page.locator("#sql");
  await editor.fill(sql);
  await editor.press("End");
  await editor.press("Control+Space");
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await list.waitFor();
  return list;
}
