-- grammar-behaviours 28: lone and repeated semicolons are empty statements.
;
;;
SHOW BACKUP; SHOW RESTORE;;
