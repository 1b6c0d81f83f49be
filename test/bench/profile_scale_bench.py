"""Cost of profiling at scale: the default scan, `SELECT cartridge_scan()` (profiling on),
against `cartridge_scan(NULL, '{"profile": false}')` on the synthetic schema with data,
at 2,000 and at 10,000 tables (two databases of one throw-away cluster, one run).

Every table of the schema holds 200 rows (synthetic_schema.sql with fill_rows => 200:
values that satisfy the types and constraints, foreign keys that point at existing parent
rows) and is analyzed, so profiling reads real rows and pg_stats is populated. For each
size, after one warm-up of each mode, the two modes alternate run by run (the cartridge
tables emptied before each run); the median of --runs runs of each is compared:

  - profiling on / off <= 3.0x at each size (goal);
  - the profiled scan succeeds at the default lock settings: the cluster keeps
    max_locks_per_transaction = 64. Before 0.2.0 profiling kept each table's lock until the
    scan's transaction ended, and a scan of 10,000 tables failed with "out of shared
    memory"; should that come back, it is reported as FAIL (with the message), and the
    other figures are still measured.

The per-step timings of stats->'timings_ms' of the last run of each mode are printed side
by side (so a regression points at its step), with stats->'profiling' (and the containment
counts of stats->'inference') of the last profiled run.

The exit status is non-zero only when something else breaks (the data is not what the
generator should make, a scan fails for another reason, the server crashes): timings on a
shared machine are noisy, and the lock failure is the regression this bar watches for.

    .venv/bin/python test/bench/profile_scale_bench.py [--sizes 2000,10000] [--runs 3] [--keep]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

import psycopg  # noqa: E402

from cluster import Cluster, crash_lines  # noqa: E402
import synthetic_schema  # noqa: E402

ROWS = 200
GOAL_RATIO = 3.0
# The lock table at its default size: profiling must work without raising it.
SETTINGS = {**synthetic_schema.CLUSTER_SETTINGS, "max_locks_per_transaction": "64"}
MODES = {"on": "SELECT cartridge_scan()",
         "off": """SELECT cartridge_scan(NULL, '{"profile": false}')"""}


class LockTableFull(Exception):
    """The known failure: the lock table ran out while the scan held its tables' locks."""


def is_lock_table_full(e: psycopg.Error) -> bool:
    return e.sqlstate == "53200" and "shared memory" in (e.diag.message_primary or "")


def backend_cpu(conn: psycopg.Connection) -> float:
    """CPU seconds (user + system) the connection's backend has used."""
    with open(f"/proc/{conn.info.backend_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cartridge_tables(conn: psycopg.Connection) -> list[str]:
    """cartridge.scans and every cartridge table with a scan_id column (they have no
    foreign key to scans, a trigger deletes their rows)."""
    names = [r[0] for r in conn.execute("""
        SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'cartridge' AND c.relkind = 'r'
           AND (c.relname = 'scans' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                               AND a.attname = 'scan_id' AND NOT a.attisdropped))
         ORDER BY 1""").fetchall()]
    return names


def reset(conn: psycopg.Connection, tables: list[str]) -> None:
    """Empties the cartridge tables (as superuser: TRUNCATE, no dead rows left behind)."""
    conn.execute(f"TRUNCATE {', '.join(tables)} CASCADE")


def run_scan(conn: psycopg.Connection, mode: str) -> dict:
    """One scan; returns its client wall time, backend CPU, and the scan's stats. Raises
    LockTableFull (with the seconds until the failure) on the known lock failure."""
    cpu = backend_cpu(conn)
    started = time.perf_counter()
    try:
        scan_id = conn.execute(MODES[mode]).fetchone()[0]
    except psycopg.Error as e:
        seconds = time.perf_counter() - started
        if is_lock_table_full(e):
            hint = f" (hint: {e.diag.message_hint})" if e.diag.message_hint else ""
            raise LockTableFull(f"{e.diag.message_primary}{hint}", seconds) from e
        raise
    seconds = time.perf_counter() - started
    stats = conn.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]
    return {"seconds": seconds, "cpu": backend_cpu(conn) - cpu, "stats": stats}


def check_data(conn: psycopg.Connection, n: int) -> list[str]:
    """What the generator must have made: n tables of ROWS rows each, all analyzed (pg_stats
    for every column), and no orphan parent_id (checked on a sample of 50 tables)."""
    problems = []
    made = synthetic_schema.counts(conn)
    if made["tables"] != n or made["analyzed"] != n:
        problems.append(f"{made['tables']:,} tables, {made['analyzed']:,} analyzed (expected {n:,})")
    rows, with_stats = conn.execute("""
        SELECT (SELECT sum(c.reltuples)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ANY(%(s)s) AND c.relkind = 'r'),
               (SELECT count(DISTINCT (schemaname, tablename)) FROM pg_stats WHERE schemaname = ANY(%(s)s))
    """, {"s": synthetic_schema.SCHEMAS}).fetchone()
    if rows != n * ROWS:
        problems.append(f"{rows:,} rows by reltuples (expected {n * ROWS:,})")
    if with_stats < n:  # the views have no pg_stats of their own
        problems.append(f"pg_stats covers {with_stats:,} tables (expected {n:,})")
    fks = conn.execute("""
        SELECT k.conrelid::regclass::text, k.confrelid::regclass::text FROM pg_constraint k
          JOIN pg_namespace n ON n.oid = k.connamespace
         WHERE k.contype = 'f' AND n.nspname = ANY(%s) ORDER BY k.conrelid LIMIT 50
    """, (synthetic_schema.SCHEMAS,)).fetchall()
    for child, parent in fks:
        orphans, filled = conn.execute(
            f"SELECT count(*) FILTER (WHERE parent_id IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {parent} p WHERE p.id = c.parent_id)), count(parent_id) FROM {child} c").fetchone()
        if orphans or not filled:
            problems.append(f"{child}.parent_id: {orphans} orphans, {filled} set")
    return problems


def measure(conn: psycopg.Connection, runs: int) -> dict:
    """One warm-up of each mode, then `runs` rounds alternating on and off. A mode that hits
    the lock failure is not run again (each attempt would fail the same way)."""
    tables = cartridge_tables(conn)
    out = {mode: {"runs": [], "cpu": [], "stats": None, "error": None} for mode in MODES}
    for round_ in range(runs + 1):
        for mode in MODES:
            r = out[mode]
            if r["error"]:
                continue
            reset(conn, tables)
            try:
                result = run_scan(conn, mode)
            except LockTableFull as e:
                message, seconds = e.args
                r["error"] = f"{message} (after {seconds:.1f} s, "\
                             f"{'warm-up' if round_ == 0 else f'run {round_}'})"
                continue
            if round_ > 0:  # round 0 is the warm-up
                r["runs"].append(result["seconds"])
                r["cpu"].append(result["cpu"])
            r["stats"] = result["stats"]
    reset(conn, tables)
    for r in out.values():
        r["median"] = statistics.median(r["runs"]) if r["runs"] else None
    return out


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def print_size(n: int, r: dict) -> None:
    on, off = r["on"], r["off"]
    print(f"\n   {n:,} tables:")
    for mode in MODES:
        m = r[mode]
        if m["runs"]:
            print(f"     profile {mode:<3}: median {fmt_s(m['median'])} (runs "
                  f"{', '.join(f'{t:.3f}' for t in m['runs'])}; backend CPU "
                  f"{statistics.median(m['cpu']):.2f} s)")
        if m["error"]:
            print(f"     profile {mode:<3}: FAILED: {m['error']}")
    steps_on = (on["stats"] or {}).get("timings_ms", {})
    steps_off = (off["stats"] or {}).get("timings_ms", {})
    steps = list(dict.fromkeys([*steps_on, *steps_off]))
    if steps:
        def ms(d, k):
            return f"{d[k]:.0f}" if k in d else "-"
        print("     steps of the last run (ms, on/off): "
              + ", ".join(f"{k} {ms(steps_on, k)}/{ms(steps_off, k)}" for k in steps))
    if steps_on and steps_off:
        diff = {k: steps_on.get(k, 0) - steps_off.get(k, 0) for k in steps}
        top = sorted(diff.items(), key=lambda kv: -kv[1])[:3]
        print("     profiling adds most in: " + ", ".join(f"{k} {v:+.0f} ms" for k, v in top))
    if on["stats"]:
        print(f"     stats->'profiling' of the last profiled run: "
              f"{json.dumps(on['stats'].get('profiling'), sort_keys=True)}")
        inference = on["stats"].get("inference", {})
        print(f"     stats->'inference' of the last profiled run: "
              f"{json.dumps(inference, sort_keys=True)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000", help="table counts, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the cluster (prints where)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    began = time.perf_counter()
    cluster = Cluster(SETTINGS).start()
    failures: list[str] = []
    try:
        with cluster.connect() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            locks, backends = conn.execute("""
                SELECT current_setting('max_locks_per_transaction')::int,
                       current_setting('max_connections')::int + current_setting('autovacuum_max_workers')::int
                       + 1 + current_setting('max_worker_processes')::int + current_setting('max_wal_senders')::int
                       + current_setting('max_prepared_transactions')::int""").fetchone()
        print(f"== profiling at scale: cartridge_scan() against profile off, PostgreSQL {version}, "
              f"{os.cpu_count()} CPUs, one throw-away cluster, {ROWS} rows per table, median of "
              f"{args.runs} runs after one warm-up of each mode")
        print(f"   max_locks_per_transaction = {locks} (default): lock table of ~{locks * backends:,} "
              f"locks ({locks} x {backends} backend slots)")

        dbs = {}
        for n in sizes:
            name = f"bench_{n}"
            seconds = synthetic_schema.create_database(cluster, name, n, rows=ROWS)
            with cluster.connect(name) as conn:
                made = synthetic_schema.counts(conn)
                problems = check_data(conn, n)
                version = conn.execute("SELECT extversion FROM pg_extension "
                                       "WHERE extname = 'cartridge'").fetchone()[0]
            dbs[n] = name
            print(f"   schema of {n:,} tables with {ROWS} rows each generated and analyzed in "
                  f"{seconds:.1f} s: " + ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in made.items()),
                  flush=True)
            failures += [f"{n:,} tables: {p}" for p in problems]
        print(f"   extension cartridge {version}")

        results: dict[int, dict] = {}
        for n in sizes:
            started = time.perf_counter()
            with cluster.connect(dbs[n]) as conn:
                try:
                    results[n] = measure(conn, args.runs)
                except psycopg.Error as e:
                    failures.append(f"{n:,} tables: scan failed: {e.sqlstate} {e}")
                    continue
            print_size(n, results[n])
            print(f"     ({time.perf_counter() - started:.0f} s for this size)", flush=True)

        crashes = crash_lines(cluster.log_text())
        if crashes:
            failures.append("server log shows a crash: " + "; ".join(crashes[:3]))

        bars = []
        for n, r in results.items():
            on, off = r["on"], r["off"]
            bars.append((f"profiled scan at {n:,} tables", "succeeds" if not on["error"] else "out of locks",
                         "succeeds", not on["error"]))
            if on["median"] is not None and off["median"] is not None:
                ratio = on["median"] / off["median"]
                bars.append((f"on / off at {n:,} tables",
                             f"{ratio:.2f}x ({fmt_s(on['median'])} / {fmt_s(off['median'])})",
                             f"<= {GOAL_RATIO}x", ratio <= GOAL_RATIO))
            else:
                bars.append((f"on / off at {n:,} tables",
                             f"- (off {fmt_s(off['median'])})", f"<= {GOAL_RATIO}x", False))
        print("\n   bar                              measured                          goal        result")
        for name, measured, goal, ok in bars:
            print(f"   {name:<32} {measured:<33} {goal:<11} {'PASS' if ok else 'FAIL'}")
        for n, r in results.items():
            if r["on"]["error"]:
                print(f"   FAIL at {n:,} tables: {r['on']['error']}")
        print(f"   whole run: {time.perf_counter() - began:.0f} s")
        for failure in failures:
            print(f"!! {failure}")
        return 1 if failures else 0
    finally:
        if args.keep:
            print(f"   cluster kept: {cluster.conninfo()} (data in {cluster.base})")
        else:
            cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
