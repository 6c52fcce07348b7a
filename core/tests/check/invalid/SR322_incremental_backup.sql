BACKUP SNAPSHOT db1.s TO r PROPERTIES ("type" = "Incremental");
