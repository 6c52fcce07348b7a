-- catalog: none
-- cluster: shared-data
CREATE CLUSTER SNAPSHOT IF NOT EXISTS before_upgrade COMMENT 'before the 4.2 upgrade' STORAGE VOLUME sv1;
DROP CLUSTER SNAPSHOT before_upgrade IF EXISTS;
RESTORE TABLE sales.orders FROM SNAPSHOT before_upgrade TO TABLE sales.orders_restored WITH PROPERTIES ("copy_mode" = "logical");
