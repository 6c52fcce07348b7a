RESTORE SNAPSHOT iceberg_backup FROM test_repo EXTERNAL CATALOG (iceberg AS iceberg_new) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
