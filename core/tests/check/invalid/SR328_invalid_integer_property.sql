RESTORE SNAPSHOT db1.s FROM r PROPERTIES ("backup_timestamp" = "x", "replication_num" = "three", "meta_version" = "2147483648");
