-- srbackup: target=4.0
BACKUP SNAPSHOT db1.s TO r PROPERTIES ("type" = "full", "ttl" = "7 DAY");
