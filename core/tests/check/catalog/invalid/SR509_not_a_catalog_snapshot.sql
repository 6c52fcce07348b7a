-- `sales_2024` is a backup of the database `sales`.
RESTORE SNAPSHOT sales_2024 FROM s3_repo ALL EXTERNAL CATALOGS PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
