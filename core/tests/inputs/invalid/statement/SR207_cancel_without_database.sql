CANCEL BACKUP;
cancel restore
