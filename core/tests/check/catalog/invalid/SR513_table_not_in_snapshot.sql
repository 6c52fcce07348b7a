-- The 2024-12-09 backup holds orders, customers, order_summary and daily_totals.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy ON (Orders, TABLE invoices, VIEW order_summary) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
