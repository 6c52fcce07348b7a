// Compiled (never run) by types.test.mjs with `tsc --noEmit --strict`: the hand-written
// declarations must describe the API precisely. Each @ts-expect-error line must stay an error.
import { parse, format, type Diagnostic, type ParseResult, type Severity } from "starrocks-backup-sql";
import init, { parse as webParse, initSync } from "../../types/web.js";

const result: ParseResult = parse("BACKUP SNAPSHOT db.s TO");
const first: Diagnostic | undefined = result.diagnostics[0];
if (first) {
  const severity: Severity = first.severity;
  const where: number = first.start + first.end + first.line + first.column + first.endLine + first.endColumn;
  const help: string = first.help ?? "";
  const edits: number = first.fix?.edits.length ?? 0;
  const sr: string | null = first.starrocksMessage;
  console.log(severity, where, help, edits, sr, first.expected.join(", "), first.kind, first.code);
  // @ts-expect-error: severities are a closed set
  const wrong: Severity = "fatal";
  // @ts-expect-error: help may be null
  const notNull: string = first.help;
  // @ts-expect-error: a message is a string, not a number (would pass if it were `any`)
  const notNumber: number = first.message;
  console.log(wrong, notNull, notNumber);
}
for (const s of result.statements) {
  const kind: "backup" | "restore" | string = s.type;
  console.log(kind, s.start, s.end);
}
const sql: string = format("backup snapshot a.b to r");
console.log(sql);

async function browser(bytes: Uint8Array): Promise<void> {
  await init({ module_or_path: "/starrocks_backup_sql_bg.wasm" });
  initSync({ module: bytes });
  const fromWeb: ParseResult = webParse("SHOW BACKUP");
  console.log(fromWeb.statements.length);
  // @ts-expect-error: init takes an options object, not a number
  await init(42);
}
console.log(browser);
