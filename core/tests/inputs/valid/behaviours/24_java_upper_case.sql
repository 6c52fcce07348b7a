-- grammar-behaviours 24: keywords are matched after Java's Character.toUpperCase.
BACKUP ſNAPſHOT db1.s1 TO repo1;
SHOW REPOSıTORIES;
SHOW BACKUP FROM ＢＡＣＫＵＰ;
