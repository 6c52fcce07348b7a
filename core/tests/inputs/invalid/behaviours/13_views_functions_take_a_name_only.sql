-- grammar-behaviours 13: no partitions on views, no argument types, no global functions.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (VIEW v1 PARTITION (p1));
BACKUP SNAPSHOT db1.s1 TO repo1 ON (FUNCTION f1(INT));
BACKUP SNAPSHOT db1.s1 TO repo1 ON (GLOBAL FUNCTION f1);
