-- grammar-behaviours 10: singular ALL forms, mixes and duplicates parse.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (ALL TABLE, ALL VIEW, ALL FUNCTION, ALL MATERIALIZED VIEW);
BACKUP SNAPSHOT db1.s2 TO repo1 ON (ALL TABLES, TABLE t1);
BACKUP SNAPSHOT db1.s3 TO repo1 ON (TABLE t1, TABLE t1);
