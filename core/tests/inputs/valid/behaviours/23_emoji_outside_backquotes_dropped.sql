-- grammar-behaviours 23: characters outside the BMP are dropped, except inside backquotes.
BACKUP SNAPSHOT db1.snap😀 TO repo1;
BACKUP SNAPSHOT db1.`snap😀` TO repo1;
