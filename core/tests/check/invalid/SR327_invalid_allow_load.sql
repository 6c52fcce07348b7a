RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x", "allow_load" = "yes");
