"""cartridge_test_run end to end: on data broken on purpose (test/data/broken.sql) and on
clean data broken after the project was generated, every model and test gets the status
and failure count real dbt gives it (`dbt run`, then `dbt test`; the four clean datasets
are compared in test_generate_dbt.py after `dbt build`). The run leaves no object and no
row behind; keep_schema keeps the build; unsupported Jinja, a model that fails to build, a
cycle, a missing privilege, a cancel and statement_timeout each end as dbt users expect;
the job form runs in the background worker."""
from __future__ import annotations

import threading
import time

import psycopg
import pytest

from cluster import Cluster, crash_lines
from dbt_agreement import assert_agree, cartridge_results, dbt_results
from test_generate_dbt import archive, extract, generate, run_dbt


def dbt_run_then_test(cluster, name, project) -> dict:
    """dbt run, then dbt test: the models' results of the first and the tests' of the second."""
    run_dbt(cluster, name, project, "run")
    models = dbt_results(project)
    run_dbt(cluster, name, project, "test", failing_tests=True)
    return {**models, **dbt_results(project)}


def failing(results: dict) -> dict:
    return {name: v for (kind, name), v in results.items() if kind == "test" and v[0] != "pass"}


def test_broken_data_fails_the_same_tests_with_the_same_counts_as_dbt(cluster, make_db, tmp_path):
    name = make_db("broken")
    with cluster.connect(name) as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
        ours = cartridge_results(conn, project_id)
        project = extract(archive(conn, project_id), tmp_path)
    theirs = dbt_run_then_test(cluster, name, project)
    assert_agree(ours, theirs)
    # What broken.sql breaks on purpose (its header lists the counts), each kind of test.
    assert failing(ours) == {
        "accepted_values_stg_shop__orders_status__placed__shipped__delivered__cancelled": ("fail", 2),
        "not_null_fct_payments_id": ("fail", 3),
        "not_null_stg_shop__payments_id": ("fail", 3),
        "relationships_fct_order_lines_product_id__id__ref_dim_products_": ("warn", 5),
        "relationships_fct_orders_customer_id__id__ref_dim_customers_": ("fail", 6),
        "relationships_stg_shop__order_lines_product_id__id__ref_stg_shop__products_": ("warn", 5),
        "relationships_stg_shop__orders_customer_id__id__ref_stg_shop__customers_": ("fail", 6),
        "unique_fct_payments_id": ("fail", 2),
        "unique_stg_shop__payments_id": ("fail", 2),
    }
    assert all(v == ("success", None) for (kind, _), v in ours.items() if kind == "model")


def test_clean_data_broken_after_generation_agrees_with_dbt(cluster, make_db, tmp_path):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
        assert failing(cartridge_results(conn, project_id)) == {}
        # A migration gone wrong: constraints dropped, then an orphan, a duplicate key, a
        # NULL key and a media type outside a new check list.
        conn.execute("""
            ALTER TABLE "InvoiceLine" DROP CONSTRAINT "FK_InvoiceLineTrackId";
            INSERT INTO "InvoiceLine" VALUES (90001, 1, 999999, 0.99, 1);
            ALTER TABLE "Genre" DROP CONSTRAINT "PK_Genre" CASCADE, ALTER COLUMN "GenreId" DROP NOT NULL;
            INSERT INTO "Genre" VALUES (1, 'Rock again'), (NULL, 'Nameless');
            ALTER TABLE "MediaType" ADD CONSTRAINT media_kinds CHECK ("Name" IN ('MPEG audio file')) NOT VALID;
            """)
        # The check list is scanned and generated again; the old project keeps its tests.
        conn.execute("SELECT cartridge_scan()")
        relisted = generate(conn)
        ours = cartridge_results(conn, project_id)
        ours_relisted = cartridge_results(conn, relisted)
        project = extract(archive(conn, project_id), tmp_path / "old")
        relisted_project = extract(archive(conn, relisted), tmp_path / "new")
    theirs = dbt_run_then_test(cluster, name, project)
    assert_agree(ours, theirs)
    broken = failing(ours)
    assert broken["relationships_stg_public__invoice_lines_track_id__track_id__ref_stg_public__tracks_"] == ("fail", 1)
    assert broken["unique_stg_public__genres_genre_id"] == ("fail", 1)
    assert broken["not_null_stg_public__genres_genre_id"] == ("fail", 1)
    theirs = dbt_run_then_test(cluster, name, relisted_project)
    assert_agree(ours_relisted, theirs)
    assert any(n.startswith("accepted_values_stg_public__media_types_name") and v[0] == "fail"
               for n, v in failing(ours_relisted).items()), failing(ours_relisted)


def user_state(conn) -> tuple:
    """Every relation, schema and row count of the database outside the extension's schema."""
    relations = conn.execute("""
        SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname <> 'cartridge' ORDER BY 1, 2""").fetchall()
    schemas = conn.execute("SELECT nspname FROM pg_namespace ORDER BY 1").fetchall()
    counts = conn.execute("""
        SELECT c.relname, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
               n.nspname, c.relname), false, true, '')))[1]::text
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1""").fetchall()
    return relations, schemas, counts


def test_a_run_leaves_nothing_behind_and_keep_schema_keeps_the_build(cluster, make_db):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
        before = user_state(conn)
        rows = conn.execute("SELECT kind, status FROM cartridge_test_run(%s)", (project_id,)).fetchall()
        assert {s for _, s in rows} == {"success", "pass"} and len(rows) > 50
        assert user_state(conn) == before
        run = conn.execute("SELECT status, kept, run_schema, totals, finished_at IS NOT NULL FROM cartridge.test_runs"
                           " WHERE project_id = %s", (project_id,)).fetchone()
        assert run[:3] == ("succeeded", False, None) and run[4]
        assert run[3]["tests"]["pass"] == sum(1 for k, _ in rows if k == "test")
        stored = conn.execute("SELECT r.kind, r.status FROM cartridge.test_results r JOIN cartridge.test_runs t"
                              " ON t.id = r.run_id WHERE t.project_id = %s ORDER BY ordinal", (project_id,)).fetchall()
        assert stored == rows
        info = conn.execute("SELECT cartridge_info(%s)", (project_id,)).fetchone()[0]
        assert info["last_test_run"]["totals"] == run[3] and info["last_test_run"]["status"] == "succeeded"

        rows = conn.execute("""SELECT name, status FROM cartridge_test_run(%s, '{"keep_schema": "Kept Build"}')""",
                            (project_id,)).fetchall()
        assert {s for _, s in rows} == {"success", "pass"}
        kept = conn.execute("""SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'Kept Build' ORDER BY 1""").fetchall()
        assert ("stg_public__albums", "v") in kept and ("fct_invoices", "r") in kept
        assert conn.execute('SELECT count(*) FROM "Kept Build".fct_invoices').fetchone()[0] == \
            conn.execute('SELECT count(*) FROM "Invoice"').fetchone()[0]
        assert conn.execute("SELECT kept, run_schema FROM cartridge.test_runs ORDER BY id DESC LIMIT 1").fetchone() == \
            (True, "Kept Build")
        with pytest.raises(psycopg.errors.InvalidParameterValue) as error:
            conn.execute("""SELECT * FROM cartridge_test_run(%s, '{"keep_schema": "Kept Build"}')""", (project_id,))
        assert "already exists" in str(error.value) and error.value.diag.message_hint
        for bad in ('{"keep": "x"}', '{"keep_schema": 1}', '{"keep_schema": "pg_x"}'):
            with pytest.raises(psycopg.errors.InvalidParameterValue) as error:
                conn.execute("SELECT * FROM cartridge_test_run(%s, %s)", (project_id, bad))
            assert "keep_schema" in (error.value.diag.message_hint or "") + str(error.value)


def edit_file(conn, project_id: int, path: str, content: str) -> None:
    """A project changed by hand (only a superuser may write the extension's tables)."""
    assert conn.execute("UPDATE cartridge.files SET content = %s WHERE project_id = %s AND path = %s",
                        (content, project_id, path)).rowcount == 1


def test_unsupported_jinja_a_failed_build_and_a_cycle(cluster, make_db):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
        staging = "models/staging/public/"
        edit_file(conn, project_id, staging + "stg_public__genres.sql",
                  "{% if target.name == 'dev' %}select 1 as genre_id{% endif %}")
        edit_file(conn, project_id, staging + "stg_public__artists.sql",
                  "select \"NoSuchColumn\" as artist_id from {{ source('public', 'artist') }}")
        results = {name: (status, message) for _, name, status, message in conn.execute(
            "SELECT kind, name, status, message FROM cartridge_test_run(%s)", (project_id,))}
        assert results["stg_public__genres"] == (
            "skipped", staging + "stg_public__genres.sql uses the Jinja statement {% if %}; "
            "only ref(), source() and config() are supported")
        assert results["stg_public__artists"][0] == "error"
        assert 'column "NoSuchColumn" does not exist' in results["stg_public__artists"][1]
        # what reads them is skipped, and says why; the others run
        assert results["unique_stg_public__artists_artist_id"] == (
            "skipped", "not run: the model it tests, stg_public__artists, was not built")
        assert results["dim_albums"] == (
            "skipped", "not built: the model it refs, stg_public__artists, was not built")
        assert results["unique_stg_public__genres_genre_id"][0] == "skipped"
        assert results["stg_public__albums"][0] == "success"
        assert results["unique_stg_public__albums_album_id"][0] == "pass"

        edit_file(conn, project_id, staging + "stg_public__albums.sql", "select * from {{ ref('dim_albums') }}")
        with pytest.raises(psycopg.errors.InvalidObjectDefinition) as error:
            conn.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
        assert str(error.value).startswith("the models' refs form a cycle: dim_albums -> stg_public__albums -> ")
        assert conn.execute("SELECT count(*) FROM cartridge.test_runs WHERE status <> 'succeeded'").fetchone()[0] == 0


def slow_project(conn) -> int:
    conn.execute("SELECT cartridge_scan()")
    project_id = generate(conn)
    edit_file(conn, project_id, "models/staging/public/stg_public__genres.sql",
              "{{ config(materialized='table') }} select \"GenreId\" as genre_id, \"Name\" as name, "
              "pg_sleep(0.2)::text as nap from {{ source('public', 'genre') }}")
    return project_id


def test_statement_timeout_and_cancel_end_the_run_and_leave_nothing(cluster, make_db):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        project_id = slow_project(conn)  # genres' table sleeps 0.2 s a row: 5 s to build
        before = user_state(conn)
        runs = conn.execute("SELECT count(*) FROM cartridge.test_runs").fetchone()[0]
        conn.execute("SET statement_timeout = '1s'")
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled) as error:
            conn.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
        assert "statement timeout" in str(error.value)
        assert time.monotonic() - started < 4
        conn.execute("RESET statement_timeout")
        assert user_state(conn) == before
        assert conn.execute("SELECT count(*) FROM cartridge.test_runs").fetchone()[0] == runs

        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        with cluster.connect(name) as other:
            timer = threading.Timer(0.5, lambda: other.execute("SELECT pg_cancel_backend(%s)", (pid,)))
            timer.start()
            started = time.monotonic()
            with pytest.raises(psycopg.errors.QueryCanceled):
                conn.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
            timer.join()
        assert time.monotonic() - started < 4
        assert user_state(conn) == before
        assert conn.execute("SELECT count(*) FROM cartridge.test_runs").fetchone()[0] == runs
        assert conn.execute("SELECT 1").fetchone() == (1,)


@pytest.fixture
def tester(cluster, make_db):
    """A database with chinook and a login role that may read it but not create schemas."""
    name = make_db("chinook")
    with cluster.connect(name) as admin:
        admin.execute("""
            DROP ROLE IF EXISTS tr_tester; CREATE ROLE tr_tester LOGIN;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO tr_tester;""")
    yield name
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP ROLE tr_tester")


def test_a_role_without_select_on_a_source_gets_that_model_failed(cluster, tester):
    with cluster.connect(tester, user="tr_tester") as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
    with cluster.connect(tester) as admin:
        admin.execute('REVOKE SELECT ON "Genre" FROM tr_tester')
    with cluster.connect(tester) as admin:
        before = user_state(admin)
    with cluster.connect(tester, user="tr_tester") as conn:
        results = {name: (status, message) for name, status, message in conn.execute(
            "SELECT name, status, message FROM cartridge_test_run(%s)", (project_id,))}
        assert results["stg_public__genres"] == ("error", "permission denied for table Genre")
        assert results["not_null_stg_public__genres_genre_id"][0] == "skipped"
        assert results["stg_public__albums"][0] == "success"  # built in its temporary schema
        assert results["unique_stg_public__albums_album_id"] == ("pass", None)
        with cluster.connect(tester) as admin:
            assert user_state(admin) == before
        # keep_schema needs CREATE on the database
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
            conn.execute("""SELECT * FROM cartridge_test_run(%s, '{"keep_schema": "mine"}')""", (project_id,))
        assert "CREATE privilege" in error.value.diag.message_hint
        # nobody writes the results but the extension
        for statement in ("INSERT INTO cartridge.test_runs (project_id, search_path, submitted_by)"
                          " VALUES (%s, '', 'tr_tester')" % project_id,
                          "UPDATE cartridge.test_results SET status = 'pass'",
                          "UPDATE cartridge.test_runs SET totals = '{}'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with cluster.connect(tester) as admin:
        admin.execute("DROP ROLE IF EXISTS tr_other; CREATE ROLE tr_other LOGIN")
    try:
        with cluster.connect(tester, user="tr_other") as other:
            with pytest.raises(psycopg.errors.UndefinedObject):
                other.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
            assert other.execute("SELECT count(*) FROM cartridge.test_runs").fetchone() == (0,)
            assert other.execute("SELECT count(*) FROM cartridge.test_results").fetchone() == (0,)
    finally:
        with cluster.connect(tester) as admin:
            admin.execute("DROP OWNED BY tr_other; DROP ROLE tr_other")


@pytest.fixture
def nobody(cluster):
    with cluster.connect() as admin:
        admin.execute("DROP ROLE IF EXISTS tr_nobody; CREATE ROLE tr_nobody LOGIN")
    yield
    with cluster.connect() as admin:
        admin.execute("DROP ROLE tr_nobody")


def test_the_job_form_runs_in_the_worker_shows_progress_and_can_be_cancelled(cluster, make_db, nobody):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        conn.execute("SELECT cartridge_scan()")
        project_id = generate(conn)
        sync = conn.execute("SELECT kind, name, status, failures FROM cartridge_test_run(%s)", (project_id,)).fetchall()
        run_id = conn.execute("SELECT cartridge_test_run_async(%s)", (project_id,)).fetchone()[0]
        assert conn.execute("SELECT cartridge_wait_test_run(%s, '2 min')", (run_id,)).fetchone() == ("succeeded",)
        stored = conn.execute("SELECT kind, name, status, failures FROM cartridge.test_results WHERE run_id = %s"
                              " ORDER BY ordinal", (run_id,)).fetchall()
        assert stored == sync
        assert conn.execute("SELECT kind, status, progress FROM cartridge.jobs WHERE kind = 'test_run' AND id = %s",
                            (run_id,)).fetchone() == ("test_run", "succeeded", 100)

        slow = slow_project(conn)
        run_id = conn.execute("SELECT cartridge_test_run_async(%s)", (slow,)).fetchone()[0]
        deadline = time.monotonic() + 30
        while conn.execute("SELECT status FROM cartridge.test_runs WHERE id = %s", (run_id,)).fetchone()[0] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        # The run is one transaction: cartridge.jobs shows its progress live, from the worker.
        while True:
            progress, stage = conn.execute("SELECT progress, stage FROM cartridge.jobs WHERE kind = 'test_run'"
                                           " AND id = %s", (run_id,)).fetchone()
            if progress > 0:
                break
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert 0 < progress < 50 and stage == "building", (progress, stage)
        assert conn.execute("SELECT progress FROM cartridge.test_runs WHERE id = %s", (run_id,)).fetchone() == (0,)
        with cluster.connect(name, user="tr_nobody") as nobody:  # another role sees no job, no progress
            assert nobody.execute("SELECT count(*) FROM cartridge.running_job()").fetchone() == (0,)
            assert nobody.execute("SELECT count(*) FROM cartridge.jobs").fetchone() == (0,)
        assert conn.execute("SELECT cartridge_cancel_test_run(%s)", (run_id,)).fetchone() == (True,)
        assert conn.execute("SELECT cartridge_wait_test_run(%s, '30 s')", (run_id,)).fetchone() == ("cancelled",)
        assert conn.execute("SELECT count(*) FROM cartridge.test_results WHERE run_id = %s", (run_id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'cartridge_test_run_%'").fetchone() == (0,)


def test_a_project_too_large_for_the_lock_table_is_refused_before_it_runs():
    """Every relation a run builds stays locked until it ends: a server whose lock table
    cannot hold them refuses the run at once, saying which setting it needs."""
    small = Cluster({"max_locks_per_transaction": "10", "max_connections": "5", "max_worker_processes": "2",
                     "autovacuum_max_workers": "1", "max_wal_senders": "0"}).start()
    try:
        small.create_database("many")
        with small.connect("many") as conn:
            conn.execute("CREATE EXTENSION cartridge")
            conn.execute("""DO $$ BEGIN FOR i IN 1..40 LOOP
                EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, label text)', i); END LOOP; END $$""")
            conn.execute("SELECT cartridge_scan()")
            project_id = generate(conn)
            with pytest.raises(psycopg.errors.OutOfMemory) as error:
                conn.execute("SELECT * FROM cartridge_test_run(%s)", (project_id,))
            assert "locks held at once" in str(error.value)
            assert error.value.diag.message_hint.startswith("Raise max_locks_per_transaction to at least ")
            assert conn.execute("SELECT count(*) FROM cartridge.test_runs").fetchone() == (0,)
        assert not crash_lines(small.log_text())
    finally:
        small.destroy()
