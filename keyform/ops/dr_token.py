"""Generate a Vault DR operation token on a DR secondary from unseal-key shares.

Supported: PUT|DELETE /v1/sys/replication/dr/secondary/generate-operation-token/attempt,
PUT /v1/sys/replication/dr/secondary/generate-operation-token/update (seed 003).
The token is the one-time pad (OTP) decoding of ``encoded_token``: its 16 raw bytes XOR the OTP.
"""

from __future__ import annotations

import base64
import os
import uuid
from typing import Sequence

import requests

BASE = "sys/replication/dr/secondary/generate-operation-token"


class DrTokenError(RuntimeError):
    pass


def decode(encoded_token: str, otp: str) -> str:
    raw = bytes(a ^ b for a, b in zip(base64.b64decode(encoded_token), base64.b64decode(otp)))
    return str(uuid.UUID(bytes=raw))


def generate(base_url: str, unseal_keys: Sequence[str], timeout: float = 10.0, ca_cert_file: str | None = None) -> str:
    """Start an attempt with a fresh OTP, feed shares until complete, return the decoded token. ``ca_cert_file``:
    the CA the cluster's certificate chains to (else the system's CAs)."""
    url = base_url.rstrip("/")
    otp = base64.b64encode(os.urandom(16)).decode()
    session = requests.Session()
    verify = ca_cert_file or True  # per request: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override a session's

    def call(method: str, path: str, body: dict | None = None) -> dict:
        try:
            response = session.request(method, f"{url}/{path}", json=body, timeout=timeout, verify=verify)
        except requests.exceptions.SSLError as exc:
            raise DrTokenError(f"{method} {url}/{path}: the certificate is not trusted ({_reason(exc)}); give the "
                               "CA it chains to with --ca-cert-file or KEYFORM_CA_CERT_FILE") from None
        if response.status_code >= 400:
            errors = response.json().get("errors") if response.content else None
            raise DrTokenError(f"{method} {url}/{path} answered {response.status_code}: {'; '.join(errors or [])}")
        return response.json() if response.content else {}

    call("DELETE", f"{BASE}/attempt")  # cancel a stale attempt, if any
    attempt = call("PUT", f"{BASE}/attempt", {"otp": otp})
    nonce = attempt["nonce"]
    for key in unseal_keys:
        progress = call("PUT", f"{BASE}/update", {"key": key, "nonce": nonce})
        if progress.get("complete"):
            return decode(progress["encoded_token"], otp)
    raise DrTokenError(f"{len(unseal_keys)} key shares were not enough ({progress.get('required')} required)")


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "certificate verify failed" if "CERTIFICATE_VERIFY_FAILED" in text else text[-120:]
