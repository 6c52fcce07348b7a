BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1, t2,);
RESTORE SNAPSHOT db1.s1 FROM repo1 PROPERTIES ('backup_timestamp' = 'x',, 'timeout' = '3600');
