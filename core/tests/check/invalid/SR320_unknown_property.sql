BACKUP SNAPSHOT db1.s TO r PROPERTIES ("TYPE" = "full", "label" = "x");
RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x", "allowload" = "true");
BACKUP SNAPSHOT db1.s TO r PROPERTIES ('type' = 'full', 'a' = 'b', 'timeout' = '3600', 'a' = 'c');
BACKUP SNAPSHOT db1.s TO r PROPERTIES ('a' = 'b', 'a' = 'c');
