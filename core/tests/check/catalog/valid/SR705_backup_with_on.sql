-- Only a whole-database BACKUP gets the note on what a snapshot leaves out.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (orders, customers);
