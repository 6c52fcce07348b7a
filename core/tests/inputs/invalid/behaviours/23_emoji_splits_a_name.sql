-- grammar-behaviours 23: a dropped emoji inside a name splits it in two.
BACKUP SNAPSHOT db1.snap😀x TO repo1;
