// Whether the WebAssembly module is loaded, shared by the entry points and the functions.
// Internal: not exported from the package.

let loaded = false;

/** The module is loaded: the functions may run. */
export function markLoaded() {
  loaded = true;
}

/** Throws unless the module is loaded. */
export function ensureLoaded(name) {
  if (!loaded) {
    throw new Error(`starrocks-backup-sql: call init() (or initSync()) before ${name}()`);
  }
}

/**
 * Refuses a module that is not this package's (an empty or foreign .wasm instantiates, but
 * has none of its functions) before the glue keeps it, so that init() can be called again
 * with the right one.
 */
function checked(module) {
  const names = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  if (!names.has('check') || !names.has('version')) {
    throw new TypeError("init: the WebAssembly module is not starrocks-backup-sql's (it has none of its functions)");
  }
  return module;
}

/** The compiled module of what `init` was given (a `Response`, bytes or a module). */
export async function compile(input) {
  if (input instanceof WebAssembly.Module) return checked(input);
  if (typeof Response === 'function' && input instanceof Response) {
    if (!input.ok) throw new TypeError(`init: fetching the WebAssembly module failed (${input.status} ${input.statusText})`);
    // Streaming compilation needs the right MIME type; servers that lack it still work.
    const streaming = input.headers.get('Content-Type')?.startsWith('application/wasm');
    return checked(streaming ? await WebAssembly.compileStreaming(input) : await WebAssembly.compile(await input.arrayBuffer()));
  }
  return checked(await WebAssembly.compile(input));
}

/** The compiled module of what `initSync` was given (bytes or a module). */
export function compileSync(input) {
  return checked(input instanceof WebAssembly.Module ? input : new WebAssembly.Module(input));
}
