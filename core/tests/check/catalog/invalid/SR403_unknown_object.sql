-- Objects the database does not have.
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (TABLE ordrs, VIEW ordr_summary, MATERIALIZED VIEW daily_total, Customers, nothing_like_it);
-- A function written without FUNCTION is looked up as a table (StarRocks's own test case).
BACKUP SNAPSHOT sales.s2 TO s3_repo ON (`Echostring`);
-- A temporary table is never backed up.
BACKUP DATABASE ref SNAPSHOT s3 TO s3_repo ON (TABLE no_such_table);
