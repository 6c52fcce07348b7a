CREATE REPOSITORY aws_repo WITH BROKER ON LOCATION "s3://my-bucket/backups" PROPERTIES ("aws.s3.region" = "us-east-1", "aws.s3.access_key" = "k", "aws.s3.secret_key" = "s");
CREATE REPOSITORY minio_repo WITH BROKER ON LOCATION "s3://backups/starrocks" PROPERTIES ("aws.s3.endpoint" = "http://minio:9000", "aws.s3.enable_path_style_access" = "true", "aws.s3.access_key" = "k", "aws.s3.secret_key" = "s");
CREATE REPOSITORY hdfs_repo WITH BROKER ON LOCATION "hdfs://namenode:8020/backups/under_score" PROPERTIES ("username" = "u", "password" = "p");
