-- ALL TABLES adds native tables only; staging (with temporary partitions) is not listed.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (orders, customers, regions);
BACKUP DATABASE ref SNAPSHOT s2 TO s3_repo ON (ALL TABLES);
