RESTORE SNAPSHOT s1 FROM repo1 DATABASE db1 AS brand_new ON (t1, VIEW v1) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
