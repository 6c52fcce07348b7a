-- RESTORE in every form the grammar accepts.
RESTORE SNAPSHOT db1.snap1 FROM repo1 PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01");
RESTORE SNAPSHOT snap1 FROM repo1 PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01");
RESTORE SNAPSHOT db1.s FROM r ON (t1, t2 AS t2_new, t3 PARTITION (p1) AS t3_new) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r DATABASE db1 PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r DATABASE db1 AS db2 ON (TABLE t1 AS t9, MATERIALIZED VIEW mv AS mv2, VIEW v AS v2, FUNCTION f AS g) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r DATABASE db1 ON (ALL TABLES, ALL FUNCTIONS) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r ALL EXTERNAL CATALOGS PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (hive AS hive2, iceberg) PROPERTIES ("backup_timestamp" = "x");
RESTORE SNAPSHOT s FROM r DATABASE db1 PROPERTIES ("backup_timestamp" = "x", "timeout" = "3600", "allow_load" = "TRUE", "replication_num" = "1", "meta_version" = "-1", "starrocks_meta_version" = "1", "other" = "y");
RESTORE SNAPSHOT s FROM r DATABASE db1 PROPERTIES ("backup_timestamp" = "x", "allow_load" = "maybe", "replication_num" = "three");
