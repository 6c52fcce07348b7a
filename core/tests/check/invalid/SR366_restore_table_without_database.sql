-- srbackup: shared-data
RESTORE TABLE orders FROM SNAPSHOT s1 TO TABLE orders_copy;
