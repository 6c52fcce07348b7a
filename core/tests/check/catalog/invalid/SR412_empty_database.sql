BACKUP DATABASE empty_db SNAPSHOT s1 TO s3_repo;
-- `ref` has a table, but no views and no functions.
BACKUP DATABASE ref SNAPSHOT s2 TO s3_repo ON (ALL VIEWS, ALL FUNCTIONS);
