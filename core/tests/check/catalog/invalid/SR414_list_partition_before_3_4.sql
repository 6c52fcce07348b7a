-- target: 3.3
-- `regions` is list-partitioned; StarRocks before 3.4 refuses it.
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (regions, orders);
