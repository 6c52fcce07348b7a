// Trunk post-build hook (Trunk.toml): minifies wasm-bindgen's JS glue in release builds with
// esbuild and updates its subresource-integrity hash in index.html. Trunk's own minifier
// leaves that file as it is; minified, it is about 1.5 KB gzip smaller (docs/PERFORMANCE.md).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const glue = readdirSync(dir).filter((f) => /^srbackup-web-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one glue file in ${dir}, found ${glue.join(", ") || "none"}`);
const path = join(dir, glue[0]);
const before = readFileSync(path, "utf8");
const { code } = transformSync(before, { minify: true, format: "esm", target: "es2020", legalComments: "none" });
writeFileSync(path, code);

const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const html = join(dir, "index.html");
const page = readFileSync(html, "utf8");
const old = sri(before);
if (!page.includes(old)) throw new Error(`index.html does not hold the glue's integrity hash ${old}`);
writeFileSync(html, page.replace(old, sri(code)));
console.log(`minify-glue: ${glue[0]} ${before.length} → ${code.length} bytes`);
