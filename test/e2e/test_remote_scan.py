"""Remote scans (cartridge_scan with {"conninfo": ...} or {"server": ...}) against a second
PostgreSQL cluster started for the test: a remote scan stores exactly the rows a local scan
of the same dataset stores; a project generated from it names the remote server and passes
real dbt parse/run/test there; who may scan remotely; the password in no table, error or
log line; cancel and statement_timeout during a slow remote query, which is cancelled on the
remote server too; foreign servers with user mappings, also for queued scans; an AI
provider's SQL checked on the remote server."""
from __future__ import annotations

import os
import subprocess
import threading
import time

import psycopg
import pytest

from test_generate_dbt import DBT, archive, extract, generate, run_dbt
# the second cluster (scram for remote_user, trust for trusted_user) and the two local roles
from test_remote import PASSWORD, WRONG, remote, roles  # noqa: F401 (fixtures)
from test_ai_providers import fake  # noqa: F401 (the fake provider server and its settings)

PER_SCAN_TABLES = ["relations", "columns", "constraints", "indexes", "relationships"]


@pytest.fixture(scope="module")
def remote_db(remote):
    """Loads a dataset into the remote cluster once, readable by remote_user, analyzed."""
    loaded = {}

    def load(dataset: str) -> str:
        if dataset not in loaded:
            name = f"remote_{dataset}"
            remote.create_database(name)
            remote.load_dataset(name, dataset)
            with remote.connect(name) as conn:
                for (schema,) in conn.execute(
                        "SELECT nspname FROM pg_namespace WHERE nspname !~ '^(pg_|information_schema)'").fetchall():
                    conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO remote_user')
                    conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO remote_user')
                conn.execute("ANALYZE")
            loaded[dataset] = name
        return loaded[dataset]

    return load


def remote_conninfo(remote, dbname: str, user: str = "remote_user", password: str | None = PASSWORD) -> str:
    info = f"host=127.0.0.1 port={remote.port} dbname={dbname} user={user}"
    return info + (f" password={password}" if password is not None else "")


def scan(conn, options: dict, async_: bool = False) -> int:
    return conn.execute("SELECT cartridge_scan(NULL, %s::jsonb, %s)",
                        (psycopg.types.json.Jsonb(options), async_)).fetchone()[0]


def stored_rows(conn, scan_id: int) -> dict:
    """Every row a scan stored, apart from ids (the scan's, and relation oids, which differ
    between clusters), as sorted jsonb texts per table."""
    out = {}
    for table in PER_SCAN_TABLES:
        rows = conn.execute(
            f"SELECT (to_jsonb(x) - ARRAY['scan_id', 'relation_oid', 'id'])::text FROM cartridge.{table} x "
            "WHERE scan_id = %s", (scan_id,)).fetchall()
        out[table] = sorted(r[0] for r in rows)
    return out


@pytest.mark.parametrize("dataset,user", [("chinook", "remote_user"), ("northwind", "remote_user"),
                                          ("awkward", "postgres")])
def test_a_remote_scan_stores_what_a_local_scan_stores(cluster, make_db, remote, remote_db, dataset, user):
    # remote_user is no superuser (statistics come from pg_stats); postgres reads pg_statistic
    # and sees what a local superuser sees (awkward has row-level security).
    local = make_db(dataset)
    with cluster.connect(local) as conn:
        conn.execute("ANALYZE")
        local_id = scan(conn, {})
        remote_id = scan(conn, {"conninfo": remote_conninfo(remote, remote_db(dataset), user,
                                                            PASSWORD if user == "remote_user" else None)})
        local_rows, remote_rows = stored_rows(conn, local_id), stored_rows(conn, remote_id)
        for table in PER_SCAN_TABLES:
            assert remote_rows[table], f"{table}: nothing stored"
            only_local = sorted(set(local_rows[table]) - set(remote_rows[table]))[:3]
            only_remote = sorted(set(remote_rows[table]) - set(local_rows[table]))[:3]
            assert local_rows[table] == remote_rows[table], f"{table}: local {only_local} remote {only_remote}"
        row = conn.execute("SELECT source, database_name, server_version, options, stats->'remote', status "
                           "FROM cartridge.scans WHERE id = %s", (remote_id,)).fetchone()
    assert row[0] == "remote" and row[1] == remote_db(dataset) and row[2].startswith("15.")
    assert PASSWORD not in str(row[3]) and "password" not in row[3]["conninfo"], row[3]
    assert row[4]["host"] == "127.0.0.1" and row[4]["port"] == remote.port and row[4]["user"] == user
    assert row[5] == "succeeded"


def test_a_project_from_a_remote_scan_runs_on_the_remote_server_with_dbt(cluster, make_db, remote, remote_db,
                                                                        tmp_path):
    local = make_db()
    with cluster.connect(local) as conn:
        scan_id = scan(conn, {"conninfo": remote_conninfo(remote, remote_db("chinook"))})
        project_id = generate(conn, scan_id)
        project = extract(archive(conn, project_id), tmp_path)
    profiles = (project / "profiles.yml").read_text()
    assert "env_var('PGHOST', '127.0.0.1')" in profiles and f"env_var('PGPORT', '{remote.port}')" in profiles
    assert "env_var('PGDATABASE', 'remote_chinook')" in profiles
    readme = (project / "README.md").read_text()
    assert f"PGHOST=127.0.0.1 PGPORT={remote.port}" in readme
    # The defaults alone reach the remote server (as postgres, which it trusts on 127.0.0.1).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["DBT_SCHEMA"] = "analytics"
    for command in ("parse", "run", "test"):
        result = subprocess.run([str(DBT), command, "--profiles-dir", str(project)], cwd=project, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
    with remote.connect("remote_chinook") as conn:
        built = conn.execute("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = 'analytics'").fetchone()[0]
    assert built >= 11  # the staging views and marts, built on the remote server
    run_dbt(remote, "remote_chinook", project, "test")  # and with the libpq variables, no warning
    with cluster.connect(local) as conn:
        with pytest.raises(psycopg.errors.FeatureNotSupported) as error:  # its sources are not here
            conn.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
        assert f"on 127.0.0.1 port {remote.port}" in str(error.value)


def every_cartridge_row_text(conn) -> str:
    tables = [r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'cartridge' AND c.relkind = 'r'").fetchall()]
    return "\n".join(r[0] for t in tables for r in conn.execute(f"SELECT x::text FROM cartridge.{t} x").fetchall())


def test_who_may_scan_a_remote_server_and_the_password_stays_secret(cluster, remote, remote_db, roles):
    db = remote_db("chinook")
    offset = cluster.log_size()
    with cluster.connect(roles, user="tc_outsider") as outsider:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
            scan(outsider, {"conninfo": remote_conninfo(remote, db)})
        assert "cartridge_remote" in error.value.diag.message_hint
    with cluster.connect(roles, user="tc_member") as member:
        # without a password, or one the remote server does not ask for: refused
        with pytest.raises(psycopg.errors.lookup("2F003")):
            scan(member, {"conninfo": remote_conninfo(remote, db, password=None)})
        with pytest.raises(psycopg.errors.lookup("2F003")):
            scan(member, {"conninfo": remote_conninfo(remote, db, user="trusted_user")})
        with pytest.raises(psycopg.errors.lookup("08001")) as error:
            scan(member, {"conninfo": remote_conninfo(remote, db, password=WRONG)})
        assert "password authentication failed" in error.value.diag.message_detail
        assert WRONG not in str(error.value) and WRONG not in (error.value.diag.message_detail or "")
        # a queued scan cannot keep a password for the worker
        with pytest.raises(psycopg.errors.FeatureNotSupported) as error:
            scan(member, {"conninfo": remote_conninfo(remote, db)}, async_=True)
        assert "server" in error.value.diag.message_hint
        scan_id = scan(member, {"conninfo": remote_conninfo(remote, db)})
        assert member.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s",
                              (scan_id,)).fetchone()[0] == 11
    with cluster.connect(roles) as admin:
        assert PASSWORD not in every_cartridge_row_text(admin)
    log = cluster.log_since(offset)
    assert "password is required" in log and PASSWORD not in log and WRONG not in log


def test_scans_by_foreign_server_name_sync_and_queued(cluster, remote, remote_db, roles):
    db = remote_db("chinook")
    with cluster.connect(roles) as admin:
        admin.execute("CREATE EXTENSION postgres_fdw")
        admin.execute(f"CREATE SERVER rem FOREIGN DATA WRAPPER postgres_fdw "
                      f"OPTIONS (host '127.0.0.1', port '{remote.port}', dbname '{db}', fetch_size '500')")
        admin.execute(f"CREATE USER MAPPING FOR tc_member SERVER rem "
                      f"OPTIONS (user 'remote_user', password '{PASSWORD}')")
        admin.execute("CREATE USER MAPPING FOR tc_outsider SERVER rem "
                      f"OPTIONS (user 'remote_user', password '{PASSWORD}')")
    with cluster.connect(roles, user="tc_member") as member:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
            scan(member, {"server": "rem"})  # no USAGE on the server yet
        assert "GRANT USAGE ON FOREIGN SERVER rem" in error.value.diag.message_hint
        with cluster.connect(roles) as admin:
            admin.execute("GRANT USAGE ON FOREIGN SERVER rem TO tc_member, tc_outsider")
        with pytest.raises(psycopg.errors.UndefinedObject):
            scan(member, {"server": "nosuch"})
        sync_id = scan(member, {"server": "rem"})
        queued_id = scan(member, {"server": "rem"}, async_=True)
        assert member.execute("SELECT cartridge_wait_scan(%s, '60 s')", (queued_id,)).fetchone()[0] == "succeeded"
        assert stored_rows(member, sync_id) == stored_rows(member, queued_id)
        options = member.execute("SELECT options FROM cartridge.scans WHERE id = %s", (queued_id,)).fetchone()[0]
        assert options == {"server": "rem"}
    with cluster.connect(roles, user="tc_outsider") as outsider:
        # a user mapping is not enough without membership in cartridge_remote
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            scan(outsider, {"server": "rem"})


def remote_queries_running(remote) -> list:
    with remote.connect() as conn:
        return conn.execute("SELECT query FROM pg_stat_activity WHERE application_name = 'cartridge' "
                            "AND state = 'active'").fetchall()


@pytest.mark.parametrize("how", ["cancel", "statement_timeout"])
def test_a_slow_remote_query_is_interrupted_and_cancelled_remotely(cluster, make_db, remote, remote_db, how):
    db = remote_db("northwind")
    with remote.connect(db) as conn:
        conn.execute("DROP TABLE IF EXISTS slow_t; CREATE TABLE slow_t (id int PRIMARY KEY, v text);"
                     "INSERT INTO slow_t SELECT g, 'x' FROM generate_series(1, 10) g; GRANT SELECT ON slow_t TO remote_user")
    holder = remote.connect(db, autocommit=False)
    holder.execute("LOCK TABLE slow_t IN ACCESS EXCLUSIVE MODE")
    def sleep():
        try:
            holder.execute("SELECT pg_sleep(20)")
        except psycopg.errors.QueryCanceled:
            pass  # cancelled by the test's cleanup

    sleeper = threading.Thread(target=sleep)
    sleeper.start()  # the lock holder sleeps on the remote side; profiling must sample slow_t
    local = make_db()
    try:
        with cluster.connect(local) as conn:
            pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
            if how == "statement_timeout":
                conn.execute("SET statement_timeout = '1500ms'")
                timer = None
            else:
                other = cluster.connect(local)
                timer = threading.Timer(1.5, lambda: other.execute("SELECT pg_cancel_backend(%s)", (pid,)))
                timer.start()
            started = time.monotonic()
            with pytest.raises(psycopg.errors.QueryCanceled):
                scan(conn, {"conninfo": remote_conninfo(remote, db)})
            elapsed = time.monotonic() - started
            if timer:
                timer.join()
                other.close()
            assert elapsed < 5, elapsed
            conn.execute("RESET statement_timeout")
            assert conn.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 0
        deadline = time.monotonic() + 5
        while remote_queries_running(remote) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert remote_queries_running(remote) == []
    finally:
        holder.cancel()
        sleeper.join()
        holder.close()
        with remote.connect(db) as conn:
            conn.execute("DROP TABLE IF EXISTS slow_t")


def test_bad_remote_options(db):
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        scan(db, {"conninfo": 42})
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        scan(db, {"conninfo": "host=x", "server": "y"})
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        scan(db, {"server": ""})


def test_a_providers_sql_is_checked_on_the_remote_server(cluster, make_db, remote, remote_db, fake):
    """The marts' SQL an AI provider writes is planned where the sources are: here the local
    database has none of chinook's tables, so a local check would reject every mart."""
    db = remote_db("chinook")
    local = make_db()
    with cluster.connect(local) as conn:
        conn.execute("CREATE EXTENSION postgres_fdw")
        conn.execute(f"CREATE SERVER rem FOREIGN DATA WRAPPER postgres_fdw "
                     f"OPTIONS (host '127.0.0.1', port '{remote.port}', dbname '{db}')")
        conn.execute(f"CREATE USER MAPPING FOR postgres SERVER rem OPTIONS (user 'remote_user', password '{PASSWORD}')")
        by_server = scan(conn, {"server": "rem"})
        for async_ in (False, True):
            fake.reset()
            fake.on_task("improve_mart", lambda doc: {
                "sql": f"select q.*, 1 as one_more\nfrom (\n{doc['builtin_sql']}) as q", "added_columns": []})
            project = conn.execute("SELECT cartridge_generate(%s, 'openai', '{}', %s)",
                                   (by_server, async_)).fetchone()[0]
            if async_:
                assert conn.execute("SELECT cartridge_wait(%s, '60 s')", (project,)).fetchone()[0] == "succeeded"
            info = conn.execute("SELECT cartridge_info(%s)", (project,)).fetchone()[0]
            assert info["warnings"] == [], info["warnings"]
            origins = conn.execute("SELECT DISTINCT origin FROM cartridge.models WHERE project_id = %s "
                                   "AND layer = 'marts' AND name LIKE 'fct%%'", (project,)).fetchall()
            assert origins == [("openai",)], origins
        # a wrong column is reported by the remote server, and the builtin mart is kept
        fake.fail("answer", times=None, provider="openai", task="improve_mart",
                  answer={"sql": "select no_such_column from {{ ref('stg_public__invoices') }}", "added_columns": []})
        project = conn.execute("SELECT cartridge_generate(%s, 'openai', '{}', false)", (by_server,)).fetchone()[0]
        warnings = conn.execute("SELECT cartridge_info(%s)", (project,)).fetchone()[0]["warnings"]
        assert warnings and all("remote server: column \"no_such_column\" does not exist" in w for w in warnings), warnings
        fake.clear_faults()
        # a scan by connection string keeps no password to check the SQL with
        by_string = scan(conn, {"conninfo": remote_conninfo(remote, db)})
        with pytest.raises(psycopg.errors.FeatureNotSupported) as error:
            conn.execute("SELECT cartridge_generate(%s, 'openai', '{}', false)", (by_string,))
        assert "server" in error.value.diag.message_hint
        assert conn.execute("SELECT cartridge_generate(%s, 'builtin', '{}', false)", (by_string,)).fetchone()[0]
