-- srbackup: target=4.0
SHOW SNAPSHOT ON r WHERE SNAPSHOT = 's' LIMIT 1;
