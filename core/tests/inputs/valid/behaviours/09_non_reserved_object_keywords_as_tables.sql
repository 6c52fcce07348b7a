-- grammar-behaviours 9: non-reserved object keywords can be table names.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (VIEW, VIEWS, TABLES, FUNCTIONS);
BACKUP SNAPSHOT db1.s2 TO repo1 ON (MATERIALIZED VIEW VIEW);
-- A bare item wins whenever it reads as one: these are tables named VIEW and TABLES.
BACKUP SNAPSHOT db1.s3 TO repo1 ON (VIEW PARTITIONS p1, TABLES PARTITIONS (p2));
