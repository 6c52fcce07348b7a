-- catalog: bare.json
-- A RESTORE of external catalogs is running; catalog jobs share one slot in the cluster.
BACKUP ALL EXTERNAL CATALOGS SNAPSHOT c2 TO s3_repo;
