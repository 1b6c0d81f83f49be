"""cartridge_scan seen from clients: privileges, isolation between roles, cancellation
leaving nothing behind, names that round-trip."""
import psycopg
import pytest
from psycopg import sql


def test_empty_database_is_a_scan_with_zero_relations(db):
    scan_id = db.execute("SELECT cartridge_scan()").fetchone()[0]
    stats = db.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]
    assert stats["relations"] == 0
    assert db.execute("SELECT cartridge_scan_json(%s)->'relations'", (scan_id,)).fetchone()[0] == []


@pytest.fixture
def roles(cluster, make_db):
    name = make_db()
    with cluster.connect(name) as admin:
        admin.execute("""
            DROP ROLE IF EXISTS scan_alice; DROP ROLE IF EXISTS scan_bob;
            CREATE ROLE scan_alice LOGIN; CREATE ROLE scan_bob LOGIN;
            CREATE TABLE secret (id int PRIMARY KEY, salary numeric);
            CREATE TABLE shared (id int PRIMARY KEY, secret_id int REFERENCES secret);
            CREATE TABLE write_only (id int);
            CREATE TABLE one_column (id int, hidden text);
            GRANT SELECT ON shared TO scan_alice;
            GRANT INSERT ON write_only TO scan_alice;
            GRANT SELECT (id) ON one_column TO scan_alice;
        """)
    yield name
    with cluster.connect(name) as admin:
        admin.execute("REASSIGN OWNED BY scan_alice, scan_bob TO postgres")
        admin.execute("DROP OWNED BY scan_alice, scan_bob")
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE scan_alice; DROP ROLE scan_bob")


def test_scan_shows_only_relations_the_role_has_a_privilege_on(cluster, roles):
    with cluster.connect(roles, user="scan_alice") as alice:
        scan_id = alice.execute("SELECT cartridge_scan()").fetchone()[0]
        rows = alice.execute(
            "SELECT table_name, can_select FROM cartridge.relations WHERE scan_id = %s ORDER BY 1",
            (scan_id,)).fetchall()
        stats = alice.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]
    assert rows == [("one_column", False), ("shared", True), ("write_only", False)]
    assert stats["skipped_no_privilege"] == 1  # secret


def test_roles_see_only_their_own_scans(cluster, roles):
    with cluster.connect(roles, user="scan_alice") as alice:
        alice_scan = alice.execute("SELECT cartridge_scan()").fetchone()[0]
    with cluster.connect(roles, user="scan_bob") as bob:
        assert bob.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 0
        assert bob.execute("SELECT count(*) FROM cartridge.relations").fetchone()[0] == 0
        assert bob.execute("SELECT count(*) FROM cartridge.columns").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.UndefinedObject):
            bob.execute("SELECT cartridge_scan_json(%s)", (alice_scan,))
        with pytest.raises(psycopg.errors.UndefinedObject):
            bob.execute("SELECT cartridge_scan_json(%s)", (alice_scan,))
        # nor can bob delete alice's scan
        assert bob.execute("DELETE FROM cartridge.scans WHERE id = %s", (alice_scan,)).rowcount == 0
    with cluster.connect(roles) as admin:
        assert admin.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 1


def test_cancelled_scan_leaves_nothing(cluster, make_db):
    name = make_db()
    with cluster.connect(name) as conn:
        conn.execute("""
            DO $$ BEGIN
              FOR i IN 1..3000 LOOP
                EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, a text, b int, c date)', i);
                IF i % 500 = 0 THEN COMMIT; END IF;
              END LOOP;
            END $$""")
        conn.execute("SET statement_timeout = '20ms'")
        with pytest.raises(psycopg.errors.QueryCanceled):
            conn.execute("SELECT cartridge_scan()")
        conn.execute("RESET statement_timeout")
        for table in ("scans", "relations", "columns", "constraints", "indexes", "relationships"):
            assert conn.execute(f"SELECT count(*) FROM cartridge.{table}").fetchone()[0] == 0, table
        # and the next scan works and sees everything
        scan_id = conn.execute("SELECT cartridge_scan(options => '{\"profile\": false}')").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM cartridge.relations WHERE scan_id = %s",
                            (scan_id,)).fetchone()[0] == 3000


def test_awkward_names_round_trip_exactly(cluster, make_db):
    name = make_db("awkward")
    with cluster.connect(name) as conn:
        scan_id = conn.execute("SELECT cartridge_scan()").fetchone()[0]
        relations = conn.execute(
            "SELECT schema_name, table_name, kind FROM cartridge.relations WHERE scan_id = %s",
            (scan_id,)).fetchall()
        assert len(relations) == 10
        for schema, table, kind in relations:
            if kind == "foreign_table":
                continue  # its server is not reachable; the name is checked below
            # the stored names, quoted by the client, name the real relation
            conn.execute(sql.SQL("SELECT * FROM {}.{} LIMIT 0").format(
                sql.Identifier(schema), sql.Identifier(table)))
        stored = set(conn.execute(
            "SELECT schema_name, table_name, column_name FROM cartridge.columns WHERE scan_id = %s",
            (scan_id,)).fetchall())
        catalog = set(conn.execute("""
            SELECT n.nspname, c.relname, a.attname FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname IN ('Sales Dept', 'select') AND NOT c.relispartition
               AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""").fetchall())
        assert stored == catalog
        assert any(len(col.encode()) == 63 for _, _, col in stored)
        assert ("Sales Dept", "Customer Accounts", "größe") in stored
        assert ("Sales Dept", "Customer Accounts", 'a"b') in stored


def test_a_partitioned_table_adds_up_its_leaves_at_any_depth(db):
    db.execute("""
        CREATE TABLE measures (at date NOT NULL, region text NOT NULL, v int) PARTITION BY RANGE (at);
        CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
            PARTITION BY LIST (region);
        CREATE TABLE measures_2024_eu PARTITION OF measures_2024 FOR VALUES IN ('eu');
        CREATE TABLE measures_2024_us PARTITION OF measures_2024 FOR VALUES IN ('us');
        CREATE TABLE measures_2025 PARTITION OF measures FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        INSERT INTO measures SELECT '2024-03-01', 'eu', g FROM generate_series(1, 300) g;
        INSERT INTO measures SELECT '2024-03-01', 'us', g FROM generate_series(1, 200) g;
        INSERT INTO measures SELECT '2025-03-01', 'eu', g FROM generate_series(1, 100) g;
    """)
    query = ("SELECT row_estimate, analyzed, size_bytes, partition_count FROM cartridge.relations"
             " WHERE scan_id = %s AND table_name = 'measures'")
    never = db.execute(query, (db.execute("SELECT cartridge_scan(NULL, '{\"profile\": false}')").fetchone()[0],)
                       ).fetchone()
    assert never == (None, False, None, 2)
    assert db.execute("SELECT count(*) FROM cartridge.relations WHERE table_name LIKE 'measures_%'").fetchone()[0] == 0
    db.execute("ANALYZE measures")
    analyzed = db.execute(query, (db.execute("SELECT cartridge_scan(NULL, '{\"profile\": false}')").fetchone()[0],)
                          ).fetchone()
    assert analyzed[0] == 600 and analyzed[1] is True and analyzed[2] > 0 and analyzed[3] == 2
