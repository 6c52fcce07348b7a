-- StarRocks drops these characters without telling the user; we warn.
SHOW BACKUP FROM db1;
SHOW RESTORE FROM db1 ;
BACKUP SNAPSHOT db1.snap🚀 TO repo1;
