/* leading */ -- and a line comment
BACKUP -- the statement starts here
SNAPSHOT db1.s1 /* inline */ TO repo1 ON (t1 /* object */, t2) --tail
;
-- trailing comment
