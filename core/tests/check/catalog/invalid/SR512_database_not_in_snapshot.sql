-- `sales_2024` holds the database `sales` (compared case-sensitively).
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE Sales PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
-- DATABASE names the database inside the snapshot, not the target.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales_copy PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE shop AS sales_copy PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
