-- srbackup: target=3.3
BACKUP SNAPSHOT db1.s TO r ON (t3, T3);
