RESTORE SNAPSHOT s FROM r EXTERNAL CATALOG (hive1 AS default_catalog) PROPERTIES ("backup_timestamp" = "x");
