CREATE REPOSITORY gcs_repo WITH BROKER ON LOCATION "gs://starrocks_backups/prod" PROPERTIES ("gcp.gcs.service_account_email" = "a@b.iam.gserviceaccount.com");
