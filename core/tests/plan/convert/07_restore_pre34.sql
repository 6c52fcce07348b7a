RESTORE SNAPSHOT sr_hub.sr_member_backup FROM test_repo ON (sr_member AS sr_member_new) PROPERTIES ("backup_timestamp" = "2024-12-09-10-52-10-940");
