"""The synthetic schema of the benchmarks (see synthetic_schema.sql), for any benchmark.

    from synthetic_schema import create_database
    seconds = create_database(cluster, "bench_10k", 10_000)
    seconds = create_database(cluster, "bench_10k", 10_000, rows=200)  # every table filled, analyzed

Also a command: `python synthetic_schema.py N [--rows R]` prints the generation time of N
tables in a throw-away cluster, and `python synthetic_schema.py N --conninfo '...' `
generates into an existing database.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))

import psycopg  # noqa: E402

GENERATOR_SQL = (HERE / "synthetic_schema.sql").read_text()
# The schemas synthetic_schema.sql creates (keep in step with it).
SCHEMAS = ["sales", "inventory", "hr", "Analytics Mart"]

# Settings that make a benchmark cluster quieter: no autovacuum (it would analyze tables
# behind our back and compete for the 2 cores), no checkpoint in the middle of a measure,
# and shared buffers that hold the whole catalog of 10,000 tables.
CLUSTER_SETTINGS = {
    "autovacuum": "off",
    "shared_buffers": "'512MB'",
    "max_wal_size": "'8GB'",
    "checkpoint_timeout": "'1h'",
    "synchronous_commit": "off",
}


def generate(conn: psycopg.Connection, n_tables: int, rows: int = 0) -> float:
    """Generates the schema into the database of conn (autocommit); returns seconds.
    rows = 0: the default schema (every 10th table 5 rows, every 5th analyzed); rows > 0:
    every table holds `rows` rows and is analyzed."""
    if not conn.autocommit:
        raise ValueError("generate needs an autocommit connection (the procedure commits)")
    started = time.perf_counter()
    conn.execute(GENERATOR_SQL)
    conn.execute("CALL cartridge_bench_generate(%s, fill_rows => %s)", (n_tables, rows))
    conn.execute("DROP PROCEDURE cartridge_bench_generate")
    return time.perf_counter() - started


def create_database(cluster, dbname: str, n_tables: int, extension: bool = True,
                    rows: int = 0) -> float:
    """Creates dbname in a test/e2e Cluster with the schema (and the extension); returns
    the generation time in seconds. rows: as in generate."""
    cluster.create_database(dbname)
    with cluster.connect(dbname) as conn:
        if extension:
            conn.execute("CREATE EXTENSION cartridge")
        return generate(conn, n_tables, rows)


def counts(conn: psycopg.Connection) -> dict[str, int]:
    """What the generator made, from pg_catalog (for reports and sanity checks)."""
    row = conn.execute("""
        WITH rel AS (
            SELECT c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(%s))
        SELECT (SELECT count(*) FROM rel WHERE relkind = 'r'),
               (SELECT count(*) FROM rel WHERE relkind = 'v'),
               (SELECT count(*) FROM pg_attribute a JOIN rel ON rel.oid = a.attrelid
                 WHERE rel.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped),
               (SELECT count(*) FROM pg_constraint k JOIN rel ON rel.oid = k.conrelid
                 WHERE k.contype = 'f'),
               (SELECT count(*) FROM pg_constraint k JOIN rel ON rel.oid = k.conrelid),
               (SELECT count(*) FROM rel WHERE relkind = 'i'),
               (SELECT count(*) FROM pg_class WHERE relkind = 'r' AND reltuples >= 0
                   AND oid IN (SELECT oid FROM rel))
    """, (SCHEMAS,)).fetchone()
    keys = ("tables", "views", "columns", "foreign_keys", "constraints", "indexes", "analyzed")
    return dict(zip(keys, row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", type=int, nargs="?", default=10_000)
    parser.add_argument("--rows", type=int, default=0,
                        help="fill every table with this many rows and analyze it")
    parser.add_argument("--conninfo", help="generate into this database instead")
    args = parser.parse_args()
    if args.conninfo:
        with psycopg.connect(args.conninfo, autocommit=True) as conn:
            seconds = generate(conn, args.tables, args.rows)
            print(f"generated {counts(conn)} in {seconds:.1f} s")
        return 0
    from cluster import Cluster
    cluster = Cluster(CLUSTER_SETTINGS).start()
    try:
        seconds = create_database(cluster, "bench", args.tables, extension=False,
                                  rows=args.rows)
        with cluster.connect("bench") as conn:
            print(f"generated {counts(conn)} in {seconds:.1f} s")
    finally:
        cluster.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
