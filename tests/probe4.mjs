import { chromium } from "playwright-core";
import { serve } from "./e2e/server.mjs";
const server = await serve("/work/main/dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.goto(server.url);
await page.locator("#sql").waitFor();
const N = 10000;
const catalog = JSON.stringify({ version: 1, current_database: "sales", databases: [{ name: "sales", tables: Array.from({ length: N }, (_, i) => ({ name: `t${i}`, partitions: [`p${i}`] })) }], repositories: [{ name: "repo", snapshots: [] }] });
console.log("catalog bytes", catalog.length);
await page.click("#catalog-open");
await page.click("#catalog-paste");
await page.locator("#catalog-text").fill(catalog);
let t = Date.now();
await page.click("#catalog-use");
await page.locator("#catalog-state").filter({ hasText: "Loaded" }).waitFor();
console.log("load ms", Date.now() - t);
await page.locator("#sql").fill("BACKUP SNAPSHOT sales.s1 TO repo ON (TABLE t99");
await page.locator("#sql").press("End");
t = Date.now();
await page.locator("#sql").press("Control+Space");
await page.getByRole("listbox").waitFor();
console.log("completion ms", Date.now() - t, (await page.getByRole("option").count()));
const samples = await page.evaluate(async () => {
  const area = document.querySelector("#sql"); const out = [];
  for (let i = 0; i < 40; i++) {
    performance.mark("s"); area.setRangeText(i % 2 ? "" : "9", area.value.length - (i % 2 ? 1 : 0), area.value.length, "end");
    area.dispatchEvent(new InputEvent("input", { bubbles: true })); await new Promise((r) => setTimeout(r, 0)); void document.body.offsetHeight;
    out.push(performance.measure("k", "s").duration);
  }
  out.sort((a, b) => a - b); return [out[20], out[38]];
});
console.log("keystroke median/p95 ms", samples);
// builder field focus with datalist
t = Date.now();
await page.locator("#f-new-name").focus();
await page.keyboard.type("t5");
console.log("type in builder field ms", Date.now() - t);
await browser.close(); await server.close();
