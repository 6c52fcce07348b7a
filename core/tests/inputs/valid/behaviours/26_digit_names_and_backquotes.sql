-- grammar-behaviours 26: digit identifiers, backquoted digits, empty and doubled backquotes.
SHOW BACKUP FROM 1db;
SHOW BACKUP FROM 2024_01_01;
SHOW BACKUP FROM 0x1F;
SHOW BACKUP FROM 1e5x;
BACKUP SNAPSHOT db1.`123` TO repo1;
DROP REPOSITORY ``;
DROP REPOSITORY `a``b`;
