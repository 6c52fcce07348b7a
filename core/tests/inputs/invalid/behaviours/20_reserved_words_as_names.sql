-- grammar-behaviours 20: table, function, database, all, to, from, on, as, with, read, partition are reserved.
DROP REPOSITORY table;
SHOW BACKUP FROM database;
BACKUP SNAPSHOT db1.s1 TO repo1 ON (partition);
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (t1 AS with);
