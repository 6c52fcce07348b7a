-- cluster: shared-data
-- The catalog says automated cluster snapshots are on.
ADMIN SET AUTOMATED CLUSTER SNAPSHOT ON INTERVAL 1 HOUR STORAGE VOLUME sv1;
