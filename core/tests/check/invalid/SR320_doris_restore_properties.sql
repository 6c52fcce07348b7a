-- Apache Doris's RESTORE properties, which StarRocks does not have.
RESTORE SNAPSHOT sales.s1 FROM repo1 PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842", "reserve_replica" = "true", "atomic_restore" = "true", "clean_tables" = "true");
