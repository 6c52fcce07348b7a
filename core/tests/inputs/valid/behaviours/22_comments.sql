-- grammar-behaviours 22: comments; `--` needs no space after it.
SHOW BACKUP --trailing comment
;
BACKUP /* anywhere */ SNAPSHOT db1.s1 /*+ a hint, ignored */ TO repo1;
