"""Profiling cost against table size: the same table at 100,000 and 10,000,000 rows, profiled
by cartridge_scan (stats->'timings_ms'->'profile'), as a ratio measured in one run. The bar:
the 10,000,000-row table costs at most 2x the 100,000-row one. For contrast, the same
aggregates over the whole table (what a profiler without sampling does) are timed too.

    .venv/bin/python test/bench/profile_bench.py [--big 10000000] [--small 100000] [--repeat 5]

Prints one line per measure and the ratios; exits 1 when the bar is not met.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))

from cluster import Cluster  # noqa: E402

SETTINGS = {"autovacuum": "off", "shared_buffers": "'256MB'", "max_wal_size": "'4GB'",
            "synchronous_commit": "off", "checkpoint_timeout": "'1h'"}

TABLE = """
CREATE UNLOGGED TABLE bench.{name} AS
SELECT i::bigint AS id,
       (i % 100000)::int AS customer_id,
       ((i % 10000) / 100.0)::numeric(10,2) AS amount,
       date '2020-01-01' + (i % 1500)::int AS ordered_on,
       (ARRAY['new', 'paid', 'shipped', 'returned'])[1 + i % 4] AS status,
       'user' || (i % 250000) || '@example.com' AS email
  FROM generate_series(1, {rows}) i;
"""

# What profiling computes, over the whole table instead of a sample.
FULL_AGGREGATES = """
SELECT count(*), count(id), count(DISTINCT id), min(id), max(id),
       count(DISTINCT customer_id), min(amount), max(amount), count(DISTINCT status),
       count(DISTINCT email), count(*) FILTER (WHERE email ~ '^[^@]+@[^@]+$')
  FROM bench.{name}
"""


def profile_ms(conn, table: str) -> float:
    options = {"include": [f"bench.{table}"], "infer": False}
    scan_id = conn.execute("SELECT cartridge_scan(ARRAY['bench'], %s::jsonb)", (json.dumps(options),)).fetchone()[0]
    stats = conn.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]
    return stats["timings_ms"]["profile"]


def full_ms(conn, table: str) -> float:
    started = time.perf_counter()
    conn.execute(FULL_AGGREGATES.format(name=table)).fetchall()
    return (time.perf_counter() - started) * 1000


def median_of(repeat: int, measure) -> float:
    return statistics.median(measure() for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    cluster = Cluster(SETTINGS).start()
    try:
        cluster.create_database("bench")
        with cluster.connect("bench") as conn:
            conn.execute("CREATE EXTENSION cartridge; CREATE SCHEMA bench")
            for name, rows in (("small", args.small), ("big", args.big)):
                started = time.perf_counter()
                conn.execute(TABLE.format(name=name, rows=rows))
                print(f"created bench.{name}: {rows:,} rows in {time.perf_counter() - started:.1f} s", flush=True)

            results = {}
            # Never analyzed: no row estimate, so the table is read from its start up to the budget.
            for name in ("small", "big"):
                profile_ms(conn, name)  # warm-up: catalog caches, first touch of the pages
                results[f"unanalyzed_{name}"] = median_of(args.repeat, lambda: profile_ms(conn, name))
            conn.execute("ANALYZE bench.small; ANALYZE bench.big")
            for name in ("small", "big"):
                profile_ms(conn, name)
                results[f"analyzed_{name}"] = median_of(args.repeat, lambda: profile_ms(conn, name))
                results[f"full_{name}"] = median_of(max(1, args.repeat // 2), lambda: full_ms(conn, name))
            plan = conn.execute("""
                SELECT profile->'sample' FROM cartridge.columns c JOIN cartridge.scans s ON s.id = c.scan_id
                 WHERE c.table_name = 'big' AND c.column_name = 'id' ORDER BY s.id DESC LIMIT 1""").fetchone()
    finally:
        cluster.destroy()

    for key, ms in results.items():
        print(f"{key:<20} {ms:10.1f} ms")
    ratios = {
        "analyzed (TABLESAMPLE)": results["analyzed_big"] / results["analyzed_small"],
        "never analyzed (budget from the start)": results["unanalyzed_big"] / results["unanalyzed_small"],
        "whole-table aggregates (no sampling)": results["full_big"] / results["full_small"],
    }
    print(f"rows: {args.big:,} / {args.small:,} = {args.big / args.small:.0f}x")
    for label, ratio in ratios.items():
        print(f"profile cost ratio, {label}: {ratio:.2f}x")
    print("sample of the big table:", json.dumps(plan[0] if plan else None))
    ok = ratios["analyzed (TABLESAMPLE)"] <= 2.0 and ratios["never analyzed (budget from the start)"] <= 2.0
    print("bar (<= 2x):", "met" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
