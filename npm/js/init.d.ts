/**
 * What `init` can load the WebAssembly module from: a URL (string or `URL`), a `Request`, a
 * `Response`, the module's bytes or a compiled `WebAssembly.Module`. In Node.js a file path
 * works too.
 */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module; call it (and await it) once before any other function.
 * Without `input`, the package's own .wasm is loaded (fetched next to the JavaScript in
 * browsers and bundlers, read from disk in Node.js). Calling it again does nothing.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/**
 * Loads the WebAssembly module synchronously from its bytes or a compiled
 * `WebAssembly.Module` (in Node.js, without an argument, from the package's own .wasm).
 */
export function initSync(input?: BufferSource | WebAssembly.Module): void;
