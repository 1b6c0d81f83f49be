"""AI providers: how well a generation uses concurrent requests, and whether the backend's
memory stays flat across generations.

One throw-away cluster, the synthetic schema at --tables tables (scanned once, no
profiling), the fake provider server (test/e2e/fake_ai.py) answering every request after
--latency seconds. Measured in the same run:

  builtin   = client time of cartridge_generate(scan, 'builtin', async => false)
  ai(c)     = client time of cartridge_generate(scan, 'openai', async => false) with
              cartridge.max_concurrent_requests = c, for c = 1 and c = --concurrency
  ideal(c)  = builtin + (ceil(relations / c) + 1) x latency   (the describe requests in
              waves of c, then the README overview, and nothing else)
  efficiency(c) = ideal(c) / ai(c)                          goal at c = 8: >= 0.8

Memory: the backend's private resident memory (RssAnon of pg_backend_pid(); VmRSS would also
count the shared buffers it touches) after each of --rounds AI generations in one session,
then as many builtin ones; growth from the second AI round to the last, against the first
round's footprint: goal < 10% (flat: nothing kept from one generation to the next).

Correctness (non-zero exit): every generation succeeded with one request per relation plus
the overview, every request answered on the first attempt; the fake server saw at most c
requests at once, and at least c when c > 1; no crash in the server log.

    .venv/bin/python test/bench/ai_bench.py [--tables 100] [--latency 0.2] [--concurrency 8] [--rounds 5]
"""
from __future__ import annotations

import argparse
import math
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

from cluster import Cluster, crash_lines  # noqa: E402
from fake_ai import FakeAI  # noqa: E402
from synthetic_schema import CLUSTER_SETTINGS, create_database  # noqa: E402

GOAL_EFFICIENCY = 0.8
GOAL_GROWTH = 0.10
KEY = "sk-bench"


def rss_kib(conn) -> int:
    """The backend's private resident memory (RssAnon): VmRSS also counts the pages of
    shared_buffers it has touched, which grow with every new row it writes and are not its
    own memory."""
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    raise RuntimeError("no RssAnon")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    failures: list[str] = []
    began = time.perf_counter()
    cluster = Cluster(CLUSTER_SETTINGS).start()
    try:
        create_database(cluster, "ai", args.tables)
        with FakeAI(keys={"openai": KEY}) as fake, cluster.connect("ai") as conn:
            conn.execute(f"ALTER SYSTEM SET cartridge.openai_api_key = '{KEY}'")
            conn.execute(f"ALTER SYSTEM SET cartridge.openai_base_url = '{fake.openai_base_url}'")
            conn.execute("SELECT pg_reload_conf()")
            time.sleep(0.2)
            scan = conn.execute("SELECT cartridge_scan(NULL, '{\"profile\": false}')").fetchone()[0]
            relations = conn.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s AND can_select",
                                     (scan,)).fetchone()[0]

            def timed(provider: str) -> tuple[float, int]:
                started = time.perf_counter()
                project = conn.execute("SELECT cartridge_generate(%s, %s, '{}', false)",
                                       (scan, provider)).fetchone()[0]
                return time.perf_counter() - started, project

            builtin = statistics.median(timed("builtin")[0] for _ in range(3))
            results = {}
            for c in sorted({1, args.concurrency}):
                conn.execute(f"SET cartridge.max_concurrent_requests = {c}")
                fake.latency = args.latency
                fake.max_in_flight = 0
                fake.clear()
                seconds, project = timed("openai")
                requests = conn.execute("SELECT count(*), max(attempts), bool_and(status = 'succeeded')"
                                        " FROM cartridge.ai_requests WHERE project_id = %s", (project,)).fetchone()
                if requests != (relations + 1, 1, True):
                    failures.append(f"c={c}: requests (count, max attempts, all succeeded) = {requests}, "
                                    f"expected ({relations + 1}, 1, True)")
                if fake.max_in_flight > c or (c > 1 and fake.max_in_flight < c):
                    failures.append(f"c={c}: the server saw {fake.max_in_flight} requests at once")
                ideal = builtin + (math.ceil(relations / c) + 1) * args.latency
                results[c] = (seconds, ideal, fake.max_in_flight)

            conn.execute(f"SET cartridge.max_concurrent_requests = {args.concurrency}")
            fake.latency = 0.0
            rss, builtin_rss = [], []
            for _ in range(args.rounds):
                timed("openai")
                conn.execute("DELETE FROM cartridge.projects")
                rss.append(rss_kib(conn))
            for _ in range(args.rounds):  # the same without AI: what any generation costs
                timed("builtin")
                conn.execute("DELETE FROM cartridge.projects")
                builtin_rss.append(rss_kib(conn))
        if crash_lines(cluster.log_text()):
            failures.append("the server crashed: " + "; ".join(crash_lines(cluster.log_text())))
    finally:
        cluster.destroy()

    print(f"== AI providers: {relations} relations ({args.tables} tables), fake server latency "
          f"{args.latency * 1000:.0f} ms, openai wire format")
    print(f"   builtin generation: {builtin * 1000:.0f} ms (median of 3)")
    for c, (seconds, ideal, seen) in results.items():
        print(f"   concurrency {c}: {seconds:.2f} s, ideal {ideal:.2f} s, efficiency {ideal / seconds:.2f}, "
              f"at most {seen} requests in flight")
    growth = (rss[-1] - rss[1]) / rss[0] if len(rss) > 2 else 0.0
    print(f"   backend RSS after each of {len(rss)} AI generations (KiB): {rss}")
    print(f"   then after each of {len(builtin_rss)} builtin generations (KiB): {builtin_rss}")
    seconds, ideal, _ = results[args.concurrency]
    bars = [
        (f"efficiency at {args.concurrency} concurrent", f"{ideal / seconds:.2f} ({ideal:.2f} s / {seconds:.2f} s)",
         f">= {GOAL_EFFICIENCY}", ideal / seconds >= GOAL_EFFICIENCY),
        ("memory growth, rounds 2..last", f"{growth * 100:+.1f}% of {rss[0] / 1024:.0f} MiB",
         f"< {GOAL_GROWTH * 100:.0f}%", growth < GOAL_GROWTH),
    ]
    print("\n   bar                              measured                         goal      result")
    for name, measured, goal, ok in bars:
        print(f"   {name:<32} {measured:<32} {goal:<9} {'PASS' if ok else 'FAIL'}")
    print(f"   whole run: {time.perf_counter() - began:.0f} s")
    for failure in failures:
        print(f"!! {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
