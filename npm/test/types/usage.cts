// Compiled (never run) by types.test.mjs as CommonJS under `module: "NodeNext"`: `require`
// resolves the package's "require" condition, whose types are dist/index.d.cts.
import sr = require("starrocks-backup-sql");

sr.initSync();
const report: sr.CheckReport = sr.check("SHOW BACKUP FROM db", { targetVersion: "3.3" });
const first: sr.StatementKind | undefined = report.statements[0]?.kind;
const plan = sr.planFromSql("BACKUP SNAPSHOT db.s TO r", {}).plan;
if (plan?.statement === "backup") {
  const objects: sr.PlanObject[] = plan.objects;
  console.log(objects.length, sr.sqlFromPlan(plan, {}).sql);
}
const loading: Promise<void> = sr.init();
console.log(first, loading, sr.version(), sr.rules().length);
// @ts-expect-error: errors is a number
const wrong: string = report.errors;
console.log(wrong);
