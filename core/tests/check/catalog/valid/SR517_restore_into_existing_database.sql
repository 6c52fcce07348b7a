RESTORE SNAPSHOT ref_full FROM s3_repo DATABASE ref ON (TABLE rates) PROPERTIES ("backup_timestamp" = "2025-03-01-08-00-00-000");
