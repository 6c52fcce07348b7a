#!/usr/bin/env python3
"""Build the catalog JSON that `srbackup check --catalog FILE` reads, from a StarRocks cluster.

Two ways to feed it (Python 3 standard library only):

1. Let it run the queries through the `mysql` command-line client:

       python3 catalog_from_cluster.py --mysql "mysql -h fe-host -P 9030 -u admin -pSECRET" \
           --database sales --save-dir cluster/ > catalog.json

   Every query runs as `<command> --batch -e "<query>"`. `--database` is the session's current
   database (the one a BACKUP without `db.` or DATABASE uses); `--save-dir` keeps the TSV
   outputs so the run can be repeated offline.

2. Or run the queries yourself with `mysql --batch -e "<query>" > FILE.tsv` and point the
   script at the directory:

       python3 catalog_from_cluster.py --from-dir cluster/ > catalog.json

   The files, all optional (a missing file leaves its part of the catalog empty):

       current_database.tsv        SELECT DATABASE();
       schemata.tsv                SELECT SCHEMA_NAME FROM information_schema.schemata;
       tables.tsv                  SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE
                                     FROM information_schema.tables;
       materialized_views.tsv      SELECT TABLE_SCHEMA, TABLE_NAME
                                     FROM information_schema.materialized_views;
       mv_dependencies.tsv         SELECT object_database, object_name, ref_object_catalog,
                                          ref_object_database, ref_object_name
                                     FROM sys.object_dependencies;
       partitions.tsv              SELECT DB_NAME, TABLE_NAME, PARTITION_NAME, IS_TEMP, PARTITION_VALUE
                                     FROM information_schema.partitions_meta;
       functions.<db>.tsv          SHOW FULL FUNCTIONS FROM `<db>`;          (one file per database)
       catalogs.tsv                SHOW CATALOGS;
       repositories.tsv            SHOW REPOSITORIES;
       snapshots.<repo>.tsv        SHOW SNAPSHOT ON `<repo>`;                (one file per repository)
       snapshot_details.<repo>.tsv SHOW SNAPSHOT ON `<repo>` WHERE SNAPSHOT = '<s>' AND TIMESTAMP = '<t>';
                                   (optional; the rows of several such queries, one header)
       backup_jobs.tsv             SHOW BACKUP;      (or SHOW BACKUP FROM `<db>` per database, concatenated)
       restore_jobs.tsv            SHOW RESTORE;     (likewise)
       backends.tsv                SHOW BACKENDS;    (optional: "backends" counts the alive ones)
       storage_volumes.tsv         SHOW STORAGE VOLUMES;                      (shared-data clusters)
       cluster_snapshots.tsv       SELECT SNAPSHOT_NAME FROM information_schema.cluster_snapshots;
       cluster_snapshot_jobs.tsv   SELECT SNAPSHOT_NAME, STATE FROM information_schema.cluster_snapshot_jobs;
       automated_snapshot.tsv      ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT;     (4.0.6+)

The output is described in docs/catalog.md. Check it before relying on it: the partition type
is inferred from PARTITION_VALUE, and snapshot contents are read from SHOW SNAPSHOT's Details
JSON, whose shape StarRocks does not document.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

SYSTEM_DATABASES = {"information_schema", "sys"}
FINISHED_STATES = {"FINISHED", "CANCELLED"}


# ---------------------------------------------------------------------------------------------
# Reading `mysql --batch` output


def unescape(field):
    """Undo mysql --batch escaping (\\t, \\n, \\\\, \\0); NULL becomes None."""
    if field == "NULL":
        return None
    if "\\" not in field:
        return field
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            out.append({"t": "\t", "n": "\n", "0": "\0", "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_tsv(text):
    """Rows of a `mysql --batch` output as dicts keyed by the header. Repeated header lines
    (from concatenated outputs) are skipped."""
    lines = [line for line in text.splitlines() if line.strip() != ""]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        fields = line.split("\t")
        if fields == header:
            continue
        fields += [""] * (len(header) - len(fields))
        rows.append({h: unescape(f) for h, f in zip(header, fields)})
    return rows


def column(row, *names):
    """The first of `names` present in `row` (header names differ across versions)."""
    lowered = {k.lower(): v for k, v in row.items()}
    for n in names:
        if n.lower() in lowered:
            return lowered[n.lower()]
    return None


def truthy(value):
    return str(value or "").strip().lower() in ("true", "1", "yes")


# ---------------------------------------------------------------------------------------------
# Where the rows come from


class DirSource:
    """TSV files in a directory."""

    def __init__(self, directory):
        self.directory = directory

    def rows(self, name, query):
        path = os.path.join(self.directory, name + ".tsv")
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as f:
            return parse_tsv(f.read())


class MysqlSource:
    """Queries run through the mysql client; outputs optionally saved as TSV files."""

    def __init__(self, command, database, save_dir):
        self.command = shlex.split(command)
        if database:
            self.command += ["-D", database]
        self.save_dir = save_dir
        self.saved = set()
        self.with_details = False
        if save_dir:
            os.makedirs(save_dir, exist_ok=True)

    def rows(self, name, query):
        result = subprocess.run(
            self.command + ["--batch", "-e", query],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            print(f"warning: `{query}` failed: {result.stderr.strip()}", file=sys.stderr)
            return []
        if self.save_dir:
            # Several queries may share a file (one per snapshot or database): append after the first.
            mode = "a" if name in self.saved else "w"
            self.saved.add(name)
            with open(os.path.join(self.save_dir, name + ".tsv"), mode, encoding="utf-8") as f:
                f.write(result.stdout)
        return parse_tsv(result.stdout)


def quote_name(name):
    return "`" + name.replace("`", "``") + "`"


def quote_string(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


# ---------------------------------------------------------------------------------------------
# Building the catalog


def partition_type(values, names, table):
    """range, list or unpartitioned, inferred from PARTITION_VALUE; None when unsure."""
    values = [v for v in values if v]
    if values:
        if all("types:" in v or v.startswith("[") for v in values):
            return "range"
        if all(v.startswith("(") for v in values):
            return "list"
        return None
    if names == [table]:
        return "unpartitioned"
    return None


def parse_signature(signature):
    """`name(INT, VARCHAR)` -> (name, ["INT", "VARCHAR"])."""
    m = re.match(r"^\s*([^(\s]+)\s*\((.*)\)\s*$", signature or "")
    if not m:
        return (signature or "").strip(), []
    args = [a.strip() for a in m.group(2).split(",") if a.strip()]
    return m.group(1), args


def snapshot_contents(details):
    """Database, tables, functions and catalogs from SHOW SNAPSHOT's Details JSON (best effort)."""
    try:
        data = json.loads(details)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    out = {"database": data.get("database"), "tables": [], "functions": [], "catalogs": []}
    objects = data.get("backup_objects") or data.get("tables") or {}
    if isinstance(objects, dict):
        items = objects.items()
    else:
        items = [(o.get("name"), o) if isinstance(o, dict) else (o, {}) for o in objects]
    for name, body in items:
        if not name:
            continue
        partitions = []
        if isinstance(body, dict):
            p = body.get("partitions") or {}
            partitions = sorted(p.keys()) if isinstance(p, dict) else [str(x) for x in p]
        table = {"name": name}
        if partitions:
            table["partitions"] = partitions
        out["tables"].append(table)
    for key, kind in (("views", "view"), ("materialized_views", "materialized_view")):
        for name in data.get(key) or []:
            out["tables"].append({"name": name, "kind": kind})
    out["functions"] = [f if isinstance(f, str) else f.get("name") for f in data.get("functions") or []]
    out["catalogs"] = [c if isinstance(c, str) else c.get("name") for c in data.get("catalogs") or []]
    return out


def build(source, current_database=None):
    catalog = {"version": 1}

    if current_database is None:
        rows = source.rows("current_database", "SELECT DATABASE()")
        if rows:
            current_database = next(iter(rows[0].values()))
    if current_database:
        catalog["current_database"] = current_database

    databases = {}

    def database(name):
        if name not in databases:
            databases[name] = {"name": name, "tables": [], "functions": []}
        return databases[name]

    for row in source.rows("schemata", "SELECT SCHEMA_NAME FROM information_schema.schemata"):
        name = column(row, "SCHEMA_NAME")
        if name and name not in SYSTEM_DATABASES:
            database(name)

    tables = {}
    for row in source.rows(
        "tables", "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.tables"
    ):
        db, name = column(row, "TABLE_SCHEMA"), column(row, "TABLE_NAME")
        if not db or not name or db in SYSTEM_DATABASES:
            continue
        table_type = (column(row, "TABLE_TYPE") or "").upper()
        entry = {"name": name}
        if "VIEW" in table_type and "MATERIALIZED" not in table_type:
            entry["kind"] = "view"
            entry["engine"] = ""
        elif "MATERIALIZED" in table_type:
            entry["kind"] = "materialized_view"
        engine = column(row, "ENGINE")
        if engine and entry.get("kind") != "view":
            entry["engine"] = engine
        database(db)["tables"].append(entry)
        tables[(db, name)] = entry

    for row in source.rows(
        "materialized_views", "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.materialized_views"
    ):
        key = (column(row, "TABLE_SCHEMA"), column(row, "TABLE_NAME"))
        if key in tables:
            tables[key]["kind"] = "materialized_view"
        elif key[0] and key[1] and key[0] not in SYSTEM_DATABASES:
            entry = {"name": key[1], "kind": "materialized_view"}
            database(key[0])["tables"].append(entry)
            tables[key] = entry

    for row in source.rows(
        "mv_dependencies",
        "SELECT object_database, object_name, ref_object_catalog, ref_object_database, ref_object_name "
        "FROM sys.object_dependencies",
    ):
        key = (column(row, "object_database"), column(row, "object_name"))
        if key not in tables:
            continue
        ref_catalog = column(row, "ref_object_catalog") or "default_catalog"
        ref_db, ref_name = column(row, "ref_object_database"), column(row, "ref_object_name")
        if ref_catalog.lower() != "default_catalog":
            base = f"{ref_catalog}.{ref_db}.{ref_name}"
        elif ref_db == key[0]:
            base = ref_name
        else:
            base = f"{ref_db}.{ref_name}"
        tables[key].setdefault("base_tables", []).append(base)

    partitions = {}
    for row in source.rows(
        "partitions",
        "SELECT DB_NAME, TABLE_NAME, PARTITION_NAME, IS_TEMP, PARTITION_VALUE "
        "FROM information_schema.partitions_meta",
    ):
        key = (column(row, "DB_NAME"), column(row, "TABLE_NAME"))
        if key not in tables:
            continue
        p = partitions.setdefault(key, {"names": [], "temporary": [], "values": []})
        name = column(row, "PARTITION_NAME")
        if truthy(column(row, "IS_TEMP")):
            p["temporary"].append(name)
        else:
            p["names"].append(name)
            p["values"].append(column(row, "PARTITION_VALUE") or "")
    for key, p in partitions.items():
        entry = tables[key]
        kind = partition_type(p["values"], p["names"], key[1])
        if kind and entry.get("kind") != "materialized_view":
            entry["partition_type"] = kind
        if p["names"]:
            entry["partitions"] = p["names"]
        if p["temporary"]:
            entry["temporary_partitions"] = p["temporary"]

    for name in list(databases):
        for row in source.rows(f"functions.{name}", f"SHOW FULL FUNCTIONS FROM {quote_name(name)}"):
            fn, args = parse_signature(column(row, "Signature", "Function Name"))
            if fn:
                databases[name]["functions"].append({"name": fn, "args": args})

    order = ["name", "kind", "engine", "partition_type", "partitions", "temporary_partitions", "base_tables"]
    catalog["databases"] = []
    for db in databases.values():
        db["tables"] = [{k: t[k] for k in order if k in t} for t in db["tables"]]
        catalog["databases"].append({k: v for k, v in db.items() if v or k == "name"})

    external = []
    for row in source.rows("catalogs", "SHOW CATALOGS"):
        name = column(row, "Catalog")
        if name and name.lower() != "default_catalog" and (column(row, "Type") or "").lower() != "internal":
            external.append(name)
    if external:
        catalog["external_catalogs"] = external

    repositories = []
    for row in source.rows("repositories", "SHOW REPOSITORIES"):
        name = column(row, "RepoName", "Name")
        if not name:
            continue
        repo = {"name": name}
        if truthy(column(row, "IsReadOnly")):
            repo["read_only"] = True
        if column(row, "Location"):
            repo["location"] = column(row, "Location")
        snapshots = []
        for s in source.rows(f"snapshots.{name}", f"SHOW SNAPSHOT ON {quote_name(name)}"):
            snap, ts = column(s, "Snapshot"), column(s, "Timestamp")
            if snap and ts:
                snapshots.append({"name": snap, "timestamp": ts})
        details = {}
        detail_rows = []
        if isinstance(source, DirSource):
            detail_rows = source.rows(f"snapshot_details.{name}", "")
        elif source.with_details:
            for snap in snapshots:
                detail_rows += source.rows(
                    f"snapshot_details.{name}",
                    f"SHOW SNAPSHOT ON {quote_name(name)} WHERE SNAPSHOT = {quote_string(snap['name'])} "
                    f"AND TIMESTAMP = {quote_string(snap['timestamp'])}",
                )
        for d in detail_rows:
            key = (column(d, "Snapshot"), column(d, "Timestamp"))
            contents = snapshot_contents(column(d, "Details")) or {}
            db = column(d, "Database") or contents.get("database")
            details[key] = dict(contents, database=db)
        for snap in snapshots:
            c = details.get((snap["name"], snap["timestamp"]))
            if not c:
                continue
            if c.get("database"):
                snap["database"] = c["database"]
            for field in ("tables", "functions", "catalogs"):
                if c.get(field):
                    snap[field] = c[field]
        if snapshots:
            repo["snapshots"] = snapshots
        repositories.append(repo)
    if repositories:
        catalog["repositories"] = repositories

    jobs = []
    seen = set()
    for kind, name, verb in (("backup", "backup_jobs", "SHOW BACKUP"), ("restore", "restore_jobs", "SHOW RESTORE")):
        if isinstance(source, DirSource):
            rows = source.rows(name, verb)
        else:
            # Older releases show only the current database's job without FROM: ask each one.
            rows = source.rows(name, verb)
            for db in databases:
                rows += source.rows(name, f"{verb} FROM {quote_name(db)}")
        for row in rows:
            state = (column(row, "State") or "").upper()
            job_id = column(row, "JobId")
            key = (kind, job_id, column(row, "DbName"), column(row, "SnapshotName", "Label"))
            if state in FINISHED_STATES or key in seen:
                continue
            seen.add(key)
            job = {
                "kind": kind,
                "database": column(row, "DbName") or "",
                "label": column(row, "SnapshotName", "Label") or "",
            }
            repo = column(row, "RepoName", "Repository")
            if repo:
                job["repository"] = repo
            if job_id:
                job["job_id"] = job_id
            if state:
                job["state"] = state
            jobs.append(job)
    if jobs:
        catalog["running_jobs"] = jobs

    # Alive backends: a RESTORE needs as many as its replication_num (SR415). Optional: a
    # directory without backends.tsv, or a user who may not run SHOW BACKENDS (it needs the
    # cluster's OPERATE privilege), leaves it out.
    backends = source.rows("backends", "SHOW BACKENDS")
    if backends:
        catalog["backends"] = sum(1 for row in backends if truthy(column(row, "Alive")))

    # Shared-data clusters: storage volumes and cluster snapshots (SR416-SR420). A
    # shared-nothing cluster answers these queries with an error or no rows, and they are left out.
    volumes = source.rows("storage_volumes", "SHOW STORAGE VOLUMES")
    if volumes:
        catalog["storage_volumes"] = [column(row, "Storage Volume", "Name") or "" for row in volumes]
    snapshots = source.rows("cluster_snapshots", "SELECT SNAPSHOT_NAME FROM information_schema.cluster_snapshots")
    jobs = source.rows(
        "cluster_snapshot_jobs", "SELECT SNAPSHOT_NAME, STATE FROM information_schema.cluster_snapshot_jobs"
    )
    if snapshots or jobs:
        states = {column(row, "SNAPSHOT_NAME"): (column(row, "STATE") or "").upper() for row in jobs}
        names = [column(row, "SNAPSHOT_NAME") for row in snapshots]
        names += [n for n in states if n not in names]
        catalog["cluster_snapshots"] = [
            dict({"name": n}, **({"state": states[n]} if states.get(n) else {})) for n in names if n
        ]
    automated = source.rows("automated_snapshot", "ADMIN SHOW AUTOMATED CLUSTER SNAPSHOT")
    if automated:
        catalog["automated_snapshot"] = truthy(column(automated[0], "Enabled"))
    return catalog


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    feed = parser.add_mutually_exclusive_group(required=True)
    feed.add_argument("--from-dir", metavar="DIR", help="read the TSV files in DIR")
    feed.add_argument("--mysql", metavar="COMMAND", help='the mysql client command, e.g. "mysql -h fe -P 9030 -u root"')
    parser.add_argument("--database", help="the session's current database (default: none, or current_database.tsv)")
    parser.add_argument("--save-dir", metavar="DIR", help="with --mysql: also save each query's output in DIR")
    parser.add_argument(
        "--snapshot-details",
        action="store_true",
        help="with --mysql: read each snapshot's contents (one SHOW SNAPSHOT query per snapshot)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the JSON to FILE (default: standard output)")
    args = parser.parse_args(argv)

    if args.from_dir:
        source = DirSource(args.from_dir)
    else:
        source = MysqlSource(args.mysql, args.database, args.save_dir)
        source.with_details = args.snapshot_details
    catalog = build(source, current_database=args.database)
    text = json.dumps(catalog, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
