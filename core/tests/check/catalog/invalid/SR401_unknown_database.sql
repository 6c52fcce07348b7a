-- Databases that do not exist. Names are case-sensitive: `Sales` is not `sales`.
BACKUP SNAPSHOT Sales.snap_a TO s3_repo;
BACKUP DATABASE nowhere SNAPSHOT snap_b TO s3_repo ON (TABLE orders);
SHOW BACKUP FROM archive;
SHOW RESTORE IN nowhere;
CANCEL BACKUP FROM salse;
CANCEL RESTORE FROM busyy;
