-- Function names are compared case-insensitively: NORMALIZE_PHONE is normalize_phone.
RESTORE SNAPSHOT sales_2024 FROM s3_repo DATABASE sales AS sales_copy ON (FUNCTION NORMALIZE_PHONE, FUNCTION normalise_phone, FUNCTION echostring) PROPERTIES ("backup_timestamp" = "2024-12-09-10-25-58-842");
