// Entry point for Node.js (ES module; `dist/node.cjs` is this file built for `require`).
// `init()` and `initSync()` read the .wasm from the package's own directory; a file path or
// `file:` URL is read from disk too. Nothing runs at import time.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import initWasm, { initSync as initWasmSync } from '../pkg/starrocks_backup_sql.js';
import { compile, compileSync, markLoaded } from './state.js';

// The functions and the Workspace class (api.js exports nothing else).
export * from './api.js';

const WASM = new URL('../pkg/starrocks_backup_sql_bg.wasm', import.meta.url);

/** A path, a `file:` URL string or a `URL` of the file protocol: read from disk. */
function fileOf(input) {
  if (input === undefined) return WASM;
  if (input instanceof URL) return input.protocol === 'file:' ? input : null;
  if (typeof input === 'string' && !/^(https?|data|blob):/i.test(input)) {
    return input.startsWith('file:') ? new URL(input) : input;
  }
  return null;
}

/**
 * Loads the WebAssembly module: from the package's own .wasm without `input`; from disk for a
 * path or `file:` URL; otherwise as in browsers (a `Response`, bytes, a `WebAssembly.Module`,
 * an http(s) URL). Calling it again does nothing.
 */
export async function init(input) {
  input = await input;
  const file = fileOf(input);
  if (file !== null) {
    input = await readFile(file);
  } else if (typeof input === 'string' || input instanceof URL || input instanceof Request) {
    input = await fetch(input);
  }
  await initWasm({ module_or_path: await compile(input) });
  markLoaded();
}

/** Loads the WebAssembly module synchronously: the package's own .wasm, a path, bytes or a `WebAssembly.Module`. */
export function initSync(input) {
  const file = fileOf(input);
  initWasmSync({ module: compileSync(file === null ? input : readFileSync(file)) });
  markLoaded();
}
