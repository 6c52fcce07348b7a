-- grammar-behaviours 24: fullwidth letters are identifier letters, not keywords.
ＢＡＣＫＵＰ SNAPSHOT db1.s1 TO repo1;
