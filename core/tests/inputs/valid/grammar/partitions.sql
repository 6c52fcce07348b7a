-- partitionNames and keyPartitions of spec §2.2.
BACKUP SNAPSHOT db1.s1 TO repo1 ON (
  t1 PARTITION (p1, p2),
  t2 PARTITIONS (p1),
  t3 PARTITION p1,
  t4 TEMPORARY PARTITION (tp1),
  t5 TEMPORARY PARTITIONS tp1,
  t6 PARTITION ('p1', "p2"),
  t7 PARTITION (dt = '2024-01-01', region = 'eu'),
  TABLE t8 PARTITION (p9)
);
RESTORE SNAPSHOT db1.s1 FROM repo1 ON (t1 PARTITION (p1) AS t1_restored);
