// Benchmark (not a test): how long a keystroke in the SQL editor and an edit in the builder take
// to update everything the app shows (SQL, highlighting, diagnostics, grants, builder,
// companions) with a BACKUP of 500 objects, in headless Chromium with performance marks.
//
//   cargo xtask test        # or any release build of the app into dist/
//   node tests/bench/app-keystroke.mjs [objects=500] [rounds=200]
//   CATALOG=10000 node tests/bench/app-keystroke.mjs   # with a catalog of 10,000 tables loaded
//
// Each sample: performance.mark, the DOM event a user's keystroke makes (an `input` event on the
// textarea or on a builder field), then a macrotask (Leptos's reactive updates and effects run
// as microtasks before it) and a forced layout (`offsetHeight`), then performance.measure. The
// painted frame is not included. Environment: DIST (default dist/), CHROMIUM_PATH.
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";
import { serve } from "../e2e/server.mjs";
import { catalogOfTables, pasteCatalog } from "../e2e/catalogs.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const objects = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 200);
const server = await serve(process.env.DIST ?? `${root}dist`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
await page.goto(server.url);
await page.locator("#sql").waitFor();
// The panels below the fold load when scrolled to: bring them in, so they update too.
await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
await page.locator("#grants").waitFor({ state: "attached" });
await page.locator("#companions-heading").waitFor({ state: "attached" });
await page.evaluate(() => window.scrollTo(0, 0));
const catalogTables = Number(process.env.CATALOG ?? 0);
if (catalogTables) {
  // The tables the statement names (t0…) and more: existence checks and name lists run on each keystroke.
  await pasteCatalog(page, catalogOfTables(Math.max(catalogTables, objects)));
}
if (process.env.HIDE) await page.addStyleTag({ content: process.env.HIDE + " { display: none !important; }" });
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });

const list = Array.from({ length: objects }, (_, i) => `TABLE t${i} PARTITION (p${i})`).join(process.env.NL ? ",\n    " : ", ");
const sql = `BACKUP DATABASE sales SNAPSHOT s1 TO repo ON (${list}) PROPERTIES ("timeout" = "86400");`;
await page.locator("#sql").fill(sql);
await page.locator(`#f-object-${objects - 1}-name`).waitFor();

const samples = await page.evaluate(
  async ({ rounds, objects }) => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const area = document.querySelector("#sql");
    const middle = Math.floor(objects / 2);
    const out = { keystroke: [], builder: [] };
    // Keystrokes: type "x" after the middle table's name, then delete it, alternately.
    const at = area.value.indexOf(`TABLE t${middle} `) + `TABLE t${middle}`.length;
    for (let i = 0; i < rounds; i++) {
      const insert = i % 2 === 0;
      area.focus();
      area.setSelectionRange(insert ? at : at + 1, insert ? at : at + 1);
      performance.mark("start");
      area.setRangeText(insert ? "x" : "", insert ? at : at, insert ? at : at + 1, "end");
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: insert ? "insertText" : "deleteContentBackward", data: insert ? "x" : null }));
      await settle();
      void document.body.offsetHeight;
      out.keystroke.push(performance.measure("keystroke", "start").duration);
    }
    // Builder edits: rename the middle table in its field, alternately adding and removing "y".
    const field = () => document.querySelector(`#f-object-${middle}-name`);
    for (let i = 0; i < rounds; i++) {
      const input = field();
      const name = i % 2 === 0 ? `t${middle}y` : `t${middle}`;
      performance.mark("start");
      input.value = name;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "y" }));
      await settle();
      void document.body.offsetHeight;
      out.builder.push(performance.measure("builder", "start").duration);
      if (!area.value.includes(`TABLE ${name} PARTITION`)) throw new Error(`the SQL did not follow the builder: ${name}`);
    }
    return out;
  },
  { rounds, objects },
);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: q(50).toFixed(1), p95: q(95).toFixed(1), max: s[s.length - 1].toFixed(1) };
};
console.log(`BACKUP with ${objects} objects (${sql.length} bytes)${catalogTables ? `, catalog of ${catalogTables} tables` : ""}, ${rounds} samples each, ms:`);
console.table({ "keystroke in the SQL editor": stats(samples.keystroke), "edit in the builder": stats(samples.builder) });
if (errors.length) {
  console.error("page errors:", errors);
  process.exitCode = 1;
}
await browser.close();
await server.close();
