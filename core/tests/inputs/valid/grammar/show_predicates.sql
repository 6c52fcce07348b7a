-- showPredicateClauses: WHERE, ORDER BY, every LIMIT form.
SHOW BACKUP WHERE State IN ('FINISHED', 'CANCELLED') AND NOT Label LIKE 'tmp%';
SHOW BACKUP WHERE (JobId > 10 OR JobId <= 2) AND Label IS NOT NULL;
SHOW BACKUP WHERE JobId BETWEEN 1 AND 10;
SHOW BACKUP ORDER BY CreateTime ASC NULLS FIRST, JobId DESC;
SHOW BACKUP ORDER BY ALL DESC;
SHOW BACKUP LIMIT 10;
SHOW BACKUP LIMIT 5, 10;
SHOW BACKUP LIMIT 10 OFFSET 5;
SHOW BACKUP LIMIT ?;
SHOW BACKUP LIMIT ? OFFSET ?;
SHOW BACKUP LIMIT @page_size OFFSET @page_start;
-- A field of a parenthesised expression or a call (StarRocks's #dereference).
SHOW BACKUP WHERE (JobId > 10 OR JobId <= 2).Label IS NOT NULL;
-- Functions named by reserved words (StarRocks's specialFunctionExpression).
SHOW BACKUP WHERE IF(State = 'FINISHED', 1, 0) = 1 AND LEFT(SnapshotName, 5) = 'sales' AND MOD(JobId, 2) = 1;
