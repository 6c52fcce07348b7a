-- grammar-behaviours 1: catalog lists need parentheses; aliases go inside them.
RESTORE SNAPSHOT s1 FROM test_repo EXTERNAL CATALOG (iceberg AS iceberg_new);
RESTORE SNAPSHOT s1 FROM test_repo EXTERNAL CATALOGS (iceberg, hive AS hive2)
PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
BACKUP EXTERNAL CATALOG (iceberg) SNAPSHOT s1 TO test_repo;
