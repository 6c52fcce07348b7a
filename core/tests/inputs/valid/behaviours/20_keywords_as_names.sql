-- grammar-behaviours 20: these non-reserved words work as bare names.
BACKUP DATABASE data SNAPSHOT snapshot TO repository
ON (backup, restore, repositories, catalog, catalogs, location, broker, properties, external,
    timestamp, type, only, partitions, temporary, views, functions, materialized);
