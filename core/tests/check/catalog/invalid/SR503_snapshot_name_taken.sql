BACKUP SNAPSHOT sales.sales_2024 TO s3_repo ON (orders);
-- With "type" = "incremental" StarRocks gives another message.
BACKUP SNAPSHOT sales.ref_full TO s3_repo ON (orders) PROPERTIES ("type" = "incremental");
