-- catalog: none
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (orders) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT catalogs_2025 FROM s3_repo ALL EXTERNAL CATALOGS PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
