-- grammar-behaviours 12: AS comes after PARTITION; typed items take AS too (in RESTORE).
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (t1 PARTITION (p1) AS x);
RESTORE SNAPSHOT db1.s1 FROM repo1
ON (TABLE t2 AS t2_new, VIEW v1 AS v1_new, MATERIALIZED VIEW mv1 AS mv1_new, FUNCTION f1 AS f1_new);
