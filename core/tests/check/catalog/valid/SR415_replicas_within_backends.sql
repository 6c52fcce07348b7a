-- catalog: one_backend.json
-- replication_num set to what the one-backend cluster can place.
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo ON (TABLE orders AS orders_restored) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842", "replication_num" = "1");
