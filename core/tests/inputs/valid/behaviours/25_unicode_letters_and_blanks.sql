-- grammar-behaviours 25: U+0080–U+FFFF are letters (NBSP too); U+3000 is blank after a blank; VT and FF are dropped.
DROP REPOSITORY repo1 ;
SHOW BACKUP 　FROM db1;
SHOWBACKUPFROM db1;
