-- The catalog lists `mystery` without its contents (SHOW SNAPSHOT without details): only its
-- existence is checked.
RESTORE SNAPSHOT mystery FROM s3_repo DATABASE shop AS shop_copy ON (TABLE t1, FUNCTION f1) PROPERTIES ("backup_timestamp" = "2025-04-01-00-00-00-000");
RESTORE SNAPSHOT mystery FROM s3_repo EXTERNAL CATALOG (c1) PROPERTIES ("backup_timestamp" = "2025-04-01-00-00-00-000");
