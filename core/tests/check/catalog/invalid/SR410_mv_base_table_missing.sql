-- `broken_mv` is built on `dropped_table` and on `gone_db.t1`; neither exists.
BACKUP DATABASE legacy SNAPSHOT s1 TO s3_repo;
BACKUP DATABASE legacy SNAPSHOT s2 TO s3_repo ON (MATERIALIZED VIEW broken_mv);
