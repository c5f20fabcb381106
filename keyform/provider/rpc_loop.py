"""Serve unary gRPC calls on a Unix socket from one loop, with few thread hand-offs.

One thread reads every connection (:mod:`keyform.provider.http2`) and answers the calls that only compute
(validation, schema, state upgrades) where it stands; the calls that may wait on an appliance go to a pool, whose
threads send their own answers and never hand back. (grpcio's server, and then a loop of ours on grpcio's core,
cost ~0.45 and ~0.25 ms of CPU per call and ~90 ms of imports per launch, for ~0.02 ms of the provider's own
work per call; Terraform makes ~5 calls per object per plan and starts the provider 3-5 times per command.)

What it serves is what Terraform asks of a provider: unary calls, and server-streaming calls it answers with an
empty stream (go-plugin's ``StreamStdio``). A method it does not know is answered UNIMPLEMENTED, as grpcio does.
"""

from __future__ import annotations

import logging
import os
import selectors
import socket
import ssl
from concurrent import futures
from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol

from keyform.provider.http2 import Connection

log = logging.getLogger("keyform.provider")

_POLL_SECONDS = 0.5
"""How long the loop waits for an event before it looks at :attr:`RpcLoop.stopping` (signals, a dead parent)."""
_HANDSHAKE_SECONDS = 10.0


class Status:
    """gRPC status codes (the ones this server sends)."""

    OK = 0
    UNKNOWN = 2
    INTERNAL = 13
    UNIMPLEMENTED = 12


@dataclass(frozen=True)
class Unary:
    """One unary method: how its request is parsed and what answers it (a protobuf message)."""

    parse: Callable[[bytes], Any]
    answer: Callable[[Any, Any], Any]
    """The answer to a parsed request and its :class:`Context`: a protobuf message, or one already serialized."""
    inline: bool
    """Answered on the loop's thread (it only computes); else on a pool thread (it may wait on the network)."""
    tried_inline: bool = False
    """Tried on the loop's thread first, where it must not wait (:mod:`keyform.client.waiting`): it usually only
    computes; when it would send a request, it runs again, whole, on a pool thread."""


class Context:
    """What a servicer method sees of its call: it may set a status code and details, then raise."""

    def __init__(self) -> None:
        self.code: Optional[int] = None
        self.details = ""

    def set_code(self, code: int) -> None:
        self.code = code

    def set_details(self, details: str) -> None:
        self.details = details


class MethodTable(Protocol):
    def get(self, path: str) -> Optional[Unary]: ...


class RpcLoop:
    def __init__(self, unary: MethodTable, empty_streams: frozenset[str], ends_with: str, workers: int = 16):
        self.unary = unary
        self.empty_streams = empty_streams
        self.ends_with = ends_with
        """The method whose answer, once it has gone out, ends :meth:`serve` (go-plugin's Shutdown)."""
        self.stopping = False
        """Set (from a signal handler too: a plain store) to end :meth:`serve` at its next event or poll."""
        self._pool = futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rpc")
        self._selector = selectors.DefaultSelector()
        self._listener: Optional[socket.socket] = None
        self._tls: Optional[ssl.SSLContext] = None
        self._connections: list[Connection] = []
        self._waiting: Any = None  # keyform.client.waiting, once a call is tried on the loop

    def listen(self, socket_path: str, tls: Optional[ssl.SSLContext]) -> None:
        """Listen on a Unix socket (its folder keeps other users out), with TLS when ``tls`` is given."""
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(socket_path)
        listener.listen(8)
        self._listener, self._tls = listener, tls
        self._selector.register(listener, selectors.EVENT_READ, None)

    def serve(self, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Answer calls until :attr:`stopping` is set or ``should_stop()`` says so (asked at each idle poll)."""
        while not self.stopping:
            events = self._selector.select(_POLL_SECONDS)
            if not events and should_stop():
                break
            for key, _ in events:
                if key.data is None:
                    self._accept()
                elif not key.data.receive():
                    self._selector.unregister(key.fileobj)
                    self._connections.remove(key.data)
                    key.data.close()
        self._stop()

    def _accept(self) -> None:
        assert self._listener is not None
        sock, _ = self._listener.accept()
        connection = Connection(sock, self._tls, self._received)
        try:
            connection.handshake(_HANDSHAKE_SECONDS)
        except (OSError, ssl.SSLError) as exc:
            log.warning("a client's connection failed its handshake: %s", exc)
            connection.close()
            return
        if connection.closed:  # what came with the handshake already broke the protocol (a GOAWAY went out)
            connection.close()
            return
        self._connections.append(connection)
        self._selector.register(sock, selectors.EVENT_READ, connection)

    # ------------------------------------------------------------------ calls
    def _received(self, connection: Connection, stream: int, method: str, message: Optional[bytes]) -> None:
        if method in self.empty_streams:  # asked first (go-plugin opens its stdio stream on connecting)
            connection.respond(stream, None, Status.OK, "")
            return
        handler = self.unary.get(method)
        if handler is None:
            connection.respond(stream, None, Status.UNIMPLEMENTED, f"Method not found: {method}")
        elif message is None:  # a unary call without its request message
            connection.respond(stream, None, Status.INTERNAL, "the call carried no request message")
        elif handler.inline:
            self._answer(connection, stream, method, handler, message, on_loop=True)
        elif not (handler.tried_inline and self._tried_on_loop(connection, stream, method, handler, message)):
            self._pool.submit(self._answer, connection, stream, method, handler, message, False)

    def _tried_on_loop(self, connection: Connection, stream: int, method: str, handler: Unary,
                       message: bytes) -> bool:
        """Answer a call tried on the loop's thread, unless it would have waited: then False, nothing sent."""
        waiting = self._waiting
        if waiting is None:  # loaded with the provider by then; a schema-only launch never gets here
            from keyform.client import waiting

            self._waiting = waiting
        try:
            with waiting.without_waiting():
                self._answer(connection, stream, method, handler, message, on_loop=True)
        except waiting.WouldWait:
            return False
        return True

    def _answer(self, connection: Connection, stream: int, method: str, handler: Unary, message: bytes,
                on_loop: bool) -> None:
        context = Context()
        body: Optional[bytes] = None
        try:
            answer = handler.answer(handler.parse(message), context)
            body = answer if isinstance(answer, bytes) else answer.SerializeToString()
            code, details = Status.OK, ""
        except Exception as exc:  # noqa: BLE001 - the client gets a status, never a hung call
            code = context.code if context.code is not None else Status.UNKNOWN
            details = context.details or f"{type(exc).__name__}: {exc}"
            if context.code is None:  # to Terraform's log when it asks for one (keyform.provider.logs)
                log.exception("%s failed", method)
        if not connection.respond(stream, body, code, details, wait=not on_loop):
            # Waiting for the client's window here would stop the loop that reads the window's update.
            self._pool.submit(connection.respond, stream, body, code, details)
        if method == self.ends_with:
            self.stopping = True

    # ------------------------------------------------------------------- stop
    def _stop(self) -> None:
        """Close the connections (calls under way end with them) and the socket; the process leaves right after."""
        for connection in self._connections:
            connection.close()
        if self._listener is not None:
            self._listener.close()
        self._selector.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


def identity_context(key_pem: str, cert_pem: str, private_folder: str) -> ssl.SSLContext:
    """A TLS server context for the identity, offering HTTP/2, that asks for no client certificate yet (a warm
    provider makes it once; each launch's child adds its Terraform's, :func:`require_client`). ``load_cert_chain``
    reads files only: the pair is written in a private (0700) folder, read and removed at once."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_alpn_protocols(["h2"])
    path = os.path.join(private_folder, "identity.pem")
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(cert_pem + key_pem)
        context.load_cert_chain(path)
    finally:
        os.unlink(path)
    return context


def require_client(context: ssl.SSLContext, client_cert_pem: str) -> None:
    """Accept only a client that holds the key of ``client_cert_pem`` (ValueError when it is not a certificate)."""
    context.verify_mode = ssl.CERT_REQUIRED
    try:
        context.load_verify_locations(cadata=client_cert_pem)
    except ssl.SSLError as exc:
        raise ValueError(f"PLUGIN_CLIENT_CERT is not a PEM certificate ({exc.reason or exc}): it is set by "
                         "Terraform (go-plugin's automatic TLS); unset it, or let Terraform start the provider"
                         ) from None
