"""Accuracy of relationship inference and classification, measured on the sample databases.

For each dataset with declared foreign keys (chinook, northwind, tpch) a copy is made with
every foreign key dropped (primary and unique keys kept), scanned, and the inferred edges are
compared with the declared ones: precision, recall, F1, and the misses. A second mode also
drops primary keys, unique constraints and unique indexes. jaffle_shop (no constraints at
all) must give exactly its two documented edges. A names-only rule of the SchemaCrawler kind
(<table>_id or <table>id matching a primary key) is shown as a baseline. Classification
labels come from test/data/classification_labels.csv.

Held-out evaluation (issue 14): each schema in test/data/heldout/ (public schemas inference was
never tuned on; see test/data/README.md) is scanned twice with its foreign keys dropped and
primary/unique keys kept: "ddl_only" (no rows) and "with_rows" (synthetic rows that satisfy
every key, made by test/accuracy/heldout.py before the foreign keys are dropped).

    .venv/bin/python test/accuracy/accuracy.py                  # report, exit 1 when a bar fails
    .venv/bin/python test/accuracy/accuracy.py --json           # the figures as JSON
    .venv/bin/python test/accuracy/accuracy.py --heldout-only   # only the held-out datasets
    .venv/bin/python test/accuracy/accuracy.py --heldout-only --dataset tpcds

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
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "test" / "e2e"))

from cluster import Cluster  # noqa: E402

sys.path.insert(0, str(HERE))
import heldout  # noqa: E402

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

# The held-out bars of issue 14, written down on the day the held-out schemas were added and
# BEFORE any tuning of inference on them (the first run fails them, on purpose). Do not lower
# them to make a run pass; add datasets instead.
HELDOUT_WITH_ROWS_MIN_PRECISION = 0.90
HELDOUT_WITH_ROWS_MIN_RECALL = 0.90
HELDOUT_DDL_ONLY_MIN_PRECISION = 0.85
HELDOUT_DDL_ONLY_MIN_RECALL = 0.70
HELDOUT_MODES = ("ddl_only", "with_rows")
# Calibration (issue 14): inferred edges at or above this confidence (the default
# inferred_warn_below, where their tests become errors) must be right at least this often,
# over every dataset and mode measured.
TRUSTED = 0.9
MIN_TRUSTED_PRECISION = 0.9

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
    confidence: dict = dataclasses.field(default_factory=dict)  # inferred edge -> confidence

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
                "false_positives": [edge_text(e) + f"  {self.evidence.get(e, '')}" for e in self.false_positives],
                "trusted": sum(1 for e in self.inferred if self.confidence.get(e, 0) >= TRUSTED),
                "trusted_right": sum(1 for e in self.inferred & self.expected if self.confidence.get(e, 0) >= TRUSTED)}


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


def scan(conn, options: dict | None = None) -> tuple[set, dict, dict, int, dict]:
    scan_id = conn.execute("SELECT cartridge_scan(NULL, %s::jsonb)", (json.dumps(options or {}),)).fetchone()[0]
    inferred, evidence, confidences = set(), {}, {}
    for row in conn.execute("""
            SELECT from_schema, from_table, from_columns, to_schema, to_table, to_columns, confidence,
                   evidence->'signals', evidence->'containment'->'ratio'
              FROM cartridge.relationships WHERE scan_id = %s AND source = 'inferred'""", (scan_id,)):
        edge = (row[0], row[1], tuple(row[2]), row[3], row[4], tuple(row[5]))
        inferred.add(edge)
        evidence[edge] = f"confidence {row[6]:.2f}, signals {row[7]}, containment {row[8]}"
        confidences[edge] = row[6]
    labels = {(r[0], r[1]): r[2] for r in conn.execute(
        "SELECT schema_name, table_name, classification FROM cartridge.relations WHERE scan_id = %s", (scan_id,))}
    return inferred, evidence, labels, scan_id, confidences


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
            inferred, evidence, labels, scan_id, confidences = scan(conn)
            if mode == "declared":
                inferred = {e for e in expected}  # declared edges are stored as such, not inferred
            baseline = names_only_baseline(conn, scan_id)
        return Result(dataset, mode, expected, inferred, evidence, labels, confidences), baseline
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


def heldout_templates(cluster: Cluster, dataset: str) -> tuple[str, str, "heldout.FillReport", int]:
    """Template databases of a held-out dataset: its schema alone, and the schema with
    synthetic rows (foreign keys still declared while the rows go in). Returns their names, the
    generator's report and the number of tables."""
    ddl, rows = f"heldout_{dataset}_ddl", f"heldout_{dataset}_rows"
    cluster.create_database(ddl)
    cluster.psql(ddl, "-f", str(heldout.schema_file(dataset)))
    cluster.create_database(rows, ddl)
    with cluster.connect(rows) as conn:
        fill = heldout.fill(conn, dataset)
        tables = len(heldout.read_catalog(conn))
    return ddl, rows, fill, tables


def run_heldout(cluster: Cluster, names: list[str]) -> dict:
    report = {"heldout": [], "heldout_baseline": [], "heldout_fill": [], "heldout_misses": {}}
    for dataset in names:
        ddl, rows, fill, tables = heldout_templates(cluster, dataset)
        report["heldout_fill"].append({"dataset": dataset, "tables": tables, "rows": fill.rows,
                                       "seconds": round(fill.seconds, 2), "short": fill.short,
                                       "unfilled_fks": fill.unfilled_fks})
        for mode, template in (("ddl_only", ddl), ("with_rows", rows)):
            started = time.monotonic()
            result, baseline = evaluate(cluster, template, dataset, "keys_kept")
            result.mode = mode
            figures = result.figures()
            figures.update(tables=tables, seconds=round(time.monotonic() - started, 1))
            figures["miss_kinds"] = heldout.kinds_of(result.misses)
            if dataset in heldout.FRESH:  # aggregate figures only: the edges stay unread
                figures.update(misses="hidden", false_positives="hidden", miss_kinds={})
            report["heldout"].append(figures)
            base = Result(dataset, f"{mode} baseline", result.expected, baseline, {}, {})
            report["heldout_baseline"].append(base.figures() | {"tables": tables})
        cluster.drop_database(rows)
        cluster.drop_database(ddl)
    return report


def calibration(report: dict) -> tuple[int, int]:
    """Inferred edges at or above TRUSTED over every dataset and mode, and how many are right."""
    rows = report.get("inference", []) + report.get("heldout", [])
    return sum(r["trusted"] for r in rows), sum(r["trusted_right"] for r in rows)


def heldout_failures(report: dict) -> list[str]:
    out = []
    trusted, right = calibration(report)
    if trusted and right / trusted < MIN_TRUSTED_PRECISION:
        out.append(f"calibration: {right} of {trusted} edges at confidence >= {TRUSTED} are right "
                   f"({right / trusted:.3f} < {MIN_TRUSTED_PRECISION})")
    for r in report.get("heldout", []):
        if r["mode"] == "with_rows":
            bars = (HELDOUT_WITH_ROWS_MIN_PRECISION, HELDOUT_WITH_ROWS_MIN_RECALL)
        else:
            bars = (HELDOUT_DDL_ONLY_MIN_PRECISION, HELDOUT_DDL_ONLY_MIN_RECALL)
        if r["precision"] < bars[0] or r["recall"] < bars[1]:
            out.append(f"held-out {r['dataset']} {r['mode']}: precision {r['precision']} (bar {bars[0]}), "
                       f"recall {r['recall']} (bar {bars[1]})")
    for f in report.get("heldout_fill", []):
        if f["short"] or f["unfilled_fks"]:
            out.append(f"held-out {f['dataset']}: the row generator could not fill every table "
                       f"({'; '.join(f['short'] + f['unfilled_fks'])})")
    return out


def print_heldout(report: dict) -> None:
    print("Held-out schemas (test/data/heldout; foreign keys dropped, primary/unique keys kept)")
    print(f"bars: with_rows precision >= {HELDOUT_WITH_ROWS_MIN_PRECISION} and recall >= "
          f"{HELDOUT_WITH_ROWS_MIN_RECALL}; ddl_only recall >= {HELDOUT_DDL_ONLY_MIN_RECALL} at precision >= "
          f"{HELDOUT_DDL_ONLY_MIN_PRECISION}")
    for f in report["heldout_fill"]:
        print(f"  rows: {f['dataset']}: {f['rows']} synthetic rows in {f['tables']} tables ({f['seconds']} s)")
        for s in f["short"] + f["unfilled_fks"]:
            print(f"    not satisfied: {s}")
    print(f"{'dataset':<18} {'mode':<10} {'tables':>6} {'expected':>8} {'inferred':>8} {'TP':>4} "
          f"{'precision':>9} {'recall':>7} {'F1':>6} | {'baseline P':>10} {'R':>6} {'F1':>6} {'scan s':>7}")
    base = {(b["dataset"], b["mode"].split()[0]): b for b in report["heldout_baseline"]}
    for r in report["heldout"]:
        b = base[(r["dataset"], r["mode"])]
        print(f"{r['dataset']:<18} {r['mode']:<10} {r['tables']:>6} {r['expected']:>8} {r['inferred']:>8} "
              f"{r['true_positives']:>4} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} | "
              f"{b['precision']:>10.3f} {b['recall']:>6.3f} {b['f1']:>6.3f} {r['seconds']:>7.1f}")
    trusted, right = calibration(report)
    rows = report.get("inference", []) + report["heldout"]
    print(f"calibration: {right} of {trusted} inferred edges at confidence >= {TRUSTED} are right "
          f"({right / trusted if trusted else 1:.3f}; bar {MIN_TRUSTED_PRECISION}); per dataset and mode: "
          + ", ".join(f"{r['dataset']} {r['mode']} {r['trusted_right']}/{r['trusted']}" for r in rows if r["trusted"]))
    for r in report["heldout"]:
        if r["dataset"] in heldout.FRESH:
            print(f"  {r['dataset']} {r['mode']}: fresh held-out data, its misses and false positives are not shown")
            continue
        kinds = r["miss_kinds"]
        if kinds:
            print(f"  misses {r['dataset']} {r['mode']} by kind: "
                  + ", ".join(f"{k} {len(v)}" for k, v in sorted(kinds.items(), key=lambda kv: -len(kv[1]))))
        for kind, edges in sorted(kinds.items()):
            for e in edges:
                print(f"  miss  {r['dataset']} {r['mode']} [{kind}]: {e}")
        for fp in r["false_positives"]:
            print(f"  extra {r['dataset']} {r['mode']}: {fp}")


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
    parser.add_argument("--heldout-only", action="store_true",
                        help="evaluate only the held-out datasets (test/data/heldout)")
    parser.add_argument("--dataset", action="append", choices=heldout.datasets(), metavar="NAME",
                        help="held-out dataset to evaluate (repeatable; default: all of "
                             + ", ".join(heldout.datasets()) + ")")
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

        report = {} if args.heldout_only else run(cluster, template_of)
        report.update(run_heldout(cluster, args.dataset or heldout.datasets()))
    finally:
        cluster.destroy()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        if not args.heldout_only:
            print_report(report)
            print()
        print_heldout(report)
    failed = ([] if args.heldout_only else failures(report)) + heldout_failures(report)
    for f in failed:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
