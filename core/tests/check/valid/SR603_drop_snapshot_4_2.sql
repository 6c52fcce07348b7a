-- srbackup: target=4.2
DROP SNAPSHOT s ON r FORCE;
