-- catalog: none
-- Without a catalog only the general notes are given.
BACKUP SNAPSHOT sales.s1 TO s3_repo;
BACKUP DATABASE sales SNAPSHOT s2 TO s3_repo ON (orders);
BACKUP SNAPSHOT s3 TO s3_repo ON (orders);
BACKUP EXTERNAL CATALOG (hive_cat) SNAPSHOT c1 TO s3_repo;
