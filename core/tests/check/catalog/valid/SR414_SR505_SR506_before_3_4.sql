-- target: 3.3
-- Range-partitioned and unpartitioned native tables back up on 3.3.
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (orders, customers);
