BACKUP SNAPSHOT sr_hub.sr_hub_backup TO test_repo;
