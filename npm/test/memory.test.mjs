// The wasm heap reuses freed memory: an editor calls `parse` on every keystroke, so
// thousands of calls must not grow the instance's memory without bound. The web flavour is
// used because its `initSync` hands back the instance's exports, `memory` among them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { initSync, parse, format } from "../pkg-web/starrocks_backup_sql.js";

// A mid-size script: valid statements of most kinds, non-ASCII names, and errors with
// expected tokens, help and fixes, so that every path that allocates runs.
const SCRIPT = `
-- nightly 备份 😀
CREATE REPOSITORY repo1 WITH BROKER ON LOCATION "s3a://bucket/backup"
PROPERTIES ("aws.s3.access_key" = "k", "aws.s3.secret_key" = "s", "aws.s3.endpoint" = "e");
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION (p1, p2), TABLE t2, ALL VIEWS) PROPERTIES ("type" = "full");
BACKUP SNAPSHOT \`数据😀库\`.s2 TO repo1 ON (TABLE \`表\`);
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (TABLE t1 AS t1_copy) PROPERTIES ("backup_timestamp" = "2024-01-01-00-00-00-000");
SHOW BACKUP FROM db1;
SHOW RESTORE FROM db1 WHERE SnapshotName = "s1";
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT = "s1";
CANCEL BACKUP FROM db1;
DROP SNAPSHOT ON repo1 WHERE SNAPSHOT = "s1";
BACKUP SNAPSHOT db1.s3 TO;
BACKUP SNAPSHOT db1.s4 TO repo1 PROPERTIES ();
RESTORE SNAPSHOT db1.s5 FORM repo1;
SELECT 1;
BACKUP SNAPSHOT db1.s6 TO repo1 ON (TABLE t1 PARTITION (p1,
`;

const CALLS = 20_000;
const WARM_UP = 500;

test(`memory stays bounded over ${CALLS} parse calls`, () => {
  const wasm = initSync({ module: readFileSync(new URL("../pkg-web/starrocks_backup_sql_bg.wasm", import.meta.url)) });
  const first = parse(SCRIPT);
  assert.ok(first.statements.length >= 10, "the script parses into statements");
  assert.ok(first.diagnostics.some((d) => d.fix !== null), "the script has a diagnostic with a fix");
  const reference = JSON.stringify(first);
  for (let i = 0; i < WARM_UP; i++) {
    parse(SCRIPT);
    format(SCRIPT);
  }
  const warm = wasm.memory.buffer.byteLength;
  for (let i = 0; i < CALLS; i++) {
    parse(SCRIPT);
  }
  // Same answer at the end as at the start, and the heap grew by at most 1 MiB after the
  // warm-up. A heap that never reused freed blocks would need hundreds of MiB here.
  assert.equal(JSON.stringify(parse(SCRIPT)), reference);
  const grown = wasm.memory.buffer.byteLength - warm;
  assert.ok(grown <= 1 << 20, `memory grew by ${grown} B after the warm-up (warm: ${warm} B)`);
});
