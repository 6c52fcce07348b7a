-- grammar-behaviours 7: the intermediate WHERE form does not exist.
DROP SNAPSHOT ON repo1 WHERE SNAPSHOT = 'x';
DROP SNAPSHOT snap1 FROM repo1;
