-- grammar-behaviours 15: empty lists, trailing and doubled commas.
BACKUP SNAPSHOT db1.s1 TO repo1 ON ();
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ();
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1,);
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1,, t2);
BACKUP EXTERNAL CATALOG () SNAPSHOT s1 TO repo1;
