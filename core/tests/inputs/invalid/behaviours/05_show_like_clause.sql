-- grammar-behaviours 5: no LIKE clause in this family.
SHOW BACKUP LIKE 'snap%';
SHOW REPOSITORIES LIKE 'r%';
SHOW SNAPSHOT ON repo1 LIKE 'x';
