"""Helpers for the Vault simulator tests (a tiny client over ``requests``) and unit tests of the helpers."""

from __future__ import annotations

import base64
import os
import uuid

import pytest
import requests

from keyform.simulators.vault import keys, params, unseal_keys
from keyform.simulators.vault.envelope import VaultError

DR = "/v1/sys/replication/dr"


class Vault:
    """One simulated cluster seen by a client."""

    def __init__(self, server):
        self.server = server
        self.url = server.url
        self.token = server.settings.token

    def call(self, method: str, path: str, json=None, token: str | None = "default", **kwargs):
        headers = {}
        if token == "default":
            token = self.token
        if token is not None:
            headers["X-Vault-Token"] = token
        return requests.request(method, self.url + DR + path, json=json, headers=headers, timeout=10, **kwargs)

    def ok(self, method: str, path: str, json=None, status: int = 204, **kwargs):
        response = self.call(method, path, json, **kwargs)
        assert response.status_code == status, (path, response.status_code, response.text)
        if status == 204:
            assert response.content == b""
            return None
        return response.json()

    def error(self, method: str, path: str, json=None, status: int = 400, **kwargs) -> str:
        response = self.call(method, path, json, **kwargs)
        assert response.status_code == status, (path, response.status_code, response.text)
        errors = response.json()["errors"]
        assert isinstance(errors, list)
        return " ".join(errors)

    def status(self) -> dict:
        return self.ok("GET", "/status", status=200)

    def secondary_token(self, secondary_id: str, ttl=None) -> str:
        payload = {"id": secondary_id} if ttl is None else {"id": secondary_id, "ttl": ttl}
        return self.ok("POST", "/primary/secondary-token", payload, status=200)["wrap_info"]["token"]

    def unseal_keys(self) -> list[str]:
        return unseal_keys(self.server.settings)["keys_base64"]

    def operation_token(self, shares: list[str]) -> str:
        """Generate a DR operation token with ``shares`` and decode it with the OTP, as a client does."""
        otp = base64.b64encode(os.urandom(16)).decode()
        self.ok("DELETE", "/secondary/generate-operation-token/attempt", token=None)
        started = self.ok("PUT", "/secondary/generate-operation-token/attempt", {"otp": otp}, status=200, token=None)
        answer = started
        for share in shares:
            answer = self.ok(
                "PUT", "/secondary/generate-operation-token/update",
                {"key": share, "nonce": started["nonce"]}, status=200, token=None,
            )
        assert answer["complete"] is True
        raw = base64.b64decode(answer["encoded_token"])
        pad = base64.b64decode(otp)
        return str(uuid.UUID(bytes=bytes(a ^ b for a, b in zip(raw, pad))))


@pytest.fixture
def vaults(simulator):
    """``vaults("vault-a", "vault-b")`` -> clients of freshly started clusters (the ``simulator``
    fixture stops them)."""

    def _start(*names, **kwargs):
        return [Vault(simulator("vault", name=name, **kwargs)) for name in names]

    return _start


def pair(vaults):
    """A primary A with B activated as its secondary ``b``; ``b.token`` is then the set's (A's root token):
    the enable wiped B's own."""
    a, b = vaults("vault-a", "vault-b")
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    b.token = a.token
    return a, b


@pytest.mark.parametrize(
    "text, seconds", [("30m", 1800), ("300s", 300), ("1h", 3600), ("1h30m", 5400), ("45", 45), (60, 60)]
)
def test_durations_parse_like_vault(text, seconds):
    assert params.duration(text) == seconds


@pytest.mark.parametrize("text", ["abc", "10x", "-5", "1h 2m"])
def test_bad_durations_are_refused(text):
    with pytest.raises(VaultError):
        params.duration(text)


def test_activation_token_carries_the_address_and_id_only():
    token = keys.new_activation_token("https://127.0.0.1:8603", "us-east")
    assert keys.read_activation_token(token) == {"addr": "https://127.0.0.1:8603", "id": "us-east"}
    with pytest.raises(VaultError):
        keys.read_activation_token("not-a-token")


def test_operation_token_round_trip():
    otp = base64.b64encode(os.urandom(16)).decode()
    token = str(uuid.uuid4())
    assert keys.decode_operation_token(keys.encode_operation_token(token, base64.b64decode(otp)), otp) == token


def test_default_unseal_keys_are_deterministic_per_name():
    a1, a2, b = keys.default_key_set("vault-a"), keys.default_key_set("vault-a"), keys.default_key_set("vault-b")
    assert a1 == a2 and a1 != b
    assert len(a1["keys_base64"]) == 5 and a1["threshold"] == 3
    assert all(len(base64.b64decode(k)) == 33 for k in a1["keys_base64"])
