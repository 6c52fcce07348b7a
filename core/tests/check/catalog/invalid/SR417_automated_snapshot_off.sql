-- catalog: snapshots_off.json
-- cluster: shared-data
-- The catalog says automated cluster snapshots are off.
ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 1 HOUR;
ADMIN SET AUTOMATED CLUSTER SNAPSHOT OFF;
