-- grammar-behaviours 8: a plural keyword covers the first name only; the rest are tables.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (VIEWS v1, v2);
BACKUP SNAPSHOT db1.s2 TO repo1 ON (FUNCTIONS f1, f2);
BACKUP SNAPSHOT db1.s3 TO repo1 ON (MATERIALIZED VIEWS mv1, mv2, VIEW v3);
