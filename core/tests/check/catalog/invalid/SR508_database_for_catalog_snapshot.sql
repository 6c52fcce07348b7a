-- `catalogs_2025` holds external catalogs, not a database.
RESTORE SNAPSHOT catalogs_2025 FROM s3_repo DATABASE sales PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
RESTORE SNAPSHOT sales.catalogs_2025 FROM s3_repo PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
