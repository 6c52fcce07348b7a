-- grammar-behaviours 22: `--` runs to the end of the line.
BACKUP -- x SNAPSHOT db1.s1 TO repo1
