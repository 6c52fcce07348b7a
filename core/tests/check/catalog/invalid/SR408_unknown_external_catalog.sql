-- External catalog names are compared case-insensitively: Hive_Cat is hive_cat.
BACKUP EXTERNAL CATALOGS (Hive_Cat, icebrg_cat, paimon) SNAPSHOT c1 TO s3_repo;
