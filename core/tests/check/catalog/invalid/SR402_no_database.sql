-- catalog: bare.json
-- No `db.` prefix, no DATABASE clause, and the session has no current database.
BACKUP SNAPSHOT snap_a TO s3_repo ON (orders);
