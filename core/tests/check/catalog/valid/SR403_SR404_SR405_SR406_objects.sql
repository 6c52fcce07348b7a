-- Objects that exist, under the right keyword; partitions compared case-insensitively.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (TABLE orders PARTITION (P2024, p2025), customers PARTITION (customers), VIEW order_summary, MATERIALIZED VIEW orders_by_day);
-- Bare names are tables, views or materialized views alike.
BACKUP SNAPSHOT sales.s2 TO s3_repo ON (order_summary, orders_by_day, daily_totals PARTITION (p20240101));
-- Key partitions and temporary partitions are not compared with the catalog here.
BACKUP SNAPSHOT sales.s3 TO s3_repo ON (orders PARTITION (dt = '2024-01-01'));
