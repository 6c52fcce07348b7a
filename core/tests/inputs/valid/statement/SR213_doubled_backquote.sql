-- A doubled backquote does not escape a backquote in StarRocks: it is dropped with the others.
BACKUP SNAPSHOT db1.`snap``shot` TO `repo``1` ON (TABLE `a``b`, TABLE `plain`);
RESTORE SNAPSHOT db1.`s``1` FROM repo1 ON (TABLE t1 AS `t``2`) PROPERTIES ("backup_timestamp" = "2024-06-01-00-00-00");
-- Names without one are not flagged, nor are backquotes inside strings.
SHOW SNAPSHOT ON `repo1` WHERE SNAPSHOT = 'a``b';
