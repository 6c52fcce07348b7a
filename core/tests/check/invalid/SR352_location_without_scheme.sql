CREATE REPOSITORY r1 WITH BROKER ON LOCATION "my-bucket/backups" PROPERTIES ("aws.s3.access_key" = "k", "aws.s3.secret_key" = "s");
