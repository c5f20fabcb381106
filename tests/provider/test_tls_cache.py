"""The provider's cached TLS identity is used only when it is whole: a cache file of another shape (another
keyform's, a hand edit) is replaced by a fresh identity, never handed to the handshake half-made."""

from __future__ import annotations

import json
import time

import pytest

from keyform.provider import tls


@pytest.mark.parametrize("cached", [
    {"not_after": time.time() + 10 * 24 * 3600},  # valid for days, but no key or certificate
    {"key_pem": "k", "cert_pem": "c", "cert_der_b64": "d", "not_after": "2099-01-01"},
    ["not", "an", "object"],
])
def test_a_cache_of_another_shape_is_replaced(tmp_path, monkeypatch, cached):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = tmp_path / "keyform" / "provider-tls.json"
    path.parent.mkdir()
    path.write_text(json.dumps(cached))

    made = tls.identity()

    assert made["key_pem"].startswith("-----BEGIN PRIVATE KEY-----")
    assert made["cert_pem"].startswith("-----BEGIN CERTIFICATE-----")
    assert json.loads(path.read_text()) == made
    assert tls.identity() == made  # and from then on, the cache serves


def test_a_valid_cache_is_used_as_is(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cached = {"key_pem": "k", "cert_pem": "c", "cert_der_b64": "d", "not_after": time.time() + 10 * 24 * 3600}
    path = tmp_path / "keyform" / "provider-tls.json"
    path.parent.mkdir()
    path.write_text(json.dumps(cached))

    assert tls.identity() == cached
