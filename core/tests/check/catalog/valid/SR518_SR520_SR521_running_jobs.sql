-- A BACKUP of `busy` is running, into s3_repo.
CANCEL BACKUP FROM busy;
DROP SNAPSHOT sales_2024 ON s3_repo;
DROP REPOSITORY archive_repo;
