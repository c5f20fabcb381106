"""Helpers for the Vault simulator's data paths (policies, token roles, tokens, mounts) and unit
tests of the batch token format."""

from __future__ import annotations

import base64
import json

import pytest
import requests

from keyform.simulators.vault import batch_token, keys
from keyform.simulators.vault.cluster import live_cluster
from tests.simulators.test_vault_support import Vault

# HashiCorp's recommended policy for a DR operation batch token: promote and update-primary only.
FAILOVER_POLICY = """
# To promote a DR secondary
path "sys/replication/dr/secondary/promote" {
  capabilities = ["update"]
}

# To point a DR secondary at its new primary
path "sys/replication/dr/secondary/update-primary" {
  capabilities = ["update"]
}
"""
# Every DR secondary endpoint (promote, update-primary, disable, merkle-check, ...).
ALL_DR_POLICY = 'path "sys/replication/dr/secondary/*" { capabilities = ["update"] }'


def call(vault: Vault, method: str, path: str, json=None, token: str | None = "default", **kwargs):
    headers = {}
    if token == "default":
        token = vault.token
    if token is not None:
        headers["X-Vault-Token"] = token
    return requests.request(method, vault.url + "/v1" + path, json=json, headers=headers, timeout=10, **kwargs)


def ok(vault: Vault, method: str, path: str, json=None, status: int = 204, **kwargs):
    response = call(vault, method, path, json, **kwargs)
    assert response.status_code == status, (path, response.status_code, response.text)
    if status == 204:
        assert response.content == b""
        return None
    return response.json()


def error(vault: Vault, method: str, path: str, json=None, status: int = 400, **kwargs) -> str:
    response = call(vault, method, path, json, **kwargs)
    assert response.status_code == status, (path, response.status_code, response.text)
    errors = response.json()["errors"]
    assert isinstance(errors, list)
    return " ".join(errors)


def make_batch_token(vault: Vault, policy_text: str = FAILOVER_POLICY, ttl=None, name: str = "dr-ops") -> str:
    """What an operator does on the primary beforehand: a policy, a batch token role, a batch token."""
    ok(vault, "PUT", f"/sys/policies/acl/{name}", {"policy": policy_text})
    ok(vault, "POST", f"/auth/token/roles/{name}", {"allowed_policies": name, "token_type": "batch",
                                                    "orphan": True, "renewable": False})
    body = ok(vault, "POST", f"/auth/token/create/{name}", {} if ttl is None else {"ttl": ttl}, status=200)
    assert body["auth"]["token_type"] == "batch"
    return body["auth"]["client_token"]


def state(vault: Vault) -> dict:
    return live_cluster(vault.server.settings).state


KEY_SET = keys.default_key_set("vault-a")


def _decode(token: str) -> bytes:
    body = token[len("hvb."):]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def test_batch_token_carries_signed_claims():
    issued = batch_token.issue(KEY_SET, ["default", "dr-ops"], 60, "cluster-1", now=1000.0)
    token = issued["token"]
    assert token.startswith("hvb.") and "=" not in token
    raw = _decode(token)
    claims = json.loads(raw[:-32])
    assert claims["policies"] == ["default", "dr-ops"] and claims["expires"] == 1060.0
    assert claims["cluster_id"] == "cluster-1" and len(claims["nonce"]) == 32
    assert batch_token.verify(token, KEY_SET, now=1059.9)["policies"] == ["default", "dr-ops"]
    # Each token is unique (random nonce), even with the same claims.
    assert batch_token.issue(KEY_SET, ["default"], 60, "c", now=1.0)["token"] != \
        batch_token.issue(KEY_SET, ["default"], 60, "c", now=1.0)["token"]


@pytest.mark.parametrize("case", ["expired", "other key set", "tampered", "truncated", "garbage", "not batch"])
def test_batch_token_verification_refuses(case):
    token = batch_token.issue(KEY_SET, ["dr-ops"], 60, "c", now=1000.0)["token"]
    key_set, now = KEY_SET, 1010.0
    if case == "expired":
        now = 1060.0
    elif case == "other key set":
        key_set = keys.default_key_set("vault-c")
    elif case == "tampered":
        raw = bytearray(_decode(token))
        raw[2] ^= 1
        token = "hvb." + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    elif case == "truncated":
        token = token[:20]
    elif case == "garbage":
        token = "hvb.!!!"
    else:
        token = "hvs.abc"
    assert batch_token.verify(token, key_set, now=now) is None


def test_the_signing_key_follows_the_key_set_not_its_order():
    reordered = {"keys_base64": list(reversed(KEY_SET["keys_base64"])), "threshold": 3}
    assert batch_token.signing_key(reordered) == batch_token.signing_key(KEY_SET)
    assert batch_token.signing_key(KEY_SET) != batch_token.signing_key(keys.default_key_set("vault-b"))
    assert batch_token.signing_key(KEY_SET) != batch_token.signing_key(dict(KEY_SET, threshold=2))
