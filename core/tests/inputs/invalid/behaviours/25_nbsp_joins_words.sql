-- grammar-behaviours 25: NBSP and fullwidth parentheses are letters.
BACKUP SNAPSHOT db1.s1 TO repo1;
BACKUP SNAPSHOT db1.s1 TO repo1 ON （t1）;
