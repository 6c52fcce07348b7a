BACKUP SNAPSHOT sales.s1 TO s3_repo ON (orders, mysql_orders);
-- Without ON (…) the BACKUP includes every table of the database.
BACKUP DATABASE sales SNAPSHOT s2 TO s3_repo;
