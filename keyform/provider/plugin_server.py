"""Serve the provider over go-plugin's gRPC handshake, quickly.

Terraform starts a provider 3–5 times per command, so start-up cost is paid often.
Unlike ``tf.runner.run_provider`` this server imports nothing it does not need
(``cryptography`` only when its cached certificate must be renewed, see
:mod:`keyform.provider.tls`; not grpcio: its calls are served by :mod:`keyform.provider.rpc_loop`
over :mod:`keyform.provider.http2`), listens on a Unix socket in a fresh private (0700)
directory (so other local users cannot reach the socket), answers the schema from what an
earlier launch of the same code kept (:mod:`keyform.provider.schema_cache`) and speaks go-plugin's
automatic mutual TLS: its cached certificate in the handshake line, and only a client holding
the key of Terraform's certificate (``PLUGIN_CLIENT_CERT``) is served."""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:
    from keyform.provider.rpc_loop import Unary
    from keyform.provider.servicer import App

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"


def serve(provider_factory: Callable[[], App], launcher_gone: Optional[Callable[[], bool]] = None,
          leave: Optional[Callable[[int], None]] = None) -> int:
    """Serve until Terraform's Shutdown, a SIGTERM, or the launch's end: by default when this process's parent
    (Terraform) changes; a warm provider's child is told by ``launcher_gone`` (:mod:`keyform.provider.warm`),
    and ends through ``leave``."""
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        print(
            "This is the keyform 'rest' Terraform provider. It is started by terraform, not by hand:\n"
            "install it with `make provider` and run terraform or cdktf.",
            file=sys.stderr,
        )
        return 1

    from keyform.provider import logs

    logs.configure()  # hclog lines on stderr when TF_LOG_PROVIDER / TF_LOG ask for them, else nothing

    from keyform.provider import timings
    from keyform.provider.rpc_loop import RpcLoop

    loop = RpcLoop(Methods(provider_factory), empty_streams=frozenset({"/plugin.GRPCStdio/StreamStdio"}),
                   ends_with=_SHUTDOWN)
    folder = _private_folder()
    socket_path = os.path.join(folder, "plugin.sock")
    try:
        try:
            cert = _listen(loop, socket_path, folder)
        except ValueError as refused:  # before the handshake line: Terraform shows this with "plugin exited"
            print(f"keyform rest provider: {refused}", file=sys.stderr)
            return 1
        # Terraform interrupts its whole process group on Ctrl-C; the provider ends when told to. A signal handler
        # only stores a flag (it must take no lock the loop may hold), seen within the loop's poll interval.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: setattr(loop, "stopping", True))
        sys.stdout.write(f"1|6|unix|{socket_path}|grpc|{cert}\n")
        sys.stdout.flush()
        # Terraform ends us with a Shutdown call; if it dies without one (killed, crashed), our
        # parent changes and we leave too rather than linger as an orphan; a SIGTERM ends us too.
        if launcher_gone is None:
            parent = os.getppid()
            launcher_gone = lambda: os.getppid() != parent  # noqa: E731
        loop.serve(should_stop=launcher_gone)
    finally:
        for remove, path in ((os.unlink, socket_path), (os.rmdir, folder)):
            try:
                remove(path)
            except OSError:
                pass
    timings.record_exit()
    # Terraform waits for this process to end, 3-5 times per command: leave without the interpreter's
    # teardown (joining idle gRPC and worker threads, module clean-up: ~50 ms). Nothing is buffered:
    # the handshake line was flushed and the call-timing log is line-buffered.
    if leave is not None:
        leave(0)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


_SHUTDOWN = "/plugin.GRPCController/Shutdown"
_SCHEMA = "/tfplugin6.Provider/GetProviderSchema"

COMPUTE_ONLY = frozenset({"GetMetadata", "GetProviderSchema", "ValidateProviderConfig", "ValidateResourceConfig",
                          "ValidateDataResourceConfig", "UpgradeResourceState", "MoveResourceState", "GetFunctions",
                          "StopProvider"})
"""The servicer's methods that never wait on an appliance: answered on the loop's own thread."""
USUALLY_COMPUTE_ONLY = frozenset({"ReadResource", "PlanResourceChange"})
"""Tried on the loop's thread first: a refresh's read is usually answered from a collection read already made,
a plan usually only computes; one that would send a request runs again on a pool thread (keyform.client.waiting)."""


class Methods:
    """What the loop answers, by path. go-plugin's Shutdown, and the schema when an earlier launch of this code
    kept its answer (:mod:`keyform.provider.schema_cache`), are answered without loading the provider: Terraform
    starts one launch per command for the schema alone. Any other call loads the provider and the whole protocol
    (once: the loop asks from its one thread)."""

    def __init__(self, provider_factory: Callable[[], App]) -> None:
        from keyform.provider import schema_cache
        from keyform.provider.rpc_loop import Unary

        self._factory = provider_factory
        self._all: Optional[dict[str, Unary]] = None
        self._ready = {_SHUTDOWN: Unary(bytes, lambda request, context: b"", True)}  # its answer: an empty message
        kept = schema_cache.load()
        if kept is not None:
            self._ready[_SCHEMA] = Unary(bytes, lambda request, context: kept, True)

    def get(self, path: str) -> Optional[Unary]:
        ready = self._ready.get(path)
        if ready is not None:
            return ready
        if self._all is None:
            from keyform.provider.servicer import Servicer

            self._all = _methods(Servicer(self._factory))
        return self._all.get(path)


def _methods(servicer: Any) -> dict[str, Unary]:
    """Every method of Terraform's provider protocol the servicer defines (any other is answered UNIMPLEMENTED);
    the schema's answer is kept for later launches of this code."""
    from google.protobuf.message_factory import GetMessageClass
    from tf.gen import tfplugin_pb2 as pb

    from keyform.provider import schema_cache
    from keyform.provider.rpc_loop import Unary

    def schema(request: Any, context: Any) -> bytes:
        answer = servicer.GetProviderSchema(request, context)
        body: bytes = answer.SerializeToString()
        if not answer.diagnostics:
            schema_cache.store(body)
        return body

    service = pb.DESCRIPTOR.services_by_name["Provider"]
    methods = {f"/{service.full_name}/{method.name}": Unary(GetMessageClass(method.input_type).FromString,
                                                          getattr(servicer, method.name), method.name in COMPUTE_ONLY,
                                                          method.name in USUALLY_COMPUTE_ONLY)
               for method in service.methods if hasattr(servicer, method.name)}
    methods[_SCHEMA] = Unary(methods[_SCHEMA].parse, schema, True)
    return methods


def _listen(server: Any, socket_path: str, folder: str) -> str:
    """Listen with TLS when Terraform asks for it (it sets ``PLUGIN_CLIENT_CERT`` unless the user set
    ``TF_DISABLE_PLUGIN_TLS``); the certificate for the handshake line, or "" for plain gRPC."""
    client_cert = os.environ.get("PLUGIN_CLIENT_CERT")
    if not client_cert:
        server.listen(socket_path, None)
        return ""
    from keyform.provider.rpc_loop import identity_context, require_client
    from keyform.provider.tls import identity

    tls = identity()
    prepared = _prepared.pop(tls["cert_pem"], None)  # a warm provider's, made before this child was forked
    context = prepared if prepared is not None else identity_context(tls["key_pem"], tls["cert_pem"], folder)
    require_client(context, client_cert)
    server.listen(socket_path, context)
    return tls["cert_der_b64"].rstrip("=")


_prepared: dict[str, Any] = {}
"""The TLS server context of the provider's identity, by certificate, made ahead (:func:`prepare_tls`)."""


def prepare_tls(private_folder: str) -> None:
    """Make the TLS server context of the provider's identity now (a warm provider, before it forks children):
    each child then only adds its Terraform's certificate to its own copy, ~2 ms of CPU less a launch."""
    from keyform.provider.rpc_loop import identity_context
    from keyform.provider.tls import identity

    tls = identity()
    _prepared.clear()
    _prepared[tls["cert_pem"]] = identity_context(tls["key_pem"], tls["cert_pem"], private_folder)


def _private_folder() -> str:
    """A fresh 0700 directory for the socket, in $TMPDIR unless that makes the socket path longer
    than a Unix socket address allows (107 bytes), then in /tmp. (``tempfile`` would add ~10 ms of imports.)"""
    base = os.environ.get("TMPDIR") or "/tmp"
    if len(os.path.join(base, "keyform-provider-000000", "plugin.sock")) > 107:
        base = "/tmp"
    while True:
        folder = os.path.join(base, f"keyform-provider-{os.urandom(3).hex()}")
        try:
            os.mkdir(folder, 0o700)
            return folder
        except FileExistsError:
            continue
