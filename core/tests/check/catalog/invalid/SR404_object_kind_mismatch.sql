-- The keyword says one kind, the catalog another.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (VIEW orders, TABLE orders_by_day, MATERIALIZED VIEW order_summary);
