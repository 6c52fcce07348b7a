-- grammar-behaviours 26: numbers are not names.
SHOW BACKUP FROM 123;
SHOW BACKUP FROM 1e5;
BACKUP SNAPSHOT db1.123 TO repo1;
