RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT new_db.ref_full FROM s3_repo PROPERTIES ("backup_timestamp" = "2025-03-01-08-00-00-000");
