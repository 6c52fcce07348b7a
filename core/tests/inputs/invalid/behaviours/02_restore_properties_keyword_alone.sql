-- grammar-behaviours 2: PROPERTIES is optional, but not without its list.
RESTORE SNAPSHOT db1.snap1 FROM repo1 PROPERTIES;
