-- grammar-behaviours 11: partition lists; without parentheses the list is greedy.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION p1, p2);
BACKUP SNAPSHOT db1.s2 TO repo1 ON (t1 PARTITION p1, TABLE t2);
BACKUP SNAPSHOT db1.s3 TO repo1 ON (t1 PARTITIONS (p1, p2), t2 TEMPORARY PARTITION (tp1));
BACKUP SNAPSHOT db1.s4 TO repo1 ON (t1 PARTITION ('p1', "p2"), t2 PARTITION (dt = '2024-01-01'));
