-- The running BACKUP of `busy` writes `busy_nightly` into s3_repo.
DROP SNAPSHOT busy_nightly ON s3_repo;
