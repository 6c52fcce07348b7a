-- grammar-behaviours 3: PROPERTIES optional; broker name optional, an identifier or a string.
CREATE REPOSITORY r1 WITH BROKER ON LOCATION 's3a://b/p';
CREATE REPOSITORY r2 WITH BROKER broker1 ON LOCATION 's3a://b/p';
CREATE REPOSITORY r3 WITH BROKER 'broker 1' ON LOCATION 's3a://b/p';
CREATE READ ONLY REPOSITORY r4 WITH BROKER ON LOCATION "hdfs://host:9000/backup"
PROPERTIES ("username" = "u", "password" = "p");
