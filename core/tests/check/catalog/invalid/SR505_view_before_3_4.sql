-- target: 3.3
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (customers, order_summary);
