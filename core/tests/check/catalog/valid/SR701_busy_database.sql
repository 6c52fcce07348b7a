-- SR504 reports the running job; the general note is not repeated.
BACKUP DATABASE busy SNAPSHOT busy_manual TO s3_repo;
