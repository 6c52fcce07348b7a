// Entry point for browsers and bundlers. `init()` fetches the .wasm that sits next to the
// package's JavaScript: `new URL(…, import.meta.url)` is the form Vite, webpack 5 and Parcel
// recognise and copy into the build (Rollup needs a plugin for it; esbuild does not copy it:
// pass the .wasm's URL to init). Nothing runs at import time.
import initWasm, { initSync as initWasmSync } from '../pkg/starrocks_backup_sql.js';
import { compile, compileSync, markLoaded } from './state.js';

// The functions and the Workspace class (api.js exports nothing else).
export * from './api.js';

/**
 * Loads the WebAssembly module. `input` may be a URL (string or `URL`), a `Request`, a
 * `Response` (or a promise of one), the bytes (`BufferSource`) or a compiled
 * `WebAssembly.Module`; without it, the .wasm next to this file is fetched. Calling it again
 * does nothing.
 */
export async function init(input) {
  input = (await input) ?? new URL('../pkg/starrocks_backup_sql_bg.wasm', import.meta.url);
  if (typeof input === 'string' || input instanceof URL || (typeof Request === 'function' && input instanceof Request)) {
    input = await fetch(input);
  }
  await initWasm({ module_or_path: await compile(input) });
  markLoaded();
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  if (input === undefined) {
    throw new TypeError('initSync: pass the .wasm bytes or a WebAssembly.Module (or use await init())');
  }
  initWasmSync({ module: compileSync(input) });
  markLoaded();
}
