// The browser (web) flavour and the package contents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as node from "starrocks-backup-sql";
import init, * as web from "../pkg-web/starrocks_backup_sql.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const SAMPLES = ["BACKUP SNAPSHOT db.s TO", "BACKUP SNAPSHOT `数据😀库`.s TO r ON (TABLE t)", "SHOW BACKUP"];

test("the web flavour initialises from bytes and agrees with the Node flavour", async () => {
  await init({ module_or_path: readFileSync(new URL("../pkg-web/starrocks_backup_sql_bg.wasm", import.meta.url)) });
  for (const text of SAMPLES) {
    assert.deepEqual(web.parse(text), node.parse(text), text);
    assert.equal(web.format(text), node.format(text), text);
  }
  assert.ok(node.parse(SAMPLES[0]).diagnostics.length > 0, "the samples include an error");
});

test("the published tarball holds one wasm per flavour and nothing generated untyped", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [pack] = JSON.parse(out);
  const files = pack.files.map((f) => f.path).sort();
  for (const flavour of ["pkg-nodejs", "pkg-web", "pkg-bundler"]) {
    assert.ok(files.includes(`${flavour}/starrocks_backup_sql_bg.wasm`), `${flavour} wasm`);
    // Says whether the flavour's .js is CommonJS or an ES module.
    assert.ok(files.includes(`${flavour}/package.json`), `${flavour}/package.json`);
  }
  assert.deepEqual(files.filter((f) => f.endsWith(".d.ts")).sort(), ["types/index.d.ts", "types/node.d.ts", "types/web.d.ts"]);
  assert.ok(!files.some((f) => f.endsWith(".map")), "no source maps");
  assert.ok(pack.unpackedSize < 1_000_000, `unpacked ${pack.unpackedSize} B`);
});

test("the hand-written types never say any", () => {
  for (const name of ["index", "node", "web"]) {
    const text = readFileSync(new URL(`../types/${name}.d.ts`, import.meta.url), "utf8");
    assert.doesNotMatch(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""), /\bany\b/, name);
  }
});
