"""The C++/PostgreSQL boundary seen from a client: errors keep their SQLSTATE, destructors
run, the session survives, and memory stays flat under repetition."""
import os
import signal
import time

import psycopg
import pytest

from cluster import ROOT, Cluster, crash_lines

GUARD_FUNCTIONS = (ROOT / "test" / "sql" / "guard_test_functions.sql").read_text()


@pytest.fixture
def guarded(db):
    db.execute(GUARD_FUNCTIONS)
    return db


def test_cpp_exception_becomes_error_with_sqlstate_and_hint(guarded):
    with pytest.raises(psycopg.errors.InvalidParameterValue) as raised:
        guarded.execute("SELECT cartridge_test.throw_error('from C++')")
    assert raised.value.diag.message_primary == "from C++"
    assert raised.value.diag.message_hint == "this hint came from C++"
    assert guarded.execute("SELECT 42").fetchone() == (42,)


def test_std_exception_becomes_internal_error(guarded):
    with pytest.raises(psycopg.errors.InternalError_) as raised:
        guarded.execute("SELECT cartridge_test.throw_std('plain')")
    assert raised.value.diag.message_primary == "plain"


def test_postgres_error_crosses_cpp_frames_running_destructors(guarded):
    with pytest.raises(psycopg.errors.DivisionByZero):
        guarded.execute("SELECT cartridge_test.error_through_frames(12, 'SELECT 1/0')")
    assert guarded.execute("SELECT cartridge_test.destructors_run()").fetchone() == (12,)


def test_postgres_error_keeps_its_own_sqlstate(guarded):
    with pytest.raises(psycopg.errors.UndefinedTable):
        guarded.execute("SELECT cartridge_test.error_through_frames(2, 'SELECT * FROM nowhere')")
    assert guarded.execute("SELECT cartridge_test.destructors_run()").fetchone() == (2,)


def test_thousand_errors_leave_memory_flat(guarded):
    def cycle(n):
        for _ in range(n):
            with pytest.raises(psycopg.errors.DivisionByZero):
                guarded.execute("SELECT cartridge_test.error_through_frames(4, 'SELECT 1/0')")
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                guarded.execute("SELECT cartridge_test.throw_error('again')")

    cycle(50)
    before = guarded.execute("SELECT cartridge_test.backend_memory()").fetchone()[0]
    cycle(1000)
    after = guarded.execute("SELECT cartridge_test.backend_memory()").fetchone()[0]
    assert after["palloc"] - before["palloc"] < 64 * 1024
    assert after["malloc"] - before["malloc"] < 64 * 1024


def test_version_reports_linked_libraries(db):
    version = db.execute("SELECT cartridge_version()").fetchone()[0]
    control = (ROOT / "cartridge.control").read_text()
    assert f"default_version = '{version['extension']}'" in control
    assert set(version) == {"extension", "server", "libcurl", "libarchive", "nlohmann_json",
                            "yaml_cpp", "fmt"}
    assert version["server"] == db.execute("SHOW server_version").fetchone()[0]


def test_crash_detector_sees_a_killed_backend():
    """The log check that guards every test must itself catch a real crash."""
    c = Cluster().start()
    try:
        with c.connect() as victim, c.connect() as killer:
            pid = victim.info.backend_pid
            killer.execute("SELECT 1")
            os.kill(pid, signal.SIGSEGV)
        deadline = time.time() + 10
        while not crash_lines(c.log_text()) and time.time() < deadline:
            time.sleep(0.1)
        assert any("terminated by signal" in line for line in crash_lines(c.log_text()))
    finally:
        c.destroy()


def test_error_outlives_the_memory_scopes_it_crosses(guarded):
    with pytest.raises(psycopg.errors.UndefinedTable) as raised:
        guarded.execute("SELECT cartridge_test.error_inside_scope('SELECT * FROM missing_table')")
    assert raised.value.diag.message_primary == 'relation "missing_table" does not exist'
