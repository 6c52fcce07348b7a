CREATE REPOSITORY s3_repo WITH BROKER ON LOCATION "s3://backups/other" PROPERTIES ("aws.s3.region" = "us-east-1");
