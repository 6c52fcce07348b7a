BACKUP SNAPSHOT db1.s TO r PROPERTIES ("timeout" = "60", "timeout" = "3600");
