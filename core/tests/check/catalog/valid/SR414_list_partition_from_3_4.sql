-- target: 3.4
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (regions, orders);
