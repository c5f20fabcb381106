"""A real KMIP server on loopback: PyKMIP's engine and sessions behind mutual TLS, certificates from the run's CA.

``start_kmip_server(ca, host, port, workdir=...)`` serves until ``.stop()``. Clients must present a certificate
that chains to ``ca`` and carries the clientAuth extended key usage (PyKMIP's ``enable_tls_client_auth``); the
server's certificate is issued by ``ca`` for the loopback names (and ``host``). TLS is PyKMIP's TLS 1.2
authentication suite: TLS 1.2 only, its KMIP-profile cipher suites. The workdir keeps the server's certificate,
its SQLite database and its log (``server.log``).

CHOSEN: an accept loop of our own in a thread of this process, not PyKMIP's ``KmipServer`` (nor a child process
running it): ``KmipServer.start`` installs signal handlers (only possible in the main thread), sets the process-wide
default socket timeout, and starts a ``multiprocessing`` manager and a policy-directory monitor process — global
effects and child processes a simulator must not leave behind. Its engine (the KMIP operations) and sessions (one
thread per connection: TLS handshake, client-certificate checks, message loop) are used as they are, so peers talk
to PyKMIP itself; starting takes milliseconds and stopping closes every connection.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import socket
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Optional

from keyform.simulators.common.run_ca import LOOPBACK_NAMES, RunCa
from keyform.simulators.kmip.pykmip import auth, exceptions, new_engine, session

ACCEPT_POLL = 0.2
"""How often the accept loop looks whether it was stopped (seconds)."""
IDLE_SECONDS = 30.0
"""A connection silent this long is closed (PyKMIP's own server: 10 s)."""
STOP_SECONDS = 5.0
LOG_FILE = "server.log"
DATABASE_FILE = "pykmip.db"

_names = itertools.count(1)


class _Session(session.KmipSession):
    """PyKMIP's session, ended when its connection times out or breaks (PyKMIP's retries a dead socket forever)."""

    def _receive_request(self):
        try:
            return super()._receive_request()
        except OSError as error:
            raise exceptions.ConnectionClosed(str(error)) from None


class _ThreadFilter(logging.Filter):
    """Pass only the records of one server's threads (PyKMIP's loggers are shared by every server)."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        return (record.threadName or "").startswith(self.prefix)


@dataclass
class RunningKmipServer:
    """A KMIP server serving in a background thread."""

    name: str
    host: str
    port: int
    workdir: str
    ca_cert_file: str
    """The CA certificate its clients are issued by and trust it by (the CA's own file, else a copy in the
    workdir)."""
    _listener: socket.socket = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _stopping: threading.Event = field(repr=False)
    _connections: set = field(repr=False)
    _lock: threading.Lock = field(repr=False)
    _log_handler: logging.Handler = field(repr=False)
    _temporary: bool = field(repr=False)
    """The workdir was made for this server: removed when it stops."""
    _engine: Any = field(repr=False)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def stop(self) -> None:
        """Stop accepting, close every connection, wait for the accept thread."""
        self._stopping.set()
        self._thread.join(timeout=STOP_SECONDS)
        self._listener.close()
        with self._lock:
            open_connections = list(self._connections)
        for connection in open_connections:
            _close(connection)
        self._engine._data_store.dispose()  # PyKMIP's SQLAlchemy engine: its SQLite connections
        logging.getLogger("kmip.server").removeHandler(self._log_handler)
        self._log_handler.close()
        if self._temporary:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _close(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    connection.close()


def _tls_context(ca: RunCa, cert_path: str, key_path: str) -> ssl.SSLContext:
    """PyKMIP's TLS 1.2 authentication suite, client certificates required and verified against ``ca``."""
    suite = auth.TLS12AuthenticationSuite()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(suite.ciphers)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=ca.certificate_pem)
    context.load_cert_chain(cert_path, key_path)
    return context


def _log_handler(workdir: str, prefix: str) -> logging.Handler:
    handler = logging.FileHandler(os.path.join(workdir, LOG_FILE), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(threadName)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(_ThreadFilter(prefix))
    logger = logging.getLogger("kmip.server")
    logger.setLevel(logging.INFO)
    logger.propagate = False  # PyKMIP logs every session at INFO: into the workdir, not the simulators' output
    logger.addHandler(handler)
    return handler


def start_kmip_server(ca: RunCa, host: str = "127.0.0.1", port: int = 0, workdir: Optional[str] = None,
                      name: Optional[str] = None) -> RunningKmipServer:
    """Serve KMIP on ``host:port`` (0: a free port) with a certificate issued by ``ca``; ``workdir`` (a new
    temporary directory when None, removed by ``stop``) keeps its certificate, database and log."""
    name = name or f"kmip-{next(_names)}"
    listener = socket.create_server((host, port))  # first: a port in use fails before anything is made
    listener.settimeout(ACCEPT_POLL)
    try:
        temporary = workdir is None
        workdir = workdir or tempfile.mkdtemp(prefix=f"keyform-{name}-")
        os.makedirs(workdir, exist_ok=True)
        hosts = list(LOOPBACK_NAMES) + ([host] if host not in LOOPBACK_NAMES + ("0.0.0.0", "::") else [])
        cert_path, key_path = ca.issue_server(name, hosts).write(workdir, "server")
        ca_path = ca.certificate_path
        if ca_path is None:  # a CA held in memory: a copy for the clients
            ca_path = os.path.join(workdir, "ca.pem")
            with open(ca_path, "w", encoding="ascii") as handle:
                handle.write(ca.certificate_pem)
        context = _tls_context(ca, cert_path, key_path)
        kmip_engine = new_engine(os.path.join(workdir, DATABASE_FILE))
    except BaseException:
        listener.close()
        raise
    stopping = threading.Event()
    connections: set = set()
    lock = threading.Lock()
    handler = _log_handler(workdir, f"{name}-")
    sessions = itertools.count(1)

    def serve_one(raw: socket.socket, address) -> None:
        raw.settimeout(IDLE_SECONDS)
        tls = context.wrap_socket(raw, server_side=True, do_handshake_on_connect=False, suppress_ragged_eofs=True)
        with lock:
            connections.add(tls)
        try:
            worker = _Session(kmip_engine, tls, address, name=f"{name}-{next(sessions):08}",
                              enable_tls_client_auth=True)
            worker.run()  # in this thread: the session is the connection's whole life
        finally:
            with lock:
                connections.discard(tls)
            _close(tls)

    def accept_loop() -> None:
        while not stopping.is_set():
            try:
                raw, address = listener.accept()
            except (socket.timeout, TimeoutError):
                continue
            except OSError:
                if stopping.is_set():
                    return
                continue
            threading.Thread(target=serve_one, args=(raw, address), name=f"{name}-connection",
                             daemon=True).start()

    thread = threading.Thread(target=accept_loop, name=f"{name}-accept", daemon=True)
    running = RunningKmipServer(name, host, listener.getsockname()[1], workdir, ca_path, listener, thread, stopping,
                                connections, lock, handler, temporary, kmip_engine)
    thread.start()
    return running
