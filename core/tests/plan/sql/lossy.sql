-- Statements the builder cannot hold in full: each load reports what is left out.
BACKUP SNAPSHOT db1.s TO r ON (t1 PARTITION (k = 1, d = '2024-01-01'));
BACKUP DATABASE db1 SNAPSHOT s TO r ON (TABLE other_db.t1, FUNCTION other_db.f);
RESTORE SNAPSHOT db1.s FROM r ON (db2.t1 AS t2) PROPERTIES ("backup_timestamp" = "x");
BACKUP SNAPSHOT db1.s TO r PROPERTIES ("timeout" = "3600", "timeout" = "7200");
