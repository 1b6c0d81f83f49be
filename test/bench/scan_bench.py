"""Benchmark of cartridge_scan (profile off) on a synthetic schema of 10,000 tables.

Everything is measured in one run on one throw-away cluster, and the headline figures are
ratios against baselines measured side by side:

  - scan time at 10k tables (median of --runs after one warm-up);
  - the dbt-codegen route: one information_schema.columns query per table from a client,
    as generate_source does through dbt-postgres (goal: the scan is >= 20x faster);
  - the floor: the same rows read by one hand-written set-based pg_catalog query per target
    table and stored with one INSERT ... SELECT each (scan_floor.sql; goal: <= 1.5x);
  - peak memory of the backend running the scan (goal: < 256 MB);
  - growth from 1,000 to 10,000 tables (near-linear: ~10x, goal <= 15x).

The bars are reported PASS/FAIL; the exit status is non-zero only when a correctness check
fails (the scan and the floor disagree on row counts or keys) or the scan cannot run,
because on a shared machine timings are noisy.

    .venv/bin/python test/bench/scan_bench.py [--tables 10000] [--small 1000] [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import statistics
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

import psycopg  # noqa: E402
from psycopg.types.json import Jsonb  # noqa: E402

from cluster import Cluster, crash_lines  # noqa: E402
import synthetic_schema  # noqa: E402

TARGETS = ("relations", "columns", "constraints", "indexes", "relationships")
# Natural keys of each target table, to tell which rows differ when counts do not match.
KEYS = {
    "relations": "schema_name, table_name",
    "columns": "schema_name, table_name, column_name",
    "constraints": "schema_name, table_name, constraint_name",
    "indexes": "schema_name, index_name",
    "relationships": "from_schema, from_table, constraint_name",
}
SCAN_OPTIONS = '{"profile": false}'

# Bars of issue 4.
GOAL_SCAN_SECONDS = 1.5
GOAL_CODEGEN_RATIO = 20.0
GOAL_FLOOR_RATIO = 1.5
GOAL_PEAK_MB = 256.0
GOAL_GROWTH = 15.0


def floor_statements() -> tuple[str, list[tuple[str, str]]]:
    """The scope query and the (target table, statement) pairs of scan_floor.sql."""
    text = (HERE / "scan_floor.sql").read_text()
    parts = re.split(r"^-- (\w+) ;;$", text, flags=re.MULTILINE)
    pairs = list(zip(parts[1::2], (p.strip() for p in parts[2::2])))
    if [name for name, _ in pairs] != ["scope", *TARGETS]:
        raise RuntimeError(f"scan_floor.sql: sections {[n for n, _ in pairs]}")
    return pairs[0][1], pairs[1:]


FLOOR_SCOPE, FLOOR = floor_statements()

# dbt-postgres' postgres__list_relations_without_caching (one query per schema) and
# postgres__get_columns_in_relation (one per relation), which codegen's generate_source
# runs through the adapter.
LIST_RELATIONS_SQL = """
select current_database() as database, tablename as name, schemaname as schema, 'table' as type
  from pg_tables where schemaname ilike %(schema)s
union all
select current_database() as database, viewname as name, schemaname as schema, 'view' as type
  from pg_views where schemaname ilike %(schema)s
union all
select current_database() as database, matviewname as name, schemaname as schema,
       'materialized_view' as type
  from pg_matviews where schemaname ilike %(schema)s
"""
COLUMNS_SQL = """
select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
  from information_schema.columns
 where table_name = %(table)s and table_schema = %(schema)s
 order by ordinal_position
"""


# -- measures ------------------------------------------------------------------------------
def backend_cpu(conn: psycopg.Connection) -> float:
    """CPU seconds (user + system) the connection's backend has used: less sensitive than
    wall time to the other work on a shared machine."""
    with open(f"/proc/{conn.info.backend_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_scan(conn: psycopg.Connection) -> tuple[int, float, dict[str, float]]:
    """Runs cartridge_scan; returns its id, the seconds the call took as the client sees it,
    and the seconds of each step as the scan recorded them in scans.stats."""
    cpu = backend_cpu(conn)
    started = time.perf_counter()
    scan_id = conn.execute("SELECT cartridge_scan(NULL, %s::jsonb)", (SCAN_OPTIONS,)).fetchone()[0]
    seconds = time.perf_counter() - started
    steps = {"cpu": backend_cpu(conn) - cpu}
    steps |= conn.execute("SELECT stats->'timings_ms' FROM cartridge.scans WHERE id = %s",
                         (scan_id,)).fetchone()[0] or {}
    return scan_id, seconds, {k: v / 1000 if k != "cpu" else v for k, v in steps.items()}


def run_floor(conn: psycopg.Connection) -> tuple[int, float, dict[str, float]]:
    """The floor in one transaction, like the scan: a scans row, the scope, one INSERT ...
    SELECT per target table, then the scans row finished with the counts."""
    cpu = backend_cpu(conn)
    started = time.perf_counter()
    steps = {}
    with conn.transaction():
        scan_id = conn.execute(
            "INSERT INTO cartridge.scans (database_name, options, scanned_by) "
            "VALUES (current_database(), %s::jsonb, current_user::regrole) RETURNING id",
            (SCAN_OPTIONS,)).fetchone()[0]
        # Misestimated row counts of set-returning functions push the plans over the JIT
        # cost thresholds, and compiling costs more than it saves on queries this size.
        conn.execute("SET LOCAL jit = off")
        step_started = time.perf_counter()
        params = dict(zip(("relid", "schema", "relname", "relkind"),
                          conn.execute(FLOOR_SCOPE).fetchone()), scan_id=scan_id)
        steps["scope"] = time.perf_counter() - step_started
        stats = {}
        for target, statement in FLOOR:
            step_started = time.perf_counter()
            stats[target] = conn.execute(statement, params).rowcount
            steps[target] = time.perf_counter() - step_started
        conn.execute(
            "UPDATE cartridge.scans SET finished_at = clock_timestamp(), stats = %s::jsonb, "
            "duration_ms = 1000 * extract(epoch FROM clock_timestamp() - started_at) "
            "WHERE id = %s", (Jsonb(stats), scan_id))
    seconds = time.perf_counter() - started
    steps["cpu"] = backend_cpu(conn) - cpu
    return scan_id, seconds, steps


def row_counts(conn: psycopg.Connection, scan_id: int) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM cartridge.{t} WHERE scan_id = %s",
                            (scan_id,)).fetchone()[0] for t in TARGETS}


def key_differences(conn: psycopg.Connection, scan_id: int, floor_id: int) -> list[str]:
    """Up to 5 keys per table that only one of the two scans stored."""
    out = []
    for t in TARGETS:
        for side, a, b in (("scan only", scan_id, floor_id), ("floor only", floor_id, scan_id)):
            rows = conn.execute(
                f"SELECT {KEYS[t]} FROM cartridge.{t} WHERE scan_id = %s EXCEPT "
                f"SELECT {KEYS[t]} FROM cartridge.{t} WHERE scan_id = %s LIMIT 5", (a, b)).fetchall()
            out += [f"{t} {side}: {row}" for row in rows]
    return out


def reset(conn: psycopg.Connection) -> None:
    """Empties the cartridge tables so that every measured run starts from the same state."""
    conn.execute("TRUNCATE cartridge.scans, " + ", ".join(f"cartridge.{t}" for t in TARGETS)
                 + " CASCADE")


def timed_runs(conn: psycopg.Connection, runs: int) -> dict[str, dict]:
    """Alternates scan and floor so that noise from the shared machine hits both alike;
    returns for each the list of run times and the median time of each step."""
    out: dict[str, dict] = {name: {"runs": [], "steps": {}} for name in ("scan", "floor")}
    for _ in range(runs):
        for name, fn in (("scan", run_scan), ("floor", run_floor)):
            reset(conn)
            _, seconds, steps = fn(conn)
            out[name]["runs"].append(seconds)
            for step, step_seconds in steps.items():
                out[name]["steps"].setdefault(step, []).append(step_seconds)
    reset(conn)
    for name in out:
        out[name]["median"] = statistics.median(out[name]["runs"])
        out[name]["steps"] = {k: statistics.median(v) for k, v in out[name]["steps"].items()}
    return out


def codegen_route(conn: psycopg.Connection, schemas: list[str], budget: float) -> dict:
    """One information_schema.columns query per relation, as dbt-codegen does. Measures all
    relations unless the projection from the first 500 exceeds `budget` seconds, in which
    case it measures the first 1,000 and scales linearly."""
    # psycopg 3 would prepare a statement run 5 times; dbt-postgres (psycopg2) sends each
    # query as text, planned afresh, so do the same.
    conn.prepare_threshold = None
    cpu = backend_cpu(conn)
    started = time.perf_counter()
    relations = []
    for schema in schemas:
        relations += conn.execute(LIST_RELATIONS_SQL, {"schema": schema}).fetchall()
    measured = 0
    limit = len(relations)
    for _, name, schema, _ in relations:
        conn.execute(COLUMNS_SQL, {"table": name, "schema": schema}).fetchall()
        measured += 1
        if measured == 500 and limit > 1000:
            projected = (time.perf_counter() - started) * limit / measured
            if projected > budget:
                limit = 1000
        if measured >= limit:
            break
    seconds = time.perf_counter() - started
    cpu = backend_cpu(conn) - cpu
    return {"relations": len(relations), "measured": measured,
            "backend_cpu": cpu * len(relations) / measured,
            "seconds": seconds * len(relations) / measured,
            "measured_seconds": seconds, "scaled": measured < len(relations)}


def proc_status(pid: int) -> dict[str, int]:
    """kB figures of /proc/<pid>/status (the backend runs as postgres; we read it as root or
    as the same user)."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                out[key] = int(value.split()[0])
    return out


def reset_peak(pid: int) -> bool:
    """Resets VmHWM to the current RSS (Linux >= 4.0, needs ownership or root)."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def memory_of(cluster: Cluster, dbname: str, fn) -> dict:
    """Peak memory of a fresh backend while fn(conn) runs: growth of its private memory
    (RssAnon, sampled every 2 ms: what the backend itself allocates), growth of VmHWM (the
    kernel's exact peak of all resident pages, but those include every page of shared
    buffers the backend touches, which the postmaster allocated once for all backends), and
    its memory contexts before and after."""
    with cluster.connect(dbname) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        contexts_sql = ("SELECT sum(total_bytes), sum(total_bytes) FILTER "
                        "(WHERE name = 'CacheMemoryContext') FROM pg_backend_memory_contexts")
        contexts_before = conn.execute(contexts_sql).fetchone()
        peak_reset = reset_peak(pid)
        before = proc_status(pid)
        peak_anon = before.get("RssAnon", 0)
        samples = 0
        done = threading.Event()

        def sample():
            nonlocal peak_anon, samples
            while not done.is_set():
                try:
                    peak_anon = max(peak_anon, proc_status(pid).get("RssAnon", 0))
                except OSError:
                    return
                samples += 1
                time.sleep(0.002)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            _, seconds, _ = fn(conn)
        finally:
            done.set()
            sampler.join()
        after = proc_status(pid)
        contexts_after = conn.execute(contexts_sql).fetchone()
    base = before["VmRSS"] if peak_reset else before["VmHWM"]
    return {
        "hwm_growth_mb": (after["VmHWM"] - base) / 1024,
        "anon_growth_mb": (peak_anon - before.get("RssAnon", 0)) / 1024,
        "shmem_growth_mb": (after.get("RssShmem", 0) - before.get("RssShmem", 0)) / 1024,
        "samples": samples,
        "contexts_before_mb": contexts_before[0] / 2**20,
        "contexts_after_mb": contexts_after[0] / 2**20,
        "cache_context_after_mb": (contexts_after[1] or 0) / 2**20,
        "peak_reset": peak_reset,
        "seconds": seconds,
    }


def catalog_seconds(steps: dict[str, float]) -> float:
    """Seconds of the scan's catalog steps (scope and one per target table), the part that
    the floor does too; the rest is the analysis (names-only inference, classification)."""
    return sum(steps.get(k, 0.0) for k in ("scope", *TARGETS))


# -- report --------------------------------------------------------------------------------
def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="tables of the growth baseline")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--codegen-budget", type=float, default=120.0,
                        help="seconds the codegen route may take before it is sampled and scaled")
    parser.add_argument("--keep", action="store_true", help="keep the cluster (prints where)")
    args = parser.parse_args()
    big, small = args.tables, args.small

    cluster = Cluster(synthetic_schema.CLUSTER_SETTINGS).start()
    failures: list[str] = []
    try:
        with cluster.connect() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        print(f"== cartridge_scan benchmark (profile off): PostgreSQL {version}, "
              f"{os.cpu_count()} CPUs, one throw-away cluster, median of {args.runs} runs "
              f"after one warm-up")
        dbs = {}
        for n in (small, big):
            name = f"bench_{n}"
            seconds = synthetic_schema.create_database(cluster, name, n)
            with cluster.connect(name) as conn:
                made = synthetic_schema.counts(conn)
            dbs[n] = name
            print(f"   schema of {n:,} tables generated in {seconds:.1f} s: "
                  + ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in made.items()))

        with cluster.connect(dbs[big]) as conn:
            exists = conn.execute("SELECT to_regprocedure('cartridge_scan(text[], jsonb)') "
                                  "IS NOT NULL").fetchone()[0]
        if not exists:
            print("!! cartridge_scan(text[], jsonb) is not installed: only the baselines run")

        results: dict[int, dict] = {}
        for n in (big, small):
            with cluster.connect(dbs[n]) as conn:
                r: dict = {}
                if exists:
                    scan_id, r["scan_cold"], _ = run_scan(conn)
                    floor_id, r["floor_cold"], _ = run_floor(conn)
                    scan_counts = row_counts(conn, scan_id)
                    floor_counts = row_counts(conn, floor_id)
                    r["counts"] = scan_counts
                    if scan_counts != floor_counts:
                        failures.append(f"{n} tables: row counts differ: scan {scan_counts}, "
                                        f"floor {floor_counts}")
                        for line in key_differences(conn, scan_id, floor_id):
                            print(f"   {line}")
                    times = timed_runs(conn, args.runs)
                    r["scan"], r["floor"] = times["scan"]["median"], times["floor"]["median"]
                    r["scan_runs"], r["floor_runs"] = times["scan"]["runs"], times["floor"]["runs"]
                    r["scan_steps"], r["floor_steps"] = times["scan"]["steps"], times["floor"]["steps"]
                else:
                    floor_id, r["floor_cold"], _ = run_floor(conn)
                    r["counts"] = row_counts(conn, floor_id)
                    reset(conn)
                    r["floor_runs"] = [run_floor(conn)[1] for _ in range(args.runs)]
                    r["floor_steps"] = {}
                    r["floor"] = statistics.median(r["floor_runs"])
                    reset(conn)
                results[n] = r

        with cluster.connect(dbs[big]) as conn:
            codegen = codegen_route(conn, synthetic_schema.SCHEMAS, args.codegen_budget)

        memory = None
        if exists:
            memory = memory_of(cluster, dbs[big], run_scan)
            floor_memory = memory_of(cluster, dbs[big], run_floor)
            with cluster.connect(dbs[big]) as conn:
                reset(conn)

        crashes = crash_lines(cluster.log_text())
        if crashes:
            failures.append("server log shows a crash: " + "; ".join(crashes[:3]))

        # -- figures ---------------------------------------------------------------------
        b, s = results[big], results[small]
        print(f"\n   rows stored at {big:,} tables: "
              + ", ".join(f"{v:,} {k}" for k, v in b["counts"].items()))
        if exists:
            for n in (big, small):
                r = results[n]
                print(f"   {n:>6,} tables: scan {fmt_s(r['scan'])} "
                      f"(runs {', '.join(f'{t:.3f}' for t in r['scan_runs'])}; "
                      f"backend CPU {r['scan_steps']['cpu']:.2f}), floor {fmt_s(r['floor'])} "
                      f"(runs {', '.join(f'{t:.3f}' for t in r['floor_runs'])}; "
                      f"backend CPU {r['floor_steps']['cpu']:.2f})")
        else:
            print(f"   floor: {fmt_s(b['floor'])} at {big:,} tables, {fmt_s(s['floor'])} "
                  f"at {small:,}")
        how = (f"measured on the first {codegen['measured']:,} of {codegen['relations']:,} "
               f"relations in {codegen['measured_seconds']:.1f} s and scaled linearly"
               if codegen["scaled"] else
               f"measured on all {codegen['relations']:,} relations")
        if exists:
            steps = [k for k in dict.fromkeys([*b["scan_steps"], *b["floor_steps"]]) if k != "cpu"]
            print(f"   steps at {big:,} tables (median): " + ", ".join(
                f"{k} {b['scan_steps'].get(k, float('nan')):.3f}/{b['floor_steps'].get(k, float('nan')):.3f}"
                for k in steps) + " s (scan/floor)")
        print(f"   dbt-codegen route at {big:,} tables: {fmt_s(codegen['seconds'])} "
              f"({how}; {1000 * codegen['seconds'] / codegen['relations']:.2f} ms per relation; "
              f"backend CPU {codegen['backend_cpu']:.1f} s)")
        if memory:
            for name, m in (("scan", memory), ("floor", floor_memory)):
                print(f"   {name} as the first call of a fresh session: {fmt_s(m['seconds'])}; "
                      f"private memory (RssAnon) peak growth "
                      f"{m['anon_growth_mb']:.1f} MB ({m['samples']} samples); VmHWM growth "
                      f"{m['hwm_growth_mb']:.1f} MB{'' if m['peak_reset'] else ' (upper bound)'} "
                      f"of which {m['shmem_growth_mb']:.0f} MB are shared buffers it mapped; "
                      f"memory contexts {m['contexts_before_mb']:.1f} -> "
                      f"{m['contexts_after_mb']:.1f} MB "
                      f"(CacheMemoryContext {m['cache_context_after_mb']:.1f} MB, kept)")
        if not exists:
            print("\n!! no scan to compare: the bars are not evaluated")
            return 1

        bars = [
            (f"scan time at {big:,} tables", f"{fmt_s(b['scan'])} (CPU {b['scan_steps']['cpu']:.2f})",
             f"<= {GOAL_SCAN_SECONDS} s",
             b["scan"] <= GOAL_SCAN_SECONDS),
            ("dbt-codegen route / scan", f"{codegen['seconds'] / b['scan']:.1f}x"
             + (" (scaled)" if codegen["scaled"] else "")
             + f" (CPU {codegen['backend_cpu'] / b['scan_steps']['cpu']:.1f}x)",
             f">= {GOAL_CODEGEN_RATIO:.0f}x", codegen["seconds"] / b["scan"] >= GOAL_CODEGEN_RATIO),
            ("scan / floor", f"{b['scan'] / b['floor']:.2f}x "
             f"(CPU {b['scan_steps']['cpu'] / b['floor_steps']['cpu']:.2f}x)", f"<= {GOAL_FLOOR_RATIO}x",
             b["scan"] / b["floor"] <= GOAL_FLOOR_RATIO),
            # The catalog part alone (the steps the floor also does, as the scan timed them),
            # without the names-only inference and classification that follow it.
            (f"catalog steps at {big:,} tables", fmt_s(catalog_seconds(b["scan_steps"])),
             f"<= {GOAL_SCAN_SECONDS} s", catalog_seconds(b["scan_steps"]) <= GOAL_SCAN_SECONDS),
            ("dbt-codegen route / catalog", f"{codegen['seconds'] / catalog_seconds(b['scan_steps']):.1f}x",
             f">= {GOAL_CODEGEN_RATIO:.0f}x",
             codegen["seconds"] / catalog_seconds(b["scan_steps"]) >= GOAL_CODEGEN_RATIO),
            ("catalog steps / floor", f"{catalog_seconds(b['scan_steps']) / b['floor']:.2f}x",
             f"<= {GOAL_FLOOR_RATIO}x", catalog_seconds(b["scan_steps"]) / b["floor"] <= GOAL_FLOOR_RATIO),
            ("scan backend peak memory", f"{memory['anon_growth_mb']:.0f} MB private "
             f"({memory['hwm_growth_mb']:.0f} VmHWM)",
             f"< {GOAL_PEAK_MB:.0f} MB", memory["anon_growth_mb"] < GOAL_PEAK_MB),
            (f"growth {small:,} -> {big:,} tables", f"{b['scan'] / s['scan']:.1f}x "
             f"(floor {b['floor'] / s['floor']:.1f}x)",
             f"<= {GOAL_GROWTH:.0f}x", b["scan"] / s["scan"] <= GOAL_GROWTH),
            ("row counts scan = floor", "equal" if not failures else "DIFFER", "equal",
             not failures),
        ]
        print("\n   bar                              measured                     goal        result")
        for name, measured, goal, ok in bars:
            print(f"   {name:<32} {measured:<28} {goal:<11} {'PASS' if ok else 'FAIL'}")
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
