-- Catalog names are compared case-insensitively: Hive_Cat is hive_cat.
RESTORE SNAPSHOT catalogs_2025 FROM s3_repo EXTERNAL CATALOGS (Hive_Cat AS hive_copy, icebrg_cat, paimon) PROPERTIES ("backup_timestamp" = "2025-02-01-00-00-00-000");
