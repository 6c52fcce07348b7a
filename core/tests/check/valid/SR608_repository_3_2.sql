-- srbackup: target=3.2
CREATE REPOSITORY r WITH BROKER broker1 ON LOCATION 's3://b/p' PROPERTIES ("k" = "v");
