BACKUP EXTERNAL CATALOGS (hive1, iceberg1) SNAPSHOT s TO r;
RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (hive1 AS hive_new) PROPERTIES ("backup_timestamp" = "x");
