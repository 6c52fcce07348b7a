-- catalog: current_gone.json
-- The session's current database was dropped.
BACKUP SNAPSHOT snap_a TO s3_repo;
