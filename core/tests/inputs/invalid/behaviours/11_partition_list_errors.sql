-- grammar-behaviours 11: empty lists, trailing commas, two PARTITION clauses.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION ());
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION (p1,));
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION (p1) PARTITION (p2));
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1 PARTITION dt = '2024-01-01');
