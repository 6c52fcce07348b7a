-- grammar-behaviours 17: single names only, and never strings.
DROP REPOSITORY 'r';
DROP REPOSITORY "r";
SHOW BACKUP FROM db1.x;
