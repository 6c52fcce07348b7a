-- Names: digits, backquotes, non-ASCII letters; strings: both quotes and escapes.
BACKUP SNAPSHOT 数据库.快照 TO 仓库 ON (表1 PARTITION (分区1), `weird ``name`, `select`, db$1)
PROPERTIES ('k1' = 'a\nb', "k2" = 'C:\\dir', 'k3' = "it's", 'k4' = 'semi;colon -- not a comment');
