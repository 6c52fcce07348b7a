-- Six levels are analysed as usual.
SHOW BACKUP FROM db1 WHERE (((((CASE WHEN State = 'FINISHED' THEN 1 ELSE 0 END))))) = 1;
-- Seven are kept as written with a warning instead of being parsed.
SHOW BACKUP FROM db1 WHERE ((((((CASE WHEN State = 'FINISHED' THEN 1 ELSE 0 END)))))) = 1;
-- Chained BETWEENs nest too: each upper bound is a predicate of its own.
SHOW RESTORE FROM db1 WHERE a BETWEEN 1 AND b BETWEEN 1 AND c BETWEEN 1 AND d BETWEEN 1 AND e BETWEEN 1 AND f BETWEEN 1 AND g BETWEEN 1 AND 2;
