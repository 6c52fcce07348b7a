-- grammar-behaviours 6: the grammar takes any expression after WHERE.
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT = backup1;
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT IN ('backup1', 'backup2');
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT LIKE 'back%' OR SNAPSHOT = 'x' LIMIT 3;
SHOW SNAPSHOT ON repo1 WHERE SNAPSHOT = "backup1" AND TIMESTAMP = "2018-05-05-15-34-26";
