-- The current database is `sales`.
BACKUP SNAPSHOT s1 TO s3_repo ON (orders);
BACKUP DATABASE ref SNAPSHOT s2 TO s3_repo;
BACKUP SNAPSHOT Archive.s3 TO s3_repo;
SHOW BACKUP FROM busy;
SHOW RESTORE;
CANCEL BACKUP FROM busy;
SHOW SNAPSHOT ON s3_repo;
DROP SNAPSHOT sales_2024 ON s3_repo;
DROP REPOSITORY archive_repo;
