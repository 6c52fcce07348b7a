-- A new snapshot name, a writable repository, no job running on `sales`.
BACKUP SNAPSHOT sales.sales_2026 TO s3_repo ON (orders);
-- The external-catalog slot is free.
BACKUP ALL EXTERNAL CATALOGS SNAPSHOT c2 TO s3_repo;
