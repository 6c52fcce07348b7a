// The README's Node example runs and prints what the README says it prints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

test("the README's Node example prints its documented output", () => {
  const readme = readFileSync(here("../README.md"), "utf8");
  const example = readme.match(/## Node[^\n]*\n+```js\n([\s\S]*?)```\n+prints\n+```text\n([\s\S]*?)```/);
  assert.ok(example, "the README has a Node example followed by its output");
  const [, code, expected] = example;
  // Written next to the tests so that the package's own name resolves (self-reference).
  const script = here("./.readme-example.mjs");
  writeFileSync(script, code);
  try {
    const out = execFileSync(process.execPath, [script], { encoding: "utf8" });
    assert.equal(out, expected);
  } finally {
    rmSync(script, { force: true });
  }
});

test("the README's fix helper applies edits from the last to the first", async () => {
  const readme = readFileSync(here("../README.md"), "utf8");
  const helper = readme.match(/```js\n(function applyFix[\s\S]*?)```/)[1];
  const applyFix = new Function(`${helper}; return applyFix;`)();
  const { parse } = await import("starrocks-backup-sql");
  const text = "BACKUP SNAPSHOT sales.daily s3_repo ON (orders customers)";
  let fixed = text;
  for (let round = 0; round < 3; round++) {
    const d = parse(fixed).diagnostics.find((x) => x.fix);
    if (!d) break;
    fixed = applyFix(fixed, d.fix);
  }
  assert.equal(fixed, "BACKUP SNAPSHOT sales.daily TO s3_repo ON (orders, customers)");
  assert.deepEqual(parse(fixed).diagnostics.filter((d) => d.severity === "error"), []);
});
