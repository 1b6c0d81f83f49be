#!/usr/bin/env python3
"""Benchmark of the main job on a 1,000-table schema: generation + archive with the builtin
provider, against the scan of the same schema measured in the same run (the ratio is what
to compare between machines). Goal: generation + archive <= 2 s.

Needs the extension installed (`make install`); starts its own throw-away cluster.
Usage: .venv/bin/python test/bench/generate_bench.py [--tables N] [--runs N] [--strict]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "e2e"))
from cluster import Cluster  # noqa: E402

GOAL_MS = 2000.0

# Ten columns per table, a primary key, a unique code, a check constraint, comments, and a
# foreign key to the previous table (and every tenth table to the first): a schema shaped
# like an application's, not a list of empty tables.
CREATE_BATCH = """
DO $$ BEGIN
  FOR i IN {first}..{last} LOOP
    EXECUTE format($t$
      CREATE TABLE bench."Table%1$s" (
        id          bigint PRIMARY KEY,
        parent_id   bigint %2$s,
        root_id     bigint %3$s,
        "Code"      varchar(20) UNIQUE,
        name        text NOT NULL,
        status      text CHECK (status IN ('new', 'active', 'closed')),
        amount      numeric(12, 2),
        quantity    integer,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz)$t$,
      i,
      CASE WHEN i > 1 THEN format('REFERENCES bench."Table%s"', i - 1) ELSE '' END,
      CASE WHEN i > 1 AND i % 10 = 0 THEN 'REFERENCES bench."Table1"' ELSE '' END);
    EXECUTE format('COMMENT ON TABLE bench."Table%s" IS %L', i, 'Benchmark table ' || i);
  END LOOP;
END $$
"""


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args()

    cluster = Cluster().start()
    try:
        cluster.create_database("bench")
        with cluster.connect("bench") as conn:
            conn.execute("CREATE EXTENSION cartridge")
            conn.execute("CREATE SCHEMA bench")
            for first in range(1, args.tables + 1, 100):  # a transaction per batch: locks
                conn.execute(CREATE_BATCH.format(first=first, last=min(first + 99, args.tables)))
            conn.execute("ANALYZE")

            scan_times, generate_times, archive_times = [], [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                scan_id = conn.execute("SELECT cartridge_scan(ARRAY['bench'])").fetchone()[0]
                scan_times.append(time.perf_counter() - start)

                start = time.perf_counter()
                project_id = conn.execute("SELECT cartridge_generate(%s, 'builtin', '{}', false)",
                                          (scan_id,)).fetchone()[0]
                generated = time.perf_counter()
                archive = conn.execute("SELECT cartridge_archive(%s)", (project_id,)).fetchone()[0]
                done = time.perf_counter()
                generate_times.append(generated - start)
                archive_times.append(done - generated)

            info = conn.execute("SELECT cartridge_info(%s)", (project_id,)).fetchone()[0]
            columns = conn.execute("SELECT count(*) FROM cartridge.columns WHERE scan_id = %s",
                                   (scan_id,)).fetchone()[0]
    finally:
        cluster.destroy()

    scan_ms = median_ms(scan_times)
    total_ms = median_ms([g + a for g, a in zip(generate_times, archive_times)])
    counts = info["counts"]
    print(f"generate_bench: {args.tables} tables, {columns} columns; project of {counts['models']['total']} models, "
          f"{counts['tests']['total']} tests, {counts['files']} files, archive {len(archive) / 1024:.0f} KiB")
    print(f"  scan                {scan_ms:9.1f} ms  (median of {args.runs})")
    print(f"  generate + archive  {total_ms:9.1f} ms  (generate {median_ms(generate_times):.1f}, "
          f"archive {median_ms(archive_times):.1f}; server timings {info['timings']})")
    print(f"  ratio (generate + archive) / scan = {total_ms / scan_ms:.2f}")
    met = total_ms <= GOAL_MS
    print(f"  goal generate + archive <= {GOAL_MS:.0f} ms: {'met' if met else 'NOT met'}")
    return 0 if met or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
