RESTORE SNAPSHOT sr_hub_backup FROM test_repo DATABASE sr_hub AS sr_hub_new ON (TABLE t1 PARTITION (p1) AS t2) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842", "allow_load" = "true");
