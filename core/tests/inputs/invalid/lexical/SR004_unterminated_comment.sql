BACKUP SNAPSHOT db1.s1 TO repo1 /* full backup
