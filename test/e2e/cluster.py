"""A throw-away PostgreSQL cluster for the end-to-end tests.

Each cluster has its own data directory, socket directory and free TCP port on loopback.
PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
unprivileged `postgres` user (created by the Debian package) in directories it owns.
"""
from __future__ import annotations

import os
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile

import psycopg

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "test" / "data"
PG_BIN = pathlib.Path(subprocess.check_output(["pg_config", "--bindir"], text=True).strip())

# What a crashed backend or server leaves in the log.
CRASH_PATTERN = re.compile(r"terminated by signal|PANIC:")


def crash_lines(log_text: str) -> list[str]:
    """Lines of a server log that show a crash."""
    return [line for line in log_text.splitlines() if CRASH_PATTERN.search(line)]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, settings: dict[str, str] | None = None):
        self.base = pathlib.Path(tempfile.mkdtemp(prefix="cartridge-e2e-"))
        self.datadir = self.base / "data"
        self.sockdir = self.base / "sock"
        self.logfile = self.base / "server.log"
        self.port = free_port()
        self.settings = {
            "shared_preload_libraries": "'cartridge'",
            "listen_addresses": "'127.0.0.1'",
            "fsync": "off",
            "max_connections": "40",
            **(settings or {}),
        }
        self.sockdir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.sockdir, "postgres", "postgres")

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> "Cluster":
        subprocess.run(
            _as_server_user([str(PG_BIN / "initdb"), "-D", str(self.datadir), "-U", "postgres",
                             "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]),
            check=True, capture_output=True, text=True)
        with open(self.datadir / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.port}\n")
            conf.write(f"unix_socket_directories = '{self.sockdir}'\n")
            for key, value in self.settings.items():
                conf.write(f"{key} = {value}\n")
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-l",
                             str(self.logfile), "-w", "start"]),
            check=True, capture_output=True, text=True)
        return self

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-m", mode,
                             "-w", "stop"]),
            capture_output=True, text=True)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    # -- access ---------------------------------------------------------------------------
    def conninfo(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"host={self.sockdir} port={self.port} dbname={dbname} user={user}"

    def connect(self, dbname: str = "postgres", user: str = "postgres",
                autocommit: bool = True) -> psycopg.Connection:
        return psycopg.connect(self.conninfo(dbname, user), autocommit=autocommit)

    def env(self, dbname: str = "postgres", user: str = "postgres") -> dict[str, str]:
        """libpq environment for client programs (psql, dbt) aimed at this cluster."""
        return {**os.environ, "PGHOST": str(self.sockdir), "PGPORT": str(self.port),
                "PGUSER": user, "PGDATABASE": dbname}

    def psql(self, dbname: str, *args: str, input: str | None = None) -> str:
        result = subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, *args],
            env=self.env(dbname), input=input, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed ({result.returncode}): {result.stderr}")
        return result.stdout

    def log_text(self) -> str:
        return self.logfile.read_text(errors="replace") if self.logfile.exists() else ""

    def log_size(self) -> int:
        return self.logfile.stat().st_size if self.logfile.exists() else 0

    def log_since(self, offset: int) -> str:
        if not self.logfile.exists():
            return ""
        with open(self.logfile, "rb") as f:
            f.seek(offset)
            return f.read().decode(errors="replace")

    # -- databases ------------------------------------------------------------------------
    def create_database(self, name: str, template: str = "template0") -> None:
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def load_dataset(self, dbname: str, dataset: str) -> None:
        """Loads test/data/<dataset>.sql (or the jaffle_shop CSVs) into dbname."""
        if dataset == "jaffle_shop":
            folder = DATA / "jaffle_shop"
            self.psql(dbname, "-v", f"dir={folder}", "-f", str(folder / "load.sql"))
        else:
            self.psql(dbname, "-f", str(DATA / f"{dataset}.sql"))
