RESTORE SNAPSHOT db1.s FROM r ON (t1 TEMPORARY PARTITIONS (tp1, tp2)) PROPERTIES ("backup_timestamp" = "x");
