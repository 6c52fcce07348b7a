-- grammar-behaviours 7: DROP SNAPSHOT <name> ON <repo> [FORCE] (v4.2).
DROP SNAPSHOT snap1 ON repo1;
DROP SNAPSHOT snap1 ON repo1 FORCE;
