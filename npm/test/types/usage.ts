// Compiled (never run) by types.test.mjs with `tsc --strict --noEmit`: every function called with
// the generated types, and every result narrowed. Each @ts-expect-error line must stay an error,
// which proves the declarations are precise (an `any` would let it compile).
import {
  init,
  initSync,
  parse,
  check,
  format,
  explainPrivileges,
  planFromSql,
  sqlFromPlan,
  convertSyntax,
  companions,
  complete,
  rules,
  version,
  type AnyPlan,
  type BackupPlan,
  type Catalog,
  type CheckReport,
  type Completion,
  type CompletionKind,
  type Diagnostic,
  type Options,
  type PlanError,
  type PlanObject,
  type Range,
  type RestorePlan,
  type RuleInfo,
  type Severity,
  type StatementKind,
  type Syntax,
  type Target,
} from "starrocks-backup-sql";

// A catalog written out in full (the generated type has no optional fields).
const catalog: Catalog = {
  version: 1,
  current_database: "sales",
  current_catalog: null,
  databases: [
    {
      name: "sales",
      tables: [
        {
          name: "orders",
          kind: "table",
          engine: "StarRocks",
          partition_type: "range",
          partitions: ["p2024"],
          temporary_partitions: [],
          base_tables: [],
          temporary: false,
        },
      ],
      functions: [{ name: "normalize_phone", args: ["VARCHAR"] }],
    },
  ],
  external_catalogs: ["hive_cat"],
  repositories: [
    {
      name: "s3_repo",
      read_only: false,
      location: null,
      snapshots: [{ name: "s1", timestamp: "2024-12-09-10-25-58-842", database: "sales", tables: [], functions: [], catalogs: [] }],
    },
  ],
  running_jobs: [{ kind: "backup", database: "ref", label: "nightly", repository: null, job_id: "1", state: "UPLOADING" }],
};

const options: Options = {
  targetVersion: "3.3",
  clusterMode: "shared-data",
  catalog,
  grantee: "USER 'u'@'%'",
  scope: "exact",
  offset: 0,
};

/** Every span has offsets and 1-based positions. */
function where(span: Range): string {
  return `${span.start}-${span.end} ${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}

function describe(d: Diagnostic): string {
  const severity: Severity = d.severity;
  const help: string = d.help ?? "";
  const edits: number = d.fix?.edits.length ?? 0;
  const firstEdit: string = d.fix?.edits[0]?.replacement ?? "";
  const starrocks: string | null = d.starrocksMessage;
  return `${where(d.span)} ${severity} ${d.code} ${d.kind} ${d.message} ${d.expected.join()} ${help} ${edits} ${firstEdit} ${starrocks}`;
}

function objectNames(objects: PlanObject[]): string[] {
  return objects.map((o) => (o.select === "named" ? `${o.kind} ${o.name}${o.partitions ? ` (${o.partitions.names.join()})` : ""}` : `ALL ${o.kind}`));
}

function explain(e: PlanError): string {
  switch (e.error) {
    case "needs_version":
      return `${e.feature}: ${e.since} > ${e.target}`;
    case "timeout_too_short":
      return `${e.seconds}`;
    case "invalid_name":
    case "unrepresentable_name":
      return `${e.role} ${e.name}`;
    default:
      return e.error;
  }
}

function target(t: Target): string {
  switch (t.scope) {
    case "table":
      return `${t.database ?? "?"}.${t.name} ${t.kind} ${t.kindKnown}`;
    case "function":
      return `${t.name}(${t.args?.join() ?? "?"})`;
    case "database":
    case "catalog":
      return t.name ?? "?";
    default:
      return t.scope;
  }
}

async function main(bytes: Uint8Array, module: WebAssembly.Module): Promise<void> {
  await init();
  await init("/static/starrocks_backup_sql_bg.wasm");
  await init(new URL("https://example.com/x.wasm"));
  await init(bytes);
  await init(module);
  await init(fetch("/x.wasm"));
  initSync(bytes);
  initSync(module);
  initSync();

  const parsed = parse("SHOW BACKUP");
  const kinds: StatementKind[] = parsed.statements.map((s) => s.kind);
  console.log(kinds, parsed.diagnostics.map(describe));

  const report: CheckReport = check("BACKUP SNAPSHOT db.s TO r", options);
  const total: number = report.errors + report.warnings + report.infos;
  console.log(total, report.statements[0]?.summary, report.diagnostics.map(describe));

  const formatted = format("backup snapshot db.s to r", {});
  const text: string = formatted.changed ? formatted.text : formatted.blockedBy.map((d) => d.message).join();
  console.log(text);

  const privileges = explainPrivileges("BACKUP SNAPSHOT db.s TO r", { grantee: "ROLE ops", scope: "broad" });
  console.log(privileges.grantSql, privileges.revokeSql, privileges.targetVersion);
  for (const plan of privileges.plans) {
    for (const r of plan.requirements) console.log(r.privilege, r.objectType, target(r.object), r.neededBy.map((n) => where(n.span)));
  }
  for (const g of privileges.grants.grants) console.log(g.grant, g.revoke, g.onlyIf, g.certainty, g.neededBy[0]?.statement);
  for (const r of privileges.grants.refused) console.log(r.privilege, r.object, r.reason);

  const loaded = planFromSql("BACKUP SNAPSHOT db.s TO r ON (t1)", { offset: 0 });
  if (loaded.plan?.statement === "backup") {
    const backup: BackupPlan = loaded.plan;
    console.log(loaded.plan.objects.length, objectNames(loaded.plan.objects), backup.properties.type, backup.catalogs?.select);
  } else if (loaded.plan?.statement === "restore") {
    const restore: RestorePlan = loaded.plan;
    console.log(restore.properties.backupTimestamp, restore.databaseAlias);
  }
  console.log(loaded.statement, loaded.faithful, loaded.diagnostics.map(describe));

  if (loaded.plan) {
    const edited: AnyPlan = { ...loaded.plan, snapshot: "s2" };
    const written = sqlFromPlan(edited, {});
    const sql: string = written.sql ?? written.problems.map((p) => (p.error ? explain(p.error) : p.message)).join("\n");
    console.log(sql, written.diagnostics.map(describe));
    const fromPlan = companions(edited, {});
    console.log(fromPlan.companions?.restore.sql);
  }

  const to: Syntax = "legacy";
  const converted = convertSyntax("BACKUP DATABASE db SNAPSHOT s TO r", to, { targetVersion: "latest" });
  console.log(converted.sql ?? converted.reasons.map(explain).join(), converted.notes);

  const all = companions("BACKUP SNAPSHOT db.s TO r", { offset: 3 });
  if (all.companions) {
    const c = all.companions;
    console.log(c.restore.kind, c.restorePlan.snapshot, c.repositories.map((r) => `${r.style}: ${r.sql}`), c.showBackup.sql, c.cancelBackup.sql, c.showSnapshot.sql);
  } else {
    console.log(all.problems.map((p) => p.message));
  }

  const completion: Completion = complete("BACKUP SNAPSHOT db.s TO ", 24, { catalog });
  const kindsOffered: CompletionKind[] = completion.items.map((i) => i.kind);
  console.log(where(completion.span), kindsOffered, completion.items.map((i) => `${i.label} ${i.detail ?? ""}`));

  const catalogue: RuleInfo[] = rules();
  console.log(catalogue.map((r) => `${r.code} ${r.severity} ${r.versions} ${r.starrocksMessage ?? ""}`), version().length);

  // @ts-expect-error: severities are a closed set
  const wrongSeverity: Severity = "fatal";
  // @ts-expect-error: help may be null
  const notNull: string = report.diagnostics[0]!.help;
  // @ts-expect-error: a message is a string, not a number (would compile if it were `any`)
  const notNumber: number = report.diagnostics[0]!.message;
  // @ts-expect-error: the plan may be null
  console.log(loaded.plan.snapshot);
  // @ts-expect-error: only a BACKUP plan has `properties.type`; a RESTORE plan does not
  if (loaded.plan?.statement === "restore") console.log(loaded.plan.properties.type);
  // @ts-expect-error: clusterMode is "shared-nothing" or "shared-data"
  check("x", { clusterMode: "cloud" });
  // @ts-expect-error: scope is "auto", "exact" or "broad"
  explainPrivileges("x", { scope: "wide" });
  // @ts-expect-error: convertSyntax goes to "legacy" or "v3.4"
  convertSyntax("x", "v3.3", {});
  // @ts-expect-error: sql must be a string
  parse(42);
  // @ts-expect-error: complete needs an offset
  complete("x");
  console.log(wrongSeverity, notNull, notNumber);
}
console.log(main);
