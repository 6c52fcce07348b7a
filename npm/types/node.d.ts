// Node.js (CommonJS, loads the wasm synchronously on import) and bundler flavours:
// ready to use, no initialisation call.
export * from "./index.js";
