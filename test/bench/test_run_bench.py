#!/usr/bin/env python3
"""cartridge_test_run benchmark: the wall time of building every model and running every
test of a generated project inside the database, against `dbt run` plus `dbt test` of the
same project on the same data, measured in the same run. Bars, printed PASS/FAIL:

  Chinook                           dbt run + dbt test / cartridge_test_run   >= 10x
  synthetic schema, 1,000 tables    dbt run + dbt test / cartridge_test_run   >= 10x

Correctness checks make the exit status non-zero: on Chinook, every model and test has the
status and failure count dbt gives it (test/e2e/dbt_agreement.py); on the synthetic
schema, dbt and cartridge_test_run build and pass the same number of nodes. A missed timing
bar is reported but not fatal (the machine is shared; see test/bench/README.md).

cartridge_test_run: median of --runs calls after a warm-up call, client wall time. dbt:
one `dbt run` and one `dbt test` (the profile's threads), wall time of the two processes,
startup and parsing included, as a user runs them.

Needs the extension installed (`make install`); starts its own throw-away cluster.
Usage: .venv/bin/python test/bench/test_run_bench.py [--tables N] [--runs N]
"""
from __future__ import annotations

import argparse
import io
import pathlib
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

from cluster import ROOT, Cluster  # noqa: E402
from dbt_agreement import assert_agree, dbt_results  # noqa: E402
from synthetic_schema import CLUSTER_SETTINGS, counts, create_database  # noqa: E402

GOAL_RATIO = 10.0
DBT = ROOT / ".venv" / "bin" / "dbt"


def extract(conn, project_id: int, dest: pathlib.Path) -> pathlib.Path:
    data = bytes(conn.execute("SELECT cartridge_archive(%s)", (project_id,)).fetchone()[0])
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        top = tar.getmembers()[0].name.split("/")[0]
        tar.extractall(dest, filter="data")
    return dest / top


def dbt(cluster: Cluster, dbname: str, project: pathlib.Path, command: str) -> float:
    env = {**cluster.env(dbname), "DBT_SCHEMA": "bench_dbt"}
    started = time.perf_counter()
    result = subprocess.run([str(DBT), command, "--profiles-dir", str(project)], cwd=project, env=env,
                            capture_output=True, text=True, timeout=7200)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise RuntimeError(f"dbt {command} crashed:\n{result.stdout}{result.stderr}")
    return seconds


def measure(cluster: Cluster, dbname: str, label: str, runs: int, failures: list[str],
            check_agreement: bool) -> None:
    with cluster.connect(dbname) as conn:
        project_id = conn.execute("SELECT cartridge_generate(NULL, 'builtin', '{}', false)").fetchone()[0]
        info = conn.execute("SELECT cartridge_info(%s)", (project_id,)).fetchone()[0]
        nodes = info["counts"]["models"]["total"] + info["counts"]["tests"]["total"]
        times = []
        for run in range(runs + 1):
            started = time.perf_counter()
            rows = conn.execute("SELECT kind, name, status, failures FROM cartridge_test_run(%s)",
                                (project_id,)).fetchall()
            if run:
                times.append(time.perf_counter() - started)
        ours = {(k, n): (s, f) for k, n, s, f in rows}
        with tempfile.TemporaryDirectory() as tmp:
            project = extract(conn, project_id, pathlib.Path(tmp))
            dbt_run = dbt(cluster, dbname, project, "run")
            models = dbt_results(project)
            dbt_test = dbt(cluster, dbname, project, "test")
            theirs = {**models, **dbt_results(project)}
    ours_s = statistics.median(times)
    ratio = (dbt_run + dbt_test) / ours_s
    print(f"   {label}: {nodes:,} nodes ({info['counts']['models']['total']:,} models, "
          f"{info['counts']['tests']['total']:,} tests)")
    print(f"     cartridge_test_run  {ours_s * 1000:10,.0f} ms   (median of {runs}: "
          f"{', '.join(f'{t * 1000:,.0f}' for t in times)})")
    print(f"     dbt run + dbt test  {(dbt_run + dbt_test) * 1000:10,.0f} ms   "
          f"(run {dbt_run * 1000:,.0f} ms, test {dbt_test * 1000:,.0f} ms)")
    verdict = "PASS" if ratio >= GOAL_RATIO else "FAIL"
    print(f"     {verdict} dbt / cartridge_test_run = {ratio:.1f}x (goal >= {GOAL_RATIO:.0f}x)")
    if len(ours) != nodes:
        failures.append(f"{label}: {len(ours)} results for {nodes} nodes")
    if check_agreement:
        try:
            assert_agree(ours, theirs)
        except AssertionError as error:
            failures.append(f"{label}: {error}")
    else:
        built = sum(1 for (k, _), (s, _) in ours.items() if s in ("success", "pass"))
        dbt_built = sum(1 for (k, _), (s, _) in theirs.items() if s in ("success", "pass"))
        if built != dbt_built:
            failures.append(f"{label}: {built} nodes succeed here, {dbt_built} with dbt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    failures: list[str] = []
    # A test run is one transaction: each model it builds stays locked until the end (the
    # 1,000-table project builds 1,761 relations, and a table has a TOAST table and index).
    cluster = Cluster({**CLUSTER_SETTINGS, "max_locks_per_transaction": "256"}).start()
    try:
        with cluster.connect() as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
        print(f"== cartridge_test_run against dbt run + dbt test: PostgreSQL {version}")
        cluster.create_database("chinook")
        cluster.load_dataset("chinook", "chinook")
        with cluster.connect("chinook") as conn:
            conn.execute("CREATE EXTENSION cartridge")
            conn.execute("SELECT cartridge_scan()")
        measure(cluster, "chinook", "Chinook", args.runs, failures, check_agreement=True)

        seconds = create_database(cluster, "bench", args.tables)
        with cluster.connect("bench") as conn:
            print(f"   synthetic schema of {args.tables:,} tables made in {seconds:.1f} s: {counts(conn)}")
            conn.execute("SELECT cartridge_scan(NULL, '{\"profile\": false}')")
        measure(cluster, "bench", f"synthetic, {args.tables:,} tables", args.runs, failures, check_agreement=False)
    finally:
        cluster.destroy()
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
