-- cluster: shared-data
RESTORE TABLE sales.orders FROM SNAPSHOT before_upgrade TO TABLE sales.customers;
RESTORE TABLE sales.orders FROM SNAPSHOT before_upgrade TO TABLE orders;
