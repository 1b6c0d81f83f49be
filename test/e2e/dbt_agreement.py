"""Results of real dbt (target/run_results.json, names from target/manifest.json) next to
those of cartridge_test_run, node by node."""
from __future__ import annotations

import json


def dbt_results(project) -> dict[tuple[str, str], tuple[str, int | None]]:
    """(kind, name) -> (status, failures) of the nodes of dbt's last command."""
    manifest = json.loads((project / "target" / "manifest.json").read_text())
    results = json.loads((project / "target" / "run_results.json").read_text())
    out = {}
    for r in results["results"]:
        node = manifest["nodes"].get(r["unique_id"])
        if node is None or node["resource_type"] not in ("model", "test"):
            continue
        failures = r.get("failures")
        if node["resource_type"] == "model" or r["status"] in ("error", "skipped"):
            failures = None
        out[(node["resource_type"], node["name"])] = (r["status"], failures)
    return out


def cartridge_results(conn, project_id: int, options: str = "{}") -> dict[tuple[str, str], tuple[str, int | None]]:
    rows = conn.execute("SELECT kind, name, status, failures FROM cartridge_test_run(%s, %s)",
                        (project_id, options)).fetchall()
    out = {(kind, name): (status, failures) for kind, name, status, failures in rows}
    assert len(out) == len(rows), "two nodes of one name"
    return out


def assert_agree(ours: dict, dbt: dict, kinds=("model", "test")) -> None:
    """Every node of the given kinds: same names, statuses and failure counts."""
    mine = {k: v for k, v in ours.items() if k[0] in kinds}
    theirs = {k: v for k, v in dbt.items() if k[0] in kinds}
    only_ours = sorted(set(mine) - set(theirs))
    only_dbt = sorted(set(theirs) - set(mine))
    differ = sorted((k, mine[k], theirs[k]) for k in set(mine) & set(theirs) if mine[k] != theirs[k])
    assert not (only_ours or only_dbt or differ), (
        f"cartridge_test_run and dbt disagree:\n only ours: {only_ours}\n only dbt's: {only_dbt}\n"
        f" differ (ours, dbt's): {differ}")
