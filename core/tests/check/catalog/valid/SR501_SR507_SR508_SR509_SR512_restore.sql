RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy ON (orders PARTITION (p2024), customers, FUNCTION normalize_phone) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo PROPERTIES ("backup_timestamp" = "2025-01-09-10-00-00-000");
RESTORE SNAPSHOT catalogs_2025 FROM s3_repo ALL EXTERNAL CATALOGS PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
RESTORE SNAPSHOT catalogs_2025 FROM s3_repo EXTERNAL CATALOG (hive_cat AS hive_restored) PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
-- RESTORE reads from a read-only repository.
RESTORE SNAPSHOT old FROM archive_repo DATABASE Archive AS archive_copy PROPERTIES ("backup_timestamp" = "2023-01-01-00-00-00");
