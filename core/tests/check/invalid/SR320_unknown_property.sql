BACKUP SNAPSHOT db1.s TO r PROPERTIES ("TYPE" = "full", "label" = "x");
RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x", "allowload" = "true");
