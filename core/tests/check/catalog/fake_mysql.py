#!/usr/bin/env python3
"""A stand-in for the `mysql` client in tests of docs/examples/catalog_from_cluster.py.

Usage: fake_mysql.py DIR [-D db] --batch -e QUERY. Answers each query the script sends with
the matching TSV file of DIR (the files `--from-dir` reads), as `mysql --batch` would.
"""
import os
import re
import sys

args = sys.argv[1:]
directory = args[0]
query = args[args.index("-e") + 1]
assert "--batch" in args, "the script must ask for batch output"


def read(name):
    path = os.path.join(directory, name + ".tsv")
    if not os.path.exists(path):
        sys.exit(f"ERROR 1064 (HY000): no answer for {query!r}")
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


FILES = [
    (r"^SELECT DATABASE\(\)$", "current_database"),
    (r"FROM information_schema\.schemata$", "schemata"),
    (r"FROM information_schema\.tables$", "tables"),
    (r"FROM information_schema\.materialized_views$", "materialized_views"),
    (r"FROM sys\.object_dependencies$", "mv_dependencies"),
    (r"FROM information_schema\.partitions_meta$", "partitions"),
    (r"^SHOW CATALOGS$", "catalogs"),
    (r"^SHOW REPOSITORIES$", "repositories"),
    (r"^SHOW BACKENDS$", "backends"),
    (r"^SHOW STORAGE VOLUMES$", "storage_volumes"),
    (r"FROM information_schema\.cluster_snapshots$", "cluster_snapshots"),
    (r"FROM information_schema\.cluster_snapshot_jobs$", "cluster_snapshot_jobs"),
    (r"^ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT$", "automated_snapshot"),
]

lines = None
for pattern, name in FILES:
    if re.search(pattern, query):
        lines = read(name)
m = re.match(r"^SHOW FULL FUNCTIONS FROM `(.+)`$", query)
if m:
    lines = read("functions." + m.group(1))
m = re.match(r"^SHOW SNAPSHOT ON `(.+)`$", query)
if m:
    lines = read("snapshots." + m.group(1))
m = re.match(r"^SHOW SNAPSHOT ON `(.+)` WHERE SNAPSHOT = '(.+)' AND TIMESTAMP = '(.+)'$", query)
if m:
    rows = read("snapshot_details." + m.group(1))
    lines = [rows[0]] + [r for r in rows[1:] if r.split("\t")[:2] == [m.group(2), m.group(3)]]
m = re.match(r"^SHOW (BACKUP|RESTORE)( FROM `(.+)`)?$", query)
if m:
    rows = read("backup_jobs" if m.group(1) == "BACKUP" else "restore_jobs")
    header = rows[0].split("\t")
    db_col = header.index("DbName")
    lines = [rows[0]] + [r for r in rows[1:] if not m.group(3) or r.split("\t")[db_col] == m.group(3)]
if lines is None:
    sys.exit(f"ERROR 1064 (HY000): unexpected query {query!r}")
print("\n".join(lines))
