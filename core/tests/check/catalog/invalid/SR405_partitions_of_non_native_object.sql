-- Views and external tables have no partitions.
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (mysql_orders PARTITION (p1), order_summary PARTITIONS (p1, p2));
