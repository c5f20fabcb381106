"""Unseal key shares, activation tokens and DR operation token encoding.

- Each cluster is "initialised" with 5 key shares and a threshold of 3, derived
  deterministically from the cluster name (or taken from ``settings.extra``:
  ``unseal_keys`` — hex or base64 strings — and ``unseal_threshold``). A share is
  33 bytes (32 key bytes and the Shamir x coordinate) like Vault's; the simulator
  verifies a set of shares by membership, which for genuine shares gives the same
  answers as combining them.
- Secondary activation tokens are ``base64url(JSON {"addr", "id"}) "." random``:
  the secondary reads the primary's API address and its own id from the first
  part; the primary only keeps a hash of the whole token.
- A DR operation token is a UUID; with an OTP of 16 bytes it is returned as
  ``base64(uuid.bytes XOR otp)``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import uuid

from keyform.simulators.common.body import BodyTooDeep, parse_json
from keyform.simulators.vault.envelope import VaultError

DEFAULT_SHARES = 5
DEFAULT_THRESHOLD = 3
SHARE_BYTES = 33


def default_key_set(name: str, shares: int = DEFAULT_SHARES, threshold: int = DEFAULT_THRESHOLD) -> dict:
    keys = []
    for index in range(shares):
        body = hashlib.sha256(f"keyform-vault-sim/{name}/unseal/{index}".encode()).digest()
        keys.append(base64.b64encode(body + bytes([index + 1])).decode())
    return {"keys_base64": keys, "threshold": threshold}


def key_set_from(extra: dict, name: str) -> dict:
    """The key set configured in ``settings.extra`` or the default one for ``name``."""
    threshold = int(extra.get("unseal_threshold", extra.get("threshold", DEFAULT_THRESHOLD)))
    given = extra.get("unseal_keys")
    if not given:
        return default_key_set(name, threshold=threshold)
    keys = [base64.b64encode(decode_share(k)).decode() for k in given]
    if not 1 <= threshold <= len(keys):
        raise ValueError("unseal_threshold must be between 1 and the number of unseal_keys")
    return {"keys_base64": keys, "threshold": threshold}


def describe_key_set(key_set: dict) -> dict:
    """Like ``sys/init``'s answer: ``keys`` (hex), ``keys_base64``, plus shares and threshold."""
    b64 = list(key_set["keys_base64"])
    return {
        "keys": [base64.b64decode(k).hex() for k in b64],
        "keys_base64": b64,
        "secret_shares": len(b64),
        "secret_threshold": key_set["threshold"],
    }


def decode_share(text: str) -> bytes:
    """A key share given in hex or base64, as Vault accepts both."""
    text = (text or "").strip()
    try:
        return bytes.fromhex(text)
    except ValueError:
        pass
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise VaultError("decoding key failed: key must be hex- or base64-encoded") from None


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def new_activation_token(api_addr: str, secondary_id: str) -> str:
    payload = json.dumps({"addr": api_addr, "id": secondary_id}, separators=(",", ":")).encode()
    head = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    return f"{head}.{secrets.token_urlsafe(24)}"


def read_activation_token(token: str) -> dict:
    """The public part of an activation token: ``{"addr", "id"}``; 400 if it is not one."""
    head, dot, secret = (token or "").partition(".")
    try:
        if not dot or not secret:
            raise ValueError
        payload = parse_json(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
        if not isinstance(payload, dict) or not isinstance(payload.get("addr"), str) or not payload.get("id"):
            raise ValueError
    except (ValueError, BodyTooDeep):
        raise VaultError("error decoding secondary activation token: token is malformed") from None
    return payload


def decode_otp(otp: str) -> bytes:
    try:
        raw = base64.b64decode(otp, validate=True)
    except (binascii.Error, ValueError):
        raise VaultError("error decoding one-time pad: otp must be base64-encoded") from None
    if len(raw) != 16:
        raise VaultError(f"OTP string is wrong length: expected 16 bytes, got {len(raw)}")
    return raw


def encode_operation_token(token: str, otp: bytes) -> str:
    raw = uuid.UUID(token).bytes
    return base64.b64encode(bytes(a ^ b for a, b in zip(raw, otp))).decode()


def decode_operation_token(encoded: str, otp: str) -> str:
    """What a client does: ``uuid.UUID(bytes=b64decode(encoded) XOR b64decode(otp))``."""
    raw = base64.b64decode(encoded)
    pad = base64.b64decode(otp)
    return str(uuid.UUID(bytes=bytes(a ^ b for a, b in zip(raw, pad))))
