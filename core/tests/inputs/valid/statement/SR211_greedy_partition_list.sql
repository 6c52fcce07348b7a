-- Without parentheses, t2 is another partition of t1 (StarRocks accepts it; we warn).
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION p1, t2);
