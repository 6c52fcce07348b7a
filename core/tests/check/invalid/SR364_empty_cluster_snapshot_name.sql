-- srbackup: shared-data
RESTORE TABLE sales.orders FROM SNAPSHOT `` TO TABLE sales.orders_copy;
RESTORE TABLE sales.orders FROM SNAPSHOT s1 TO TABLE sales.``;
