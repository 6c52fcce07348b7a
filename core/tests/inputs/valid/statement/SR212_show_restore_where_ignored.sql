-- Without FROM, StarRocks drops the WHERE clause of SHOW RESTORE.
SHOW RESTORE WHERE State = 'FINISHED';
