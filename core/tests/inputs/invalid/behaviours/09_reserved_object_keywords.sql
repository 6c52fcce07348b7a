-- grammar-behaviours 9: TABLE, FUNCTION and ALL are reserved.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (TABLE);
BACKUP SNAPSHOT db1.s1 TO repo1 ON (FUNCTION);
BACKUP SNAPSHOT db1.s1 TO repo1 ON (ALL);
