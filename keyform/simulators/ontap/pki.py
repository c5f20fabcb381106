"""Real X.509 material for the simulated cluster's certificates (``cryptography``).

- :func:`seed_certificates`: the pre-installed certificates, generated once per new cluster (then kept in the state
  file): server CAs "kmip-ca" and "kmip-ca-2"; client certificates (clientAuth) "kmip-client" and
  "kmip-client-renewed" (one key pair, both signed by "kmip-ca") and "kmip-client-other" (another key pair, signed
  by "kmip-ca-2"). Given the run's CA (:class:`RunCa`, the one that issues the real KMIP servers' certificates),
  "kmip-ca" is that CA's certificate, so the run's KMIP servers trust "kmip-client" and refuse "kmip-client-other";
  without it "kmip-ca" is self-signed here. CHOSEN: their keys are ECDSA P-256 (generating four RSA keys would add
  about half a second to every start); installed certificates may use any key type ``cryptography`` reads.
- :func:`describe`: what the cluster shows of a PEM certificate (common name, serial, expiry, CA, key size) and
  ``key_pair``, the SHA-256 of its public key (client certificates with the same key pair may replace each other).
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Optional

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from keyform.simulators.common.run_ca import RunCa, private_key_pem, subject_name

# name, type, key pair label (same label: same key), common name, issuer name (None: self-signed)
SEED_CERTIFICATES = (
    ("kmip-ca", "server_ca", "ca-1", "KMIP Test CA", None),
    ("kmip-ca-2", "server_ca", "ca-2", "KMIP Test CA 2", None),
    ("kmip-client", "client", "client-1", "ontap-sim-kmip-client", "kmip-ca"),
    ("kmip-client-renewed", "client", "client-1", "ontap-sim-kmip-client", "kmip-ca"),
    ("kmip-client-other", "client", "client-2", "ontap-sim-other-client", "kmip-ca-2"),
)
SEED_VALIDITY = datetime.timedelta(days=3650)
RUN_CA_SEED = "kmip-ca"
"""The seeded server CA that is the run's CA when the cluster is given one."""


class CertificateError(ValueError):
    """A PEM text that is not what was expected (the message says why)."""


def _issue(common_name: str, key, issuer_name: x509.Name, issuer_key, ca: bool) -> x509.Certificate:
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject_name(common_name)).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + SEED_VALIDITY)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def seed_certificates(ca: Optional[RunCa] = None) -> list[dict]:
    """``{name, type, common_name, public_certificate, private_key}`` of each pre-installed certificate (the
    private key only for client certificates); "kmip-ca" is ``ca``'s certificate when given."""
    keys: dict = {}
    issued: dict = {}
    out = []
    for name, kind, pair, common_name, issuer in SEED_CERTIFICATES:
        key = keys.setdefault(pair, ec.generate_private_key(ec.SECP256R1()))
        if issuer is None and ca is not None and name == RUN_CA_SEED:
            cert, key = ca.certificate, ca.key
        elif issuer is None:
            cert = _issue(common_name, key, subject_name(common_name), key, ca=True)
        else:
            issuer_cert, issuer_key = issued[issuer]
            cert = _issue(common_name, key, issuer_cert.subject, issuer_key, ca=False)
        issued[name] = (cert, key)
        entry = {"name": name, "type": kind,
                 "public_certificate": cert.public_bytes(serialization.Encoding.PEM).decode("ascii")}
        if kind == "client":
            entry["private_key"] = private_key_pem(key)
        out.append(entry)
    return out


def _public_der(public_key) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_certificate(pem) -> x509.Certificate:
    if not isinstance(pem, str) or "-----BEGIN CERTIFICATE-----" not in pem:
        raise CertificateError("public_certificate is not a PEM-encoded X.509 certificate.")
    try:
        return x509.load_pem_x509_certificate(pem.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise CertificateError("public_certificate is not a PEM-encoded X.509 certificate.") from None


def check_private_key(pem, cert: x509.Certificate) -> None:
    """The (unencrypted) PEM private key must read and belong to ``cert``."""
    if not isinstance(pem, str) or "PRIVATE KEY-----" not in pem:
        raise CertificateError("private_key is not a PEM-encoded private key.")
    try:
        key = serialization.load_pem_private_key(pem.strip().encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        raise CertificateError("private_key is not a PEM-encoded unencrypted private key.") from None
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise CertificateError("mismatch")


def _common_name(name: x509.Name) -> Optional[str]:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else None


def describe(cert: x509.Certificate) -> dict:
    """The fields the cluster shows (and keeps) of an installed certificate."""
    public_key = cert.public_key()
    return {
        "common_name": _common_name(cert.subject) or "",
        "serial_number": format(cert.serial_number, "X"),
        "expiry_time": cert.not_valid_after_utc.isoformat(),
        "ca": _common_name(cert.issuer) or cert.issuer.rfc4514_string(),
        "key_size": getattr(public_key, "key_size", 0),
        "key_pair": hashlib.sha256(_public_der(public_key)).hexdigest(),
        "public_certificate": cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
    }


def expired(cert_entry: dict) -> bool:
    expiry = datetime.datetime.fromisoformat(cert_entry["expiry_time"])
    return expiry <= datetime.datetime.now(datetime.timezone.utc)
