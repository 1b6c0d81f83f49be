"""What a generated project is made of, read as a dbt user would: models per layer, tests,
and marts that add nothing to a staging model.

A mart "copies" a staging model when its lineage (following ref() through intermediate
models) reaches exactly one staging model, no model on the way joins or aggregates, and its
columns are a subset of that staging model's. Columns are read from the relations dbt
built (information_schema), joins and aggregates from the models' SQL.

    .venv/bin/python test/e2e/project_shape.py        # prints the table for the datasets
"""
from __future__ import annotations

import re
import sys

REF = re.compile(r"ref\('([^']+)'\)")
JOIN = re.compile(r"\bjoin\b", re.IGNORECASE)
AGGREGATE = re.compile(r"\bgroup\s+by\b|\b(count|sum|min|max|avg)\s*\(", re.IGNORECASE)


def models_of(conn, project_id: int) -> dict[str, dict]:
    rows = conn.execute("SELECT name, layer, sql FROM cartridge.models WHERE project_id = %s",
                        (project_id,)).fetchall()
    return {name: {"layer": layer, "sql": sql, "refs": REF.findall(sql)} for name, layer, sql in rows}


def built_columns(conn, schema: str = "analytics") -> dict[str, list[str]]:
    """Columns of the relations dbt built in schema, by relation name."""
    out: dict[str, list[str]] = {}
    for table, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s "
            "ORDER BY table_name, ordinal_position", (schema,)):
        out.setdefault(table, []).append(column)
    return out


def lineage(models: dict[str, dict], name: str) -> tuple[set[str], bool]:
    """Staging models reached from name, and whether any model on the way joins or
    aggregates."""
    staging: set[str] = set()
    combines = False
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen or current not in models:
            continue
        seen.add(current)
        m = models[current]
        if m["layer"] == "staging":
            staging.add(current)
            continue
        combines = combines or bool(JOIN.search(m["sql"]) or AGGREGATE.search(m["sql"]))
        todo.extend(m["refs"])
    return staging, combines


def copied_marts(models: dict[str, dict], columns: dict[str, list[str]]) -> list[str]:
    """Marts that select a subset of one staging model's columns, with no join nor aggregate."""
    copies = []
    for name, m in models.items():
        if m["layer"] != "marts":
            continue
        staging, combines = lineage(models, name)
        if len(staging) == 1 and not combines:
            (stg,) = staging
            if set(columns.get(name, [])) <= set(columns.get(stg, [])):
                copies.append(name)
    return sorted(copies)


def shape(conn, project_id: int, columns: dict[str, list[str]]) -> dict:
    models = models_of(conn, project_id)
    layers = {layer: sum(1 for m in models.values() if m["layer"] == layer)
              for layer in ("staging", "intermediate", "marts")}
    tests = conn.execute("SELECT count(*) FROM cartridge.tests WHERE project_id = %s",
                         (project_id,)).fetchone()[0]
    return {**layers, "copies": copied_marts(models, columns), "tests": tests}


def main() -> int:
    import pathlib
    import subprocess
    import tempfile

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    from cluster import Cluster
    import test_generate_dbt as t

    c = Cluster().start()
    try:
        print("| dataset | staging | intermediate | marts | marts that copy staging | tests |")
        print("|---|---|---|---|---|---|")
        for dataset in t.DATASETS:
            c.create_database(dataset)
            c.load_dataset(dataset, dataset)
            with c.connect(dataset) as conn:
                conn.execute("CREATE EXTENSION cartridge")
                if dataset == "awkward":
                    conn.execute(t.AWKWARD_EXTRAS)
                conn.execute("SELECT cartridge_scan()")
                project_id = t.generate(conn)
                data = t.archive(conn, project_id)
            with tempfile.TemporaryDirectory() as tmp:
                project = t.extract(data, pathlib.Path(tmp))
                env = {**c.env(dataset), "DBT_SCHEMA": "analytics"}
                subprocess.run([str(t.DBT), "run", "--profiles-dir", str(project)], cwd=project, env=env,
                               capture_output=True, check=True)
            with c.connect(dataset) as conn:
                s = shape(conn, project_id, built_columns(conn))
            print(f"| {dataset} | {s['staging']} | {s['intermediate']} | {s['marts']} | "
                  f"{len(s['copies'])} | {s['tests']} |")
    finally:
        c.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
