-- catalog: bare.json
-- The cluster has only default_catalog.
BACKUP ALL EXTERNAL CATALOGS SNAPSHOT c1 TO s3_repo;
