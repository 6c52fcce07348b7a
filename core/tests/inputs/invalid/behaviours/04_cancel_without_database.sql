-- grammar-behaviours 4: the grammar accepts a bare CANCEL, the AST builder does not.
CANCEL BACKUP;
CANCEL RESTORE;
