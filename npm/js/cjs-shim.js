// Used only when building dist/node.cjs: `import.meta.url` for a CommonJS file.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
