-- grammar-behaviours 1: the docs' form without parentheses is a syntax error.
RESTORE SNAPSHOT s1 FROM test_repo EXTERNAL CATALOG iceberg;
RESTORE SNAPSHOT s1 FROM test_repo EXTERNAL CATALOG iceberg AS iceberg_new;
