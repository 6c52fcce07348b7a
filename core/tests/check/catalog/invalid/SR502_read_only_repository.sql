BACKUP SNAPSHOT sales.s1 TO archive_repo ON (orders);
DROP SNAPSHOT old ON archive_repo;
