"""A response kept in state: secret keys removed, and every secret an API echoed inside a value masked."""

from __future__ import annotations

import json

from keyform.client.errors import redact
from keyform.provider.common import sanitized_json

SECRETS = ["Pw-echo-71c2", "tok-9a0e55"]


def _mask(text: str) -> str:
    return redact(text, SECRETS)


def test_secrets_echoed_at_any_depth_are_masked_and_secret_keys_dropped():
    body = {"message": "accepted Pw-echo-71c2 for admin", "password": "Pw-echo-71c2",
            "nodes": [{"note": "token tok-9a0e55"}, {"note": "plain"}], "count": 3}
    shown = json.loads(sanitized_json(body, {"password"}, mask=_mask))
    assert shown == {"message": "accepted *** for admin", "nodes": [{"note": "token ***"}, {"note": "plain"}],
                     "count": 3}


def test_a_secret_split_across_two_values_is_not_a_secret_of_either():
    body = {"a": "Pw-echo", "b": "-71c2", "c": "tok-9a0e55!"}
    shown = json.loads(sanitized_json(body, set(), mask=_mask))
    assert shown == {"a": "Pw-echo", "b": "-71c2", "c": "***!"}


def test_without_any_secret_the_response_is_kept_whole():
    body = {"name": "svm-1", "servers": ["10.0.0.1:5696", "10.0.0.2:5696"], "ok": True, "none": None}
    assert json.loads(sanitized_json(body, set(), mask=_mask)) == body
    assert sanitized_json(None, set(), mask=_mask) is None
