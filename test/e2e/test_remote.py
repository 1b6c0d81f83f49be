"""cartridge_test_connection against a second PostgreSQL cluster started for the test, on
another port, that asks one role for a password (scram-sha-256) and trusts another: ok,
wrong password, an address that never answers (within connect_timeout), cancel and
statement_timeout while connecting; who may connect (members of cartridge_remote, and a
non-superuser only with a password the remote server really uses); the password in no
error and no server log line."""
from __future__ import annotations

import socket
import time

import psycopg
import pytest

from cluster import Cluster, crash_lines

PASSWORD = "S3cret-pw-Qx7"
WRONG = "Wr0ng-pw-Zz9"


@pytest.fixture(scope="module")
def remote():
    c = Cluster({"password_encryption": "'scram-sha-256'"}).start()
    try:
        hba = c.datadir / "pg_hba.conf"
        hba.write_text(f"host all remote_user 127.0.0.1/32 scram-sha-256\n{hba.read_text()}")
        with c.connect() as admin:
            admin.execute(f"CREATE ROLE remote_user LOGIN PASSWORD '{PASSWORD}'")
            admin.execute("CREATE ROLE trusted_user LOGIN")  # host ... trust: no password asked
            admin.execute("SELECT pg_reload_conf()")
        yield c
        crashes = crash_lines(c.log_text())
        assert not crashes, crashes
    finally:
        c.destroy()


def conninfo(remote, user: str = "remote_user", password: str | None = PASSWORD, **extra) -> str:
    parts = [f"host=127.0.0.1 port={remote.port} dbname=postgres user={user}"]
    if password is not None:
        parts.append(f"password={password}")
    parts += [f"{k}={v}" for k, v in extra.items()]
    return " ".join(parts)


@pytest.fixture
def roles(cluster, make_db):
    name = make_db()
    with cluster.connect() as admin:
        admin.execute("DROP ROLE IF EXISTS tc_member; DROP ROLE IF EXISTS tc_outsider;"
                      " CREATE ROLE tc_member LOGIN; CREATE ROLE tc_outsider LOGIN;"
                      " GRANT cartridge_remote TO tc_member")
    yield name
    cluster.drop_database(name)
    with cluster.connect() as admin:
        admin.execute("DROP OWNED BY tc_member; DROP OWNED BY tc_outsider; DROP ROLE tc_member; DROP ROLE tc_outsider")


def try_connection(conn, info: str) -> dict:
    return conn.execute("SELECT cartridge_test_connection(%s)", (info,)).fetchone()[0]


def test_ok_and_wrong_password(cluster, remote, db):
    got = try_connection(db, conninfo(remote))
    assert got["ok"] is True and got["error"] is None, got
    assert got["server_version"].startswith("15.") and got["database"] == "postgres"
    assert got["user"] == "remote_user" and got["ssl"] is False and got["latency_ms"] > 0
    bad = try_connection(db, conninfo(remote, password=WRONG))
    assert bad["ok"] is False and "password authentication failed" in bad["error"], bad
    assert WRONG not in bad["error"] and bad["server_version"] is None
    refused = try_connection(db, f"host=127.0.0.1 port={free_port()} dbname=postgres user=x password={WRONG}")
    assert refused["ok"] is False and "refused" in refused["error"].lower(), refused
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        try_connection(db, f"host=127.0.0.1 nonsense password={PASSWORD}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_server():
    """A port that accepts the TCP connection and never says a word."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    yield s.getsockname()[1]
    s.close()


def test_an_address_that_never_answers_fails_within_connect_timeout(db, silent_server):
    started = time.monotonic()
    got = try_connection(db, f"host=127.0.0.1 port={silent_server} dbname=x user=x password={WRONG} connect_timeout=2")
    elapsed = time.monotonic() - started
    assert got["ok"] is False and "timeout" in got["error"], got
    assert 1.9 < elapsed < 4, elapsed


def test_cancel_and_statement_timeout_interrupt_a_connection(cluster, db, silent_server):
    info = f"host=127.0.0.1 port={silent_server} dbname=x user=x password={WRONG} connect_timeout=60"
    db.execute("SET statement_timeout = '500ms'")
    started = time.monotonic()
    with pytest.raises(psycopg.errors.QueryCanceled):
        try_connection(db, info)
    assert time.monotonic() - started < 3
    db.execute("RESET statement_timeout")
    pid = db.execute("SELECT pg_backend_pid()").fetchone()[0]
    with cluster.connect() as other:
        import threading
        timer = threading.Timer(0.5, lambda: other.execute("SELECT pg_cancel_backend(%s)", (pid,)))
        timer.start()
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled):
            try_connection(db, info)
        timer.join()
    assert time.monotonic() - started < 3
    assert db.execute("SELECT 1").fetchone() == (1,)


def test_who_may_connect(cluster, remote, roles):
    offset = cluster.log_size()
    with cluster.connect(roles, user="tc_outsider") as outsider:
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
            try_connection(outsider, conninfo(remote))
        assert "cartridge_remote" in error.value.diag.message_hint
    with cluster.connect(roles, user="tc_member") as member:
        assert try_connection(member, conninfo(remote))["ok"] is True
        # no password: it would borrow this server's identity
        with pytest.raises(psycopg.errors.lookup("2F003")) as error:
            try_connection(member, conninfo(remote, password=None))
        assert error.value.diag.message_primary == "password is required"
        # a password the remote server does not ask for (trust) is not one
        with pytest.raises(psycopg.errors.lookup("2F003")):
            try_connection(member, conninfo(remote, user="trusted_user"))
        # nor the server's own password file or keys
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            try_connection(member, conninfo(remote, passfile="/var/lib/postgresql/.pgpass"))
        assert try_connection(member, conninfo(remote, password=WRONG))["ok"] is False
    log = cluster.log_since(offset)
    assert "password is required" in log  # the errors were logged ...
    assert PASSWORD not in log and WRONG not in log  # ... without the passwords


def test_passwords_stay_out_of_the_log_even_with_log_statement(cluster, remote, db):
    offset = cluster.log_size()
    db.execute("SET log_statement = 'all'")
    try_connection(db, conninfo(remote))
    try_connection(db, f"postgresql://remote_user:{PASSWORD}@127.0.0.1:{remote.port}/postgres")
    try_connection(db, conninfo(remote, password=WRONG))
    db.execute("RESET log_statement")
    log = cluster.log_since(offset)
    assert "cartridge_test_connection" in log
    assert PASSWORD not in log and WRONG not in log, log
