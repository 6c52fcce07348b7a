RESTORE SNAPSHOT sales.sales_2023 FROM s3_repo PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
-- The snapshot exists, but not with this timestamp.
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo PROPERTIES ("backup_timestamp" = "2024-12-09");
RESTORE SNAPSHOT ref_full FROM s3_repo PROPERTIES ('backup_timestamp' = '2025-03-01');
