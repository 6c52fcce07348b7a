-- `mystery`'s contents are unknown, but the target database's job slot is known to be taken.
RESTORE SNAPSHOT mystery FROM s3_repo DATABASE shop AS busy PROPERTIES ("backup_timestamp" = "2025-04-01-00-00-00-000");
