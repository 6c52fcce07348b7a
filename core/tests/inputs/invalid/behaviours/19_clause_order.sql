-- grammar-behaviours 19: ON then PROPERTIES, each at most once; no WITH PROPERTIES, no FORCE.
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('type' = 'full') ON (t1);
BACKUP SNAPSHOT db1.s1 TO repo1 ON (t1) ON (t2);
BACKUP SNAPSHOT db1.s1 TO repo1 PROPERTIES ('type' = 'full') PROPERTIES ('timeout' = '3600');
BACKUP SNAPSHOT db1.s1 TO repo1 WITH PROPERTIES ('type' = 'full');
RESTORE SNAPSHOT db1.s1 FROM repo1 FORCE;
