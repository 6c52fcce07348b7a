-- grammar-behaviours 18: string keys and values, both quotes, doubled quotes, escapes; duplicates.
BACKUP SNAPSHOT db1.s1 TO repo1
PROPERTIES ('type' = 'full', "timeout" = "3600", 'a' = 'it''s', 'b' = 'it\'s', "c" = "say ""hi""", 'a' = '', '' = '');
