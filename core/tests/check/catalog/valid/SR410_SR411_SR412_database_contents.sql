-- `orders_by_day` is built on sales.orders only; `ref` holds a table.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (MATERIALIZED VIEW orders_by_day);
BACKUP DATABASE ref SNAPSHOT s2 TO s3_repo;
BACKUP DATABASE ref SNAPSHOT s3 TO s3_repo ON (ALL TABLES);
