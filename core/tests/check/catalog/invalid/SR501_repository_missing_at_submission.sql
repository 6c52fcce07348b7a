-- The analyzer does not check the repository of a RESTORE or of an external-catalog BACKUP;
-- the job submission does.
RESTORE SNAPSHOT sales.sales_2024 FROM s3_rep PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
BACKUP ALL EXTERNAL CATALOGS SNAPSHOT c1 TO gcs_repo;
