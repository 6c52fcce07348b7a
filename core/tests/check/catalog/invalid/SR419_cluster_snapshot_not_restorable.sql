-- cluster: shared-data
RESTORE TABLE sales.orders FROM SNAPSHOT in_progress TO TABLE sales.orders_restored;
RESTORE TABLE sales.orders FROM SNAPSHOT no_such_snapshot TO TABLE sales.orders_restored;
