-- Function names are matched case-insensitively; ECHOSTRING is Echostring.
BACKUP DATABASE sales SNAPSHOT s1 TO s3_repo ON (FUNCTION normalise_phone, FUNCTION ECHOSTRING, FUNCTION nope_fn);
BACKUP DATABASE ref SNAPSHOT s2 TO s3_repo ON (TABLE currencies, FUNCTION to_usd);
