-- srbackup: target=4.0
BACKUP SNAPSHOT db1.s TO r;
