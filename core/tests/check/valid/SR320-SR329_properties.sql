BACKUP SNAPSHOT db1.s TO r PROPERTIES ("type" = "FULL", "timeout" = "600", "ttl" = "12 hour");
BACKUP SNAPSHOT db1.s TO r PROPERTIES ("ttl" = "");
RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01", "allow_load" = "TRUE", "replication_num" = "1", "meta_version" = "-1", "starrocks_meta_version" = "+3", "timeout" = "86400");
