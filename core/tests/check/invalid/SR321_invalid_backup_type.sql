BACKUP SNAPSHOT db1.s TO r PROPERTIES ("type" = "differential");
BACKUP SNAPSHOT db1.s TO r PROPERTIES ("type" = "");
