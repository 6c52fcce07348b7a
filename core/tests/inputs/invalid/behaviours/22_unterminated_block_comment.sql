SHOW BACKUP /* this comment is never closed
