// The hand-written declarations compile against real usage under `tsc --strict`, and the
// `@ts-expect-error` lines in types/usage.ts prove they are precise (nothing is `any`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const project = fileURLToPath(new URL("./types/tsconfig.json", import.meta.url));

test("types/*.d.ts type-check real usage with tsc --strict", () => {
  const run = spawnSync(process.execPath, [tsc, "-p", project], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
