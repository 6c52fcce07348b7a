// Browser flavour (ES module): call the default export once before `parse` / `format`.
export * from "./index.js";

/** Anything `WebAssembly.instantiateStreaming` / `instantiate` accepts, or a URL to fetch. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads and instantiates the wasm module. By default it fetches `starrocks_backup_sql_bg.wasm`
 * next to the JS file. Resolves once `parse` and `format` can be called.
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> },
): Promise<WebAssembly.Exports>;

/** Instantiates the wasm module synchronously from bytes or a compiled module. */
export function initSync(module: { module: BufferSource | WebAssembly.Module }): WebAssembly.Exports;
