-- The pre-3.4 forms stay valid.
BACKUP SNAPSHOT example_db.snapshot_label1 TO example_repo ON (example_tbl PARTITION (p1, p2), example_tbl2)
PROPERTIES ("type" = "full");
RESTORE SNAPSHOT example_db1.snapshot_2 FROM example_repo ON (backup_tbl PARTITION (p1, p2), backup_tbl2 AS new_tbl)
PROPERTIES ("backup_timestamp" = "2018-05-04-17-11-01");
