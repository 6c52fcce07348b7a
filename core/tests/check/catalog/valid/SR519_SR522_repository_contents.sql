DROP SNAPSHOT ref_full ON s3_repo;
CREATE REPOSITORY gcs_repo WITH BROKER ON LOCATION "gs://backups/starrocks" PROPERTIES ("gcp.gcs.use_compute_engine_service_account" = "true");
