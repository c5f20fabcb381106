"""Batch tokens: self-contained, signed with a key every member of a DR replication set shares.

A batch token is ``"hvb." + base64url(payload || HMAC-SHA256(key, payload))`` (no
padding), the payload being compact JSON ``{"policies", "expires", "issued",
"cluster_id", "nonce"}`` (epoch seconds; the issuing cluster's cluster ID, informative
only; 16 random bytes in hex), plus what the token store made it with (``path``,
``display_name``, ``orphan``, ``meta``: only ``auth/token/lookup-self`` reads them).
Nothing is stored: like Vault's, a batch token is
verified from itself, cannot be renewed or revoked, and dies at ``expires``. Unlike
Vault's, which are encrypted, the simulator's are only signed: the claims are readable
(Vault documents its tokens as opaque, so clients must not rely on either).

The HMAC key stands in for Vault's keyring, which a DR primary replicates to its
secondaries: it is derived from the cluster's unseal key set (``state["key_set"]``),
which a DR secondary adopts from its primary at activation. So a batch token made on
any member verifies on every member of the set, and on no cluster outside it
(another key set gives another key):
``root = SHA-256("keyform-vault-sim/root/" || threshold || sorted decoded shares)``,
``key = HMAC-SHA256(root, "keyform-vault-sim/batch-token/v1")``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from typing import Optional

PREFIX = "hvb."
MAC_BYTES = 32


def signing_key(key_set: dict) -> bytes:
    shares = sorted(base64.b64decode(k) for k in key_set["keys_base64"])
    root = hashlib.sha256(b"keyform-vault-sim/root/" + bytes([int(key_set["threshold"]) & 0xFF]) + b"".join(shares))
    return hmac.new(root.digest(), b"keyform-vault-sim/batch-token/v1", hashlib.sha256).digest()


def issue(key_set: dict, policies: list[str], ttl: int, cluster_id: str, now: Optional[float] = None,
          details: Optional[dict] = None) -> dict:
    """A new batch token: ``{"token", "policies", "issued", "expires"}`` (and the ``details``:
    ``path``, ``display_name``, ``orphan``, ``meta``, which ``lookup-self`` answers)."""
    issued = time.time() if now is None else now
    claims = {
        **(details or {}),
        "policies": list(policies),
        "issued": round(issued, 3),
        "expires": round(issued + ttl, 3),
        "cluster_id": cluster_id,
        "nonce": secrets.token_hex(16),
    }
    payload = json.dumps(claims, separators=(",", ":"), sort_keys=True).encode()
    mac = hmac.new(signing_key(key_set), payload, hashlib.sha256).digest()
    token = PREFIX + base64.urlsafe_b64encode(payload + mac).rstrip(b"=").decode()
    return dict(claims, token=token)


def looks_like(token: str) -> bool:
    return isinstance(token, str) and token.startswith(PREFIX)


def verify(token: str, key_set: dict, now: Optional[float] = None) -> Optional[dict]:
    """The claims of a well-formed, authentic and unexpired batch token; ``None`` otherwise."""
    if not looks_like(token):
        return None
    body = token[len(PREFIX):]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        return None
    payload, mac = raw[:-MAC_BYTES], raw[-MAC_BYTES:]
    if len(raw) <= MAC_BYTES:
        return None
    expected = hmac.new(signing_key(key_set), payload, hashlib.sha256).digest()
    if not hmac.compare_digest(mac, expected):
        return None
    try:
        claims = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("policies"), list):
        return None
    expires = claims.get("expires")
    if not isinstance(expires, (int, float)) or (time.time() if now is None else now) >= expires:
        return None
    return claims
