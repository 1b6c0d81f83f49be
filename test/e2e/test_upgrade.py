"""ALTER EXTENSION cartridge UPDATE to 0.6.0, from 0.5.0, 0.4.0, 0.3.0, 0.2.0 and 0.1.0 (through
each version between): every row survives with the same values (owners of 0.1.0 turn from role
names into the roles' oids, 0 for a dropped role; scans gain their job columns and
relations their `populated` as the updates document), the updated catalog objects are
those a fresh 0.6.0 install creates, the library serves the
rows to their owners and nobody else, it refuses SQL objects of another version, and after
the update no role but the extension's owner writes the tables.

The installed library only serves SQL version 0.6.0, so an old database is filled with
plain SQL as superuser: the rows of a real 0.6.0 database (the columns the old version
has), copied with COPY."""
from __future__ import annotations

import contextlib
import difflib
import re
import subprocess

import psycopg
import pytest

from cluster import PG_BIN

V1, V2, V3, V4, V5, V6 = "0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0"
CURRENT = V6

# Every table of schema cartridge, parents before children.
TABLES = ["scans", "relations", "columns", "constraints", "indexes", "relationships",
          "projects", "models", "tests", "files", "ai_requests", "test_runs", "test_results"]
# Tables an older version does not have yet (the update creates them empty).
ADDED_IN = {"test_runs": V6, "test_results": V6}
VIEWS = ["jobs"]
# The owner column of a table: name in 0.1.0, regrole from 0.2.0.
ROLE_COLUMNS = {"scans": "scanned_by", "projects": "submitted_by", "ai_requests": "requested_by"}
IDENTITY_TABLES = ["scans", "projects", "relationships", "tests", "ai_requests", "test_runs"]
# The rows of a scan or of a project: visible with it, whoever wrote them.
CHILD_KEYS = {**{t: "scan_id" for t in TABLES[1:6]}, **{t: "project_id" for t in TABLES[7:12]}}
# The columns 0.3.0 adds to scans.
JOB_COLUMNS = ["async", "status", "progress", "stage", "message", "error", "attempts", "created_at"]


def added_by_updates(table: str, row: dict) -> dict:
    """The values the updates give the columns they add to a row of an older version: a scan
    of 0.1.0/0.2.0 ran in its caller's session and succeeded; a relation of a scan before
    0.4.0 has populated NULL (not recorded), before 0.6.0 relation_oid NULL."""
    if table == "scans":
        return {"async": False, "status": "succeeded", "progress": 100, "stage": "done",
                "message": None, "error": None, "attempts": 0, "created_at": row["started_at"]}
    if table == "relations":
        return {"populated": None, "relation_oid": None}
    return {}
OWNERS = ["upg_alice", "upg_bob"]
ADMIN = "upg_carol"  # a member of cartridge_admin


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


def version(conn) -> str:
    return one(conn, "SELECT extversion FROM pg_extension WHERE extname = 'cartridge'")


def ids(conn, relation: str) -> list:
    """Ids of the rows of cartridge.<relation> the connection's role sees."""
    return [r[0] for r in conn.execute(f"SELECT id FROM cartridge.{relation} ORDER BY id")]


def relations_of_schema(conn, kinds: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'cartridge'::regnamespace"
        " AND relkind::text = ANY (%s) ORDER BY relname", (list(kinds),))]


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


def tables_of(conn) -> list[str]:
    """TABLES that the database's version has."""
    present = set(relations_of_schema(conn, "rp"))
    return [t for t in TABLES if t in present]


def snapshot(conn) -> dict[str, list[dict]]:
    """Every row of every cartridge table as to_jsonb, in primary-key order (as superuser:
    row-level security does not filter). to_jsonb prints a regrole as its name, and the
    oid 0 as '-'."""
    rows = {}
    for table in TABLES:
        if table not in tables_of(conn):
            rows[table] = []
            continue
        key = primary_key(conn, table)
        assert key, f"cartridge.{table} has no primary key"
        order = ", ".join(f"t.{c}" for c in key)
        rows[table] = [r[0] for r in conn.execute(
            f"SELECT to_jsonb(t) FROM cartridge.{table} t ORDER BY {order}")]
    return rows


def copy_rows(src, dst) -> dict[str, list[dict]]:
    """Copies every row of every cartridge table from src (0.5.0) into dst (an older
    version): the columns dst has, identity columns with their values, owners by name.
    Returns src's rows as dst holds them (only dst's columns)."""
    with dst.transaction():
        for table in tables_of(dst):
            columns = ", ".join(column_names(dst, table))
            with src.cursor().copy(f"COPY (SELECT {columns} FROM cartridge.{table}) TO STDOUT") as out, \
                    dst.cursor().copy(f"COPY cartridge.{table} ({columns}) FROM STDIN") as into:
                for data in out:
                    into.write(data)
        for table in [t for t in IDENTITY_TABLES if t in tables_of(dst)]:
            dst.execute(f"SELECT setval(pg_get_serial_sequence('cartridge.{table}', 'id'), max(id))"
                        f" FROM cartridge.{table}")
    src_rows = snapshot(src)
    present = tables_of(dst)
    return {t: [{c: row[c] for c in column_names(dst, t)} for row in src_rows[t]] if t in present else []
            for t in TABLES}


def assert_updated(before: dict, after: dict, dropped: dict[str, int] | None = None) -> None:
    """after holds the rows of before with the same values, plus the columns the updates
    add (added_by_updates), and the owner of the rows of dropped (table -> id) is the oid 0."""
    dropped = dropped or {}
    assert {t: len(after[t]) for t in TABLES} == {t: len(before[t]) for t in TABLES}
    for table in TABLES:
        expected = []
        for row in before[table]:
            row = {**{k: v for k, v in added_by_updates(table, row).items() if k not in row}, **row}
            if table in dropped and row["id"] == dropped[table]:
                row[ROLE_COLUMNS[table]] = "-"
            expected.append(row)
        assert [{k: r[k] for k in sorted(r)} for r in after[table]] == \
            [{k: r[k] for k in sorted(r)} for r in expected], table


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


def assert_same_objects(cluster, updated_db: str, fresh: list[str], old: str) -> None:
    updated = schema_dump(cluster, updated_db)
    assert updated == fresh, f"updated (-) and fresh (+) {CURRENT} objects differ:\n" + "\n".join(
        difflib.unified_diff(updated, fresh, f"{old} updated", f"{CURRENT} installed", lineterm="", n=5))


def served(conn, scans: list[int], projects: list[int]) -> dict:
    """What the library gives a role of its scans and projects; cartridge_scan_json without
    the scan's job columns (those of a copied scan are the update's)."""
    def scan_json(scan):
        doc = one(conn, "SELECT cartridge_scan_json(%s)", (scan,))
        assert set(JOB_COLUMNS) <= doc["scan"].keys(), doc["scan"]
        # relation_oid: NULL in a scan stored before 0.6.0
        relations = [{k: v for k, v in r.items() if k != "relation_oid"} for r in doc["relations"]]
        return {**doc, "scan": {k: v for k, v in doc["scan"].items() if k not in JOB_COLUMNS},
                "relations": relations}
    # The test runs of a project: an update from a version without them has none.
    def info(project):
        return {k: v for k, v in one(conn, "SELECT cartridge_info(%s)", (project,)).items() if k != "last_test_run"}
    return {"archives": {p: bytes(one(conn, "SELECT cartridge_archive(%s)", (p,))) for p in projects},
            "infos": {p: info(p) for p in projects},
            "scans": {s: scan_json(s) for s in scans}}


def assert_served(cluster, dbname: str, source: dict) -> None:
    """Each owner sees its own scans and projects, and the library serves them as it did
    in the source database; no owner sees, archives or reads another's; a member of
    cartridge_admin sees every scan and project."""
    with cluster.connect(dbname) as superuser:
        for role, (scans, projects) in source["owned"].items():
            with cluster.connect(dbname, user=role) as conn:
                assert (ids(conn, "scans"), ids(conn, "projects")) == (scans, projects), role
                own = {"scan_id": scans, "project_id": projects}
                assert {t: one(conn, f"SELECT count(*) FROM cartridge.{t}") for t in CHILD_KEYS} == \
                    {t: one(superuser, f"SELECT count(*) FROM cartridge.{t} WHERE {key} = ANY (%s)", (own[key],))
                     for t, key in CHILD_KEYS.items()}, role
                assert sorted(conn.execute("SELECT kind, id FROM cartridge.jobs").fetchall()) == \
                    sorted([("scan", s) for s in scans] + [("project", p) for p in projects]), role
                assert served(conn, scans, projects) == source["served"][role], role
                other_scans, other_projects = source["owned"][next(r for r in OWNERS if r != role)]
                with pytest.raises(psycopg.errors.UndefinedObject):
                    conn.execute("SELECT cartridge_archive(%s)", (other_projects[0],))
                with pytest.raises(psycopg.errors.UndefinedObject):
                    conn.execute("SELECT cartridge_scan_json(%s)", (other_scans[0],))
        with cluster.connect(dbname, user=ADMIN) as admin:
            for table in ("scans", "projects"):
                assert ids(admin, table) == ids(superuser, table), table


# -- fixtures -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def source(cluster):
    """A real 0.5.0 database, filled through the library: upg_alice's scans and projects
    run in her session, upg_bob's as background jobs; and requests of an AI provider,
    inserted as superuser (the builtin provider makes none)."""
    with roles(cluster, *OWNERS, ADMIN), databases(cluster, "upg_src") as (name,):
        with cluster.connect(name) as admin:
            admin.execute("CREATE EXTENSION cartridge")
            assert version(admin) == CURRENT
            admin.execute(f"GRANT cartridge_admin TO {ADMIN}")
        cluster.load_dataset(name, "chinook")
        with cluster.connect(name) as admin:
            admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {', '.join(OWNERS)}")
        owned = {}
        with cluster.connect(name, user="upg_alice") as alice:
            scans = [one(alice, "SELECT cartridge_scan()") for _ in range(2)]
            owned["upg_alice"] = (scans, [one(alice, "SELECT cartridge_generate(%s, async => false)", (s,))
                                          for s in scans])
            assert one(alice, "SELECT count(*) FROM cartridge_test_run(%s)", (owned["upg_alice"][1][0],)) > 50
        with cluster.connect(name, user="upg_bob") as bob:
            scan = one(bob, "SELECT cartridge_scan(async => true)")
            assert one(bob, "SELECT cartridge_wait_scan(%s)", (scan,)) == "succeeded"
            project = one(bob, "SELECT cartridge_generate(%s)", (scan,))
            assert one(bob, "SELECT cartridge_wait(%s)", (project,)) == "succeeded"
            owned["upg_bob"] = ([scan], [project])
            run = one(bob, "SELECT cartridge_test_run_async(%s)", (project,))
            assert one(bob, "SELECT cartridge_wait_test_run(%s)", (run,)) == "succeeded"
        served_by = {}
        for role, (scans, projects) in owned.items():
            with cluster.connect(name, user=role) as conn:
                served_by[role] = served(conn, scans, projects)
                assert all(info["status"] == "succeeded" for info in served_by[role]["infos"].values())
                assert all(served_by[role]["archives"].values())
        with cluster.connect(name) as admin:
            admin.execute(
                "INSERT INTO cartridge.ai_requests (project_id, provider, model, purpose, http_status,"
                " status, attempts, latency_ms, prompt_tokens, completion_tokens, error, requested_by)"
                " VALUES (%(p)s, 'openai', 'gpt-x', 'describe', 200, 'succeeded', 1, 812.5, 1200, 300, NULL, 'upg_alice'),"
                "        (%(p)s, 'openai', 'gpt-x', 'describe', 429, 'failed', 3, 30000.25, NULL, NULL,"
                "         'rate limited', 'upg_alice'),"
                "        (%(p)s, 'anthropic', NULL, NULL, NULL, 'cancelled', 1, NULL, NULL, NULL, NULL, 'postgres')",
                {"p": owned["upg_alice"][1][0]})
            rows = snapshot(admin)
            assert all(rows[t] for t in TABLES), {t: len(rows[t]) for t in TABLES}
            # both kinds of job are among the rows copied (and lose their job columns)
            assert sorted({r["async"] for r in rows["scans"]}) == [False, True]
            yield {"conn": admin, "owned": owned, "served": served_by}


@pytest.fixture(scope="module")
def fresh_dump(cluster) -> list[str]:
    with databases(cluster, "upg_fresh") as (name,):
        with cluster.connect(name) as fresh:
            fresh.execute("CREATE EXTENSION cartridge")
            assert version(fresh) == CURRENT
        dump = schema_dump(cluster, name)
    assert any(line.startswith("ALTER EXTENSION cartridge ADD TABLE") for line in dump), \
        "the dump does not show the extension's member objects"
    return dump


# -- tests --------------------------------------------------------------------------------

@pytest.mark.parametrize("old", [V5, V4, V3, V2])
def test_update_keeps_every_row_and_matches_a_fresh_install(cluster, source, fresh_dump, old):
    with databases(cluster, "upg_from_old") as (name,):
        with cluster.connect(name) as conn:
            conn.execute(f"CREATE EXTENSION cartridge VERSION '{old}'")
            if old == V2:
                assert column_names(conn, "scans") + JOB_COLUMNS == column_names(source["conn"], "scans")
            added = (["populated"] if old in (V2, V3) else []) + ["relation_oid"]
            assert column_names(conn, "relations") + added == column_names(source["conn"], "relations")
            copied = copy_rows(source["conn"], conn)
            before = snapshot(conn)
            assert before == copied
            conn.execute(f"ALTER EXTENSION cartridge UPDATE TO '{CURRENT}'")
            assert version(conn) == CURRENT
            assert_updated(before, snapshot(conn))
            copied_max = {t: one(conn, f"SELECT max(id) FROM cartridge.{t}") for t in ("scans", "projects")}

        assert_same_objects(cluster, name, fresh_dump, old)
        assert_served(cluster, name, source)

        # New scans and projects (a job, too) take ids after the copied ones.
        with cluster.connect(name, user="upg_alice") as alice:
            scan = one(alice, "SELECT cartridge_scan()")
            project = one(alice, "SELECT cartridge_generate(%s)", (scan,))
            assert one(alice, "SELECT cartridge_wait(%s)", (project,)) == "succeeded"
            assert scan > copied_max["scans"] and project > copied_max["projects"]


def test_update_from_0_1_0_goes_through_0_2_0(cluster, source, fresh_dump):
    with roles(cluster, "upg_gone"), databases(cluster, "upg_from_v1") as (name,):
        with cluster.connect(name) as old:
            old.execute(f"CREATE EXTENSION cartridge VERSION '{V1}'")
            assert one(old, "SELECT format_type(atttypid, NULL) FROM pg_attribute"
                            " WHERE attrelid = 'cartridge.scans'::regclass AND attname = 'scanned_by'") == "name"
            copied = copy_rows(source["conn"], old)
            # A scan, a project and a request of a role that is dropped before the update.
            scan = one(old, "INSERT INTO cartridge.scans (database_name, scanned_by)"
                            " VALUES ('upg_from_v1', 'upg_gone') RETURNING id")
            project = one(old, "INSERT INTO cartridge.projects (scan_id, name, provider, submitted_by)"
                               " VALUES (%s, 'gone', 'builtin', 'upg_gone') RETURNING id", (scan,))
            request = one(old, "INSERT INTO cartridge.ai_requests (project_id, provider, status, requested_by)"
                               " VALUES (%s, 'openai', 'failed', 'upg_gone') RETURNING id", (project,))
            old.execute("DROP ROLE upg_gone")
            dropped = {"scans": scan, "projects": project, "ai_requests": request}
            before = snapshot(old)
            assert {t: [r for r in before[t] if t not in dropped or r["id"] != dropped[t]] for t in TABLES} == copied
            old.execute("ALTER EXTENSION cartridge UPDATE")
            assert version(old) == CURRENT
            assert_updated(before, snapshot(old), dropped)

        assert_same_objects(cluster, name, fresh_dump, V1)
        assert_served(cluster, name, source)


def refusal(conn, call: str):
    """The SQLSTATE, message and hint a call fails with; None when it succeeds."""
    try:
        conn.execute(call)
    except psycopg.Error as error:
        return error.sqlstate, error.diag.message_primary, error.diag.message_hint
    return None


@pytest.mark.parametrize("old", [V1, V2, V3, V4, V5])
def test_the_library_refuses_sql_objects_of_another_version(cluster, old):
    calls = ["SELECT cartridge_scan()", "SELECT cartridge_generate(1, async => false)"]
    refused = ("55000", f'the SQL objects of extension "cartridge" are version {old}, its library is version {CURRENT}',
               "Update them with ALTER EXTENSION cartridge UPDATE; (as a superuser).")
    with databases(cluster, "upg_v") as (name,):
        with cluster.connect(name) as conn:
            conn.execute(f"CREATE EXTENSION cartridge VERSION '{old}'")
            assert {call: refusal(conn, call) for call in calls} == {call: refused for call in calls}
            assert one(conn, "SELECT count(*) FROM cartridge.scans") == 0
            conn.execute("ALTER EXTENSION cartridge UPDATE")
            assert version(conn) == CURRENT
            scan = one(conn, "SELECT cartridge_scan()")
            assert ids(conn, "scans") == [scan]


@pytest.mark.parametrize("old", [V1, V2, V3, V4, V5])
def test_after_the_update_no_role_writes_the_tables(cluster, old):
    with roles(cluster, "upg_plain"), databases(cluster, "upg_w") as (name,):
        with cluster.connect(name) as admin:
            admin.execute(f"CREATE EXTENSION cartridge VERSION '{old}'")
            admin.execute(f"ALTER EXTENSION cartridge UPDATE TO '{CURRENT}'")
            relations = relations_of_schema(admin, "rpvm")
            assert relations == sorted(TABLES + VIEWS)
            # a column UPDATE may name (not an identity column)
            some_column = {r: one(admin, "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass"
                                         " AND attnum > 0 AND NOT attisdropped AND attidentity = ''"
                                         " ORDER BY attnum LIMIT 1", (f"cartridge.{r}",)) for r in relations}
            # The view is not updatable (a rule or trigger would be needed): its writes fail
            # before privileges are checked, so the privileges are checked here.
            for view in VIEWS:
                assert one(admin, "SELECT pg_relation_is_updatable(%s::regclass, true)", (f"cartridge.{view}",)) == 0
            assert [r[0] for r in admin.execute(
                "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'cartridge'::regnamespace"
                " AND c.relkind IN ('r', 'p', 'v', 'm')"
                " AND (has_table_privilege('upg_plain', c.oid, 'INSERT, UPDATE, TRUNCATE, REFERENCES, TRIGGER')"
                "      OR has_table_privilege('upg_plain', c.oid, 'DELETE') <> (c.relname IN ('scans', 'projects', 'test_runs'))"
                "      OR NOT has_table_privilege('upg_plain', c.oid, 'SELECT'))")] == []
        with cluster.connect(name, user="upg_plain") as plain:
            for relation in relations:
                errors = psycopg.errors.InsufficientPrivilege if relation in TABLES \
                    else psycopg.errors.ObjectNotInPrerequisiteState
                with pytest.raises(errors):
                    plain.execute(f"INSERT INTO cartridge.{relation} DEFAULT VALUES")
                with pytest.raises(errors):
                    plain.execute(f"UPDATE cartridge.{relation} SET {some_column[relation]} = {some_column[relation]}")
                if relation not in ("scans", "projects", "test_runs"):
                    with pytest.raises(errors):
                        plain.execute(f"DELETE FROM cartridge.{relation}")
                assert one(plain, f"SELECT count(*) FROM cartridge.{relation}") == 0
