// Every example of the README runs and prints what the README says it prints. An example is a
// ```js block followed by "prints" and a ```text block. Blocks without an import or require get
// the README's own preamble (the one-line import and `await init()` under "## API").
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { FUNCTIONS, NPM } from "./support.mjs";

const README = readFileSync(`${NPM}README.md`, "utf8");
/** The fenced blocks of the README, in order: { lang, code, line, after } (`after`: the text up to the next block). */
function blocks(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^```(\w*)$/);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== "```") j++;
    out.push({ lang: open[1], code: lines.slice(i + 1, j).join("\n") + "\n", line: i + 2, end: j });
    i = j;
  }
  out.forEach((b, k) => {
    const next = out[k + 1];
    b.after = lines.slice(b.end + 1, next ? next.line - 2 : lines.length).join("\n").trim();
  });
  return out;
}

const BLOCKS = blocks(README);
const EXAMPLES = BLOCKS.flatMap((b, k) =>
  b.lang === "js" && b.after === "prints" && BLOCKS[k + 1]?.lang === "text" ? [{ code: b.code, expected: BLOCKS[k + 1].code, line: b.line }] : [],
);
const PREAMBLE = README.slice(README.indexOf("## API")).match(/```js\n(import \{[^\n]*\} from "starrocks-backup-sql"; await init\(\);\n)```/)?.[1];

/** Runs one example as a file inside the package (so that its own name resolves). */
function run({ code }) {
  const commonjs = /\brequire\(/.test(code);
  const standalone = commonjs || /from "starrocks-backup-sql"/.test(code);
  // The name .gitignore lists; examples run one at a time, and the file is removed after each.
  const file = `${NPM}test/.readme-example.${commonjs ? "cjs" : "mjs"}`;
  writeFileSync(file, standalone ? code : PREAMBLE + code);
  try {
    return spawnSync(process.execPath, [file], { cwd: NPM, encoding: "utf8", timeout: 60_000 });
  } finally {
    rmSync(file, { force: true });
  }
}

test("the README has a preamble and an example for every function", () => {
  assert.ok(PREAMBLE, "the preamble under ## API");
  for (const name of ["init", "initSync", ...FUNCTIONS]) {
    assert.ok(PREAMBLE.includes(name) || name === "initSync", `the preamble imports ${name}`);
    assert.ok(EXAMPLES.some((e) => new RegExp(`\\b${name}\\(`).test(e.code)), `an example calls ${name}()`);
  }
  assert.ok(EXAMPLES.length >= 15, `${EXAMPLES.length} examples`);
});

for (const example of EXAMPLES) {
  test(`README line ${example.line}: ${example.code.split("\n").find((l) => l && !l.startsWith("import"))}`, () => {
    const out = run(example);
    assert.equal(out.stderr, "", "nothing on stderr");
    assert.equal(out.status, 0);
    assert.equal(out.stdout, example.expected);
  });
}

test("the README's applyFix applies edits from the last to the first", () => {
  const helper = README.match(/```js\n(function applyFix[\s\S]*?\n\})\n/)[1];
  const applyFix = new Function(`${helper}; return applyFix;`)();
  const fix = {
    message: "two edits",
    edits: [
      { span: { start: 0, end: 1 }, replacement: "AA" },
      { span: { start: 2, end: 2 }, replacement: "," },
    ],
  };
  assert.equal(applyFix("abc", fix), "AAb,c");
});

test("the README names every option, and the files and exports it documents exist", () => {
  for (const option of ["targetVersion", "clusterMode", "catalog", "grantee", "scope", "offset"]) {
    assert.match(README, new RegExp(`\\| \`${option}\` \\|`), option);
  }
  const manifest = JSON.parse(readFileSync(`${NPM}package.json`, "utf8"));
  assert.equal(manifest.exports["./wasm"], "./pkg/starrocks_backup_sql_bg.wasm");
  for (const path of ["pkg/starrocks_backup_sql_bg.wasm", "js/index.js", "js/node.js", "dist/node.cjs", "dist/index.d.ts"]) {
    assert.ok(README.includes(path), path);
    assert.ok(manifest.files.includes(path), `${path} is published`);
  }
  assert.ok(README.includes('new URL("../pkg/starrocks_backup_sql_bg.wasm", import.meta.url)'));
  assert.ok(readFileSync(`${NPM}js/index.js`, "utf8").includes("new URL('../pkg/starrocks_backup_sql_bg.wasm', import.meta.url)"));
});
