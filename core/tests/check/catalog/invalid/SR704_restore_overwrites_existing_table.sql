-- `sales` exists and holds orders, customers and order_summary.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (TABLE orders, customers AS customers_2024, order_summary AS orders_by_day) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales.sales_2024 FROM s3_repo PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (ALL VIEWS, ALL MATERIALIZED VIEWS) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
