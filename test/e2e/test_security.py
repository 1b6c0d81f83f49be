"""No role can read, plant, pre-seed or delete rows of another role's scans and projects.
(Attacks through code that runs inside a scan are in test_trust.py.)"""
import psycopg
import pytest


@pytest.fixture
def alice_and_mallory(cluster, make_db):
    name = make_db("chinook")
    with cluster.connect(name) as admin:
        admin.execute("""
            DROP ROLE IF EXISTS sec_alice; DROP ROLE IF EXISTS sec_mallory;
            CREATE ROLE sec_alice LOGIN; CREATE ROLE sec_mallory LOGIN;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO sec_alice;
            CREATE SCHEMA m AUTHORIZATION sec_mallory;
        """)
    with cluster.connect(name, user="sec_alice") as alice:
        scan = alice.execute("SELECT cartridge_scan()").fetchone()[0]
        project = alice.execute("SELECT cartridge_generate(%s, async => false)", (scan,)).fetchone()[0]
    yield name, scan, project
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY sec_alice, sec_mallory")
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE sec_alice; DROP ROLE sec_mallory")


def count(conn, table, column, value):
    return conn.execute(f"SELECT count(*) FROM cartridge.{table} WHERE {column} = %s",
                        (value,)).fetchone()[0]


def test_a_non_superuser_scans_and_generates(cluster, alice_and_mallory):
    name, scan, project = alice_and_mallory
    with cluster.connect(name, user="sec_alice") as alice:
        assert count(alice, "relations", "scan_id", scan) == 11
        assert count(alice, "relationships", "scan_id", scan) >= 11
        assert count(alice, "files", "project_id", project) > 10
        assert alice.execute("SELECT octet_length(cartridge_archive(%s)) > 0", (project,)).fetchone()[0]


def test_no_role_plants_rows_in_another_roles_project_or_scan(cluster, alice_and_mallory):
    name, scan, project = alice_and_mallory
    with cluster.connect(name, user="sec_mallory") as mallory:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("INSERT INTO cartridge.files VALUES (%s, 'macros/evil.sql', 'macro', 'drop')",
                            (project,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("INSERT INTO cartridge.relationships (scan_id, from_schema, from_table, from_columns,"
                            " to_schema, to_table, to_columns, source, confidence)"
                            " VALUES (%s, 'public', 'x', '{a}', 'public', 'y', '{b}', 'inferred', 1)", (scan,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("INSERT INTO cartridge.projects (scan_id, name, provider) VALUES (%s, 'p', 'builtin')",
                            (scan,))
    with cluster.connect(name, user="sec_alice") as alice:
        paths = [r[0] for r in alice.execute("SELECT path FROM cartridge_files(%s)", (project,))]
        assert "macros/evil.sql" not in paths


def test_no_role_pre_seeds_a_future_scan(cluster, alice_and_mallory):
    name, scan, _ = alice_and_mallory
    with cluster.connect(name, user="sec_mallory") as mallory:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("INSERT INTO cartridge.relations (scan_id, schema_name, table_name, kind)"
                            " VALUES (%s, 'public', 'Album', 'table')", (scan + 1,))
    with cluster.connect(name, user="sec_alice") as alice:
        alice.execute("SELECT cartridge_scan()")


def test_the_scan_delete_trigger_function_cannot_be_reused(cluster, alice_and_mallory):
    name, scan, _ = alice_and_mallory
    with cluster.connect(name, user="sec_mallory") as mallory:
        mallory.execute("CREATE TABLE m.ids (id bigint)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("CREATE TRIGGER t AFTER DELETE ON m.ids REFERENCING OLD TABLE AS deleted_scans"
                            " FOR EACH STATEMENT EXECUTE FUNCTION cartridge.delete_scan_rows()")
        assert mallory.execute("DELETE FROM cartridge.scans WHERE id = %s", (scan,)).rowcount == 0
    with cluster.connect(name, user="sec_alice") as alice:
        assert count(alice, "relations", "scan_id", scan) == 11


def test_no_role_inserts_a_scan_or_project_row_of_its_own(cluster, alice_and_mallory):
    name, scan, project = alice_and_mallory
    with cluster.connect(name, user="sec_mallory") as mallory:
        for statement in ("INSERT INTO cartridge.scans (database_name) VALUES ('x')",
                          "INSERT INTO cartridge.scans (id, database_name) OVERRIDING SYSTEM VALUE"
                          " SELECT g, 'x' FROM generate_series(1000, 1010) g"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                mallory.execute(statement)
        mine = mallory.execute("SELECT cartridge_scan(ARRAY['m'])").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            mallory.execute("INSERT INTO cartridge.projects (id, scan_id, name, provider) OVERRIDING SYSTEM VALUE"
                            " VALUES (%s, %s, 'p', 'builtin')", (project + 1, mine))
    with cluster.connect(name, user="sec_alice") as alice:
        assert alice.execute("SELECT cartridge_scan()").fetchone()[0] > scan
        assert alice.execute("SELECT cartridge_generate(async => false)").fetchone()[0] > project


def test_a_dropped_role_does_not_break_other_roles_reads(cluster, alice_and_mallory):
    name, scan, project = alice_and_mallory
    with cluster.connect(name) as admin:
        admin.execute("DROP ROLE IF EXISTS sec_gone; CREATE ROLE sec_gone LOGIN;"
                      " GRANT SELECT ON ALL TABLES IN SCHEMA public TO sec_gone")
    with cluster.connect(name, user="sec_gone") as gone:
        gone_scan = gone.execute("SELECT cartridge_scan()").fetchone()[0]
        gone.execute("SELECT cartridge_generate(%s, async => false)", (gone_scan,))
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY sec_gone; DROP ROLE sec_gone")
    with cluster.connect(name, user="sec_alice") as alice:
        assert [r[0] for r in alice.execute("SELECT id FROM cartridge.scans ORDER BY id")] == [scan]
        assert [r[0] for r in alice.execute("SELECT id FROM cartridge.projects ORDER BY id")] == [project]
        assert count(alice, "relations", "scan_id", gone_scan) == 0
        assert alice.execute("SELECT cartridge_generate(async => false)").fetchone()[0] > project
