-- grammar-behaviours 21: `#` is dropped, so the words after it are read.
BACKUP SNAPSHOT db1.snap1 TO repo1 # hash comment
