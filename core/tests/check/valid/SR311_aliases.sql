RESTORE SNAPSHOT db1.s FROM r ON (t1 AS t1_restored, t2 AS t2_restored, FUNCTION f AS t1) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
