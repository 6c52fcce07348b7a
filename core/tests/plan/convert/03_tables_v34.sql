BACKUP DATABASE sr_hub SNAPSHOT sr_core_backup TO test_repo ON (TABLE sr_member, TABLE sr_pmc PARTITION (p1));
