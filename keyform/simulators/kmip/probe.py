"""What an appliance does to check a KMIP key server: Discover Versions over mutual TLS, classified.

``discover_versions(host, port, client_certificate_pem=..., client_key_pem=..., server_ca_pems=[...],
timeout=...)`` connects, verifies the server's certificate against the given CAs (and its name against
``host``), presents the client certificate, sends one KMIP Discover Versions request (built with PyKMIP's message
classes) and reads the answer. It never raises for a peer's failure; it returns a ``ProbeResult`` whose
``outcome`` is one of:

- ``ok``: a KMIP response listing the server's protocol versions (``versions``, e.g. ``("2.0", "1.4", ...)``);
- ``unreachable``: the name does not resolve, the TCP connect fails, or nothing is established within ``timeout``;
- ``server_untrusted``: the server's certificate does not verify against ``server_ca_pems`` (or not for ``host``);
- ``client_refused``: the server rejects the client certificate (a TLS alert about it, or a KMIP
  "authentication not successful"/"permission denied" result);
- ``not_kmip``: the connection (and TLS) works but no valid KMIP answer comes back (an HTTPS server, a plain-TCP
  service, a KMIP server answering anything but success, silence after the handshake).

``detail`` says what happened, in a sentence. CHOSEN: a timeout after the TLS handshake is ``not_kmip`` (the peer
is reachable; it does not speak KMIP), before it ``unreachable``.
"""

from __future__ import annotations

import enum
import functools
import os
import socket
import ssl
import struct
import tempfile
import time
from dataclasses import dataclass
from typing import Optional, Sequence

from keyform.simulators.kmip.pykmip import BytearrayStream, contents, enums, messages, payloads

DEFAULT_TIMEOUT = 5.0
KMIP_VERSION = enums.KMIPVersion.KMIP_1_2
"""The version the request is written in (every KMIP server answers 1.x Discover Versions)."""
RESPONSE_TAG = bytes.fromhex("42007b01")  # tag ResponseMessage, type Structure
MAX_RESPONSE = 1 << 20
CLIENT_ALERTS = ("UNKNOWN_CA", "BAD_CERTIFICATE", "CERTIFICATE_UNKNOWN", "UNSUPPORTED_CERTIFICATE",
                 "CERTIFICATE_REQUIRED", "CERTIFICATE_EXPIRED", "CERTIFICATE_REVOKED", "ACCESS_DENIED")
REFUSING_REASONS = (enums.ResultReason.AUTHENTICATION_NOT_SUCCESSFUL, enums.ResultReason.PERMISSION_DENIED)


class Outcome(str, enum.Enum):
    OK = "ok"
    UNREACHABLE = "unreachable"
    SERVER_UNTRUSTED = "server_untrusted"
    CLIENT_REFUSED = "client_refused"
    NOT_KMIP = "not_kmip"


@dataclass(frozen=True)
class ProbeResult:
    outcome: Outcome
    detail: str
    versions: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


class _Refused(Exception):
    """A failure already classified."""

    def __init__(self, outcome: Outcome, detail: str):
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail


def discover_versions(host: str, port: int, *, client_certificate_pem: Optional[str],
                      client_key_pem: Optional[str], server_ca_pems: Sequence[str],
                      timeout: float = DEFAULT_TIMEOUT, protocol_versions: Sequence[str] = (),
                      minimum_tls: ssl.TLSVersion = ssl.TLSVersion.TLSv1_2) -> ProbeResult:
    """Ask ``host:port`` for its KMIP protocol versions over mutual TLS within ``timeout`` seconds (module doc).

    ``protocol_versions`` (``"major.minor"``) are the client's own: the server answers those it speaks too (an
    empty ``versions`` when none; KMIP's Discover Versions); none given, it answers all of its own. ``minimum_tls``:
    the oldest TLS version offered."""
    deadline = time.monotonic() + timeout
    try:
        context = _context(client_certificate_pem, client_key_pem, tuple(server_ca_pems), minimum_tls)
        raw = _connect(host, port, deadline)
        try:
            tls = _handshake(context, raw, host, deadline, client_certificate_pem is not None)
        except BaseException:
            raw.close()
            raise
        with tls:
            versions = _exchange(tls, deadline, protocol_versions)
    except _Refused as refused:
        return ProbeResult(refused.outcome, refused.detail)
    shown = ", ".join(versions) or f"none of {', '.join(protocol_versions)}"
    return ProbeResult(Outcome.OK, f"{host}:{port} speaks KMIP {shown}", versions)


@functools.lru_cache(maxsize=64)
def _context(certificate_pem: Optional[str], key_pem: Optional[str], ca_pems: tuple[str, ...],
             minimum_tls: ssl.TLSVersion) -> ssl.SSLContext:
    """The TLS settings of a probe, made once per credentials, as an appliance keeps its certificates loaded (a
    new context, its files written and loaded, was ~3 of a probe's ~13 ms of CPU). Every probe still makes a
    whole handshake that verifies both sides; credentials that do not load are refused each time (not kept)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = minimum_tls
    cadata = "\n".join(pem.strip() for pem in ca_pems if pem.strip())
    if cadata:
        try:
            context.load_verify_locations(cadata=cadata)
        except (ssl.SSLError, ValueError) as error:
            raise _Refused(Outcome.SERVER_UNTRUSTED, f"the server CA certificates do not load: {error}") from None
    if certificate_pem is not None:
        with tempfile.TemporaryDirectory(prefix="kmip-probe-") as directory:
            cert_path, key_path = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
            for path, text in ((cert_path, certificate_pem), (key_path, key_pem or "")):
                with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
                    handle.write(text)
            try:
                context.load_cert_chain(cert_path, key_path)
            except (ssl.SSLError, ValueError) as error:
                raise _Refused(Outcome.CLIENT_REFUSED, f"the client certificate or key does not load: {error}") \
                    from None
    return context


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise socket.timeout("timed out")
    return left


def _connect(host: str, port: int, deadline: float) -> socket.socket:
    where = f"{host}:{port}"
    try:
        return socket.create_connection((host, port), timeout=_remaining(deadline))
    except socket.gaierror as error:
        raise _Refused(Outcome.UNREACHABLE, f"{host} does not resolve: {error.strerror}") from None
    except (socket.timeout, TimeoutError):
        raise _Refused(Outcome.UNREACHABLE, f"{where} did not accept a connection in time") from None
    except (OSError, ValueError, OverflowError) as error:
        raise _Refused(Outcome.UNREACHABLE, f"cannot connect to {where}: {error}") from None


def _handshake(context: ssl.SSLContext, raw: socket.socket, host: str, deadline: float,
               sent_certificate: bool) -> ssl.SSLSocket:
    try:
        raw.settimeout(_remaining(deadline))
        tls = context.wrap_socket(raw, server_hostname=host)
    except ssl.SSLCertVerificationError as error:
        raise _Refused(Outcome.SERVER_UNTRUSTED, f"the server certificate is not trusted: {error.verify_message}") \
            from None
    except ssl.SSLError as error:
        raise _tls_failure(error, sent_certificate) from None
    except (socket.timeout, TimeoutError):
        raise _Refused(Outcome.UNREACHABLE, "no TLS handshake in time") from None
    except OSError as error:
        raise _Refused(Outcome.NOT_KMIP, f"the TLS handshake failed: {error}") from None
    return tls


def _tls_failure(error: ssl.SSLError, sent_certificate: bool) -> _Refused:
    reason = error.reason or str(error)
    if any(alert in reason for alert in CLIENT_ALERTS) or (
            "HANDSHAKE_FAILURE" in reason and not sent_certificate):
        return _Refused(Outcome.CLIENT_REFUSED, f"the server refused the client certificate ({reason})")
    return _Refused(Outcome.NOT_KMIP, f"no TLS with a KMIP server ({reason})")


def _request(protocol_versions: Sequence[str]) -> bytes:
    own = [contents.ProtocolVersion(*(int(part) for part in version.split(".", 1))) for version in protocol_versions]
    batch_item = messages.RequestBatchItem(
        operation=contents.Operation(enums.Operation.DISCOVER_VERSIONS),
        request_payload=payloads.DiscoverVersionsRequestPayload(own or None))
    header = messages.RequestHeader(protocol_version=contents.ProtocolVersion(1, 2),
                                    batch_count=contents.BatchCount(1))
    stream = BytearrayStream()
    messages.RequestMessage(request_header=header, batch_items=[batch_item]).write(stream, KMIP_VERSION)
    return bytes(stream.buffer)


def _exchange(tls: ssl.SSLSocket, deadline: float, protocol_versions: Sequence[str]) -> tuple[str, ...]:
    try:
        tls.settimeout(_remaining(deadline))
        tls.sendall(_request(protocol_versions))
        header = _read(tls, 8, deadline)
        if header[:4] != RESPONSE_TAG:
            raise _Refused(Outcome.NOT_KMIP, f"the answer is not a KMIP response (it starts {header[:8]!r})")
        length = struct.unpack("!I", header[4:])[0]
        if length > MAX_RESPONSE:
            raise _Refused(Outcome.NOT_KMIP, f"the answer claims {length} bytes, not a KMIP response")
        body = _read(tls, length, deadline)
    except ssl.SSLError as error:
        raise _tls_failure(error, True) from None
    except (socket.timeout, TimeoutError):
        raise _Refused(Outcome.NOT_KMIP, "no KMIP answer in time after the TLS handshake") from None
    except OSError as error:
        raise _Refused(Outcome.NOT_KMIP, f"the connection broke before a KMIP answer: {error}") from None
    return _versions(header + body)


def _read(tls: ssl.SSLSocket, size: int, deadline: float) -> bytes:
    data = b""
    while len(data) < size:
        tls.settimeout(_remaining(deadline))
        chunk = tls.recv(size - len(data))
        if not chunk:
            raise _Refused(Outcome.NOT_KMIP, "the server closed the connection without a KMIP answer")
        data += chunk
    return data


def _versions(data: bytes) -> tuple[str, ...]:
    response = messages.ResponseMessage()
    try:
        response.read(BytearrayStream(data), KMIP_VERSION)
    except Exception as error:  # PyKMIP raises many kinds for a malformed message
        raise _Refused(Outcome.NOT_KMIP, f"the KMIP response does not parse: {error}") from None
    if len(response.batch_items) != 1:
        raise _Refused(Outcome.NOT_KMIP, "the KMIP response holds no answer to Discover Versions")
    item = response.batch_items[0]
    status = item.result_status.value if item.result_status is not None else None
    if status != enums.ResultStatus.SUCCESS:
        reason = item.result_reason.value if item.result_reason is not None else None
        message = item.result_message.value if item.result_message is not None else ""
        outcome = Outcome.CLIENT_REFUSED if reason in REFUSING_REASONS else Outcome.NOT_KMIP
        shown = reason.name.lower().replace("_", " ") if reason is not None else "no reason"
        raise _Refused(outcome, f"the KMIP server answered {shown}: {message}".rstrip(": "))
    payload = item.response_payload
    found = getattr(payload, "protocol_versions", None) or []
    return tuple(f"{v.major}.{v.minor}" for v in found)
