-- Every BACKUP form of spec §2.1.
BACKUP SNAPSHOT db1.snap1 TO repo1;
BACKUP SNAPSHOT snap1 TO repo1 ON (t1);
BACKUP DATABASE db1 SNAPSHOT snap1 TO repo1 ON (t1, TABLE t2) PROPERTIES ("type" = "full", "timeout" = "86400");
BACKUP ALL EXTERNAL CATALOGS SNAPSHOT cat_snap TO repo1 PROPERTIES ("timeout" = "3600");
BACKUP EXTERNAL CATALOG (hive1) SNAPSHOT cat_snap TO repo1;
backup snapshot `my db`.`my snap` to `my repo`;
