// The generated declarations (dist/index.d.ts, dist/index.d.cts) against real usage with
// `tsc --strict`: ES module under NodeNext and under bundler resolution, CommonJS (.cts with
// `import x = require(…)`) under NodeNext, and a file with deliberate type errors that must fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { FUNCTIONS, NPM, ROOT } from "./support.mjs";

const TSC = `${ROOT}node_modules/typescript/bin/tsc`;
const TYPES = `${NPM}test/types/`;

/** Runs tsc on one of the test projects; returns its exit code, output and the files it read. */
function tsc(project) {
  const run = spawnSync(process.execPath, [TSC, "-p", `${TYPES}${project}`, "--listFiles"], { cwd: TYPES, encoding: "utf8", timeout: 120_000 });
  const lines = run.stdout.split("\n");
  const files = lines.filter((l) => l.startsWith("/") && !l.includes("/node_modules/typescript/"));
  const errors = lines.filter((l) => /error TS\d+/.test(l));
  return { status: run.status, errors, files, output: run.stdout + run.stderr };
}

test("tsc is installed (TypeScript 5.9)", () => {
  assert.ok(existsSync(TSC), `${TSC}: run npm ci at the repository root`);
  const { version } = JSON.parse(readFileSync(`${ROOT}node_modules/typescript/package.json`, "utf8"));
  assert.match(version, /^5\.9\./);
});

test("ES module usage compiles under --strict with NodeNext resolution (dist/index.d.ts)", () => {
  const result = tsc("tsconfig.json");
  assert.equal(result.status, 0, result.output);
  assert.deepEqual(result.files.map((f) => f.replace(NPM, "")), ["dist/index.d.ts", "test/types/usage.ts"]);
});

test("the same usage compiles with bundler resolution", () => {
  const result = tsc("tsconfig.bundler.json");
  assert.equal(result.status, 0, result.output);
  assert.deepEqual(result.files.map((f) => f.replace(NPM, "")), ["dist/index.d.ts", "test/types/usage.ts"]);
});

test("CommonJS usage (.cts, require) compiles under NodeNext against dist/index.d.cts", () => {
  const result = tsc("tsconfig.cjs.json");
  assert.equal(result.status, 0, result.output);
  assert.deepEqual(result.files.map((f) => f.replace(NPM, "")), ["dist/index.d.cts", "test/types/usage.cts"]);
});

test("a file with type errors fails, with exactly the errors it holds", () => {
  const result = tsc("tsconfig.broken.json");
  assert.notEqual(result.status, 0, "tsc must reject test/types/broken.ts");
  assert.deepEqual(result.errors, [
    "broken.ts(6,7): error TS2322: Type 'number' is not assignable to type 'string'.",
    "broken.ts(7,29): error TS2339: Property 'nope' does not exist on type 'Range'.",
    "broken.ts(8,24): error TS2322: Type 'number' is not assignable to type 'string'.",
  ]);
});

test(
  "options are optional and a partial catalog type-checks, as at run time",
  () => {
    const result = tsc("tsconfig.optional.json");
    assert.equal(result.status, 0, result.output);
  },
);

test("the public API has no `any`, and declares exactly the exported functions", () => {
  const dts = readFileSync(`${NPM}dist/index.d.ts`, "utf8");
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  assert.doesNotMatch(code, /\bany\b/);
  assert.doesNotMatch(code, /\bunknown\b/);
  const functions = [...code.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).sort();
  assert.deepEqual(functions, ["init", "initSync", ...FUNCTIONS].sort());
  assert.equal(readFileSync(`${NPM}dist/index.d.cts`, "utf8"), dts, "the CommonJS declarations are the same text");
});
