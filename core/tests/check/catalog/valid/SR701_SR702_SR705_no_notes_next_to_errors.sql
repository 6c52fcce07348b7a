-- The current database is `sales`. Its whole-database BACKUP has errors (external and
-- temporary-partition tables), so the notes a clean BACKUP gets are left out.
BACKUP SNAPSHOT s1 TO s3_repo;
