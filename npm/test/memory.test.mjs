// The wasm heap reuses freed memory: an editor calls `check` on every keystroke, so thousands of
// calls must not grow the instance's memory without bound. The instance's memory is read through
// the wasm-bindgen glue, which is the same module instance the package's entry point uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as glue from "../pkg/starrocks_backup_sql.js";
import { initSync, check, format, explainPrivileges, complete } from "starrocks-backup-sql";
import { CATALOG, SCRIPT, WASM_PATH } from "./support.mjs";

const CALLS = 20_000;
const WARM_UP = 500;

test(`memory stays bounded over ${CALLS} check calls`, { timeout: 300_000 }, () => {
  // The glue returns the instance's exports; the package's initSync then finds it loaded.
  const wasm = glue.initSync({ module: readFileSync(WASM_PATH) });
  initSync();
  const options = { catalog: CATALOG, targetVersion: "3.3" };
  const first = check(SCRIPT, options);
  assert.ok(first.statements.length >= 10, "the script has statements of most kinds");
  assert.ok(first.diagnostics.some((d) => d.fix !== null), "and diagnostics with fixes");
  const reference = JSON.stringify(first);
  for (let i = 0; i < WARM_UP; i++) {
    check(SCRIPT, options);
    format(SCRIPT);
    explainPrivileges(SCRIPT, options);
    complete(SCRIPT, i % SCRIPT.length, options);
  }
  const warm = wasm.memory.buffer.byteLength;
  for (let i = 0; i < CALLS; i++) {
    // Vary the text as typing would: the same script cut at a moving point.
    check(i % 2 ? SCRIPT : SCRIPT.slice(0, i % SCRIPT.length), options);
  }
  // Same answer at the end as at the start, and the heap grew by at most 1 MiB after the warm-up.
  // A heap that never reused freed blocks would need hundreds of MiB here.
  assert.equal(JSON.stringify(check(SCRIPT, options)), reference);
  const grown = wasm.memory.buffer.byteLength - warm;
  assert.ok(grown <= 1 << 20, `memory grew by ${grown} B after the warm-up (warm: ${warm} B)`);
  assert.ok(warm <= 32 << 20, `warm heap ${warm} B`);
});

test("a TypeError thrown for a bad option does not leak memory either", () => {
  const wasm = glue.initSync({ module: readFileSync(WASM_PATH) });
  initSync();
  for (let i = 0; i < 200; i++) assert.throws(() => check(SCRIPT, { catalog: { databases: [{ name: i }] } }), TypeError);
  const before = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 5000; i++) assert.throws(() => check(SCRIPT, { catalog: { databases: [{ name: i }] } }), TypeError);
  assert.ok(wasm.memory.buffer.byteLength - before <= 1 << 20);
});
