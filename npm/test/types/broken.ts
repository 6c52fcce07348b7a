// Must NOT compile: types.test.mjs checks that tsc rejects it, so that the type checks cannot
// pass vacuously (e.g. if the package's types resolved to `any`).
import { check } from "starrocks-backup-sql";

const report = check("SHOW BACKUP", {});
const errors: string = report.errors;
report.diagnostics[0]?.span.nope;
check("SHOW BACKUP", { targetVersion: 3.3 });
console.log(errors);
