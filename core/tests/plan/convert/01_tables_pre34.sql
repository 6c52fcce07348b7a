BACKUP SNAPSHOT sr_hub.sr_member_backup TO test_repo ON (sr_member, sr_pmc PARTITION (p1, p2)) PROPERTIES ("type" = "full", "timeout" = "3600");
