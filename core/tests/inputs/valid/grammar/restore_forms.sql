-- Every RESTORE form of spec §2.1.
RESTORE SNAPSHOT db1.snap1 FROM repo1 ON (t1) PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01");
RESTORE SNAPSHOT snap1 FROM repo1 DATABASE db1;
RESTORE SNAPSHOT snap1 FROM repo1 DATABASE db1 AS db2 ON (ALL TABLES, VIEW v1 AS v2)
PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842", "replication_num" = "1");
RESTORE SNAPSHOT cat_snap FROM repo1 EXTERNAL CATALOGS (hive1 AS hive_restored, iceberg1);
RESTORE SNAPSHOT cat_snap FROM repo1 ALL EXTERNAL CATALOGS;
