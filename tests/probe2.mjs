import { chromium } from "playwright-core";
import { serve } from "./e2e/server.mjs";
const server = await serve("/work/main/dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [name, q, w, scheme] of [
  ["embed-default", "?embed", 800, "light"],
  ["embed-ro-dark", "?embed&readonly&theme=dark&panels=builder,sql,diagnostics&sql=" + encodeURIComponent("BACKUP DATABASE sales SNAPSHOT s TO repo ON (TABLE orders);"), 800, "light"],
]) {
  const page = await browser.newPage({ viewport: { width: w, height: 700 }, colorScheme: scheme });
  page.on("console", (m) => console.log(name, "console:", m.type(), m.text()));
  page.on("pageerror", (e) => console.log(name, "pageerror:", e.message));
  await page.goto(server.url + q);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
  await page.close();
}
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.locator("#sql").waitFor();
await page.click("#embed");
await page.locator("#embed-html").waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: `/tmp/full-embed.png` });
console.log(await page.inputValue("#embed-html"));
await browser.close(); await server.close();
