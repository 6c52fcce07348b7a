-- srbackup: target=4.1
DROP SNAPSHOT s ON r FORCE;
