BACKUP SNAPSHOT db1.s TO r PROPERTIES ("timeout" = "1h");
RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x", "timeout" = "3600.5");
