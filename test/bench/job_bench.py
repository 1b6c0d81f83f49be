"""Background jobs: how soon a queued cartridge_generate starts, and what 200 small jobs
cost through the worker against the same 200 run with async => false.

One throw-away cluster (track_commit_timestamp on, autovacuum off), the chinook dataset
(test/data) scanned once; every job is `cartridge_generate(scan)` with the builtin provider
(about 23 models, 74 tests, 33 files: a small job, so per-job overhead shows). Measured in
the same run:

  - latency from the submitting commit to the job's start, for --latency-jobs jobs
    submitted one at a time from an idle state, each in its own transaction (autocommit).
    Exact on the server clock: started_at (set by the worker's claim) minus
    pg_xact_commit_timestamp of the submitting transaction (its xid is read in the same
    statement). Twice: warm (the worker is running, idle in its latch wait: the default
    cartridge.worker_idle_timeout, a warm-up job first, --idle seconds between jobs) and
    cold (cartridge.worker_idle_timeout = 0, so the worker exits after each job; the next
    submit waits for the launcher to start a new worker). Median and p90 against the goal
    (p90 <= 50 ms, so the median too), printed beside the reference: the client time of one
    job run with async => false; and, for cold, the time a client takes to open a new
    connection (a new backend, as the worker is);
  - throughput on --jobs jobs, --rounds rounds alternating (sync first in odd rounds,
    async first in even ones), cartridge.projects emptied before each run:
      sync  = client time of --jobs x `SELECT cartridge_generate(scan, async => false)`,
              one session, autocommit, one after the other;
      async = from just before the first submit (client clock) to the last finished_at
              (server clock, same host) of --jobs submits, autocommit, one after the other,
              then cartridge_wait on the last;
    goal: median async / median sync <= 1.2x.

Correctness (non-zero exit): every async job of a run succeeded, attempts = 1 (ran exactly
once), each made the same project as the sync jobs (same message: models, tests, files);
every job sent NOTIFY cartridge_progress with the payload {"kind": "project", "id": N}
(counted for the warm latency jobs by a listening connection); no crash in the server log.
Missed timing bars are reported, not fatal (the machine is shared).

Where the time goes is printed from cartridge.projects: timings (load_scan_ms, generate_ms,
store_ms, total_ms = started_at to the end of the store), the gaps between one job's
finished_at and the next one's started_at (its final commit and the next claim), the
transactions (xids) and WAL written per job, and the CPU of the worker against the CPU of
the sync session.

    .venv/bin/python test/bench/job_bench.py [--jobs 200] [--rounds 3] [--latency-jobs 50]
                                             [--idle 0.05] [--keep]
"""
from __future__ import annotations

import argparse
import json
import math
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

GOAL_LATENCY_MS = 50.0
GOAL_RATIO = 1.2
DB = "bench"
SETTINGS = {"track_commit_timestamp": "on", "autovacuum": "off"}
SUBMIT = "SELECT cartridge_generate(%s)"
SYNC = "SELECT cartridge_generate(%s, async => false)"


# -- helpers ---------------------------------------------------------------------------------
def cpu_of(pid: int) -> float:
    """CPU seconds (user + system) process pid has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def workers(conn: psycopg.Connection) -> list[int]:
    """Pids of the cartridge workers of the bench database."""
    return [r[0] for r in conn.execute(
        "SELECT pid FROM pg_stat_activity WHERE backend_type = 'cartridge worker' AND datname = %s",
        (DB,)).fetchall()]


def wait_until(predicate, timeout: float = 10.0, step: float = 0.005) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def set_idle_timeout(conn: psycopg.Connection, seconds: int | None) -> None:
    """ALTER SYSTEM (RESET with None) and reload; the worker reads it at its next wakeup (a
    reload sets its latch)."""
    if seconds is None:
        conn.execute("ALTER SYSTEM RESET cartridge.worker_idle_timeout")
    else:
        conn.execute(f"ALTER SYSTEM SET cartridge.worker_idle_timeout = {int(seconds)}")
    conn.execute("SELECT pg_reload_conf()")
    time.sleep(0.2)


def run_one(conn: psycopg.Connection, scan_id: int) -> str:
    """One async job, submitted (committed) then waited for; returns its status."""
    project_id = conn.execute(SUBMIT, (scan_id,)).fetchone()[0]
    return conn.execute("SELECT cartridge_wait(%s, '1 min')", (project_id,)).fetchone()[0]


def reset(conn: psycopg.Connection) -> None:
    """Empties cartridge.projects (and its models, tests, files): each run starts alike."""
    conn.execute("TRUNCATE cartridge.projects CASCADE")


def counters(conn: psycopg.Connection) -> tuple[int, int]:
    """(next xid, WAL position in bytes), without consuming an xid."""
    xid, lsn = conn.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
                            "pg_current_wal_lsn() - '0/0'::pg_lsn").fetchone()
    return int(xid), int(lsn)


JOB_COLUMNS = """
    SELECT id, status, attempts, async, message, timings,
           extract(epoch FROM created_at)::float8, extract(epoch FROM started_at)::float8,
           extract(epoch FROM finished_at)::float8
      FROM cartridge.projects"""


def job_rows(conn: psycopg.Connection, ids: list[int]) -> list[dict]:
    rows = conn.execute(JOB_COLUMNS + " WHERE id = ANY(%s) ORDER BY id", (ids,)).fetchall()
    return [dict(zip(("id", "status", "attempts", "async", "message", "timings", "created", "started",
                      "finished"), r)) for r in rows]


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def work_ms(job: dict) -> float:
    t = job["timings"] or {}
    return sum(t.get(k, 0.0) for k in ("load_scan_ms", "generate_ms", "store_ms"))


# -- latency ---------------------------------------------------------------------------------
def drain(listener: psycopg.Connection, timeout: float, into: list[str]) -> None:
    for n in listener.notifies(timeout=timeout):
        into.append(n.payload)


def measure_latency(conn: psycopg.Connection, scan_id: int, n: int, cold: bool, idle: float,
                    listener: psycopg.Connection | None, failures: list[str]) -> dict:
    """n jobs one at a time from an idle worker (warm) or with no worker (cold)."""
    payloads: list[str] = []
    out = {"latency": [], "client_lag": [], "span": [], "ids": [], "worker_pids": set(), "notified": {}}
    for _ in range(n):
        if cold:
            if not wait_until(lambda: not workers(conn)):
                failures.append("cold latency: the worker did not exit within 10 s of its job "
                                "(cartridge.worker_idle_timeout = 0)")
                break
            time.sleep(idle)
        else:
            if listener is not None:
                drain(listener, idle, payloads)  # doubles as the idle pause
            else:
                time.sleep(idle)
            out["worker_pids"].update(workers(conn))
        project_id, xid = conn.execute(
            "SELECT cartridge_generate(%s), pg_current_xact_id()::text", (scan_id,)).fetchone()
        replied = time.time()
        status = conn.execute("SELECT cartridge_wait(%s, '1 min')", (project_id,)).fetchone()[0]
        if status != "succeeded":
            failures.append(f"latency job {project_id}: {status}")
            continue
        committed, started, finished, attempts = conn.execute("""
            SELECT extract(epoch FROM pg_xact_commit_timestamp(%s::xid8::xid))::float8,
                   extract(epoch FROM started_at)::float8, extract(epoch FROM finished_at)::float8, attempts
              FROM cartridge.projects WHERE id = %s""", (xid, project_id)).fetchone()
        if attempts != 1:
            failures.append(f"latency job {project_id}: attempts = {attempts}")
        out["ids"].append(project_id)
        out["latency"].append(started - committed)
        out["client_lag"].append(replied - committed)
        out["span"].append(finished - started)
    if listener is not None:
        drain(listener, 0.5, payloads)
        for payload in payloads:
            try:
                doc = json.loads(payload)
            except ValueError:
                failures.append(f"NOTIFY cartridge_progress payload is not JSON: {payload!r}")
                continue
            if set(doc) != {"kind", "id"} or doc["kind"] != "project":
                failures.append(f"NOTIFY cartridge_progress payload {payload!r}: expected "
                                '{"kind": "project", "id": N}')
                continue
            out["notified"][doc["id"]] = out["notified"].get(doc["id"], 0) + 1
        silent = [i for i in out["ids"] if i not in out["notified"]]
        if silent:
            failures.append(f"{len(silent)} jobs sent no NOTIFY cartridge_progress (e.g. {silent[:3]})")
    return out


def connect_time(cluster: Cluster, n: int = 20) -> float:
    """Median time to open a connection and run one query: what a new backend costs."""
    times = []
    for _ in range(n):
        started = time.perf_counter()
        with cluster.connect(DB) as c:
            c.execute("SELECT 1").fetchone()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# -- throughput ------------------------------------------------------------------------------
def run_sync(conn: psycopg.Connection, scan_id: int, jobs: int) -> dict:
    reset(conn)
    xid0, wal0 = counters(conn)
    cpu0 = cpu_of(conn.info.backend_pid)
    started = time.time()
    ids = [conn.execute(SYNC, (scan_id,)).fetchone()[0] for _ in range(jobs)]
    seconds = time.time() - started
    cpu = cpu_of(conn.info.backend_pid) - cpu0
    xid1, wal1 = counters(conn)
    return {"seconds": seconds, "cpu": cpu, "xids": xid1 - xid0, "wal": wal1 - wal0,
            "jobs": job_rows(conn, ids)}


def run_async(conn: psycopg.Connection, scan_id: int, jobs: int, failures: list[str]) -> dict:
    reset(conn)
    pids = workers(conn)
    if not pids:  # a worker that exited (idle timeout) would make this a cold start
        run_one(conn, scan_id)
        reset(conn)
        pids = workers(conn)
    worker_cpu0 = {p: cpu_of(p) for p in pids}
    xid0, wal0 = counters(conn)
    cpu0 = cpu_of(conn.info.backend_pid)
    started = time.time()
    ids = [conn.execute(SUBMIT, (scan_id,)).fetchone()[0] for _ in range(jobs)]
    submitted = time.time()
    submit_cpu = cpu_of(conn.info.backend_pid) - cpu0
    status = conn.execute("SELECT cartridge_wait(%s, '10 min')", (ids[-1],)).fetchone()[0]
    waited = time.time()
    wait_cpu = cpu_of(conn.info.backend_pid) - cpu0 - submit_cpu
    if status != "succeeded":
        failures.append(f"async run: the last job {ids[-1]} ended {status}")
    # Jobs run oldest first; should one still run, wait for it too.
    for project_id in ids:
        conn.execute("SELECT cartridge_wait(%s, '1 min')", (project_id,))
    worker_cpu = sum(cpu_of(p) - c for p, c in worker_cpu0.items() if os.path.exists(f"/proc/{p}"))
    still = set(workers(conn)) == set(pids)
    xid1, wal1 = counters(conn)
    rows = job_rows(conn, ids)
    end = max((r["finished"] for r in rows if r["finished"]), default=waited)
    return {"seconds": end - started, "submit": submitted - started, "client": waited - started,
            "submit_cpu": submit_cpu, "wait_cpu": wait_cpu, "cpu": worker_cpu if still else None,
            "xids": xid1 - xid0, "wal": wal1 - wal0, "jobs": rows, "t0": started}


def check_run(kind: str, run: dict, jobs: int, message: str | None, failures: list[str]) -> None:
    rows = run["jobs"]
    if len(rows) != jobs:
        failures.append(f"{kind} run: {len(rows)} projects, expected {jobs}")
    # A job the worker ran counts its attempts (claims); one run in the session never was
    # claimed, and keeps attempts = 0.
    attempts = 1 if kind == "async" else 0
    bad = [r for r in rows if r["status"] != "succeeded" or r["attempts"] != attempts
           or r["async"] != (kind == "async")]
    if bad:
        failures.append(f"{kind} run: {len(bad)} of {jobs} jobs did not succeed with attempts = {attempts}, "
                        "e.g. " + ", ".join(f"{r['id']}: {r['status']}, attempts {r['attempts']}, "
                                            f"async {r['async']}" for r in bad[:3]))
    messages = {r["message"] for r in rows}
    if message is not None and messages != {message}:
        failures.append(f"{kind} run: projects {sorted(m or '' for m in messages)}, the reference is {message!r}")


def breakdown(run: dict) -> dict:
    """Per job, from cartridge.projects, as means (sums / jobs, so that they add up to the
    run's time): span (started_at to finished_at), load/generate/store inside it, the rest
    of it, and (async) the gaps from a job's finished_at to the next job's started_at while
    the next was already queued (the final commit and the next claim), and the time the
    worker had nothing queued."""
    rows = [r for r in run["jobs"] if r["started"] and r["finished"]]
    n = len(rows) or 1
    span = sum(r["finished"] - r["started"] for r in rows)
    work = sum(work_ms(r) for r in rows) / 1000
    out = {
        "span": span / n, "span_sum": span,
        "work": work / n, "work_sum": work,
        "other": (span - work) / n,
        "steps": {k: sum((r["timings"] or {}).get(k, 0.0) for r in rows) / n
                  for k in ("load_scan_ms", "generate_ms", "store_ms", "total_ms")},
        "span_median": statistics.median(r["finished"] - r["started"] for r in rows) if rows else 0.0,
    }
    gaps, idle = [], 0.0
    for prev, nxt in zip(rows, rows[1:]):
        if nxt["created"] <= prev["finished"]:
            gaps.append(nxt["started"] - prev["finished"])
        else:
            idle += nxt["started"] - prev["finished"]
    out["gap"] = sum(gaps) / len(gaps) if gaps else None
    out["gap_sum"] = sum(gaps)
    out["gap_count"] = len(gaps)
    out["idle"] = idle
    if "t0" in run and rows:
        out["first_start"] = rows[0]["started"] - run["t0"]
    return out


# -- main ------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=200, help="jobs per throughput run")
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (sync and async each)")
    parser.add_argument("--latency-jobs", type=int, default=50, help="jobs per latency series")
    parser.add_argument("--idle", type=float, default=0.05, help="seconds idle before each latency job")
    parser.add_argument("--keep", action="store_true", help="keep the cluster (prints where)")
    args = parser.parse_args()

    began = time.perf_counter()
    failures: list[str] = []
    cluster = Cluster(SETTINGS).start()
    try:
        cluster.create_database(DB)
        cluster.load_dataset(DB, "chinook")
        with cluster.connect(DB) as conn:
            conn.execute("CREATE EXTENSION cartridge")
            version = conn.execute("SHOW server_version").fetchone()[0]
            extversion = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'cartridge'").fetchone()[0]
            scan_id = conn.execute("SELECT cartridge_scan()").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s",
                                  (scan_id,)).fetchone()[0]
            print(f"== background jobs: cartridge_generate on chinook ({tables} relations, scan {scan_id}), "
                  f"PostgreSQL {version}, cartridge {extversion}, {os.cpu_count()} CPUs, one throw-away cluster")

            # The reference: one job run in the session (after a warm-up of the session).
            for _ in range(3):
                conn.execute(SYNC, (scan_id,))
            one_sync = []
            for _ in range(20):
                t = time.perf_counter()
                reference_id = conn.execute(SYNC, (scan_id,)).fetchone()[0]
                one_sync.append(time.perf_counter() - t)
            one_sync_s = statistics.median(one_sync)
            message = conn.execute("SELECT message FROM cartridge.projects WHERE id = %s",
                                   (reference_id,)).fetchone()[0]
            print(f"   one job with async => false: median {ms(one_sync_s)} of 20 (client time); "
                  f"the project: {message}")

            # -- latency, warm: the worker idles in its latch wait between jobs.
            reset(conn)
            with cluster.connect(DB) as listener:
                listener.execute("LISTEN cartridge_progress")
                run_one(conn, scan_id)  # warm-up
                drain(listener, 0.2, [])
                warm = measure_latency(conn, scan_id, args.latency_jobs, False, args.idle, listener, failures)
            if len(warm["worker_pids"]) != 1:
                failures.append(f"warm latency: {len(warm['worker_pids'])} worker pids seen "
                                f"({sorted(warm['worker_pids'])}): the worker did not stay up")

            # -- latency, cold: the worker exits after each job.
            set_idle_timeout(conn, 0)
            reset(conn)
            cold = measure_latency(conn, scan_id, args.latency_jobs, True, args.idle, None, failures)
            set_idle_timeout(conn, None)
            connect_s = connect_time(cluster)

            print(f"\n   latency, commit of the submit -> started_at, {args.latency_jobs} jobs each, "
                  f"one at a time, {ms(args.idle)} idle before each:")
            for name, r in (("warm", warm), ("cold", cold)):
                if not r["latency"]:
                    continue
                lat = r["latency"]
                print(f"     {name}: median {ms(statistics.median(lat))}, p90 {ms(pct(lat, 90))}, "
                      f"min {ms(min(lat))}, max {ms(max(lat))}; the job then ran "
                      f"{ms(statistics.median(r['span']))} (median started_at -> finished_at); "
                      f"the client had its reply {ms(statistics.median(r['client_lag']))} after the commit")
            if warm["notified"]:
                per_job = [warm["notified"].get(i, 0) for i in warm["ids"]]
                print(f"     NOTIFY cartridge_progress per warm job (one per committed change): median "
                      f"{statistics.median(per_job):.0f} (min {min(per_job)}, max {max(per_job)})")
            print(f"     references: one sync job {ms(one_sync_s)}; a new connection (connect + SELECT 1, "
                  f"a new backend, as a cold worker is) {ms(connect_s)}")

            # -- throughput
            run_one(conn, scan_id)  # worker up
            runs = {"sync": [], "async": []}
            print(f"\n   throughput, {args.jobs} jobs per run, {args.rounds} rounds alternating:", flush=True)
            for round_ in range(args.rounds):
                order = ("sync", "async") if round_ % 2 == 0 else ("async", "sync")
                for kind in order:
                    if kind == "sync":
                        r = run_sync(conn, scan_id, args.jobs)
                    else:
                        r = run_async(conn, scan_id, args.jobs, failures)
                    check_run(kind, r, args.jobs, message, failures)
                    runs[kind].append(r)
                    extra = (f" (submits {r['submit']:.2f} s, cartridge_wait returned at {r['client']:.2f} s)"
                             if kind == "async" else "")
                    print(f"     round {round_ + 1} {kind:<5}: {r['seconds']:.2f} s{extra}", flush=True)
            reset(conn)

        crashes = crash_lines(cluster.log_text())
        if crashes:
            failures.append("server log shows a crash: " + "; ".join(crashes[:3]))

        sync_s = statistics.median(r["seconds"] for r in runs["sync"])
        async_s = statistics.median(r["seconds"] for r in runs["async"])
        ratio = async_s / sync_s
        n = args.jobs
        paired = [a_["seconds"] / s_["seconds"] for s_, a_ in zip(runs["sync"], runs["async"])]
        print(f"     median: sync {sync_s:.2f} s ({ms(sync_s / n)} a job), async {async_s:.2f} s "
              f"({ms(async_s / n)} a job); async / sync round by round: "
              + ", ".join(f"{x:.2f}x" for x in paired))

        # Where the time goes: the median run of each kind.
        def median_run(kind):
            ordered = sorted(runs[kind], key=lambda r: r["seconds"])
            return ordered[len(ordered) // 2]
        s, a = median_run("sync"), median_run("async")
        bs, ba = breakdown(s), breakdown(a)
        print(f"\n   per job, means over the {n} jobs of the median run of each (ms; server clock, "
              f"cartridge.projects):")
        print(f"     {'':<44} {'sync':>8} {'async':>8}")
        rows = [
            ("load_scan_ms", bs["steps"]["load_scan_ms"], ba["steps"]["load_scan_ms"]),
            ("generate_ms", bs["steps"]["generate_ms"], ba["steps"]["generate_ms"]),
            ("store_ms", bs["steps"]["store_ms"], ba["steps"]["store_ms"]),
            ("total_ms (started_at -> store's end)", bs["steps"]["total_ms"], ba["steps"]["total_ms"]),
            ("started_at -> finished_at", bs["span"] * 1000, ba["span"] * 1000),
            ("  of which not load/generate/store", bs["other"] * 1000, ba["other"] * 1000),
            ("finished_at -> next started_at", None, ba["gap"] * 1000 if ba["gap"] is not None else None),
            ("median started_at -> finished_at", bs["span_median"] * 1000, ba["span_median"] * 1000),
            ("the run's time / jobs", s["seconds"] / n * 1000, a["seconds"] / n * 1000),
            ("transactions that wrote (xids, submit included)", s["xids"] / n, a["xids"] / n),
            ("WAL (kB)", s["wal"] / n / 1024, a["wal"] / n / 1024),
            ("CPU (sync: the session; async: the worker)", s["cpu"] / n * 1000,
             a["cpu"] / n * 1000 if a["cpu"] is not None else None),
        ]
        for name, x, y in rows:
            fx = "-" if x is None else f"{x:,.2f}"
            fy = "-" if y is None else f"{y:,.2f}"
            print(f"     {name:<44} {fx:>8} {fy:>8}")
        print(f"     async run of {a['seconds']:.2f} s: first job started {ms(ba.get('first_start', 0))} after "
              f"the first submit; jobs (started_at -> finished_at) {ba['span_sum']:.2f} s, of which "
              f"load/generate/store {ba['work_sum']:.2f} s; {ba['gap_count']} gaps between a job's end and "
              f"the next claim {ba['gap_sum']:.2f} s; worker idle, queue empty, {ba['idle']:.2f} s. "
              f"Submitting took {a['submit']:.2f} s ({ms(a['submit'] / n)} a submit, "
              f"submitting backend CPU {a['submit_cpu']:.2f} s; then in cartridge_wait, woken by every "
              f"committed change of any job, {a['wait_cpu']:.2f} s CPU)")
        print(f"     sync run of {s['seconds']:.2f} s: jobs (started_at -> finished_at) {bs['span_sum']:.2f} s, "
              f"of which load/generate/store {bs['work_sum']:.2f} s; the rest is the client round trip, "
              f"the INSERT before started_at and the commit after finished_at")

        cpu_sync = statistics.median(r["cpu"] for r in runs["sync"])
        cpu_async = [r["cpu"] for r in runs["async"] if r["cpu"] is not None]
        if cpu_async:
            print(f"     CPU, less sensitive to the other work of the machine: the worker "
                  f"{ms(statistics.median(cpu_async) / n)} a job against the sync session's {ms(cpu_sync / n)} "
                  f"({statistics.median(cpu_async) / cpu_sync:.2f}x, medians of the runs)")

        reference = f"one sync job {ms(one_sync_s)} ({ms(sync_s / n)} a job in the sync runs)"
        warm_lat = warm["latency"] or [float("inf")]
        cold_lat = cold["latency"] or [float("inf")]
        bars = [
            ("warm: commit -> start", f"median {ms(statistics.median(warm_lat))}, p90 {ms(pct(warm_lat, 90))}",
             f"p90 <= {GOAL_LATENCY_MS:.0f} ms", pct(warm_lat, 90) <= GOAL_LATENCY_MS / 1000,
             reference),
            ("cold: commit -> start", f"median {ms(statistics.median(cold_lat))}, p90 {ms(pct(cold_lat, 90))}",
             f"p90 <= {GOAL_LATENCY_MS:.0f} ms", pct(cold_lat, 90) <= GOAL_LATENCY_MS / 1000,
             f"{reference}, a new connection {ms(connect_s)}"),
            (f"async / sync, {n} jobs", f"{ratio:.2f}x ({async_s:.2f} s / {sync_s:.2f} s)",
             f"<= {GOAL_RATIO}x", ratio <= GOAL_RATIO, f"median of {args.rounds} rounds"),
        ]
        print("\n   bar                          measured                          goal           result  reference")
        for name, measured, goal, ok, ref in bars:
            print(f"   {name:<28} {measured:<33} {goal:<14} {'PASS' if ok else 'FAIL':<7} {ref}")
        print(f"   whole run: {time.perf_counter() - began:.0f} s")
        for failure in failures:
            print(f"!! {failure}")
        return 1 if failures else 0
    finally:
        if args.keep:
            print(f"   cluster kept: {cluster.conninfo(DB)} (data in {cluster.base})")
        else:
            cluster.destroy()


if __name__ == "__main__":
    sys.exit(main())
