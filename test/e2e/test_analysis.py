"""Profiling, relationship inference and classification as cartridge_scan runs them: what is
stored, what is kept private, options, privileges, tables that cannot be read, cancellation."""
import json
import time

import psycopg
import pytest

PEOPLE = """
    CREATE TABLE people (
        id      integer PRIMARY KEY,
        email   text,
        name    text,
        age     integer,
        born    date,
        code    text,
        uid     uuid,
        active  boolean,
        doc     jsonb
    );
    INSERT INTO people
    SELECT i, 'user' || i || '@example.com', 'Name ' || (i % 50), 18 + i % 60,
           date '1950-01-01' + i, lpad(i::text, 6, '0'), md5(i::text)::uuid, i % 3 = 0,
           jsonb_build_object('i', i)
      FROM generate_series(1, 500) i;
    UPDATE people SET email = NULL WHERE id % 10 = 0;
"""

SHOP = """
    CREATE TABLE customers (customer_id integer PRIMARY KEY, name text);
    CREATE TABLE orders (order_id integer PRIMARY KEY, customer_id integer, ordered_on date,
                         total numeric(10,2));
    INSERT INTO customers SELECT i, 'c' || i FROM generate_series(1, 100) i;
    INSERT INTO orders SELECT i, 1 + i % 100, date '2024-01-01' + i % 300, i FROM generate_series(1, 1000) i;
"""


def scan(conn, options=None):
    return conn.execute("SELECT cartridge_scan(NULL, %s::jsonb)", (json.dumps(options or {}),)).fetchone()[0]


def profiles(conn, scan_id, table):
    return dict(conn.execute(
        "SELECT column_name, profile FROM cartridge.columns WHERE scan_id = %s AND table_name = %s",
        (scan_id, table)).fetchall())


def stats(conn, scan_id):
    return conn.execute("SELECT stats FROM cartridge.scans WHERE id = %s", (scan_id,)).fetchone()[0]


def inferred(conn, scan_id):
    return conn.execute("""
        SELECT from_table, from_columns, to_table, to_columns, confidence, cardinality, evidence
          FROM cartridge.relationships WHERE scan_id = %s AND source = 'inferred'
         ORDER BY from_table, from_columns""", (scan_id,)).fetchall()


def test_profile_measures_columns_and_keeps_no_values_by_default(db):
    db.execute(PEOPLE)
    p = profiles(db, scan(db), "people")
    assert p["id"]["unique"] is True and p["id"]["null_fraction"] == 0
    assert p["id"]["sample"] == {"rows": 500, "method": "full"} and p["id"]["table_rows_exact"] is True
    assert p["email"]["null_fraction"] == 0.1
    assert p["email"]["shape"] == "email"
    assert p["code"]["shape"] == "digits"
    assert p["uid"]["shape"] == "uuid"
    assert p["name"]["distinct_estimate"] == 50 and p["name"]["unique"] is False
    assert p["active"]["true_fraction"] == pytest.approx(0.332, abs=0.001)
    assert p["doc"]["avg_bytes"] > 0 and "distinct_estimate" not in p["doc"]
    # Nothing that could be personal data: no values, no bounds (one row's value), no top values.
    for column in ("id", "email", "name", "code", "born"):
        assert "min" not in p[column] and "max" not in p[column] and "top_values" not in p[column]
    for column in ("email", "name", "code"):
        assert p[column]["length"]["max"] > 0


def test_values_option_keeps_text_bounds_and_top_values(db):
    db.execute(PEOPLE)
    p = profiles(db, scan(db, {"profile": {"values": True, "top_values": 2}}), "people")
    assert p["email"]["min"] == "user101@example.com"  # user100 is NULL
    assert p["id"]["min"] == 1 and p["id"]["max"] == 500
    assert p["born"]["min"] == "1950-01-02"
    assert len(p["name"]["top_values"]) == 2
    assert p["name"]["top_values"][0]["count"] == 10


def test_an_analyzed_table_is_profiled_from_pg_stats_without_reading_it(db):
    db.execute(PEOPLE + "ANALYZE people;")
    scan_id = scan(db, {"profile": {"sample_rows": 100}})
    p = profiles(db, scan_id, "people")
    assert stats(db, scan_id)["profiling"]["from_pg_stats"] == 1
    assert stats(db, scan_id)["profiling"]["sampled"] == 0
    assert p["email"]["sample"] == {"method": "pg_stats"}
    assert p["email"]["null_fraction_source"] == "pg_stats"
    assert p["email"]["null_fraction"] == pytest.approx(0.1, abs=0.02)
    assert p["name"]["distinct_source"] == "pg_stats" and p["name"]["distinct_estimate"] == 50
    assert p["id"]["unique"] is True and p["name"]["unique"] is False and p["email"]["unique"] is False
    assert p["active"]["true_fraction"] == pytest.approx(0.332, abs=0.01)
    assert p["doc"]["avg_bytes"] > 0
    assert p["id"]["table_rows"] == 500 and p["id"]["table_rows_exact"] is False
    for column in ("id", "email", "name"):
        assert "min" not in p[column] and "top_values" not in p[column]


def test_an_analyzed_table_gives_its_common_values_with_values_on(db):
    db.execute(PEOPLE + "ANALYZE people;")
    p = profiles(db, scan(db, {"profile": {"values": True, "top_values": 2}}), "people")
    assert p["name"]["sample"] == {"method": "pg_stats"}
    assert len(p["name"]["top_values"]) == 2
    assert p["name"]["top_values"][0]["count"] == 10


def test_an_analyzed_table_without_a_key_is_sampled_for_its_key_pair(db):
    db.execute("CREATE TABLE partsupp (ps_partkey integer, ps_suppkey integer, ps_cost numeric);"
               "INSERT INTO partsupp SELECT p, s, p * s FROM generate_series(1, 30) p, generate_series(1, 4) s;"
               "ANALYZE partsupp;")
    scan_id = scan(db)
    assert stats(db, scan_id)["profiling"]["sampled"] == 1
    p = profiles(db, scan_id, "partsupp")
    assert p["ps_partkey"]["unique_with"] == ["ps_suppkey"]


def test_big_table_is_sampled_within_the_budget(db):
    # VACUUM gives the row estimate without statistics: the table has to be sampled
    db.execute("CREATE TABLE big AS SELECT i AS id, i % 7 AS bucket FROM generate_series(1, 200000) i")
    db.execute("VACUUM big")
    p = profiles(db, scan(db, {"profile": {"sample_rows": 1000}}), "big")
    assert p["id"]["sample"]["method"] == "system"
    assert 0 < p["id"]["sample"]["rows"] <= 1000
    assert p["id"]["table_rows"] == 200000 and p["id"]["table_rows_exact"] is False
    assert p["bucket"]["distinct_estimate"] == 7


def test_inference_finds_edges_with_data_evidence(db):
    db.execute(SHOP)
    edges = inferred(db, scan(db))
    assert [(e[0], e[1], e[2], e[3], e[5]) for e in edges] == [
        ("orders", ["customer_id"], "customers", ["customer_id"], "many_to_one")]
    evidence = edges[0][6]
    assert evidence["signals"][0] == "same_name_as_key"
    assert evidence["containment"] == {"sampled": 100, "found": 100, "ratio": 1.0}
    assert evidence["target_key"] == "primary_key"
    assert edges[0][4] > 0.9


def test_profile_off_infers_from_names_with_lower_confidence(db):
    db.execute(SHOP)
    with_data = inferred(db, scan(db))[0][4]
    scan_id = scan(db, {"profile": False})
    assert all(p is None for p in profiles(db, scan_id, "orders").values())
    edges = inferred(db, scan_id)
    assert len(edges) == 1
    assert edges[0][6]["containment"] is None and edges[0][6]["data"].startswith("profile off")
    assert edges[0][4] < with_data
    assert "profiling" not in stats(db, scan_id)


def test_orphans_reject_an_edge(db):
    db.execute(SHOP + "UPDATE orders SET customer_id = customer_id + 1000 WHERE order_id % 2 = 0;")
    assert inferred(db, scan(db)) == []


def test_infer_false_and_min_confidence(db):
    db.execute(SHOP)
    assert inferred(db, scan(db, {"infer": False})) == []
    assert inferred(db, scan(db, {"min_confidence": 0.99})) == []
    scan_id = scan(db, {"min_confidence": 0.99})
    assert stats(db, scan_id)["inference"]["min_confidence"] == 0.99


def test_declared_edges_are_not_inferred_again(make_db, cluster):
    with cluster.connect(make_db("northwind")) as conn:
        scan_id = scan(conn)
        assert inferred(conn, scan_id) == []
        assert conn.execute("SELECT count(*) FROM cartridge.relationships WHERE scan_id = %s",
                            (scan_id,)).fetchone()[0] == 13


@pytest.mark.parametrize("options, key", [
    ({"profile": {"sample_row": 10}}, "profile.sample_row"),
    ({"profile": {"sample_rows": 1}}, "profile.sample_rows"),
    ({"infer": "yes"}, "infer"),
    ({"min_confidence": 2}, "min_confidence"),
])
def test_bad_options_are_errors_and_leave_nothing(db, options, key):
    with pytest.raises(psycopg.errors.InvalidParameterValue) as raised:
        scan(db, options)
    assert key in raised.value.diag.message_primary
    if "sample_row" in key and "rows" not in key:
        assert raised.value.diag.message_hint == \
            'Accepted keys of "profile": probe_rows, sample_rows, top_values, values.'
    assert db.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 0


def test_classification_is_stored_with_evidence(make_db, cluster):
    with cluster.connect(make_db("jaffle_shop")) as conn:
        scan_id = scan(conn)
        rows = conn.execute("""
            SELECT table_name, classification, classification_confidence, classification_evidence
              FROM cartridge.relations WHERE scan_id = %s ORDER BY 1""", (scan_id,)).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("raw_customers", "dimension"), ("raw_orders", "fact"), ("raw_payments", "fact")]
    for r in rows:
        assert 0 < r[2] <= 1 and r[3]["rule"]
    assert rows[1][3]["event_dates"] == ["order_date"]


@pytest.fixture
def reader(cluster, make_db):
    name = make_db()
    with cluster.connect(name) as admin:
        admin.execute(SHOP + """
            DROP ROLE IF EXISTS analysis_reader; CREATE ROLE analysis_reader LOGIN;
            GRANT SELECT ON orders TO analysis_reader;
            GRANT INSERT ON customers TO analysis_reader;""")
    yield name
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY analysis_reader")
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE analysis_reader")


def test_tables_the_role_cannot_select_are_counted_and_not_read(cluster, reader):
    with cluster.connect(reader, user="analysis_reader") as conn:
        scan_id = scan(conn)
        assert stats(conn, scan_id)["profiling"]["skipped_no_select"] == 1
        assert all(p is None for p in profiles(conn, scan_id, "customers").values())
        assert profiles(conn, scan_id, "orders")["order_id"]["unique"] is True
        edges = inferred(conn, scan_id)
    # The name still finds the edge, but the data of customers was not read.
    assert len(edges) == 1 and edges[0][6]["data"] == "no SELECT privilege on the data"


@pytest.fixture
def policed(cluster, make_db):
    """SHOP read by a role under row-level security: customers' policy is set per test."""
    name = make_db()
    with cluster.connect(name) as admin:
        admin.execute(SHOP + """
            DROP ROLE IF EXISTS analysis_policed; CREATE ROLE analysis_policed LOGIN;
            GRANT SELECT ON customers, orders TO analysis_policed;
            ALTER TABLE customers ENABLE ROW LEVEL SECURITY;""")

    def policy(using: str) -> None:
        with cluster.connect(name) as admin:
            admin.execute(f"CREATE POLICY p ON customers USING ({using})")

    yield name, policy
    with cluster.connect(name) as admin:
        admin.execute("DROP OWNED BY analysis_policed")
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE analysis_policed")


def test_a_table_under_row_level_security_is_not_read(cluster, policed):
    name, policy = policed
    policy("pg_catalog.pg_sleep(1) IS NOT NULL")  # would take a second per row read
    with cluster.connect(name, user="analysis_policed") as conn:
        started = time.monotonic()
        scan_id = scan(conn)
        assert time.monotonic() - started < 5
        profiling = stats(conn, scan_id)["profiling"]
        assert profiling["tables"] == 1 and profiling["skipped_unsafe"] == 1 and profiling["failed"] == 0
        assert profiling["skipped"] == [{"table": "public.customers",
                                         "reason": "row-level security: its policies apply to this role"}]
        assert all(p is None for p in profiles(conn, scan_id, "customers").values())
        # The name alone keeps the edge; the parent's data was not read.
        edges = inferred(conn, scan_id)
        assert len(edges) == 1
        assert edges[0][6]["data"] == "not read: row-level security: its policies apply to this role"


@pytest.fixture
def locked(cluster, make_db):
    """SHOP, with customers locked by another session until the test ends."""
    name = make_db()
    with cluster.connect(name) as admin:
        admin.execute(SHOP)
    holder = cluster.connect(name, autocommit=False)
    holder.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
    yield name
    holder.rollback()
    holder.close()


def test_a_table_that_cannot_be_read_is_skipped_and_reported(cluster, locked):
    with cluster.connect(locked) as conn:
        conn.execute("SET lock_timeout = '100ms'")
        scan_id = scan(conn)
        profiling = stats(conn, scan_id)["profiling"]
        assert profiling["failed"] == 1 and profiling["tables"] == 1
        assert profiling["errors"] == [{"table": "public.customers",
                                        "error": "canceling statement due to lock timeout"}]
        assert profiles(conn, scan_id, "orders")["order_id"]["unique"] is True
        # The lookup into the locked parent failed too: the name alone keeps the edge.
        edges = inferred(conn, scan_id)
        assert len(edges) == 1
        assert edges[0][6]["data"] == "could not be checked: canceling statement due to lock timeout"
        # every lock a read took went with its subtransaction
        assert conn.execute("SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"
                            " AND relation IN ('customers'::regclass, 'orders'::regclass)").fetchone()[0] == 0


def test_cancel_while_profiling_leaves_nothing(cluster, locked):
    with cluster.connect(locked) as conn:
        conn.execute("SET statement_timeout = '300ms'")
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled):
            scan(conn)  # waits for the lock of customers
        assert time.monotonic() - started < 10
        conn.execute("RESET statement_timeout")
        assert conn.execute("SELECT count(*) FROM cartridge.scans").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM cartridge.columns").fetchone()[0] == 0
