// A benchmark of the npm package in Node.js (not a test): `node npm/bench/node.mjs [--runs N]`.
//
// * Cold start: a fresh `node` process that imports the package, calls init() and checks one
//   statement; the median of N runs (default 10) of each phase, and of the whole process.
// * Throughput of `check`: every statement of the conformance corpus
//   (core/tests/conformance/verdicts.tsv) one call each, the same with a catalog, and long
//   BACKUPs of 1,000 objects each.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { init, check } from "starrocks-backup-sql";

const NPM = fileURLToPath(new URL("../", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const rate = (x) => `${Math.round(x).toLocaleString("en-US")}/s`;

/** Prints rows of [label, value, note] as an aligned table. */
function table(title, rows) {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${title}`);
  for (const [a, b, c = ""] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

// ---------------------------------------------------------------------------------- cold start
const COLD = `
const t0 = performance.now();
const { init, check } = await import("starrocks-backup-sql");
const t1 = performance.now();
await init();
const t2 = performance.now();
const report = check("BACKUP SNAPSHOT sales.daily TO s3_repo ON (orders)");
const t3 = performance.now();
if (report.statements.length !== 1) throw new Error("unexpected report");
console.log(JSON.stringify({ boot: t0, import: t1 - t0, init: t2 - t1, check: t3 - t2, total: t3 - t0 }));
`;

function coldRun() {
  const started = performance.now();
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", COLD], { cwd: NPM, encoding: "utf8" });
  const wall = performance.now() - started;
  if (out.status !== 0) throw new Error(out.stderr);
  return { ...JSON.parse(out.stdout), wall };
}

function emptyRun() {
  const started = performance.now();
  spawnSync(process.execPath, ["--input-type=module", "-e", ""], { encoding: "utf8" });
  return performance.now() - started;
}

coldRun(); // warm the file cache
const cold = Array.from({ length: RUNS }, coldRun);
const empty = median(Array.from({ length: RUNS }, emptyRun));
const col = (k) => median(cold.map((r) => r[k]));
table(`Cold start in a fresh node ${process.version} process (median of ${RUNS})`, [
  ["import", ms(col("import")), "import('starrocks-backup-sql'): loads no wasm"],
  ["init()", ms(col("init")), "read + compile + instantiate the .wasm"],
  ["first check()", ms(col("check")), "one BACKUP statement"],
  ["import + init + first check", ms(col("total")), ""],
  ["whole process (wall)", ms(col("wall")), `an empty node process: ${ms(empty)}`],
]);

// ---------------------------------------------------------------------------------- throughput
const ESCAPES = { t: "\t", n: "\n", r: "\r", v: "\v", f: "\f", "\\": "\\" };
const corpus = readFileSync(`${ROOT}core/tests/conformance/verdicts.tsv`, "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => l.split("\t")[1].replace(/\\(u\{([0-9A-Fa-f]+)\}|[tnrvf\\])/g, (_, e, hex) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ESCAPES[e])));

const catalog = {
  current_database: "db1",
  databases: [{ name: "db1", tables: Array.from({ length: 50 }, (_, i) => ({ name: `t${i}`, partitions: ["p1", "p2"] })) }],
  repositories: [{ name: "repo1" }, { name: "r" }],
};

/** Calls `fn` over `inputs` for at least `seconds`; returns [calls/s, statements/s, bytes/s]. */
function measure(inputs, fn, seconds = 2) {
  const stmts = inputs.reduce((n, s) => n + check(s).statements.length, 0);
  const bytes = inputs.reduce((n, s) => n + Buffer.byteLength(s), 0);
  for (const s of inputs) fn(s); // warm up
  let rounds = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const s of inputs) fn(s);
    rounds++;
    elapsed = (performance.now() - started) / 1000;
  } while (elapsed < seconds);
  return [(rounds * inputs.length) / elapsed, (rounds * stmts) / elapsed, (rounds * bytes) / elapsed, elapsed / rounds / inputs.length];
}

await init();
const long = (n, kind) =>
  `BACKUP DATABASE db1 SNAPSHOT s_${n} TO repo1 ON (${Array.from({ length: 1000 }, (_, i) => `${kind} t_${n}_${i}`).join(", ")}) PROPERTIES ("type" = "full")`;
const longBackups = [long(1, "TABLE"), long(2, "VIEW"), long(3, "TABLE"), long(4, "MATERIALIZED VIEW")];
const legacyLong = `BACKUP SNAPSHOT db1.s TO repo1 ON (${Array.from({ length: 1000 }, (_, i) => `t${i} PARTITION (p1, p2)`).join(", ")})`;

const rows = [];
const add = (label, inputs, fn, objects = 0) => {
  const [calls, stmts, bytes, per] = measure(inputs, fn);
  rows.push([label, rate(stmts), `${rate(calls).replace("/s", " calls/s")}, ${(bytes / 1e6).toFixed(2)} MB/s, ${(per * 1000).toFixed(3)} ms/call${objects ? `, ${rate(objects / per).replace("/s", " objects/s")}` : ""}`]);
};
add(`corpus, ${corpus.length} statements, one call each`, corpus, (s) => check(s));
add("corpus, 3.3 + shared-data", corpus, (s) => check(s, { targetVersion: "3.3", clusterMode: "shared-data" }));
add("corpus, with a catalog", corpus, (s) => check(s, { catalog }));
add("corpus as one script", [corpus.filter((s) => !/['"`]|\/\*/.test(s)).join(";\n")], (s) => check(s));
add("BACKUP of 1,000 typed objects (x4)", longBackups, (s) => check(s), 1000);
add("BACKUP of 1,000 tables with partitions", [legacyLong], (s) => check(s), 1000);
add("the same, with a catalog", [legacyLong], (s) => check(s, { catalog }), 1000);
table("check() throughput (statements/s)", rows);
