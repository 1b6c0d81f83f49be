"""Relationship inference and classification on large schemas: 1,000 and 10,000 tables with
no declared foreign keys, scanned in one run; prints the time of each step and the growth
ratio from 1,000 to 10,000 tables (linear is 10x, quadratic would be 100x), with the
precision and recall of the inferred edges against the edges the generator meant.

    .venv/bin/python test/bench/inference_bench.py [--sizes 1000 10000] [--profile]

The generated tables follow common conventions: surrogate "id" keys or "<entity>_id" keys,
"<entity>_id" references, role-prefixed references ("billing_<entity>_id"), "parent_id"
self references, "created_by" to users, and columns that only look like references
("external_id", "session_id"). Names are pronounceable made-up words, all distinct.
"""
from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import random
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))

from cluster import Cluster  # noqa: E402

SETTINGS = {"autovacuum": "off", "shared_buffers": "'512MB'", "max_wal_size": "'8GB'",
            "synchronous_commit": "off", "checkpoint_timeout": "'1h'", "max_locks_per_transaction": "4096"}

SYLLABLES = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "vi", "de", "na", "pu", "ge", "zo", "fi", "ha",
             "ju", "ne", "ta", "mo", "li", "ru", "ke", "da", "po"]
# Words an entity name must not be: they mean something to the naming rules.
RESERVED = {"id", "key", "no", "to", "by"}


def entity_names(n: int, rng: random.Random) -> list[str]:
    words = ["".join(p) for p in itertools.product(SYLLABLES, repeat=3)]
    words = [w for w in words if w not in RESERVED]
    rng.shuffle(words)
    if n > len(words):
        raise ValueError(f"at most {len(words)} tables")
    return words[:n]


def generate(n_tables: int, seed: int = 7) -> tuple[str, set]:
    """DDL for n_tables tables and the set of edges it means, as
    (from_table, from_column, to_table, to_column)."""
    rng = random.Random(seed)
    names = entity_names(n_tables - 1, rng)
    ddl = ["CREATE SCHEMA app;",
           "CREATE TABLE app.users (id bigint PRIMARY KEY, email text, name text, created_at timestamptz);"]
    tables = [("users", "id")]
    expected = set()
    for i, word in enumerate(names):
        table = word + "s"
        key = "id" if i % 2 == 0 else f"{word}_id"
        columns = [f"{key} bigint PRIMARY KEY", "name text", "status text", "created_at timestamptz"]
        # References to earlier tables only, so every target exists.
        for _ in range(rng.choice([0, 1, 1, 2, 3])) if tables[1:] else []:
            target, target_key = rng.choice(tables[1:])
            target_word = target[:-1]
            column = f"{target_word}_id"
            if rng.random() < 0.15:
                column = f"billing_{target_word}_id"
            if column in (c.split()[0] for c in columns):
                continue
            columns.append(f"{column} bigint")
            expected.add((table, column, target, target_key))
        if rng.random() < 0.1:
            columns.append("parent_id bigint")
            expected.add((table, "parent_id", table, key))
        if rng.random() < 0.3:
            columns.append("created_by bigint")
            expected.add((table, "created_by", "users", "id"))
        if rng.random() < 0.2:
            columns.append("external_id text")
        if rng.random() < 0.2:
            columns.append("amount numeric(12,2)")
        ddl.append(f"CREATE TABLE app.{table} ({', '.join(columns)});")
        tables.append((table, key))
    return "\n".join(ddl), expected


def scan(conn, options: dict) -> dict:
    started = time.perf_counter()
    scan_id = conn.execute("SELECT cartridge_scan(ARRAY['app'], %s::jsonb)", (json.dumps(options),)).fetchone()[0]
    wall = (time.perf_counter() - started) * 1000
    stats = conn.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]
    edges = {(r[0], r[1][0], r[2], r[3][0]) for r in conn.execute(
        """SELECT from_table, from_columns, to_table, to_columns FROM cartridge.relationships
            WHERE scan_id = %s AND source = 'inferred' AND cardinality(from_columns) = 1""", (scan_id,))}
    return {"wall_ms": wall, "stats": stats, "edges": edges}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--profile", action="store_true", help="also scan with profiling on (empty tables)")
    args = parser.parse_args()

    cluster = Cluster(SETTINGS).start()
    results = {}
    try:
        for n in args.sizes:
            ddl, expected = generate(n)
            db = f"bench_{n}"
            cluster.create_database(db)
            with cluster.connect(db) as conn:
                started = time.perf_counter()
                conn.execute("CREATE EXTENSION cartridge")
                with conn.transaction():
                    conn.execute(ddl)
                print(f"generated {n:,} tables ({len(expected):,} meant edges) in "
                      f"{time.perf_counter() - started:.1f} s", flush=True)
                modes = {"names": {"profile": False}}
                if args.profile:
                    modes["profile"] = {}
                for mode, options in modes.items():
                    scan(conn, options)  # warm-up: catalog caches
                    r = scan(conn, options)
                    tp = len(r["edges"] & expected)
                    r["precision"] = tp / len(r["edges"]) if r["edges"] else 0.0
                    r["recall"] = tp / len(expected) if expected else 1.0
                    r["misses"] = sorted(expected - r["edges"])[:3]
                    r["extra"] = sorted(r["edges"] - expected)[:3]
                    results[n, mode] = r
    finally:
        cluster.destroy()

    steps = ["load_scan", "candidates", "containment", "decide", "store_edges", "classification", "profile"]
    for (n, mode), r in sorted(results.items()):
        t = r["stats"]["timings_ms"]
        inference = sum(t.get(s, 0) for s in ("load_scan", "candidates", "containment", "decide", "store_edges"))
        r["inference_ms"] = inference
        print(f"{n:>6} tables, {mode:<7}: scan {r['wall_ms']:8.0f} ms; inference {inference:8.1f} ms "
              f"(" + ", ".join(f"{s} {t[s]:.1f}" for s in steps if s in t) + f"); "
              f"precision {r['precision']:.3f}, recall {r['recall']:.3f}, "
              f"{r['stats']['inference'].get('inferred', 0)} edges")
        for miss in r["misses"]:
            print(f"         miss  {miss}")
        for extra in r["extra"]:
            print(f"         extra {extra}")
    sizes = sorted(args.sizes)
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        for mode in ("names", "profile"):
            if (small, mode) in results and (big, mode) in results:
                a, b = results[small, mode], results[big, mode]
                print(f"growth {small:,} -> {big:,} tables ({big / small:.0f}x), {mode}: "
                      f"inference {b['inference_ms'] / a['inference_ms']:.1f}x, "
                      f"candidates {b['stats']['timings_ms']['candidates'] / max(a['stats']['timings_ms']['candidates'], 1e-3):.1f}x, "
                      f"whole scan {b['wall_ms'] / a['wall_ms']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
