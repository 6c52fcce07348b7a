// Loading the WebAssembly module: every entry point (Node ESM, Node CommonJS, the browser
// entry run in Node) and every form of `init` / `initSync` input. Each case runs in a fresh
// `node` process, because a module instance can be loaded only once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { FUNCTIONS, NPM, PACKAGE_VERSION, WASM_PATH } from "./support.mjs";

/**
 * Runs `code` in a fresh Node process from the package's directory (so that the package's
 * own name resolves through its `exports` map) and returns the JSON it printed last.
 */
function run(code, { commonjs = false } = {}) {
  const args = commonjs ? ["-e", code] : ["--input-type=module", "-e", code];
  const out = spawnSync(process.execPath, args, { cwd: NPM, encoding: "utf8", timeout: 60_000 });
  assert.equal(out.status, 0, `exit ${out.status}\n${out.stdout}\n${out.stderr}`);
  const lines = out.stdout.trim().split("\n");
  return JSON.parse(lines.at(-1));
}

const WASM = JSON.stringify(WASM_PATH);
/** A statement every successful load is checked with. */
const PROBE = `check("SHOW BACKUP FROM db1").statements.map((s) => s.kind + ":" + s.summary).join()`;

test("every function throws before init, naming itself and saying what to call", () => {
  const result = run(`
    import * as sr from "starrocks-backup-sql";
    const out = {};
    for (const name of ${JSON.stringify(FUNCTIONS)}) {
      try { sr[name]("SHOW BACKUP", 0); out[name] = "no error"; }
      catch (e) { out[name] = [e.constructor.name, e.message]; }
    }
    console.log(JSON.stringify(out));`);
  for (const name of FUNCTIONS) {
    assert.deepEqual(result[name], ["Error", `starrocks-backup-sql: call init() (or initSync()) before ${name}()`], name);
  }
});

test("the init error comes before any argument check", () => {
  const result = run(`
    import { check, complete } from "starrocks-backup-sql";
    const out = [];
    for (const f of [() => check(5), () => check("x", { targetVersion: "nope" }), () => complete("x", -1)]) {
      try { f(); } catch (e) { out.push(e.constructor.name + ": " + e.message); }
    }
    console.log(JSON.stringify(out));`);
  assert.deepEqual(result, [
    "Error: starrocks-backup-sql: call init() (or initSync()) before check()",
    "Error: starrocks-backup-sql: call init() (or initSync()) before check()",
    "Error: starrocks-backup-sql: call init() (or initSync()) before complete()",
  ]);
});

test("importing loads nothing: no WebAssembly is compiled or instantiated until init", () => {
  const result = run(`
    const calls = [];
    for (const name of ["compile", "instantiate", "instantiateStreaming"]) {
      const f = WebAssembly[name];
      WebAssembly[name] = (...a) => { calls.push(name); return f(...a); };
    }
    const M = WebAssembly.Module, I = WebAssembly.Instance;
    WebAssembly.Module = function (...a) { calls.push("Module"); return new M(...a); };
    WebAssembly.Module.exports = M.exports;
    WebAssembly.Module.prototype = M.prototype;
    WebAssembly.Instance = function (...a) { calls.push("Instance"); return new I(...a); };
    // The glue and the package test \`instanceof\` against these: keep what the originals had.
    WebAssembly.Instance.prototype = I.prototype;
    const sr = await import("starrocks-backup-sql");
    const atImport = [...calls];
    await sr.init();
    console.log(JSON.stringify({ atImport, afterInit: calls.length > 0, exports: Object.keys(sr).sort() }));`);
  assert.deepEqual(result.atImport, []);
  assert.equal(result.afterInit, true);
  for (const name of ["init", "initSync", ...FUNCTIONS]) assert.ok(result.exports.includes(name), name);
});

test("init() without an argument reads the package's own .wasm; calling it again does nothing", () => {
  const result = run(`
    import { init, check, version } from "starrocks-backup-sql";
    const first = await init();
    const again = await init();
    await Promise.all([init(), init(), init()]);
    console.log(JSON.stringify({ first: first ?? null, again: again ?? null, version: version(), probe: ${PROBE} }));`);
  assert.deepEqual(result, { first: null, again: null, version: PACKAGE_VERSION, probe: "show_backup:SHOW BACKUP FROM db1" });
});

test("concurrent init() calls load the module once", () => {
  const result = run(`
    let instantiations = 0;
    const f = WebAssembly.instantiate;
    // Node's own fetch (undici) instantiates a module of its own: count only the package's.
    WebAssembly.instantiate = (...a) => { if (/starrocks_backup_sql/.test(new Error().stack)) instantiations++; return f(...a); };
    const { init, check } = await import("starrocks-backup-sql");
    await Promise.all([init(), init(), init(), init()]);
    console.log(JSON.stringify({ instantiations, probe: ${PROBE} }));`);
  assert.deepEqual(result, { instantiations: 1, probe: "show_backup:SHOW BACKUP FROM db1" });
});

// Every input `init` accepts in Node.js.
const INIT_INPUTS = {
  "a file path": `${WASM}`,
  "a file: URL string": `pathToFileURL(${WASM}).href`,
  "a file: URL object": `pathToFileURL(${WASM})`,
  "a Buffer": `readFileSync(${WASM})`,
  "a Uint8Array": `new Uint8Array(readFileSync(${WASM}))`,
  "an ArrayBuffer": `new Uint8Array(readFileSync(${WASM})).buffer`,
  "a WebAssembly.Module": `new WebAssembly.Module(readFileSync(${WASM}))`,
  "a Response": `new Response(readFileSync(${WASM}), { headers: { "content-type": "application/wasm" } })`,
  "a promise of a Response": `Promise.resolve(new Response(readFileSync(${WASM}), { headers: { "content-type": "application/wasm" } }))`,
};

for (const [what, expr] of Object.entries(INIT_INPUTS)) {
  if (what.includes("Response") && typeof Response === "undefined") continue;
  test(`init(${what})`, () => {
    const result = run(`
      import { readFileSync } from "node:fs";
      import { pathToFileURL } from "node:url";
      import { init, check } from "starrocks-backup-sql";
      await init(${expr});
      console.log(JSON.stringify(${PROBE}));`);
    assert.equal(result, "show_backup:SHOW BACKUP FROM db1");
  });
}

// Every input `initSync` accepts in Node.js.
const INIT_SYNC_INPUTS = {
  "no argument": "",
  "a file path": `${WASM}`,
  "a file: URL object": `pathToFileURL(${WASM})`,
  "the bytes": `readFileSync(${WASM})`,
  "an ArrayBuffer": `new Uint8Array(readFileSync(${WASM})).buffer`,
  "a WebAssembly.Module": `new WebAssembly.Module(readFileSync(${WASM}))`,
};

for (const [what, expr] of Object.entries(INIT_SYNC_INPUTS)) {
  test(`initSync(${what})`, () => {
    const result = run(`
      import { readFileSync } from "node:fs";
      import { pathToFileURL } from "node:url";
      import { initSync, check } from "starrocks-backup-sql";
      const returned = initSync(${expr});
      initSync(${expr});
      console.log(JSON.stringify({ returned: returned ?? null, probe: ${PROBE} }));`);
    assert.deepEqual(result, { returned: null, probe: "show_backup:SHOW BACKUP FROM db1" });
  });
}

test("init after initSync (and the reverse) does nothing", () => {
  const result = run(`
    import { init, initSync, version } from "starrocks-backup-sql";
    initSync();
    await init("/no/such/file.wasm").then(() => "resolved", (e) => e.code);
    console.log(JSON.stringify(version()));`);
  assert.equal(result, PACKAGE_VERSION);
});

test("a failed init rejects, leaves the package unloaded, and a later init succeeds", () => {
  const result = run(`
    import { init, initSync, check } from "starrocks-backup-sql";
    const out = {};
    const attempt = async (name, p) => { try { await p(); out[name] = "resolved"; } catch (e) { out[name] = e.constructor.name + (e.code ? " " + e.code : ""); } };
    await attempt("missing file", () => init("/no/such/dir/x.wasm"));
    await attempt("garbage bytes", () => init(new Uint8Array([1, 2, 3])));
    await attempt("a number", () => init(42));
    await attempt("sync: missing file", () => initSync("/no/such/dir/x.wasm"));
    await attempt("sync: garbage bytes", () => initSync(new Uint8Array([1, 2, 3])));
    await attempt("sync: null", () => initSync(null));
    try { check("SHOW BACKUP"); out.stillUnloaded = false; } catch (e) { out.stillUnloaded = e.message; }
    await init();
    out.probe = ${PROBE};
    console.log(JSON.stringify(out));`);
  assert.deepEqual(result, {
    "missing file": "Error ENOENT",
    "garbage bytes": "CompileError",
    "a number": "TypeError",
    "sync: missing file": "Error ENOENT",
    "sync: garbage bytes": "CompileError",
    "sync: null": "TypeError",
    stillUnloaded: "starrocks-backup-sql: call init() (or initSync()) before check()",
    probe: "show_backup:SHOW BACKUP FROM db1",
  });
});

test(
  "a valid WebAssembly module that is not the package's is refused, and init() can still load the right one",
  () => {
    const result = run(`
      import { init, check } from "starrocks-backup-sql";
      const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
      const first = await init(empty).then(() => "resolved", (e) => "rejected");
      await init();
      let probe;
      try { probe = ${PROBE}; } catch (e) { probe = e.message; }
      console.log(JSON.stringify({ first, probe }));`);
    assert.deepEqual(result, { first: "rejected", probe: "show_backup:SHOW BACKUP FROM db1" });
  },
);

test(
  "init accepts a promise of any InitInput, as its type says (here a promise of a path)",
  () => {
    const result = run(`
      import { init, check } from "starrocks-backup-sql";
      await init(Promise.resolve(${WASM}));
      console.log(JSON.stringify(${PROBE}));`);
    assert.equal(result, "show_backup:SHOW BACKUP FROM db1");
  },
);

test("CommonJS: require gives the same API, unloaded until initSync or init", () => {
  const result = run(
    `
    const sr = require("starrocks-backup-sql");
    const out = { resolved: require.resolve("starrocks-backup-sql").replace(/\\\\/g, "/").split("/npm/")[1] };
    try { sr.check("SHOW BACKUP"); } catch (e) { out.before = e.message; }
    sr.initSync();
    out.kind = sr.check("SHOW BACKUP").statements[0].kind;
    out.version = sr.version();
    out.initIsAsync = sr.init() instanceof Promise;
    out.exports = Object.keys(sr).sort();
    console.log(JSON.stringify(out));`,
    { commonjs: true },
  );
  assert.equal(result.resolved, "dist/node.cjs");
  assert.equal(result.before, "starrocks-backup-sql: call init() (or initSync()) before check()");
  assert.equal(result.kind, "show_backup");
  assert.equal(result.version, PACKAGE_VERSION);
  assert.equal(result.initIsAsync, true);
  for (const name of ["init", "initSync", ...FUNCTIONS]) assert.ok(result.exports.includes(name), name);
});

test("CommonJS: init() (async) reads the package's own .wasm too", () => {
  const result = run(
    `
    const { init, check } = require("starrocks-backup-sql");
    init().then(() => console.log(JSON.stringify(${PROBE})));`,
    { commonjs: true },
  );
  assert.equal(result, "show_backup:SHOW BACKUP FROM db1");
});

test("the ES module and the CommonJS build are separate instances, each loaded on its own", () => {
  const result = run(`
    import { createRequire } from "node:module";
    import { init, check } from "starrocks-backup-sql";
    await init();
    const cjs = createRequire(import.meta.url)("starrocks-backup-sql");
    let cjsBefore;
    try { cjs.check("SHOW BACKUP"); cjsBefore = "loaded"; } catch (e) { cjsBefore = e.message; }
    cjs.initSync();
    console.log(JSON.stringify({ cjsBefore, same: JSON.stringify(cjs.check("SHOW BAKUP")) === JSON.stringify(check("SHOW BAKUP")) }));`);
  assert.deepEqual(result, { cjsBefore: "starrocks-backup-sql: call init() (or initSync()) before check()", same: true });
});

test("the browser entry (js/index.js) loads from bytes or a Module, and initSync() needs one", () => {
  const result = run(`
    import { readFileSync } from "node:fs";
    import * as web from "./js/index.js";
    const out = {};
    try { web.initSync(); } catch (e) { out.noArg = e.constructor.name + ": " + e.message; }
    try { web.check("x"); } catch (e) { out.before = e.message; }
    await web.init(new WebAssembly.Module(readFileSync(${WASM})));
    out.probe = web.${PROBE};
    console.log(JSON.stringify(out));`);
  assert.deepEqual(result, {
    noArg: "TypeError: initSync: pass the .wasm bytes or a WebAssembly.Module (or use await init())",
    before: "starrocks-backup-sql: call init() (or initSync()) before check()",
    probe: "show_backup:SHOW BACKUP FROM db1",
  });
});

test("the browser entry's initSync takes the bytes", () => {
  const result = run(`
    import { readFileSync } from "node:fs";
    import { initSync, check } from "./js/index.js";
    initSync(readFileSync(${WASM}));
    console.log(JSON.stringify(${PROBE}));`);
  assert.equal(result, "show_backup:SHOW BACKUP FROM db1");
});

test("every documented name is exported", () => {
  const result = run(`
    import * as sr from "starrocks-backup-sql";
    console.log(JSON.stringify(Object.keys(sr).sort()));`);
  for (const name of ["init", "initSync", ...FUNCTIONS]) assert.ok(result.includes(name), name);
});

test(
  "nothing else is exported",
  () => {
    const result = run(`
      import * as sr from "starrocks-backup-sql";
      console.log(JSON.stringify(Object.keys(sr).sort()));`);
    assert.deepEqual(result, ["init", "initSync", "Workspace", ...FUNCTIONS].sort());
  },
);
