-- srbackup: target=3.3
BACKUP DATABASE db1 SNAPSHOT s TO r ON (TABLE t1 PARTITION (p1), t2);
RESTORE SNAPSHOT s FROM r DATABASE db1 AS db2 ON (TABLE t1 AS t9) PROPERTIES ("backup_timestamp" = "x");
