// The package's functions, shared by every entry point: each one refuses to run before the
// WebAssembly module is loaded, with a message that says what to do.
import * as glue from '../pkg/starrocks_backup_sql.js';
import { ensureLoaded } from './state.js';

function needsInit(name, f) {
  return (...args) => {
    ensureLoaded(name);
    return f(...args);
  };
}

/** `options.offset` must survive JSON: NaN and ±Infinity would turn into `null`. */
function checkOffset(options) {
  const offset = options?.offset;
  if (typeof offset === 'number' && !Number.isFinite(offset)) {
    throw new TypeError(`options.offset: ${offset} is not an offset (a whole number ≥ 0)`);
  }
}

export const parse = needsInit('parse', glue.parse);
export const check = needsInit('check', glue.check);
export const format = needsInit('format', glue.format);
export const explainPrivileges = needsInit('explainPrivileges', glue.explainPrivileges);
export const planFromSql = needsInit('planFromSql', (sql, options) => {
  checkOffset(options);
  return glue.planFromSql(sql, options);
});
export const sqlFromPlan = needsInit('sqlFromPlan', glue.sqlFromPlan);
export const convertSyntax = needsInit('convertSyntax', (sql, to, options) => {
  checkOffset(options);
  return glue.convertSyntax(sql, to, options);
});
export const companions = needsInit('companions', (sqlOrPlan, options) => {
  checkOffset(options);
  return glue.companions(sqlOrPlan, options);
});
export const complete = needsInit('complete', glue.complete);
export const rules = needsInit('rules', glue.rules);
export const version = needsInit('version', glue.version);

/**
 * A text and its options kept between calls, for editors: each result is computed again
 * only when what it depends on changed. Call `free()` when done with it.
 */
export class Workspace extends glue.Workspace {
  constructor(sql, options) {
    ensureLoaded('new Workspace');
    super(sql, options);
  }
}
