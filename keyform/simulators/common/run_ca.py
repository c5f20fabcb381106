"""The simulators' per-run certificate authority (``cryptography``).

One CA per state directory issues every certificate the embedded default needs: each simulator's HTTPS server
certificate, each KMIP server's certificate, and the client certificates ONTAP presents to KMIP servers. Clients
trust the simulators by this CA's certificate alone (``ca.pem``; the provider's ``ca_cert_file``).

Kept in ``DIR/ca.pem`` and ``DIR/ca-key.pem`` (0600) so that a restart of the simulators keeps what clients were
told to trust. CHOSEN: ECDSA P-256 keys (fast to generate; every TLS stack here takes them).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import tempfile
from dataclasses import dataclass
from typing import Iterable, Optional

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
CA_COMMON_NAME = "keyform simulators CA"
VALIDITY = datetime.timedelta(days=3650)
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Issued:
    """A certificate and its private key, both PEM."""

    certificate_pem: str
    private_key_pem: str

    def write(self, directory: str, name: str) -> tuple[str, str]:
        """Write ``DIR/<name>.pem`` and ``DIR/<name>-key.pem`` (0600); their paths."""
        cert_path = os.path.join(directory, f"{name}.pem")
        key_path = os.path.join(directory, f"{name}-key.pem")
        _write(cert_path, self.certificate_pem, 0o644)
        _write(key_path, self.private_key_pem, 0o600)
        return cert_path, key_path


def _write(path: str, text: str, mode: int) -> None:
    """Write whole or not at all (a reader never sees half a PEM), with ``mode`` from the start."""
    directory = os.path.dirname(path) or "."
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def subject_name(common_name: str) -> x509.Name:
    """An X.509 name holding only ``common_name``."""
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def private_key_pem(key: ec.EllipticCurvePrivateKey) -> str:
    """``key`` as unencrypted PKCS#8 PEM."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")


def _cert_pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _subject_alternative_names(hosts: Iterable[str]) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    return names


class RunCa:
    """A CA certificate and key able to issue server and client certificates."""

    def __init__(self, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey,
                 certificate_path: Optional[str] = None):
        self.certificate = certificate
        self.key = key
        self.certificate_path = certificate_path
        """Where ``ca.pem`` is (None for a CA held only in memory)."""

    @property
    def certificate_pem(self) -> str:
        return _cert_pem(self.certificate)

    @classmethod
    def generate(cls, common_name: str = CA_COMMON_NAME) -> "RunCa":
        """A new CA held in memory (``save`` writes it)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        name = subject_name(common_name)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + VALIDITY)
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                             key_encipherment=False, data_encipherment=False, key_agreement=False,
                                             key_cert_sign=True, crl_sign=True, encipher_only=False,
                                             decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(key, hashes.SHA256()))
        return cls(cert, key)

    @classmethod
    def load_or_create(cls, directory: str) -> "RunCa":
        """The CA kept in ``directory`` (created, with the directory, when there is none)."""
        os.makedirs(directory, exist_ok=True)
        cert_path = os.path.join(directory, CA_FILE)
        key_path = os.path.join(directory, CA_KEY_FILE)
        if os.path.exists(cert_path) and os.path.exists(key_path):
            with open(cert_path, "rb") as handle:
                cert = x509.load_pem_x509_certificate(handle.read())
            with open(key_path, "rb") as handle:
                key = serialization.load_pem_private_key(handle.read(), password=None)
            if isinstance(key, ec.EllipticCurvePrivateKey) and cert.not_valid_after_utc > _soon():
                return cls(cert, key, cert_path)
        ca = cls.generate()
        ca.save(directory)
        return ca

    def save(self, directory: str) -> str:
        """Write ``ca.pem`` and ``ca-key.pem`` (0600) into ``directory``; the certificate's path."""
        os.makedirs(directory, exist_ok=True)
        _write(os.path.join(directory, CA_KEY_FILE), private_key_pem(self.key), 0o600)
        self.certificate_path = os.path.join(directory, CA_FILE)
        _write(self.certificate_path, self.certificate_pem, 0o644)
        return self.certificate_path

    def issue(self, common_name: str, *, hosts: Iterable[str] = (), server: bool = False,
              client: bool = False) -> Issued:
        """A leaf certificate for ``common_name`` (with ``hosts`` as subject alternative names), usable as a TLS
        server certificate, client certificate or both."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        usages = ([ExtendedKeyUsageOID.SERVER_AUTH] if server else []) + (
            [ExtendedKeyUsageOID.CLIENT_AUTH] if client else [])
        builder = (x509.CertificateBuilder().subject_name(subject_name(common_name))
                   .issuer_name(self.certificate.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + VALIDITY)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                                  critical=False))
        if usages:
            builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=False)
        alternative = _subject_alternative_names(hosts)
        if alternative:
            builder = builder.add_extension(x509.SubjectAlternativeName(alternative), critical=False)
        cert = builder.sign(self.key, hashes.SHA256())
        return Issued(_cert_pem(cert), private_key_pem(key))

    def issue_server(self, common_name: str, hosts: Iterable[str] = LOOPBACK_NAMES) -> Issued:
        return self.issue(common_name, hosts=hosts, server=True)

    def issue_client(self, common_name: str) -> Issued:
        return self.issue(common_name, client=True)


def _soon() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
