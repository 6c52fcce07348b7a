-- srbackup: target=4.2
BACKUP SNAPSHOT db1.s TO r PROPERTIES ("ttl" = "30 second");
