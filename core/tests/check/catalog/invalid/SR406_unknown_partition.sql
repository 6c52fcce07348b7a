-- Partitions the table does not have (compared case-insensitively: P2024 is p2024).
BACKUP SNAPSHOT sales.s1 TO s3_repo ON (orders PARTITION (p2023, P2024, p2O25), daily_totals PARTITION (p20240103));
-- An unpartitioned table's one partition is named after the table.
BACKUP SNAPSHOT sales.s2 TO s3_repo ON (customers PARTITION (customers, p1));
-- `tp1` is a temporary partition of `staging`.
BACKUP DATABASE sales SNAPSHOT s3 TO s3_repo ON (TABLE staging PARTITION (tp1));
