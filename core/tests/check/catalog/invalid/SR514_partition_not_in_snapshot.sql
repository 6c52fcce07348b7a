-- The 2024-12-09 backup holds only partition p2024 of orders.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy ON (TABLE orders PARTITION (p2025, P2024)) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
