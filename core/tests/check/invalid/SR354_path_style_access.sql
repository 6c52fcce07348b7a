CREATE REPOSITORY minio_repo WITH BROKER ON LOCATION "s3://backups/starrocks" PROPERTIES ("aws.s3.endpoint" = "http://minio:9000", "aws.s3.access_key" = "k", "aws.s3.secret_key" = "s");
