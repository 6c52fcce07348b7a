-- grammar-behaviours 12: AS after PARTITION only; ALL items take no AS.
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (t1 AS x PARTITION (p1));
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (ALL TABLES AS x);
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (t1 x);
