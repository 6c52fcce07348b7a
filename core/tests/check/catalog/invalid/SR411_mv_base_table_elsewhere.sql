-- `daily_totals` reads ref.currencies; `lake_mv` reads an external catalog.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (MATERIALIZED VIEW daily_totals, MATERIALIZED VIEW lake_mv);
BACKUP DATABASE sales SNAPSHOT s2 TO s3_repo ON (ALL MATERIALIZED VIEWS);
