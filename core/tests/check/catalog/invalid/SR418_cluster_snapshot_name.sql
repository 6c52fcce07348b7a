-- cluster: shared-data
CREATE CLUSTER SNAPSHOT before_upgrade;
DROP CLUSTER SNAPSHOT Before_Upgrade;
