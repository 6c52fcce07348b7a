-- catalog: one_backend.json
-- A one-backend cluster: RESTORE's default of 3 replicas cannot be placed.
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo ON (TABLE orders AS orders_restored) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo ON (TABLE customers AS customers_restored) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842", "replication_num" = "2");
