BACKUP SNAPSHOT db1.`snap 1` TO `repo`;
