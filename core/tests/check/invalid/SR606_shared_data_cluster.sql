-- srbackup: target=4.0 shared-data
BACKUP SNAPSHOT db1.s TO r;
RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x");
