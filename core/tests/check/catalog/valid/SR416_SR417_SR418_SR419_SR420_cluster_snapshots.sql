-- cluster: shared-data
ADMIN ALTER AUTOMATED CLUSTER SNAPSHOT SET INTERVAL 2 HOUR;
CREATE CLUSTER SNAPSHOT before_upgrade_2 COMMENT 'x' STORAGE VOLUME sv1;
CREATE CLUSTER SNAPSHOT IF NOT EXISTS before_upgrade;
DROP CLUSTER SNAPSHOT automated_cluster_snapshot_1739864377140;
DROP CLUSTER SNAPSHOT gone IF EXISTS;
RESTORE TABLE sales.orders FROM SNAPSHOT before_upgrade TO TABLE sales.orders_restored;
RESTORE TABLE sales.orders FROM SNAPSHOT before_upgrade TO TABLE other_catalog.sales.orders;
