// Trunk post-build hook (Trunk.toml) for release builds. Trunk has run Cargo and wasm-bindgen;
// this script finishes the app:
//
// 1. Lazy chunks. When `SRBACKUP_SPLIT_INPUT` names the linker's output (xtask's `build_app`
//    builds with `--cfg srbackup_split -Clink-args=--emit-relocs`), `wasm-split-cli` cuts the
//    functions declared with `on_demand!` (web/src/lazy.rs), and everything only they reach,
//    into chunk files the app fetches the first time one is called; wasm-bindgen runs again
//    on the rest (`--keep-lld-exports`, which the chunks link against) under Trunk's hashed
//    name. Chunk files and the loader get content hashes in their names: a chunk only fits
//    the main module it was cut from, so a cached old one must never be reused.
// 2. wasm-opt on the main module and every chunk: -O1, then --flatten --rereloop -Oz, 1.8 KB
//    gzip smaller than -Oz alone (binaryen 132 on the builder; -Oz twice, --converge and
//    --gufa gain nothing).
// 3. esbuild minifies the JS glue and the loader (Trunk's minifier leaves the glue: about
//    1.5 KB gzip), and the integrity hashes in index.html are brought up to date.
//
// Without `SRBACKUP_SPLIT_INPUT` (a plain `trunk build --release`) step 1 is skipped and the
// `on_demand!` functions are ordinary async functions in the one module.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

const glues = readdirSync(dir).filter((f) => /^srbackup-web-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) throw new Error(`expected one glue file in ${dir}, found ${glues.join(", ") || "none"}`);
const glue = glues[0];
const stem = glue.slice(0, -".js".length);
const wasm = `${stem}_bg.wasm`;
const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
const before = { glue: readFileSync(join(dir, glue)), wasm: readFileSync(join(dir, wasm)) };
const chunks = [];
let loader = null;

const input = process.env.SRBACKUP_SPLIT_INPUT;
if (input) {
  const tmp = mkdtempSync(join(tmpdir(), "srbackup-split-"));
  try {
    const cut = join(tmp, "cut");
    run("wasm-split-cli", ["--target", "web", "--out-name", stem, input, cut]);
    const bound = join(tmp, "bound");
    run("wasm-bindgen", [
      "--target", "web", "--no-typescript", "--keep-lld-exports", "--no-demangle",
      "--out-dir", bound, "--out-name", stem, join(cut, `${stem}.wasm`),
    ]);
    copyFileSync(join(bound, `${stem}.js`), join(dir, glue));
    copyFileSync(join(bound, `${stem}_bg.wasm`), join(dir, wasm));
    for (const f of readdirSync(cut).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`)) {
      copyFileSync(join(cut, f), join(dir, f));
      chunks.push(f);
    }
    if (existsSync(join(cut, "__wasm_split.js"))) {
      copyFileSync(join(cut, "__wasm_split.js"), join(dir, "__wasm_split.js"));
      loader = "__wasm_split.js";
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const optimise = (f) =>
  run("wasm-opt", [
    "-O1", "--flatten", "--rereloop", "-Oz",
    "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
    join(dir, f), "-o", join(dir, f),
  ]);
optimise(wasm);
const minify = (f) => {
  const path = join(dir, f);
  const { code } = transformSync(readFileSync(path, "utf8"), {
    minify: true, format: "esm", target: "es2020", legalComments: "none",
  });
  writeFileSync(path, code);
};

if (loader) {
  // Chunks first (the loader names them), then the loader (the glue names it).
  let loaderText = readFileSync(join(dir, loader), "utf8");
  for (const chunk of chunks) {
    optimise(chunk);
    const named = `${chunk.slice(0, -".wasm".length)}-${hash(readFileSync(join(dir, chunk)))}.wasm`;
    if (!loaderText.includes(`"./${chunk}"`)) throw new Error(`the loader does not name ${chunk}`);
    loaderText = loaderText.replaceAll(`"./${chunk}"`, `"./${named}"`);
    copyFileSync(join(dir, chunk), join(dir, named));
    rmSync(join(dir, chunk));
  }
  writeFileSync(join(dir, loader), loaderText);
  minify(loader);
  const namedLoader = `__wasm_split-${hash(readFileSync(join(dir, loader)))}.js`;
  copyFileSync(join(dir, loader), join(dir, namedLoader));
  rmSync(join(dir, loader));
  // Only the `import … from "./__wasm_split.js"` lines change: the same string is also the
  // key of the wasm module's imports object, which must stay as the wasm names it.
  const glueText = readFileSync(join(dir, glue), "utf8");
  const from = new RegExp(`(from\\s*)(["'])\\./${loader.replaceAll(".", "\\.")}\\2`, "g");
  if (!from.test(glueText)) throw new Error(`the glue does not import ./${loader}`);
  writeFileSync(join(dir, glue), glueText.replace(from, `$1$2./${namedLoader}$2`));
}
minify(glue);

for (const f of [glue, wasm]) {
  const old = sri(before[f === glue ? "glue" : "wasm"]);
  if (!html.includes(old)) throw new Error(`index.html does not hold ${f}'s integrity hash ${old}`);
  html = html.replace(old, sri(readFileSync(join(dir, f))));
}
writeFileSync(htmlPath, html);
console.log(`finish-release: ${glue}, ${wasm}${chunks.length ? `, ${chunks.length} lazy chunk(s)` : ""}`);
