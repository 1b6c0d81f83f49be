"""cartridge_diff and cartridge_erd end to end: a migration applied between two scans gives
exactly its changes (renames as renames, by oid and attnum); identical scans give none;
scans the caller cannot see, or of two databases, are errors; every diagram of the e2e
datasets is accepted by Graphviz's dot and by Mermaid's own parser."""
from __future__ import annotations

import json
import subprocess

import psycopg
import pytest

from cluster import ROOT
from test_generate_dbt import AWKWARD_EXTRAS

BEFORE = """
CREATE TABLE customer (id integer PRIMARY KEY, name text, tier text CHECK (tier IN ('gold', 'silver')));
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, amount integer, note text);
CREATE INDEX orders_note_idx ON orders (note);
CREATE TABLE legacy (id integer PRIMARY KEY, label text);
CREATE TABLE tmp_items (id integer PRIMARY KEY, label text);
"""

MIGRATION = """
CREATE TABLE shipment (id integer PRIMARY KEY, shipped_on date);
DROP TABLE legacy;
ALTER TABLE tmp_items RENAME TO items;
ALTER TABLE customer RENAME COLUMN name TO full_name;
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10, 2);
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer;
DROP INDEX orders_note_idx;
ALTER TABLE customer DROP CONSTRAINT customer_tier_check,
    ADD CONSTRAINT customer_tier_check CHECK (tier IN ('gold', 'silver', 'bronze'));
"""

SCAN = "SELECT cartridge_scan(ARRAY['public'], '{\"profile\": false}')"


def diff(conn, old: int, new: int) -> list[tuple]:
    return conn.execute("SELECT change, object_type, object, detail FROM cartridge_diff(%s, %s)",
                        (old, new)).fetchall()


def test_a_migration_gives_exactly_its_changes(db):
    db.execute(BEFORE)
    first = db.execute(SCAN).fetchone()[0]
    again = db.execute(SCAN).fetchone()[0]
    assert diff(db, first, again) == []
    db.execute(MIGRATION)
    second = db.execute(SCAN).fetchone()[0]
    changes = diff(db, first, second)
    got = {(c, t, o) for c, t, o, _ in changes}
    assert got == {
        ("added", "relation", "public.shipment"),
        ("removed", "relation", "public.legacy"),
        ("renamed", "relation", "public.items"),
        ("renamed", "column", "public.customer.full_name"),
        ("changed", "column", "public.orders.amount"),
        ("changed", "column", "public.orders.note"),
        ("added", "constraint", "public.orders.orders_customer_fk"),
        ("removed", "index", "public.orders.orders_note_idx"),
        ("changed", "constraint", "public.customer.customer_tier_check"),
        # the edge inference found by name is now declared
        ("changed", "relationship", "public.orders(customer_id) -> public.customer(id)"),
    }, "\n".join(map(str, changes))
    detail = {(c, t, o): d for c, t, o, d in changes}
    assert detail[("renamed", "relation", "public.items")] == {"before": "public.tmp_items", "after": "public.items"}
    assert detail[("renamed", "column", "public.customer.full_name")] == {"before": "name", "after": "full_name"}
    assert detail[("changed", "column", "public.orders.amount")] == {
        "before": {"data_type": "integer"}, "after": {"data_type": "numeric(10,2)"}}
    assert detail[("changed", "column", "public.orders.note")] == {
        "before": {"nullable": True}, "after": {"nullable": False}}
    tier = detail[("changed", "constraint", "public.customer.customer_tier_check")]
    assert "bronze" in json.dumps(tier["after"]) and "bronze" not in json.dumps(tier["before"])
    edge = detail[("changed", "relationship", "public.orders(customer_id) -> public.customer(id)")]
    assert edge["before"]["source"] == "inferred" and edge["after"]["source"] == "declared"


def test_scans_that_cannot_be_compared_are_errors(cluster, make_db):
    name = make_db()
    with cluster.connect(name) as admin:
        admin.execute(BEFORE)
        mine = admin.execute(SCAN).fetchone()[0]
        other_db = admin.execute(SCAN).fetchone()[0]
        admin.execute("UPDATE cartridge.scans SET database_name = 'elsewhere' WHERE id = %s", (other_db,))
        with pytest.raises(psycopg.errors.InvalidParameterValue) as error:
            diff(admin, mine, other_db)
        assert "different databases" in str(error.value) and error.value.diag.message_hint
        with pytest.raises(psycopg.errors.UndefinedObject):
            diff(admin, mine, 424242)
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            admin.execute("SELECT * FROM cartridge_diff(NULL, %s)", (mine,))
        admin.execute("DROP ROLE IF EXISTS drift_other; CREATE ROLE drift_other LOGIN;"
                      " GRANT SELECT ON ALL TABLES IN SCHEMA public TO drift_other")
    try:
        with cluster.connect(name, user="drift_other") as other:
            theirs = other.execute(SCAN).fetchone()[0]
            assert diff(other, theirs, theirs) == []
            for pair in ((mine, theirs), (theirs, mine)):
                with pytest.raises(psycopg.errors.UndefinedObject):
                    diff(other, *pair)
            with pytest.raises(psycopg.errors.UndefinedObject):
                other.execute("SELECT cartridge_erd(%s)", (mine,))
    finally:
        with cluster.connect(name) as admin:
            admin.execute("DROP OWNED BY drift_other; DROP ROLE drift_other")


def check_with_real_tools(tmp_path, name: str, dot: str, mermaid: str, tables: int) -> None:
    dot_file = tmp_path / f"{name}.dot"
    dot_file.write_text(dot)
    drawn = subprocess.run(["dot", "-Tsvg", str(dot_file)], capture_output=True, text=True, timeout=120)
    assert drawn.returncode == 0 and drawn.stderr == "", f"{name}: {drawn.stderr}\n{dot}"
    assert drawn.stdout.count('class="cluster"') >= 1, name
    mmd = tmp_path / f"{name}.mmd"
    mmd.write_text(mermaid)
    parsed = subprocess.run(["node", str(ROOT / "test" / "diagrams" / "check_mermaid.mjs"), str(mmd)],
                            cwd=ROOT / "test" / "diagrams", capture_output=True, text=True, timeout=120)
    assert parsed.returncode == 0, f"{name}: {parsed.stdout}{parsed.stderr}\n{mermaid}"
    result = json.loads(parsed.stdout.splitlines()[0])
    assert result["ok"] and result["type"] == "er" and result["entities"] == tables, result


@pytest.mark.parametrize("dataset", ["chinook", "northwind", "jaffle_shop", "awkward", "broken"])
def test_every_diagram_of_the_datasets_is_accepted_by_dot_and_mermaid(cluster, make_db, tmp_path, dataset):
    name = make_db(dataset)
    with cluster.connect(name) as conn:
        if dataset == "awkward":
            conn.execute(AWKWARD_EXTRAS)
        scan = conn.execute("SELECT cartridge_scan()").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s", (scan,)).fetchone()[0]
        for options in ("{}", '{"columns": "all"}', '{"columns": "none", "include_inferred": false}'):
            dot = conn.execute("SELECT cartridge_erd(%s, 'dot', %s)", (scan, options)).fetchone()[0]
            mermaid = conn.execute("SELECT cartridge_erd(%s, 'mermaid', %s)", (scan, options)).fetchone()[0]
            check_with_real_tools(tmp_path, f"{dataset}{len(options)}", dot, mermaid, min(tables, 100))
        # cut to the most connected, and says so
        cut = conn.execute("SELECT cartridge_erd(%s, 'mermaid', '{\"max_tables\": 3}')", (scan,)).fetchone()[0]
        check_with_real_tools(tmp_path, f"{dataset}_cut",
                              conn.execute("SELECT cartridge_erd(%s, 'dot', '{\"max_tables\": 3}')",
                                           (scan,)).fetchone()[0], cut, min(tables, 3))
        if tables > 3:
            assert "of " in cut and "most connected" in cut, cut
        with pytest.raises(psycopg.errors.InvalidParameterValue) as error:
            conn.execute("SELECT cartridge_erd(%s, 'svg')", (scan,))
        assert error.value.diag.message_hint
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT cartridge_erd(%s, 'dot', '{\"colour\": 1}')", (scan,))
