-- grammar-behaviours 16: DATABASE goes before SNAPSHOT in BACKUP, after FROM in RESTORE; one name.
RESTORE DATABASE db1 SNAPSHOT snap1 FROM repo1;
BACKUP SNAPSHOT snap1 TO repo1 DATABASE db1;
BACKUP DATABASE cat.db1 SNAPSHOT snap1 TO repo1;
