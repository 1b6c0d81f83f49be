"""Trust of the scan, tried as an attacker would: another role's code never runs inside a
scan, only the extension writes its tables, and owners are role oids, not names.

Another role's code, when it runs, bumps a sequence of its owner: nextval() is not rolled
back with the subtransaction that profiles a table, so the counter shows whether the code
ran at all, whatever it then tried to do."""
import psycopg
import pytest


@pytest.fixture
def victim_and_mallory(cluster, make_db):
    """A database with Chinook, a role that scans it (trust_alice) and a role that owns a
    schema of bait (trust_mallory), with a counter of how often mallory's code ran."""
    name = make_db("chinook")
    with cluster.connect(name) as admin:
        admin.execute("""
            DROP ROLE IF EXISTS trust_alice; DROP ROLE IF EXISTS trust_mallory;
            CREATE ROLE trust_alice LOGIN; CREATE ROLE trust_mallory LOGIN;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO trust_alice;
            CREATE SCHEMA m AUTHORIZATION trust_mallory;
        """)
    with cluster.connect(name, user="trust_mallory") as mallory:
        mallory.execute("""
            CREATE SEQUENCE m.ran;
            GRANT USAGE ON SCHEMA m TO PUBLIC;
            GRANT USAGE, SELECT, UPDATE ON SEQUENCE m.ran TO PUBLIC;
        """)
    yield name
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY trust_alice, trust_mallory CASCADE")
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE trust_alice; DROP ROLE trust_mallory")


def times_ran(conn):
    last, called = conn.execute("SELECT last_value, is_called FROM m.ran").fetchone()
    return last if called else 0


def planted(conn):
    return conn.execute("SELECT count(*) FROM cartridge.relations WHERE table_name = 'planted'").fetchone()[0]


def profiling(conn, scan):
    return conn.execute("SELECT stats->'profiling' FROM cartridge.scans WHERE id = %s", (scan,)).fetchone()[0]


@pytest.mark.parametrize("security", ["SECURITY INVOKER", "SECURITY DEFINER"])
def test_a_row_level_security_policy_of_another_role_never_runs_in_a_scan(cluster, victim_and_mallory, security):
    """mallory's table has rows, SELECT for everyone, and a policy calling mallory's function,
    which tries to add a relation to the scan alice is writing."""
    name = victim_and_mallory
    with cluster.connect(name, user="trust_mallory") as mallory:
        mallory.execute(f"""
            CREATE TABLE m.bait (id integer PRIMARY KEY, label text);
            INSERT INTO m.bait SELECT g, 'x' || g FROM generate_series(1, 50) g;
            CREATE FUNCTION m.plant() RETURNS boolean LANGUAGE plpgsql {security} AS $$
            BEGIN
                PERFORM nextval('m.ran');
                INSERT INTO cartridge.relations (scan_id, schema_name, table_name, kind)
                SELECT max(id), 'public', 'planted', 'table' FROM cartridge.scans;
                RETURN true;
            END $$;
            GRANT EXECUTE ON FUNCTION m.plant() TO PUBLIC;
            ALTER TABLE m.bait ENABLE ROW LEVEL SECURITY;
            CREATE POLICY p ON m.bait USING (m.plant());
            GRANT SELECT ON m.bait TO PUBLIC;
        """)
    with cluster.connect(name, user="trust_alice") as alice:
        for analyzed in (False, True):
            if analyzed:
                with cluster.connect(name) as admin:
                    admin.execute("ANALYZE m.bait")
            scan = alice.execute("SELECT cartridge_scan()").fetchone()[0]
            assert times_ran(alice) == 0
            assert planted(alice) == 0
            stats = profiling(alice, scan)
            assert stats["skipped_unsafe"] == 1, stats
            assert stats["skipped"] == [{"table": "m.bait",
                                          "reason": "row-level security: its policies apply to this role"}]
            assert stats["failed"] == 0, stats
            # the relation itself is recorded; only its data is not read
            assert alice.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s AND table_name = 'bait'",
                                 (scan,)).fetchone()[0] == 1
    with cluster.connect(name, user="trust_mallory") as mallory:
        assert times_ran(mallory) == 0


def test_the_owner_of_a_table_with_row_level_security_profiles_it(cluster, victim_and_mallory):
    """Policies do not apply to a table's owner: mallory's own scan reads her table."""
    name = victim_and_mallory
    with cluster.connect(name, user="trust_mallory") as mallory:
        mallory.execute("""
            CREATE TABLE m.mine (id integer PRIMARY KEY);
            INSERT INTO m.mine SELECT generate_series(1, 10);
            ALTER TABLE m.mine ENABLE ROW LEVEL SECURITY;
        """)
        scan = mallory.execute("SELECT cartridge_scan(ARRAY['m'])").fetchone()[0]
        stats = profiling(mallory, scan)
        assert stats["tables"] == 1 and stats["skipped_unsafe"] == 0, stats


def test_another_roles_function_in_an_index_expression_never_runs_in_a_scan(cluster, victim_and_mallory):
    """The planner folds constant calls in index expressions when it loads them: an IMMUTABLE
    plpgsql function of mallory's would run as alice while alice's scan reads the table."""
    name = victim_and_mallory
    with cluster.connect(name, user="trust_mallory") as mallory:
        mallory.execute("""
            CREATE FUNCTION m.shift(integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
            BEGIN
                PERFORM nextval('m.ran');
                RETURN $1;
            END $$;
            GRANT EXECUTE ON FUNCTION m.shift(integer) TO PUBLIC;
            CREATE TABLE m.indexed (id integer PRIMARY KEY, customer_id integer);
            INSERT INTO m.indexed SELECT g, g % 7 FROM generate_series(1, 100) g;
            CREATE INDEX ON m.indexed ((customer_id + m.shift(1)));
            GRANT SELECT ON m.indexed TO PUBLIC;
        """)
        before = times_ran(mallory)
    with cluster.connect(name, user="trust_alice") as alice:
        alice.execute("DISCARD ALL")
        scan = alice.execute("SELECT cartridge_scan()").fetchone()[0]
        stats = profiling(alice, scan)
        assert stats["skipped_unsafe"] == 1, stats
        assert "indexes" in stats["skipped"][0]["reason"]
    with cluster.connect(name, user="trust_mallory") as mallory:
        assert times_ran(mallory) == before


def test_a_cast_of_another_roles_type_never_runs_in_a_scan(cluster, victim_and_mallory):
    """mallory owns an enum and a cast from it to text: profiling must not use `::text`."""
    name = victim_and_mallory
    with cluster.connect(name, user="trust_mallory") as mallory:
        mallory.execute("""
            CREATE TYPE m.mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TYPE m.pair AS (a integer, b text);
            CREATE FUNCTION m.mood_text(m.mood) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('m.ran');
                RETURN 'hooked';
            END $$;
            CREATE FUNCTION m.pair_text(m.pair) RETURNS text LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('m.ran');
                RETURN 'hooked';
            END $$;
            GRANT EXECUTE ON FUNCTION m.mood_text(m.mood), m.pair_text(m.pair) TO PUBLIC;
            CREATE CAST (m.mood AS text) WITH FUNCTION m.mood_text(m.mood) AS IMPLICIT;
            CREATE CAST (m.pair AS text) WITH FUNCTION m.pair_text(m.pair) AS IMPLICIT;
            CREATE TABLE m.feelings (id integer PRIMARY KEY, mood m.mood, detail m.pair);
            INSERT INTO m.feelings SELECT g, (ARRAY['sad', 'ok', 'happy'])[g % 3 + 1]::m.mood, ROW(g, 'x'::text)::m.pair
              FROM generate_series(1, 30) g;
            GRANT SELECT ON m.feelings TO PUBLIC;
        """)
    with cluster.connect(name, user="trust_alice") as alice:
        scan = alice.execute("SELECT cartridge_scan(options => '{\"profile\": {\"values\": true}}')").fetchone()[0]
        profiles = dict(alice.execute(
            "SELECT column_name, profile FROM cartridge.columns WHERE scan_id = %s AND table_name = 'feelings'",
            (scan,)).fetchall())
        assert profiles["mood"]["distinct_in_sample"] == 3, profiles["mood"]
        assert {v["value"] for v in profiles["mood"]["top_values"]} == {"sad", "ok", "happy"}
        assert profiles["detail"]["distinct_in_sample"] == 30, profiles["detail"]
        assert times_ran(alice) == 0


def test_no_plain_role_inserts_or_updates_any_cartridge_table(cluster, victim_and_mallory):
    name = victim_and_mallory
    with cluster.connect(name, user="trust_alice") as alice:
        scan = alice.execute("SELECT cartridge_scan()").fetchone()[0]
        project = alice.execute("SELECT cartridge_generate(%s, async => false)", (scan,)).fetchone()[0]
        alice.execute("SELECT count(*) FROM cartridge_test_run(%s)", (project,))
        tables = [r[0] for r in alice.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'cartridge' ORDER BY 1")]
        assert len(tables) == 13, tables
        for table in tables:
            # an identity column would refuse the UPDATE for another reason
            column = alice.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
                " AND attidentity = '' ORDER BY attnum LIMIT 1", (f"cartridge.{table}",)).fetchone()[0]
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(f"INSERT INTO cartridge.{table} DEFAULT VALUES")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(f'UPDATE cartridge.{table} SET "{column}" = "{column}"')
        # not even her own project's status, files or tests
        for statement in ("UPDATE cartridge.projects SET status = 'queued' WHERE id = %s",
                          "UPDATE cartridge.files SET content = 'x' WHERE project_id = %s",
                          "DELETE FROM cartridge.files WHERE project_id = %s",
                          "DELETE FROM cartridge.tests WHERE project_id = %s",
                          "UPDATE cartridge.test_runs SET status = 'failed' WHERE project_id = %s",
                          "DELETE FROM cartridge.test_results WHERE run_id IN"
                          " (SELECT id FROM cartridge.test_runs WHERE project_id = %s)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(statement, (project,))
        assert alice.execute("SELECT status FROM cartridge.projects WHERE id = %s", (project,)).fetchone()[0] \
            == "succeeded"
    with cluster.connect(name, user="trust_mallory") as mallory:
        assert mallory.execute("DELETE FROM cartridge.projects WHERE id = %s", (project,)).rowcount == 0
        assert mallory.execute("DELETE FROM cartridge.scans WHERE id = %s", (scan,)).rowcount == 0
    with cluster.connect(name, user="trust_alice") as alice:
        # her own rows she may delete, with everything that belongs to them
        assert alice.execute("DELETE FROM cartridge.scans WHERE id = %s", (scan,)).rowcount == 1
        for table, column, value in (("projects", "id", project), ("files", "project_id", project),
                                     ("relations", "scan_id", scan), ("columns", "scan_id", scan)):
            assert alice.execute(f"SELECT count(*) FROM cartridge.{table} WHERE {column} = %s",
                                 (value,)).fetchone()[0] == 0
    with cluster.connect(name) as admin:
        assert admin.execute("SELECT count(*) FROM cartridge.columns WHERE scan_id = %s", (scan,)).fetchone()[0] == 0


def test_a_role_created_under_a_dropped_roles_name_sees_nothing_of_it(cluster, victim_and_mallory):
    name = victim_and_mallory
    with cluster.connect(name) as admin:
        admin.execute("DROP ROLE IF EXISTS trust_reborn; CREATE ROLE trust_reborn LOGIN;"
                      " GRANT SELECT ON ALL TABLES IN SCHEMA public TO trust_reborn")
    with cluster.connect(name, user="trust_reborn") as first:
        scan = first.execute("SELECT cartridge_scan()").fetchone()[0]
        project = first.execute("SELECT cartridge_generate(%s, async => false)", (scan,)).fetchone()[0]
        assert first.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 1
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY trust_reborn; DROP ROLE trust_reborn")
        admin.execute("CREATE ROLE trust_reborn LOGIN")
    try:
        with cluster.connect(name, user="trust_reborn") as second:
            for table in ("scans", "projects", "relations", "files"):
                assert second.execute(f"SELECT count(*) FROM cartridge.{table}").fetchone()[0] == 0, table
            for call in ("cartridge_archive", "cartridge_info", "cartridge_files"):
                with pytest.raises(psycopg.errors.UndefinedObject):
                    second.execute(f"SELECT * FROM {call}(%s)", (project,))
            with pytest.raises(psycopg.errors.UndefinedObject):
                second.execute("SELECT cartridge_generate(%s, async => false)", (scan,))
        with cluster.connect(name) as admin:
            # the old rows are kept, owned by the dropped role's oid, which names nobody
            owner = admin.execute("SELECT scanned_by::text FROM cartridge.scans WHERE id = %s", (scan,)).fetchone()[0]
            assert owner.isdigit(), owner
    finally:
        with cluster.connect(name) as admin:
            admin.execute("DROP OWNED BY trust_reborn; DROP ROLE trust_reborn")


def test_a_default_scan_of_7000_tables_with_rows_works_at_default_lock_settings(cluster, make_db):
    """max_locks_per_transaction is at its default (64); the session cluster's lock table
    holds 64 x 40 connections. Half the tables are analyzed (profiled from pg_stats), half are
    not (sampled), and half reference the others (checked on the data)."""
    with cluster.connect() as admin:
        assert admin.execute("SHOW max_locks_per_transaction").fetchone()[0] == "64"
    name = make_db()
    with cluster.connect(name) as conn:
        for start in range(1, 3501, 250):
            conn.execute(f"""
                DO $$
                BEGIN
                    FOR i IN {start}..{start + 249} LOOP
                        EXECUTE format('CREATE TABLE vendor%s (id integer PRIMARY KEY, name text)', i);
                        EXECUTE format('INSERT INTO vendor%s SELECT g, ''v'' || g FROM generate_series(1, 20) g', i);
                        EXECUTE format('CREATE TABLE purchase%s (id integer PRIMARY KEY, vendor%s_id integer,'
                                       ' amount numeric(10, 2))', i, i);
                        EXECUTE format('INSERT INTO purchase%s SELECT g, g %% 20 + 1, g * 1.5'
                                       ' FROM generate_series(1, 30) g', i);
                    END LOOP;
                END $$""")
        for start in range(1, 3501, 500):
            conn.execute("ANALYZE " + ", ".join(f"vendor{i}" for i in range(start, start + 500)))
        scan = conn.execute("SELECT cartridge_scan()").fetchone()[0]
        stats = conn.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan,)).fetchone()[0]
    profiled = stats["profiling"]
    assert stats["relations"] == 7000
    assert profiled["tables"] == 7000 and profiled["failed"] == 0, profiled
    assert profiled["from_pg_stats"] == 3500 and profiled["sampled"] == 3500, profiled
    inference = stats["inference"]
    assert inference["checked"] >= 3500 and inference["failed_checks"] == 0, inference
    assert inference["inferred"] >= 3500, inference
