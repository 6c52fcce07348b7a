-- grammar-behaviours 18: keys and values are string literals.
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('timeout' = 3600);
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES (timeout = '3600');
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES (`timeout` = '3600');
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('a' = NULL);
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('a' = TRUE);
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('a' = x'41');
