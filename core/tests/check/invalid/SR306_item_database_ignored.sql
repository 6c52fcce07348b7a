BACKUP SNAPSHOT db1.s TO r ON (db2.t1, db1.t2, TABLE x.y.t3);
