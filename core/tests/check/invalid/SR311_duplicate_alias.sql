RESTORE SNAPSHOT db1.s FROM r ON (t1 AS t2, t2) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT db1.s FROM r ON (t1 AS t1) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT db1.s FROM r ON (t1 AS n, t2 AS n) PROPERTIES ("backup_timestamp" = "x");
