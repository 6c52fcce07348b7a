-- The current database is `sales`.
BACKUP SNAPSHOT s1 TO s3_repo;
