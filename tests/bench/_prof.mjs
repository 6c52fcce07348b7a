import { chromium } from "playwright-core";
import { serve } from "../e2e/server.mjs";
const server = await serve(process.env.DIST);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.goto(server.url);
await page.locator("#sql").waitFor();
const objects = 500;
const list = Array.from({ length: objects }, (_, i) => `TABLE t${i} PARTITION (p${i})`).join(", ");
await page.locator("#sql").fill(`BACKUP DATABASE sales SNAPSHOT s1 TO repo ON (${list}) PROPERTIES ("timeout" = "86400");`);
await page.locator(`#f-object-${objects - 1}-name`).waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
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
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) {
  const n = byId.get(id);
  const name = (n.callFrame.functionName || n.callFrame.url.split("/").pop() || "(anon)").slice(0, 140);
  self.set(name, (self.get(name) ?? 0) + t);
}
// inclusive times
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const name = (byId.get(cur).callFrame.functionName || "(anon)").slice(0, 140);
    if (seen.has(name)) continue;
    seen.add(name);
    incl.set(name, (incl.get(name) ?? 0) + t);
  }
}
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log("total ms", (total / 1000).toFixed(0));
console.log("--- self");
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(8), k);
console.log("--- inclusive");
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / 1000).toFixed(1).padStart(8), k);
await browser.close(); await server.close();
