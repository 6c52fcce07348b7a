// Shared by the npm package's browser tests (npm-module.test.mjs, npm-bundler.test.mjs): the
// Chromium launch options, a page that records every problem, and what the test pages compute.
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
export const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
};

/**
 * The body of the test pages' module script, after `init`: it checks a script with an emoji
 * and CJK before the error (so that UTF-16 offsets are exercised in the browser too), formats
 * it, explains its privileges, and writes the results into #out as lines of text.
 */
export const PAGE_SCRIPT = `
const sql = "-- 😀 备份\\nBACKUP SNAPSHOT sales.daily TO s3_repo ON (\`订单😀\`);\\nSHOW BAKUP FROM sales";
const report = check(sql, { targetVersion: "3.3" });
const lines = [
  "version " + version(),
  "statements " + report.statements.map((s) => s.kind).join(","),
  ...report.diagnostics
    .filter((d) => d.severity !== "info")
    .map((d) => d.span.line + ":" + d.span.column + " " + d.code + " " + JSON.stringify(sql.slice(d.span.start, d.span.end))),
  "errors " + report.errors,
  format("backup snapshot sales.daily to s3_repo").text.trim().replaceAll("\\n", " / "),
  explainPrivileges("BACKUP SNAPSHOT sales.daily TO s3_repo ON (\`订单😀\`)").grants.grants.map((g) => g.grant).join(" ; "),
];
const out = document.getElementById("out");
out.textContent = lines.join("\\n");
out.dataset.done = "yes";
`;

/** What #out shows once the page script ran. */
export const EXPECTED = (version) =>
  [
    `version ${version}`,
    "statements backup,invalid",
    '3:6 SR104 "BAKUP"',
    "errors 1",
    "BACKUP SNAPSHOT sales.daily / TO s3_repo;",
    "GRANT REPOSITORY ON SYSTEM TO ROLE backup_operator ; GRANT EXPORT ON TABLE sales.`订单😀` TO ROLE backup_operator",
  ].join("\n");

/** The page's HTML around a module script. */
export const html = (title, script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>
<style>body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem; } pre { background: #f4f4f4; padding: 1rem; }</style>
</head>
<body>
<h1>${title}</h1>
<pre id="out">loading…</pre>
<script type="module">
${script}
</script>
</body>
</html>
`;

/** Opens `url` in a fresh context, recording console errors and warnings, page errors and failed requests. */
export async function open(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 420 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => ["error", "warning"].includes(m.type()) && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    requests.push(new URL(r.url()).pathname);
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  await page.locator("#out[data-done=yes]").waitFor({ timeout: 30_000 });
  return { context, page, problems, requests };
}
