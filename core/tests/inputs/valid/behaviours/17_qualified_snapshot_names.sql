-- grammar-behaviours 17: snapshot names are qualified names; spaces around the dot are fine.
BACKUP SNAPSHOT db1 . snap1 TO repo1;
RESTORE SNAPSHOT db1.`snap 1` FROM repo1;
