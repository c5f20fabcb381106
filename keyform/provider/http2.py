"""One HTTP/2 connection of a gRPC server: the part of HTTP/2 a gRPC client's unary calls use.

A Terraform command starts the provider 3-5 times and makes ~5 calls per object to it, so what a call costs
in transport is most of the provider's CPU. grpcio's core took ~0.2-0.3 ms of CPU per call in this process and
~90 ms of imports per launch (its Cython core imports ``asyncio``); the pure-Python ``h2`` state machine ~0.3 ms
per call for the framing alone. A unary gRPC call is a request's HEADERS and DATA frames, and a response's
HEADERS, DATA and trailing HEADERS frames, so this module reads and writes those frames itself, with header
compression by ``hpack`` (python-hyper, the library ``h2`` is built on). What it does not need it refuses or
ignores as RFC 9113 allows: it never pushes, never compresses a message (it advertises no ``grpc-encoding``),
never indexes the headers it sends.

Flow control: the client may send as much as it likes (the largest window HTTP/2 allows, topped up as it is
used); what the server sends respects the client's windows, waiting for its WINDOW_UPDATE frames. TLS, when
the connection has it, runs on memory buffers (``ssl.MemoryBIO``) under the connection's one lock, so the
reading thread and the threads that answer never use OpenSSL's connection object at once.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
from typing import Callable, Optional

from hpack import Decoder

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = range(10)
END_STREAM = ACK = 0x1
END_HEADERS = 0x4
PADDED = 0x8
PRIORITY_FLAG = 0x20

SETTINGS_INITIAL_WINDOW_SIZE = 0x4
SETTINGS_MAX_FRAME_SIZE = 0x5

MAX_WINDOW = 2**31 - 1
DEFAULT_WINDOW = 65535
DEFAULT_FRAME_SIZE = 16384
MAX_MESSAGE_DETAILS = 4096
"""grpc-message is cut to this many bytes (before percent-encoding): a status line, not a document."""

_FRAME_HEAD = struct.Struct(">I B I")  # length (24 bits, shifted in a 32-bit word with the type), flags, stream
_RESPONSE_HEADERS = (b"\x88"  # :status 200, static table entry 8
                     b"\x0f\x10\x10application/grpc")  # content-type (static name 31), literal not indexed


def frame(kind: int, flags: int, stream: int, payload: bytes = b"") -> bytes:
    return _FRAME_HEAD.pack(len(payload) << 8 | kind, flags, stream) + payload


def _integer(value: int, prefix_bits: int, first: int = 0) -> bytes:
    """An HPACK integer (RFC 7541 5.1) whose first byte carries ``first`` in the bits above the prefix."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes([first | value])
    out, value = bytearray([first | limit]), value - limit
    while value >= 128:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _literal(name: bytes, value: bytes) -> bytes:
    """A header field "literal without indexing, new name", strings not Huffman-coded (RFC 7541 6.2.2)."""
    return b"\x00" + _integer(len(name), 7) + name + _integer(len(value), 7) + value


def percent_encode(text: str) -> bytes:
    """grpc-message's encoding: UTF-8, with '%' and every byte outside printable ASCII as %XX."""
    raw = text.encode("utf-8", "replace")[:MAX_MESSAGE_DETAILS]
    return b"".join(bytes([b]) if 0x20 <= b <= 0x7E and b != 0x25 else b"%%%02X" % b for b in raw)


def trailers(code: int, details: str) -> bytes:
    if code == 0 and not details:
        return _OK_TRAILERS
    block = _literal(b"grpc-status", str(code).encode())
    if details:
        block += _literal(b"grpc-message", percent_encode(details))
    return block


_OK_TRAILERS = _literal(b"grpc-status", b"0")
"""The trailers of nearly every answer, made once."""

READ_SIZE = 65536
"""Bytes asked of the socket, and of TLS, per read. Each read allocates that much first: 256 KiB went to mmap and
cost ~24 µs a read against ~3 µs (measured); a TLS record holds 16 KiB at most."""


class ProtocolError(Exception):
    """The peer broke HTTP/2 or gRPC framing: the connection is closed."""


class Connection:
    """One client's connection. :meth:`receive` (one thread) reads frames and hands each whole request to
    ``on_request(connection, stream, path, message)``; :meth:`respond` (any thread) sends its answer."""

    def __init__(self, sock: socket.socket, tls: Optional[ssl.SSLContext],
                 on_request: Callable[[Connection, int, str, Optional[bytes]], None]):
        self.sock = sock
        self.on_request = on_request
        self.closed = False
        self._lock = threading.RLock()  # taken as it is: a Condition's own ``with`` costs a Python call each time
        self._changed = threading.Condition(self._lock)
        """Notified when the windows grow or the connection ends (an answer waiting for a window waits on it)."""
        self._waiting = 0  # answers waiting on it (a window's update notifies only when one does)
        self._incoming, self._outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()  # TLS records in, and out
        self._tls = tls.wrap_bio(self._incoming, self._outgoing, server_side=True) if tls is not None else None
        self._buffer = bytearray()
        self._preface_seen = False
        self._decoder = Decoder()
        self._paths: dict[bytes, str] = {}  # header blocks of table references only → their :path
        self._open: dict[int, tuple[str, bytearray]] = {}  # stream → (:path, body so far), until its END_STREAM
        self._headers_of: Optional[tuple[int, bytearray, int]] = None  # a header block awaiting CONTINUATION
        self._last_stream = 0
        self._received_unacknowledged = 0
        # What the client lets us send (RFC 9113 6.9): the connection's window and each answering stream's.
        self._peer_window = DEFAULT_WINDOW
        self._peer_initial = DEFAULT_WINDOW
        self._peer_frame_size = DEFAULT_FRAME_SIZE
        self._stream_windows: dict[int, int] = {}
        # While the reading thread acts on one read's frames, what is written waits here and goes out in one TLS
        # write and one send (a read carries ~8 calls in a plan; each answered on that thread wrote on its own).
        self._held: Optional[list[bytes]] = None

    # --------------------------------------------------------------- set-up
    def handshake(self, timeout: float) -> None:
        """TLS (when configured), then the server's connection preface: our SETTINGS and the widest window."""
        self.sock.settimeout(timeout)
        if self._tls is not None:
            while not self._handshake_step():
                self._flush_tls()
                data = self.sock.recv(65536)
                if not data:
                    raise ConnectionError("the client left during the TLS handshake")
                self._incoming.write(data)
            self._flush_tls()
        self.sock.settimeout(None)
        settings = struct.pack(">HI", SETTINGS_INITIAL_WINDOW_SIZE, MAX_WINDOW)
        with self._lock:
            self._write(frame(SETTINGS, 0, 0, settings)
                        + frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", MAX_WINDOW - DEFAULT_WINDOW)))
        if self._tls is not None:
            self._consume(b"")  # what came with the handshake's last flight (the selector will not say so)

    def _handshake_step(self) -> bool:
        """One step of the TLS handshake: True once it is done, False while it needs more from the client."""
        assert self._tls is not None
        try:
            self._tls.do_handshake()
            return True
        except ssl.SSLWantReadError:
            return False

    def _flush_tls(self) -> None:
        pending = self._outgoing.read()
        if pending:
            self.sock.sendall(pending)

    # ------------------------------------------------------------- reading
    def receive(self) -> bool:
        """Read what the socket has and act on every whole frame in it; False once the connection is over."""
        try:
            data = self.sock.recv(READ_SIZE)
        except OSError:
            data = b""
        if not data:
            self._end()
            return False
        return self._consume(data)

    def _consume(self, data: bytes) -> bool:
        if self._tls is not None:
            plain = self._decrypt(data)
            if plain is None:
                self._end()
                return False
            data = plain
        self._buffer += data
        self._held = []
        try:
            self._frames()
        except ProtocolError:
            self._goaway()
            self._release()  # the GOAWAY goes out before the connection counts as closed
            self._end()
            return False
        finally:
            self._release()
        return not self.closed

    def _release(self) -> None:
        """Send what was held while the last read's frames were acted on, and write at once from now on."""
        with self._lock:
            held, self._held = self._held, None
            if held:
                self._send(b"".join(held))

    def _decrypt(self, data: bytes) -> Optional[bytes]:
        assert self._tls is not None
        plain = []
        with self._lock:
            if data:
                self._incoming.write(data)
            while True:
                try:
                    plain.append(self._tls.read(READ_SIZE))
                except ssl.SSLWantReadError:
                    break
                except (ssl.SSLZeroReturnError, ssl.SSLError):
                    return None
            self._flush_tls()  # a TLS 1.3 key update or alert the read produced
        return b"".join(plain)

    def _frames(self) -> None:
        buffer = self._buffer
        if not self._preface_seen:
            if len(buffer) < len(PREFACE):
                return
            if bytes(buffer[:len(PREFACE)]) != PREFACE:
                raise ProtocolError("not an HTTP/2 client")
            del buffer[:len(PREFACE)]
            self._preface_seen = True
        start = 0
        while len(buffer) - start >= 9:
            word, flags, stream = _FRAME_HEAD.unpack_from(buffer, start)
            length, kind = word >> 8, word & 0xFF
            end = start + 9 + length
            if end > len(buffer):
                break
            self._frame(kind, flags, stream & 0x7FFFFFFF, bytes(buffer[start + 9:end]))
            start = end
        del buffer[:start]

    def _frame(self, kind: int, flags: int, stream: int, payload: bytes) -> None:
        if self._headers_of is not None and kind != CONTINUATION:
            raise ProtocolError("a header block was interrupted")
        if kind == DATA:
            self._data(flags, stream, payload)
        elif kind == HEADERS:
            self._headers(flags, stream, payload)
        elif kind == CONTINUATION:
            if self._headers_of is None or self._headers_of[0] != stream:
                raise ProtocolError("CONTINUATION without its HEADERS")
            self._headers_of[1].extend(payload)
            if flags & END_HEADERS:
                stream, block, header_flags = self._headers_of
                self._headers_of = None
                self._header_block(stream, bytes(block), header_flags)
        elif kind == SETTINGS:
            if not flags & ACK:
                self._settings(payload)
        elif kind == PING:
            if not flags & ACK:
                with self._lock:
                    self._write(frame(PING, ACK, 0, payload))
        elif kind == WINDOW_UPDATE:
            self._window_update(stream, payload)
        elif kind == RST_STREAM:
            self._open.pop(stream, None)
            with self._lock:
                self._stream_windows.pop(stream, None)  # an answer under way for it is dropped
                self._changed.notify_all()
        elif kind == GOAWAY:
            self._end()
        elif kind == PUSH_PROMISE:
            raise ProtocolError("a client cannot push")
        # PRIORITY and frame types this server does not know are ignored (RFC 9113 5.5)

    def _headers(self, flags: int, stream: int, payload: bytes) -> None:
        if stream % 2 == 0 or stream <= self._last_stream:
            raise ProtocolError(f"stream {stream} cannot be opened by the client now")
        payload = _unpadded(flags, payload)
        if flags & PRIORITY_FLAG:
            payload = payload[5:]
        if flags & END_HEADERS:
            self._header_block(stream, payload, flags)
        else:
            self._headers_of = (stream, bytearray(payload), flags)

    def _header_block(self, stream: int, block: bytes, flags: int) -> None:
        self._last_stream = stream
        path = self._paths.get(block)
        if path is None:
            path = self._decode_path(block)
        with self._lock:
            self._stream_windows[stream] = self._peer_initial
        if flags & END_STREAM:
            self._request(stream, path, b"")
        else:
            self._open[stream] = (path, bytearray())

    def _decode_path(self, block: bytes) -> str:
        """The block's ``:path``, decoded by hpack. A client repeats a method's header block byte for byte once
        its fields are in the header table: a block of one-byte table references only (0x81-0xFE: RFC 7541 6.1)
        leaves the table as it was, so its meaning is kept until a block that may change the table."""
        try:
            headers = dict(self._decoder.decode(block, raw=True))
        except Exception as exc:  # noqa: BLE001 - hpack's errors: the header table is now out of step
            raise ProtocolError(f"header block: {exc}") from exc
        path = headers.get(b":path", b"").decode("ascii", "replace")
        if all(0x81 <= byte <= 0xFE for byte in block):
            self._paths[block] = path
        else:
            self._paths.clear()
        return path

    def _data(self, flags: int, stream: int, payload: bytes) -> None:
        self._received_unacknowledged += len(payload)
        if self._received_unacknowledged >= MAX_WINDOW // 2:  # top the connection's window up again
            with self._lock:
                self._write(frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", self._received_unacknowledged)))
            self._received_unacknowledged = 0
        opened = self._open.get(stream)
        if opened is None:
            return  # reset by the client, or already whole: nothing waits for it
        if flags & END_STREAM and not opened[1]:  # the whole request in one frame (nearly every call)
            del self._open[stream]
            self._request(stream, opened[0], _unpadded(flags, payload))
            return
        opened[1].extend(_unpadded(flags, payload))
        if flags & END_STREAM:
            path, body = self._open.pop(stream)
            self._request(stream, path, bytes(body))

    def _request(self, stream: int, path: str, body: bytes) -> None:
        message: Optional[bytes] = None
        if len(body) >= 5:
            if body[0] != 0:
                raise ProtocolError("a compressed message, but no grpc-encoding was offered")
            length = int.from_bytes(body[1:5], "big")
            if len(body) != 5 + length:
                raise ProtocolError("a unary call's body is not one whole message")
            message = body[5:]
        self.on_request(self, stream, path, message)

    def _settings(self, payload: bytes) -> None:
        if len(payload) % 6:
            raise ProtocolError("SETTINGS of a length not a multiple of 6")
        with self._lock:
            for offset in range(0, len(payload), 6):
                key, value = struct.unpack_from(">HI", payload, offset)
                if key == SETTINGS_INITIAL_WINDOW_SIZE:
                    if value > MAX_WINDOW:
                        raise ProtocolError("an initial window above 2^31-1")
                    delta, self._peer_initial = value - self._peer_initial, value
                    for open_stream in self._stream_windows:
                        self._stream_windows[open_stream] += delta
                elif key == SETTINGS_MAX_FRAME_SIZE:
                    self._peer_frame_size = value
            self._write(frame(SETTINGS, ACK, 0))
            self._changed.notify_all()

    def _window_update(self, stream: int, payload: bytes) -> None:
        increment = struct.unpack(">I", payload)[0] & 0x7FFFFFFF
        with self._lock:
            if stream == 0:
                self._peer_window += increment
            elif stream in self._stream_windows:
                self._stream_windows[stream] += increment
            if self._waiting:
                self._changed.notify_all()

    # ------------------------------------------------------------- writing
    def respond(self, stream: int, body: Optional[bytes], code: int, details: str, wait: bool = True) -> bool:
        """Answer ``stream``: ``body`` (a serialized message, or None for none) and the call's status. When the
        answer does not fit in the client's windows it waits for them to grow, or with ``wait=False`` sends
        nothing and returns False (the reading thread must never wait: it reads the windows' updates)."""
        with self._lock:
            if self.closed or stream not in self._stream_windows:
                return True  # the client left or reset the call: nobody to answer
            if body is None:  # "trailers-only": one header block ends the call
                self._write(frame(HEADERS, END_HEADERS | END_STREAM, stream,
                                  _RESPONSE_HEADERS + trailers(code, details)))
                self._stream_windows.pop(stream, None)
                return True
            size = 5 + len(body)
            window = self._stream_windows[stream]
            if size <= self._peer_window and size <= window and size <= self._peer_frame_size:
                # nearly every answer: its HEADERS, one DATA frame and the trailers, made in one go
                self._peer_window -= size
                del self._stream_windows[stream]
                self._write(b"".join((
                    _FRAME_HEAD.pack(len(_RESPONSE_HEADERS) << 8 | HEADERS, END_HEADERS, stream), _RESPONSE_HEADERS,
                    _FRAME_HEAD.pack(size << 8 | DATA, 0, stream), b"\x00", len(body).to_bytes(4, "big"), body,
                    frame(HEADERS, END_HEADERS | END_STREAM, stream, trailers(code, details)))))
                return True
            if not wait and size > min(self._peer_window, window):
                return False
            message = b"\x00" + len(body).to_bytes(4, "big") + body
            out = [frame(HEADERS, END_HEADERS, stream, _RESPONSE_HEADERS)]
            sent = 0
            while sent < len(message):
                allowed = min(self._peer_window, self._stream_windows.get(stream, 0), self._peer_frame_size)
                if allowed <= 0:
                    self._write(b"".join(out))
                    out = []
                    self._waiting += 1
                    try:
                        self._changed.wait(1.0)
                    finally:
                        self._waiting -= 1
                    if self.closed or stream not in self._stream_windows:
                        return True
                    continue
                chunk = message[sent:sent + allowed]
                out.append(frame(DATA, 0, stream, chunk))
                sent += len(chunk)
                self._peer_window -= len(chunk)
                self._stream_windows[stream] -= len(chunk)
            out.append(frame(HEADERS, END_HEADERS | END_STREAM, stream, trailers(code, details)))
            self._write(b"".join(out))
            self._stream_windows.pop(stream, None)
            return True

    def _write(self, data: bytes) -> None:
        """Send ``data``, or hold it while a read's frames are acted on (the lock held: frames and TLS records go
        out whole and in order)."""
        if self._held is not None:
            self._held.append(data)
        else:
            self._send(data)

    def _send(self, data: bytes) -> None:
        if self.closed:
            return
        try:
            if self._tls is not None:
                self._tls.write(data)
                self._flush_tls()
            else:
                self.sock.sendall(data)
        except (OSError, ssl.SSLError):
            self.closed = True
            self._changed.notify_all()

    def _goaway(self) -> None:
        with self._lock:
            self._write(frame(GOAWAY, 0, 0, struct.pack(">II", self._last_stream, 1)))  # PROTOCOL_ERROR

    def _end(self) -> None:
        """No more answers go out (a thread waiting for a window stops waiting); the socket is closed by
        :meth:`close`, once whoever polls it has let it go."""
        with self._lock:
            self.closed = True
            self._changed.notify_all()

    def close(self) -> None:
        self._end()
        try:
            self.sock.close()
        except OSError:
            pass


def _unpadded(flags: int, payload: bytes) -> bytes:
    if not flags & PADDED:
        return payload
    if not payload or payload[0] >= len(payload):
        raise ProtocolError("padding longer than its frame")
    return payload[1:len(payload) - payload[0]]
