"""Benchmark of a remote scan against a local scan of the same 1,000-table schema.

Two throw-away clusters on this machine: the "remote" one holds the synthetic schema
(synthetic_schema.sql) in database bench; the local one holds the same schema, generated the
same way. A local scan (`cartridge_scan()` in the local bench database) is alternated run by
run with a remote scan of the remote database over TCP on 127.0.0.1
(`cartridge_scan(NULL, '{"conninfo": ...}')`, run from another local database), the
cartridge tables emptied before each run. Medians of --runs after one warm-up of each,
with profiling on (the default scan) and off. Goal of issue 15: remote / local <= 1.5x.

The exit status is non-zero only when the two scans disagree (row counts per stored table),
not when a timing bar is missed: timings on a shared machine are noisy.

    .venv/bin/python test/bench/remote_scan_bench.py [--tables 1000] [--runs 5]
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

from psycopg.types.json import Jsonb  # noqa: E402

from cluster import Cluster, crash_lines  # noqa: E402
from synthetic_schema import CLUSTER_SETTINGS, create_database  # noqa: E402

GOAL_RATIO = 1.5
TABLES = ("relations", "columns", "constraints", "indexes", "relationships")


def timed_scan(conn, options: dict) -> tuple[float, int]:
    conn.execute("DELETE FROM cartridge.scans")
    started = time.perf_counter()
    scan_id = conn.execute("SELECT cartridge_scan(NULL, %s)", (Jsonb(options),)).fetchone()[0]
    return time.perf_counter() - started, scan_id


def stored_counts(conn, scan_id: int) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM cartridge.{t} WHERE scan_id = %s", (scan_id,)).fetchone()[0]
            for t in TABLES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    local = Cluster(CLUSTER_SETTINGS).start()
    remote = Cluster(CLUSTER_SETTINGS).start()
    failed = False
    try:
        seconds = create_database(local, "bench", args.tables)
        create_database(remote, "bench", args.tables, extension=False)
        local.create_database("caller")
        with local.connect("caller") as conn:
            conn.execute("CREATE EXTENSION cartridge")
        print(f"schema of {args.tables} tables generated in {seconds:.1f} s on each cluster")
        conninfo = f"host=127.0.0.1 port={remote.port} dbname=bench user=postgres"
        with local.connect("bench") as here, local.connect("caller") as there:
            for label, profile in (("profiling on (default scan)", {}), ("profiling off", {"profile": False})):
                timed_scan(here, profile)
                timed_scan(there, {**profile, "conninfo": conninfo})
                local_times, remote_times = [], []
                for _ in range(args.runs):
                    t, local_id = timed_scan(here, profile)
                    local_times.append(t)
                    t, remote_id = timed_scan(there, {**profile, "conninfo": conninfo})
                    remote_times.append(t)
                local_counts, remote_counts = stored_counts(here, local_id), stored_counts(there, remote_id)
                if local_counts != remote_counts:
                    print(f"FAIL {label}: stored rows differ: local {local_counts}, remote {remote_counts}")
                    failed = True
                lm, rm = statistics.median(local_times), statistics.median(remote_times)
                ratio = rm / lm
                verdict = "PASS" if ratio <= GOAL_RATIO else "FAIL"
                print(f"{label}: local {lm * 1000:.0f} ms, remote {rm * 1000:.0f} ms "
                      f"(median of {args.runs}): remote / local {ratio:.2f}x  [{verdict}: goal <= {GOAL_RATIO}x]")
                steps = there.execute("SELECT stats->'timings_ms' FROM cartridge.scans").fetchone()[0]
                mine = here.execute("SELECT stats->'timings_ms' FROM cartridge.scans").fetchone()[0]
                print("  step        local ms  remote ms")
                for step in sorted(steps, key=lambda s: -steps[s])[:8]:
                    print(f"  {step:<22} {mine.get(step, 0):>8.1f} {steps[step]:>9.1f}")
                print(f"  stored: {remote_counts}")
        for c in (local, remote):
            crashes = crash_lines(c.log_text())
            if crashes:
                print("FAIL: server crashed:", *crashes, sep="\n")
                failed = True
    finally:
        local.destroy()
        remote.destroy()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
