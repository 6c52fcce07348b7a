BACKUP SNAPSHOT db1.s TO r ON (db1.t1, t2);
