-- Apache Doris's syntax, and names that need backquotes.
CREATE REPOSITORY s3_repo WITH S3 ON LOCATION "s3://bucket/backup" PROPERTIES ("aws.s3.endpoint" = "https://s3.us-east-1.amazonaws.com");
BACKUP SNAPSHOT sales.s1 TO repo1 EXCLUDE (tmp_table);
CREATE REPOSITORY minio-repo WITH BROKER ON LOCATION "s3://bucket/backup" PROPERTIES ("aws.s3.endpoint" = "http://minio:9000");
SHOW BACKUP FROM sales-2024;
