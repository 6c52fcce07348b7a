-- grammar-behaviours 21: StarRocks drops a lone # silently (we warn).
SHOW BACKUP # FROM db1
;
BACKUP SNAPSHOT db1.snap1 TO repo1 #
