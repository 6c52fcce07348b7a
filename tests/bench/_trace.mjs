import { chromium } from "playwright-core";
import { serve } from "../e2e/server.mjs";
const server = await serve(process.env.DIST ?? "dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.url);
await page.locator("#sql").waitFor();
const objects = 500;
const list = Array.from({ length: objects }, (_, i) => `TABLE t${i} PARTITION (p${i})`).join(process.env.NL ? ",\n    " : ", ");
await page.locator("#sql").fill(`BACKUP DATABASE sales SNAPSHOT s1 TO repo ON (${list}) PROPERTIES ("timeout" = "86400");`);
await page.locator(`#f-object-${objects - 1}-name`).waitFor();
await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
await page.evaluate(async (mode) => {
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const area = document.querySelector("#sql");
  const at = area.value.indexOf("TABLE t250 ") + "TABLE t250".length;
  for (let i = 0; i < 30; i++) {
    if (mode === "builder") {
      const input = document.querySelector("#f-object-250-name");
      input.value = i % 2 ? "t250" : "t250y";
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
    } else {
      const insert = i % 2 === 0;
      area.focus();
      area.setRangeText(insert ? "x" : "", at, insert ? at : at + 1, "end");
      area.dispatchEvent(new InputEvent("input", { bubbles: true }));
    }
    await settle();
    void document.body.offsetHeight;
  }
}, process.env.MODE ?? "keystroke");
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
const lay = events.filter((e) => e.name === "Layout" && e.ph === "X").slice(0, 6);
for (const e of lay) console.log("Layout", (e.dur / 1000).toFixed(1), JSON.stringify(e.args?.beginData ?? {}).slice(0, 200), JSON.stringify(e.args?.endData ?? {}).slice(0, 300));
const sum = new Map();
for (const e of events) if (e.ph === "X" && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000 / 30).toFixed(2).padStart(8), "ms/iter", k);
await browser.close(); await server.close();
