"""Serve unary gRPC calls from one loop on grpcio's core, with few thread hand-offs.

grpcio's server (``grpc.server``) costs ~0.45 ms of CPU per call in Python on this project's machines, for
~0.02 ms of the provider's own work: each call crosses from its polling thread to a pool thread and back three
times, under locks and condition variables (its asyncio server measured no better). Terraform makes ~5 calls per
object per plan, so that machinery was most of the provider's CPU. Here one thread polls the completion queue of
grpcio's Cython core (``grpc._cython.cygrpc``, the layer ``grpc.server`` is built on; grpcio is pinned) and
answers the calls that only compute (validation, schema, state upgrades) where it stands; the calls that may wait
on an appliance go to a pool, whose threads start their answer's batch themselves (the core takes batches from
any thread) and never hand back.

What it serves is what Terraform asks of a provider: unary calls, and server-streaming calls it answers with an
empty stream (go-plugin's ``StreamStdio``). A method it does not know is answered UNIMPLEMENTED, as grpcio does.
"""

from __future__ import annotations

import logging
import time
from concurrent import futures
from dataclasses import dataclass
from typing import Any, Callable, Optional

import grpc
from grpc._cython import cygrpc

log = logging.getLogger("keyform.provider")

_NO_FLAGS = 0
_POLL_SECONDS = 0.5
"""How long the loop waits for an event before it looks at :attr:`RpcLoop.stopping` (signals, a dead parent)."""


@dataclass(frozen=True)
class Unary:
    """One unary method: how its request is parsed and what answers it (a protobuf message)."""

    parse: Callable[[bytes], Any]
    answer: Callable[[Any, Any], Any]
    inline: bool
    """Answered on the loop's thread (it only computes); else on a pool thread (it may wait on the network)."""


class Context:
    """What a servicer method sees of its call (grpc's generated base methods set a code and raise)."""

    def __init__(self) -> None:
        self.code: Optional[grpc.StatusCode] = None
        self.details = ""

    def set_code(self, code: grpc.StatusCode) -> None:
        self.code = code

    def set_details(self, details: str) -> None:
        self.details = details


_REQUEST = "request-call"
_SHUTDOWN = "server-shutdown"


class RpcLoop:
    def __init__(self, unary: dict[str, Unary], empty_streams: frozenset[str], ends_with: str, workers: int = 16):
        self.unary = unary
        self.empty_streams = empty_streams
        self.ends_with = ends_with
        """The method whose answer, once it has gone out, ends :meth:`serve` (go-plugin's Shutdown)."""
        self.stopping = False
        """Set (from a signal handler too: a plain store) to end :meth:`serve` at its next event or poll."""
        self._pool = futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rpc")
        self._queue = cygrpc.CompletionQueue()
        self._server = cygrpc.Server((), False)
        self._server.register_completion_queue(self._queue)

    def listen(self, address: str, credentials: Optional[grpc.ServerCredentials]) -> None:
        target = address.encode()
        port = (self._server.add_http2_port(target, credentials._credentials) if credentials is not None
                else self._server.add_http2_port(target))
        if port == 0:
            raise OSError(f"gRPC could not listen on {address}")

    def start(self) -> None:
        """Take calls (answered once :meth:`serve` runs)."""
        self._server.start()
        self._server.request_call(self._queue, self._queue, _REQUEST)

    def serve(self, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Answer calls until :attr:`stopping` is set or ``should_stop()`` says so (asked at each idle poll)."""
        while not self.stopping:
            event = self._queue.poll(time.time() + _POLL_SECONDS)
            if event.completion_type == cygrpc.CompletionType.queue_timeout:
                if should_stop():
                    break
                continue
            tag = event.tag
            if tag is _REQUEST:
                if event.success:
                    self._accept(event.call, event.call_details.method.decode())
                self._server.request_call(self._queue, self._queue, _REQUEST)
            elif tag is not None:
                tag(event)
            event = None  # let a finished call's core objects go before the next poll
        self._stop()

    # ------------------------------------------------------------------ calls
    def _accept(self, call: Any, method: str) -> None:
        if method in self.unary:
            call.start_server_batch((cygrpc.ReceiveMessageOperation(_NO_FLAGS),),
                                    lambda event: self._received(call, method, event))
        elif method in self.empty_streams:
            self._finish(call, method, None, grpc.StatusCode.OK, "")
        else:
            self._finish(call, method, None, grpc.StatusCode.UNIMPLEMENTED, f"Method not found: {method}")

    def _received(self, call: Any, method: str, event: Any) -> None:
        message = event.batch_operations[0].message() if event.success else None
        if message is None:  # the client went away (or sent no request): nothing to answer
            call.start_server_batch((cygrpc.SendStatusFromServerOperation(
                (), cygrpc.StatusCode.cancelled, b"", _NO_FLAGS),), None)
            return
        handler = self.unary[method]
        if handler.inline:
            self._answer(call, method, handler, message)
        else:
            self._pool.submit(self._answer, call, method, handler, message)

    def _answer(self, call: Any, method: str, handler: Unary, message: bytes) -> None:
        context = Context()
        try:
            response = handler.answer(handler.parse(message), context)
            self._finish(call, method, response.SerializeToString(), grpc.StatusCode.OK, "")
        except Exception as exc:  # noqa: BLE001 - the client gets a status, never a hung call
            code = context.code or grpc.StatusCode.UNKNOWN
            details = context.details or f"{type(exc).__name__}: {exc}"
            if context.code is None:  # to Terraform's log when it asks for one (keyform.provider.logs)
                log.exception("%s failed", method)
            self._finish(call, method, None, code, details)

    def _finish(self, call: Any, method: str, body: Optional[bytes], code: grpc.StatusCode, details: str) -> None:
        operations = [cygrpc.SendInitialMetadataOperation((), _NO_FLAGS)]
        if body is not None:
            operations.append(cygrpc.SendMessageOperation(body, _NO_FLAGS))
        operations += [cygrpc.SendStatusFromServerOperation((), code.value[0], details.encode(), _NO_FLAGS),
                       cygrpc.ReceiveCloseOnServerOperation(_NO_FLAGS)]
        call.start_server_batch(tuple(operations), lambda event: self._sent(method))

    def _sent(self, method: str) -> None:
        if method == self.ends_with:
            self.stopping = True

    # ------------------------------------------------------------------- stop
    def _stop(self) -> None:
        """Cancel what is under way and drain the queue (the process leaves right after)."""
        self._server.shutdown(self._queue, _SHUTDOWN)
        self._server.cancel_all_calls()
        deadline = time.time() + 1.0
        while time.time() < deadline:
            event = self._queue.poll(deadline)
            if event.completion_type == cygrpc.CompletionType.queue_timeout or event.tag is _SHUTDOWN:
                break
        self._pool.shutdown(wait=False, cancel_futures=True)

