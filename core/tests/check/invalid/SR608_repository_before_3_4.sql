-- srbackup: target=3.2
CREATE REPOSITORY r WITH BROKER 'broker 1' ON LOCATION 's3://b/p';
