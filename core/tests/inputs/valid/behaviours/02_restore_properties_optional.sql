-- grammar-behaviours 2: PROPERTIES is optional in RESTORE (backup_timestamp is checked later).
RESTORE SNAPSHOT db1.snap1 FROM repo1;
RESTORE SNAPSHOT db1.snap1 FROM repo1 PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01");
