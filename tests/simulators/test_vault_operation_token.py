"""Vault DR replication simulator: DR operation token generation with unseal key shares."""

from __future__ import annotations

import base64
import os
import uuid

import requests

from tests.simulators.test_vault_support import pair

ATTEMPT = "/secondary/generate-operation-token/attempt"
UPDATE = "/secondary/generate-operation-token/update"
FIELDS = {"started", "nonce", "progress", "required", "encoded_token", "pgp_fingerprint", "complete"}


def _otp() -> str:
    return base64.b64encode(os.urandom(16)).decode()


def test_only_on_a_dr_secondary(vaults):
    (a,) = vaults("vault-a")
    assert "only available on a DR secondary" in a.error("GET", ATTEMPT, token=None)
    a.ok("POST", "/primary/enable", {})
    assert "only available on a DR secondary" in a.error("PUT", ATTEMPT, {"otp": _otp()}, token=None)


def test_generation_end_to_end(vaults):
    a, b = pair(vaults)
    shares = a.unseal_keys()
    idle = b.ok("GET", ATTEMPT, status=200, token=None)
    assert set(idle) == FIELDS and idle["started"] is False and idle["required"] == 3 and idle["nonce"] == ""

    otp = _otp()
    started = b.ok("PUT", ATTEMPT, {"otp": otp}, status=200, token=None)
    assert set(started) == FIELDS
    assert started["started"] is True and started["progress"] == 0 and started["complete"] is False
    nonce = started["nonce"]
    assert "already in progress" in b.error("PUT", ATTEMPT, {"otp": _otp()}, token=None)

    assert "incorrect nonce" in b.error("PUT", UPDATE, {"key": shares[0], "nonce": "wrong"}, token=None)
    first = b.ok("PUT", UPDATE, {"key": shares[0], "nonce": nonce}, status=200, token=None)
    assert first["progress"] == 1 and first["encoded_token"] == ""
    assert "already been provided" in b.error("PUT", UPDATE, {"key": shares[0], "nonce": nonce}, token=None)
    # Vault accepts shares in hex as well as base64.
    hex_share = base64.b64decode(shares[1]).hex()
    assert b.ok("PUT", UPDATE, {"key": hex_share, "nonce": nonce}, status=200, token=None)["progress"] == 2
    assert b.ok("GET", ATTEMPT, status=200, token=None)["progress"] == 2
    done = b.ok("PUT", UPDATE, {"key": shares[4], "nonce": nonce}, status=200, token=None)
    assert done["complete"] is True and done["progress"] == 3 and done["required"] == 3
    assert done["pgp_fingerprint"] == ""

    raw = base64.b64decode(done["encoded_token"])
    token = uuid.UUID(bytes=bytes(x ^ y for x, y in zip(raw, base64.b64decode(otp))))
    assert str(token) != done["encoded_token"]
    # The attempt is cleared once complete, as Vault's root generation is.
    assert b.ok("GET", ATTEMPT, status=200, token=None)["started"] is False
    # The decoded token is a DR operation token of B.
    b.ok("POST", "/secondary/operation-token/delete", {"dr_operation_token": str(token)})


def test_invalid_shares_reset_progress(vaults):
    a, b = pair(vaults)
    shares = a.unseal_keys()
    nonce = b.ok("PUT", ATTEMPT, {"otp": _otp()}, status=200, token=None)["nonce"]
    assert "decoding key failed" in b.error("PUT", UPDATE, {"key": "not a key!", "nonce": nonce}, token=None)
    b.ok("PUT", UPDATE, {"key": shares[0], "nonce": nonce}, status=200, token=None)
    b.ok("PUT", UPDATE, {"key": shares[1], "nonce": nonce}, status=200, token=None)
    bogus = base64.b64encode(os.urandom(33)).decode()
    assert "verification failed" in b.error("PUT", UPDATE, {"key": bogus, "nonce": nonce}, token=None)
    assert b.ok("GET", ATTEMPT, status=200, token=None)["progress"] == 0
    # B's key set is now A's (adopted at activation), also through the admin endpoint.
    b_own = requests.get(b.url + "/_admin/unseal-keys", headers={"X-Vault-Token": b.token}, timeout=5).json()
    assert b_own["keys_base64"] == shares


def test_start_parameters(vaults):
    _, b = pair(vaults)
    assert "only one" in b.error("PUT", ATTEMPT, {}, token=None)
    assert "only one" in b.error("PUT", ATTEMPT, {"otp": _otp(), "pgp_key": "abc"}, token=None)
    assert "not supported" in b.error("PUT", ATTEMPT, {"pgp_key": "bXkga2V5"}, token=None)
    assert "wrong length" in b.error("PUT", ATTEMPT, {"otp": base64.b64encode(b"short").decode()}, token=None)
    assert "base64" in b.error("PUT", ATTEMPT, {"otp": "not base64!"}, token=None)
    assert "no DR operation token generation in progress" in b.error(
        "PUT", UPDATE, {"key": "aa" * 33, "nonce": "x"}, token=None
    )
    assert "missing" in b.error("PUT", UPDATE, {"nonce": "x"}, token=None)


def test_cancel(vaults):
    _, b = pair(vaults)
    first = b.ok("PUT", ATTEMPT, {"otp": _otp()}, status=200, token=None)["nonce"]
    b.ok("DELETE", ATTEMPT, token=None)
    assert b.ok("GET", ATTEMPT, status=200, token=None)["started"] is False
    assert b.ok("PUT", ATTEMPT, {"otp": _otp()}, status=200, token=None)["nonce"] != first


def test_operation_token_delete_needs_auth(vaults):
    a, b = pair(vaults)
    # A DR secondary serves no client token: the DR operation token alone authorises the delete.
    for token in ("bad", None):
        assert b.error("POST", "/secondary/operation-token/delete", {"dr_operation_token": "x"},
                       token=token) == "invalid DR operation token"
    # A primary checks the client token first, like any path.
    assert a.error("POST", "/secondary/operation-token/delete", {"dr_operation_token": "x"}, status=403,
                   token="bad") == "permission denied"
