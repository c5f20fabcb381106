"""Serve the provider over go-plugin's gRPC handshake, quickly.

Terraform starts a provider 3–5 times per command, so start-up cost is paid often.
Unlike ``tf.runner.run_provider`` this server imports nothing it does not need
(``cryptography`` only when its cached certificate must be renewed, see
:mod:`keyform.provider.tls`), listens on a Unix socket in a fresh private (0700)
directory (so other local users cannot reach the socket) and answers go-plugin's
automatic TLS with its cached certificate. It does not demand Terraform's client
certificate: go-plugin's P-521 client certificate is not one gRPC's TLS stack will
present a request for, so the client would send none (measured: "PEER_DID_NOT_RETURN_A_CERTIFICATE").
"""

from __future__ import annotations

import os
import select
import signal
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from keyform.provider.servicer import App, Context, Message

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"


def serve(provider_factory: Callable[[], App]) -> int:
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        print(
            "This is the keyform 'rest' Terraform provider. It is started by terraform, not by hand:\n"
            "install it with `make provider` and run terraform or cdktf.",
            file=sys.stderr,
        )
        return 1

    from keyform.provider import logs

    logs.configure()  # hclog lines on stderr when TF_LOG_PROVIDER / TF_LOG ask for them, else nothing

    from concurrent import futures

    import grpc
    from tf.gen import grpc_controller_pb2 as controller_pb
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc
    from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc
    from tf.gen import tfplugin_pb2_grpc as rpc

    from keyform.provider import timings
    from keyform.provider.servicer import Servicer

    # Shutdown calls and SIGTERM wake the main thread through a pipe: a signal handler must not take a
    # lock the main thread may hold (an Event set from a handler deadlocks when the signal lands inside
    # that event's wait; measured on the simulators' runner: 3 of 60 SIGTERMs).
    wake_read, wake_write = os.pipe()

    # tf has no type information: the generated servicer bases are Any.
    class Controller(controller_rpc.GRPCControllerServicer):  # type: ignore[misc]
        def Shutdown(self, request: Message, context: Context) -> Message:
            os.write(wake_write, b"s")
            return controller_pb.Empty()

    class Stdio(stdio_rpc.GRPCStdioServicer):  # type: ignore[misc]
        def StreamStdio(self, request: Message, context: Context) -> Iterator[Message]:
            return iter(())

    servicer = Servicer(provider_factory)
    # Terraform's default parallelism is 10: serve at least that many calls at once.
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    rpc.add_ProviderServicer_to_server(servicer, server)
    controller_rpc.add_GRPCControllerServicer_to_server(Controller(), server)
    stdio_rpc.add_GRPCStdioServicer_to_server(Stdio(), server)

    folder = _private_folder()
    socket_path = os.path.join(folder, "plugin.sock")
    try:
        cert = _listen(grpc, server, f"unix://{socket_path}")
        server.start()
        # Terraform interrupts its whole process group on Ctrl-C; the provider ends when told to.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: os.write(wake_write, b"t"))
        sys.stdout.write(f"1|6|unix|{socket_path}|grpc|{cert}\n")
        sys.stdout.flush()
        # Terraform ends us with a Shutdown call; if it dies without one (killed, crashed), our
        # parent changes and we leave too rather than linger as an orphan; a SIGTERM ends us too.
        parent = os.getppid()
        while not select.select([wake_read], [], [], 1.0)[0]:
            if os.getppid() != parent:
                break
        server.stop(grace=0.2).wait(0.5)  # lets the answer to Shutdown go out
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
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _listen(grpc: ModuleType, server: Any, address: str) -> str:
    """Listen with TLS when Terraform asks for it (it sets ``PLUGIN_CLIENT_CERT`` unless the user set
    ``TF_DISABLE_PLUGIN_TLS``); the certificate for the handshake line, or "" for plain gRPC."""
    if not os.environ.get("PLUGIN_CLIENT_CERT"):
        server.add_insecure_port(address)
        return ""
    from keyform.provider.tls import identity

    tls = identity()
    credentials = grpc.ssl_server_credentials([(tls["key_pem"].encode(), tls["cert_pem"].encode())])
    server.add_secure_port(address, credentials)
    return tls["cert_der_b64"].rstrip("=")


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
