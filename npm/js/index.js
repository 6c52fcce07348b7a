// Entry point for browsers and bundlers. `init()` fetches the .wasm that sits next to the
// package's JavaScript: `new URL(…, import.meta.url)` is the form Vite, webpack 5, Rollup and
// Parcel recognise and copy into the build. Nothing runs at import time.
import initWasm, { initSync as initWasmSync } from '../pkg/starrocks_backup_sql.js';
import { markLoaded } from './api.js';

export * from './api.js';

/**
 * Loads the WebAssembly module. `input` may be a URL (string or `URL`), a `Request`, a
 * `Response` (or a promise of one), the bytes (`BufferSource`) or a compiled
 * `WebAssembly.Module`; without it, the .wasm next to this file is fetched. Calling it again
 * does nothing.
 */
export async function init(input) {
  await initWasm({ module_or_path: input ?? new URL('../pkg/starrocks_backup_sql_bg.wasm', import.meta.url) });
  markLoaded();
}

/** Loads the WebAssembly module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  if (input === undefined) {
    throw new TypeError('initSync: pass the .wasm bytes or a WebAssembly.Module (or use await init())');
  }
  initWasmSync({ module: input });
  markLoaded();
}
