-- VIEWS covers v1 only: v2 is read as a table (StarRocks accepts it; we warn).
BACKUP SNAPSHOT db1.s1 TO repo1 ON (VIEWS v1, v2, FUNCTIONS f1, f2);
