-- Statements outside the family are kept as written and not checked.
SELECT 1;
SHOW DATABASES;
BACKUP SNAPSHOT db1.s1 TO repo1;
DESC backup;
DESCRIBE snapshot;
