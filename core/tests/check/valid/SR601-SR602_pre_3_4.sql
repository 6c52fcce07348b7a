-- srbackup: target=3.3
BACKUP SNAPSHOT db1.s TO r ON (t1 PARTITION (p1), t2);
RESTORE SNAPSHOT db2.s FROM r ON (t1 AS t9) PROPERTIES ("backup_timestamp" = "x");
CANCEL BACKUP FROM db1;
