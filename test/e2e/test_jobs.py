"""Background jobs: async scans and generations run by the database's worker after the
submitting commit, exactly once, as the submitting role, with live progress, NOTIFY, wait,
cancel, recovery from dead workers, and a clear error where the library is not preloaded.

Tests that kill processes or change server settings run on clusters of their own; the
expected "terminated by signal 9" of a killed worker is allowed there, any other crash
line fails the test."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import pathlib

import psycopg
import pytest

from cluster import PG_BIN, Cluster, _as_server_user, crash_lines

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))
import synthetic_schema  # noqa: E402

FINAL = {"succeeded", "failed", "cancelled"}
BIG_TABLES = 1500


def one(conn, query, params=None):
    return conn.execute(query, params).fetchone()[0]


def wait_until(predicate, timeout=30.0, interval=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


def job_row(conn, table, job_id):
    return conn.execute(f"SELECT status, progress, stage, attempts, error, message FROM cartridge.{table}"
                        " WHERE id = %s", (job_id,)).fetchone()


def worker_pids(conn, dbname=None):
    query = "SELECT pid FROM pg_stat_activity WHERE backend_type = 'cartridge worker'"
    if dbname:
        query += " AND datname = %s"
    return [r[0] for r in conn.execute(query, (dbname,) if dbname else None)]


def unexpected_crashes(log_text: str) -> list[str]:
    """Crash lines other than the SIGKILL the test sent to a cartridge worker."""
    return [line for line in crash_lines(log_text)
            if not ("cartridge worker" in line and "terminated by signal 9" in line)]


# -- on the session cluster ---------------------------------------------------------------

@pytest.fixture
def chinook(cluster, make_db):
    name = make_db("chinook")
    with cluster.connect(name) as conn:
        scan = one(conn, "SELECT cartridge_scan()")
    return name, scan


def test_async_generation_is_the_default_and_runs_after_commit(cluster, chinook):
    name, scan = chinook
    with cluster.connect(name) as conn, cluster.connect(name) as other:
        reference = one(conn, "SELECT cartridge_generate(%s, async => false)", (scan,))
        with conn.transaction():
            started = time.monotonic()
            project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
            assert time.monotonic() - started < 1.0
            assert job_row(conn, "projects", project)[:2] == ("queued", 0)
            time.sleep(0.5)
            # not committed: the worker cannot see it, nor can anybody else
            assert other.execute("SELECT 1 FROM cartridge.projects WHERE id = %s", (project,)).fetchone() is None
        assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
        status, progress, stage, attempts, error, message = job_row(conn, "projects", project)
        assert (status, progress, stage, attempts, error) == ("succeeded", 100, "done", 1, None)
        assert message.endswith("files")
        files = "SELECT path, content FROM cartridge_files(%s) ORDER BY path"
        assert conn.execute(files, (project,)).fetchall() == conn.execute(files, (reference,)).fetchall()
        assert one(conn, "SELECT async FROM cartridge.projects WHERE id = %s", (project,))


def test_a_rolled_back_submit_runs_nothing(cluster, chinook):
    name, scan = chinook
    with cluster.connect(name) as conn:
        before = one(conn, "SELECT count(*) FROM cartridge.jobs")
        with pytest.raises(psycopg.errors.DivisionByZero):
            with conn.transaction():
                conn.execute("SELECT cartridge_generate(%s)", (scan,))
                conn.execute("SELECT cartridge_scan(async => true)")
                conn.execute("SELECT 1/0")
        time.sleep(0.5)
        assert one(conn, "SELECT count(*) FROM cartridge.jobs") == before
        # the worker is still served by the next commit
        project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
        assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"


def test_an_async_scan_is_a_job_like_a_project(cluster, chinook):
    name, _ = chinook
    with cluster.connect(name) as conn:
        scan = one(conn, "SELECT cartridge_scan(options => '{\"profile\": false}', async => true)")
        assert one(conn, "SELECT cartridge_wait_scan(%s, '30 s')", (scan,)) == "succeeded"
        status, progress, stage, attempts, error, message = job_row(conn, "scans", scan)
        assert (status, progress, stage, attempts, error) == ("succeeded", 100, "done", 1, None)
        assert one(conn, "SELECT count(*) FROM cartridge.relations WHERE scan_id = %s", (scan,)) == 11
        assert one(conn, "SELECT options FROM cartridge.scans WHERE id = %s", (scan,)) == {"profile": False}
        # a generation queued right after an async scan runs after it
        scan2 = one(conn, "SELECT cartridge_scan(async => true)")
        project = one(conn, "SELECT cartridge_generate(%s)", (scan2,))
        assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
        assert one(conn, "SELECT finished_at FROM cartridge.scans WHERE id = %s", (scan2,)) <= \
            one(conn, "SELECT started_at FROM cartridge.projects WHERE id = %s", (project,))
        # bad input fails the call, not the job
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT cartridge_scan(options => '{\"nope\": 1}', async => true)")
        with pytest.raises(psycopg.errors.InvalidSchemaName):
            conn.execute("SELECT cartridge_scan(ARRAY['nowhere'], async => true)")
        # sync generation from a scan that is not finished says how to wait
        with conn.transaction():
            queued = one(conn, "SELECT cartridge_scan(async => true)")
            with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState) as pending:
                with conn.transaction():  # a savepoint
                    conn.execute("SELECT cartridge_generate(%s, async => false)", (queued,))
            assert "cartridge_wait_scan" in pending.value.diag.message_hint
            conn.execute("SELECT cartridge_cancel_scan(%s)", (queued,))


def test_twenty_jobs_from_four_sessions_each_run_exactly_once(cluster, chinook):
    name, scan = chinook
    ids: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def submit():
        try:
            with cluster.connect(name) as conn:
                for _ in range(5):
                    project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
                    with lock:
                        ids.append(project)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(set(ids)) == 20
    with cluster.connect(name) as conn:
        for project in ids:
            assert one(conn, "SELECT cartridge_wait(%s, '60 s')", (project,)) == "succeeded"
        rows = conn.execute("SELECT status, attempts, count(f.path) FROM cartridge.projects p"
                            " LEFT JOIN cartridge.files f ON f.project_id = p.id"
                            " WHERE p.id = ANY(%s) GROUP BY p.id, p.status, p.attempts", (ids,)).fetchall()
        assert len(rows) == 20
        assert {(status, attempts) for status, attempts, _ in rows} == {("succeeded", 1)}
        assert len({files for _, _, files in rows}) == 1 and rows[0][2] > 10


def test_listening_clients_are_notified_of_every_committed_change(cluster, chinook):
    name, scan = chinook
    with cluster.connect(name) as listener, cluster.connect(name) as conn:
        listener.execute("LISTEN cartridge_progress")
        project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
        payloads = []
        for notify in listener.notifies(timeout=30):
            payloads.append(json.loads(notify.payload))
            if one(conn, "SELECT status FROM cartridge.projects WHERE id = %s", (project,)) in FINAL \
                    and len(payloads) >= 2:
                break
        mine = [p for p in payloads if p == {"kind": "project", "id": project}]
        assert len(mine) >= 2, payloads  # claimed (running) ... succeeded
        assert one(conn, "SELECT cartridge_wait(%s)", (project,)) == "succeeded"


def test_wait_and_cancel_checks(cluster, chinook):
    name, scan = chinook
    with cluster.connect(name) as conn:
        with pytest.raises(psycopg.errors.UndefinedObject) as missing:
            conn.execute("SELECT cartridge_wait(424242)")
        assert "cartridge.projects" in missing.value.diag.message_hint
        with pytest.raises(psycopg.errors.UndefinedObject):
            conn.execute("SELECT cartridge_cancel_scan(424242)")
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT cartridge_wait(1, '-1 s')")
        # waiting in the submitting transaction would wait forever: refused
        with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState) as here:
            with conn.transaction():
                project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
                conn.execute("SELECT cartridge_wait(%s)", (project,))
        assert "COMMIT first" in here.value.diag.message_hint
        # cancel of a queued job (here: not committed yet) ends it before it starts
        with conn.transaction():
            project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
            assert one(conn, "SELECT cartridge_cancel(%s)", (project,)) is True
        assert one(conn, "SELECT cartridge_wait(%s, '5 s')", (project,)) == "cancelled"
        time.sleep(0.3)
        status, _, _, attempts, error, _ = job_row(conn, "projects", project)
        assert (status, attempts) == ("cancelled", 0) and "before it started" in error
        assert one(conn, "SELECT count(*) FROM cartridge.files WHERE project_id = %s", (project,)) == 0
        assert one(conn, "SELECT cartridge_cancel(%s)", (project,)) is False
        # repeatable read cannot see the job move
        with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState):
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                conn.execute("SELECT cartridge_wait(%s)", (project,))


def test_only_the_extension_moves_a_job(cluster, chinook):
    name, scan = chinook
    with cluster.connect(name) as admin:
        admin.execute("DROP ROLE IF EXISTS job_eve; CREATE ROLE job_eve LOGIN;"
                      " GRANT SELECT ON ALL TABLES IN SCHEMA public TO job_eve")
    try:
        with cluster.connect(name, user="job_eve") as eve:
            own_scan = one(eve, "SELECT cartridge_scan()")
            project = one(eve, "SELECT cartridge_generate(%s)", (own_scan,))
            for assignment in ("status = 'succeeded'", "attempts = 0", "progress = 100", "status = 'queued'"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    eve.execute(f"UPDATE cartridge.projects SET {assignment} WHERE id = %s", (project,))
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    eve.execute(f"UPDATE cartridge.scans SET {assignment} WHERE id = %s", (own_scan,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                eve.execute("INSERT INTO cartridge.projects (scan_id, name, provider, status, submitted_by)"
                            " VALUES (%s, 'x', 'builtin', 'queued', 'job_eve')", (own_scan,))
            assert one(eve, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
            assert one(eve, "SELECT submitted_by::text FROM cartridge.jobs WHERE kind = 'project' AND id = %s",
                       (project,)) == "job_eve"
    finally:
        with cluster.connect(name) as admin:
            admin.execute("DROP OWNED BY job_eve; DROP ROLE job_eve")


# -- a cluster with a large schema, for jobs that run long enough to be watched ------------

@pytest.fixture(scope="module")
def big():
    c = Cluster({"autovacuum": "off", "cartridge.worker_idle_timeout": "'60s'"}).start()
    try:
        synthetic_schema.create_database(c, "big", BIG_TABLES)
        with c.connect("big") as conn:
            conn.execute("CREATE SCHEMA tiny; CREATE TABLE tiny.t (id int PRIMARY KEY, v text)")
            conn.execute("GRANT USAGE ON SCHEMA tiny TO PUBLIC; GRANT SELECT ON tiny.t TO PUBLIC")
            scan = one(conn, "SELECT cartridge_scan()")
        yield c, scan
        assert not unexpected_crashes(c.log_text()), unexpected_crashes(c.log_text())
    finally:
        c.destroy()


def start_long_scan(conn) -> int:
    """An async scan of the large schema, seen running."""
    scan = one(conn, "SELECT cartridge_scan(async => true)")
    wait_until(lambda: job_row(conn, "scans", scan)[0] == "running")
    return scan


def test_progress_is_seen_live_from_another_session(big):
    c, scan = big
    with c.connect("big") as conn, c.connect("big") as watcher:
        project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
        seen = set()
        while True:
            status, progress, stage, *_ = job_row(watcher, "projects", project)
            seen.add((status, progress, stage))
            if status in FINAL:
                break
            time.sleep(0.005)
        assert status == "succeeded"
        live = {(p, s) for st, p, s in seen if st == "running" and 0 < p < 100}
        assert len({p for p, _ in live}) >= 2, seen
        # the running job's id is in pg_stat_activity
        scan2 = start_long_scan(conn)
        queries = [r[0] for r in watcher.execute(
            "SELECT query FROM pg_stat_activity WHERE backend_type = 'cartridge worker'")]
        assert f"cartridge job: scan {scan2} (attempt 1)" in queries
        assert one(watcher, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'cartridge launcher'") == 1
        # a wait that times out returns the status of now
        assert one(watcher, "SELECT cartridge_wait_scan(%s, '50 ms')", (scan2,)) == "running"
        assert one(conn, "SELECT cartridge_wait_scan(%s, '60 s')", (scan2,)) == "succeeded"


def test_cancel_of_running_jobs_stops_them_within_a_second(big):
    c, scan = big
    with c.connect("big") as conn:
        # a running scan: rolled back whole
        running = start_long_scan(conn)
        time.sleep(0.3)
        asked = time.monotonic()
        assert one(conn, "SELECT cartridge_cancel_scan(%s)", (running,)) is True
        assert one(conn, "SELECT cartridge_wait_scan(%s, '10 s')", (running,)) == "cancelled"
        assert time.monotonic() - asked < 1.0
        for table in ("relations", "columns", "constraints", "indexes", "relationships"):
            assert one(conn, f"SELECT count(*) FROM cartridge.{table} WHERE scan_id = %s", (running,)) == 0
        # a queued job behind a running one
        blocker = start_long_scan(conn)
        queued = one(conn, "SELECT cartridge_generate(%s)", (scan,))
        assert one(conn, "SELECT cartridge_cancel(%s)", (queued,)) is True
        assert one(conn, "SELECT cartridge_cancel_scan(%s)", (blocker,)) is True
        assert one(conn, "SELECT cartridge_wait(%s, '10 s')", (queued,)) == "cancelled"
        assert one(conn, "SELECT attempts FROM cartridge.projects WHERE id = %s", (queued,)) == 0
        # a running generation: no model, test or file of it stays
        project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
        wait_until(lambda: job_row(conn, "projects", project)[1] >= 5)
        assert one(conn, "SELECT cartridge_cancel(%s)", (project,)) in (True, False)
        final = one(conn, "SELECT cartridge_wait(%s, '10 s')", (project,))
        if final == "cancelled":
            for table in ("models", "tests", "files"):
                assert one(conn, f"SELECT count(*) FROM cartridge.{table} WHERE project_id = %s", (project,)) == 0
        else:  # it finished first: whole
            assert final == "succeeded"


def test_roles_see_wait_on_and_cancel_only_their_jobs_and_admins_all(big):
    c, _ = big
    with c.connect("big") as admin:
        admin.execute("""
            DROP ROLE IF EXISTS job_a; DROP ROLE IF EXISTS job_b; DROP ROLE IF EXISTS job_admin;
            CREATE ROLE job_a LOGIN; CREATE ROLE job_b LOGIN; CREATE ROLE job_admin LOGIN IN ROLE cartridge_admin;
        """)
    try:
        with c.connect("big", user="job_a") as a, c.connect("big", user="job_b") as b, \
                c.connect("big", user="job_admin") as boss, c.connect("big") as su:
            scan_a = one(a, "SELECT cartridge_scan(ARRAY['tiny'])")
            blocker = start_long_scan(su)
            project = one(a, "SELECT cartridge_generate(%s)", (scan_a,))
            for call in ("SELECT cartridge_wait(%s, '1 s')", "SELECT cartridge_cancel(%s)"):
                with pytest.raises(psycopg.errors.UndefinedObject):
                    b.execute(call, (project,))
            with pytest.raises(psycopg.errors.UndefinedObject):
                b.execute("SELECT cartridge_cancel_scan(%s)", (scan_a,))
            assert one(b, "SELECT count(*) FROM cartridge.jobs") == 0
            assert one(b, "SELECT count(*) FROM cartridge.projects") == 0
            assert one(boss, "SELECT count(*) FROM cartridge.jobs WHERE kind = 'project' AND id = %s",
                       (project,)) == 1
            assert one(boss, "SELECT cartridge_wait(%s, '10 ms')", (project,)) == "queued"
            assert one(boss, "SELECT cartridge_cancel(%s)", (project,)) is True
            assert one(a, "SELECT cartridge_wait(%s, '5 s')", (project,)) == "cancelled"
            # the admin sees the superuser's running scan, and cancels it
            assert one(boss, "SELECT cartridge_cancel_scan(%s)", (blocker,)) is True
            assert one(su, "SELECT cartridge_wait_scan(%s, '10 s')", (blocker,)) == "cancelled"
            # but may not delete what is not theirs
            assert boss.execute("DELETE FROM cartridge.projects WHERE id = %s", (project,)).rowcount == 0
    finally:
        with c.connect("big") as admin:
            admin.execute("DROP OWNED BY job_a, job_b, job_admin; DROP ROLE job_a; DROP ROLE job_b;"
                          " DROP ROLE job_admin")


def test_a_role_recreated_under_a_dropped_name_neither_sees_nor_runs_its_jobs(big):
    c, _ = big
    with c.connect("big") as su:
        su.execute("DROP ROLE IF EXISTS job_dave; CREATE ROLE job_dave LOGIN")
        with c.connect("big", user="job_dave") as dave:
            scan = one(dave, "SELECT cartridge_scan(ARRAY['tiny'])")
            blocker = start_long_scan(su)
            project = one(dave, "SELECT cartridge_generate(%s)", (scan,))
        su.execute("DROP OWNED BY job_dave; DROP ROLE job_dave; CREATE ROLE job_dave LOGIN")
        try:
            with c.connect("big", user="job_dave") as new_dave:
                assert one(new_dave, "SELECT count(*) FROM cartridge.jobs") == 0
                with pytest.raises(psycopg.errors.UndefinedObject):
                    new_dave.execute("SELECT cartridge_wait(%s, '1 s')", (project,))
            assert one(su, "SELECT cartridge_wait_scan(%s, '60 s')", (blocker,)) == "succeeded"
            assert one(su, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "failed"
            status, _, _, attempts, error, _ = job_row(su, "projects", project)
            assert "no longer exists" in error, error
            assert one(su, "SELECT count(*) FROM cartridge.files WHERE project_id = %s", (project,)) == 0
        finally:
            su.execute("DROP ROLE job_dave")


def kill_worker_mid_scan(c, how: str) -> int:
    """Starts a long scan, ends its worker `how`, and returns the scan id."""
    with c.connect("big") as conn:
        scan = start_long_scan(conn)
        time.sleep(0.5)
        pids = worker_pids(conn, "big")
        assert len(pids) == 1
        if how == "terminate":
            assert one(conn, "SELECT pg_terminate_backend(%s)", (pids[0],))
    if how == "kill -9":
        os.kill(pids[0], signal.SIGKILL)
    elif how == "immediate shutdown":
        c.stop("immediate")
        subprocess.run(_as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(c.datadir), "-l", str(c.logfile),
                                        "-w", "start"]), check=True, capture_output=True)
    return scan


@pytest.mark.parametrize("how", ["kill -9", "immediate shutdown", "terminate"])
def test_a_job_whose_worker_dies_is_requeued_and_never_stays_running(big, how):
    c, _ = big
    scan = kill_worker_mid_scan(c, how)

    def final():
        try:
            with c.connect("big") as conn:
                return one(conn, "SELECT cartridge_wait_scan(%s, '5 s')", (scan,)) in FINAL
        except psycopg.OperationalError:  # the server is restarting
            return False

    wait_until(final, timeout=120, interval=0.5)
    with c.connect("big") as conn:
        status, _, _, attempts, error, _ = job_row(conn, "scans", scan)
        assert (status, attempts) == ("succeeded", 2), (status, attempts, error)
        # the killed attempt left nothing: one scan's worth of rows
        assert one(conn, "SELECT count(*) FROM cartridge.relations WHERE scan_id = %s", (scan,)) == \
            one(conn, "SELECT (stats->>'relations')::int FROM cartridge.scans WHERE id = %s", (scan,))


def test_a_job_is_failed_after_its_last_attempt(big):
    c, _ = big
    with c.connect("big") as conn:
        conn.execute("ALTER SYSTEM SET cartridge.job_max_attempts = 1")
        conn.execute("SELECT pg_reload_conf()")
    try:
        time.sleep(0.5)
        scan = kill_worker_mid_scan(c, "terminate")
        with c.connect("big") as conn:
            assert one(conn, "SELECT cartridge_wait_scan(%s, '30 s')", (scan,)) == "failed"
            status, _, _, attempts, error, _ = job_row(conn, "scans", scan)
            assert attempts == 1 and "giving up" in error, error
            assert one(conn, "SELECT count(*) FROM cartridge.relations WHERE scan_id = %s", (scan,)) == 0
    finally:
        with c.connect("big") as conn:
            conn.execute("ALTER SYSTEM RESET cartridge.job_max_attempts")
            conn.execute("SELECT pg_reload_conf()")


# -- clusters of their own ----------------------------------------------------------------

def test_without_preloading_async_says_how_to_enable_it_and_sync_works():
    c = Cluster({"shared_preload_libraries": "''"}).start()
    try:
        c.create_database("plain")
        c.load_dataset("plain", "chinook")
        with c.connect("plain") as conn:
            conn.execute("CREATE EXTENSION cartridge")
            scan = one(conn, "SELECT cartridge_scan()")
            project = one(conn, "SELECT cartridge_generate(%s, async => false)", (scan,))
            assert one(conn, "SELECT cartridge_wait(%s)", (project,)) == "succeeded"
            for call in ("SELECT cartridge_generate(%s)" % scan, "SELECT cartridge_scan(async => true)"):
                with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState) as refused:
                    conn.execute(call)
                assert "shared_preload_libraries" in refused.value.diag.message_hint
                assert "async => false" in refused.value.diag.message_hint
            assert one(conn, "SELECT count(*) FROM cartridge.jobs WHERE status = 'queued'") == 0
        assert not crash_lines(c.log_text())
    finally:
        c.destroy()


def test_an_idle_worker_exits_and_does_not_hold_its_database():
    c = Cluster({"cartridge.worker_idle_timeout": "'1s'"}).start()
    try:
        c.create_database("idle")
        c.load_dataset("idle", "chinook")
        with c.connect("idle") as conn:
            conn.execute("CREATE EXTENSION cartridge")
            scan = one(conn, "SELECT cartridge_scan()")
            project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
            assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
            assert worker_pids(conn, "idle")
            wait_until(lambda: not worker_pids(conn, "idle"), timeout=10)
            # woken again by the next commit
            project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
            assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
        # a worker waiting for more work leaves when its database is dropped or copied
        with c.connect("postgres") as admin:
            admin.execute("ALTER SYSTEM SET cartridge.worker_idle_timeout = '1h'")
            admin.execute("SELECT pg_reload_conf()")
        with c.connect("idle") as conn:
            project = one(conn, "SELECT cartridge_generate(%s)", (scan,))
            assert one(conn, "SELECT cartridge_wait(%s, '30 s')", (project,)) == "succeeded"
        with c.connect("postgres") as admin:
            assert worker_pids(admin, "idle")
            admin.execute('CREATE DATABASE idle_copy TEMPLATE idle')
            admin.execute('DROP DATABASE idle')
        assert not crash_lines(c.log_text())
    finally:
        c.destroy()
