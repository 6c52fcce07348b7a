BACKUP SNAPSHOT sr_hub.s TO test_repo ON (TABLE t1, t2 PARTITION (k = 1));
