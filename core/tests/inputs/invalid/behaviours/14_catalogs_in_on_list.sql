-- grammar-behaviours 14: catalogs are never ON items; BACKUP needs parentheses and no alias.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (EXTERNAL CATALOG hive1);
BACKUP SNAPSHOT db1.s1 TO repo1 ON (ALL EXTERNAL CATALOGS);
BACKUP EXTERNAL CATALOG iceberg SNAPSHOT s1 TO repo1;
BACKUP EXTERNAL CATALOGS hive1, iceberg1 SNAPSHOT s1 TO repo1;
BACKUP EXTERNAL CATALOG (hive1 AS h2) SNAPSHOT s1 TO repo1;
