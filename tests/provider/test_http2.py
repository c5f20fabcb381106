"""The provider's HTTP/2 framing (keyform.provider.http2) under its loop, spoken to by real clients: grpcio for
whole calls, h2 where a test steers frames itself (windows, resets, pings, broken framing)."""

import os
import socket
import ssl
import threading

import grpc
import h2.config
import h2.connection
import h2.errors
import h2.events
import h2.exceptions
import h2.settings
import pytest

from keyform.provider import http2, tls
from keyform.provider.rpc_loop import RpcLoop, Status, Unary, identity_context, require_client

BIG = bytes(range(256)) * 800  # 200 KiB: more than any window a client starts with


def _upper(request, context):
    return request.upper()


def _big(request, context):
    return BIG


def _fails(request, context):
    raise ValueError("naïve 100% ✓\nsecond line")


def _refused(request, context):
    context.set_code(Status.UNIMPLEMENTED)
    context.set_details("not here")
    raise NotImplementedError


RELEASE = threading.Event()


def _slow(request, context):
    RELEASE.wait(10)
    return b"late"


METHODS = {
    "/test/Upper": Unary(bytes, _upper, inline=True),
    "/test/Reverse": Unary(bytes, lambda request, context: request[::-1], inline=False),
    "/test/Big": Unary(bytes, _big, inline=True),
    "/test/Fails": Unary(bytes, _fails, inline=True),
    "/test/Refused": Unary(bytes, _refused, inline=False),
    "/test/Slow": Unary(bytes, _slow, inline=False),
}


@pytest.fixture
def serve(tmp_path):
    """Start a loop on a socket in tmp_path (with TLS when given); its socket path. The loops and the h2 clients
    of the test are stopped and closed after it."""
    loops = []
    H2Client.opened = []

    def start(tls_context=None):
        loop = RpcLoop(METHODS, empty_streams=frozenset(), ends_with="/test/End")
        path = str(tmp_path / f"loop{len(loops)}.sock")
        loop.listen(path, tls_context)
        thread = threading.Thread(target=loop.serve, daemon=True)
        thread.start()
        loops.append((loop, thread))
        return path

    yield start
    RELEASE.set()
    for client in H2Client.opened:
        client.sock.close()
    for loop, thread in loops:
        loop.stopping = True
        thread.join(5)
        assert not thread.is_alive()
    RELEASE.clear()


def _message(body: bytes) -> bytes:
    return b"\x00" + len(body).to_bytes(4, "big") + body


class H2Client:
    opened: list["H2Client"] = []

    def __init__(self, path, initial_window=None):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        H2Client.opened.append(self)
        self.sock.connect(path)
        self.sock.settimeout(10)
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.conn.initiate_connection()
        if initial_window is not None:
            self.conn.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: initial_window})
        self.events = []
        self.flush()

    def flush(self):
        """Send what the client has to say; a server that has closed cannot hear it, but what it sent before
        closing can still be read (a GOAWAY)."""
        try:
            self.sock.sendall(self.conn.data_to_send())
        except (BrokenPipeError, ConnectionResetError):
            pass

    def call(self, path, body=b"", end=True):
        stream = self.conn.get_next_available_stream_id()
        self.conn.send_headers(stream, [(":method", "POST"), (":scheme", "http"), (":path", path),
                                        (":authority", "localhost"), ("content-type", "application/grpc"),
                                        ("te", "trailers")])
        if end:
            self.conn.send_data(stream, _message(body), end_stream=True)
        self.flush()
        return stream

    def until(self, done, acknowledge=True):
        """Read and act on frames until ``done(events)``; DATA is acknowledged (the window reopened) unless not,
        and with it the DATA read before and not yet acknowledged."""
        if acknowledge:
            for event in self.events:
                if isinstance(event, h2.events.DataReceived) and not getattr(event, "acknowledged", False):
                    self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    event.acknowledged = True
            self.flush()
        while not done(self.events):
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("the server closed the connection")
            for event in self.conn.receive_data(data):
                self.events.append(event)
                if acknowledge and isinstance(event, h2.events.DataReceived):
                    self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    event.acknowledged = True
            if not done(self.events):
                self.flush()
        return self.events

    def body(self, stream):
        data = b"".join(e.data for e in self.events if isinstance(e, h2.events.DataReceived) and e.stream_id == stream)
        assert data[0] == 0 and int.from_bytes(data[1:5], "big") == len(data) - 5
        return data[5:]

    def ended(self, stream):
        return lambda events: any(isinstance(e, h2.events.StreamEnded) and e.stream_id == stream for e in events)

    def status(self, stream):
        for event in self.events:
            headed = isinstance(event, (h2.events.TrailersReceived, h2.events.ResponseReceived))
            if headed and event.stream_id == stream:
                headers = dict(event.headers)
                if "grpc-status" in headers:
                    return int(headers["grpc-status"]), headers.get("grpc-message", "")
        return None


def test_calls_to_different_methods_on_one_connection_each_reach_their_method(serve):
    path = serve()
    with grpc.insecure_channel(f"unix://{path}") as channel:
        upper, reverse = channel.unary_unary("/test/Upper"), channel.unary_unary("/test/Reverse")
        for i in range(60):  # the header blocks repeat byte for byte once their fields are in the table
            assert upper(f"abc{i}".encode(), timeout=10) == f"ABC{i}".encode()
            assert reverse(f"abc{i}".encode(), timeout=10) == f"abc{i}"[::-1].encode()


def test_calls_that_arrive_together_are_answered_in_one_write(serve, monkeypatch):
    client = H2Client(serve())
    client.until(lambda events: {h2.events.RemoteSettingsChanged, h2.events.SettingsAcknowledged}
                 <= {type(e) for e in events})  # both settings exchanged: only the answers are left to come
    sends = []
    send = http2.Connection._send
    monkeypatch.setattr(http2.Connection, "_send", lambda self, data: (sends.append(data), send(self, data)))
    streams = []
    for i in range(8):  # sent in one write: the loop reads them together and answers each on its thread
        stream = client.conn.get_next_available_stream_id()
        client.conn.send_headers(stream, [(":method", "POST"), (":scheme", "http"), (":path", "/test/Upper"),
                                          (":authority", "localhost"), ("content-type", "application/grpc"),
                                          ("te", "trailers")])
        client.conn.send_data(stream, _message(f"call {i}".encode()), end_stream=True)
        streams.append(stream)
    client.flush()
    events = client.conn.receive_data(client.sock.recv(1 << 20))  # the first read holds every answer
    ended = {e.stream_id for e in events if isinstance(e, h2.events.StreamEnded)}
    assert ended == set(streams)
    client.events = list(events)
    assert [client.body(stream) for stream in streams] == [f"CALL {i}".encode() for i in range(8)]
    assert len(sends) == 1, f"{len(sends)} writes"


def test_a_failure_arrives_as_its_status_with_its_details_intact(serve):
    path = serve()
    with grpc.insecure_channel(f"unix://{path}") as channel:
        with pytest.raises(grpc.RpcError) as failed:
            channel.unary_unary("/test/Fails")(b"", timeout=10)
        assert failed.value.code() == grpc.StatusCode.UNKNOWN
        assert failed.value.details() == "ValueError: naïve 100% ✓\nsecond line"
        with pytest.raises(grpc.RpcError) as refused:
            channel.unary_unary("/test/Refused")(b"", timeout=10)
        assert refused.value.code() == grpc.StatusCode.UNIMPLEMENTED
        assert refused.value.details() == "not here"
        with pytest.raises(grpc.RpcError) as unknown:
            channel.unary_unary("/test/Nothing")(b"", timeout=10)
        assert unknown.value.code() == grpc.StatusCode.UNIMPLEMENTED


def test_an_answer_larger_than_the_clients_window_waits_for_it_and_the_loop_answers_others_meanwhile(serve):
    client = H2Client(serve(), initial_window=1000)
    big = client.call("/test/Big")
    # The answer stops at the 1,000 bytes the client allows; nothing acknowledged, the loop still answers.
    client.until(lambda events: sum(e.flow_controlled_length for e in events
                                    if isinstance(e, h2.events.DataReceived) and e.stream_id == big) >= 1000,
                 acknowledge=False)
    small = client.call("/test/Upper", b"meanwhile")
    client.until(client.ended(small), acknowledge=False)
    assert client.body(small) == b"MEANWHILE"
    assert not client.ended(big)(client.events)
    client.until(client.ended(big))  # now the window reopens as the client reads
    assert client.body(big) == BIG
    assert client.status(big) == (0, "")


def test_a_call_the_client_resets_is_not_answered_and_the_connection_goes_on(serve):
    client = H2Client(serve())
    slow = client.call("/test/Slow")
    client.conn.reset_stream(slow)
    client.flush()
    RELEASE.set()
    after = client.call("/test/Reverse", b"abc")
    client.until(client.ended(after))
    assert client.body(after) == b"cba"
    assert not any(getattr(e, "stream_id", None) == slow and not isinstance(e, h2.events.StreamReset)
                   for e in client.events)


def test_a_request_in_many_data_frames_and_headers_in_continuation_frames_are_read_whole(serve):
    client = H2Client(serve())
    stream = client.conn.get_next_available_stream_id()
    client.conn.send_headers(stream, [(":method", "POST"), (":scheme", "http"), (":path", "/test/Upper"),
                                      (":authority", "localhost"), ("content-type", "application/grpc"),
                                      ("x-padding", "p" * 40000)])  # > 16 KiB: HEADERS + CONTINUATION
    message = _message(b"spread " * 5000)
    for start in range(0, len(message), 7000):
        client.conn.send_data(stream, message[start:start + 7000], end_stream=start + 7000 >= len(message))
    client.flush()
    client.until(client.ended(stream))
    assert client.body(stream) == b"SPREAD " * 5000


def test_a_ping_is_acknowledged(serve):
    client = H2Client(serve())
    client.conn.ping(b"keyform!")
    client.flush()
    events = client.until(lambda events: any(isinstance(e, h2.events.PingAckReceived) for e in events))
    assert [e.ping_data for e in events if isinstance(e, h2.events.PingAckReceived)] == [b"keyform!"]


def test_a_compressed_message_ends_the_connection_with_a_protocol_error(serve):
    client = H2Client(serve())
    stream = client.call("/test/Upper", end=False)
    client.conn.send_data(stream, b"\x01" + (3).to_bytes(4, "big") + b"abc", end_stream=True)
    client.flush()
    events = client.until(lambda events: any(isinstance(e, h2.events.ConnectionTerminated) for e in events))
    terminated = [e for e in events if isinstance(e, h2.events.ConnectionTerminated)][0]
    assert terminated.error_code == h2.errors.ErrorCodes.PROTOCOL_ERROR


def test_a_client_that_does_not_speak_http2_is_dropped_and_others_are_still_served(serve):
    path = serve()
    stranger = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stranger.connect(path)
    stranger.settimeout(10)
    stranger.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    received = b""
    while chunk := stranger.recv(65536):  # the server's SETTINGS, then GOAWAY, then the end
        received += chunk
    stranger.close()
    assert received  # it said something (GOAWAY) before closing
    with grpc.insecure_channel(f"unix://{path}") as channel:
        assert channel.unary_unary("/test/Upper")(b"still", timeout=10) == b"STILL"


def test_tls_offers_http2_serves_only_the_client_holding_the_named_certificate_and_leaves_no_key_on_disk(
        serve, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    identity = tls.identity()
    terraform = tls._generate()  # go-plugin's client certificate, as Terraform passes it in PLUGIN_CLIENT_CERT
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    context = identity_context(identity["key_pem"], identity["cert_pem"], str(folder))
    require_client(context, terraform["cert_pem"])  # as the provider's launch does (plugin_server._listen)
    path = serve(context)
    assert os.listdir(folder) == []  # the PEM pair was read and removed
    options = [("grpc.ssl_target_name_override", "localhost")]
    credentials = grpc.ssl_channel_credentials(root_certificates=identity["cert_pem"].encode(),
                                               private_key=terraform["key_pem"].encode(),
                                               certificate_chain=terraform["cert_pem"].encode())
    with grpc.secure_channel(f"unix://{path}", credentials, options=options) as channel:
        assert channel.unary_unary("/test/Upper")(b"secret", timeout=10) == b"SECRET"
        assert channel.unary_unary("/test/Big")(b"", timeout=10) == BIG
    # A client without that certificate's key is refused at the handshake; so is a client without TLS.
    stranger = tls._generate()
    for credentials in (grpc.ssl_channel_credentials(root_certificates=identity["cert_pem"].encode()),
                        grpc.ssl_channel_credentials(root_certificates=identity["cert_pem"].encode(),
                                                     private_key=stranger["key_pem"].encode(),
                                                     certificate_chain=stranger["cert_pem"].encode())):
        with grpc.secure_channel(f"unix://{path}", credentials, options=options) as channel:
            with pytest.raises(grpc.RpcError) as refused:
                channel.unary_unary("/test/Upper")(b"secret", timeout=10)
            assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    plain = H2Client(path)
    with pytest.raises((ConnectionError, ssl.SSLError, OSError, h2.exceptions.ProtocolError)):
        plain.until(lambda events: False)
    with grpc.secure_channel(f"unix://{path}", grpc.ssl_channel_credentials(
            root_certificates=identity["cert_pem"].encode(), private_key=terraform["key_pem"].encode(),
            certificate_chain=terraform["cert_pem"].encode()), options=options) as channel:
        assert channel.unary_unary("/test/Upper")(b"after", timeout=10) == b"AFTER"  # the server went on
