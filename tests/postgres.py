"""A real PostgreSQL for the tests (Debian's package: 15 here): the ``postgres`` fixture (session scope).

``initdb`` once per session in a temporary directory (run as the ``postgres`` user: initdb refuses root), the
server on a free loopback port with password authentication for TCP (a superuser ``keyform`` with a password made
for this session), stopped by pid at teardown and its directory removed. Use it from a test module with
``from tests.postgres import postgres  # noqa: F401`` (or ``pytest_plugins``). No SSL: ``sslmode=disable``.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

INSTALLED = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
BIN = INSTALLED[-1].parent if INSTALLED else Path("/usr/lib/postgresql/15/bin")  # Debian's newest; 15 here
USER = "keyform"
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


class Postgres:
    """A running server: where it listens, its credentials, and helpers to make databases and query them."""

    def __init__(self, root: Path, port: int, password: str, process: subprocess.Popen):
        self.root, self.port, self.password, self.process = root, port, password, process
        self.pid = process.pid
        self.conn_str = self.url("postgres")

    def url(self, database: str) -> str:
        """A libpq URL of ``database`` with the password (what ``PG_CONN_STR`` would hold)."""
        return f"postgres://{USER}:{quote(self.password, safe='')}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def env(self, database: str = "postgres") -> dict[str, str]:
        """libpq's ``PG*`` variables for ``database``."""
        return {"PGHOST": "127.0.0.1", "PGPORT": str(self.port), "PGUSER": USER, "PGPASSWORD": self.password,
                "PGDATABASE": database, "PGSSLMODE": "disable"}

    def psql(self, database: str, sql: str) -> str:
        """The unaligned, tuples-only output of ``sql`` in ``database`` (fails the test on an SQL error)."""
        result = subprocess.run([str(BIN / "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                                env={"PATH": os.defpath, **self.env(database)}, capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == 0, f"psql {sql!r}: {result.stderr}"
        return result.stdout.strip()

    def new_database(self, name: str) -> str:
        """A new, empty database ``name``; its libpq URL."""
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def schemas(self, database: str) -> list[str]:
        return self.psql(database, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'keyform%' "
                                   "ORDER BY 1").split()

    def state(self, database: str, schema: str, workspace: str = "default") -> str:
        """The state Terraform's pg backend holds for ``workspace`` in ``schema`` (empty when none)."""
        return self.psql(database, f"SELECT data FROM {schema}.states WHERE name = '{workspace}'")


def _as_postgres(path: Path) -> None:
    entry = pwd.getpwnam("postgres")
    os.chown(path, entry.pw_uid, entry.pw_gid)


def start(root: Path) -> Postgres:
    """initdb into ``root``/data and start the server; returns once it accepts connections."""
    if not (BIN / "initdb").exists():
        pytest.fail(f"PostgreSQL is not installed ({BIN}/initdb is missing): run `make setup`, which installs "
                    "Debian's postgresql package")
    password = secrets.token_urlsafe(18)
    os.chmod(root, 0o755)
    _as_postgres(root)
    pwfile = root / "pwfile"
    pwfile.write_text(password + "\n")
    _as_postgres(pwfile)
    data = root / "data"
    init = subprocess.run([str(BIN / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={pwfile}", "-E", "UTF8",
                           "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions"],
                          user="postgres", capture_output=True, text=True, timeout=120, cwd=root)
    pwfile.unlink()
    assert init.returncode == 0, f"initdb failed: {init.stderr}"
    port = free_port()
    log = open(root / "server.log", "w")
    _as_postgres(root / "server.log")
    process = subprocess.Popen([str(BIN / "postgres"), "-D", str(data), "-p", str(port), "-k", str(root),
                                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"],
                               user="postgres", stdout=log, stderr=subprocess.STDOUT, cwd=root)
    log.close()
    server = Postgres(root, port, password, process)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        ready = subprocess.run([str(BIN / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)], capture_output=True)
        if ready.returncode == 0:
            return server
        if process.poll() is not None or time.monotonic() > deadline:
            stop(server)
            raise AssertionError(f"PostgreSQL did not start: {(root / 'server.log').read_text()[-2000:]}")
        time.sleep(0.1)


def stop(server: Postgres) -> None:
    """Fast shutdown (SIGINT) by pid, SIGKILL if it is still there after 20 s."""
    if server.process.poll() is None:
        os.kill(server.pid, signal.SIGINT)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A real PostgreSQL for the session (see the module docstring)."""
    root = Path(tempfile.mkdtemp(prefix="keyform-pg-"))
    try:
        server = start(root)
        try:
            yield server
        finally:
            stop(server)
    finally:
        shutil.rmtree(root, ignore_errors=True)
