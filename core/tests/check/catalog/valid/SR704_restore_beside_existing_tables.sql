-- Renamed objects, or objects the database does not have, replace nothing.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales ON (orders AS orders_2024, daily_totals AS daily_totals_2024) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
RESTORE SNAPSHOT ref_full FROM s3_repo DATABASE ref ON (rates) PROPERTIES ("backup_timestamp" = "2025-03-01-08-00-00-000");
