"""The provider's TLS identity for go-plugin's automatic mutual TLS.

Terraform hands the plugin its client certificate in ``PLUGIN_CLIENT_CERT`` and expects
the plugin's certificate (base64 DER) in the handshake line. Generating a key costs
tens of milliseconds and importing ``cryptography`` as much again, so the certificate
is cached (``~/.cache/keyform/provider-tls.json``, mode 0600) with its expiry written
beside it: a launch with a valid cache imports nothing but ``json``.
"""

from __future__ import annotations

import base64
import json
import os
import time
from typing import Optional, TypedDict

VALID_DAYS = 30
RENEW_BEFORE_SECONDS = 24 * 3600


class Identity(TypedDict):
    key_pem: str
    cert_pem: str
    cert_der_b64: str
    not_after: float
    """Expiry of the certificate (seconds since the epoch)."""


def _cache_path() -> str:
    # os.path, not pathlib: pathlib costs ~10 ms of imports at every launch.
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "keyform", "provider-tls.json")


def _generate() -> Identity:
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(timezone.utc)
    not_after = now + timedelta(days=VALID_DAYS)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=True,
                          data_encipherment=False, key_agreement=True, key_cert_sign=True, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH,
                                              x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=True)
        .sign(key, hashes.SHA256())
    )
    return {
        "key_pem": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()).decode(),
        "cert_pem": cert.public_bytes(serialization.Encoding.PEM).decode(),
        "cert_der_b64": base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode(),
        "not_after": not_after.timestamp(),
    }


def _usable(cached: object) -> Optional[Identity]:
    """``cached`` when it is a whole identity (strings and an expiry, as written here) still valid long enough."""
    if not isinstance(cached, dict):
        return None
    key_pem, cert_pem, cert_der_b64 = cached.get("key_pem"), cached.get("cert_pem"), cached.get("cert_der_b64")
    not_after = cached.get("not_after")
    if not (isinstance(key_pem, str) and isinstance(cert_pem, str) and isinstance(cert_der_b64, str)):
        return None
    if not isinstance(not_after, (int, float)) or not_after - time.time() <= RENEW_BEFORE_SECONDS:
        return None
    return Identity(key_pem=key_pem, cert_pem=cert_pem, cert_der_b64=cert_der_b64, not_after=not_after)


def identity() -> Identity:
    """``key_pem``, ``cert_pem``, ``cert_der_b64``: from the cache while valid, else freshly made."""
    path = _cache_path()
    try:
        with open(path, encoding="utf-8") as handle:
            cached = _usable(json.load(handle))
        if cached is not None:
            return cached
    except (OSError, ValueError):
        pass
    made = _generate()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(made, handle)
    os.replace(tmp, path)
    return made
