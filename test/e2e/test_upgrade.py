"""ALTER EXTENSION cartridge UPDATE from 0.1.0 to 0.2.0: every row survives with its owner
turned from a role name into the role's oid (0 for a dropped role), the updated catalog
objects are those a fresh 0.2.0 install creates, the library refuses SQL objects of another
version, and after the update no role but the extension's owner writes the tables.

The installed library only serves SQL version 0.2.0, so a 0.1.0 database is filled with
plain SQL as superuser: the rows of a real 0.2.0 database, copied with COPY."""
from __future__ import annotations

import contextlib
import difflib
import re
import subprocess

import psycopg
import pytest

from cluster import PG_BIN

OLD, NEW = "0.1.0", "0.2.0"

# Every table of schema cartridge, parents before children.
TABLES = ["scans", "relations", "columns", "constraints", "indexes", "relationships",
          "projects", "models", "tests", "files", "ai_requests"]
# The owner column of a table: name in 0.1.0, regrole in 0.2.0.
ROLE_COLUMNS = {"scans": "scanned_by", "projects": "submitted_by", "ai_requests": "requested_by"}
IDENTITY_TABLES = ["scans", "projects", "relationships", "tests", "ai_requests"]


# -- helpers ------------------------------------------------------------------------------

@contextlib.contextmanager
def databases(cluster, *names: str):
    """Fresh databases, dropped at the end whatever happens."""
    try:
        for name in names:
            cluster.drop_database(name)
            cluster.create_database(name)
        yield names
    finally:
        for name in names:
            cluster.drop_database(name)


@contextlib.contextmanager
def roles(cluster, *names: str):
    """LOGIN roles (cluster-wide), dropped at the end; their databases must be gone by then."""
    def drop():
        with cluster.connect() as admin:
            for name in names:
                admin.execute(f"DROP ROLE IF EXISTS {name}")
    drop()
    with cluster.connect() as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN")
    try:
        yield names
    finally:
        drop()


def one(conn, query: str, params=None):
    return conn.execute(query, params).fetchone()[0]


def cartridge_tables(conn) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'cartridge' ORDER BY tablename")]


def column_names(conn, table: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
        " AND NOT attisdropped ORDER BY attnum", (f"cartridge.{table}",))]


def primary_key(conn, table: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT a.attname FROM pg_index i"
        " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
        " WHERE i.indrelid = %s::regclass AND i.indisprimary"
        " ORDER BY array_position(i.indkey::int2[], a.attnum)", (f"cartridge.{table}",))]


def snapshot(conn) -> dict[str, list[dict]]:
    """Every row of every cartridge table as to_jsonb, in primary-key order (as superuser:
    row-level security does not filter)."""
    rows = {}
    for table in TABLES:
        key = primary_key(conn, table)
        assert key, f"cartridge.{table} has no primary key"
        order = ", ".join(f"t.{c}" for c in key)
        rows[table] = [r[0] for r in conn.execute(
            f"SELECT to_jsonb(t) FROM cartridge.{table} t ORDER BY {order}")]
    return rows


def copy_rows(src, dst) -> None:
    """Copies every row of every cartridge table from src (0.2.0) into dst (0.1.0), role
    columns as names, identity columns with their values."""
    for table in TABLES:
        columns = column_names(src, table)
        select = ", ".join(f"{c}::text" if c == ROLE_COLUMNS.get(table) else c for c in columns)
        with src.cursor().copy(f"COPY (SELECT {select} FROM cartridge.{table}) TO STDOUT") as out, \
                dst.cursor().copy(f"COPY cartridge.{table} ({', '.join(columns)}) FROM STDIN") as into:
            for data in out:
                into.write(data)
    for table in IDENTITY_TABLES:
        dst.execute(f"SELECT setval(pg_get_serial_sequence('cartridge.{table}', 'id'), max(id))"
                    f" FROM cartridge.{table}")


def schema_dump(cluster, dbname: str) -> list[str]:
    """pg_dump --schema-only --binary-upgrade (which prints the extension's member objects,
    where a plain dump only prints CREATE EXTENSION), without what legitimately differs
    between two databases: oids, relfilenodes, xids, LSNs and the per-run restrict key."""
    result = subprocess.run([str(PG_BIN / "pg_dump"), "--schema-only", "--binary-upgrade", "-d", dbname],
                            env=cluster.env(dbname), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = []
    for line in result.stdout.splitlines():
        if re.match(r"\\(un)?restrict\b", line) or line.startswith("\\connect"):
            continue
        if line.startswith("--") and re.search(rf"\b{re.escape(dbname)}\b", line):
            continue
        if "pg_catalog.setval(" in line:
            continue
        line = re.sub(r"(binary_upgrade_set_next_\w+)\(.*\);$", r"\1(...);", line)
        line = re.sub(r"relfrozenxid = '\d+', relminmxid = '\d+'", "relfrozenxid = ..., relminmxid = ...", line)
        line = re.sub(r"^WHERE oid = '\d+';$", "WHERE oid = ...;", line)
        lines.append(line)
    return lines


# -- tests --------------------------------------------------------------------------------

def test_upgrade_keeps_every_row_and_matches_a_fresh_install(cluster):
    with roles(cluster, "upg_alice", "upg_bob", "upg_gone"), \
            databases(cluster, "upg_a", "upg_b", "upg_c") as (a, b, c):
        # A: a real 0.2.0 database with scans and projects of two roles.
        with cluster.connect(a) as admin:
            admin.execute("CREATE EXTENSION cartridge")
        cluster.load_dataset(a, "chinook")
        with cluster.connect(a) as admin:
            admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO upg_alice")
        alice_scans, alice_projects = [], []
        with cluster.connect(a, user="upg_alice") as alice:
            for _ in range(2):
                scan = one(alice, "SELECT cartridge_scan()")
                alice_scans.append(scan)
                alice_projects.append(one(alice, "SELECT cartridge_generate(%s, async => false)", (scan,)))
            archive_a = bytes(one(alice, "SELECT cartridge_archive(%s)", (alice_projects[0],)))
            info_a = one(alice, "SELECT cartridge_info(%s)", (alice_projects[1],))
            scan_json_a = one(alice, "SELECT cartridge_scan_json(%s)", (alice_scans[0],))
        with cluster.connect(a) as admin:
            postgres_scan = one(admin, "SELECT cartridge_scan()")
            admin.execute(
                "INSERT INTO cartridge.ai_requests (project_id, provider, model, purpose, http_status,"
                " status, attempts, latency_ms, prompt_tokens, completion_tokens, error, requested_by)"
                " VALUES (%(p)s, 'openai', 'gpt-x', 'describe', 200, 'succeeded', 1, 812.5, 1200, 300, NULL, 'upg_alice'),"
                "        (%(p)s, 'openai', 'gpt-x', 'describe', 429, 'failed', 3, 30000.25, NULL, NULL,"
                "         'rate limited', 'upg_alice'),"
                "        (%(p)s, 'anthropic', NULL, NULL, NULL, 'cancelled', 1, NULL, NULL, NULL, NULL, 'postgres')",
                {"p": alice_projects[0]})
            assert cartridge_tables(admin) == sorted(TABLES)
            assert {t: c for t in TABLES for c in column_names(admin, t)
                    if one(admin, "SELECT atttypid = 'regrole'::regtype FROM pg_attribute"
                                  " WHERE attrelid = %s::regclass AND attname = %s", (f"cartridge.{t}", c))} \
                == ROLE_COLUMNS
            rows_a = snapshot(admin)
            assert all(rows_a[t] for t in TABLES), {t: len(rows_a[t]) for t in TABLES}

            # B: 0.1.0, filled with A's rows, plus a scan, a project and a request of a role
            # that is dropped before the update.
            with cluster.connect(b) as old:
                old.execute(f"CREATE EXTENSION cartridge VERSION '{OLD}'")
                assert cartridge_tables(old) == sorted(TABLES)
                assert {t: column_names(old, t) for t in TABLES} == {t: column_names(admin, t) for t in TABLES}
                with old.transaction():
                    copy_rows(admin, old)
                assert snapshot(old) == rows_a  # to_jsonb prints a regrole as its name
                gone_scan = one(old, "INSERT INTO cartridge.scans (database_name, scanned_by)"
                                     " VALUES ('upg_b', 'upg_gone') RETURNING id")
                gone_project = one(old, "INSERT INTO cartridge.projects (scan_id, name, provider, submitted_by)"
                                        " VALUES (%s, 'gone', 'builtin', 'upg_gone') RETURNING id", (gone_scan,))
                gone_request = one(old, "INSERT INTO cartridge.ai_requests (project_id, provider, status, requested_by)"
                                        " VALUES (%s, 'openai', 'failed', 'upg_gone') RETURNING id", (gone_project,))
                admin.execute("DROP ROLE upg_gone")
                gone = {"scans": gone_scan, "projects": gone_project, "ai_requests": gone_request}
                copied_ids = {t: one(old, f"SELECT max(id) FROM cartridge.{t}") for t in IDENTITY_TABLES}
                assert gone_scan > max([*alice_scans, postgres_scan])

                before = snapshot(old)
                # What the upgrade must map each name to: the oid of the role of that name now.
                expected_oid = {
                    t: {r[0]: r[1] for r in old.execute(
                        f"SELECT id, coalesce(to_regrole({col})::oid, 0) FROM cartridge.{t}")}
                    for t, col in ROLE_COLUMNS.items()}
                old.execute(f"ALTER EXTENSION cartridge UPDATE TO '{NEW}'")
                assert one(old, "SELECT extversion FROM pg_extension WHERE extname = 'cartridge'") == NEW
                after = snapshot(old)
                actual_oid = {
                    t: {r[0]: r[1] for r in old.execute(f"SELECT id, {col}::oid FROM cartridge.{t}")}
                    for t, col in ROLE_COLUMNS.items()}

        # Same rows, same values; owners are now the oids of the same roles.
        assert {t: len(after[t]) for t in TABLES} == {t: len(before[t]) for t in TABLES}
        for table in TABLES:
            column = ROLE_COLUMNS.get(table)
            for old_row, new_row in zip(before[table], after[table]):
                if column:
                    assert new_row[column] == ("-" if old_row["id"] == gone[table] else old_row[column]), \
                        (table, old_row, new_row)
                    old_row, new_row = dict(old_row), dict(new_row)
                    del old_row[column], new_row[column]
                assert new_row == old_row, table
        assert actual_oid == expected_oid
        for table, oids in actual_oid.items():
            assert [i for i, oid in oids.items() if oid == 0] == [gone[table]], table

        # The updated catalog objects are those of a fresh install of 0.2.0.
        with cluster.connect(c) as fresh:
            fresh.execute("CREATE EXTENSION cartridge")
            assert one(fresh, "SELECT extversion FROM pg_extension WHERE extname = 'cartridge'") == NEW
        updated, installed = schema_dump(cluster, b), schema_dump(cluster, c)
        assert any(line.startswith("ALTER EXTENSION cartridge ADD TABLE") for line in installed), \
            "the dump does not show the extension's member objects"
        assert updated == installed, "updated (-) and fresh (+) 0.2.0 objects differ:\n" + "\n".join(
            difflib.unified_diff(updated, installed, "0.1.0 updated", "0.2.0 installed", lineterm="", n=5))

        # The library serves the copied rows to their owners, and nobody else.
        with cluster.connect(b, user="upg_alice") as alice:
            assert [r[0] for r in alice.execute("SELECT id FROM cartridge.scans ORDER BY id")] == alice_scans
            assert [r[0] for r in alice.execute("SELECT id FROM cartridge.projects ORDER BY id")] == alice_projects
            assert one(alice, "SELECT count(*) FROM cartridge.relations WHERE scan_id = %s",
                       (alice_scans[0],)) == 11
            assert bytes(one(alice, "SELECT cartridge_archive(%s)", (alice_projects[0],))) == archive_a
            assert one(alice, "SELECT cartridge_info(%s)", (alice_projects[1],)) == info_a
            assert one(alice, "SELECT cartridge_scan_json(%s)", (alice_scans[0],)) == scan_json_a
            # requests are visible with their project, whoever made them
            assert one(alice, "SELECT count(*) FROM cartridge.ai_requests") == 3
            new_scan = one(alice, "SELECT cartridge_scan()")
            assert new_scan > copied_ids["scans"]
            new_project = one(alice, "SELECT cartridge_generate(%s, async => false)", (new_scan,))
            assert new_project > copied_ids["projects"]
            assert one(alice, "SELECT scanned_by::oid = 'upg_alice'::regrole::oid FROM cartridge.scans"
                              " WHERE id = %s", (new_scan,))
            assert one(alice, "SELECT count(*) FROM cartridge.scans WHERE id = %s", (gone_scan,)) == 0
        with cluster.connect(b, user="upg_bob") as bob:
            assert one(bob, "SELECT count(*) FROM cartridge.scans") == 0
            assert one(bob, "SELECT count(*) FROM cartridge.projects") == 0
            assert one(bob, "SELECT count(*) FROM cartridge.relations") == 0
            assert one(bob, "SELECT count(*) FROM cartridge.files") == 0
            assert one(bob, "SELECT count(*) FROM cartridge.ai_requests") == 0
            with pytest.raises(psycopg.errors.UndefinedObject):
                bob.execute("SELECT cartridge_archive(%s)", (alice_projects[0],))
        with cluster.connect(b) as admin:
            assert one(admin, "SELECT scanned_by::oid FROM cartridge.scans WHERE id = %s", (gone_scan,)) == 0
            assert one(admin, "SELECT count(*) FROM cartridge.scans") == len(after["scans"]) + 1


def test_the_library_refuses_sql_objects_of_another_version(cluster):
    with databases(cluster, "upg_v") as (name,):
        with cluster.connect(name) as conn:
            conn.execute(f"CREATE EXTENSION cartridge VERSION '{OLD}'")
            for call in ("SELECT cartridge_scan()", "SELECT cartridge_generate(1, async => false)"):
                with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState) as refused:
                    conn.execute(call)
                assert refused.value.sqlstate == "55000"
                message = refused.value.diag.message_primary
                assert OLD in message and NEW in message, message
                assert "ALTER EXTENSION cartridge UPDATE" in (refused.value.diag.message_hint or ""), call
            assert one(conn, "SELECT count(*) FROM cartridge.scans") == 0
            conn.execute("ALTER EXTENSION cartridge UPDATE")
            assert one(conn, "SELECT extversion FROM pg_extension WHERE extname = 'cartridge'") == NEW
            scan = one(conn, "SELECT cartridge_scan()")
            assert one(conn, "SELECT count(*) FROM cartridge.scans WHERE id = %s", (scan,)) == 1


def test_after_the_update_no_role_writes_the_tables(cluster):
    with roles(cluster, "upg_plain"), databases(cluster, "upg_w") as (name,):
        with cluster.connect(name) as admin:
            admin.execute(f"CREATE EXTENSION cartridge VERSION '{OLD}'")
            admin.execute(f"ALTER EXTENSION cartridge UPDATE TO '{NEW}'")
            tables = cartridge_tables(admin)
            assert tables == sorted(TABLES)
            # a column UPDATE may name (not an identity column)
            some_column = {t: one(admin, "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass"
                                         " AND attnum > 0 AND NOT attisdropped AND attidentity = ''"
                                         " ORDER BY attnum LIMIT 1", (f"cartridge.{t}",)) for t in tables}
        with cluster.connect(name, user="upg_plain") as plain:
            for table in tables:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    plain.execute(f"INSERT INTO cartridge.{table} DEFAULT VALUES")
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    plain.execute(f"UPDATE cartridge.{table} SET {some_column[table]} = {some_column[table]}")
                if table not in ("scans", "projects"):
                    with pytest.raises(psycopg.errors.InsufficientPrivilege):
                        plain.execute(f"DELETE FROM cartridge.{table}")
                assert one(plain, f"SELECT count(*) FROM cartridge.{table}") == 0
