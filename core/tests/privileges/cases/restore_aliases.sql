RESTORE SNAPSHOT db2.s1 FROM repo1 ON (t1 AS t1_old, t9 AS t1) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
