// The package's functions, shared by every entry point: each one refuses to run before the
// WebAssembly module is loaded, with a message that says what to do.
import * as glue from '../pkg/starrocks_backup_sql.js';

let loaded = false;

/** Called by `init` and `initSync` once the module is instantiated. */
export function markLoaded() {
  loaded = true;
}

function needsInit(name, f) {
  return (...args) => {
    if (!loaded) {
      throw new Error(`starrocks-backup-sql: call init() (or initSync()) before ${name}()`);
    }
    return f(...args);
  };
}

export const parse = needsInit('parse', glue.parse);
export const check = needsInit('check', glue.check);
export const format = needsInit('format', glue.format);
export const explainPrivileges = needsInit('explainPrivileges', glue.explainPrivileges);
export const planFromSql = needsInit('planFromSql', glue.planFromSql);
export const sqlFromPlan = needsInit('sqlFromPlan', glue.sqlFromPlan);
export const convertSyntax = needsInit('convertSyntax', glue.convertSyntax);
export const companions = needsInit('companions', glue.companions);
export const complete = needsInit('complete', glue.complete);
export const rules = needsInit('rules', glue.rules);
export const version = needsInit('version', glue.version);
