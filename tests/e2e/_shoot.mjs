import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
const srv = await serve("/work/main/dist");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--headless","--disable-gpu"] });
for (const [name, w, scheme] of [["wide-light", 1440, "light"], ["wide-dark", 1440, "dark"], ["narrow-light", 720, "light"]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 1000 }, colorScheme: scheme });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(name, m.type(), m.text()); });
  page.on("pageerror", (e) => console.log(name, "pageerror", e.message));
  await page.goto(srv.url);
  await page.waitForSelector("#sql");
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  await ctx.close();
}
await browser.close(); await srv.close();
