CREATE REPOSITORY oss_repo WITH BROKER ON LOCATION "oss://bucket/backup"
PROPERTIES ("fs.oss.accessKeyId" = "id", "fs.oss.accessKeySecret" = "secret", "fs.oss.endpoint" = "oss.example.com");
CREATE READ ONLY REPOSITORY ro WITH BROKER `hdfs_broker` ON LOCATION 'hdfs://host:9000/backup';
DROP REPOSITORY oss_repo;
DROP REPOSITORY `1repo`;
DROP SNAPSHOT backup1 ON ro;
SHOW REPOSITORIES WHERE Name LIKE 'oss%';
