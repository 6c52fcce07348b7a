-- A BACKUP of `busy` is uploading.
BACKUP DATABASE busy SNAPSHOT busy_manual TO s3_repo;
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS busy PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
