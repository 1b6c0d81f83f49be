#!/usr/bin/env python3
"""cartridge_diff and cartridge_erd on a large scan, measured against the scan itself in
the same run. Bars, printed PASS/FAIL:

  cartridge_diff of two scans of the 10,000-table schema / one cartridge_scan of it   <= 1x
  cartridge_erd(scan, 'dot') of that scan (100 most connected tables, the default)    < 1 s
  cartridge_erd(scan, 'dot', max_tables 10,000): every table                            (reported)

Correctness checks make the exit status non-zero: two scans of the unchanged schema differ
in nothing; after renaming one table and one column, adding a table and dropping another,
the diff lists exactly those four changes; the default dot diagram is accepted by Graphviz
(`dot -Tsvg`, timed and reported, not a bar).

Timings are client wall times, median of --runs after a warm-up. Needs the extension
installed (`make install`); starts its own throw-away cluster.
Usage: .venv/bin/python test/bench/drift_bench.py [--tables N] [--runs N]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

from cluster import Cluster  # noqa: E402
from synthetic_schema import CLUSTER_SETTINGS, counts, create_database  # noqa: E402

SCAN = "SELECT cartridge_scan(NULL, '{\"profile\": false}')"


def timed(conn, sql: str, params=()):
    started = time.perf_counter()
    rows = conn.execute(sql, params).fetchall()
    return time.perf_counter() - started, rows


def median_of(conn, sql: str, params, runs: int):
    times, rows = [], None
    for run in range(runs + 1):
        seconds, rows = timed(conn, sql, params)
        if run:
            times.append(seconds)
    return statistics.median(times), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    failures: list[str] = []
    cluster = Cluster(CLUSTER_SETTINGS).start()
    try:
        seconds = create_database(cluster, "bench", args.tables)
        with cluster.connect("bench") as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            print(f"== cartridge_diff and cartridge_erd: PostgreSQL {version}")
            print(f"   schema of {args.tables:,} tables made in {seconds:.1f} s: {counts(conn)}")
            scan_s, scan_ids = [], []
            for run in range(args.runs + 1):
                seconds, rows = timed(conn, SCAN)
                scan_ids.append(rows[0][0])
                if run:
                    scan_s.append(seconds)
            scan_median = statistics.median(scan_s)
            old, new = scan_ids[-2], scan_ids[-1]
            diff_median, rows = median_of(conn, "SELECT * FROM cartridge_diff(%s, %s)", (old, new), args.runs)
            if rows:
                failures.append(f"two scans of an unchanged schema differ in {len(rows)} things: {rows[:3]}")
            ratio = diff_median / scan_median
            print(f"   cartridge_scan (profile off)       {scan_median * 1000:9,.0f} ms")
            print(f"   cartridge_diff of two such scans   {diff_median * 1000:9,.0f} ms")
            print(f"   {'PASS' if ratio <= 1 else 'FAIL'} diff / scan = {ratio:.2f}x (goal <= 1x)")

            # Tables of schema sales (i = 1 mod 4) that no foreign key refers to (i > n/2) and
            # that have none (odd i): the four changes stay four.
            a, b, c = [i for i in range(args.tables, args.tables // 2, -1) if i % 4 == 1][:3]
            conn.execute(f"""ALTER TABLE sales.t{a:05d} RENAME TO t{a:05d}_renamed;
                             ALTER TABLE sales.t{b:05d} RENAME COLUMN code TO code_renamed;
                             CREATE TABLE sales.brand_new (id integer PRIMARY KEY);
                             DROP TABLE sales.t{c:05d}""")
            migrated = conn.execute(SCAN).fetchone()[0]
            changed = conn.execute("SELECT change, object_type, object FROM cartridge_diff(%s, %s)",
                                   (new, migrated)).fetchall()
            kinds = sorted((c, t) for c, t, _ in changed)
            expected = sorted([("renamed", "relation"), ("renamed", "column"), ("added", "relation"),
                               ("removed", "relation")])
            if kinds != expected:
                failures.append(f"the migration gave {changed}")
            print(f"   after a migration: {len(changed)} changes ({', '.join(f'{c} {t}' for c, t in kinds)})")

            erd_median, rows = median_of(conn, "SELECT cartridge_erd(%s, 'dot')", (migrated,), args.runs)
            print(f"   {'PASS' if erd_median < 1 else 'FAIL'} cartridge_erd dot (100 most connected) "
                  f"{erd_median * 1000:,.0f} ms (goal < 1 s)")
            whole_s, whole = median_of(conn, "SELECT cartridge_erd(%s, 'dot', %s)",
                                       (migrated, f'{{"max_tables": {args.tables + 10}}}'), args.runs)
            print(f"   cartridge_erd dot of every table    {whole_s * 1000:,.0f} ms, "
                  f"{len(whole[0][0]) / 1e6:.1f} MB of dot")
            with tempfile.NamedTemporaryFile("w", suffix=".dot") as f:
                f.write(rows[0][0])
                f.flush()
                started = time.perf_counter()
                drawn = subprocess.run(["dot", "-Tsvg", "-o", "/dev/null", f.name], capture_output=True, text=True,
                                       timeout=600)
                print(f"   dot -Tsvg of the default diagram: {time.perf_counter() - started:,.1f} s "
                      "(Graphviz's layout, not ours)")
                if drawn.returncode != 0 or drawn.stderr:
                    failures.append(f"dot refused the diagram: {drawn.stderr[:500]}")
    finally:
        cluster.destroy()
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
