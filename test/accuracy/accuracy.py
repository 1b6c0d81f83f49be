"""Accuracy of relationship inference and classification, measured on the sample databases.

For each dataset with declared foreign keys (chinook, northwind, tpch) a copy is made with
every foreign key dropped (primary and unique keys kept), scanned, and the inferred edges are
compared with the declared ones: precision, recall, F1, and the misses. A second mode also
drops primary keys, unique constraints and unique indexes. jaffle_shop (no constraints at
all) must give exactly its two documented edges. A names-only rule of the SchemaCrawler kind
(<table>_id or <table>id matching a primary key) is shown as a baseline. Classification
labels come from test/data/classification_labels.csv.

    .venv/bin/python test/accuracy/accuracy.py            # report, exit 1 when a bar fails
    .venv/bin/python test/accuracy/accuracy.py --json     # the figures as JSON

test/e2e/test_accuracy.py asserts the same bars inside `make test`.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import itertools
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "test" / "e2e"))

from cluster import Cluster  # noqa: E402

DATASETS_WITH_FKS = ["chinook", "northwind", "tpch"]
JAFFLE_EXPECTED = {
    ("jaffle_shop", "raw_orders", ("user_id",), "jaffle_shop", "raw_customers", ("id",)),
    ("jaffle_shop", "raw_payments", ("order_id",), "jaffle_shop", "raw_orders", ("id",)),
}
LABELS = ROOT / "test" / "data" / "classification_labels.csv"

# The bars the issue sets (keys kept).
MIN_RECALL = 0.95
MIN_PRECISION = 0.90
MIN_CLASSIFICATION_ACCURACY = 0.90

Edge = tuple  # (from_schema, from_table, from_columns, to_schema, to_table, to_columns)

_copies = itertools.count()


@dataclasses.dataclass
class Result:
    dataset: str
    mode: str
    expected: set
    inferred: set
    evidence: dict
    classification: dict  # table -> label

    @property
    def true_positives(self) -> set:
        return self.expected & self.inferred

    @property
    def precision(self) -> float:
        return len(self.true_positives) / len(self.inferred) if self.inferred else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return len(self.true_positives) / len(self.expected) if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def misses(self) -> list:
        return sorted(self.expected - self.inferred)

    @property
    def false_positives(self) -> list:
        return sorted(self.inferred - self.expected)

    def figures(self) -> dict:
        return {"dataset": self.dataset, "mode": self.mode, "expected": len(self.expected),
                "inferred": len(self.inferred), "true_positives": len(self.true_positives),
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "misses": [edge_text(e) for e in self.misses],
                "false_positives": [edge_text(e) + f"  {self.evidence.get(e, '')}" for e in self.false_positives]}


def edge_text(e: Edge) -> str:
    return f"{e[1]}({', '.join(e[2])}) -> {e[4]}({', '.join(e[5])})"


# -- database side -------------------------------------------------------------------------
def declared_edges(conn) -> set:
    rows = conn.execute("""
        SELECT n.nspname, c.relname,
               ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o),
               fn.nspname, f.relname,
               ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o)
          FROM pg_constraint k
          JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_class f ON f.oid = k.confrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
         WHERE k.contype = 'f'""").fetchall()
    return {(r[0], r[1], tuple(r[2]), r[3], r[4], tuple(r[5])) for r in rows}


def drop_constraints(conn, keys: bool) -> None:
    """Drops every foreign key; with keys, also primary keys, unique constraints and unique
    indexes: what a schema loaded by an EL tool looks like."""
    def drop(contypes: str) -> None:
        for schema, table, name in conn.execute(f"""
                SELECT n.nspname, c.relname, k.conname FROM pg_constraint k
                  JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE k.contype IN ({contypes}) AND n.nspname NOT IN ('pg_catalog', 'cartridge')""").fetchall():
            conn.execute(f'ALTER TABLE "{schema}"."{table}" DROP CONSTRAINT "{name}"')
    drop("'f'")
    if keys:
        drop("'p', 'u'")
        for schema, index in conn.execute("""
                SELECT n.nspname, ic.relname FROM pg_index i
                  JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                 WHERE i.indisunique AND n.nspname NOT IN ('pg_catalog', 'pg_toast', 'cartridge')""").fetchall():
            conn.execute(f'DROP INDEX "{schema}"."{index}"')


def scan(conn, options: dict | None = None) -> tuple[set, dict, dict, int]:
    scan_id = conn.execute("SELECT cartridge_scan(NULL, %s::jsonb)", (json.dumps(options or {}),)).fetchone()[0]
    inferred, evidence = set(), {}
    for row in conn.execute("""
            SELECT from_schema, from_table, from_columns, to_schema, to_table, to_columns, confidence,
                   evidence->'signals', evidence->'containment'->'ratio'
              FROM cartridge.relationships WHERE scan_id = %s AND source = 'inferred'""", (scan_id,)):
        edge = (row[0], row[1], tuple(row[2]), row[3], row[4], tuple(row[5]))
        inferred.add(edge)
        evidence[edge] = f"confidence {row[6]:.2f}, signals {row[7]}, containment {row[8]}"
    labels = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT schema_name, table_name, classification FROM cartridge.relations WHERE scan_id = %s", (scan_id,))}
    return inferred, evidence, labels, scan_id


def names_only_baseline(conn, scan_id: int) -> set:
    """SchemaCrawler's rule: a column named <table>_id or <table>id (any case, table name
    singular or plural) refers to that table's one-column primary key."""
    pks = {}
    for schema, table, columns in conn.execute("""
            SELECT schema_name, table_name, columns FROM cartridge.constraints
             WHERE scan_id = %s AND constraint_type = 'primary_key'""", (scan_id,)):
        if len(columns) == 1:
            for name in {table.lower(), table.lower().rstrip("s")}:
                pks.setdefault(name, (schema, table, tuple(columns)))
    edges = set()
    for schema, table, column in conn.execute(
            "SELECT schema_name, table_name, column_name FROM cartridge.columns WHERE scan_id = %s", (scan_id,)):
        name = column.lower()
        stem = name[:-3] if name.endswith("_id") else name[:-2] if name.endswith("id") else None
        target = pks.get(stem) if stem else None
        if target and target[1] != table:
            edges.add((schema, table, (column,), *target))
    return edges


def fresh_copy(cluster: Cluster, template: str, dataset: str) -> str:
    name = f"acc_{dataset}_{next(_copies)}"
    cluster.create_database(name, template)
    return name


def evaluate(cluster: Cluster, template: str, dataset: str, mode: str) -> tuple[Result, set]:
    """Scans a copy of the dataset with its constraints dropped as `mode` says
    ("keys_kept", "keys_dropped" or "declared" for the untouched schema). Returns the
    result and the names-only baseline's edges on the same copy."""
    name = fresh_copy(cluster, template, dataset)
    try:
        with cluster.connect(name) as conn:
            expected = declared_edges(conn) if dataset != "jaffle_shop" else set(JAFFLE_EXPECTED)
            if mode != "declared":
                drop_constraints(conn, keys=(mode == "keys_dropped"))
            conn.execute("ANALYZE")  # deterministic statistics, whatever autovacuum did
            conn.execute("CREATE EXTENSION IF NOT EXISTS cartridge")
            inferred, evidence, labels, scan_id = scan(conn)
            if mode == "declared":
                inferred = {e for e in expected}  # declared edges are stored as such, not inferred
            baseline = names_only_baseline(conn, scan_id)
        return Result(dataset, mode, expected, inferred, evidence, labels), baseline
    finally:
        cluster.drop_database(name)


def load_labels() -> dict:
    labels = {}
    with open(LABELS, newline="") as f:
        for row in csv.DictReader(f):
            labels.setdefault(row["dataset"], {})[(row["schema"], row["table"])] = row["label"]
    return labels


def classification_accuracy(result: Result, labels: dict) -> tuple[float, list]:
    wanted = labels.get(result.dataset, {})
    wrong = [f"{t}: {result.classification.get((s, t))} (labelled {label})"
             for (s, t), label in sorted(wanted.items()) if result.classification.get((s, t)) != label]
    return (1 - len(wrong) / len(wanted) if wanted else 1.0), wrong


# -- report --------------------------------------------------------------------------------
def run(cluster: Cluster, template_of) -> dict:
    labels = load_labels()
    report = {"inference": [], "baseline": [], "classification": [], "jaffle_shop": None}
    for dataset in DATASETS_WITH_FKS:
        for mode in ("keys_kept", "keys_dropped"):
            result, baseline = evaluate(cluster, template_of(dataset), dataset, mode)
            report["inference"].append(result.figures())
            if mode == "keys_kept":
                base = Result(dataset, "names_only_baseline", result.expected, baseline, {}, {})
                report["baseline"].append(base.figures())
            accuracy, wrong = classification_accuracy(result, labels)
            report["classification"].append({"dataset": dataset, "mode": mode, "edges": "inferred",
                                             "accuracy": round(accuracy, 4), "wrong": wrong,
                                             "tables": len(labels.get(dataset, {}))})
        declared, _ = evaluate(cluster, template_of(dataset), dataset, "declared")
        accuracy, wrong = classification_accuracy(declared, labels)
        report["classification"].append({"dataset": dataset, "mode": "declared", "edges": "declared",
                                         "accuracy": round(accuracy, 4), "wrong": wrong,
                                         "tables": len(labels.get(dataset, {}))})
    jaffle, _ = evaluate(cluster, template_of("jaffle_shop"), "jaffle_shop", "keys_kept")
    report["jaffle_shop"] = jaffle.figures()
    accuracy, wrong = classification_accuracy(jaffle, labels)
    report["classification"].append({"dataset": "jaffle_shop", "mode": "as loaded", "edges": "inferred",
                                     "accuracy": round(accuracy, 4), "wrong": wrong,
                                     "tables": len(labels.get("jaffle_shop", {}))})
    # Overall accuracy per mode over every labelled table; jaffle_shop (no constraints to
    # drop) counts the same in every mode.
    for mode in ("keys_kept", "keys_dropped", "declared"):
        rows = [c for c in report["classification"] if c["mode"] in (mode, "as loaded")]
        tables = sum(c["tables"] for c in rows)
        right = sum(round(c["accuracy"] * c["tables"]) for c in rows)
        report.setdefault("classification_overall", {})[mode] = round(right / tables, 4) if tables else None
    return report


def failures(report: dict) -> list[str]:
    out = []
    for r in report["inference"]:
        if r["mode"] == "keys_kept" and (r["recall"] < MIN_RECALL or r["precision"] < MIN_PRECISION):
            out.append(f"{r['dataset']} keys kept: precision {r['precision']}, recall {r['recall']}")
    for r in report["baseline"]:
        if r["dataset"] == "tpch" and r["true_positives"] > 0:
            out.append("the names-only baseline found a TPC-H edge")
    j = report["jaffle_shop"]
    if j["precision"] != 1.0 or j["recall"] != 1.0:
        out.append(f"jaffle_shop: misses {j['misses']}, false positives {j['false_positives']}")
    overall = report["classification_overall"]
    for mode in ("keys_kept", "declared"):
        if overall[mode] < MIN_CLASSIFICATION_ACCURACY:
            out.append(f"classification accuracy ({mode}) {overall[mode]} < {MIN_CLASSIFICATION_ACCURACY}")
    return out


def print_report(report: dict) -> None:
    print("Relationship inference (edges compared with the declared foreign keys)")
    print(f"{'dataset':<12} {'mode':<22} {'expected':>8} {'inferred':>8} {'TP':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for r in report["inference"] + report["baseline"] + [report["jaffle_shop"]]:
        print(f"{r['dataset']:<12} {r['mode']:<22} {r['expected']:>8} {r['inferred']:>8} {r['true_positives']:>4} "
              f"{r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f}")
    for r in report["inference"] + [report["jaffle_shop"]]:
        for miss in r["misses"]:
            print(f"  miss  {r['dataset']} {r['mode']}: {miss}")
        for fp in r["false_positives"]:
            print(f"  extra {r['dataset']} {r['mode']}: {fp}")
    print("\nClassification (labels: test/data/classification_labels.csv)")
    for c in report["classification"]:
        print(f"{c['dataset']:<12} {c['mode']:<13} edges {c['edges']:<9} accuracy {c['accuracy']:.3f} "
              f"({c['tables']} tables)")
        for w in c["wrong"]:
            print(f"  wrong {w}")
    print("overall:", json.dumps(report["classification_overall"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    cluster = Cluster().start()
    try:
        templates = {}

        def template_of(dataset: str) -> str:
            if dataset not in templates:
                name = f"template_{dataset}"
                cluster.create_database(name)
                cluster.load_dataset(name, dataset)
                templates[dataset] = name
            return templates[dataset]

        report = run(cluster, template_of)
    finally:
        cluster.destroy()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    failed = failures(report)
    for f in failed:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
